"""29next support tickets: the model, the store's fixed entities, and a coherent generator.

Tags, products and ticket types are store entities with ids that the ``tags`` and ``product``
filters validate against, so they are fixed tables here, the same for every seed. Users
(customers and staff) come from the per-seed catalog. A requester outside the system has no
user id: the ticket and its comments carry ``from_email`` instead. The subject and comments are
one support conversation for the ticket's type and status (``conversation``): a new ticket
holds only the customer's words and usually has no assignee; later states have the assignee's
replies and some internal notes; every comment is later than the one before and earlier than
the data's "now".

Storage: :data:`COLUMNS` holds what filters, ordering and paging read for every ticket, as
typed arrays drawn vectorised from counter-based lanes (``build_columns``): id, status,
priority, channel, requester, assignee, ticket type, order number, product and tag bit masks,
``created_at`` and ``updated_at``. ``generate`` takes those from the ticket's row and draws the
rest from its Faker, so ticket ``N`` depends only on (seed, ``N``). ``updated_at`` is spread
before the data's "now" by status (``_updated``), and the conversation fits between
``created_at`` and it.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
from faker import Faker

from mockdesk.core.columns import MISSING, Array, ColumnSpec
from mockdesk.core.conversations import Conversation, Role
from mockdesk.core.lanes import Indexes, Lanes
from mockdesk.core.timeline import DATA_EPOCH, LAST_MOMENT, opened_seconds
from mockdesk.vendors.nextcommerce.conversation import conversation

STATUSES = ("new", "open", "pending", "solved", "closed")
PRIORITIES = ("high", "medium", "low")
CHANNELS = ("customer_account", "dashboard", "email", "api", "follow_up")
TAGS: Mapping[int, str] = dict(
    enumerate(
        (
            "refund", "shipping", "damaged", "wrong-item", "subscription", "vip",
            "chargeback-risk", "address-change", "out-of-stock", "discount-code", "warranty",
            "billing", "exchange", "urgent", "feedback", "cancellation",
        ),
        start=1,
    )
)  # fmt: skip
TAG_IDS: Mapping[str, int] = {name: tag_id for tag_id, name in TAGS.items()}
PRODUCTS: Mapping[int, str] = dict(
    enumerate(
        (
            "Hydrating Face Serum", "Vitamin C Brightening Cream", "Collagen Peptides 300g",
            "Daily Greens Powder", "Magnesium Glycinate 120ct", "Omega-3 Fish Oil",
            "Probiotic 50 Billion", "Whey Isolate Vanilla", "Whey Isolate Chocolate",
            "Electrolyte Mix Lemon", "Sleep Support Gummies", "Ashwagandha Capsules",
            "Retinol Night Cream", "SPF 50 Mineral Sunscreen", "Bamboo Toothbrush 4-pack",
            "Stainless Steel Bottle", "Yoga Mat Pro", "Resistance Band Set",
            "Cold Brew Coffee Kit", "Matcha Starter Set", "Silk Pillowcase",
            "Posture Corrector", "Blue Light Glasses", "Weighted Blanket 7kg",
        ),
        start=101,
    )
)  # fmt: skip
TICKET_TYPES: Mapping[int, str] = {
    1: "General question",
    2: "Order issue",
    3: "Return or exchange",
    4: "Shipping",
    5: "Billing",
    6: "Subscription",
}
_STATUS_WEIGHTS = (6, 9, 7, 14, 10)
_PRIORITY_WEIGHTS = (2, 6, 5)
_CHANNEL_WEIGHTS = (9, 3, 10, 2, 2)
_STORES = ("Glow & Co.", "Vital Nutrition", "Northwind Wellness", "Pure Habit", "Everyday Fit",
           "Bloom Botanics")  # fmt: skip
_ATTACHMENT_NAMES = ("photo.jpg", "IMG_{n}.jpeg", "receipt.pdf", "screenshot-{n}.png", "label.pdf")


@dataclass(frozen=True, slots=True)
class TicketType:
    """A row of ``GET /tickettypes/``: what a ticket's ``ticket_type`` id names."""

    id: int
    name: str


TICKET_TYPE_ROWS: tuple[TicketType, ...] = tuple(
    TicketType(type_id, name) for type_id, name in sorted(TICKET_TYPES.items())
)


@dataclass(frozen=True, slots=True)
class Attachment:
    id: int
    file: str
    file_name: str


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    author: int | None
    body: str | None
    created_at: datetime
    from_email: str | None
    is_public: bool
    attachments: tuple[Attachment, ...]


