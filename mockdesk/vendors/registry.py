"""The vendors mockdesk serves, listed explicitly: adding one is adding a line here."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from mockdesk.core.vendor import VendorSpec
from mockdesk.settings import SettingsError
from mockdesk.vendors import hostup, ippanel, nextcommerce, sendcloud, teamwork

VENDORS: tuple[VendorSpec, ...] = (
    sendcloud.SPEC,
    nextcommerce.SPEC,
    ippanel.SPEC,
    hostup.SPEC,
    teamwork.SPEC,
)


def by_slug() -> dict[str, VendorSpec]:
    return {spec.slug: spec for spec in VENDORS}


def select_vendors(
    slugs: Iterable[str], rate_limits: Mapping[str, str] | None = None
) -> list[VendorSpec]:
    """The vendors named by ``slugs`` (all when empty), checking every slug the user gave."""
    known = by_slug()
    for slug in [*slugs, *(rate_limits or {})]:
        if slug not in known:
            raise SettingsError(f"vendor: unknown slug {slug!r}; known: {', '.join(known)}")
    wanted = set(slugs)
    return [spec for spec in VENDORS if not wanted or spec.slug in wanted]
