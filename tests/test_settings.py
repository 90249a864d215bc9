"""mockdesk/settings: flags and MOCKDESK_* variables become Settings, or one clear error."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mockdesk.app import create_app
from mockdesk.core.timeline import DATA_EPOCH
from mockdesk.settings import Settings, SettingsError, parse_epoch


def test_settings_from_environment() -> None:
    env = {
        "MOCKDESK_SEED": "7",
        "MOCKDESK_VENDOR": "sendcloud",
        "MOCKDESK_RATE_LIMIT": "sendcloud=off",
        "MOCKDESK_PORT": "9000",
    }
    settings = Settings.from_env(env)
    assert (settings.seed, settings.vendors, settings.port) == (7, ("sendcloud",), 9000)
    assert settings.rate_limits == {"sendcloud": "off"}


@pytest.mark.parametrize(
    "env",
    [{"MOCKDESK_SEED": "x"}, {"MOCKDESK_PORT": "70000"}, {"MOCKDESK_RATE_LIMIT": "sendcloud=lots"}],
)
def test_bad_settings_raise_one_clear_error(env: dict[str, str]) -> None:
    with pytest.raises(SettingsError):
        Settings.from_env(env)


def test_credentials_are_configurable_by_flag_or_environment() -> None:
    settings = Settings.from_env({"MOCKDESK_TOKEN": "env-token", "MOCKDESK_BASIC": "k:s"})
    assert (settings.credentials.token, settings.credentials.basic_username) == ("env-token", "k")
    app = create_app(settings.with_credentials(token_without_scopes="plain"))
    client = app.test_client()
    ok = client.get("/api/v2/support/tickets", headers={"Authorization": "Bearer env-token"})
    old = client.get("/api/v2/support/tickets", headers={"Authorization": "Bearer mockdesk-token"})
    plain = client.get("/api/v2/support/tickets", headers={"Authorization": "Bearer plain"})
    assert (ok.status_code, old.status_code, plain.status_code) == (200, 401, 403)
    with pytest.raises(SettingsError, match="KEY:SECRET"):
        settings.with_credentials(basic="no-colon")


def test_state_is_one_field_with_the_old_storage_uri_as_an_alias() -> None:
    assert Settings().state == "memory://" and not Settings().shared
    old = Settings.from_env({"MOCKDESK_STORAGE_URI": "redis://127.0.0.1:6379/0"})
    assert old.state == "redis://127.0.0.1:6379/0" and old.shared
    both = Settings.from_env(
        {"MOCKDESK_STORAGE_URI": "redis://old:6379/0", "MOCKDESK_STATE": "redis://new:6379/1"}
    )
    assert both.state == "redis://new:6379/1"


def test_several_workers_need_shared_state() -> None:
    assert Settings.from_env({"MOCKDESK_WORKERS": "1"}).workers == 1
    shared = Settings.from_env({"MOCKDESK_WORKERS": "4", "MOCKDESK_STATE": "redis://h:1/0"})
    assert shared.workers == 4
    with pytest.raises(SettingsError, match=r"^workers: 2 workers need shared state"):
        Settings(workers=2)
    with pytest.raises(SettingsError, match=r"^workers: must be between 1 and 64"):
        Settings(workers=0, state="redis://h:1/0")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-06-01", datetime(2026, 6, 1, tzinfo=UTC)),
        ("2026-06-01T09:30:15.999+02:00", datetime(2026, 6, 1, 7, 30, 15, tzinfo=UTC)),
        ("2030-01-01T00:00:00Z", datetime(2030, 1, 1, tzinfo=UTC)),
    ],
)
def test_an_epoch_is_a_utc_datetime_in_whole_seconds(text: str, expected: datetime) -> None:
    epoch = parse_epoch("epoch", text)
    assert epoch == expected and epoch.tzinfo == UTC and epoch.microsecond == 0
    assert Settings.from_env({"MOCKDESK_EPOCH": text}).shift == expected - DATA_EPOCH


def test_the_default_epoch_is_the_fixed_data_epoch_and_now_is_resolved_once() -> None:
    assert Settings().epoch == DATA_EPOCH and Settings().shift == timedelta(0)
    before = datetime.now(UTC).replace(microsecond=0)
    now = parse_epoch("epoch", "now")
    assert before <= now <= datetime.now(UTC) and now.microsecond == 0


@pytest.mark.parametrize("text", ["yesterday", "2026-13-01", "2026-06-01T09:00:00", "", "1e9"])
def test_a_bad_epoch_is_one_line(text: str) -> None:
    with pytest.raises(SettingsError, match=r"^epoch: "):
        parse_epoch("epoch", text)


def test_the_epoch_moves_the_data() -> None:
    shifted = Settings(tickets=3, epoch=DATA_EPOCH + timedelta(days=10))
    plain, moved = (
        create_app(settings)
        .test_client()
        .get("/api/v2/support/tickets", headers={"Authorization": "Bearer mockdesk-token"})
        for settings in (Settings(tickets=3), shifted)
    )
    assert plain.status_code == moved.status_code == 200
    assert plain.get_data() != moved.get_data()