@dataclass(frozen=True, slots=True)
class Ticket:
    id: int
    subject: str
    status: str
    priority: str
    channel: str
    requester: int | None
    requester_email: str | None  # denormalized for ``filter_text``; never rendered
    assignee: int | None
    from_email: str | None
    order: str
    products: tuple[int, ...]
    tags: tuple[str, ...]
    ticket_type: int | None
    created_at: datetime
    updated_at: datetime
    comments: tuple[Comment, ...]


@dataclass(frozen=True)
class Catalog:
    """The store's users: customers who open tickets and the staff who answer them, their
    names (as they sign messages), and the store's name (how its staff sign)."""

    customers: Mapping[int, str]  # user id -> email
    agents: tuple[int, ...]
    customer_names: Mapping[int, str]
    agent_names: Mapping[int, str]
    store: str

    def email_of(self, user_id: int | None) -> str | None:
        return None if user_id is None else self.customers.get(user_id)


def order_key(ticket: Ticket) -> int:
    """DRF ``CursorPagination`` ordering ``-id``: newest first, as ids only grow."""
    return -ticket.id


def catalog(faker: Faker) -> Catalog:
    rng = faker.random
    customers: dict[int, str] = {}
    user_id = 40
    while len(customers) < 400:
        user_id += rng.randrange(1, 30)
        customers[user_id] = faker.unique.email()
    faker.unique.clear()
    agents = tuple(sorted(rng.sample(range(2, 40), 8)))
    # Drawn after the ids and emails, so adding them left those as they were.
    customer_names = {user_id: faker.name() for user_id in customers}
    agent_names = {agent: f"{faker.first_name()} {faker.last_name()[0]}." for agent in agents}
    store = rng.choice(_STORES)
    return Catalog(customers, agents, customer_names, agent_names, store)


def generate(faker: Faker, index: int, catalog: Catalog, row: Mapping[str, Any]) -> Ticket:
    """Ticket ``index``: every column attribute from ``row`` (see :data:`COLUMNS`), the rest
    (the outside requester's address, the conversation, attachments) from the ticket's Faker."""
    if row is None:
        raise TypeError("a 29next ticket is built from its row of column values")
    rng = faker.random
    ticket_id = int(row["id"])
    status = str(row["status"])
    created_at = _moment(row["created_at"])
    updated_at = _moment(row["updated_at"])
    requester = _optional(row["requester"])
    assignee = _optional(row["assignee"])
    ticket_type = _optional(row["ticket_type"])
    products = _members(int(row["products"]), PRODUCT_BITS)
    tags = tuple(TAGS[t] for t in _members(int(row["tags"]), TAG_BITS))
    order = str(int(row["order"]))
    from_email = faker.free_email() if requester is None else None
    product_name = PRODUCTS[products[0]] if products else rng.choice(tuple(PRODUCTS.values()))
    agent = assignee if assignee is not None else rng.choice(catalog.agents)
    talk = conversation(
        rng,
        ticket_type=ticket_type,
        status=status,
        opened_at=created_at,
        until=updated_at,
        customer=None if requester is None else catalog.customer_names[requester],
        agent=catalog.agent_names[agent],
        store=catalog.store,
        order=order,
        product=product_name,
    )
    comments = _comments(faker, ticket_id, talk, requester, from_email, agent)
    return Ticket(
        id=ticket_id,
        subject=talk.subject,
        status=status,
        priority=str(row["priority"]),
        channel=str(row["channel"]),
        requester=requester,
        requester_email=catalog.email_of(requester),
        assignee=assignee,
        from_email=from_email,
        order=order,
        products=products,
        tags=tags,
        ticket_type=ticket_type,
        created_at=created_at,
        updated_at=updated_at,
        comments=comments,
    )


