"""HostUp helpers: the shared vendor client on the server under test, and the golden bodies."""

from __future__ import annotations

import pytest

from tests.support.server import ServerUnderTest
from tests.support.vendor_client import NOSCOPE_TOKEN, Goldens, VendorClient

GOLDENS = Goldens.beside(__file__)
TICKETS = "/api/v2/support/tickets"
DEPARTMENTS = "/api/v2/support/departments"
NOSCOPE = NOSCOPE_TOKEN


def hostup_at(url: str) -> VendorClient:
    return VendorClient.of("hostup", url)


@pytest.fixture
def hostup(server: ServerUnderTest) -> VendorClient:
    return hostup_at(server.url)
