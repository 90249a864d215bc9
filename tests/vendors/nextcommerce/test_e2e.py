"""The 29next endpoint through the real gunicorn server, as a client would meet it."""

from __future__ import annotations

import pytest
import requests

from .helpers import AUTH, LIST, golden


@pytest.mark.slow
def test_real_server_lists_redirects_pages_and_throttles(served_fresh) -> None:
    url = served_fresh.url
    moved = requests.get(url + "/api/admin/tickets?limit=2", allow_redirects=False, timeout=10)
    assert (moved.status_code, moved.headers["Location"]) == (301, "/api/admin/tickets/?limit=2")
    first = requests.get(url + "/api/admin/tickets?limit=2", headers=AUTH, timeout=10).json()
    second = requests.get(first["next"], headers=AUTH, timeout=10).json()
    back = requests.get(second["previous"], headers=AUTH, timeout=10).json()
    assert back["results"] == first["results"] and len(first["results"]) == 2
    statuses = [requests.get(url + LIST, headers=AUTH, timeout=10) for _ in range(3)]
    refused = next(r for r in statuses if r.status_code == 429)  # 3 above + 3 before: over 4/s
    assert refused.content == golden("429.json") and refused.headers["Retry-After"] == "1"
