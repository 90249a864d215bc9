"""The generated tickets: linked services of several types, each with details that fit it."""

from __future__ import annotations

from tests.support.vendor_client import VendorClient


def test_linked_services_come_in_several_types_with_fitting_details(hostup: VendorClient) -> None:
    services = [s for t in hostup.walk() for s in t["linkedServices"]]
    kinds = {s["serviceType"] for s in services}
    assert {"vps", "hosting", "domain"} <= kinds
    for service in services:
        if service["details"] is None:
            continue
        prefix = {"vps": "vps_", "hosting": "acct_", "domain": "dom_"}[service["serviceType"]]
        assert service["serviceId"].startswith(prefix)
        if service["serviceType"] == "vps":
            assert set(service["details"]) == {"status", "planName", "ipAddress"}
        if service["serviceType"] == "hosting":
            assert service["details"]["hostname"] == service["serviceName"]
