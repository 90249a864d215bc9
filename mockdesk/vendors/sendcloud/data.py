"""Sendcloud support tickets: the model and a generator whose fields agree with each other.

Status decides stage; only tickets in the ``action_required`` stage carry outstanding
``requested_actions``; only solved tickets carry a ``resolution``, and its outcome fits the
ticket type (an address-change ticket ends in an ``address_change_*`` outcome, a paid claim in
``claim_approved`` with an amount).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from random import Random
from typing import Any

import numpy as np
from faker import Faker

from mockdesk.core.columns import MISSING, Array, ColumnSpec
from mockdesk.core.lanes import Indexes, Lanes
from mockdesk.core.timeline import opened_seconds, touched_seconds
from mockdesk.vendors.sendcloud.requested import RequestContext, describe

STAGE_OF_STATUS: Mapping[str, str] = {
    **dict.fromkeys(
        [
            "pending",
            "processing",
            "communicated_to_carrier",
            "carrier_reminder_sent",
            "carrier_update_received",
            "waiting_for_carrier",
            "waiting_for_scan",
            "new_scan_received",
            "delivered_scan_received",
            "documents_forwarded_to_carrier",
            "escalated",
            "escalated_ava",
            "hold",
            "delayed",
            "delivery_confirmation_requested",
            "smart_refund_update",
        ],
        "in_progress",
    ),
    **dict.fromkeys(
        [
            "action_required",
            "customer_documents_requested",
            "customer_reminder_sent",
            "waiting_for_customer",
            "delivery_confirmation_rejected",
            "smart_refund_available",
        ],
        "action_required",
    ),
    **dict.fromkeys(("manually_solved", "solved", "claim_paid", "closed"), "manually_solved_stage"),
    "solved_by_automation": "solved_by_automation_stage",
    "unknown": "unknown",
}
STATUSES = tuple(sorted(STAGE_OF_STATUS))
TYPES = (
    "address_change",
    "damaged",
    "delayed",
    "delivered_not_received",
    "late_delivery",
    "lost",
    "unjust_return",
    "other_shipping",
)
DATA_TYPES = (
    "claim_letter",
    "sales_invoice",
    "sales_data",
    "purchase_invoice",
    "description_of_contents",
    "customer_confirmation",
    "exterior_photo",
    "interior_photo",
    "damage_photo",
    "carrier_claims_form",
    "other",
)
OUTCOMES = (
    "claim_approved",
    "claim_declined",
    "claim_closed_in_carrier_portal",
    "delivered",
    "returned",
    "solved_merchant",
    "address_change_confirmed",
    "address_change_declined",
    "address_change_requested",
    "impossible_to_open_claim",
)
CARRIERS = (
    "postnl",
    "dhl",
    "dpd",
    "ups",
    "gls",
    "bpost",
    "colissimo",
    "dhl_express",
    "fedex",
    "royal_mail",
    "mondial_relay",
    "correos",
    "chronopost",
    "evri",
)
CURRENCIES = ("EUR", "EUR", "EUR", "GBP", "CHF")
# Weighted toward what a real queue holds: mostly open and recently solved tickets.
_STATUS_WEIGHTS = {status: 1 for status in STATUSES} | {
    "pending": 8, "processing": 5, "waiting_for_carrier": 6, "waiting_for_customer": 4,
    "action_required": 4, "solved": 6, "claim_paid": 4, "closed": 5,
    "solved_by_automation": 5, "customer_documents_requested": 3,
}  # fmt: skip
_DATA_TYPES_FOR = {
    "damaged": ("damage_photo", "exterior_photo", "interior_photo", "sales_invoice",
                "purchase_invoice", "description_of_contents"),
    "lost": ("sales_invoice", "purchase_invoice", "claim_letter", "customer_confirmation",
             "description_of_contents"),
    "delivered_not_received": ("customer_confirmation", "claim_letter", "sales_invoice"),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class RequestedAction:
    """Data Sendcloud asked the merchant for; ``description`` is the requested-data endpoint's
    optional sentence (a fixture's actions have none)."""

    id: int
    data_type: str
    created_at: datetime
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Resolution:
    outcome: str
    amount: float | None
    currency: str | None
    solved_at: datetime | None


@dataclass(frozen=True, slots=True)
class Ticket:
    id: int
    status: str
    stage: str
    type: str | None
    parcel_id: int | None
    carrier: str | None
    order_number: str | None
    brand_id: int | None
    created_at: datetime
    updated_at: datetime | None
    requested_actions: tuple[RequestedAction, ...]
    resolution: Resolution | None
    # The parcel's carrier tracking number: not a ticket field, but the requested-data endpoint
    # names it. A fixture's is None (and omitted there).
    tracking_number: str | None = None


def order_key(ticket: Ticket) -> tuple[float, int]:
    """Newest first, ties by id descending."""
    return (-ticket.created_at.timestamp(), -ticket.id)


TYPE_LEVELS = (*TYPES, None)
SOLVED_STAGES = ("manually_solved_stage", "solved_by_automation_stage")
_SOLVED = np.array([STAGE_OF_STATUS[s] in SOLVED_STAGES for s in STATUSES])
# Mean time from opening to the last change: a solved ticket waited on a carrier for days; an
# open one was touched by the latest scan or reminder.
_MEAN_GAP_SOLVED = 5 * 86_400.0
_MEAN_GAP_OPEN = 2 * 86_400.0
ID_TOP, ID_GAP = 2_500_000, 2


def columns(lanes: Lanes, indexes: Indexes, catalog: Any) -> dict[str, Array]:
    """Every attribute the list filters and orders by, for tickets ``indexes`` at once."""
    status = lanes.choice("status", indexes, [_STATUS_WEIGHTS[s] for s in STATUSES])
    typed = ~lanes.chance("untyped", indexes, 0.05)
    ticket_type = np.where(typed, lanes.integers("type", indexes, 0, len(TYPES)), len(TYPES))
    has_parcel = lanes.chance("has-parcel", indexes, 0.97)
    parcel = lanes.integers("parcel", indexes, 180_000_000, 420_000_000)
    opened = opened_seconds(indexes, lanes.uniform("opened", indexes))
    mean_gap = np.where(_SOLVED[status], _MEAN_GAP_SOLVED, _MEAN_GAP_OPEN)
    return {
        "id": (ID_TOP - indexes * ID_GAP - lanes.integers("id", indexes, 0, ID_GAP)).astype(
            np.int32
        ),
        "status": status.astype(np.uint8),
        "type": ticket_type.astype(np.uint8),
        "parcel_id": np.where(has_parcel, parcel, MISSING).astype(np.int32),
        "carrier": lanes.integers("carrier", indexes, 0, len(CARRIERS)).astype(np.uint8),
        "created_at": opened,
        "updated_at": touched_seconds(lanes, indexes, opened, mean_gap),
    }


def row(ticket: Ticket) -> dict[str, Any]:
    """The column attributes of a built ticket (a pinned or runtime one)."""
    return {
        "id": ticket.id,
        "status": ticket.status,
        "type": ticket.type,
        "parcel_id": ticket.parcel_id,
        "carrier": ticket.carrier,
        "created_at": ticket.created_at,
        "updated_at": ticket.updated_at,
    }


COLUMNS = ColumnSpec(
    build=columns,
    row=row,
    order=(("created_at", True), ("id", True)),
    levels={"status": STATUSES, "type": TYPE_LEVELS, "carrier": (*CARRIERS, None)},
    times=frozenset({"created_at", "updated_at"}),
)


def generate(faker: Faker, index: int, catalog: Any, row: Mapping[str, Any]) -> Ticket:
    """Ticket ``index``: its column attributes from ``row``, the rest drawn from ``faker``."""
    rng = faker.random
    status, ticket_type, ticket_id = row["status"], row["type"], row["id"]
    stage = STAGE_OF_STATUS[status]
    created_at = datetime.fromtimestamp(row["created_at"], UTC)
    updated_at = datetime.fromtimestamp(row["updated_at"], UTC)
    carrier = row["carrier"]
    order_number = _order_number(faker, created_at) if rng.random() < 0.9 else None
    brand_id = rng.choice((None, 1, 2, 3, 4))
    resolution = _resolution(faker, status, ticket_type, updated_at)
    tracking_number = tracking_number_for(rng, carrier)
    return Ticket(
        id=ticket_id,
        status=status,
        stage=stage,
        type=ticket_type,
        parcel_id=None if row["parcel_id"] == MISSING else row["parcel_id"],
        carrier=carrier,
        order_number=order_number,
        brand_id=brand_id,
        created_at=created_at,
        updated_at=updated_at,
        requested_actions=_requested_actions(
            faker, ticket_id, ticket_type, stage, (created_at, updated_at),
            RequestContext(carrier, order_number, tracking_number),
        ),
        resolution=resolution,
        tracking_number=tracking_number,
    )  # fmt: skip


def tracking_number_for(rng: Random, carrier: str) -> str:
    """A tracking number in the carrier's own shape (PostNL's ``3S`` codes as in Sendcloud's
    requested-data example, UPS's ``1Z``, DHL's 10 digits, DPD's 14)."""
    digits = "0123456789"
    if carrier == "postnl":
        letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(4))
        return "3S" + letters + "".join(rng.choice(digits) for _ in range(7))
    if carrier == "ups":
        alphabet = digits + "ABCDEFGHJKLMNPRSTUVWXYZ"
        return "1Z" + "".join(rng.choice(alphabet) for _ in range(16))
    sizes = {"dhl": 10, "dhl_express": 10, "dpd": 14, "gls": 11}
    size = sizes[carrier] if carrier in sizes else rng.randint(12, 14)
    return "".join(rng.choice(digits) for _ in range(size))


