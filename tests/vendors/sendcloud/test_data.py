"""Generated Sendcloud tickets over a real server: the seed's shape, fields that agree with
each other, requested actions made one after another."""

from __future__ import annotations

from mockdesk.vendors.sendcloud.data import STAGE_OF_STATUS
from tests.vendors.sendcloud.conftest import Sendcloud

# The key order of the seed's example ticket (id 42), which clients may print or diff.
SEED_TICKET_KEYS = [
    "id", "status", "stage", "type", "parcel_id", "carrier", "order_number", "brand_id",
    "created_at", "updated_at", "requested_actions", "resolution",
]  # fmt: skip


def test_tickets_have_the_seed_shape_and_coherent_fields(client: Sendcloud) -> None:
    items = client.tickets(size=20, page=3).json()["items"]
    for ticket in items:
        assert list(ticket) == SEED_TICKET_KEYS
        assert ticket["created_at"].endswith("+00:00")
        assert ticket["stage"] == STAGE_OF_STATUS[ticket["status"]]
        assert bool(ticket["requested_actions"]) <= (ticket["stage"] == "action_required")
        solved = ticket["stage"] in ("manually_solved_stage", "solved_by_automation_stage")
        assert (ticket["resolution"] is not None) == solved


def test_requests_of_one_ticket_were_made_one_after_another(client: Sendcloud) -> None:
    for ticket in client.walk():
        times = [action["created_at"] for action in ticket["requested_actions"]]
        assert times == sorted(set(times))  # strictly increasing
        if times:
            assert ticket["created_at"] < times[0] and times[-1] < ticket["updated_at"]
