"""What a 29next ticket's comments say: a storefront support exchange in English, written by
the core's conversation generator for the ticket's type and status.

29next is a Zendesk-like desk: ``pending`` means waiting on the requester, so it ends with the
agent's question; ``new`` has only the customer's words; ``open`` ends with the customer after an
agent answered; ``solved`` ends with the resolution (or the customer's thanks after it) and
``closed`` may add an internal closing note (``is_public: false``). Internal notes are the
agent's comments that the customer never sees. There are no automatic messages: every comment
has a user as ``author`` (or the outside requester's ``from_email``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from random import Random
from types import MappingProxyType

from mockdesk.core.conversations import (
    Conversation,
    Language,
    Status,
    Topic,
    converse,
    draw_facts,
)

STATUS: Mapping[str, Status] = MappingProxyType(
    {
        "new": Status.NEW,
        "open": Status.OPEN,
        "pending": Status.WAITING_ON_CUSTOMER,
        "solved": Status.SOLVED,
        "closed": Status.CLOSED,
    }
)
# The store's ticket types (``TICKET_TYPES``) and what customers write about under each.
TOPICS: Mapping[int | None, tuple[Topic, ...]] = MappingProxyType(
    {
        1: (Topic.PRODUCT_QUESTION, Topic.HOW_TO, Topic.LOGIN_ACCESS, Topic.ACCOUNT_CHANGE),
        2: (Topic.DAMAGED_ITEM, Topic.WRONG_ITEM, Topic.PAYMENT_ISSUE),
        3: (Topic.RETURN_EXCHANGE, Topic.REFUND),
        4: (Topic.SHIPPING_DELAY, Topic.LOST_PARCEL, Topic.DELIVERED_NOT_RECEIVED,
            Topic.ADDRESS_CHANGE, Topic.RETURNED_TO_SENDER),
        5: (Topic.PAYMENT_ISSUE, Topic.REFUND, Topic.INVOICE),
        6: (Topic.SUBSCRIPTION,),
        None: (Topic.SHIPPING_DELAY, Topic.DAMAGED_ITEM, Topic.REFUND, Topic.PRODUCT_QUESTION,
               Topic.SUBSCRIPTION, Topic.RETURN_EXCHANGE),
    }
)  # fmt: skip


def conversation(
    rng: Random,
    *,
    ticket_type: int | None,
    status: str,
    opened_at: datetime,
    until: datetime,
    customer: str | None,
    agent: str,
    store: str,
    order: str,
    product: str,
) -> Conversation:
    """The ticket's exchange, quoting its own order number and product, between ``opened_at``
    and ``until`` (the ticket's ``updated_at``)."""
    topic = rng.choice(TOPICS[ticket_type])
    facts = draw_facts(rng, Language.EN, opened_at, order=f"#{order}", product=product)
    return converse(
        rng,
        topic,
        STATUS[status],
        Language.EN,
        customer=customer,
        agent=agent,
        opened_at=opened_at,
        until=until,
        facts=facts,
        desk=store,
        notes=True,
        automation=False,
    )
