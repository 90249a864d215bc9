"""HostUp support tickets: the model, the department catalogue, the columns, and a coherent
generator.

Columns (:data:`COLUMNS`, built for every ticket at once with NumPy; the full ticket is built
only when a page shows it): ``id`` (the low 64 bits of the ``tkt_`` id, as a signed int64),
``number`` (int32), ``status``, ``priority`` and ``department_slug`` (uint8 codes), and
``created_at`` and ``updated_at`` (float64 Unix seconds). That is what the list's filters
(``status``, ``departmentSlug``), its order (newest ``createdAt`` first, ties by id), its
cursors, the detail lookups (``tkt_`` id or number) and ``/departments`` read; 31 bytes a
ticket. ``generate`` takes those attributes from the ticket's row and draws the rest (texts,
names, conversation, linked services) from the ticket's seeded Faker.

Times: ticket ``index`` is opened as ``core.timeline.opened_seconds`` places every vendor's
tickets (the newest minutes before the epoch, then one per 3-hour slot), so ``createdAt``
strictly falls with the index and listing order is index order. Nothing is stamped at the data
epoch. The status depends on the ticket's age (a fifth of the tickets opened in the last hours
are closed, almost all of those older than a month), and ``updatedAt`` on the status: an
unsolved ticket was touched recently (log-uniformly between two minutes and ten days before the
last moment, never before it was opened), a closed one when it was solved, log-uniformly ten
minutes to three weeks after it was opened. Young tickets keep their times inside their short
lives. The conversation's messages strictly increase inside [``createdAt``, ``updatedAt``]; for
about 70% of tickets the last message is the last change (``lastMessageAt`` = ``updatedAt``),
for the rest a later status or priority edit was.

A ticket's status agrees with its conversation (``answered`` ends with staff, ``customer_reply``
with the customer, ``open`` has no staff reply yet), which is a support exchange about the
ticket's department in Swedish or English (``conversation``) quoting the linked service; its
department decides which kind of service it links (a VPS ticket links a VPS); ``messageCount``
is the length of ``messages``, whose first entry is the opening message (``body``) and whose
last is ``lastMessageAt``. Ids are ULID-like (Crockford base32, lower case) with the creation
time in their first ten characters.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from random import Random
from typing import Any

import numpy as np
from faker import Faker

from mockdesk.core.columns import Array, ColumnSpec
from mockdesk.core.conversations import Message as ConversationMessage
from mockdesk.core.lanes import Indexes, Lanes
from mockdesk.core.paging.cursor import SignedCursorCodec
from mockdesk.core.store import TicketStore
from mockdesk.core.timeline import LAST_MOMENT, opened_seconds
from mockdesk.vendors.hostup.conversation import SENDER, conversation, language_for

CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"
STATUSES = ("open", "answered", "customer_reply", "in_progress", "on_hold", "closed", "unknown")
FILTER_STATUSES = STATUSES[:-1]  # `unknown` appears in responses but is no filter value
PRIORITIES = ("low", "medium", "high", "urgent", "critical")
SENDERS = ("customer", "staff", "automation")
_PRIORITY_WEIGHTS = (30, 45, 15, 7, 3)
# the statuses of a ticket still being worked on, in proportion (the rest are `closed`)
_UNSOLVED_WEIGHTS = (14, 22, 10, 8, 4, 0, 2)
_DEPARTMENT_WEIGHTS = (40, 20, 20, 15, 5)
CLOSED = STATUSES.index("closed")
TICKET_ID = re.compile(rf"tkt_[{CROCKFORD}]{{26}}")
NUMBER_TOP = 2_160_000  # ticket 0's number; numbers fall by 1 or 2 per ticket
LAST_MESSAGE_SHARE = 0.7  # tickets whose last change is their last message
_UNIX = datetime(1970, 1, 1, tzinfo=UTC)
_LAST_SECONDS = LAST_MOMENT.timestamp()
_DAY = 86_400.0


@dataclass(frozen=True, slots=True)
class Department:
    slug: str
    display_name: str
    description: str | None
    email: str | None


@dataclass(frozen=True, slots=True)
class Attachment:
    id: str
    filename: str
    content_type: str
    byte_length: int


@dataclass(frozen=True, slots=True)
class Message:
    id: str
    sent_at: datetime
    body: str
    sender: str
    sender_name: str | None
    encrypted: bool
    attachments: tuple[Attachment, ...]


@dataclass(frozen=True, slots=True)
class LinkedService:
    service_type: str
    service_id: str | None
    service_name: str | None
    details: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class Ticket:
    id: str
    number: str
    subject: str | None
    status: str
    priority: str
    department_slug: str
    department_name: str | None
    created_at: datetime
    updated_at: datetime | None
    last_message_at: datetime | None
    cc_emails: tuple[str, ...]
    requester_name: str | None
    linked_services: tuple[LinkedService, ...]
    body: str | None
    messages: tuple[Message, ...]
    language: str = "en"  # the conversation's; a fixture's is English unless it says otherwise

    @property
    def message_count(self) -> int:
        return len(self.messages)

    @property
    def attachments(self) -> tuple[Attachment, ...]:
        """Every file of the conversation, in the order it was sent."""
        return tuple(a for message in self.messages for a in message.attachments)


@dataclass(frozen=True)
class Catalog:
    """Departments as HostUp lists them, and the cursor codec keyed for this seed."""

    departments: tuple[Department, ...]
    cursors: SignedCursorCodec

    def department(self, slug: str) -> Department | None:
        return next((d for d in self.departments if d.slug == slug), None)


DEPARTMENTS = (
    Department(
        "general-web-hosting",
        "General - Web hosting",
        "If you need help with your current web hosting service, or anything else not listed "
        "below, we're here to help with any issues! <br> Our support is available every day.",
        "info@hostup.se",
    ),
    Department("domain-names", "Domain names", "For everything related to your domain names",
               "registry@hostup.se"),
    Department("vps", "VPS", "Questions about your virtual private servers", "vps@hostup.se"),
    Department("billing", "Billing", "Invoices, payments and refunds", "billing@hostup.se"),
    Department("sales", "Sales", None, None),
)  # fmt: skip
_SERVICE_OF_DEPARTMENT = {
    "general-web-hosting": ("hosting",),
    "domain-names": ("domain",),
    "vps": ("vps",),
    "billing": ("hosting", "vps", "domain"),
    "sales": ("hosting", "vps"),
}
_PLANS = ("VPS XS", "VPS S", "VPS M", "VPS L", "VPS XL")
_PNG, _LOG, _PDF, _CONFIG = (
    ("screenshot.png", "image/png"),
    ("error.log", "text/plain"),
    ("invoice.pdf", "application/pdf"),
    ("config.txt", "text/plain"),
)
# What people attach in each department: screenshots, logs and configuration to technical
# tickets, invoices (and screenshots of payment pages) to billing ones.
_FILES = {
    "general-web-hosting": (_PNG, _LOG, _CONFIG),
    "domain-names": (_PNG, _CONFIG),
    "vps": (_LOG, _CONFIG, _PNG),
    "billing": (_PDF, _PNG),
    "sales": (_PDF, _PNG),
}  # fmt: skip


def ulid_like(rng: Random, moment: datetime) -> str:
    """26 lower-case Crockford characters: 48-bit milliseconds, then 80 random bits."""
    return _crockford((_millis(moment) << 80) | rng.getrandbits(80))


def _millis(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def _crockford(value: int) -> str:
    return "".join(CROCKFORD[(value >> shift) & 31] for shift in range(125, -1, -5))


_AS_BASE32 = str.maketrans(CROCKFORD, "0123456789abcdefghijklmnopqrstuv")
_LOW_64 = (1 << 64) - 1


def ticket_key(ticket_id: Hashable) -> int | None:
    """The ``id`` column's integer for a ``tkt_`` id: its low 64 bits, as a signed int64 (None:
    not a ticket id). Generated tickets' low 64 bits are a bijection of their index
    (``Lanes.bits``), so no two share a key; any other id with the same low bits is told apart
    by comparing the whole id (:func:`exact`)."""
    if not isinstance(ticket_id, str) or not TICKET_ID.fullmatch(ticket_id):
        return None
    low = int(ticket_id[4:].translate(_AS_BASE32), 32) & _LOW_64
    return low - (1 << 64) if low >= 1 << 63 else low


def number_key(number: str) -> int | None:
    """The ``number`` column's integer for a ticket number (None: no int64 holds it)."""
    digits = number.lstrip("0") or "0"
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 19:
        return None
    value = int(digits)
    return value if value < 1 << 63 else None


