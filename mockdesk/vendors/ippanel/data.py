"""IPPanel reseller tickets: the model, the category tree, and a generator whose fields agree.

The nested ``user``, ``category``, ``sub_category``, ``state`` and ``forward`` objects of the list
item are denormalized here at generation time, so ids and names always agree with the flat
``*_id`` fields. The state decides the rest: a closed ticket may carry a ``close_desc`` and a
rating; a ticket waiting for support is usually unseen by the admins; a forwarded ticket's
``forward.to`` is another department; ``interaction_count`` is the number of replies the detail
endpoint lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from random import Random
from typing import Any

from faker import Faker

from mockdesk.core.conversations import Language, Role
from mockdesk.core.timeline import LAST_MOMENT, created_at_for, id_for
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
    def uname_key(self) -> str:
        """MySQL's default collation compares usernames without regard to case."""
        return self.user.uname.casefold()

    @property
    def state_name(self) -> str:
        return STATES[self.state_id]


def order_key(ticket: Ticket) -> tuple[float, int]:
    """Newest first, ties by id descending."""
    return (-ticket.created_at.timestamp(), -ticket.id)


def catalog(faker: Faker) -> Catalog:
    rng = faker["en_US"].random
    unames: dict[str, None] = {"sampleuser": None}
    while len(unames) < 40:
        unames[faker["en_US"].user_name()] = None
    users = tuple(
        User(200001 + n * 7 + rng.randrange(7), uname, rng.choice(RESELLERS))
        for n, uname in enumerate(unames)
    )
    agents = tuple(Agent(n + 1, *names) for n, names in enumerate(AGENTS))
    return Catalog({c.id: c for c in CATEGORIES}, {s.id: s for s in SUB_CATEGORIES}, users, agents)


def generate(
    faker: Faker, index: int, catalog: Catalog, row: Mapping[str, Any] | None = None
) -> Ticket:
    rng = faker["fa_IR"].random
    state_id = rng.choices(list(_STATE_WEIGHTS), weights=list(_STATE_WEIGHTS.values()))[0]
    sub_category = rng.choice(SUB_CATEGORIES)
    user = rng.choice(catalog.users)
    created_at = created_at_for(rng, index)
    ticket_id = id_for(rng, index, top=3_400_000, gap=3)
    language, subject, desc, known = _wording(faker, rng, sub_category.id)
    closed = state_id == 4
    forwarded_to = rng.choice(OTHER_DEPARTMENTS) if state_id == 5 else SUPPORT_DEPARTMENT
    interactions, quiet = _interactions(
        rng, ticket_id, state_id, sub_category.id, language, user, catalog, created_at, known,
        forwarded_to,
    )  # fmt: skip
    updated_at = interactions[-1].created_at if interactions else _touched_after(rng, created_at)
    rate = rng.randint(1, 5) if closed and rng.random() < 0.6 else 0
    forwarded_at = interactions[-1].created_at if state_id == 5 and interactions else created_at
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
            updated_at=forwarded_at if state_id == 5 else _touched_after(rng, created_at),
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
    known: dict[str, str],
    forwarded_to: int,
) -> tuple[tuple[Interaction, ...], bool]:
    """The replies after the description, and whether the agent closed for lack of a reply.

    Times are whole seconds (the detail shows ``Y-m-d H:i:s``) and strictly increasing; a
    reply that would share its second with the one before is left out (only possible for a
    ticket opened seconds before the data's "now")."""
    agent = rng.choice(catalog.agents)
    talk = exchange(
        rng,
        sub_category_id=sub_category_id,
        state_id=state_id,
        language=language,
        opened_at=created_at,
        agent=agent.display_name(language),
        known=known,
    )
    replies = [(m.text, m.role, m.sent_at.replace(microsecond=0)) for m in talk.replies]
    if state_id == 5:
        moment = (replies[-1][2] if replies else created_at) + timedelta(minutes=5)
        if moment < LAST_MOMENT:
            replies.append(
                (forward_note(rng, language, forwarded_to), Role.NOTE, _seconds(rng, moment))
            )
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


def _seconds(rng: Random, moment: datetime) -> datetime:
    """``moment`` plus up to an hour, whole seconds, before the data's "now"."""
    room = int(min(timedelta(hours=1), LAST_MOMENT - moment).total_seconds())
    return (moment + timedelta(seconds=rng.randrange(0, max(1, room)))).replace(microsecond=0)


def _touched_after(rng: Random, moment: datetime) -> datetime:
    """A later save of the row: up to 30 minutes on, never at or past the data's "now"."""
    room = int(min(timedelta(minutes=30), LAST_MOMENT - moment).total_seconds())
    return moment + timedelta(seconds=rng.randrange(0, max(1, room)))


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
