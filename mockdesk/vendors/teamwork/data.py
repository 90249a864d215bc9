"""Teamwork Desk tickets and the related entities they point at, generated from the seed.

The catalog (inboxes and the agents who work them, customers and their contacts, companies and
their domains, statuses, priorities, sources, types, tags, business hours) is built once per
seed; every ticket references it by id and carries its own messages, so ``included`` and the
lookup lists (``lookups.py``) always resolve. Fields agree with each other: a ticket's agent
works its inbox and its tags are enabled there; its subject, preview text, response and
resolution times come from its conversation (``conversation.py``); a solved ticket may have a
happiness survey, a deleted one has ``deletedAt``/``deletedBy``. Nothing is stamped at the data
epoch: every moment lies strictly before it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from faker import Faker

from mockdesk.core.timeline import DATA_EPOCH, created_at_for, id_for
from mockdesk.vendors.teamwork.conversation import DESK_DOMAIN, between, write_thread
from mockdesk.vendors.teamwork.conversation import Message as Message


@dataclass(frozen=True, slots=True)
class Entity:
    """A fixed lookup row (status, priority, source, type): id, name, free attributes."""

    id: int
    name: str
    attributes: tuple[tuple[str, Any], ...]
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Domain:
    """One of a company's e-mail domains (the SDK's ``Domain``, side-loaded as ``domains``)."""

    id: int
    name: str
    company_id: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Company:
    id: int
    name: str
    description: str
    industry: str
    domain_ids: tuple[int, ...]  # the first one is the website and the customers' addresses
    domain_names: tuple[str, ...]  # the same domains' names (the ``domains`` filter)
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Customer:
    id: int
    first_name: str
    last_name: str
    email: str
    phone: str
    company_id: int | None
    company_name: str | None  # denormalized, for the ``companies.name`` filter
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
    is_part_time: bool
    timezone_id: int  # the same table as business hours' ``timezoneId``
    is_app_owner: bool
    inbox_ids: tuple[int, ...] = ()  # the inboxes the user works (``inboxes.id`` filter)

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True, slots=True)
class Inbox:
    id: int
    name: str
    email: str
    user_ids: tuple[int, ...]  # the agents who work it
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Tag:
    id: int
    name: str
    color: str
    inbox_ids: tuple[int, ...]  # where the tag may be used
    created_at: datetime


@dataclass(frozen=True, slots=True)
class BusinessHour:
    id: int
    name: str
    timezone_name: str  # IANA name
    timezone_id: int
    created_at: datetime


@dataclass(frozen=True)
class Catalog:
    """Every related entity by id, per ``included`` type."""

    users: dict[int, User]
    customers: dict[int, Customer]
    companies: dict[int, Company]
    domains: dict[int, Domain]
    inboxes: dict[int, Inbox]
    statuses: dict[int, Entity]
    priorities: dict[int, Entity]
    sources: dict[int, Entity]
    types: dict[int, Entity]
    tags: dict[int, Tag]
    businesshours: dict[int, BusinessHour]

    @property
    def owner(self) -> int:
        """The account owner (the first admin): creator of companies, tags and inboxes."""
        return next(u.id for u in self.users.values() if u.is_app_owner)


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
INBOX_IDS = tuple(range(1, len(INBOXES) + 1))
# Teamwork's own time-zone ids are not public: a fixed table, shared by users and calendars.
TIMEZONES = {"Europe/Dublin": 1, "America/New_York": 2}
BUSINESS_HOURS = ((1, "Standard hours", "Europe/Dublin"), (2, "US support", "America/New_York"))
INDUSTRIES = (
    "Software", "Retail", "Manufacturing", "Healthcare", "Education", "Financial services",
    "Logistics", "Media", "Hospitality", "Non-profit",
)  # fmt: skip
DOMAIN_IDS = 7001  # the first domain id: a range of its own, like every other table
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


def _ago(faker: Faker, low_days: int, high_days: int) -> datetime:
    seconds = faker.random.randrange(low_days * 86400, high_days * 86400)
    return DATA_EPOCH - timedelta(seconds=seconds, milliseconds=faker.random.randrange(1000))


def _color(faker: Faker) -> str:
    return str(faker.random.choice(TAG_COLORS))


def _companies(faker: Faker) -> tuple[dict[int, Company], dict[int, Domain]]:
    companies: dict[int, Company] = {}
    domains: dict[int, Domain] = {}
    taken: set[str] = set()
    for n in range(25):
        name = faker.company()
        if any(company.name == name for company in companies.values()):
            name = f"{name} {faker.city()}"
        created_at = _ago(faker, 400, 1500)
        own: list[int] = []
        for _ in range(faker.random.choice((1, 1, 1, 2))):
            domain = faker.domain_name()
            while domain in taken:
                domain = faker.domain_name()
            taken.add(domain)
            identifier = DOMAIN_IDS + len(domains)
            domains[identifier] = Domain(identifier, domain, 101 + n, created_at)
            own.append(identifier)
        industry = faker.random.choice(INDUSTRIES)
        names = tuple(domains[i].name for i in own)
        companies[101 + n] = Company(
            101 + n, name, faker.catch_phrase(), industry, tuple(own), names, created_at
        )
    return companies, domains


def _users(faker: Faker) -> dict[int, User]:
    users = {}
    for n in range(12):
        first, last = faker.first_name(), faker.last_name()
        email = f"{first}.{last}@{DESK_DOMAIN}".lower().replace("'", "")
        users[301 + n] = User(
            301 + n,
            first,
            last,
            email,
            ROLES[n % 4],
            _ago(faker, 300, 1500),
            is_part_time=faker.random.random() < 0.2,
            timezone_id=faker.random.choice((1, 1, 2)),
            is_app_owner=n == 3,  # the first admin
        )
    return users


def _inboxes(faker: Faker, users: dict[int, User]) -> dict[int, Inbox]:
    """Each inbox is worked by four to seven agents; every agent works at least one inbox."""
    rng = faker.random
    members = [sorted(rng.sample(tuple(users), k=rng.randrange(4, 8))) for _ in INBOXES]
    for user in users:
        if not any(user in team for team in members):
            members[rng.randrange(len(members))].append(user)
    return {
        i: Inbox(i, name, f"{name.lower()}@{DESK_DOMAIN}", tuple(sorted(members[n])),
                 _ago(faker, 1000, 1600))
        for n, (i, name) in enumerate(zip(INBOX_IDS, INBOXES, strict=True))
    }  # fmt: skip


def _tags(faker: Faker, inboxes: dict[int, Inbox]) -> dict[int, Tag]:
    """Most tags are enabled in every inbox, some only in one or two; every inbox has at least
    three, so a ticket can always carry up to three of its inbox's tags."""
    rng = faker.random
    tags = {}
    for n, name in enumerate(TAGS):
        everywhere = rng.random() < 0.6
        where = tuple(inboxes) if everywhere else rng.sample(tuple(inboxes), k=rng.randrange(1, 3))
        tags[n + 1] = Tag(n + 1, name, _color(faker), tuple(sorted(where)), _ago(faker, 100, 1400))
    for inbox in inboxes:
        while sum(inbox in tag.inbox_ids for tag in tags.values()) < 3:
            tag = tags[rng.choice(tuple(tags))]
            tags[tag.id] = Tag(tag.id, tag.name, tag.color, tuple(sorted({*tag.inbox_ids, inbox})),
                               tag.created_at)  # fmt: skip
    return tags


