"""The shipped quizzes: one per section (two for API patterns), varied, and tied to the checklist."""

from __future__ import annotations

from collections import Counter

TYPES = {"single", "multiple", "true_false", "short", "numeric", "ordering", "matching"}


def test_a_quiz_per_section_with_twelve_or_more_questions(catalog) -> None:
    quizzes = {q.id: q for q in catalog.quizzes}
    assert set(quizzes) == {"serverless", "edge", "graphql", "grpc", "service-mesh", "performance", "emerging"}
    for quiz in quizzes.values():
        assert len(quiz.questions) >= 12, quiz.id
        assert {q.type for q in quiz.questions} == TYPES, quiz.id
        assert quiz.section is not None


def test_every_question_tests_something_and_every_checklist_item_is_tested(catalog) -> None:
    tested = Counter()
    for quiz in catalog.quizzes:
        for q in quiz.questions:
            assert q.tests, q.id
            tested.update(q.tests)
    untested = [item.id for _, item in catalog.checklist() if item.id not in tested]
    assert untested == []


def test_item_writing_rules(catalog) -> None:
    banned = ("all of the above", "none of the above")
    for quiz in catalog.quizzes:
        for q in quiz.questions:
            for option in getattr(q, "options", []):
                assert not any(b in option.text.lower() for b in banned), q.id
            assert "not " not in q.prompt.lower().split("?")[0][:12], q.id  # no negative stems up front


def test_every_option_and_matching_pair_explains_itself(catalog) -> None:
    """Feedback says why each choice is right or wrong: options and matching pairs alike."""
    silent = [
        (q.id, entry.id)
        for quiz in catalog.quizzes
        for q in quiz.questions
        for entry in [*getattr(q, "options", []), *getattr(q, "pairs", [])]
        if not (entry.explanation or "").strip()
    ]
    assert silent == []
