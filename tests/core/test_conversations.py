"""Support conversations: deterministic per seed, well-formed for every topic, language and
status, timed plausibly, and safe as HTML."""

from __future__ import annotations

import hashlib
import html
import re
import string
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise
from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockdesk.core.conversations import (
    COMMON_LABELS,
    DEFAULT_HOURS,
    DOCUMENTS,
    FACT_NAMES,
    Conversation,
    Language,
    Role,
    Status,
    Step,
    Topic,
    UnsupportedTopic,
    converse,
    document_request,
    draw_facts,
    format_date,
    gregorian_to_jalali,
    status_from,
    subject_line,
    supported,
    to_html,
    topics_for,
)
from mockdesk.core.conversations.bank import CONTEXT_SLOTS
from mockdesk.core.conversations.texts import TEXTS
from mockdesk.core.conversations.timeline import BusinessHours, fit

EPOCH = datetime(2026, 11, 1, 9, 0, 0, tzinfo=UTC)
PAIRS = [(topic, language) for language in Language for topic in topics_for(language)]
QUESTION_MARKS = ("?", "؟")
NAMES = {Language.FA: ("مریم احمدی", "علی رضایی"), Language.SV: ("Erik Lindqvist", "Sara K.")}


def _conversation(
    seed: int,
    topic: Topic = Topic.LOST_PARCEL,
    status: Status = Status.SOLVED,
    language: Language = Language.EN,
    *,
    age: timedelta = timedelta(days=9),
    customer: str | None = "Jane Doe",
) -> Conversation:
    return converse(
        Random(seed), topic, status, language, customer=customer, agent="Sam Carter",
        opened_at=EPOCH - age, until=EPOCH, desk="Acme Support",
    )  # fmt: skip


def _canonical(conversation: Conversation) -> bytes:
    """Every byte a vendor could serve, in a fixed order."""
    parts = [conversation.subject, conversation.description]
    for m in conversation.messages:
        parts += [m.role, m.step, m.author or "", m.sent_at.isoformat(), m.text, m.html]
    return "\x1f".join(parts).encode()


# -- determinism ---------------------------------------------------------------------------


def test_the_same_seed_gives_the_same_bytes() -> None:
    for seed in range(30):
        topic, language = PAIRS[seed % len(PAIRS)]
        status = list(Status)[seed % len(Status)]
        first = _conversation(seed, topic, status, language)
        again = _conversation(seed, topic, status, language)
        assert first == again
        assert _canonical(first) == _canonical(again)


def test_different_seeds_give_different_conversations() -> None:
    bodies = {_canonical(_conversation(seed)) for seed in range(40)}
    assert len(bodies) == 40


def test_output_is_the_same_on_every_machine() -> None:
    """A digest of fixed conversations: only ``random.Random`` and plain tuples decide them, so
    it holds on any machine and Python. Changing a sentence bank changes it on purpose; then
    update the digest in the same commit."""
    digest = hashlib.sha256()
    for seed, (topic, language) in enumerate(PAIRS):
        digest.update(_canonical(_conversation(seed, topic, list(Status)[seed % 6], language)))
    assert digest.hexdigest() == GOLDEN_DIGEST


GOLDEN_DIGEST = "2219609f647a4fa671c07ff0852778a1ad5331e524ce7b2b4528c2923bd80c4c"


def test_facts_passed_in_are_quoted_and_do_not_shift_the_others() -> None:
    drawn = draw_facts(Random(5), Language.EN, EPOCH)
    pinned = draw_facts(Random(5), Language.EN, EPOCH, order="#104233", carrier="PostNL")
    assert pinned.order == "#104233" and pinned.carrier == "PostNL"
    assert re.fullmatch(r"3S[A-Z]{4}\d{7}", pinned.tracking)  # PostNL's own format
    unchanged = set(FACT_NAMES) - {"order", "carrier", "tracking"}
    assert all(getattr(pinned, name) == getattr(drawn, name) for name in unchanged)
    with pytest.raises(TypeError):
        draw_facts(Random(5), Language.EN, EPOCH, colour="red")


def test_a_conversation_quotes_the_facts_it_is_given() -> None:
    facts = draw_facts(Random(1), Language.EN, EPOCH, order="#777001", tracking="3SABCD1234567")
    quoted = [
        converse(Random(seed), Topic.SHIPPING_DELAY, Status.OPEN, Language.EN, customer="Jo",
                 agent="Sam", opened_at=EPOCH - timedelta(days=5), until=EPOCH, facts=facts)
        for seed in range(20)
    ]  # fmt: skip
    assert all(c.facts == facts for c in quoted)
    everything = " ".join(m.text for c in quoted for m in c.messages)
    assert "#777001" in everything and "3SABCD1234567" in everything


# -- every combination renders -------------------------------------------------------------


