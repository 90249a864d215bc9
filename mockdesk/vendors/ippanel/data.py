"""IPPanel reseller tickets: the model, the category tree, and a generator whose fields agree.

The nested ``user``, ``category``, ``sub_category``, ``state`` and ``forward`` objects of the list
item are denormalized here at generation time, so ids and names always agree with the flat
``*_id`` fields. What filters, the order and lookups read is computed for every ticket at once
as columns (:data:`COLUMNS`, :func:`build_columns`: NumPy over whole index ranges); the rest is
drawn by :func:`generate` from the ticket's own Faker when the ticket is read, and agrees with
its row. The state decides what follows: a closed ticket may carry a ``close_desc`` and a
rating; a ticket waiting for support is usually unseen by the admins; a forwarded ticket's
``forward.to`` is another department; ``interaction_count`` is the number of replies the detail
endpoint lists.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from random import Random
from typing import Any

import numpy as np
from faker import Faker

from mockdesk.core.columns import Array, ColumnSpec
from mockdesk.core.conversations import Language, Role
from mockdesk.core.lanes import Indexes, Lanes
from mockdesk.core.timeline import DATA_EPOCH, LAST_MOMENT, id_for, opened_seconds
from mockdesk.vendors.ippanel.conversation import (
    closed_without_reply,
    exchange,
    forward_note,
)
from mockdesk.vendors.ippanel.texts import CLOSE_REASONS, RATE_COMMENTS, TEXTS

STATES: Mapping[int, str] = {
    1: "waiting_response",
    2: "waiting_support",
    3: "replied",
    4: "closed",
    5: "forwarded",
}
IMPORTANCES = ("normal", "acute")
ATTACHMENT_HOST = "https://storage.example.com"
SUPPORT_DEPARTMENT = 1  # forward.to of a ticket that was never passed on (the seed's value)
OTHER_DEPARTMENTS = (2, 3, 4)  # technical, financial, sales: where state 5 tickets went
_STATE_WEIGHTS = {1: 3, 2: 4, 3: 5, 4: 7, 5: 1}
# username, and how the agent signs in Persian and in English
AGENTS = (
    ("support.rezaei", "رضایی", "Rezaei"),
    ("support.karimi", "کریمی", "Karimi"),
    ("tech.ahmadi", "احمدی", "Ahmadi"),
    ("finance.moradi", "مرادی", "Moradi"),
)
MANAGER_COMMENTS = ("پیگیری شود", "Escalated to NOC")
RESELLERS = (300001, 300417, 301152)  # parent_id: the reseller (or sub-reseller) owning a user


@dataclass(frozen=True, slots=True)
class Category:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class SubCategory:
    id: int
    title: str
    category_id: int


# The seed's two categories (10, 11) and sub-categories (20, 21) with their real neighbours.
CATEGORIES = (
    Category(10, "Plugins, Domains, API"),
    Category(11, "System Questions"),
    Category(12, "Financial"),
    Category(13, "Sending and Delivery"),
    Category(14, "Documents and Verification"),
)
SUB_CATEGORIES = (
    SubCategory(20, "System Errors", 10),
    SubCategory(22, "Web Service (API)", 10),
    SubCategory(23, "Plugins", 10),
    SubCategory(24, "Domains", 10),
    SubCategory(21, "Other Issues", 11),
    SubCategory(25, "Panel Usage", 11),
    SubCategory(26, "Account Settings", 11),
    SubCategory(27, "Invoices", 12),
    SubCategory(28, "Credit Charge", 12),
    SubCategory(29, "Refunds", 12),
    SubCategory(30, "Delivery Reports", 13),
    SubCategory(31, "Pattern Approval", 13),
    SubCategory(32, "Sender Lines", 13),
    SubCategory(33, "Blocked Messages", 13),
    SubCategory(34, "Identity Verification", 14),
    SubCategory(35, "Contracts", 14),
)


@dataclass(frozen=True, slots=True)
class User:
    user_id: int
    uname: str
    parent_id: int


@dataclass(frozen=True, slots=True)
class Agent:
    id: int
    username: str
    persian_name: str = ""
    english_name: str = ""

    def display_name(self, language: Language) -> str:
        """How the agent signs a reply in ``language``."""
        name = self.persian_name if language is Language.FA else self.english_name
        return name or self.username


@dataclass(frozen=True, slots=True)
class Catalog:
    """Built once per seed: the category tree, the reseller's users and the support agents."""

    categories: Mapping[int, Category]
    sub_categories: Mapping[int, SubCategory]
    users: tuple[User, ...]
    agents: tuple[Agent, ...]
    by_uname_key: Mapping[int, User]  # each user under its ``uname_key``