def catalog(faker: Faker) -> Catalog:
    """The related entities, once per seed."""
    companies, domains = _companies(faker)
    customers = {}
    for n in range(120):
        first, last = faker.first_name(), faker.last_name()
        company_id = faker.random.choice((None, *companies))
        domain = domains[companies[company_id].domain_ids[0]].name if company_id else "gmail.com"
        email = f"{first}.{last}@{domain}".lower().replace("'", "")
        customers[2001 + n] = Customer(
            2001 + n,
            first,
            last,
            email,
            faker.phone_number(),
            company_id,
            companies[company_id].name if company_id else None,
            5001 + n,
            _ago(faker, 30, 1200),
        )
    users = _users(faker)
    inboxes = _inboxes(faker, users)
    users = {
        i: replace(u, inbox_ids=tuple(b.id for b in inboxes.values() if i in b.user_ids))
        for i, u in users.items()
    }
    return Catalog(
        users=users,
        customers=customers,
        companies=companies,
        domains=domains,
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
        tags=_tags(faker, inboxes),
        businesshours={
            i: BusinessHour(i, name, zone, TIMEZONES[zone], _ago(faker, 1400, 1600))
            for i, name, zone in BUSINESS_HOURS
        },
    )


def order_key(ticket: Ticket) -> tuple[float, int]:
    """Newest first, ties by id descending (``orderBy=createdAt&orderMode=desc``)."""
    return (-ticket.created_at.timestamp(), -ticket.id)


