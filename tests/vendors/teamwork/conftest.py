"""Teamwork helpers: the default dataset (as the server builds it) and an authorised session."""

from __future__ import annotations

import pytest

from mockdesk.core.generator import Dataset, build_dataset
from mockdesk.vendors.teamwork import SPEC

BASE = "/desk/api/v2"
AUTH = {"Authorization": "Bearer mockdesk-token"}


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return build_dataset(SPEC.data, "teamwork", 0, 250)