@dataclass(frozen=True, slots=True)
class Forward:
    id: int
    from_user: int
    to: int
    created_at: datetime
    updated_at: datetime
    seen: bool


@dataclass(frozen=True, slots=True)
class Interaction:
    id: int
    description: str
    agent_id: int | None
    agent_username: str | None
    created_at: datetime
    attachment: str | None
    private: int
    username: str


@dataclass(frozen=True, slots=True)
class Ticket:
    id: int
    user: User
    category: Category
    sub_category: SubCategory
    importance: str
    state_id: int
    subject: str
    desc: str
    manager_comment: str | None
    close_desc: str | None
    admin_seen: int
    user_seen: int
    sms_notification: int
    interaction_count: int
    longest_interaction: int
    created_at: datetime
    updated_at: datetime
    jira_id: int
    rate: int
    rate_comment: str | None
    forward: Forward
    attachment: str | None = None
    interactions: tuple[Interaction, ...] = ()

    # Flat attributes the store indexes and filters on.
    @property
    def category_id(self) -> int:
        return self.category.id

    @property
    def sub_category_id(self) -> int:
        return self.sub_category.id

    @property
    def uname_key(self) -> int:
        """The username as the ``username`` filter compares it (see :func:`uname_key`)."""
        return uname_key(self.user.uname)

    @property
    def state_name(self) -> str:
        return STATES[self.state_id]


def order_key(ticket: Ticket) -> tuple[float, int]:
    """Newest first, ties by id descending."""
    return (-ticket.created_at.timestamp(), -ticket.id)


