"""The vocabulary every vendor shares: topics, statuses, languages, roles and the message shapes.

Vendors speak different dialects (Sendcloud's 28 statuses, IPPanel's five states, Teamwork's
status ids); conversations only need to know who spoke last and whether the problem was fixed,
so each vendor maps its own labels onto these few neutral values (see ``status_from``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType


class Topic(StrEnum):
    """What the ticket is about: neutral categories that every vendor's own types map onto."""

    SHIPPING_DELAY = "shipping_delay"
    LOST_PARCEL = "lost_parcel"
    DELIVERED_NOT_RECEIVED = "delivered_not_received"
    DAMAGED_ITEM = "damaged_item"
    WRONG_ITEM = "wrong_item"
    ADDRESS_CHANGE = "address_change"
    RETURNED_TO_SENDER = "returned_to_sender"
    RETURN_EXCHANGE = "return_exchange"
    REFUND = "refund"
    PAYMENT_ISSUE = "payment_issue"
    INVOICE = "invoice"
    SUBSCRIPTION = "subscription"
    PRODUCT_QUESTION = "product_question"
    SALES_INQUIRY = "sales_inquiry"
    HOW_TO = "how_to"
    FEATURE_REQUEST = "feature_request"
    LOGIN_ACCESS = "login_access"
    ACCOUNT_CHANGE = "account_change"
    VERIFICATION = "verification"
    OUTAGE = "outage"
    BUG = "bug"
    API_INTEGRATION = "api_integration"
    DOMAIN_DNS = "domain_dns"
    EMAIL_DELIVERY = "email_delivery"
    BACKUP_RESTORE = "backup_restore"
    SMS_DELIVERY = "sms_delivery"
    SENDER_NUMBER = "sender_number"
    SMS_TEMPLATE = "sms_template"


class Status(StrEnum):
    """Where the conversation stands, which decides how it ends.

    ``PENDING`` means support (or a third party: a carrier, a registry, an operator) is working
    on it and the customer was told so. It is *not* Zendesk's "pending" (waiting on the
    requester): that one is ``WAITING_ON_CUSTOMER``.
    """

    NEW = "new"  # nobody from support has answered yet; the customer wrote last
    OPEN = "open"  # support answered at least once; the customer wrote last
    PENDING = "pending"  # support is on it; support wrote last and asked nothing
    WAITING_ON_CUSTOMER = "waiting_on_customer"  # support's last message asks a question
    SOLVED = "solved"  # support gave the resolution
    CLOSED = "closed"  # solved (or abandoned by the customer) and closed for good


class Language(StrEnum):
    """The language a conversation is written in (``topics_for`` says which topics each has)."""

    EN = "en"
    FA = "fa"
    SV = "sv"
    NL = "nl"
    DE = "de"
    FR = "fr"


class Role(StrEnum):
    """Who wrote a message. ``NOTE`` is an agent's internal note: never shown to the customer."""

    CUSTOMER = "customer"
    AGENT = "agent"
    NOTE = "note"
    SYSTEM = "system"


class Step(StrEnum):
    """What a message does in the exchange; vendors may use it (e.g. a close reason)."""

    OPENING = "opening"  # customer: the problem, with details (the ticket's description)
    ADDENDUM = "addendum"  # customer: one more detail before anyone answered
    ACKNOWLEDGE = "acknowledge"  # system: automatic receipt
    ASK = "ask"  # agent: asks for information (always a question)
    PROVIDE = "provide"  # customer: gives the information asked for
    NUDGE = "nudge"  # customer: asks for an update
    STILL = "still"  # customer: the fix did not work
    PROGRESS = "progress"  # agent: says what is being done; asks nothing
    WORK_NOTE = "work_note"  # note: internal working note
    RESOLVE = "resolve"  # agent: the resolution, or the steps that solve it
    THANKS = "thanks"  # customer: confirms and thanks
    REMINDER = "reminder"  # agent: repeats an unanswered question
    CLOSE_NO_REPLY = "close_no_reply"  # agent: closes because the customer went quiet
    CLOSING_NOTE = "closing_note"  # note: internal summary when the ticket is done
    SOLVED_NOTICE = "solved_notice"  # system: status changed to solved
    CLOSED_NOTICE = "closed_notice"  # system: the ticket was closed


