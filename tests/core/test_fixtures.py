"""core/fixtures: pinned tickets replace or join generated ones; errors name file, ticket, field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mockdesk.app import create_app
from mockdesk.core.fixtures import FixtureError
from mockdesk.settings import Settings

EXAMPLES = Path(__file__).parents[2] / "fixtures" / "sendcloud-seed-examples.json"


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
