"""The plain (questionary) front end, driven through prompt_toolkit's pipe input."""

from __future__ import annotations

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
        typed = {"ordering": " ".join(str(n) for n in range(1, len(presented.order) + 1)), "short": "x", "numeric": "5"}
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
