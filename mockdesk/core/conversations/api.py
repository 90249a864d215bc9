"""The entry points vendors call: a subject line, and a whole conversation for a ticket."""

from __future__ import annotations

from datetime import datetime, timedelta
from random import Random

from mockdesk.core.conversations.bank import LanguageText, TopicText
from mockdesk.core.conversations.facts import draw_facts
from mockdesk.core.conversations.model import Conversation, Facts, Language, Status, Step, Topic
from mockdesk.core.conversations.render import Composer, People, fill
from mockdesk.core.conversations.shape import minimal, plan
from mockdesk.core.conversations.texts import TEXTS
from mockdesk.core.conversations.timeline import (
    DEFAULT_HOURS,
    PATIENT_STEPS,
    BusinessHours,
    fit,
    natural_gaps,
)


class UnsupportedTopic(ValueError):
    """The language has no sentences for this topic (see ``topics_for``)."""


def topics_for(language: Language) -> tuple[Topic, ...]:
    """The topics written in ``language``, in ``Topic`` order."""
    written = TEXTS[language].topics
    return tuple(topic for topic in Topic if topic in written)


def supported(topic: Topic, language: Language) -> bool:
    """Whether ``converse`` can write ``topic`` in ``language`` (else ``UnsupportedTopic``)."""
    return topic in TEXTS[language].topics


def _texts(topic: Topic, language: Language) -> tuple[LanguageText, TopicText]:
    texts = TEXTS[language]
    if topic not in texts.topics:
        raise UnsupportedTopic(f"no {language.value!r} sentences for topic {topic.value!r}")
    return texts, texts.topics[topic]


def subject_line(rng: Random, topic: Topic, language: Language, facts: Facts) -> str:
    """A ticket subject as a customer types it, quoting ``facts`` where the wording does."""
    _, topic_text = _texts(topic, language)
    scenario = rng.choice(topic_text.scenarios)
    return fill(rng.choice(scenario.subjects), facts.slots())


def converse(
    rng: Random,
    topic: Topic,
    status: Status,
    language: Language,
    *,
    customer: str | None,
    agent: str,
    opened_at: datetime,
    until: datetime,
    facts: Facts | None = None,
    desk: str | None = None,
    notes: bool = True,
    automation: bool = True,
    hours: BusinessHours | None = None,
) -> Conversation:
    """A ticket's conversation, from the customer's opening at ``opened_at`` to at most ``until``.

    ``rng`` is the ticket's own seeded source: the same state gives the same conversation, byte
    for byte, on every machine. ``facts`` (see ``draw_facts``) lets the text quote the vendor's
    own order or tracking number; drawn from ``rng`` when omitted. ``desk`` signs agents'
    messages and names the system; ``notes=False`` leaves out internal notes and
    ``automation=False`` automatic notices, for vendors that have neither. ``hours`` are the
    desk's office hours (by default the language's usual ones).

    Timestamps strictly increase. When the window is too short for the natural pace they are
    squeezed into it (long waits first, then everything, down to microseconds); a window of a
    few microseconds holds the shortest exchange the status allows, and a window of zero (a
    ticket opened "now") only the opening message.
    """
    if until < opened_at:
        raise ValueError("until is before opened_at")
    texts, topic_text = _texts(topic, language)
    facts = facts if facts is not None else draw_facts(rng, language, opened_at)
    scenario = topic_text.merged(rng.choice(topic_text.scenarios))
    subject = fill(rng.choice(scenario.subjects), facts.slots())
    room = until - opened_at
    steps = plan(rng, status, room, notes=notes, automation=automation)
    hours = hours or DEFAULT_HOURS[language]
    natural = natural_gaps(rng, steps, opened_at, hours)
    # A squeezed conversation stops short of "now" by a random margin, so that tickets opened
    # recently do not all share the bound as their last timestamp.
    squeezed_room = room * rng.uniform(0.75, 0.98) if sum(natural) > room.total_seconds() else room
    gaps = fit(natural, squeezed_room, [step in PATIENT_STEPS for step in steps[1:]])
    if gaps is None:  # microseconds of room: the shortest exchange that still ends right
        steps = minimal(status, automation=automation)
        gaps = fit(natural_gaps(rng, steps, opened_at, hours), room)
    if gaps is None:  # not even that (opened "now"): nobody had time to answer
        steps, gaps = [Step.OPENING], []
    composer = Composer(rng, texts.common, scenario, People(customer, agent, desk),
                        facts.slots())  # fmt: skip
    messages = []
    moment = opened_at
    for step, gap in zip(steps, [timedelta(0), *gaps], strict=True):
        moment += gap
        messages.append(composer.message(step, moment))
    return Conversation(
        topic=topic,
        status=status,
        language=language,
        subject=subject,
        description=composer.description,
        messages=tuple(messages),
        facts=facts,
    )
