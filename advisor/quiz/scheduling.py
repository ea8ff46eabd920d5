"""Spaced repetition with FSRS (the `fsrs` package, version 6): one card per question revision.

The answer log in the store is the truth; a card is rebuilt from it whenever it is needed with
`Scheduler.reschedule_card`, so nothing derived is ever stored. A wrong answer rates Again and a
right one Good; answers marked as practice (retries inside one session) are not reviews.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from hashlib import blake2b

from fsrs import Card, Rating, ReviewLog, Scheduler

from advisor.models.progress import Answer

LEECH_LAPSES = 4  # missed this often, a question means the section needs re-reading
MASTERY_MIN_REVIEWS = 2  # below this, a mastery figure would be noise
# Mastery is the recall FSRS forecasts this far ahead: recall *now* is close to 100% right after
# any review, even one that followed two misses, and so read like mastery when it was not.
MASTERY_HORIZON = timedelta(days=7)

_scheduler = Scheduler(enable_fuzzing=False)  # no fuzz: the same log always gives the same card


def card_id(question_id: str, revision: int) -> int:
    """A stable 48-bit int for FSRS; a new revision is a new card, so its schedule restarts."""
    return int.from_bytes(blake2b(f"{question_id}@{revision}".encode(), digest_size=6).digest(), "big")


def parse_time(stamp: str) -> datetime:
    moment = datetime.fromisoformat(stamp)
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class CardState:
    question_id: str
    card: Card
    reviews: int
    lapses: int

    @property
    def leech(self) -> bool:
        return self.lapses >= LEECH_LAPSES


def rebuild(question_id: str, revision: int, answers: Iterable[Answer]) -> CardState:
    """The FSRS card of one question revision, replayed from its reviews in the log."""
    cid = card_id(question_id, revision)
    reviews = [a for a in answers if a.question_id == question_id and a.revision == revision and not a.practice]
    logs = [
        ReviewLog(
            card_id=cid,
            rating=Rating.Good if a.correct else Rating.Again,
            review_datetime=parse_time(a.answered_at),
            review_duration=None if a.seconds is None else int(a.seconds * 1000),
        )
        for a in reviews
    ]
    first = parse_time(reviews[0].answered_at) if reviews else datetime.now(UTC)
    card = _scheduler.reschedule_card(Card(card_id=cid, due=first), logs) if logs else Card(card_id=cid, due=first)
    return CardState(question_id, card, len(reviews), sum(1 for a in reviews if not a.correct))


def card_states(questions: Iterable[tuple[str, int]], answers: Iterable[Answer]) -> dict[str, CardState]:
    """Cards for (question id, revision) pairs that have at least one review."""
    by_question: dict[str, list[Answer]] = defaultdict(list)
    for a in answers:
        by_question[a.question_id].append(a)
    out = {}
    for qid, revision in questions:
        state = rebuild(qid, revision, by_question.get(qid, []))
        if state.reviews:
            out[qid] = state
    return out


def due(states: dict[str, CardState], now: datetime) -> list[str]:
    """Question ids whose card is due at `now`, most overdue first."""
    ready = [s for s in states.values() if s.card.due <= now]
    return [s.question_id for s in sorted(ready, key=lambda s: (s.card.due, s.question_id))]


def recall(state: CardState, now: datetime) -> float:
    """The probability the learner recalls this question now (FSRS retrievability)."""
    return _scheduler.get_card_retrievability(state.card, now)


def mastery(tested: dict[str, list[str]], states: dict[str, CardState], now: datetime) -> dict[str, float]:
    """Mean recall a week from `now` (MASTERY_HORIZON) per checklist item or concept, where there is evidence.

    `tested` maps an item id to the ids of the questions that test it.
    """
    out = {}
    ahead = now + MASTERY_HORIZON
    for item, question_ids in tested.items():
        seen = [states[q] for q in question_ids if q in states]
        if sum(s.reviews for s in seen) >= MASTERY_MIN_REVIEWS:
            out[item] = sum(recall(s, ahead) for s in seen) / len(seen)
    return out


def next_due(states: dict[str, CardState]) -> list[datetime]:
    """When each reviewed question falls due, soonest first."""
    return sorted(s.card.due for s in states.values())
