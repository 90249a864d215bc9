"""Turning a plan of steps into messages: pick sentences, fill their slots, lay out the text,
and derive the HTML variant from the text (so user-supplied names and details are escaped once,
in one place, and the two variants never say different things).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from random import Random
from typing import Generic, TypeVar

from mockdesk.core.conversations.bank import Ask, CommonText, Scenario
from mockdesk.core.conversations.model import ROLE_OF_STEP, Message, Role, Step

T = TypeVar("T")
_NUMBERED = re.compile(r"^(\d+)\.\s+(.*)$")


def to_html(text: str, *, rtl: bool = False) -> str:
    """Paragraphs as ``<p>``, line breaks as ``<br>``, runs of "1. …" lines as ``<ol>``;
    every character of ``text`` escaped. Right-to-left text is wrapped in ``dir="rtl"``."""
    blocks: list[str] = []
    for paragraph in text.split("\n\n"):
        run: list[str] = []  # consecutive lines of one kind
        numbered = False
        for line in [*paragraph.split("\n"), None]:
            match = _NUMBERED.match(line) if line is not None else None
            if run and (line is None or bool(match) != numbered):
                blocks.append(_block(run, numbered))
                run = []
            if line is not None:
                numbered = bool(match)
                run.append(html.escape(match.group(2) if match else line))
    body = "".join(blocks)
    return f'<div dir="rtl">{body}</div>' if rtl else body


def _block(lines: list[str], numbered: bool) -> str:
    if numbered:
        return "<ol>" + "".join(f"<li>{line}</li>" for line in lines) + "</ol>"
    return "<p>" + "<br>".join(lines) + "</p>"


def fill(template: str, slots: Mapping[str, str]) -> str:
    """``template`` with its ``{name}`` slots filled; a missing slot is a bug (``KeyError``)."""
    return template.format_map(slots)


class _Deck(Generic[T]):
    """Draws items without repeating one until all were used, so a conversation that asks
    twice asks two different questions."""

    def __init__(self, rng: Random, items: Sequence[T]) -> None:
        self._rng = rng
        self._items = tuple(items)
        self._left: list[T] = []

    def draw(self) -> T:
        if not self._left:
            self._left = list(self._items)
        return self._left.pop(self._rng.randrange(len(self._left)))


@dataclass(frozen=True, slots=True)
class People:
    """Who is in the conversation; a customer may be nameless (a guest, an unknown sender)."""

    customer: str | None
    agent: str
    desk: str | None

    def slots(self) -> dict[str, str]:
        customer = self.customer or ""
        return {
            "customer": customer,
            "first": customer.split()[0] if customer.split() else "",
            "agent": self.agent,
            "agent_first": self.agent.split()[0] if self.agent.split() else self.agent,
        }


def _paragraphs(*parts: str) -> str:
    return "\n\n".join(part for part in parts if part)


class Composer:
    """Writes one conversation's messages in order, keeping its decks and slots together."""

    def __init__(
        self,
        rng: Random,
        common: CommonText,
        topic: Scenario,
        people: People,
        facts: Mapping[str, str],
    ) -> None:
        self._rng = rng
        self._common = common
        self._people = people
        self._slots = {**facts, **people.slots()}
        self._named = bool(people.customer and people.customer.strip())
        self._problems = _Deck(rng, topic.problems)
        self._details = _Deck(rng, topic.details)
        self._asks: _Deck[Ask] = _Deck(rng, topic.asks)
        self._answers: tuple[str, ...] = ()  # to the last question asked
        self._progress = _Deck(rng, topic.progress)
        self._resolutions = _Deck(rng, topic.resolutions)
        self._agent_spoke = False
        self.description = ""
        # One person keeps one style of greeting and signature through a conversation.
        named = self._named
        self._agent_greeting = rng.choice(
            common.agent_greetings if named else common.anonymous_agent_greetings
        )
        self._agent_signoff = rng.choice(common.agent_signoffs)
        self._signoff = rng.choice(common.customer_signoffs if named else common.anonymous_signoffs)

    def _pick(self, options: Sequence[str]) -> str:
        return fill(self._rng.choice(options), self._slots)

    def _customer_signoff(self) -> str:
        return fill(self._signoff, self._slots)

    def _opening(self) -> str:
        greeting = self._pick(self._common.customer_greetings)
        sentences = [fill(self._problems.draw(), self._slots)]
        if self._rng.random() < 0.85:
            sentences.append(fill(self._details.draw(), self._slots))
        sentences.append(self._pick(self._common.customer_pleas))
        body = " ".join(sentences)
        first = sentences[0]
        if greeting.endswith(","):  # "Hi, the box…" on one line; "Hej! Sedan…" stays
            first = self._common.after_greeting(first)
        self.description = " ".join([greeting, first, *sentences[1:]])
        return _paragraphs(greeting, body, self._customer_signoff())

    def _customer_reply(self, step: Step) -> str:
        common = self._common
        if step is Step.PROVIDE:
            core = self._pick(self._answers)
        elif step is Step.ADDENDUM:
            core = f"{self._pick(common.addenda)} {fill(self._details.draw(), self._slots)}"
        else:
            core = self._pick({Step.NUDGE: common.nudges, Step.STILL: common.stills,
                               Step.THANKS: common.thanks}[step])  # fmt: skip
        greeting = self._pick(common.to_agent_greetings) if (
            self._agent_spoke and self._rng.random() < 0.4
        ) else ""  # fmt: skip
        signoff = self._customer_signoff() if self._rng.random() < 0.6 else ""
        return _paragraphs(greeting, core, signoff)

    def _ask(self) -> str:
        question, self._answers = self._asks.draw()
        return question

    def _agent_message(self, step: Step) -> str:
        common = self._common
        if step is Step.ASK:
            core = self._ask()
        elif step is Step.PROGRESS:
            core = self._progress.draw()
        elif step is Step.RESOLVE:
            core = self._resolutions.draw()
        else:
            core = self._rng.choice(
                common.reminders if step is Step.REMINDER else common.close_no_reply
            )
        if not self._agent_spoke:
            opener = self._pick(common.first_openers)
        elif step in (Step.ASK, Step.PROGRESS, Step.RESOLVE) and self._rng.random() < 0.6:
            opener = self._pick({Step.ASK: common.ask_openers,
                                 Step.PROGRESS: common.progress_openers,
                                 Step.RESOLVE: common.resolve_openers}[step])  # fmt: skip
        else:
            opener = ""
        self._agent_spoke = True
        greeting = fill(self._agent_greeting, self._slots)
        signoff = fill(self._agent_signoff, self._slots)
        if self._people.desk:
            signoff = f"{signoff}\n{self._people.desk}"
        body = f"{opener} {fill(core, self._slots)}".strip()
        return _paragraphs(greeting, body, signoff)

    def _text(self, step: Step) -> str:
        common = self._common
        role = ROLE_OF_STEP[step]
        if step is Step.OPENING:
            return self._opening()
        if role is Role.CUSTOMER:
            return self._customer_reply(step)
        if role is Role.AGENT:
            return self._agent_message(step)
        return self._pick({
            Step.WORK_NOTE: common.work_notes,
            Step.CLOSING_NOTE: common.closing_notes,
            Step.ACKNOWLEDGE: common.acknowledgements,
            Step.SOLVED_NOTICE: common.solved_notices,
            Step.CLOSED_NOTICE: common.closed_notices,
        }[step])  # fmt: skip

    def _author(self, role: Role) -> str | None:
        if role is Role.CUSTOMER:
            return self._people.customer
        if role is Role.SYSTEM:
            return self._people.desk or self._common.system_name
        return self._people.agent

    def message(self, step: Step, sent_at: datetime) -> Message:
        role = ROLE_OF_STEP[step]
        text = self._text(step)
        return Message(
            role=role,
            step=step,
            author=self._author(role),
            sent_at=sent_at,
            text=text,
            html=to_html(text, rtl=self._common.rtl),
        )