def _moment(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def _optional(value: int) -> int | None:
    return None if value == MISSING else int(value)


def _members(mask: int, ids: Sequence[int]) -> tuple[int, ...]:
    """The ids whose bits are set in ``mask`` (bit ``i`` is ``ids[i]``), ascending."""
    return tuple(entity for bit, entity in enumerate(ids) if mask >> bit & 1)


def bits_of(members: Iterable[int], ids: Sequence[int]) -> int:
    """The mask of ``members`` (each one of ``ids``): the inverse of ``_members``."""
    return sum(1 << ids.index(member) for member in set(members))


# Columns ------------------------------------------------------------------------------------

TOP_ID = 3_100_000
ID_GAP = 3
EPOCH_SECONDS = DATA_EPOCH.timestamp()
LAST_SECONDS = LAST_MOMENT.timestamp()
PRODUCT_BITS: tuple[int, ...] = tuple(sorted(PRODUCTS))  # bit i: product PRODUCT_BITS[i]
TAG_BITS: tuple[int, ...] = tuple(sorted(TAGS))  # bit i: tag id TAG_BITS[i]
INT32 = (-(2**31), 2**31 - 1)
_PRODUCT_COUNT_WEIGHTS = (1, 3, 1, 1)  # 0, 1, 2 or 3 products: choice((0, 1, 1, 1, 2, 3))
_TAG_COUNT_WEIGHTS = (1, 2, 1, 1)  # 0-3 tags: choice((0, 1, 1, 2, 3))
_OPEN_LIKE = (STATUSES.index("open"), STATUSES.index("pending"))
_NEW = STATUSES.index("new")
_DONE = (STATUSES.index("solved"), STATUSES.index("closed"))
_MINUTE, _HOUR, _DAY = 60.0, 3600.0, 86400.0


def build_columns(lanes: Lanes, indexes: Indexes, catalog: Catalog) -> dict[str, Array]:
    """Every column of tickets ``indexes``, vectorised (see :data:`COLUMNS`)."""
    n = len(indexes)
    ids = TOP_ID - indexes * ID_GAP - lanes.integers("id", indexes, 0, ID_GAP)
    # strictly older than ticket index-1, never at the data epoch: a jitter below one spacing
    created = opened_seconds(indexes, lanes.uniform("created", indexes))
    status = lanes.choice("status", indexes, _STATUS_WEIGHTS).astype(np.uint8)
    channel = lanes.choice("channel", indexes, _CHANNEL_WEIGHTS).astype(np.uint8)
    outside = lanes.chance("outside", indexes, 0.15)  # not a user of the store (yet)
    channel[outside] = CHANNELS.index("email")
    customers = np.fromiter(catalog.customers, dtype=np.int32, count=len(catalog.customers))
    requester = customers[lanes.integers("requester", indexes, 0, len(customers))]
    requester[outside] = MISSING
    agents = np.asarray(catalog.agents, dtype=np.int32)
    assignee = agents[lanes.integers("assignee", indexes, 0, len(agents))]
    assignee[(status == _NEW) & lanes.chance("unassigned", indexes, 0.8)] = MISSING
    ticket_type = lanes.integers("ticket_type", indexes, 1, len(TICKET_TYPES) + 1).astype(np.int8)
    ticket_type[lanes.chance("untyped", indexes, 0.2)] = MISSING
    return {
        "id": ids.astype(np.int32),
        "status": status,
        "priority": lanes.choice("priority", indexes, _PRIORITY_WEIGHTS).astype(np.uint8),
        "channel": channel,
        "requester": requester,
        "assignee": assignee,
        "ticket_type": ticket_type,
        "order": lanes.integers("order", indexes, 100_000, 400_000).astype(np.int32),
        "products": _bitmasks(lanes, "products", indexes, _PRODUCT_COUNT_WEIGHTS, 24, np.uint32),
        "tags": _bitmasks(lanes, "tags", indexes, _TAG_COUNT_WEIGHTS, 16, np.uint16),
        "created_at": created,
        "updated_at": _updated(lanes, indexes, status, created) if n else created.copy(),
    }


def _bitmasks(
    lanes: Lanes,
    lane: str,
    indexes: Indexes,
    count_weights: Sequence[float],
    width: int,
    dtype: type[np.unsignedinteger[Any]],
) -> Array:
    """Up to three distinct bits of ``width`` per row: a uniform draw without replacement
    (the second pick skips the first, the third skips both), as many as a weighted count."""
    count = lanes.choice(f"{lane}:count", indexes, count_weights)
    raw = lanes.bits(f"{lane}:picks", indexes)
    first = (raw % np.uint64(width)).astype(np.int64)
    second = ((raw >> np.uint64(16)) % np.uint64(width - 1)).astype(np.int64)
    third = ((raw >> np.uint64(32)) % np.uint64(width - 2)).astype(np.int64)
    second += second >= first
    low, high = np.minimum(first, second), np.maximum(first, second)
    third += third >= low
    third += third >= high
    one = np.int64(1)
    mask = np.where(count >= 1, one << first, 0)
    mask |= np.where(count >= 2, one << second, 0)
    mask |= np.where(count >= 3, one << third, 0)
    return mask.astype(dtype)


def _updated(lanes: Lanes, indexes: Indexes, status: Array, created: Array) -> Array:
    """When each ticket was last saved, in whole seconds within [created_at, LAST_MOMENT].

    Open and pending tickets were touched recently (1 minute to 45 days before the data's
    "now", log-uniform); solved and closed ones soon after their own activity ended (30
    minutes to 3 weeks after opening, log-uniform), so an old solved ticket was touched long
    ago; a new ticket only while its customer was still writing (up to a day after opening).
    A ticket younger than its draw is touched somewhere in the second half of its life."""
    room = LAST_SECONDS - created
    u = lanes.uniform("updated", indexes)
    recency = _log_uniform(u, 2 * _MINUTE, 45 * _DAY)
    open_like = np.isin(status, _OPEN_LIKE)
    done = np.isin(status, _DONE)
    after = np.where(done, _log_uniform(u, 30 * _MINUTE, 21 * _DAY), _log_uniform(u, _MINUTE, _DAY))
    after = np.where(open_like, room - recency, after)
    squeezed = room * (0.5 + 0.5 * lanes.uniform("updated:young", indexes))
    after = np.where((after < 0) | (after > room), squeezed, after)
    return np.asarray(np.floor(created + after), dtype=np.float64)


def _log_uniform(u: Array, low: float, high: float) -> Array:
    return np.asarray(np.exp(np.log(low) + u * (np.log(high) - np.log(low))), dtype=np.float64)


def order_code(order: str) -> int:
    """The ``order`` column's number for an order string: the number itself when the string is
    one as written (``"104233"``), else a negative 31-bit hash (a pinned ticket's own order
    format; two such orders may share a code, so the filter re-checks them, see ``query``)."""
    canonical = order.isascii() and order.isdigit() and len(order) <= 10
    if canonical and str(int(order)) == order and int(order) <= INT32[1]:
        return int(order)
    return -1 - (zlib.crc32(order.encode()) & 0x7FFF_FFFF)


def column_row(ticket: Ticket) -> dict[str, Any]:
    """A built ticket's column values (a pinned or runtime ticket's row)."""
    return {
        "id": ticket.id,
        "status": ticket.status,
        "priority": ticket.priority,
        "channel": ticket.channel,
        "requester": ticket.requester,
        "assignee": ticket.assignee,
        "ticket_type": ticket.ticket_type,
        "order": order_code(ticket.order),
        "products": bits_of(ticket.products, PRODUCT_BITS),
        "tags": bits_of((TAG_IDS[name] for name in ticket.tags), TAG_BITS),
        "created_at": ticket.created_at,
        "updated_at": ticket.updated_at,
    }


COLUMNS = ColumnSpec(
    build=build_columns,
    row=column_row,
    order=(("id", True),),
    levels={"status": STATUSES, "priority": PRIORITIES, "channel": CHANNELS},
    times=frozenset({"created_at", "updated_at"}),
)


def _comments(
    faker: Faker,
    ticket_id: int,
    talk: Conversation,
    requester: int | None,
    from_email: str | None,
    agent: int,
) -> tuple[Comment, ...]:
    """The conversation as comments: the customer's (``from_email`` when they are not a store
    user, some with attachments), the agent's public replies, and internal notes."""
    comments = []
    for n, message in enumerate(talk.messages):
        comment_id = ticket_id * 10 + n
        from_customer = message.role is Role.CUSTOMER
        comments.append(
            Comment(
                id=comment_id,
                author=requester if from_customer else agent,
                body=message.text,
                created_at=message.sent_at,
                from_email=from_email if from_customer else None,
                is_public=message.public,
                attachments=_attachments(faker, comment_id) if from_customer else (),
            )
        )
    return tuple(comments)


def _attachments(faker: Faker, comment_id: int) -> tuple[Attachment, ...]:
    rng = faker.random
    if rng.random() >= 0.25:
        return ()
    found = []
    for k in range(rng.randint(1, 2)):
        name = rng.choice(_ATTACHMENT_NAMES).format(n=rng.randrange(1000, 9999))
        key = faker.hexify("^^^^^^^^^^^^")
        url = f"https://cdn.29next.store/media/tickets/attachments/{key}/{name}"
        found.append(Attachment(id=comment_id * 10 + k, file=url, file_name=name))
    return tuple(found)