@settings(max_examples=1000, deadline=None)
@given(
    pair=st.sampled_from(PAIRS),
    status=st.sampled_from(Status),
    seed=st.integers(0, 2**64 - 1),
    age=st.one_of(
        st.sampled_from([timedelta(0), timedelta(microseconds=1), timedelta(microseconds=2)]),
        st.timedeltas(timedelta(microseconds=1), timedelta(seconds=30)),
        st.timedeltas(timedelta(seconds=30), timedelta(days=90)),
    ),
    named=st.booleans(),
    notes=st.booleans(),
    automation=st.booleans(),
)
def test_every_topic_language_and_status_renders(
    pair: tuple[Topic, Language],
    status: Status,
    seed: int,
    age: timedelta,
    named: bool,
    notes: bool,
    automation: bool,
) -> None:
    topic, language = pair
    customer, agent = NAMES.get(language, ("Jane Doe", "Sam Carter"))
    opened_at = EPOCH - age
    conversation = converse(
        Random(seed), topic, status, language, customer=customer if named else None,
        agent=agent, opened_at=opened_at, until=EPOCH, notes=notes, automation=automation,
    )  # fmt: skip
    _assert_well_formed(conversation, opened_at, notes=notes, automation=automation)


def test_every_combination_renders_exhaustively() -> None:
    """The same checks, over every (topic, language, status) with a few seeds and windows, so
    no combination depends on what the property test happened to sample."""
    for topic, language in PAIRS:
        for status in Status:
            for seed, age in enumerate(
                (timedelta(minutes=3), timedelta(days=2), timedelta(days=40))
            ):
                conversation = _conversation(seed, topic, status, language, age=age)
                _assert_well_formed(conversation, EPOCH - age, notes=True, automation=True)


def _assert_well_formed(
    conversation: Conversation, opened_at: datetime, *, notes: bool, automation: bool
) -> None:
    language = conversation.language
    messages = conversation.messages
    texts = [conversation.subject, conversation.description, *(m.text for m in messages)]
    assert all(text.strip() and "{" not in text and "}" not in text for text in texts)
    # timestamps: the opening at opened_at, then strictly increasing, never past the bound
    assert messages[0].sent_at == opened_at and messages[0].step is Step.OPENING
    assert all(a.sent_at < b.sent_at for a, b in pairwise(messages))
    assert messages[-1].sent_at <= EPOCH
    assert all(m.html == to_html(m.text, rtl=language is Language.FA) for m in messages)
    questions = [m.text for m in messages if m.step is Step.ASK]
    assert len(set(questions)) == len(questions)  # never the same question twice
    assert notes or all(m.role is not Role.NOTE for m in messages)
    assert automation or all(m.role is not Role.SYSTEM for m in messages)
    squeezed_out = EPOCH - opened_at < timedelta(microseconds=2) and len(messages) == 1
    if opened_at == EPOCH:
        assert len(messages) == 1  # opened "now": nobody had time to answer
    elif not (squeezed_out and conversation.status in (Status.OPEN, Status.CLOSED)):
        _assert_ending(conversation)  # (those two need three messages: not in 1 µs)


def _assert_ending(conversation: Conversation) -> None:
    """Who speaks last, and how, is what the status means."""
    status, messages = conversation.status, conversation.messages
    roles = [m.role for m in messages]
    steps = [m.step for m in messages]
    last = messages[-1]
    if status is Status.NEW:
        assert Role.AGENT not in roles and Role.NOTE not in roles
        assert last.role is Role.CUSTOMER
    elif status is Status.OPEN:
        assert Role.AGENT in roles and last.role is Role.CUSTOMER
    elif status is Status.PENDING:
        assert last.role in (Role.AGENT, Role.NOTE) and Step.RESOLVE not in steps
        assert [m for m in messages if m.role is Role.AGENT][-1].step is Step.PROGRESS
    elif status is Status.WAITING_ON_CUSTOMER:
        assert last.role is Role.AGENT and last.step in (Step.ASK, Step.REMINDER)
        assert any(mark in last.text for mark in QUESTION_MARKS)
        assert Step.RESOLVE not in steps
    elif status is Status.SOLVED:
        assert Step.RESOLVE in steps
        after = steps[steps.index(Step.RESOLVE) + 1 :]
        assert set(after) <= {Step.THANKS, Step.CLOSING_NOTE, Step.SOLVED_NOTICE}
    else:
        assert Step.RESOLVE in steps or Step.CLOSE_NO_REPLY in steps
        assert last.role is not Role.CUSTOMER


