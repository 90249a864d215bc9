"""core/dataset: a ticket is a pure function of (seed, vendor, index)."""

from __future__ import annotations

import pytest

from mockdesk.core.dataset import build_dataset
from mockdesk.vendors.registry import VENDORS


@pytest.mark.parametrize("spec", VENDORS, ids=lambda s: s.slug)
def test_a_ticket_does_not_depend_on_how_many_are_generated(spec) -> None:
    small = build_dataset(spec.data, spec.slug, 3, 10).store
    large = build_dataset(spec.data, spec.slug, 3, 40).store
    assert all(large.get(ticket.id) == ticket for ticket in small.all())
    other_seed = build_dataset(spec.data, spec.slug, 4, 10).store
    assert list(small.all()) != list(other_seed.all())