def generate(
    faker: Faker, index: int, catalog: Catalog, row: Mapping[str, Any] | None = None
) -> Ticket:
    rng = faker.random
    ticket_id = id_for(rng, index, top=250_000, gap=3)
    created_at = created_at_for(rng, index) - timedelta(milliseconds=rng.randrange(1, 1000))
    customer = catalog.customers[rng.choice(tuple(catalog.customers))]
    inbox = catalog.inboxes[rng.choice(tuple(catalog.inboxes))]
    status_id = rng.choices((1, 2, 3, 4, 5, 6), weights=(3, 6, 4, 1, 6, 3))[0]
    agent = None if status_id == 1 and rng.random() < 0.7 else rng.choice(inbox.user_ids)
    type_id = rng.choices((None, 1, 2, 3, 4), weights=(2, 4, 4, 1, 1))[0]
    cc = (faker.email(),) if rng.random() < 0.15 else ()
    hours = catalog.businesshours[rng.choice(tuple(catalog.businesshours))]
    thread = write_thread(
        rng, ticket_id, catalog, customer, inbox, agent, status_id, type_id, created_at, cc, hours
    )
    messages = thread.messages
    resolved = status_id in (5, 6)
    updated_at = between(rng, messages[-1].created_at, min(
        messages[-1].created_at + timedelta(hours=2), DATA_EPOCH
    ))  # fmt: skip
    deleted = rng.random() < 0.03
    company = catalog.companies.get(customer.company_id or 0)
    spam_score = round(rng.uniform(-2.0, 4.5), 1)
    survey = thread.resolved_at is not None and rng.random() < 0.6
    tags_here = tuple(t.id for t in catalog.tags.values() if inbox.id in t.inbox_ids)
    return Ticket(
        id=ticket_id,
        subject=thread.subject,
        preview_text=" ".join(messages[0].text.split())[:100],
        original_recipient=inbox.email,
        response_time_mins=thread.response_mins,
        resolution_time_mins=thread.resolution_mins,
        happiness_survey_sent_at=between(rng, thread.resolved_at, updated_at)
        if survey and thread.resolved_at is not None
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
        type_id=type_id,
        businesshours_id=hours.id,
        company_id=company.id if company else None,
        created_at=created_at,
        updated_at=updated_at,
        deleted_at=between(rng, updated_at, DATA_EPOCH) if deleted else None,
        created_by=agent or rng.choice(inbox.user_ids),
        updated_by=agent or rng.choice(inbox.user_ids),
        deleted_by=rng.choice(tuple(catalog.users)) if deleted else None,
        state="deleted" if deleted else "active",
        is_read=resolved or rng.random() < 0.6,
        cc=cc,
        tag_ids=tuple(sorted(rng.sample(tags_here, k=rng.choice((0, 0, 1, 1, 2, 3))))),
        task_ids=(rng.randrange(10_000_000, 30_000_000),) if rng.random() < 0.1 else (),
        messages=messages,
        agent_name=catalog.users[agent].name if agent is not None else None,
        customer_name=customer.name,
        company_name=company.name if company else None,
        businesshours_name=hours.name,
    )