def test_sentence_banks_are_complete_and_use_only_known_slots() -> None:
    """What the hypothesis test samples, checked exhaustively: every scenario of every topic
    has enough sentences that one conversation never repeats a question or an update."""
    allowed = set(FACT_NAMES)
    for language, text in TEXTS.items():
        for topic, topic_text in text.topics.items():
            for scenario in map(topic_text.merged, topic_text.scenarios):
                where = f"{language}/{topic}"
                assert scenario.subjects and scenario.problems and scenario.resolutions, where
                assert len(scenario.details) >= 2, where  # the opening's, and an addendum's
                assert len(scenario.asks) >= 2 and len(scenario.progress) >= 2, where
                sentences = [*scenario.subjects, *scenario.problems, *scenario.details,
                             *scenario.progress, *scenario.resolutions]  # fmt: skip
                for question, answers in scenario.asks:
                    assert any(mark in question for mark in QUESTION_MARKS), question
                    assert answers, question
                    sentences += [question, *answers]
                for sentence in sentences:
                    assert _slots(sentence) <= allowed, sentence
        common = text.common
        for field in common.__dataclass_fields__:
            value = getattr(common, field)
            if isinstance(value, tuple):
                assert value, f"{language}: {field} is empty"
                assert all(_slots(t) <= allowed | set(CONTEXT_SLOTS) for t in value), field
        assert all(any(m in r for m in QUESTION_MARKS) for r in common.reminders), language


