"""The plain (questionary) front end, driven through prompt_toolkit's pipe input."""

from __future__ import annotations

import re

from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from advisor.cli.plain import ask_all
from advisor.store import ProgressStore

DOWN, ENTER, SPACE = "\x1b[B", "\r", " "


def test_answers_are_asked_saved_and_returned(catalog) -> None:
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        # traffic: down from "Not sure" wraps to Steady; volume: not sure; latency: Steady's
        # neighbour... every other question: enter (not sure / none of these).
        keys = [DOWN + ENTER, ENTER, DOWN + DOWN + ENTER, ENTER, SPACE + ENTER]
        inp.send_text("".join(keys) + ENTER * (len(catalog.questions) * 2))
        answers = ask_all(catalog, {})
    assert answers is not None
    assert answers["traffic_pattern"] == "steady"
    assert "request_volume" not in answers
    assert answers["latency_target"] == "interactive"
    assert answers["clients"] == ["browser"]
    with ProgressStore() as store:
        assert store.load_workload("current")["traffic_pattern"] == "steady"


def test_ctrl_c_keeps_the_answers_so_far(catalog) -> None:
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(DOWN + ENTER + "\x03")
        assert ask_all(catalog, {}) is None
    with ProgressStore() as store:
        assert store.load_workload("current") == {"traffic_pattern": "steady"}


def test_plain_quiz_asks_every_type(catalog) -> None:
    from advisor.cli.plain import STOP, ask
    from advisor.quiz.session import QuizSession

    session = QuizSession.start(catalog, quiz_ids=["serverless"], seed=11)
    seen = set()
    for presented in session.items:
        q = presented.question
        if q.type in seen:
            continue
        seen.add(q.type)
        typed = {
            "ordering": " ".join(str(n) for n in range(1, len(presented.order) + 1)),
            "short": "x",
            "numeric": "5",
            "multiple": SPACE,  # no pick is no answer
        }
        keys = typed.get(q.type, "") + ENTER * (len(getattr(q, "pairs", [])) or 1)
        with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
            inp.send_text(keys)
            response = ask(presented)
        assert response is not STOP, q.type
        assert response is not None
    assert seen == {"single", "multiple", "true_false", "short", "numeric", "ordering", "matching"}


def test_stopping_early_keeps_the_answers_not_reached_yet(catalog) -> None:
    """B1: ctrl+c after the first question once replaced the whole kept set with that one answer."""
    previous = {q.id: q.choices[0].id if not q.multiple else [q.choices[0].id] for q in catalog.questions}
    with ProgressStore() as store:
        store.save_workload("current", previous)
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(DOWN + ENTER + "\x03")  # change the first answer, then stop at the second
        assert ask_all(catalog, previous) is None
    with ProgressStore() as store:
        kept = store.load_workload("current")
    first = catalog.questions[0]
    assert kept == {**previous, first.id: first.choices[1].id}


def test_a_several_choice_answer_is_shown_by_its_picks(catalog, monkeypatch) -> None:
    """questionary sums two or more picks up as "done (2 selections)"; the prompt then names them."""
    import questionary

    shown: list[str] = []
    monkeypatch.setattr(questionary, "print", lambda text, **_: shown.append(text))
    clients = next(n for n, q in enumerate(catalog.questions) if q.id == "clients")
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(ENTER * clients + SPACE + DOWN + SPACE + ENTER + "\x03")
        ask_all(catalog, {})
    assert shown == ["  Browsers (web apps), Mobile apps"]


def _first(catalog, kind):
    from advisor.quiz.session import QuizSession

    question_id = next(q.id for quiz in catalog.quizzes for q in quiz.questions if q.type == kind)
    return QuizSession.start(catalog, question_ids=[question_id], seed=5).items[0]


def test_plain_multiple_choice_refuses_no_pick_and_prints_the_picks(catalog, capsys) -> None:
    """Confusing 15: an empty pick is refused as in the TUI; the picks are shown, not 'done (2 selections)'."""
    from advisor.cli.plain import ask

    presented = _first(catalog, "multiple")
    texts = {o.id: o.text for o in presented.question.options}
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(ENTER + SPACE + DOWN + SPACE + ENTER)  # enter alone is refused; then two picks
        response = ask(presented)
    assert response == sorted(presented.order[:2])
    out = capsys.readouterr().out
    assert f"[x] {texts[presented.order[0]]}" in out and f"[x] {texts[presented.order[1]]}" in out


def test_plain_numeric_answer_must_be_a_number(catalog) -> None:
    """B6: `abc` is refused with a hint (not graded wrong); then `6,9` is taken."""
    from advisor.cli.plain import ask

    presented = _first(catalog, "numeric")
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text("abc" + ENTER + "\x7f" * 3 + "6,9" + ENTER)
        assert ask(presented) == "6,9"


