"""``admit(policy)``: an endpoint may ask for another scope than its vendor's default."""

from __future__ import annotations

import pytest

from mockdesk import create_app
from mockdesk.core.auth import AuthPolicy
from mockdesk.core.errors import Forbidden
from mockdesk.core.pipeline import admit
from mockdesk.settings import Settings

LIST = "/api/v3/dsf/tickets"  # any vendor's path: the test only needs a blueprint to answer


@pytest.mark.parametrize(
    ("token", "allowed"), [("mockdesk-token", True), ("mockdesk-token-noscope", False)]
)
def test_admit_checks_the_given_policy_instead_of_the_vendors(token: str, allowed: bool) -> None:
    app = create_app(Settings(vendors=("sendcloud",), tickets=1))
    headers = {"Authorization": f"Bearer {token}"}
    with app.test_request_context(LIST, headers=headers):
        app.preprocess_request()  # opens the exchange, as a real request does
        assert admit().name == token  # the vendor's own policy needs no scope
        policy = AuthPolicy(schemes=("bearer",), scope="read:things")
        if allowed:
            assert admit(policy).name == token
        else:
            with pytest.raises(Forbidden) as raised:
                admit(policy)
            assert raised.value.scope == "read:things"
