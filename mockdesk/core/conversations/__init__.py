"""Support conversations that read like support: vendor-neutral, deterministic per seed.

A vendor maps its ticket type, status and locale onto a neutral ``Topic``, ``Status`` and
``Language`` and calls ``converse`` with the ticket's own ``Random``; it gets back the subject,
a one-paragraph description and the messages (plain text and HTML) with timestamps that
strictly increase between the ticket's opening and the data's "now".
"""

from mockdesk.core.conversations.api import (
    UnsupportedTopic,
    converse,
    subject_line,
    supported,
    topics_for,
)
from mockdesk.core.conversations.documents import (
    DOCUMENTS,
    Document,
    DocumentRequest,
    document_request,
)
from mockdesk.core.conversations.facts import draw_facts, format_date, gregorian_to_jalali
from mockdesk.core.conversations.model import (
    COMMON_LABELS,
    FACT_NAMES,
    Conversation,
    Facts,
    Language,
    Message,
    Role,
    Status,
    Step,
    Topic,
    status_from,
)
from mockdesk.core.conversations.render import to_html
from mockdesk.core.conversations.timeline import DEFAULT_HOURS, BusinessHours

__all__ = [
    "COMMON_LABELS",
    "DEFAULT_HOURS",
    "DOCUMENTS",
    "FACT_NAMES",
    "BusinessHours",
    "Conversation",
    "Document",
    "DocumentRequest",
    "Facts",
    "Language",
    "Message",
    "Role",
    "Status",
    "Step",
    "Topic",
    "UnsupportedTopic",
    "converse",
    "document_request",
    "draw_facts",
    "format_date",
    "gregorian_to_jalali",
    "status_from",
    "subject_line",
    "supported",
    "to_html",
    "topics_for",
]