ROLE_OF_STEP: Mapping[Step, Role] = MappingProxyType(
    {
        Step.OPENING: Role.CUSTOMER,
        Step.ADDENDUM: Role.CUSTOMER,
        Step.ACKNOWLEDGE: Role.SYSTEM,
        Step.ASK: Role.AGENT,
        Step.PROVIDE: Role.CUSTOMER,
        Step.NUDGE: Role.CUSTOMER,
        Step.STILL: Role.CUSTOMER,
        Step.PROGRESS: Role.AGENT,
        Step.WORK_NOTE: Role.NOTE,
        Step.RESOLVE: Role.AGENT,
        Step.THANKS: Role.CUSTOMER,
        Step.REMINDER: Role.AGENT,
        Step.CLOSE_NO_REPLY: Role.AGENT,
        Step.CLOSING_NOTE: Role.NOTE,
        Step.SOLVED_NOTICE: Role.SYSTEM,
        Step.CLOSED_NOTICE: Role.SYSTEM,
    }
)

# Labels whose meaning is the same in every helpdesk that uses them. Ambiguous ones ("pending"
# is "in progress" at Sendcloud and "waiting on the requester" in Zendesk-like desks such as
# 29next; "answered"; "replied") are deliberately absent: a vendor decides those itself.
COMMON_LABELS: Mapping[str, Status] = MappingProxyType(
    {
        "new": Status.NEW,
        "unassigned": Status.NEW,
        "waiting_support": Status.OPEN,
        "waiting_on_support": Status.OPEN,
        "customer_reply": Status.OPEN,
        "open": Status.OPEN,
        "reopened": Status.OPEN,
        "active": Status.OPEN,
        "in_progress": Status.PENDING,
        "processing": Status.PENDING,
        "on_hold": Status.PENDING,
        "on-hold": Status.PENDING,
        "hold": Status.PENDING,
        "escalated": Status.PENDING,
        "forwarded": Status.PENDING,
        "waiting_for_carrier": Status.PENDING,
        "waiting": Status.WAITING_ON_CUSTOMER,
        "waiting_on_customer": Status.WAITING_ON_CUSTOMER,
        "waiting_for_customer": Status.WAITING_ON_CUSTOMER,
        "waiting_response": Status.WAITING_ON_CUSTOMER,
        "action_required": Status.WAITING_ON_CUSTOMER,
        "solved": Status.SOLVED,
        "resolved": Status.SOLVED,
        "manually_solved": Status.SOLVED,
        "solved_by_automation": Status.SOLVED,
        "closed": Status.CLOSED,
    }
)


def status_from(label: str, overrides: Mapping[str, Status] | None = None) -> Status:
    """The neutral status of a vendor label: ``overrides`` first, then ``COMMON_LABELS``.

    Case and surrounding spaces are ignored. An unknown label raises ``KeyError`` rather than
    guessing, so a vendor adding a status has to decide what it means.
    """
    key = label.strip().lower()
    if overrides is not None and key in overrides:
        return overrides[key]
    return COMMON_LABELS[key]


@dataclass(frozen=True, slots=True)
class Facts:
    """The concrete details a conversation quotes, already written the way the language writes
    them (Persian digits in amounts and dates, Jalali month names, "49,95 €" in German...).

    Drawn from the ticket's random source unless the vendor passes its own (an order number or a
    tracking number it also serves as a field), so text and fields agree.
    """

    order: str
    tracking: str
    carrier: str
    product: str
    amount: str
    invoice: str
    date: str
    domain: str
    email: str
    address: str
    line: str
    phone: str
    code: str
    ip: str
    plan: str
    card: str
    days: str
    count: str
    http_status: str

    def slots(self) -> dict[str, str]:
        """Every fact by name, for filling template slots."""
        return {field.name: getattr(self, field.name) for field in fields(self)}


FACT_NAMES: tuple[str, ...] = tuple(field.name for field in fields(Facts))


@dataclass(frozen=True, slots=True)
class Message:
    """One message: plain text for JSON bodies, and the same text as safe HTML (``htmlBody``)."""

    role: Role
    step: Step
    author: str | None  # None: a customer whose name is unknown
    sent_at: datetime
    text: str
    html: str

    @property
    def public(self) -> bool:
        """Whether the customer sees it (internal notes are private)."""
        return self.role is not Role.NOTE


@dataclass(frozen=True, slots=True)
class Conversation:
    """A ticket's exchange. ``messages[0]`` is always the customer's opening at ``opened_at``.

    ``description`` is that opening as one paragraph (greeting and problem, no signature), for
    vendors whose ticket has a description field beside its replies.
    """

    topic: Topic
    status: Status
    language: Language
    subject: str
    description: str
    messages: tuple[Message, ...]
    facts: Facts

    @property
    def replies(self) -> tuple[Message, ...]:
        """Everything after the opening message."""
        return self.messages[1:]

    @property
    def last_at(self) -> datetime:
        return self.messages[-1].sent_at