def exact(ticket: Ticket | None, ticket_id: str) -> Ticket | None:
    """``ticket`` if it really has ``ticket_id`` (a store finds generated tickets by key)."""
    return ticket if ticket is not None and ticket.id == ticket_id else None


def order_key(ticket: Ticket) -> tuple[float, int]:
    """Newest first, ties by id descending: the columns' listing order, as a cursor carries it
    (``createdAt`` in Unix seconds as the column holds it, then the id's key)."""
    key = ticket_key(ticket.id)
    return (-ticket.created_at.timestamp(), -(key if key is not None else -1))


def ticket_row(ticket: Ticket) -> dict[str, Any]:
    """The columns' attributes of a built ticket (a pinned or runtime one)."""
    key = ticket_key(ticket.id)
    number = number_key(ticket.number)
    return {
        "id": -1 if key is None else key,
        "number": -1 if number is None else number,
        "status": ticket.status,
        "priority": ticket.priority,
        "department_slug": ticket.department_slug,
        "created_at": ticket.created_at,
        "updated_at": ticket.updated_at,
    }


def build_columns(lanes: Lanes, indexes: Indexes, catalog: Any) -> dict[str, Array]:
    """Every column for tickets ``indexes``, vectorised (see the module docstring)."""
    created = opened_seconds(indexes, lanes.uniform("opened", indexes))
    age = _LAST_SECONDS - created
    status = _statuses(lanes, indexes, age)
    return {
        "id": lanes.bits("id", indexes).view(np.int64),
        "number": (NUMBER_TOP - 2 * indexes - lanes.integers("number", indexes, 0, 2)).astype(
            np.int32
        ),
        "status": status.astype(np.uint8),
        "priority": lanes.choice("priority", indexes, _PRIORITY_WEIGHTS).astype(np.uint8),
        "department_slug": lanes.choice("department", indexes, _DEPARTMENT_WEIGHTS).astype(
            np.uint8
        ),
        "created_at": created,
        "updated_at": _updated(lanes, indexes, created, age, status == CLOSED),
    }