def _order_number(faker: Faker, created_at: datetime) -> str:
    style = faker.random.randrange(3)
    if style == 0:
        return f"ORD-{created_at.year}-{faker.random.randrange(1000, 99999)}"
    if style == 1:
        return f"#{faker.random.randrange(1001, 250000)}"
    return faker.bothify("??-########").upper()


def _requested_actions(
    faker: Faker,
    ticket_id: int,
    ticket_type: str | None,
    stage: str,
    window: tuple[datetime, datetime],
    context: RequestContext,
) -> tuple[RequestedAction, ...]:
    """What Sendcloud asked for, each at its own moment: strictly increasing, after the ticket
    was opened and before its last update (so never at the data epoch)."""
    if stage != "action_required":
        return ()
    rng = faker.random
    choices = _DATA_TYPES_FOR.get(ticket_type or "", DATA_TYPES)
    kinds = rng.sample(choices, k=rng.randint(1, min(3, len(choices))))
    opened, updated = window
    room = max(len(kinds) + 1, int((updated - opened).total_seconds()))
    offsets = sorted(rng.sample(range(1, room), len(kinds)))
    return tuple(
        RequestedAction(
            ticket_id * 10 + n,
            kind,
            opened + timedelta(seconds=offset),
            describe(rng, kind, context) if rng.random() < 0.7 else None,
        )
        for n, (kind, offset) in enumerate(zip(kinds, offsets, strict=True))
    )


def _resolution(
    faker: Faker, status: str, ticket_type: str | None, solved_at: datetime
) -> Resolution | None:
    if STAGE_OF_STATUS[status] not in SOLVED_STAGES:
        return None
    rng = faker.random
    if status == "claim_paid":
        amount = round(rng.uniform(8, 450), 2)
        return Resolution("claim_approved", amount, rng.choice(CURRENCIES), solved_at)
    if ticket_type == "address_change":
        outcome = rng.choice(("address_change_confirmed", "address_change_declined"))
    elif status == "closed":
        outcome = rng.choice(
            ("claim_declined", "claim_closed_in_carrier_portal", "impossible_to_open_claim")
        )
    else:
        outcome = rng.choice(("delivered", "returned", "solved_merchant"))
    return Resolution(outcome, None, None, solved_at)
