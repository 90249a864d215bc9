"""Teamwork Desk tickets and the related entities they point at, generated from the seed.

The catalog (inboxes and the agents who work them, customers and their contacts, companies and
their domains, statuses, priorities, sources, types, tags, business hours) is built once per
seed; every ticket references it by id and carries its own messages, so ``included`` and the
lookup lists (``lookups.py``) always resolve. Fields agree with each other: a ticket's agent
works its inbox and its tags are enabled there; its subject, preview text, response and
resolution times come from its conversation (``conversation.py``); a solved ticket may have a
happiness survey, a deleted one has ``deletedAt``/``deletedBy``. Nothing is stamped at the data
epoch: every moment lies strictly before it.

Columns (``COLUMNS``, built by :func:`build_columns` for whole ranges of indexes at once): every
attribute a filter, an ordering, the search or a side-load count reads, except those the
conversation writes (subject, preview, response and resolution minutes, the messages).
``generate`` takes every column attribute from the ticket's row and draws the rest from the
Faker. Times: ``createdAt`` falls with the index (one three-hour slot each); ``updatedAt`` is
recent for open tickets and soon after opening for solved ones; the thread (and the happiness
survey) fit inside ``[createdAt, updatedAt]``; a deleted ticket was deleted at ``updatedAt``.
docs/teamwork.md, "Columns and timestamps", has the distributions.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache
from itertools import combinations
from typing import Any

import numpy as np
import numpy.typing as npt
from faker import Faker

from mockdesk.core.columns import ColumnSpec
from mockdesk.core.lanes import Indexes, Lanes
from mockdesk.core.timeline import DATA_EPOCH, LAST_MOMENT, opened_seconds
from mockdesk.vendors.teamwork.conversation import DESK_DOMAIN, write_thread
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


# ------------------------------------------------------------------------------- columns

TOP_ID = 3_250_000  # ids fall by about 3 per ticket: a million tickets stay above 250,000
_EPOCH_MS = int(DATA_EPOCH.timestamp()) * 1000
_LAST_MS = int(LAST_MOMENT.timestamp()) * 1000
_DAY_MS = 86_400_000
USER_IDS = tuple(range(301, 313))  # the catalog's twelve users (``_users``)
CUSTOMER_IDS = tuple(range(2001, 2121))  # its 120 customers; contact = customer + 3000
CONTACT_OFFSET = 3000
RECIPIENTS = tuple(sorted(f"{name.lower()}@{DESK_DOMAIN}" for name in INBOXES))
NO_TASK = -1
# ``tag_ids`` is a bit set (bit n: tag id n + 1); spam rules are drawn as one (bit n:
# SPAM_RULES[n]) and stored as the code of their set (``RULE_SETS``).
RULE_BITS = {rule: 1 << n for n, rule in enumerate(SPAM_RULES)}
# numbers of the columns' weights, as ``generate`` drew them before (status 1…6 and so on)
_STATUS_WEIGHTS = (3, 6, 4, 1, 6, 3)
_PRIORITY_WEIGHTS = (1, 1, 2, 1, 1)  # None, 1, 2, 3, 4
_SOURCE_WEIGHTS = (10, 4, 2, 3, 1)
_TYPE_WEIGHTS = (2, 4, 4, 1, 1)  # None, 1, 2, 3, 4
_OPEN_AGE_MS = 10 * _DAY_MS  # open tickets: last touched up to 10 days ago (most within a day)
_WORK_MS = 20 * _DAY_MS  # solved/closed tickets: worked up to 20 days (most within two)

COLUMN_TIMES = frozenset(("created_at", "updated_at", "deleted_at", "happiness_survey_sent_at"))


def _seconds(ms: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """Whole milliseconds as float Unix seconds (exactly what ``datetime.timestamp`` gives)."""
    return ms.astype(np.float64) / 1000.0


@lru_cache(maxsize=64)
def _subset_table(
    groups: tuple[tuple[int, ...], ...], sizes: int
) -> tuple[npt.NDArray[np.uint16], npt.NDArray[np.int64], int]:
    """Every k-subset (k < ``sizes``) of every group as bit sets, flat, with their counts."""
    table = [[[sum(1 << i for i in c) for c in combinations(g, size)] for size in range(sizes)]
             for g in groups]  # fmt: skip
    widest = max(len(subsets) for by_size in table for subsets in by_size)
    flat = np.zeros((len(groups), sizes, widest), dtype=np.uint16)
    counts = np.ones((len(groups), sizes), dtype=np.int64)
    for g, by_size in enumerate(table):
        for size, subsets in enumerate(by_size):
            flat[g, size, : len(subsets)] = subsets
            counts[g, size] = max(len(subsets), 1)
    return flat.ravel(), counts.ravel(), widest


def _subsets(
    draw: Indexes, groups: list[tuple[int, ...]], group: Indexes, k: Indexes, sizes: int
) -> npt.NDArray[np.uint16]:
    """Per row, ``k`` (< ``sizes``) distinct items of its ``group`` (item positions, at most
    16), uniformly among the k-subsets, as a bit set: one lookup per row in a table of every
    subset."""
    flat, counts, widest = _subset_table(tuple(groups), sizes)
    slot = group * sizes + k
    found: npt.NDArray[np.uint16] = flat[slot * widest + scale(draw, counts[slot])]
    return found


def scale(draw: Indexes, high: Indexes | int, width: int = 16) -> Indexes:
    """``width`` random bits → an integer in [0, high) (``high`` below 2**32)."""
    found: Indexes = (draw * high) >> width
    return found


class _Word:
    """One lane's 64 bits per row, dealt out as small fields: a dozen lanes instead of thirty
    (a field of ``width`` bits modulo a small range is uniform up to ``range / 2**width``)."""

    def __init__(self, lanes: Lanes, lane: str, indexes: Indexes) -> None:
        self._bits = lanes.bits(lane, indexes)
        self._used = 0

    def field(self, width: int) -> Indexes:
        shift, self._used = self._used, self._used + width
        if self._used > 64:
            raise ValueError("a lane has 64 bits")
        mask = np.uint64((1 << width) - 1)
        found: Indexes = ((self._bits >> np.uint64(shift)) & mask).astype(np.int64)
        return found

    def below(self, high: int, width: int = 16) -> Indexes:
        """An integer in [0, high): ``field × high / 2**width``, rounded down (no division)."""
        return scale(self.field(width), high, width)

    def weighted(self, weights: tuple[int, ...], width: int = 16) -> Indexes:
        """The position of one of ``weights`` (whole numbers), in proportion to its weight."""
        table = np.repeat(np.arange(len(weights), dtype=np.int64), weights)
        found: Indexes = table[self.below(len(table), width)]
        return found

    def chance(self, probability: float, width: int = 16) -> npt.NDArray[np.bool_]:
        found: npt.NDArray[np.bool_] = self.field(width) < round(probability * (1 << width))
        return found

    def unit(self, width: int = 21) -> npt.NDArray[np.float64]:
        """A float in [0, 1) with ``width`` bits."""
        found: npt.NDArray[np.float64] = self.field(width).astype(np.float64) / (1 << width)
        return found


def build_columns(lanes: Lanes, indexes: Indexes, catalog: Catalog) -> dict[str, npt.NDArray[Any]]:
    """Every column of tickets ``indexes``, vectorised (see docs/teamwork.md, "Columns")."""
    n = len(indexes)
    when = _Word(lanes, "created", indexes)
    ids = TOP_ID - indexes * 3 - when.below(3)
    opened = opened_seconds(indexes, when.unit(32)).astype(np.int64) * 1000
    created = opened - (when.below(999) + 1)  # whole milliseconds, still strictly falling
    kinds = _Word(lanes, "kinds", indexes)
    status = kinds.weighted(_STATUS_WEIGHTS) + 1
    priority = kinds.weighted(_PRIORITY_WEIGHTS)
    source = kinds.weighted(_SOURCE_WEIGHTS) + 1
    type_ = kinds.weighted(_TYPE_WEIGHTS)
    resolved = status >= 5
    # updatedAt: open tickets were touched recently, solved ones soon after they were opened
    room = np.maximum(_LAST_MS - created, 0)
    back_draw, work_draw = _Word(lanes, "open", indexes), _Word(lanes, "work", indexes)
    back = (back_draw.unit() * back_draw.unit() * back_draw.unit() * _OPEN_AGE_MS).astype(np.int64)
    work = (work_draw.unit() * work_draw.unit() * work_draw.unit() * _WORK_MS).astype(np.int64)
    spread = _Word(lanes, "spread", indexes)
    anywhere = (spread.unit(32) * room).astype(np.int64)
    updated = np.where(
        resolved,
        np.where(work < room, created + work, created + anywhere),
        np.where(back < room, _LAST_MS - back, created + anywhere),
    )
    updated = np.maximum(updated, created)
    # a happiness survey goes out after the resolution: the thread ends before it
    survey = resolved & spread.chance(0.6)
    share = 0.8 + 0.2 * spread.unit(16)
    survey_ms = created + ((updated - created) * share).astype(np.int64)
    # relations
    who = _Word(lanes, "who", indexes)
    customer = who.below(len(CUSTOMER_IDS))
    inbox = who.below(len(INBOX_IDS), 8)
    hours = who.below(2, 8)
    pick, other_pick = who.field(16), who.field(16)
    company_of = np.asarray(
        [catalog.customers[c].company_id or -1 for c in CUSTOMER_IDS], dtype=np.int8
    )
    members = [catalog.inboxes[i].user_ids for i in INBOX_IDS]
    widest = max(map(len, members))
    team = np.asarray([[*m, *(m[:1] * (widest - len(m)))] for m in members], dtype=np.int16)
    sizes = np.asarray([len(m) for m in members], dtype=np.int64)[inbox]
    rest = _Word(lanes, "rest", indexes)
    unassigned = (status == 1) & rest.chance(0.7)
    agent = np.where(unassigned, -1, team[inbox, scale(pick, sizes)]).astype(np.int16)
    updated_by = np.where(unassigned, team[inbox, scale(other_pick, sizes)], agent).astype(np.int16)
    fate = _Word(lanes, "fate", indexes)
    deleted = fate.chance(0.03)
    deleted_by = np.where(deleted, fate.below(len(USER_IDS)) + USER_IDS[0], -1)
    # spam score in tenths, never a whole number (-2.0 is -1.9, as 1.0 is 1.1)
    tenths = rest.below(66) - 20
    tenths = np.where(tenths % 10 == 0, tenths + 1, tenths)
    rules = _subsets(
        rest.field(16), [tuple(range(len(SPAM_RULES)))], np.zeros(n, np.int64),
        rest.below(3, 8) + 1, 4,
    )  # fmt: skip
    extra = _Word(lanes, "extra", indexes)
    enabled = [tuple(t - 1 for t in sorted(catalog.tags) if i in catalog.tags[t].inbox_ids)
               for i in INBOX_IDS]  # fmt: skip
    tags = _subsets(extra.field(16), enabled, inbox, extra.weighted((2, 2, 1, 1), 8), 4)
    task = np.where(extra.chance(0.1, 10), extra.below(20_000_000, 30) + 10_000_000, NO_TASK)
    nan = np.full(n, np.nan)
    return {
        "id": ids.astype(np.int32),
        "created_at": _seconds(created),
        "updated_at": _seconds(updated),
        "deleted_at": np.where(deleted, _seconds(updated), nan),
        "happiness_survey_sent_at": np.where(survey, _seconds(survey_ms), nan),
        "status_id": status.astype(np.int8),
        "priority_id": _nullable(priority),
        "source_id": source.astype(np.int8),
        "type_id": _nullable(type_),
        "inbox_id": (inbox + 1).astype(np.int8),
        "businesshours_id": (hours + 1).astype(np.int8),
        "agent_id": agent,
        "customer_id": (customer + CUSTOMER_IDS[0]).astype(np.int16),
        "company_id": company_of[customer],
        "updated_by": updated_by,
        "deleted_by": deleted_by.astype(np.int16),
        "state": deleted.astype(np.uint8),
        "original_recipient": inbox_recipients()[inbox],
        "spam_score": tenths.astype(np.int16),
        "spam_rules": _RULE_CODES[rules],
        "tag_ids": tags,
        "task_ids": task.astype(np.int32),
    }


def _nullable(choice: Indexes) -> npt.NDArray[np.int8]:
    """Position 0 of the weights is None (-1), position n is n."""
    return np.where(choice == 0, -1, choice).astype(np.int8)


def inbox_recipients() -> npt.NDArray[np.uint8]:
    """Inbox position → its ``original_recipient`` code (an inbox's address is its name)."""
    return np.asarray(
        [RECIPIENTS.index(f"{name.lower()}@{DESK_DOMAIN}") for name in INBOXES], dtype=np.uint8
    )


def tag_bits(tag_ids: tuple[int, ...]) -> int:
    return sum(1 << (tag - 1) for tag in set(tag_ids) if 1 <= tag <= 16)


def rules_of(bits: int) -> tuple[str, ...]:
    return tuple(sorted(rule for rule, bit in RULE_BITS.items() if bits & bit))


def tags_of(bits: int) -> tuple[int, ...]:
    return tuple(n + 1 for n in range(16) if bits >> n & 1)


def row(ticket: Ticket) -> dict[str, Any]:
    """The column values of a built ticket (a pinned or runtime one)."""
    return {
        "id": ticket.id,
        "created_at": ticket.created_at,
        "updated_at": ticket.updated_at,
        "deleted_at": ticket.deleted_at,
        "happiness_survey_sent_at": ticket.happiness_survey_sent_at,
        "status_id": ticket.status_id,
        "priority_id": ticket.priority_id,
        "source_id": ticket.source_id,
        "type_id": ticket.type_id,
        "inbox_id": ticket.inbox_id,
        "businesshours_id": ticket.businesshours_id,
        "agent_id": ticket.agent_id,
        "customer_id": ticket.customer_id,
        "company_id": ticket.company_id,
        "updated_by": ticket.updated_by,
        "deleted_by": ticket.deleted_by,
        "state": ticket.state,
        "original_recipient": ticket.original_recipient,
        "spam_score": round(ticket.spam_score * 10),
        "spam_rules": ticket.spam_rules,
        "tag_ids": tag_bits(ticket.tag_ids),
        "task_ids": ticket.task_ids[0] if ticket.task_ids else None,
    }


# ``spam_rules`` is categorical over rule sets: every set of the ten rules, in the order of the
# rules joined by commas (``orderBy=spam_rules``); a pinned ticket's other sets come after.
RULE_SETS = tuple(sorted((rules_of(bits) for bits in range(1 << len(SPAM_RULES))), key=",".join))
_RULE_CODES = np.zeros(1 << len(SPAM_RULES), dtype=np.uint16)
for _code, _rules in enumerate(RULE_SETS):
    _RULE_CODES[sum(RULE_BITS[rule] for rule in _rules)] = _code

COLUMNS = ColumnSpec(
    build=build_columns,
    row=row,
    order=(("created_at", True), ("id", True)),
    levels={
        "state": ("active", "deleted"),
        "original_recipient": RECIPIENTS,
        "spam_rules": RULE_SETS,
    },
    times=COLUMN_TIMES,
)


def _moment(seconds: float) -> datetime:
    """A time column's value back as the datetime it was made from (whole milliseconds)."""
    return DATA_EPOCH + timedelta(milliseconds=round(seconds * 1000) - _EPOCH_MS)


def _maybe(seconds: float) -> datetime | None:
    return None if math.isnan(seconds) else _moment(seconds)


def _id(value: int) -> int | None:
    return None if value == -1 else int(value)


def generate(faker: Faker, index: int, catalog: Catalog, row: Mapping[str, Any]) -> Ticket:
    """Ticket ``index``: every column attribute from ``row``, texts and the thread from
    ``faker`` (a ``row`` is worked out here when none is given, as the store would)."""
    rng = faker.random
    ticket_id = int(row["id"])
    created_at = _moment(row["created_at"])
    updated_at = _moment(row["updated_at"])
    survey_at = _maybe(row["happiness_survey_sent_at"])
    deleted_at = _maybe(row["deleted_at"])
    customer = catalog.customers[int(row["customer_id"])]
    inbox = catalog.inboxes[int(row["inbox_id"])]
    status_id = int(row["status_id"])
    agent = _id(row["agent_id"])
    type_id = _id(row["type_id"])
    cc = (faker.email(),) if rng.random() < 0.15 else ()
    hours = catalog.businesshours[int(row["businesshours_id"])]
    thread = write_thread(
        rng, ticket_id, catalog, customer, inbox, agent, status_id, type_id, created_at, cc,
        hours, until=survey_at or updated_at,
    )  # fmt: skip
    messages = thread.messages
    company = catalog.companies.get(customer.company_id or 0)
    tenths = int(row["spam_score"])
    task = int(row["task_ids"])
    deleted_by = _id(row["deleted_by"])
    return Ticket(
        id=ticket_id,
        subject=thread.subject,
        preview_text=" ".join(messages[0].text.split())[:100],
        original_recipient=str(row["original_recipient"]),
        response_time_mins=thread.response_mins,
        resolution_time_mins=thread.resolution_mins,
        happiness_survey_sent_at=survey_at,
        spam_score=tenths / 10,
        spam_rules=tuple(row["spam_rules"]),
        customer_id=customer.id,
        contact_id=customer.contact_id,
        inbox_id=inbox.id,
        agent_id=agent,
        status_id=status_id,
        priority_id=_id(row["priority_id"]),
        source_id=int(row["source_id"]),
        type_id=type_id,
        businesshours_id=hours.id,
        company_id=company.id if company else None,
        created_at=created_at,
        updated_at=updated_at,
        deleted_at=deleted_at,
        created_by=agent or rng.choice(inbox.user_ids),
        updated_by=int(row["updated_by"]),
        deleted_by=deleted_by,
        state=str(row["state"]),
        is_read=status_id in (5, 6) or rng.random() < 0.6,
        cc=cc,
        tag_ids=tags_of(int(row["tag_ids"])),
        task_ids=() if task == NO_TASK else (task,),
        messages=messages,
        agent_name=catalog.users[agent].name if agent is not None else None,
        customer_name=customer.name,
        company_name=company.name if company else None,
        businesshours_name=hours.name,
    )
