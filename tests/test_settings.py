"""mockdesk/settings: flags and MOCKDESK_* variables become Settings, or one clear error."""

from __future__ import annotations

import pytest

from mockdesk.app import create_app
from mockdesk.settings import Settings, SettingsError


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
