"""A Sendcloud client, with only its base URL swapped, works unchanged: OAuth2, listing,
filtering, paging, and its handling of 400/401/429. It talks to the server under test, so the
server-mode run (``tests/vendors/test_server_mode.py``) checks it against gunicorn."""

from __future__ import annotations

import requests

from tests.support.server import ServerUnderTest


class SendcloudSupportClient:
    """What an integrator writes against https://panel.sendcloud.sc/api/v3, base URL swapped."""

    def __init__(self, base_url: str, token_url: str, key: str, secret: str) -> None:
        self.base_url, self.token_url = base_url, token_url
        self.key, self.secret = key, secret
        self.session = requests.Session()

    def authenticate(self) -> None:
        response = self.session.post(
            self.token_url, data={"grant_type": "client_credentials"}, auth=(self.key, self.secret)
        )
        response.raise_for_status()
        self.session.headers["Authorization"] = f"Bearer {response.json()['access_token']}"

    def all_tickets(self, **filters: str) -> list[dict]:
        tickets, page = [], 1
        while True:
            body = self.session.get(
                f"{self.base_url}/dsf/tickets", params={"page": page, "size": 20, **filters}
            ).json()
            tickets += body["items"]
            if page >= body["pages"]:
                return tickets
            page += 1


def test_client_lists_filters_and_pages(server: ServerUnderTest) -> None:
    client = SendcloudSupportClient(
        f"{server.url}/api/v3",
        f"{server.url}/oauth2/token/",
        "mockdesk-key",
        "mockdesk-secret",
    )
    client.authenticate()
    everything = client.all_tickets()
    assert len(everything) == len({t["id"] for t in everything}) == 250
    dpd = client.all_tickets(carrier="dpd")
    assert dpd and all(t["carrier"] == "dpd" for t in dpd)
    assert [t for t in everything if t["carrier"] == "dpd"] == dpd


def test_client_sees_400_401_and_429_as_documented(server: ServerUnderTest) -> None:
    url = f"{server.url}/api/v3/dsf/tickets"
    unauthenticated = requests.get(url, timeout=5)
    assert unauthenticated.status_code == 401
    auth = ("mockdesk-key", "mockdesk-secret")
    bad = requests.get(url, params={"status": "invalid_value"}, auth=auth, timeout=5)
    assert bad.json() == {
        "errors": [
            {
                "code": "bad_request",
                "detail": "Invalid status: invalid_value",
                "title": "Bad Request",
                "status": 400,
            }
        ]
    }
    statuses = [requests.get(url, auth=auth, timeout=5).status_code for _ in range(30)]
    assert statuses.count(200) == 29 and statuses[-1] == 429  # the 400 above counted too