def _slots(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_which_topics_each_language_covers() -> None:
    assert set(topics_for(Language.EN)) == set(Topic)
    parcel = {Topic.SHIPPING_DELAY, Topic.LOST_PARCEL, Topic.DELIVERED_NOT_RECEIVED,
              Topic.DAMAGED_ITEM, Topic.ADDRESS_CHANGE, Topic.RETURNED_TO_SENDER}  # fmt: skip
    for language in (Language.NL, Language.DE, Language.FR):
        assert parcel <= set(topics_for(language))
    assert {Topic.SMS_DELIVERY, Topic.SENDER_NUMBER, Topic.SMS_TEMPLATE} <= set(
        topics_for(Language.FA)
    )
    assert {Topic.DOMAIN_DNS, Topic.EMAIL_DELIVERY, Topic.BACKUP_RESTORE} <= set(
        topics_for(Language.SV)
    )
    assert not supported(Topic.BACKUP_RESTORE, Language.NL)
    with pytest.raises(UnsupportedTopic):
        _conversation(1, Topic.BACKUP_RESTORE, Status.NEW, Language.NL)
    with pytest.raises(UnsupportedTopic):
        subject_line(
            Random(1), Topic.SMS_TEMPLATE, Language.DE, draw_facts(Random(1), Language.DE, EPOCH)
        )


def test_until_before_opening_is_refused() -> None:
    with pytest.raises(ValueError, match="before"):
        converse(Random(1), Topic.REFUND, Status.NEW, Language.EN, customer=None, agent="A",
                 opened_at=EPOCH, until=EPOCH - timedelta(seconds=1))  # fmt: skip


# -- timing ----------------------------------------------------------------------------------


def test_agents_answer_mostly_in_office_hours() -> None:
    """With room to breathe, most agent replies fall in the desk's hours (the rest are replies
    started late in the day); in Tehran, the desk's week starts on Saturday."""
    for language in (Language.EN, Language.FA, Language.SV):
        hours = DEFAULT_HOURS[language]
        sent = [
            m.sent_at
            for seed in range(200)
            for m in _conversation(
                seed,
                topics_for(language)[seed % 5],
                Status.SOLVED,
                language,
                age=timedelta(days=60),
            ).messages
            if m.role is Role.AGENT
        ]
        assert sum(map(hours.is_open, sent)) / len(sent) > 0.75, language
    tehran = DEFAULT_HOURS[Language.FA]
    friday_noon = datetime(2026, 10, 30, 8, 30, tzinfo=UTC)  # 12:00 in Tehran
    assert not tehran.is_open(friday_noon)
    assert tehran.next_open(friday_noon) == datetime(2026, 10, 31, 4, 30, tzinfo=UTC)  # Sat 8:00
    assert tehran.is_open(datetime(2026, 10, 31, 6, 0, tzinfo=UTC))


def test_recent_tickets_are_squeezed_not_truncated() -> None:
    """A ticket opened an hour before "now" still has its whole exchange, in that hour."""
    for seed in range(50):
        conversation = _conversation(seed, status=Status.CLOSED, age=timedelta(hours=1))
        assert conversation.messages[-1].sent_at <= EPOCH
        assert len(conversation.messages) >= 3


def test_fit_keeps_natural_gaps_and_squeezes_long_waits_first() -> None:
    assert fit([60, 120], timedelta(hours=1)) == [timedelta(seconds=60), timedelta(seconds=120)]
    day = 86400
    squeezed = fit([1800, 5 * day, 1800], timedelta(days=2), [False, True, False])
    assert squeezed is not None
    assert squeezed[0] == squeezed[2] == timedelta(seconds=1800)  # office replies kept
    assert sum(squeezed, timedelta(0)) <= timedelta(days=2)
    tiny = fit([600, 600, 600], timedelta(microseconds=10))
    assert tiny is not None and all(gap > timedelta(0) for gap in tiny)
    assert sum(tiny, timedelta(0)) <= timedelta(microseconds=10)
    assert fit([600, 600], timedelta(microseconds=1)) is None


def test_business_hours_next_open() -> None:
    weekdays = BusinessHours(timedelta(0), ((9, 17),) * 5 + (None, None))
    saturday = datetime(2026, 10, 31, 12, 0, tzinfo=UTC)
    assert weekdays.next_open(saturday) == datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
    inside = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    assert weekdays.next_open(inside) == inside


# -- HTML ------------------------------------------------------------------------------------


def test_html_escapes_what_people_typed() -> None:
    hostile = '<script>alert("x")</script> & Sons'
    conversation = converse(
        Random(3), Topic.REFUND, Status.SOLVED, Language.EN, customer=hostile,
        agent="<b>Sam</b>", opened_at=EPOCH - timedelta(days=4), until=EPOCH,
        facts=draw_facts(Random(3), Language.EN, EPOCH, order="<img src=x onerror=alert(1)>"),
    )  # fmt: skip
    for message in conversation.messages:
        assert "<script" not in message.html and "<img" not in message.html
        assert "<b>" not in message.html
        assert html.unescape(re.sub(r"<[^>]+>", "\n", message.html)).split() == (
            message.text.split()
        )
    assert any(hostile in m.text for m in conversation.messages)
    assert any(html.escape(hostile) in m.html for m in conversation.messages)


def test_html_layout() -> None:
    text = "Hi Jo,\n\nHere's how:\n1. Open Settings.\n2. Click <Export> & save.\n\nBest,\nSam"
    assert to_html(text) == (
        "<p>Hi Jo,</p><p>Here&#x27;s how:</p><ol><li>Open Settings.</li>"
        "<li>Click &lt;Export&gt; &amp; save.</li></ol><p>Best,<br>Sam</p>"
    )
    assert to_html("سلام") == "<p>سلام</p>"
    assert to_html("سلام", rtl=True) == '<div dir="rtl"><p>سلام</p></div>'
    persian = _conversation(2, Topic.HOW_TO, Status.SOLVED, Language.FA)
    assert all(m.html.startswith('<div dir="rtl">') for m in persian.messages)


# -- Persian, dates, statuses, documents -----------------------------------------------------


def test_persian_is_written_in_persian() -> None:
    for seed in range(20):
        conversation = _conversation(seed, Topic.SMS_DELIVERY, Status.CLOSED, Language.FA,
                                     customer="مریم احمدی")  # fmt: skip
        for message in conversation.messages:
            words = re.findall(r"[A-Za-z]{4,}", message.text)
            persian = re.findall(r"[\u0600-\u06FF]+", message.text)
            assert len(persian) > 3 * len(words), message.text  # identifiers only, no prose
        assert "\u200c" in "".join(m.text for m in conversation.messages)  # half-spaces


def test_dates_are_written_the_local_way() -> None:
    assert gregorian_to_jalali(date(2024, 3, 20)) == (1403, 1, 1)  # Nowruz
    assert gregorian_to_jalali(date(2000, 1, 1)) == (1378, 10, 11)
    assert gregorian_to_jalali(date(2026, 11, 1)) == (1405, 8, 10)
    day = date(2026, 10, 12)
    assert format_date(day, Language.FA) == "۲۰ مهر"
    assert format_date(day, Language.DE) == "12. Oktober"
    assert format_date(date(2026, 10, 1), Language.FR) == "1er octobre"
    assert format_date(day, Language.EN) == "12 October"


def test_status_labels() -> None:
    assert status_from("waiting_for_customer") is Status.WAITING_ON_CUSTOMER
    assert status_from(" Closed ") is Status.CLOSED
    assert "pending" not in COMMON_LABELS  # Sendcloud's "in progress", Zendesk's "awaiting you"
    assert status_from("pending", {"pending": Status.PENDING}) is Status.PENDING
    with pytest.raises(KeyError):
        status_from("pending")


def test_document_requests() -> None:
    facts = draw_facts(Random(9), Language.EN, EPOCH, order="ORDER-25763", carrier="DPD")
    for seed, name in enumerate(DOCUMENTS):
        request = document_request(Random(seed), name, facts)
        assert request.title.endswith("needed")
        assert "{" not in request.description and request.description[0].isupper()
        assert request == document_request(Random(seed), name, facts)
    assert document_request(Random(1), "sales_invoice", facts).title == "Sales invoice is needed"
    with pytest.raises(KeyError):
        document_request(Random(1), "sales_invoice,", facts)  # the vendor document's typo
