"""The version header an AuthPolicy may declare, checked by admit() before the credentials."""

from __future__ import annotations

from dataclasses import replace

import pytest
from flask import Blueprint, Flask, request

from mockdesk.core.auth import AuthPolicy, VersionHeader
from mockdesk.core.errors import Unauthenticated, UnsupportedVersion
from mockdesk.core.exchange import open_exchange
from mockdesk.core.pipeline import admit
from mockdesk.core.state import MockdeskState
from mockdesk.settings import Settings
from mockdesk.vendors.sendcloud import SPEC as SENDCLOUD

VERSIONS = VersionHeader("X-Api-Version", ("2023-01-01", "beta"), default="2023-01-01")


def test_missing_header_means_the_default() -> None:
    assert VERSIONS.resolve({}) == "2023-01-01"


@pytest.mark.parametrize("value", ["2023-01-01", "beta"])
def test_known_values_are_accepted(value: str) -> None:
    assert VERSIONS.resolve({"X-Api-Version": value}) == value


@pytest.mark.parametrize("value", ["", "BETA", "2023-01-02", " beta"])
def test_anything_else_is_unsupported(value: str) -> None:
    with pytest.raises(UnsupportedVersion) as raised:
        VERSIONS.resolve({"X-Api-Version": value})
    assert (raised.value.header, raised.value.value, raised.value.status) == (
        "X-Api-Version",
        value,
        406,
    )


def test_header_names_are_case_insensitive_through_werkzeug_headers() -> None:
    app = Flask("t")
    with app.test_request_context(headers={"x-api-version": "beta"}):
        assert VERSIONS.resolve(request.headers) == "beta"


def test_policies_without_a_version_header_are_unchanged() -> None:
    assert AuthPolicy(schemes=("bearer",)).version is None


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
