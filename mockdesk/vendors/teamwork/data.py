"""Teamwork Desk tickets and the related entities they point at, generated from the seed.

The catalog (inboxes, agents, customers and their contacts, companies, statuses, priorities,
sources, types, tags, business hours) is built once per seed; every ticket references it by id
and carries its own messages, so ``included`` always resolves. Fields agree with each other:
a solved ticket has a resolution time and maybe a happiness survey, an unassigned one has no
response time, a deleted one has ``deletedAt``/``deletedBy``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from faker import Faker

from mockdesk.core.timeline import DATA_EPOCH, created_at_for, id_for, later


@dataclass(frozen=True, slots=True)
class Entity:
    """A lookup row: its id, a display name, free attributes, and when it was made."""

    id: int
    name: str
    attributes: tuple[tuple[str, Any], ...]
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Customer:
    id: int
    first_name: str
    last_name: str
    email: str
    phone: str
    company_id: int | None
    contact_id: int
    created_at: datetime

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True, slots=True)
class User:
    id: int
    first_name: str
    last_name: str
    email: str
    role: str
    created_at: datetime

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class Catalog:
    """Every related entity by id, per ``included`` type."""

    users: dict[int, User]
    customers: dict[int, Customer]
    companies: dict[int, Entity]
    inboxes: dict[int, Entity]
    statuses: dict[int, Entity]
    priorities: dict[int, Entity]
    sources: dict[int, Entity]
    types: dict[int, Entity]
    tags: dict[int, Entity]
    businesshours: dict[int, Entity]


@dataclass(frozen=True, slots=True)
class Message:
    id: int
    message_id: str  # the e-mail Message-ID header
    thread_type: str  # message (from the customer), reply (agent), note (internal)
    customer_id: int | None
    user_id: int | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Ticket:
    id: int
    subject: str
    preview_text: str
    original_recipient: str
    response_time_mins: int
    resolution_time_mins: int
    happiness_survey_sent_at: datetime | None
    spam_score: float
    spam_rules: tuple[str, ...]
    customer_id: int
    contact_id: int
    inbox_id: int
    agent_id: int | None
    status_id: int
    priority_id: int | None
    source_id: int
    type_id: int | None
    businesshours_id: int
    company_id: int | None
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    created_by: int
    updated_by: int
    deleted_by: int | None
    state: str
    is_read: bool
    cc: tuple[str, ...]
    tag_ids: tuple[int, ...]
    task_ids: tuple[int, ...]
    messages: tuple[Message, ...]
    # denormalized at generation time, for ordering by related names
    agent_name: str | None
    customer_name: str
    company_name: str | None
    businesshours_name: str


# (id, code, name, color, icon); id 3 "waiting" as in Teamwork's webhook samples
STATUSES = (
    (1, "new", "New", "#8ec7f0", "circle"),
    (2, "active", "Active", "#4bb543", "circle-dot"),
    (3, "waiting", "Waiting on customer", "#ffa785", "clock"),
    (4, "on-hold", "On hold", "#c59bfa", "pause"),
    (5, "solved", "Solved", "#b1b6bd", "check"),
    (6, "closed", "Closed", "#6f7782", "lock"),
)
PRIORITIES = (
    (1, "Low", "#8ec7f0"),
    (2, "Medium", "#ffc63e"),
    (3, "High", "#ff8b3e"),
    (4, "Urgent", "#ff5050"),
)
SOURCES = (
    (1, "Email", "envelope"),
    (2, "Contact form", "form"),
    (3, "Phone", "phone"),
    (4, "Chat", "comments"),
    (5, "API", "code"),
)
TYPES = ((1, "Question"), (2, "Problem"), (3, "Feature request"), (4, "Incident"))
TAGS = (
    "billing",
    "refund",
    "bug",
    "urgent",
    "vip",
    "login",
    "shipping",
    "feedback",
    "onboarding",
    "integration",
    "invoice",
    "cancellation",
    "mobile",
    "api",
    "security",
)
TAG_COLORS = ("#f44336", "#e91e63", "#9c27b0", "#3f51b5", "#03a9f4", "#009688", "#8bc34a")
INBOXES = ("Support", "Billing", "Sales", "Partners")
BUSINESS_HOURS = ((1, "Standard hours", "Europe/Dublin"), (2, "US support", "America/New_York"))
SPAM_RULES = (
    "HTML_MESSAGE",
    "DKIM_SIGNED",
    "DKIM_VALID",
    "SPF_PASS",
    "RDNS_NONE",
    "FREEMAIL_FROM",
    "URIBL_BLOCKED",
    "MIME_HTML_ONLY",
    "BAYES_00",
    "BAYES_50",
)
ROLES = ("agent", "agent", "agent", "admin")
SUBJECTS = (
    "Can't log in to my account", "Invoice {n} is wrong", "Refund for order #{n}",
    "How do I export my data?", "Feature request: dark mode", "Password reset email never arrives",
    "Charged twice this month", "API returns 500 on /v2/items", "Cancel my subscription",
    "Integration with Slack stopped working", "Where is my order #{n}?", "Upgrade to the Pro plan",
    "Two-factor code not accepted", "Mobile app crashes on start", "Add a user to our team",
    "Question about VAT on invoice {n}", "Shipping address change for #{n}",
    "Webhook deliveries failing", "Report is missing last week's data", "Re: quote for {n} seats",
)  # fmt: skip


def _ago(faker: Faker, low_days: int, high_days: int) -> datetime:
    seconds = faker.random.randrange(low_days * 86400, high_days * 86400)
    return DATA_EPOCH - timedelta(seconds=seconds, milliseconds=faker.random.randrange(1000))


def _color(faker: Faker) -> str:
    return str(faker.random.choice(TAG_COLORS))


def catalog(faker: Faker) -> Catalog:
    """The related entities, once per seed."""
    companies: dict[int, Entity] = {}
    for n in range(25):
        name = faker.company()
        if any(company.name == name for company in companies.values()):
            name = f"{name} {faker.city()}"
        attributes = (("domain", faker.domain_name()), ("description", faker.catch_phrase()))
        companies[101 + n] = Entity(101 + n, name, attributes, _ago(faker, 400, 1500))
    customers = {}
    for n in range(120):
        first, last = faker.first_name(), faker.last_name()
        company_id = faker.random.choice((None, *companies))
        domain = dict(companies[company_id].attributes)["domain"] if company_id else "gmail.com"
        email = f"{first}.{last}@{domain}".lower().replace("'", "")
        customers[2001 + n] = Customer(
            2001 + n,
            first,
            last,
            email,
            faker.phone_number(),
            company_id,
            5001 + n,
            _ago(faker, 30, 1200),
        )
    users = {}
    for n in range(12):
        first, last = faker.first_name(), faker.last_name()
        email = f"{first}.{last}@example-desk.com".lower().replace("'", "")
        users[301 + n] = User(301 + n, first, last, email, ROLES[n % 4], _ago(faker, 300, 1500))
    inboxes = {
        n + 1: Entity(
            n + 1, name, (("email", f"{name.lower()}@example-desk.com"),), _ago(faker, 1000, 1600)
        )
        for n, name in enumerate(INBOXES)
    }
    return Catalog(
        users=users,
        customers=customers,
        companies=companies,
        inboxes=inboxes,
        statuses={
            i: Entity(
                i, name, (("code", code), ("color", color), ("icon", icon)), _ago(faker, 1500, 1600)
            )
            for i, code, name, color, icon in STATUSES
        },
        priorities={
            i: Entity(i, name, (("color", color),), _ago(faker, 1500, 1600))
            for i, name, color in PRIORITIES
        },
        sources={
            i: Entity(i, name, (("icon", icon),), _ago(faker, 1500, 1600))
            for i, name, icon in SOURCES
        },
        types={i: Entity(i, name, (), _ago(faker, 1500, 1600)) for i, name in TYPES},
        tags={
            n + 1: Entity(n + 1, name, (("color", _color(faker)),), _ago(faker, 100, 1400))
            for n, name in enumerate(TAGS)
        },
        businesshours={
            i: Entity(i, name, (("timezone", zone),), _ago(faker, 1400, 1600))
            for i, name, zone in BUSINESS_HOURS
        },
    )


def order_key(ticket: Ticket) -> tuple[float, int]:
    """Newest first, ties by id descending (``orderBy=createdAt&orderMode=desc``)."""
    return (-ticket.created_at.timestamp(), -ticket.id)


def generate(faker: Faker, index: int, catalog: Catalog) -> Ticket:
    rng = faker.random
    ticket_id = id_for(rng, index, top=250_000, gap=3)
    created_at = created_at_for(rng, index) + timedelta(milliseconds=rng.randrange(1000))
    customer = catalog.customers[rng.choice(tuple(catalog.customers))]
    inbox = catalog.inboxes[rng.choice(tuple(catalog.inboxes))]
    status_id = rng.choices((1, 2, 3, 4, 5, 6), weights=(3, 6, 4, 1, 6, 3))[0]
    agent = None if status_id == 1 and rng.random() < 0.7 else rng.choice(tuple(catalog.users))
    resolved = status_id in (5, 6)
    response_mins = rng.randrange(2, 600) if agent is not None else 0
    resolution_mins = response_mins + rng.randrange(30, 8000) if resolved else 0
    updated_at = later(rng, created_at, timedelta(days=10))
    deleted = rng.random() < 0.03
    hours = catalog.businesshours[rng.choice(tuple(catalog.businesshours))]
    messages = _messages(faker, ticket_id, customer, agent, created_at, updated_at)
    company = catalog.companies.get(customer.company_id or 0)
    spam_score = round(rng.uniform(-2.0, 4.5), 1)
    return Ticket(
        id=ticket_id,
        subject=rng.choice(SUBJECTS).format(n=rng.randrange(1000, 99999)),
        preview_text=faker.paragraph(nb_sentences=3)[:100],
        original_recipient=dict(inbox.attributes)["email"],
        response_time_mins=response_mins,
        resolution_time_mins=resolution_mins,
        happiness_survey_sent_at=later(rng, updated_at, timedelta(hours=2))
        if resolved and rng.random() < 0.6
        else None,
        spam_score=spam_score if spam_score != int(spam_score) else round(spam_score + 0.1, 1),
        spam_rules=tuple(sorted(rng.sample(SPAM_RULES, k=rng.randrange(1, 4)))),
        customer_id=customer.id,
        contact_id=customer.contact_id,
        inbox_id=inbox.id,
        agent_id=agent,
        status_id=status_id,
        priority_id=rng.choice((None, 1, 2, 2, 3, 4)),
        source_id=rng.choices((1, 2, 3, 4, 5), weights=(10, 4, 2, 3, 1))[0],
        type_id=rng.choice((None, 1, 2, 3, 4)),
        businesshours_id=hours.id,
        company_id=company.id if company else None,
        created_at=created_at,
        updated_at=updated_at,
        deleted_at=later(rng, updated_at, timedelta(days=3)) if deleted else None,
        created_by=agent or rng.choice(tuple(catalog.users)),
        updated_by=agent or rng.choice(tuple(catalog.users)),
        deleted_by=rng.choice(tuple(catalog.users)) if deleted else None,
        state="deleted" if deleted else "active",
        is_read=resolved or rng.random() < 0.6,
        cc=(faker.email(),) if rng.random() < 0.15 else (),
        tag_ids=tuple(sorted(rng.sample(tuple(catalog.tags), k=rng.choice((0, 0, 1, 1, 2, 3))))),
        task_ids=(rng.randrange(10_000_000, 30_000_000),) if rng.random() < 0.1 else (),
        messages=messages,
        agent_name=catalog.users[agent].name if agent is not None else None,
        customer_name=customer.name,
        company_name=company.name if company else None,
        businesshours_name=hours.name,
    )


def _messages(
    faker: Faker,
    ticket_id: int,
    customer: Customer,
    agent: int | None,
    created_at: datetime,
    updated_at: datetime,
) -> tuple[Message, ...]:
    """The customer's opening message, then agent replies, notes and customer answers."""
    rng = faker.random
    count = 1 if agent is None else rng.randrange(2, 7)
    found = []
    moment = created_at
    for n in range(count):
        kind = "message" if n == 0 else rng.choice(("reply", "reply", "note", "message"))
        from_customer = kind == "message"
        found.append(
            Message(
                id=ticket_id * 10 + n,
                message_id=f"<{faker.hexify('^' * 24)}@{customer.email.split('@')[1]}>"
                if from_customer
                else f"<{faker.hexify('^' * 24)}@example-desk.com>",
                thread_type=kind,
                customer_id=customer.id if from_customer else None,
                user_id=None if from_customer else agent,
                created_at=moment,
            )
        )
        moment = min(later(rng, moment, timedelta(hours=20)), updated_at)
    return tuple(found)
