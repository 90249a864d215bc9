"""mockdesk/vendors/registry: choosing vendors by slug."""

from __future__ import annotations

import pytest

from mockdesk.settings import SettingsError
from mockdesk.vendors.registry import select_vendors


def test_unknown_vendor_slugs_are_refused() -> None:
    with pytest.raises(SettingsError, match="unknown slug 'zendesk'"):
        select_vendors(["zendesk"])
    with pytest.raises(SettingsError):
        select_vendors([], {"zendesk": "off"})
