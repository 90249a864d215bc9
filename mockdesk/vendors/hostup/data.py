"""HostUp support tickets: the model, the department catalogue, and a coherent generator.

A ticket's status agrees with its conversation (``answered`` ends with staff, ``customer_reply``
with the customer, ``open`` has no staff reply yet), which is a support exchange about the
ticket's department in Swedish or English (``conversation``) quoting the linked service; its
department decides which kind of service it links (a VPS ticket links a VPS); ``messageCount``
is the length of ``messages``, whose first entry is the opening message (``body``) and whose
last is ``lastMessageAt``. Ids are ULID-like (Crockford base32, lower case) with the creation
time in their first ten characters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from random import Random
from typing import Any

from faker import Faker

from mockdesk.core.conversations import Conversation
from mockdesk.core.paging.cursor import SignedCursorCodec
from mockdesk.core.store import TicketStore
from mockdesk.core.timeline import LAST_MOMENT, created_at_for, id_for
from mockdesk.vendors.hostup.conversation import SENDER, conversation, language_for

CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz"
STATUSES = ("open", "answered", "customer_reply", "in_progress", "on_hold", "closed", "unknown")
FILTER_STATUSES = STATUSES[:-1]  # `unknown` appears in responses but is no filter value
PRIORITIES = ("low", "medium", "high", "urgent", "critical")
SENDERS = ("customer", "staff", "automation")
_STATUS_WEIGHTS = (14, 22, 10, 8, 4, 40, 2)
_PRIORITY_WEIGHTS = (30, 45, 15, 7, 3)


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
    value = (int(moment.timestamp() * 1000) << 80) | rng.getrandbits(80)
    return "".join(CROCKFORD[(value >> shift) & 31] for shift in range(125, -1, -5))


def order_key(ticket: Ticket) -> tuple[int, str]:
    """Newest first, ties by id descending (a complemented id sorts ascending as the id falls)."""
    return (-int(ticket.created_at.timestamp() * 1000), ticket.id.translate(_COMPLEMENT))


_COMPLEMENT = str.maketrans(CROCKFORD, CROCKFORD[::-1])


def catalog(faker: Faker) -> Catalog:
    """Fixed departments; a cursor secret drawn from this seed, so cursors are stable per seed."""
    return Catalog(DEPARTMENTS, SignedCursorCodec(faker.random.getrandbits(128).to_bytes(16)))


def generate(
    faker: Faker, index: int, catalog: Catalog, row: Mapping[str, Any] | None = None
) -> Ticket:
    rng = faker.random
    department = rng.choices(catalog.departments, weights=(40, 20, 20, 15, 5))[0]
    status = rng.choices(STATUSES, weights=_STATUS_WEIGHTS)[0]
    created_at = created_at_for(rng, index)
    requester = faker.name() if rng.random() < 0.97 else None
    services = _services(faker, department.slug, created_at)
    language = language_for(rng)
    talk = conversation(
        rng,
        department=department.slug,
        status=status,
        language=language,
        opened_at=created_at,
        customer=requester,
        agent=f"{faker.first_name()} {faker.last_name()[0]}.",
        known=_facts_of(services),
    )
    messages = _messages(rng, talk, _FILES[department.slug])
    last = messages[-1].sent_at
    return Ticket(
        id="tkt_" + ulid_like(rng, created_at),
        number=str(id_for(rng, index, top=2_160_000, gap=2)),
        subject=talk.subject if rng.random() < 0.98 else None,
        status=status,
        priority=rng.choices(PRIORITIES, weights=_PRIORITY_WEIGHTS)[0],
        department_slug=department.slug,
        department_name=department.display_name,
        created_at=created_at,
        updated_at=last if rng.random() < 0.7 else _touched_after(rng, last),
        last_message_at=last,
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


def _messages(
    rng: Random, talk: Conversation, kinds: tuple[tuple[str, str], ...]
) -> tuple[Message, ...]:
    """The conversation as HostUp messages; people attach files now and then, robots never."""
    messages = []
    for message in talk.messages:
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


def _touched_after(rng: Random, moment: datetime) -> datetime:
    """A later change that is not a message (a status or priority edit): up to six hours on,
    never at or past the data's "now"."""
    room = int(min(timedelta(hours=6), LAST_MOMENT - moment).total_seconds())
    return moment + timedelta(seconds=rng.randrange(0, max(1, room)))


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


def departments_in_use(catalog: Catalog, store: TicketStore[Ticket]) -> list[Department]:
    """The catalogue's departments that at least one ticket belongs to, in catalogue order."""
    used = store.values_of("department_slug")
    return [department for department in catalog.departments if department.slug in used]


def find_attachment(
    store: TicketStore[Ticket], ticket_id: str, attachment_id: str
) -> tuple[Ticket, Message, Attachment] | None:
    """The attachment ``attachment_id`` of ticket ``ticket_id`` with the message that carried it;
    None when either is unknown or the attachment belongs to another ticket."""
    ticket: Ticket | None = store.get(ticket_id)
    if ticket is None:
        return None
    for message in ticket.messages:
        for attachment in message.attachments:
            if attachment.id == attachment_id:
                return ticket, message, attachment
    return None
