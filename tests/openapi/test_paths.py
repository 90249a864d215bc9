"""Path variables as the vendors read them, found by the conformance runs."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from mockdesk.app import create_app
from mockdesk.settings import Settings


@pytest.fixture(scope="module")
def client() -> FlaskClient:
    return create_app(Settings(rate_limits={"teamwork": "off", "sendcloud": "off"})).test_client()


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/desk/api/v2/users/٣٠١.json", {"Authorization": "Bearer mockdesk-token"}),
        (
            "/api/v3/dsf/tickets/٢٤٩٩٩٩٩",
            {"Authorization": "Basic bW9ja2Rlc2sta2V5Om1vY2tkZXNrLXNlY3JldA=="},
        ),
    ],
)
def test_an_id_in_non_ascii_digits_is_not_found(
    client: FlaskClient, path: str, headers: dict[str, str]
) -> None:
    """Go's strconv.Atoi, FastAPI's int and Django's <int:> all take ASCII digits only, so
    schemathesis' "٣٠١" (301 in Arabic-Indic digits) must be a 404, as any other non-number."""
    assert client.get(path, headers=headers).status_code == 404