def _statuses(lanes: Lanes, indexes: Indexes, age: Array) -> Array:
    """Closed with a chance that grows with age (20% when just opened, 69% at a week, 98% for
    tickets older than a month or so), else one of the unsolved statuses in proportion."""
    closed_share = 0.2 + 0.78 * -np.expm1(-age / (7 * _DAY))
    closed = lanes.uniform("closed", indexes) < closed_share
    unsolved = lanes.choice("status", indexes, _UNSOLVED_WEIGHTS)
    found: Array = np.where(closed, CLOSED, unsolved)
    return found


def _updated(lanes: Lanes, indexes: Indexes, created: Array, age: Array, closed: Array) -> Array:
    """The last change, in whole seconds inside [created, last moment] (see the module
    docstring): solved ones when they were solved, unsolved ones recently."""
    u = lanes.uniform("touched", indexes)
    solved_after = np.exp(np.log(600.0) + u * np.log(21 * _DAY / 600.0))
    touched_before = np.exp(np.log(120.0) + u * np.log(10 * _DAY / 120.0))
    life = np.where(closed, solved_after, age - touched_before)
    # a life longer than the ticket's age (or an unsolved one touched before it was opened):
    # the change fell somewhere in its short life, never at its very end
    share = 0.1 + 0.88 * lanes.uniform("touched-share", indexes)
    short = (life > age) | (life < 0)
    life = np.where(short, age * share, life)
    updated: Array = np.floor(created + life)
    return updated


