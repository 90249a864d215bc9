"""29next support tickets: the model, the store's fixed entities, and a coherent generator.

Tags, products and ticket types are store entities with ids that the ``tags`` and ``product``
filters validate against, so they are fixed tables here, the same for every seed. Users
(customers and staff) come from the per-seed catalog. A requester outside the system has no
user id: the ticket and its comments carry ``from_email`` instead. A new ticket has one comment
and usually no assignee; later states have an agent reply, and some carry internal notes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from faker import Faker

from mockdesk.core.timeline import created_at_for, id_for, later

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
_SUBJECTS = (
    "Where is my order #{order}?",
    "Order #{order} arrived damaged",
    "Wrong item received in order #{order}",
    "Refund request for order #{order}",
    "Cancel my subscription",
    "Change shipping address for #{order}",
    "Discount code not working",
    "Charged twice for order #{order}",
    "Question about {product}",
    "Missing item from order #{order}",
    "Return label for order #{order}",
    "{product} out of stock?",
)
_ATTACHMENT_NAMES = ("photo.jpg", "IMG_{n}.jpeg", "receipt.pdf", "screenshot-{n}.png", "label.pdf")


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
    """The store's users: customers who open tickets and the staff who answer them."""

    customers: Mapping[int, str]  # user id -> email
    agents: tuple[int, ...]

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
    return Catalog(customers=customers, agents=tuple(sorted(rng.sample(range(2, 40), 8))))


def generate(faker: Faker, index: int, catalog: Catalog) -> Ticket:
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
    subject = rng.choice(_SUBJECTS).format(order=order, product=product_name)
    comments = _comments(faker, ticket_id, status, created_at, requester, from_email, catalog)
    return Ticket(
        id=ticket_id,
        subject=subject,
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
        ticket_type=None if rng.random() < 0.2 else rng.choice(tuple(TICKET_TYPES)),
        created_at=created_at,
        updated_at=later(rng, comments[-1].created_at, timedelta(hours=6)),
        comments=comments,
    )


def _comments(
    faker: Faker,
    ticket_id: int,
    status: str,
    created_at: datetime,
    requester: int | None,
    from_email: str | None,
    catalog: Catalog,
) -> tuple[Comment, ...]:
    """The customer's message first, then replies: staff public replies and internal notes."""
    rng = faker.random
    count = 1 if status == "new" else rng.randint(2, 6)
    agent = rng.choice(catalog.agents)
    moment = created_at
    comments = []
    for n in range(count):
        comment_id = ticket_id * 10 + n
        from_customer = n % 2 == 0
        if n:
            moment = later(rng, moment, timedelta(hours=20))
        comments.append(
            Comment(
                id=comment_id,
                author=requester if from_customer else agent,
                body=faker.paragraph(nb_sentences=rng.randint(1, 4)),
                created_at=moment,
                from_email=from_email if from_customer else None,
                is_public=from_customer or rng.random() < 0.8,
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
