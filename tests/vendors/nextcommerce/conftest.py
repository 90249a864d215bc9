"""29next fixtures: the shared vendor client on the server under test."""

from __future__ import annotations

import pytest

from tests.support.server import ServerUnderTest
from tests.support.vendor_client import VendorClient


@pytest.fixture
def nextcommerce(server: ServerUnderTest) -> VendorClient:
    return VendorClient.of("29next", server.url)