COLUMNS = ColumnSpec(
    build=build_columns,
    row=ticket_row,
    order=(("created_at", True), ("id", True)),
    levels={
        "status": STATUSES,
        "priority": PRIORITIES,
        "department_slug": tuple(department.slug for department in DEPARTMENTS),
    },
    times=frozenset({"created_at", "updated_at"}),
    id="id",
    key=ticket_key,
)


def catalog(faker: Faker) -> Catalog:
    """Fixed departments; a cursor secret drawn from this seed, so cursors are stable per seed."""
    return Catalog(DEPARTMENTS, SignedCursorCodec(faker.random.getrandbits(128).to_bytes(16)))


def generate(faker: Faker, index: int, catalog: Catalog, row: Mapping[str, Any]) -> Ticket:
    """Ticket ``index``: its column attributes from ``row``, everything else from ``faker``."""
    rng = faker.random
    department = catalog.department(row["department_slug"])
    if department is None:
        raise ValueError(f"unknown department {row['department_slug']!r}")
    status = str(row["status"])
    created_at = _moment(row["created_at"])
    updated_at = _moment(row["updated_at"])
    key = int(row["id"]) & _LOW_64
    ticket_id = "tkt_" + _crockford((_millis(created_at) << 80) | rng.getrandbits(16) << 64 | key)
    requester = faker.name() if rng.random() < 0.97 else None
    services = _services(faker, department.slug, created_at)
    language = language_for(rng)
    talk = conversation(
        rng,
        department=department.slug,
        status=status,
        language=language,
        opened_at=created_at,
        until=updated_at,
        customer=requester,
        agent=f"{faker.first_name()} {faker.last_name()[0]}.",
        known=_facts_of(services),
    )
    spoken = talk.messages
    if len(spoken) > 1 and spoken[-1].sent_at < updated_at and rng.random() < LAST_MESSAGE_SHARE:
        spoken = (*spoken[:-1], replace(spoken[-1], sent_at=updated_at))
    messages = _messages(rng, spoken, _FILES[department.slug])
    return Ticket(
        id=ticket_id,
        number=str(int(row["number"])),
        subject=talk.subject if rng.random() < 0.98 else None,
        status=status,
        priority=str(row["priority"]),
        department_slug=department.slug,
        department_name=department.display_name,
        created_at=created_at,
        updated_at=updated_at,
        last_message_at=messages[-1].sent_at,
        cc_emails=tuple(faker.safe_email() for _ in range(rng.choices((0, 1, 2), (80, 15, 5))[0])),
        requester_name=requester,
        linked_services=services,
        body=messages[0].body,
        messages=messages,
        language=language.value,
    )


def _facts_of(services: tuple[LinkedService, ...]) -> dict[str, str]:
    """What the conversation should quote from the linked services: the site's domain and the
    VPS's address, when the ticket links them."""
    known: dict[str, str] = {}
    for service in services:
        details = service.details or {}
        if service.service_type in ("hosting", "domain") and service.service_name:
            known.setdefault("domain", service.service_name)
        if service.service_type == "vps" and details.get("ipAddress"):
            known.setdefault("ip", str(details["ipAddress"]))
    return known


def _moment(seconds: float) -> datetime:
    """A time column's value as a datetime (exact for whole seconds, before 1970 too)."""
    return _UNIX + timedelta(seconds=float(seconds))


