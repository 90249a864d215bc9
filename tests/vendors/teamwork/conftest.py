"""Teamwork helpers: the default dataset, built as the server builds it; the shared vendor
client on the server under test; the golden bodies."""

from __future__ import annotations

import pytest

from mockdesk.core.dataset import Dataset, build_dataset
from mockdesk.vendors.teamwork import SPEC
from tests.support.server import ServerUnderTest
from tests.support.vendor_client import Goldens, VendorClient

GOLDENS = Goldens.beside(__file__)
BASE = "/desk/api/v2"
TICKETS = f"{BASE}/tickets.json"


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return build_dataset(SPEC.data, "teamwork", 0, 250)


@pytest.fixture
def teamwork(server: ServerUnderTest) -> VendorClient:
    return VendorClient.of("teamwork", server.url)
