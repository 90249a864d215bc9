"""Who says what, in which order: the sequence of steps a conversation in a given status has.

The status fixes the ending (an open ticket ends with the customer, a ticket waiting on the
customer with an agent's question, a solved one with the resolution or the thanks after it);
the middle varies so that 250 tickets of the same status do not all have the same rhythm.
"""

from __future__ import annotations

from datetime import timedelta
from random import Random

from mockdesk.core.conversations.model import Status, Step

# Rounds between the opening and the ending. Each round is an agent message then a customer
# message; no plan has more than two questions or two progress updates, so two of each per
# topic are enough to never repeat a sentence inside one conversation.
_ROUNDS: tuple[tuple[tuple[Step, Step], ...], ...] = (
    (),
    ((Step.ASK, Step.PROVIDE),),
    ((Step.ASK, Step.PROVIDE),),
    ((Step.ASK, Step.PROVIDE), (Step.ASK, Step.PROVIDE)),
    ((Step.ASK, Step.PROVIDE), (Step.PROGRESS, Step.NUDGE)),
    ((Step.PROGRESS, Step.NUDGE),),
)
_SHORT_ROUNDS = _ROUNDS[:3]  # a ticket with hours, not days, to live: nobody chases anyone
_SHORT = timedelta(hours=6)


def _rounds(rng: Random, short: bool, *, asks_left: int = 2) -> list[Step]:
    """A random middle whose questions leave ``asks_left`` for the ending to use."""
    choices = [
        rounds
        for rounds in (_SHORT_ROUNDS if short else _ROUNDS)
        if sum(agent is Step.ASK for agent, _ in rounds) <= asks_left
    ]
    rounds = rng.choice(choices)
    return [step for pair in rounds for step in pair]


def _with_work_note(rng: Random, steps: list[Step], notes: bool) -> list[Step]:
    """Maybe an internal note right after an agent's progress update, never as the last word."""
    if not notes or rng.random() >= 0.35:
        return steps
    spots = [i + 1 for i, step in enumerate(steps[:-1]) if step is Step.PROGRESS]
    if not spots:
        return steps
    spot = rng.choice(spots)
    return [*steps[:spot], Step.WORK_NOTE, *steps[spot:]]


def plan(
    rng: Random, status: Status, room: timedelta, *, notes: bool, automation: bool
) -> list[Step]:
    """The steps of a conversation in ``status`` that has ``room`` to unfold in."""
    short = room < _SHORT
    steps = [Step.OPENING]
    acknowledged = automation and rng.random() < 0.3
    if acknowledged:
        steps.append(Step.ACKNOWLEDGE)
    if status is Status.NEW:
        ending: tuple[Step, ...] = rng.choice(((), (), (Step.ADDENDUM,), (Step.NUDGE,)))
        if short and ending == (Step.NUDGE,):
            ending = (Step.ADDENDUM,)
        if acknowledged and not ending:
            ending = (Step.ADDENDUM,)  # the robot never has the last word on a new ticket
        return [*steps, *ending]
    if status is Status.OPEN:
        middle = _rounds(rng, short) or [Step.ASK, Step.PROVIDE]
        if rng.random() < 0.25:  # the fix did not work: the customer reopens
            middle = [*_rounds(rng, short, asks_left=1), Step.RESOLVE, Step.STILL]
        return _with_work_note(rng, [*steps, *middle], notes)
    if status is Status.PENDING:
        middle = _rounds(rng, short)
        tail = [Step.PROGRESS]
        if notes and rng.random() < 0.3:
            tail.append(Step.WORK_NOTE)
        return _with_work_note(rng, [*steps, *middle, *tail], notes)
    if status is Status.WAITING_ON_CUSTOMER or (
        status is Status.CLOSED and not short and rng.random() < 0.2
    ):
        middle = _rounds(rng, short, asks_left=1)
        tail = [Step.ASK]
        if not short and rng.random() < 0.3:
            tail.append(Step.REMINDER)
        if status is Status.CLOSED:  # the customer never came back
            tail.append(Step.CLOSE_NO_REPLY)
            if automation:
                tail.append(Step.CLOSED_NOTICE)
        return _with_work_note(rng, [*steps, *middle, *tail], notes)
    # SOLVED, and CLOSED after a resolution
    middle = _rounds(rng, short)
    if Step.PROGRESS not in middle and rng.random() < 0.4:
        middle.append(Step.PROGRESS)
    if notes and rng.random() < 0.2:
        middle.append(Step.WORK_NOTE)
    tail = [Step.RESOLVE]
    if rng.random() < 0.6:
        tail.append(Step.THANKS)
    if status is Status.SOLVED:
        roll = rng.random()
        if notes and roll < 0.3:
            tail.append(Step.CLOSING_NOTE)
        elif automation and roll > 0.7:
            tail.append(Step.SOLVED_NOTICE)
    elif automation:
        tail.append(Step.CLOSED_NOTICE)
    elif notes:
        tail.append(Step.CLOSING_NOTE)
    elif tail[-1] is Step.THANKS:
        tail.pop()  # a closed ticket ends on support's side
    return _with_work_note(rng, [*steps, *middle, *tail], notes)


def minimal(status: Status, *, automation: bool) -> list[Step]:
    """The shortest exchange that still ends the way ``status`` says: for a window too short
    to hold the planned one (at most three messages, so two microseconds are enough)."""
    tail = {
        Status.NEW: [],
        Status.OPEN: [Step.ASK, Step.PROVIDE],
        Status.PENDING: [Step.PROGRESS],
        Status.WAITING_ON_CUSTOMER: [Step.ASK],
        Status.SOLVED: [Step.RESOLVE],
        Status.CLOSED: [Step.RESOLVE, Step.CLOSED_NOTICE] if automation else [Step.RESOLVE],
    }[status]
    return [Step.OPENING, *tail]
