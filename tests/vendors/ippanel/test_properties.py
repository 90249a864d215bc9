"""Properties of the IPPanel list: any username round-trips as UTF-8 and selects exactly the
tickets of that user, whatever its case and surrounding blanks.

Never a 5xx and the page walk are checked for every vendor in ``tests/properties``.
"""

from __future__ import annotations

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from tests.support.server import property_settings
from tests.support.vendor_client import VendorClient
from tests.vendors.ippanel.conftest import LIST

BLANKS = " \t\n\r\0\x0b"  # what PHP's trim() strips


@pytest.mark.mockdesk(rate_limits={"ippanel": "off"})
@property_settings(max_examples=80)
@given(data=st.data())
def test_any_username_round_trips_and_selects_its_tickets(
    ippanel: VendorClient, data: st.DataObject
) -> None:
    everything = ippanel.everything()
    known = sorted({t["user"]["uname"] for t in everything})
    written = st.sampled_from(known).flatmap(
        lambda name: st.sampled_from([name, name.upper(), name.title(), f" {name}\t"])
    )
    username = data.draw(st.one_of(written, st.text(min_size=1, max_size=20)), "username")
    response = ippanel.get(LIST, {"username": username, "per_page": 1000})
    assert response.status_code == 200
    response.content.decode("utf-8")
    wanted = username.strip(BLANKS).casefold()
    expected = [t for t in everything if t["user"]["uname"].casefold() == wanted]
    event("matches some tickets" if expected else "matches none")
    assert response.json()["data"] == expected
