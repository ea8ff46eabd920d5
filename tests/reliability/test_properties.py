"""Random documents and random damage to the shipped files: only our own error, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.advise.answers import check_answers
from advisor.loading.catalog import load_catalog
from advisor.loading.files import load_files
from advisor.loading.problems import DataError, Problem
from advisor.loading.yaml_source import Source
from tests.conftest import ROOT, examples

SHIPPED = sorted(p for folder in ("content", "rules", "quizzes") for p in (ROOT / folder).rglob("*.yaml"))
QUESTIONS = load_catalog().questions

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5), st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=30,
)
kinds = st.sampled_from(["section", "guide", "matrix", "quiz", "rules", "questions", "technologies", "use-cases", "x"])


def load_text(data: bytes) -> None:
    """Any bytes give a loaded file or located problems of ours; any other exception fails the test."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.yaml"
        path.write_bytes(data)
        loaded, problems = load_files([path])
        assert len(loaded) + (1 if problems else 0) == 1
        assert all(isinstance(p, Problem) and p.file and p.message for p in problems)


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=kinds, body=st.dictionaries(st.text(max_size=12), documents, max_size=6))
def test_random_documents_give_a_result_or_our_error(kind: str, body: dict) -> None:
    load_text(yaml.safe_dump({"kind": kind, **body}, allow_unicode=True).encode())


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    index=st.integers(min_value=0, max_value=len(SHIPPED) - 1),
    edits=st.lists(
        st.tuples(
            st.floats(min_value=0, max_value=1),
            st.sampled_from(["del", "dup", "byte", "colon", "dash"]),
            st.binary(min_size=1, max_size=3),
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_damaged_shipped_files_give_only_our_error(index: int, edits: list) -> None:
    data = bytearray(SHIPPED[index].read_bytes())
    for where, how, junk in edits:
        at = int(where * (len(data) - 1))
        if how == "del":
            del data[at : at + 20]
        elif how == "dup":
            data[at:at] = data[at : at + 40]
        elif how == "byte":
            data[at : at + len(junk)] = junk
        elif how == "colon":
            data[at:at] = b": "
        else:
            data[at:at] = b"\n- "
    load_text(bytes(data))


@settings(max_examples=examples(150), deadline=None)
@given(answers=st.dictionaries(st.text(max_size=15), documents, max_size=8))
def test_random_answer_files_give_answers_or_our_error(answers: dict) -> None:
    try:
        check_answers(Source(Path("w.yaml"), "w.yaml", answers), QUESTIONS)
    except DataError as exc:
        assert exc.problems
