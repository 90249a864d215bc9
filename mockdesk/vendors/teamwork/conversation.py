"""A Teamwork ticket's thread: the core's conversation generator, in Teamwork's message shape.

The ticket's type (and, for questions, its inbox) picks a neutral topic; its status code maps
onto the neutral status through the core's common labels (``new`` → new, ``active`` → open,
``waiting`` → waiting on the customer, ``on-hold`` → pending, ``solved``, ``closed``), so the
last entry agrees with the status: a "Waiting on customer" ticket ends with an agent's question,
a solved one with the resolution (or the customer's thanks after it). The text is English;
``htmlBody`` is the generator's HTML variant of the same text.

Teamwork specifics (decisions, the vendor documents none of them):

- Customers' e-mails and agents' replies are ``threadType: "message"``; internal notes are
  ``"note"`` (mcp ``messages.go``: "'message' is a customer-facing reply; 'note' is an
  internal agent note"). Automatic notices are not thread entries (``automation=False``).
- Each entry's ``status`` is the status it left the ticket in (a question → waiting, the
  resolution → solved…); the last one carries the ticket's own status.
- ``viewedByCustomerAt`` on an agent's reply lies before the customer's next message; a reply
  the customer never answered was viewed or not (null).
- Agents answer in the office hours of the ticket's business-hours calendar (weekdays 9 to 6
  in its time zone).
- Timestamps are the generator's, cut to milliseconds (Teamwork writes ``.594Z``) and kept
  strictly increasing; all lie strictly before the data epoch. ``responseTimeMins`` and
  ``resolutionTimeMins`` are measured on the thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from random import Random
from typing import TYPE_CHECKING

from mockdesk.core.conversations import (
    BusinessHours,
    Language,
    Role,
    Status,
    Step,
    Topic,
    converse,
    draw_facts,
    status_from,
)
from mockdesk.core.timeline import LAST_MOMENT

if TYPE_CHECKING:
    from mockdesk.vendors.teamwork.data import BusinessHour, Catalog, Customer, Inbox

MILLISECOND = timedelta(milliseconds=1)
DESK_DOMAIN = "example-desk.com"  # the help desk's own mail domain (agents, inboxes)
# Agents answer in the ticket's business hours: weekdays 9 to 6 in the calendar's time zone
# (fixed offsets, as the generator keeps them: no tzdata, no daylight saving).
_WEEKDAYS = ((9, 18),) * 5 + (None, None)
OFFICE_HOURS: Mapping[str, BusinessHours] = {
    "Europe/Dublin": BusinessHours(timedelta(0), _WEEKDAYS),
    "America/New_York": BusinessHours(timedelta(hours=-5), _WEEKDAYS),
}
# What a ticket of each type is about; ``None`` is a ticket nobody typed.
TOPICS: Mapping[int | None, tuple[Topic, ...]] = {
    None: (Topic.HOW_TO, Topic.PRODUCT_QUESTION, Topic.INVOICE, Topic.REFUND,
           Topic.LOGIN_ACCESS, Topic.BUG, Topic.ACCOUNT_CHANGE, Topic.SUBSCRIPTION),
    1: (Topic.HOW_TO, Topic.PRODUCT_QUESTION, Topic.ACCOUNT_CHANGE, Topic.INVOICE,
        Topic.SUBSCRIPTION, Topic.SALES_INQUIRY),
    2: (Topic.BUG, Topic.LOGIN_ACCESS, Topic.PAYMENT_ISSUE, Topic.REFUND, Topic.EMAIL_DELIVERY,
        Topic.API_INTEGRATION),
    3: (Topic.FEATURE_REQUEST,),
    4: (Topic.OUTAGE, Topic.API_INTEGRATION, Topic.BUG, Topic.EMAIL_DELIVERY),
}  # fmt: skip
# Questions sent to these inboxes are about what the inbox is for.
INBOX_TOPICS: Mapping[str, tuple[Topic, ...]] = {
    "Billing": (Topic.INVOICE, Topic.PAYMENT_ISSUE, Topic.REFUND, Topic.SUBSCRIPTION),
    "Sales": (Topic.SALES_INQUIRY, Topic.PRODUCT_QUESTION, Topic.SUBSCRIPTION),
}
# The status an agent's message leaves the ticket in (notes leave it as it was).
_AGENT_STATUS: Mapping[Step, int] = {
    Step.ASK: 3,
    Step.REMINDER: 3,
    Step.PROGRESS: 2,
    Step.RESOLVE: 5,
    Step.CLOSE_NO_REPLY: 6,
}
_RESOLVING = (Step.RESOLVE, Step.CLOSE_NO_REPLY)


@dataclass(frozen=True, slots=True)
class Message:
    """One thread entry. ``thread_type`` is ``message`` (the customer's e-mail or an agent's
    reply: ``customer_id`` or ``user_id`` says which) or ``note`` (internal, by an agent)."""

    id: int
    ticket_id: int
    email_message_id: str  # the e-mail Message-ID header; "" for notes, which are not mailed
    thread_type: str
    customer_id: int | None
    contact_id: int | None
    user_id: int | None
    status_id: int  # the status the message left the ticket in
    created_at: datetime
    viewed_by_customer_at: datetime | None
    cc: tuple[str, ...]
    text: str
    html: str
    is_pinned: bool


@dataclass(frozen=True, slots=True)
class Thread:
    subject: str
    messages: tuple[Message, ...]
    response_mins: int  # until the first agent reply; 0 when nobody replied
    resolution_mins: int  # until the resolution; 0 when not resolved
    resolved_at: datetime | None


def between(rng: Random, start: datetime, end: datetime) -> datetime:
    """A moment in ``[start, end)`` to the millisecond (``start`` when there is no room)."""
    room = (end - start) // MILLISECOND
    return start + MILLISECOND * rng.randrange(room) if room > 0 else start


def _topic(rng: Random, type_id: int | None, inbox: Inbox) -> Topic:
    if type_id in (None, 1) and inbox.name in INBOX_TOPICS:
        return rng.choice(INBOX_TOPICS[inbox.name])
    return rng.choice(TOPICS[type_id])


def _millis(moments: list[datetime]) -> list[datetime]:
    """Cut to milliseconds, each at least a millisecond after the one before."""
    kept: list[datetime] = []
    for moment in moments:
        cut = moment - timedelta(microseconds=moment.microsecond % 1000)
        kept.append(max(cut, kept[-1] + MILLISECOND) if kept else cut)
    return kept


def _minutes(start: datetime, end: datetime | None) -> int:
    return 0 if end is None else int((end - start).total_seconds() // 60)


def write_thread(
    rng: Random,
    ticket_id: int,
    catalog: Catalog,
    customer: Customer,
    inbox: Inbox,
    agent: int | None,
    status_id: int,
    type_id: int | None,
    opened_at: datetime,
    cc: tuple[str, ...],
    hours: BusinessHour,
    until: datetime = LAST_MOMENT,
) -> Thread:
    """The ticket's thread, opened by ``customer`` at ``opened_at`` and worked by ``agent`` in
    the office hours of ``hours``; every moment in it (views included) is at most ``until``
    (the ticket's ``updatedAt``, or its survey's time)."""
    status: Status = status_from(dict(catalog.statuses[status_id].attributes)["code"])
    writer = catalog.users[agent if agent is not None else inbox.user_ids[0]]
    company = catalog.companies.get(customer.company_id or 0)
    facts = draw_facts(rng, Language.EN, opened_at)
    domain = catalog.domains[company.domain_ids[0]].name if company else facts.domain
    conversation = converse(
        rng,
        _topic(rng, type_id, inbox),
        status,
        Language.EN,
        customer=customer.name,
        agent=writer.name,
        opened_at=opened_at,
        until=max(opened_at, min(until, LAST_MOMENT)),
        facts=replace(facts, email=customer.email, domain=domain),
        desk=f"Example Desk {inbox.name}",
        notes=True,
        automation=False,
        hours=OFFICE_HOURS[hours.timezone_name],
    )
    times = _millis([m.sent_at for m in conversation.messages])
    bound = min(until, LAST_MOMENT)
    customer_domain = customer.email.rsplit("@", 1)[-1]

    def mail_id(host: str) -> str:
        return f"<{rng.getrandbits(96):024x}@{host}>"

    current, messages = 1, []
    for n, (said, moment) in enumerate(zip(conversation.messages, times, strict=True)):
        by_customer = said.role is Role.CUSTOMER
        if by_customer:
            current = 1 if current == 1 else 2
        elif said.role is Role.AGENT:
            current = _AGENT_STATUS.get(said.step, current)
        last = n == len(times) - 1
        later_customer = next(
            (t for m, t in zip(conversation.messages[n + 1 :], times[n + 1 :], strict=True)
             if m.role is Role.CUSTOMER), None,
        )  # fmt: skip
        viewed = None
        if said.role is Role.AGENT:
            if later_customer is not None:
                viewed = between(rng, moment + MILLISECOND, later_customer)
            elif rng.random() < 0.75 and moment < bound:
                viewed = between(rng, moment + MILLISECOND, bound + MILLISECOND)
        note = said.role in (Role.NOTE, Role.SYSTEM)
        messages.append(
            Message(
                id=ticket_id * 100 + n,
                ticket_id=ticket_id,
                email_message_id=""
                if note
                else mail_id(customer_domain if by_customer else DESK_DOMAIN),
                thread_type="note" if note else "message",
                customer_id=customer.id if by_customer else None,
                contact_id=customer.contact_id if by_customer else None,
                user_id=None if by_customer else writer.id,
                status_id=status_id if last else current,
                created_at=moment,
                viewed_by_customer_at=viewed,
                cc=cc if n == 0 else (),
                text=said.text,
                html=said.html,
                is_pinned=note and rng.random() < 0.15,
            )
        )
    first_reply = next((t for m, t in zip(conversation.messages, times, strict=True)
                        if m.role is Role.AGENT), None)  # fmt: skip
    resolved_at = None
    if status_id in (5, 6):
        resolved_at = next(
            (t for m, t in reversed(list(zip(conversation.messages, times, strict=True)))
             if m.step in _RESOLVING), times[-1],
        )  # fmt: skip
    return Thread(
        subject=conversation.subject,
        messages=tuple(messages),
        response_mins=_minutes(opened_at, first_reply),
        resolution_mins=_minutes(opened_at, resolved_at),
        resolved_at=resolved_at,
    )
