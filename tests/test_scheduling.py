"""FSRS scheduling rebuilt from the answer log: due questions, practice, leeches, mastery."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from advisor.models.progress import Answer
from advisor.quiz.scheduling import LEECH_LAPSES, card_id, card_states, due, mastery, rebuild

T0 = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def answer(qid: str, minutes: float, correct: bool, *, revision: int = 1, practice: bool = False) -> Answer:
    at = (T0 + timedelta(minutes=minutes)).isoformat()
    return Answer(qid, revision, "s", at, correct, "x", 5.0, practice)


def test_card_ids_are_stable_and_per_revision() -> None:
    assert card_id("q", 1) == card_id("q", 1) != card_id("q", 2)
    assert card_id("q", 1) < 2**48


def test_a_miss_comes_back_sooner_than_a_hit() -> None:
    hit = rebuild("a", 1, [answer("a", 0, True)])
    miss = rebuild("b", 1, [answer("b", 0, False)])
    assert miss.card.due < hit.card.due
    assert due({"a": hit, "b": miss}, T0 + timedelta(minutes=5)) == ["b"]


def test_practice_answers_are_not_reviews() -> None:
    log = [answer("a", 0, False), answer("a", 1, True, practice=True)]
    assert rebuild("a", 1, log).reviews == 1


def test_a_new_revision_restarts_the_schedule() -> None:
    log = [answer("a", 0, True), answer("a", 20, True)]
    assert rebuild("a", 2, log).reviews == 0
    assert card_states([("a", 2)], log) == {}


def test_rebuilding_is_deterministic() -> None:
    log = [answer("a", m, c) for m, c in ((0, True), (15, False), (40, True), (3000, True))]
    assert rebuild("a", 1, log).card == rebuild("a", 1, list(log)).card


def test_leech_after_repeated_lapses() -> None:
    log = [answer("a", m * 10, False) for m in range(LEECH_LAPSES)]
    assert rebuild("a", 1, log).leech
    assert not rebuild("a", 1, log[:-1]).leech


def test_mastery_needs_evidence() -> None:
    states = card_states([("a", 1), ("b", 1)], [answer("a", 0, True), answer("a", 30, True), answer("b", 0, True)])
    now = T0 + timedelta(days=3)
    result = mastery({"item-1": ["a"], "item-2": ["b"], "item-3": ["c"]}, states, now)
    assert set(result) == {"item-1"} and 0 < result["item-1"] <= 1
