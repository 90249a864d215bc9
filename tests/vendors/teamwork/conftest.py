"""Teamwork helpers: the default dataset, built as the server builds it."""

from __future__ import annotations

import pytest

from mockdesk.core.dataset import Dataset, build_dataset
from mockdesk.vendors.teamwork import SPEC


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return build_dataset(SPEC.data, "teamwork", 0, 250)
