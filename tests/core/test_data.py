"""Seeding, generated data determinism, fixtures and settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mockdesk.app import create_app
from mockdesk.core.dataset import build_dataset
from mockdesk.core.fixtures import FixtureError
from mockdesk.core.seeding import sub_seed
from mockdesk.settings import Settings, SettingsError
from mockdesk.vendors.registry import VENDORS, select_vendors

EXAMPLES = Path(__file__).parents[2] / "fixtures" / "sendcloud-seed-examples.json"


def test_sub_seeds_are_stable_and_distinct() -> None:
    assert sub_seed(0, "sendcloud", 1) == sub_seed(0, "sendcloud", 1)
    assert len({sub_seed(0, v, i) for v in ("a", "b") for i in range(100)}) == 200
    assert sub_seed(0, "sendcloud", 0) == 15849154085197882502  # blake2b: the same on every machine


@pytest.mark.parametrize("spec", VENDORS, ids=lambda s: s.slug)
def test_a_ticket_does_not_depend_on_how_many_are_generated(spec) -> None:
    small = build_dataset(spec.data, spec.slug, 3, 10).store
    large = build_dataset(spec.data, spec.slug, 3, 40).store
    assert all(large.get(ticket.id) == ticket for ticket in small.all())
    other_seed = build_dataset(spec.data, spec.slug, 4, 10).store
    assert list(small.all()) != list(other_seed.all())


def test_fixtures_replace_and_join_generated_tickets() -> None:
    app = create_app(Settings(fixtures=(EXAMPLES,), vendors=("sendcloud",)))
    store = app.extensions["mockdesk"].datasets["sendcloud"].store
    assert len(store) == 252
    assert store.get(87).resolution.amount == 149.99


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ('{"vendor": "nope", "tickets": []}', "vendor: must be one of"),
        ('{"vendor": "sendcloud"}', "tickets: must be a list"),
        ('{"vendor": "sendcloud", "tickets": [1]}', "tickets[0]: must be an object"),
        ('{"vendor": "sendcloud", "tickets": [{"id": 1}]}', "tickets[0].status: Missing data"),
        ("{oops", "line 1: invalid JSON"),
    ],
)
def test_invalid_fixture_names_file_field_and_reason(
    tmp_path: Path, document: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(document)
    with pytest.raises(FixtureError, match=r"bad\.json") as caught:
        create_app(Settings(fixtures=(path,)))
    assert message in str(caught.value)


def test_fixture_field_errors_point_into_nested_objects(tmp_path: Path) -> None:
    ticket = json.loads(EXAMPLES.read_text())["tickets"][1]
    ticket["resolution"]["outcome"] = "won"
    path = tmp_path / "nested.json"
    path.write_text(json.dumps({"vendor": "sendcloud", "tickets": [ticket]}))
    with pytest.raises(FixtureError, match=r"tickets\[0\]\.resolution\.outcome: Must be one of"):
        create_app(Settings(fixtures=(path,)))


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


def test_unknown_vendor_slugs_are_refused() -> None:
    with pytest.raises(SettingsError, match="unknown slug 'zendesk'"):
        select_vendors(["zendesk"])
    with pytest.raises(SettingsError):
        select_vendors([], {"zendesk": "off"})


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