def test_plain_quiz_ctrl_c_exits_130_having_saved_the_answers(catalog, monkeypatch, capsys) -> None:
    """Confusing 15: the same exit code as `recommend --plain`, and it says the answers are kept."""
    from advisor.cli import exit_codes, plain
    from advisor.quiz.session import QuizPlan, QuizSession

    seed = next(
        s
        for s in range(100)
        if QuizSession.start(catalog, quiz_ids=["grpc"], seed=s).items[0].question.type == "single"
    )
    monkeypatch.setattr(plain, "interactive", lambda: True)
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(ENTER + "\x03")  # answer the first question, then Ctrl+C
        code = plain.run_quiz(catalog, QuizPlan(("grpc",), seed=seed))
    assert code == exit_codes.INTERRUPTED == 130
    assert "every answer so far is saved" in capsys.readouterr().err
    with ProgressStore() as store:
        assert len(store.answers()) == 1


def _seed_where_first_is(catalog, quiz: str, kind: str) -> int:
    from advisor.quiz.session import QuizSession

    return next(
        s for s in range(300) if QuizSession.start(catalog, quiz_ids=[quiz], seed=s).items[0].question.type == kind
    )


def test_plain_quiz_offers_to_resume_where_it_stopped(catalog, monkeypatch, capsys) -> None:
    """Missing 1: `advisor quiz --plain` after a Ctrl+C offers the unfinished quiz, from its next question."""
    from advisor.cli import plain
    from advisor.quiz.session import QuizPlan

    monkeypatch.setattr(plain, "interactive", lambda: True)
    seed = _seed_where_first_is(catalog, "grpc", "single")
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(ENTER + "\x03")
        assert plain.run_quiz(catalog, QuizPlan(("grpc",), seed=seed)) == 130
    assert "advisor quiz --resume" in capsys.readouterr().err
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(ENTER + "\x03")  # "Resume: gRPC, question 2 of 10", then stop again
        assert plain.run_quiz(catalog, QuizPlan()) == 130
    assert "10 questions, from question 2" in capsys.readouterr().out
    with ProgressStore() as store:
        assert len(store.answers()) == 1 and store.open_session() is not None


def test_plain_short_answer_can_be_overruled(catalog, monkeypatch, capsys) -> None:
    """Missing 3: after a short answer, 'I was right' is recorded as the learner's call."""
    from advisor.cli import plain
    from advisor.quiz.session import QuizPlan

    monkeypatch.setattr(plain, "interactive", lambda: True)
    quiz = next(q.id for q in catalog.quizzes if any(x.type == "short" for x in q.questions))
    seed = _seed_where_first_is(catalog, quiz, "short")
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text("zzz" + ENTER + DOWN + ENTER + "\x03")  # graded wrong; "I was right"; stop
        assert plain.run_quiz(catalog, QuizPlan((quiz,), seed=seed)) == 130
    assert "✓ Right (your call)" in capsys.readouterr().out
    with ProgressStore() as store:
        [answer] = store.answers()
        assert answer.correct and answer.overridden


def test_quick_mode_asks_what_matters_and_says_how_many_it_skipped(catalog, capsys) -> None:
    from advisor.advise.quick import next_question
    from advisor.cli.plain import ask_quick

    first = next_question(catalog, {}).question
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text((DOWN + ENTER) * (len(catalog.questions) + 1))  # the first choice, every time
        answers = ask_quick(catalog, {}, {})
    assert answers is not None and first in answers
    said = capsys.readouterr().err
    asked, total, skipped = map(int, re.search(r"Done: (\d+) of (\d+) asked; (\d+) could not", said).groups())
    assert asked + skipped == total and skipped > 0 and asked < len(catalog.questions)
    assert next_question(catalog, answers).question is None  # nothing left could move a verdict
    with ProgressStore() as store:
        assert store.load_workload("current") == answers


def test_long_choices_wrap_under_their_first_line_within_the_terminal(catalog, monkeypatch) -> None:
    # questionary lets a long option run off the right edge, where the terminal cuts it (a finding of
    # the usability audit: 191 of the quiz options are longer than 76 characters)
    import os

    from advisor.cli import plain

    monkeypatch.setattr(plain.shutil, "get_terminal_size", lambda fallback=(80, 24): os.terminal_size((80, 24)))
    options = [o.text for quiz in catalog.quizzes for q in quiz.questions for o in getattr(q, "options", ())]
    assert any(len(text) > 76 for text in options)
    for text in options:
        for indent in (plain.SELECT_INDENT, plain.CHECKBOX_INDENT):
            lines = plain._fit(text, indent).split("\n")
            assert all(indent + len(line) <= 80 for line in lines), text
            assert all(line.startswith(" " * indent) for line in lines[1:])
            assert " ".join(line.strip() for line in lines) == " ".join(text.split())
