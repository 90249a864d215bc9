"""The real gunicorn-served mockdesk answers IPPanel clients as the threaded test server does."""

from __future__ import annotations

import pytest
import requests

from .conftest import LIST, SHOW, TOKEN, golden_bytes

pytestmark = pytest.mark.slow


def test_list_show_and_401_on_the_real_server(served_fresh):
    url = served_fresh.url
    listed = requests.get(f"{url}{LIST}?page=1&per_page=2", headers=TOKEN, timeout=10)
    assert listed.status_code == 200
    assert listed.headers["X-RateLimit-Limit"] == "60"
    assert listed.headers["X-RateLimit-Remaining"] == "59"
    body = listed.json()
    assert body["meta"]["per_page"] == 2 and len(body["data"]) == 2
    first = body["data"][0]
    detail = requests.get(f"{url}{SHOW}?ticket_id={first['id']}", headers=TOKEN, timeout=10)
    assert detail.json()["data"]["subject"] == first["subject"]
    bearer = {"Authorization": "Bearer mockdesk-token"}
    refused = requests.get(f"{url}{LIST}", headers=bearer, timeout=10)
    assert refused.status_code == 401
    assert refused.content == golden_bytes("401.json")
