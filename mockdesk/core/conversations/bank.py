"""The shape of a language's sentence banks, so every language module fills the same slots.

A message is assembled from several banks (greeting, problem, detail, plea, signature...), each
chosen independently, so a few sentences per bank give many distinct messages. Slots are
``str.format`` fields naming a ``Facts`` attribute or one of ``CONTEXT_SLOTS``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from mockdesk.core.conversations.model import Topic

# Filled from the people in the conversation rather than from Facts.
CONTEXT_SLOTS = ("customer", "first", "agent", "agent_first")


# An agent's question and the customer's possible answers to it: kept together so the answer
# always answers the question that was asked.
Ask = tuple[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Scenario:
    """One situation within a topic ("cancel" or "upgrade" within subscriptions), so that the
    subject, the problem, the agent's questions and the resolution are about the same thing.

    ``asks`` are questions (each contains a question mark) with their answers; ``progress`` says
    what support is doing and asks nothing; ``resolutions`` close the problem (or give the steps
    that do). Each bank is added to the topic's shared bank of the same name.
    """

    subjects: tuple[str, ...]
    problems: tuple[str, ...]
    details: tuple[str, ...] = ()
    asks: tuple[Ask, ...] = ()
    progress: tuple[str, ...] = ()
    resolutions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TopicText:
    """What is specific to one topic in one language: its scenarios, and the sentences that fit
    all of them."""

    scenarios: tuple[Scenario, ...]
    details: tuple[str, ...] = ()
    asks: tuple[Ask, ...] = ()
    progress: tuple[str, ...] = ()
    resolutions: tuple[str, ...] = ()

    def merged(self, scenario: Scenario) -> Scenario:
        """``scenario`` with the topic's shared sentences added to each bank."""
        return Scenario(
            subjects=scenario.subjects,
            problems=scenario.problems,
            details=scenario.details + self.details,
            asks=scenario.asks + self.asks,
            progress=scenario.progress + self.progress,
            resolutions=scenario.resolutions + self.resolutions,
        )


@dataclass(frozen=True, slots=True)
class CommonText:
    """What every topic shares in one language: greetings, signatures, nudges, notices."""

    rtl: bool
    system_name: str
    after_greeting: Callable[[str], str]  # how a sentence continues after "Hi," on one line
    customer_greetings: tuple[str, ...]  # opening line of the customer's first message
    customer_pleas: tuple[str, ...]  # last sentence of the opening ("Could you look into it?")
    customer_signoffs: tuple[str, ...]  # may use {customer} / {first}
    anonymous_signoffs: tuple[str, ...]  # when the customer's name is unknown
    to_agent_greetings: tuple[str, ...]  # a customer's reply addressing the agent ({agent_first})
    agent_greetings: tuple[str, ...]  # may use {first}
    anonymous_agent_greetings: tuple[str, ...]
    first_openers: tuple[str, ...]  # support's first words on a ticket
    ask_openers: tuple[str, ...]  # before a later question ("Thanks for the details.")
    progress_openers: tuple[str, ...]
    resolve_openers: tuple[str, ...]
    agent_signoffs: tuple[str, ...]  # must use {agent}
    addenda: tuple[str, ...]  # introduces a detail the customer forgot; ends before it
    nudges: tuple[str, ...]
    stills: tuple[str, ...]
    thanks: tuple[str, ...]
    reminders: tuple[str, ...]  # a question
    close_no_reply: tuple[str, ...]
    work_notes: tuple[str, ...]
    closing_notes: tuple[str, ...]
    acknowledgements: tuple[str, ...]
    solved_notices: tuple[str, ...]
    closed_notices: tuple[str, ...]


def lower_first_word(sentence: str) -> str:
    """Lower-case a plain capitalised word: "Hi, the box…", but "Hi, DHL…" and "Hi, I…"."""
    if len(sentence) > 1 and sentence[0].isupper() and sentence[1].islower():
        return sentence[0].lower() + sentence[1:]
    return sentence


def unchanged(sentence: str) -> str:
    """For scripts without case, and for languages that capitalise nouns mid-sentence."""
    return sentence


@dataclass(frozen=True, slots=True)
class LanguageText:
    common: CommonText
    topics: Mapping[Topic, TopicText]
