"""What follows an IPPanel ticket's description: the replies (``interactions``), in the ticket's
own language, written by the core's conversation generator for its sub-category and state.

The ticket's ``desc`` is the customer's opening message (``texts.TEXTS``); the interactions are
the rest of the exchange, quoting the same line number, phone, code and amount. The state fixes
the ending: 1 ``waiting_response`` ends with an agent's question, 2 ``waiting_support`` with
the customer (or has no reply yet), 3 ``replied`` with the agent's answer, 4 ``closed`` with
the resolution or a close for lack of reply (``close_desc`` says which), 5 ``forwarded`` with
the agent's private note that the ticket went to another department. Internal notes are
``private: 1``. IPPanel sends no automatic replies.
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
    Step,
    Topic,
    converse,
    draw_facts,
)

# sub_category_id -> what its tickets are about
TOPICS: Mapping[int, tuple[Topic, ...]] = MappingProxyType(
    {
        20: (Topic.BUG, Topic.OUTAGE), 21: (Topic.HOW_TO,), 22: (Topic.API_INTEGRATION,),
        23: (Topic.API_INTEGRATION, Topic.BUG), 24: (Topic.DOMAIN_DNS,), 25: (Topic.HOW_TO,),
        26: (Topic.ACCOUNT_CHANGE, Topic.LOGIN_ACCESS), 27: (Topic.INVOICE,),
        28: (Topic.PAYMENT_ISSUE, Topic.SALES_INQUIRY), 29: (Topic.REFUND,),
        30: (Topic.SMS_DELIVERY,), 31: (Topic.SMS_TEMPLATE,), 32: (Topic.SENDER_NUMBER,),
        33: (Topic.SMS_DELIVERY,), 34: (Topic.VERIFICATION,),
        35: (Topic.ACCOUNT_CHANGE, Topic.SALES_INQUIRY),
    }
)  # fmt: skip
# state_id -> how the exchange stands (2 is the customer's turn: nobody answered yet, or the
# customer wrote after an answer)
STATUSES: Mapping[int, tuple[Status, ...]] = MappingProxyType(
    {
        1: (Status.WAITING_ON_CUSTOMER,),
        2: (Status.NEW, Status.OPEN),
        3: (Status.PENDING,),
        4: (Status.CLOSED,),
        5: (Status.PENDING,),
    }
)
DEPARTMENTS: Mapping[int, tuple[str, str]] = MappingProxyType(
    {2: ("واحد فنی", "the technical team"), 3: ("واحد مالی", "the finance team"),
     4: ("واحد فروش", "the sales team")}
)  # fmt: skip
_FORWARD_NOTES = {
    Language.FA: (
        "تیکت جهت بررسی بیشتر به {department} ارجاع داده شد.",
        "ارجاع به {department}؛ لطفا پیگیری شود.",
    ),
    Language.EN: (
        "Forwarded to {department} for a closer look.",
        "Passed on to {department}; please follow up with the customer.",
    ),
}


def exchange(
    rng: Random,
    *,
    sub_category_id: int,
    state_id: int,
    language: Language,
    opened_at: datetime,
    until: datetime,
    agent: str,
    known: Mapping[str, str],
) -> Conversation:
    """The whole exchange, inside [``opened_at``, ``until``]; ``messages[0]`` stands for the
    ticket's own description."""
    facts = draw_facts(rng, language, opened_at, **known)
    return converse(
        rng,
        rng.choice(TOPICS[sub_category_id]),
        rng.choice(STATUSES[state_id]),
        language,
        customer=None,  # the panel knows a username, not how the customer signs
        agent=agent,
        opened_at=opened_at,
        until=max(opened_at, until),
        facts=facts,
        desk="ایپنل" if language is Language.FA else "IPPanel",
        notes=True,
        automation=False,
    )


def forward_note(rng: Random, language: Language, department: int) -> str:
    """The agent's private note on a forwarded ticket (state 5)."""
    name = DEPARTMENTS[department][0 if language is Language.FA else 1]
    return rng.choice(_FORWARD_NOTES[language]).format(department=name)


def closed_without_reply(talk: Conversation) -> bool:
    """Whether the agent closed the ticket because the customer went quiet."""
    return any(message.step is Step.CLOSE_NO_REPLY for message in talk.messages)
