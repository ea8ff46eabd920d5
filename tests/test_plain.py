"""The plain (questionary) front end, driven through prompt_toolkit's pipe input."""

from __future__ import annotations

from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from advisor.plain import ask_all
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