def _messages(
    rng: Random, spoken: tuple[ConversationMessage, ...], kinds: tuple[tuple[str, str], ...]
) -> tuple[Message, ...]:
    """The conversation as HostUp messages; people attach files now and then, robots never."""
    messages = []
    for message in spoken:
        sender = SENDER[message.role]
        files = tuple(
            _attachment(rng, message.sent_at, kinds)
            for _ in range(rng.choices((0, 1, 2), (85, 12, 3))[0] if sender != "automation" else 0)
        )
        messages.append(
            Message(
                id="tmsg_" + ulid_like(rng, message.sent_at),
                sent_at=message.sent_at,
                body=message.text,
                sender=sender,
                sender_name="HostUp" if sender == "automation" else message.author,
                encrypted=sender == "customer" and rng.random() < 0.05,
                attachments=files,
            )
        )
    return tuple(messages)


def _attachment(rng: Random, sent_at: datetime, kinds: tuple[tuple[str, str], ...]) -> Attachment:
    filename, content_type = rng.choice(kinds)
    return Attachment("tatt_" + ulid_like(rng, sent_at), filename, content_type,
                      rng.randrange(800, 2_400_000))  # fmt: skip


def _services(faker: Faker, department: str, created_at: datetime) -> tuple[LinkedService, ...]:
    rng = faker.random
    count = rng.choices((0, 1, 2), (20, 70, 10))[0]
    return tuple(
        _service(faker, rng.choice(_SERVICE_OF_DEPARTMENT[department]), created_at)
        for _ in range(count)
    )


def _service(faker: Faker, kind: str, created_at: datetime) -> LinkedService:
    rng = faker.random
    ordered_at = created_at - timedelta(days=rng.randrange(20, 900))
    next_due = created_at + timedelta(days=rng.randrange(1, 365))
    if rng.random() < 0.04:  # the service was terminated: only its type is left
        return LinkedService(kind, None, None, None)
    if kind == "vps":
        name = f"{rng.choice(('app', 'web', 'db', 'mail', 'vpn'))}-{rng.randrange(1, 20):02d}"
        details: dict[str, Any] = {
            "status": rng.choices(("active", "stopped", "suspended"), (90, 8, 2))[0],
            "planName": rng.choice(_PLANS),
            "ipAddress": _vps_address(rng),
        }
        return LinkedService("vps", "vps_" + ulid_like(rng, ordered_at), name, details)
    domain = faker.domain_name()
    status = rng.choices(("Active", "Suspended", "Pending"), (92, 5, 3))[0]
    if kind == "hosting":
        details = {
            "status": status,
            "hostname": domain,
            "nextDueAt": next_due,
            "autoRenew": rng.random() < 0.85,
        }
        return LinkedService("hosting", "acct_" + ulid_like(rng, ordered_at), domain, details)
    details = {"status": status, "expiresAt": next_due, "autoRenew": rng.random() < 0.8}
    return LinkedService("domain", "dom_" + ulid_like(rng, ordered_at), domain, details)


def _vps_address(rng: Random) -> str:
    """A public address in a hosting provider's ranges (Faker's ipv4_public is 1 ms a call)."""
    first = rng.choice((45, 79, 91, 149, 185, 193, 212))
    return f"{first}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


_IN_USE: weakref.WeakKeyDictionary[TicketStore[Ticket], frozenset[Hashable]] = (
    weakref.WeakKeyDictionary()
)


def departments_in_use(catalog: Catalog, store: TicketStore[Ticket]) -> list[Department]:
    """The catalogue's departments that at least one ticket belongs to, in catalogue order
    (read from the column once per store: a store never changes)."""
    used = _IN_USE.get(store)
    if used is None:
        used = _IN_USE[store] = store.values_of("department_slug")
    return [department for department in catalog.departments if department.slug in used]


def find_attachment(
    store: TicketStore[Ticket], ticket_id: str, attachment_id: str
) -> tuple[Ticket, Message, Attachment] | None:
    """The attachment ``attachment_id`` of ticket ``ticket_id`` with the message that carried it;
    None when either is unknown or the attachment belongs to another ticket."""
    ticket: Ticket | None = exact(store.get(ticket_id), ticket_id)
    if ticket is None:
        return None
    for message in ticket.messages:
        for attachment in message.attachments:
            if attachment.id == attachment_id:
                return ticket, message, attachment
    return None
