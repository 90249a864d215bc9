"""29next support tickets: the model, the store's fixed entities, and a coherent generator.

Tags, products and ticket types are store entities with ids that the ``tags`` and ``product``
filters validate against, so they are fixed tables here, the same for every seed. Users
(customers and staff) come from the per-seed catalog. A requester outside the system has no
user id: the ticket and its comments carry ``from_email`` instead. The subject and comments are
one support conversation for the ticket's type and status (``conversation``): a new ticket
holds only the customer's words and usually has no assignee; later states have the assignee's
replies and some internal notes; every comment is later than the one before and earlier than
the data's "now".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from random import Random
from typing import Any

from faker import Faker

from mockdesk.core.conversations import Conversation, Role
from mockdesk.core.timeline import DATA_EPOCH, created_at_for, id_for
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


def generate(
    faker: Faker, index: int, catalog: Catalog, row: Mapping[str, Any] | None = None
) -> Ticket:
    rng = faker.random
    ticket_id = id_for(rng, index, top=3_100_000)
    created_at = created_at_for(rng, index)
    status = rng.choices(STATUSES, weights=_STATUS_WEIGHTS)[0]
    channel = rng.choices(CHANNELS, weights=_CHANNEL_WEIGHTS)[0]
    if rng.random() < 0.15:  # someone who is not a user of the store yet wrote in
        requester, from_email, channel = None, faker.free_email(), "email"
    else:
        requester, from_email = rng.choice(tuple(catalog.customers)), None
    assignee = None if status == "new" and rng.random() < 0.8 else rng.choice(catalog.agents)
    products = tuple(sorted(rng.sample(tuple(PRODUCTS), k=rng.choice((0, 1, 1, 1, 2, 3)))))
    order = str(rng.randrange(100_000, 400_000))
    product_name = PRODUCTS[products[0]] if products else rng.choice(tuple(PRODUCTS.values()))
    ticket_type = None if rng.random() < 0.2 else rng.choice(tuple(TICKET_TYPES))
    agent = assignee if assignee is not None else rng.choice(catalog.agents)
    talk = conversation(
        rng,
        ticket_type=ticket_type,
        status=status,
        opened_at=created_at,
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
        priority=rng.choices(PRIORITIES, weights=_PRIORITY_WEIGHTS)[0],
        channel=channel,
        requester=requester,
        requester_email=catalog.email_of(requester),
        assignee=assignee,
        from_email=from_email,
        order=order,
        products=products,
        tags=tuple(TAGS[t] for t in sorted(rng.sample(tuple(TAGS), k=rng.choice((0, 1, 1, 2, 3))))),
        ticket_type=ticket_type,
        created_at=created_at,
        updated_at=_touched_after(rng, comments[-1].created_at),
        comments=comments,
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


def _touched_after(rng: Random, moment: datetime) -> datetime:
    """When the ticket was last saved: up to six hours after its last comment, before the
    data's "now" (never stamped at it)."""
    room = int(min(timedelta(hours=6), DATA_EPOCH - moment).total_seconds())
    return moment + timedelta(seconds=rng.randrange(0, max(1, room)))


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