def uname_key(uname: str) -> int:
    """``uname`` as the ``uname_key`` column holds it: a signed 64-bit BLAKE2b hash of its
    case-folded form (MySQL's default collation compares usernames without regard to case).

    A hash, not a code into the catalog's users, because the ``username`` criterion is made from
    the query alone (no catalog at hand) and must also match pinned and runtime tickets whose
    user the catalog does not know."""
    digest = hashlib.blake2b(uname.casefold().encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def catalog(faker: Faker) -> Catalog:
    rng = faker["en_US"].random
    unames: dict[str, str] = {"sampleuser": "sampleuser"}  # by case-folded name: one user each
    while len(unames) < 40:
        uname = faker["en_US"].user_name()
        unames.setdefault(uname.casefold(), uname)
    users = tuple(
        User(200001 + n * 7 + rng.randrange(7), uname, rng.choice(RESELLERS))
        for n, uname in enumerate(unames.values())
    )
    agents = tuple(Agent(n + 1, *names) for n, names in enumerate(AGENTS))
    return Catalog(
        {c.id: c for c in CATEGORIES},
        {s.id: s for s in SUB_CATEGORIES},
        users,
        agents,
        {uname_key(u.uname): u for u in users},
    )


# Columns (see docs/ippanel.md, "Data"): what the filters, the order and show?ticket_id= read.
EPOCH_SECONDS = DATA_EPOCH.timestamp()
LAST_SECONDS = LAST_MOMENT.timestamp()
TOP_ID, ID_GAP = 3_400_000, 3
STATE_LEVELS = tuple(_STATE_WEIGHTS)  # code i is state i + 1
_CLOSED = STATE_LEVELS.index(4)
_SUB_CATEGORY_PARENT = np.array(
    [[c.id for c in CATEGORIES].index(s.category_id) for s in SUB_CATEGORIES], np.uint8
)
# updated_at: a closed (or an abandoned open) ticket was last saved a lifetime after it was
# opened, log-uniform between 10 minutes and 3 weeks; an active open one was touched an
# exponential idle time (mean 2 days) before "now"; a ticket younger than its draw anywhere in
# its life. An open ticket is active with a chance that fades with its age (85 % when new, half
# that at 6 weeks), so old open tickets lie abandoned near their creation, as in a real queue.
MIN_LIFETIME, MAX_LIFETIME = 600.0, 21 * 86_400.0
MEAN_IDLE = 2 * 86_400.0
ACTIVE, ACTIVE_HALF_LIFE = 0.85, 42 * 86_400.0


def build_columns(lanes: Lanes, indexes: Indexes, catalog: Catalog) -> dict[str, Array]:
    """Every column for ``indexes`` at once (NumPy, no per-ticket Python).

    Created times fall strictly with the index (``core.timeline.opened_seconds``) and so do
    ids (gaps of up to 2); the category is the sub-category's parent."""
    state = lanes.choice("state", indexes, list(_STATE_WEIGHTS.values())).astype(np.uint8)
    sub_category = lanes.integers("sub_category", indexes, 0, len(SUB_CATEGORIES)).astype(np.uint8)
    keys = np.array([uname_key(u.uname) for u in catalog.users], np.int64)
    created = opened_seconds(indexes, lanes.uniform("created_at", indexes))
    return {
        "id": (TOP_ID - ID_GAP * indexes - lanes.integers("id", indexes, 0, ID_GAP)).astype(
            np.int32
        ),
        "created_at": created,
        "updated_at": _updated_at(lanes, indexes, created, state),
        "state_id": state,
        "category_id": _SUB_CATEGORY_PARENT[sub_category],
        "sub_category_id": sub_category,
        "uname_key": keys[lanes.integers("user", indexes, 0, len(keys))],
    }


def _updated_at(lanes: Lanes, indexes: Indexes, created: Array, state: Array) -> Array:
    """When each row was last saved: whole seconds in [created_at, LAST_MOMENT]."""
    age = LAST_SECONDS - created
    active = lanes.uniform("active", indexes) < ACTIVE * np.exp2(-age / ACTIVE_HALF_LIFE)
    settled = (state == _CLOSED) | ~active
    lifetime = MIN_LIFETIME * (MAX_LIFETIME / MIN_LIFETIME) ** lanes.uniform("lifetime", indexes)
    idle = -np.log1p(-lanes.uniform("idle", indexes)) * MEAN_IDLE
    fits = np.where(settled, lifetime, idle) < age
    moment = np.where(settled, created + lifetime, LAST_SECONDS - idle)
    moment = np.where(fits, moment, created + age * lanes.uniform("young", indexes))
    updated: Array = np.clip(np.floor(moment), created, LAST_SECONDS)
    return updated


def column_row(ticket: Ticket) -> dict[str, Any]:
    """The columns of a built ticket (a pinned or a runtime one)."""
    return {
        "id": ticket.id,
        "created_at": ticket.created_at,
        "updated_at": ticket.updated_at,
        "state_id": ticket.state_id,
        "category_id": ticket.category.id,
        "sub_category_id": ticket.sub_category.id,
        "uname_key": ticket.uname_key,
    }


COLUMNS = ColumnSpec(
    build=build_columns,
    row=column_row,
    order=(("created_at", True), ("id", True)),
    levels={
        "state_id": STATE_LEVELS,
        "category_id": tuple(c.id for c in CATEGORIES),
        "sub_category_id": tuple(s.id for s in SUB_CATEGORIES),
    },
    times=frozenset({"created_at", "updated_at"}),
)


def when(seconds: float) -> datetime:
    """A time column's value as an aware datetime (exact for whole seconds, any year)."""
    return DATA_EPOCH + timedelta(seconds=seconds - EPOCH_SECONDS)


def generate(faker: Faker, index: int, catalog: Catalog, row: Mapping[str, Any]) -> Ticket:
    """Ticket ``index``: its columns from ``row``, everything else from the Faker."""
    rng = faker["fa_IR"].random
    ticket_id, state_id = int(row["id"]), int(row["state_id"])
    sub_category = catalog.sub_categories[int(row["sub_category_id"])]
    user = catalog.by_uname_key[int(row["uname_key"])]
    created_at, updated_at = when(row["created_at"]), when(row["updated_at"])
    language, subject, desc, known = _wording(faker, rng, sub_category.id)
    closed = state_id == 4
    forwarded_to = rng.choice(OTHER_DEPARTMENTS) if state_id == 5 else SUPPORT_DEPARTMENT
    interactions, quiet = _interactions(
        rng, ticket_id, state_id, sub_category.id, language, user, catalog, created_at,
        updated_at, known, forwarded_to,
    )  # fmt: skip
    rate = rng.randint(1, 5) if closed and rng.random() < 0.6 else 0
    return Ticket(
        id=ticket_id,
        user=user,
        category=catalog.categories[sub_category.category_id],
        sub_category=sub_category,
        importance=rng.choices(IMPORTANCES, weights=(4, 1))[0],
        state_id=state_id,
        subject=subject,
        desc=desc,
        manager_comment=rng.choice(MANAGER_COMMENTS) if rng.random() < 0.05 else None,
        close_desc=_close_reason(rng, language, quiet) if closed else None,
        admin_seen=0 if state_id == 2 and rng.random() < 0.7 else 1,
        user_seen=1 if state_id in (2, 4) else rng.randint(0, 1),
        sms_notification=int(rng.random() < 0.3),
        interaction_count=len(interactions),
        longest_interaction=_longest_gap(created_at, interactions),
        created_at=created_at,
        updated_at=updated_at,
        jira_id=id_for(rng, index, top=1_250_000, gap=1),
        rate=rate,
        rate_comment=rng.choice(RATE_COMMENTS[language]) if rate else None,
        forward=Forward(
            id=id_for(rng, index, top=2_900_000, gap=2),
            from_user=user.user_id,
            to=forwarded_to,
            created_at=created_at,
            # forwarding is the row's last save; otherwise the forward row was saved once,
            # shortly after the ticket
            updated_at=updated_at if state_id == 5 else _touched_after(rng, created_at, updated_at),
            seen=state_id != 2 or rng.random() < 0.3,
        ),
        attachment=_attachment(rng, user.uname, "ticket") if rng.random() < 0.2 else None,
        interactions=interactions,
    )


def _wording(
    faker: Faker, rng: Random, sub_category_id: int
) -> tuple[Language, str, str, dict[str, str]]:
    """The ticket's language, subject and description, and the details the description quotes
    (so the replies quote the same line, phone, amount and code)."""
    persian, english = TEXTS[sub_category_id]
    language = Language.FA if rng.random() < 0.7 else Language.EN
    subject, desc = rng.choice(persian if language is Language.FA else english)
    fills = {
        "line": f"{rng.choice(('3000', '5000', '2000', '9000'))}{rng.randrange(10**4, 10**8)}",
        "phone": faker["fa_IR"].numerify("0912#######"),
        "amount": f"{rng.randrange(5, 500) * 100_000:,}",
        "code": faker["en_US"].bothify("??#####").lower(),
    }
    known = {name: fills[name] for name in ("line", "phone", "code") if f"{{{name}}}" in desc}
    return language, subject, desc.format(**fills), known


def _interactions(
    rng: Random,
    ticket_id: int,
    state_id: int,
    sub_category_id: int,
    language: Language,
    user: User,
    catalog: Catalog,
    created_at: datetime,
    updated_at: datetime,
    known: dict[str, str],
    forwarded_to: int,
) -> tuple[tuple[Interaction, ...], bool]:
    """The replies after the description, and whether the agent closed for lack of a reply.

    Times are whole seconds (the detail shows ``Y-m-d H:i:s``), strictly increasing, after
    ``created_at`` and at most ``updated_at``; a reply that would share its second with the one
    before is left out (only possible when the ticket lived seconds). A forwarded ticket's
    private forwarding note is its last save: it is stamped ``updated_at``."""
    agent = rng.choice(catalog.agents)
    forwarding = state_id == 5 and updated_at > created_at
    until = updated_at - timedelta(seconds=1) if forwarding else updated_at
    talk = exchange(
        rng,
        sub_category_id=sub_category_id,
        state_id=state_id,
        language=language,
        opened_at=created_at,
        until=until,
        agent=agent.display_name(language),
        known=known,
    )
    replies = [(m.text, m.role, m.sent_at.replace(microsecond=0)) for m in talk.replies]
    if forwarding:
        replies.append((forward_note(rng, language, forwarded_to), Role.NOTE, updated_at))
    found: list[Interaction] = []
    previous = created_at.replace(microsecond=0)
    for text, role, moment in replies:
        if moment <= previous:
            continue
        previous = moment
        by_agent = role is not Role.CUSTOMER
        found.append(
            Interaction(
                id=ticket_id * 10 + len(found),
                description=text,
                agent_id=agent.id if by_agent else None,
                agent_username=agent.username if by_agent else None,
                created_at=moment,
                attachment=_attachment(rng, user.uname, "reply") if rng.random() < 0.1 else None,
                private=int(role is Role.NOTE),
                username=agent.username if by_agent else user.uname,
            )
        )
    return tuple(found), closed_without_reply(talk)


def _touched_after(rng: Random, moment: datetime, bound: datetime) -> datetime:
    """A later save of a row: up to 30 minutes after ``moment``, at most ``bound``."""
    room = int(min(timedelta(minutes=30), bound - moment).total_seconds())
    return moment + timedelta(seconds=rng.randrange(0, max(0, room) + 1))


def _close_reason(rng: Random, language: Language, quiet: bool) -> str | None:
    """``close_desc``: why the agent closed it, in the ticket's language (sometimes blank)."""
    if rng.random() < 0.15:
        return None
    return CLOSE_REASONS[language][1 if quiet else 0]


def _longest_gap(created_at: datetime, interactions: tuple[Interaction, ...]) -> int:
    """Seconds of the longest wait between two messages (0 with fewer than two replies)."""
    moments = [created_at, *(i.created_at for i in interactions)]
    gaps = [int((b - a).total_seconds()) for a, b in pairwise(moments)]
    return max(gaps) if len(gaps) > 1 else 0


def _attachment(rng: Random, uname: str, kind: str) -> str:
    name = f"{kind}-{rng.randrange(10**5, 10**6)}.{rng.choice(('zip', 'jpg', 'png'))}"
    return f"{ATTACHMENT_HOST}/{uname}/ticket/{name}"
