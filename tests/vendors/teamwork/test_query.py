"""tickets.json's parameters: the validator's 400 bodies, and page sizes clamped as Go does."""

from __future__ import annotations

import pytest

from tests.support.vendor_client import VendorClient
from tests.vendors.teamwork.conftest import GOLDENS, get


@pytest.mark.parametrize(
    ("params", "golden"),
    [
        ({"page": "x", "pageSize": "0"}, "400_page.json"),
        ({"filter": "{nope"}, "400_filter.json"),
        ({"filter": '{"createdAt":{"$gte":"2024-01-01T10:00:00Z"}}'}, "400_filter_date.json"),
        ({"orderMode": "DESC"}, "400_order_mode.json"),
    ],
)
def test_validator_bodies(teamwork: VendorClient, params: dict[str, str], golden: str) -> None:
    GOLDENS.assert_body(get(teamwork, "/tickets.json", params), golden, 400)


def test_page_size_is_clamped_and_first_repeated_value_wins(teamwork: VendorClient) -> None:
    body = get(teamwork, "/tickets.json?pageSize=500&pageSize=3").json()
    assert body["meta"]["page"]["pageSize"] == 100 and len(body["tickets"]) == 100
    default = get(teamwork, "/tickets.json").json()
    assert default["pagination"]["pageSize"] == 50
