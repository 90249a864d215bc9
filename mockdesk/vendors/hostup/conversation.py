"""What a HostUp ticket's messages say: a web host's support exchange, in Swedish for most
customers (hostup.se is a Swedish host) and English for the rest, one language per ticket,
written by the core's conversation generator for the ticket's department and status.

The status decides who wrote last, as HostUp's statuses mean it: ``open`` has only the
customer's messages (nobody answered yet, and no automatic receipt either), ``answered`` ends
with staff asking the customer something, ``customer_reply`` with the customer after a staff
answer, ``in_progress`` and ``on_hold`` with staff saying what is being done, ``closed`` with
the resolution or HostUp's automatic close notice. HostUp's API has no internal notes, so
none are written; automatic messages come from the ``automation`` sender, signed "HostUp".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from random import Random
from types import MappingProxyType

from mockdesk.core.conversations import (
    Conversation,
    Language,
    Role,
    Status,
    Topic,
    converse,
    draw_facts,
)
from mockdesk.core.timeline import LAST_MOMENT

SWEDISH_SHARE = 0.6
STATUSES: Mapping[str, tuple[Status, ...]] = MappingProxyType(
    {
        "open": (Status.NEW,),
        "answered": (Status.WAITING_ON_CUSTOMER,),
        "customer_reply": (Status.OPEN,),
        "in_progress": (Status.PENDING,),
        "on_hold": (Status.PENDING,),
        "closed": (Status.CLOSED,),
        "unknown": tuple(Status),
    }
)
# department slug -> what its tickets are about (topics written in both languages)
TOPICS: Mapping[str, tuple[Topic, ...]] = MappingProxyType(
    {
        "general-web-hosting": (Topic.OUTAGE, Topic.EMAIL_DELIVERY, Topic.LOGIN_ACCESS,
                                Topic.BACKUP_RESTORE, Topic.HOW_TO),
        "domain-names": (Topic.DOMAIN_DNS,),
        "vps": (Topic.OUTAGE, Topic.BACKUP_RESTORE, Topic.HOW_TO, Topic.ACCOUNT_CHANGE),
        "billing": (Topic.INVOICE, Topic.PAYMENT_ISSUE, Topic.REFUND, Topic.SUBSCRIPTION),
        "sales": (Topic.SALES_INQUIRY,),
    }
)  # fmt: skip
SENDER: Mapping[Role, str] = MappingProxyType(
    {Role.CUSTOMER: "customer", Role.AGENT: "staff", Role.SYSTEM: "automation"}
)


def language_for(rng: Random) -> Language:
    return Language.SV if rng.random() < SWEDISH_SHARE else Language.EN


def conversation(
    rng: Random,
    *,
    department: str,
    status: str,
    language: Language,
    opened_at: datetime,
    until: datetime = LAST_MOMENT,
    customer: str | None,
    agent: str,
    known: Mapping[str, str],
) -> Conversation:
    """The ticket's exchange, quoting its own linked service (domain, plan, address), inside
    [``opened_at``, ``until``] (``until``: the ticket's last change)."""
    facts = draw_facts(rng, language, opened_at, **known)
    return converse(
        rng,
        rng.choice(TOPICS[department]),
        rng.choice(STATUSES[status]),
        language,
        customer=customer,
        agent=agent,
        opened_at=opened_at,
        until=max(opened_at, until),
        facts=facts,
        desk="HostUp",
        notes=False,
        automation=status != "open",
    )
