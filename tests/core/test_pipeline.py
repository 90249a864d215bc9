"""core/pipeline: admit's order and its policy override."""

from __future__ import annotations

from dataclasses import replace

import pytest
from flask import Blueprint, Flask

from mockdesk import create_app
from mockdesk.core.auth import AuthPolicy, VersionHeader
from mockdesk.core.errors import Forbidden, Unauthenticated, UnsupportedVersion
from mockdesk.core.exchange import open_exchange
from mockdesk.core.pipeline import admit
from mockdesk.core.state import MockdeskState
from mockdesk.settings import Settings
from mockdesk.vendors.sendcloud import SPEC as SENDCLOUD

LIST = "/api/v3/dsf/tickets"  # any vendor's path: the test only needs a blueprint to answer


VERSIONS = VersionHeader("X-Api-Version", ("2023-01-01", "beta"), default="2023-01-01")


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


def test_admit_checks_the_version_before_the_credentials() -> None:
    """A bad version wins over missing credentials: DRF determines the version first."""
    routes = Blueprint("versioned", __name__)

    @routes.get("/v/")
    def endpoint() -> str:
        return admit().name

    spec = replace(
        SENDCLOUD,
        slug="versioned",
        base_paths=("/v",),
        routes=routes,
        auth=AuthPolicy(schemes=("bearer",), version=VERSIONS),
    )
    app = Flask("t")
    app.extensions["mockdesk"] = MockdeskState.build(Settings(tickets=0), [spec])
    app.register_blueprint(routes)
    app.before_request(open_exchange)
    app.testing = True  # let the neutral errors reach the test
    client = app.test_client()
    with pytest.raises(UnsupportedVersion):
        client.get("/v/", headers={"X-Api-Version": "nope"})
    with pytest.raises(Unauthenticated):
        client.get("/v/", headers={"X-Api-Version": "beta"})
    token = {"Authorization": "Bearer mockdesk-token"}
    assert client.get("/v/", headers=token).text == "mockdesk-token"
