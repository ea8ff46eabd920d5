"""GIFT import and export: round trip of the shipped quizzes, and a hand-written Moodle file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.interop.gift import GiftImport, Skipped, export_gift, import_gift, not_representable
from advisor.loading.catalog import Catalog, load_catalog
from advisor.models.quiz import Matching, MultipleChoice, Ordering, Quiz, TrueFalse
from tests.conftest import examples

SAMPLE = Path(__file__).parent / "data" / "gift" / "moodle_sample.gift"


def quizzes(catalog: Catalog) -> list[Quiz]:
    return catalog.of_kind(Quiz)


def comparable(question: Any) -> dict[str, Any]:
    """What GIFT carries: everything but option/pair ids, misconceptions and pair explanations."""
    data = question.model_dump(mode="json")
    if "options" in data:
        data["options"] = [(o["text"], o["correct"], o["explanation"]) for o in data["options"]]
    if "pairs" in data:
        data["pairs"] = [(p["left"], p["right"]) for p in data["pairs"]]
    return data


def blocks(gift: str) -> list[str]:
    """The question blocks of an export (the header comment dropped)."""
    return [b for b in gift.rstrip("\n").split("\n\n") if not b.startswith("// advisor quiz")]


# --- round trip ---------------------------------------------------------------------------


@pytest.mark.parametrize("index", range(7))
def test_round_trip_of_every_shipped_quiz(catalog: Catalog, index: int) -> None:
    assert len(quizzes(catalog)) == 7, "a quiz was added or removed: update the parametrisation"
    quiz = quizzes(catalog)[index]
    text = export_gift(quiz)
    assert export_gift(quiz) == text, "export must be deterministic"

    result = import_gift(text, quiz_id=quiz.id, title=quiz.title)
    again = Quiz.model_validate(result.quiz)
    assert again.id == quiz.id and again.title == quiz.title

    ordering = [q.id for q in quiz.questions if isinstance(q, Ordering)]
    assert ordering, "every shipped quiz has an ordering question: this test relies on it"
    assert not_representable(quiz) == ordering
    assert [s.reason for s in result.skipped] == [
        f"ordering question {i} is not representable in GIFT: GIFT has no ordering question" for i in ordering
    ]
    for qid in ordering:
        assert f"// ordering question {qid} not representable in GIFT" in text

    expected = [q for q in quiz.questions if not isinstance(q, Ordering)]
    assert [q.id for q in again.questions] == [q.id for q in expected]
    for before, after in zip(expected, again.questions, strict=True):
        assert after.type == before.type
        assert comparable(after) == comparable(before), before.id

    # And exporting the imported quiz writes the same questions again, byte for byte.
    representable = [b for b in blocks(text) if "not representable in GIFT" not in b]
    assert blocks(export_gift(again)) == representable


def test_export_writes_moodle_syntax(catalog: Catalog) -> None:
    by_id = {q.id: q for quiz in quizzes(catalog) for q in quiz.questions}
    text = "\n".join(export_gift(quiz) for quiz in quizzes(catalog))

    tf = by_id["graphql-non-null-error-propagation"]
    assert isinstance(tf, TrueFalse) and tf.answer is False
    # FALSE, then the feedback for the wrong choice (true), then for the right one (false).
    escaped_if_false = tf.if_false.replace(":", "\\:")
    assert f"{{FALSE#{tf.if_true}#{escaped_if_false}####" in text

    assert (
        "// [id:graphql-schema-non-null-list] [tag:schema] [tag:nullability] [tag:easy] [tests:graphql-define-schema]"
        in text
    )
    assert "::graphql-schema-non-null-list::[markdown]A schema declares `posts\\: [Post!]!`" in text
    assert "\t=101:0\n" in text  # numeric answer:tolerance
    assert "\t=499..500\n" in text  # numeric range
    assert "[unit:queries]" in text
    assert "\t=Over-fetching and extra round trips -> The client selects the fields" in text
    assert "`posts \\{ title \\}`" in text  # braces escaped

    multiple = next(q for q in by_id.values() if isinstance(q, MultipleChoice))
    right = sum(o.correct for o in multiple.options)
    block = next(b for b in text.split("\n\n") if f"[id:{multiple.id}]" in b)
    assert block.count("\t~%") == len(multiple.options)
    assert block.count(f"\t~%{100 / right:.5f}".rstrip("0").rstrip(".") + "%") == right
    assert "\t~%-" in block

    matching = next(q for q in by_id.values() if isinstance(q, Matching))
    assert f"::{matching.id}::" in text


# --- the hand-written Moodle file ---------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> GiftImport:
    return import_gift(SAMPLE.read_text(encoding="utf-8"), quiz_id="moodle-sample", title="Moodle sample")


def line_of(needle: str) -> int:
    """1-based number of the first line of the sample file that contains `needle`."""
    for number, line in enumerate(SAMPLE.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} is not in the sample")


def test_sample_validates(sample: GiftImport) -> None:
    quiz = Quiz.model_validate(sample.quiz)
    assert sample.quiz["kind"] == "quiz" and quiz.section is None
    assert len(quiz.questions) == 23  # 27 question blocks, 4 skipped whole


def questions(sample: GiftImport) -> dict[str, dict[str, Any]]:
    return {q["id"]: q for q in sample.quiz["questions"]}


def options(question: dict[str, Any]) -> list[tuple[str, bool]]:
    return [(o["text"], o["correct"]) for o in question["options"]]


def test_sample_multiple_choice(sample: GiftImport) -> None:
    qs = questions(sample)
    # [id:] and [tag:] from the comment line; the category gives tags; [tag:easy] the difficulty.
    q = qs["grant-tomb-mc"]
    assert q["type"] == "single" and q["prompt"] == "Who's buried in Grant's tomb?"
    assert q["tags"] == ["us-history", "grant", "tombs"] and q["difficulty"] == "easy"
    assert options(q) == [("Grant", False), ("Jefferson", False), ("no one", True)]
    assert [o["explanation"] for o in q["options"]] == [
        "Not the expected answer.",
        "Not the expected answer.",
        "Correct.",
    ]
    assert [o["id"] for o in q["options"]] == ["grant", "jefferson", "no-one"]

    # Missing word: the answers sit mid-sentence, Moodle puts a blank there.
    q = qs["moodle-sample-q2"]
    assert q["prompt"] == "Grant is _____ in Grant's tomb."
    assert q["difficulty"] == "medium"

    q = qs["moodle-sample-thanksgiving-date"]  # no [id:]: quiz id + title
    assert q["prompt"] == "The American holiday of Thanksgiving is celebrated on the _____ Thursday of November."
    assert [(o["text"], o["explanation"]) for o in q["options"]] == [
        ("second", "Too early."),
        ("third", "Close, but no."),
        ("fourth", "Right: the fourth Thursday."),
    ]
    assert q["explanation"] == "Thanksgiving falls on the fourth Thursday of November."

    q = qs["moodle-sample-jesus-hometown"]
    assert options(q) == [("Jerusalem", False), ("Bethlehem", False), ("Galilee", False), ("Nazareth", True)]
    assert q["prompt"] == "Jesus Christ was from _____."


def test_sample_multiple_answers_from_weights(sample: GiftImport) -> None:
    q = questions(sample)["grant-entombed"]
    assert q["type"] == "multiple" and q["difficulty"] == "hard"
    assert options(q) == [("No one", False), ("Grant", True), ("Grant's wife", True), ("Grant's father", False)]
    assert q["options"][0]["explanation"] == "Two people are."
    assert q["explanation"] == "Ulysses S. Grant and Julia Grant."


def test_sample_true_false_feedback(sample: GiftImport) -> None:
    qs = questions(sample)
    assert qs["moodle-sample-q7"]["answer"] is False  # {F}
    assert qs["moodle-sample-q8"]["answer"] is True  # {TRUE}
    assert qs["moodle-sample-q8"]["tags"] == ["true-or-false"]

    # {FALSE#wrong-choice feedback#right-choice feedback}: answering "true" is the wrong choice.
    q = qs["tf-west"]
    assert q["answer"] is False
    assert q["if_true"] == "No, it rises in the east."
    assert q["if_false"] == "Yes, it rises in the east."
    assert q["explanation"] == "The Earth turns eastward."
    assert q["tags"] == ["true-or-false", "astronomy"]

    # {T#wrong-choice feedback#right-choice feedback}: answering "false" is the wrong choice.
    q = qs["moodle-sample-q1"]
    assert q["prompt"] == "1+1=2" and q["answer"] is True
    assert q["if_true"] == "Right, 1+1=2."
    assert q["if_false"] == "Count again: it is true."

    # Only one feedback: it is the one for the wrong choice; the other is filled in.
    q = qs["moodle-sample-q11"]
    assert q["answer"] is False
    assert q["if_true"] == "No one is buried in Grant's tomb."
    assert q["if_false"] == "Correct."


def test_sample_short_answers(sample: GiftImport) -> None:
    qs = questions(sample)
    assert qs["moodle-sample-q12"]["type"] == "short"
    assert qs["moodle-sample-q12"]["accepted"] == ["no one", "nobody"]
    assert qs["moodle-sample-q12"]["tags"] == ["short-answers"]  # "$CATEGORY: Short answers"
    assert qs["moodle-sample-q13"]["prompt"] == "Two plus two equals _____."
    assert qs["moodle-sample-q13"]["accepted"] == ["four", "4"]
    # Only the full-credit variant is accepted; the others are reported.
    assert qs["moodle-sample-jesus-hometown-short-answer-ex"]["accepted"] == ["Nazareth"]
    # [markdown] is stripped, the Markdown kept.
    assert qs["moodle-sample-q23"]["prompt"] == "Who's buried in **Grant's tomb**?"
    assert qs["moodle-sample-q23"]["accepted"] == ["no one", "nobody"]


def test_sample_numeric(sample: GiftImport) -> None:
    qs = questions(sample)
    q = qs["moodle-sample-q15"]
    assert (q["type"], q["answer"], q["tolerance"]) == ("numeric", 1822, 5)
    q = qs["moodle-sample-q16"]  # {#3.141..3.142}. — the final '.' makes it a missing word, as in Moodle
    assert (q["min"], q["max"]) == (3.141, 3.142) and "answer" not in q
    assert q["prompt"] == "What is the value of pi (to 3 decimal places)? _____."
    q = qs["moodle-sample-numerical-example"]
    assert (q["answer"], q["tolerance"]) == (1822, 0)
    q = qs["pi-two-answers"]  # {# =3.14:0.01 =%50%3.1:0.1}: the full-credit one
    assert (q["answer"], q["tolerance"]) == (3.14, 0.01)
    assert q["explanation"] == "Pi is 3.14159..."
    assert q["tags"] == ["numbers", "constants"]
    # [plain] stripped, \: and \n resolved.
    q = qs["https-port"]
    assert q["prompt"] == "Which port does https://example.com use by default?\nAnswer with a number."
    assert q["answer"] == 443


def test_sample_matching(sample: GiftImport) -> None:
    q = questions(sample)["moodle-sample-q20"]
    assert q["type"] == "matching"
    assert [(p["left"], p["right"]) for p in q["pairs"]] == [
        ("Canada", "Ottawa"),
        ("Italy", "Rome"),
        ("Japan", "Tokyo"),
        ("India", "New Delhi"),
    ]
    assert q["explanation"] == "Each city is the capital of its country."


def test_sample_escapes_and_formats(sample: GiftImport) -> None:
    qs = questions(sample)
    assert options(qs["moodle-sample-q21"]) == [("= 2 + 2", False), ("= 2 + 3", True), ("= 2 + 4", False)]
    q = qs["moodle-sample-gift-control-characters"]
    assert options(q) == [("~", False), ("=", False), ("#", False), ("{", False), ("}", False), ("\\", True)]
    assert q["options"][0]["explanation"] == "~ is a control character."
    assert q["options"][5]["explanation"].startswith(
        "Correct! \\ (backslash) is not a control character. BUT,\nit is used"
    )
    assert [o["id"] for o in q["options"]] == [f"option-{i}" for i in range(1, 7)]
    q = qs["moodle-sample-q24"]  # [html]: tags dropped, entities decoded
    assert q["prompt"] == "Which city is the capital of Canada?"
    assert options(q) == [("Ottawa", True), ("Toronto", False), ("Montréal", False)]


def test_sample_reports_what_it_skips(sample: GiftImport) -> None:
    whole = [s for s in sample.skipped if s.question is None]
    assert [(s.line, s.reason.split(" (")[0].split(":")[0]) for s in whole] == [
        (line_of("Which of these is an even prime?"), "not a valid single question"),
        (line_of("You can use your pencil and paper"), "description"),
        (line_of("::Essay::"), "essay question"),
        (line_of("::Broken::"), "malformed question"),
    ]
    assert "exactly one correct option, found 2" in whole[0].reason

    details = {(s.line, s.question, s.reason) for s in sample.skipped if s.question is not None}
    hometown = line_of("::Jesus' hometown::")
    short = line_of("::Jesus' hometown (Short answer ex.)::")
    numerical = line_of("::Numerical example::")
    assert details == {
        (
            hometown,
            "moodle-sample-jesus-hometown",
            "partial credit 25% for 'Bethlehem' dropped: it counts as a wrong option",
        ),
        (
            hometown,
            "moodle-sample-jesus-hometown",
            "partial credit 50% for 'Galilee' dropped: it counts as a wrong option",
        ),
        (short, "moodle-sample-jesus-hometown-short-answer-ex", "short answer 'Nazereth' with 75% credit dropped"),
        (short, "moodle-sample-jesus-hometown-short-answer-ex", "short answer 'Bethlehem' with 25% credit dropped"),
        (
            short,
            "moodle-sample-jesus-hometown-short-answer-ex",
            "per-answer feedback dropped (only the general feedback is kept) for 'Nazareth', 'Nazereth', 'Bethlehem'",
        ),
        (numerical, "moodle-sample-numerical-example", "numerical answer '1822:2' with 50% credit dropped"),
        (
            numerical,
            "moodle-sample-numerical-example",
            "per-answer feedback dropped (only the general feedback is kept) for '1822:0', '1822:2'",
        ),
        (
            line_of("What is pi to two decimals?"),
            "pi-two-answers",
            "numerical answer '3.1:0.1' with 50% credit dropped",
        ),
        (
            line_of("Match the following countries"),
            "moodle-sample-q20",
            "extra matching answer 'Sydney' dropped (a pair needs a left side)",
        ),
        (
            line_of("[markdown]Who's buried"),
            "moodle-sample-q23",
            "per-answer feedback dropped (only the general feedback is kept) for 'no one', 'nobody'",
        ),
    }


def write_quiz(folder: Path, data: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{data['id']}.yaml").write_text(
        yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )


def test_imported_yaml_loads_with_the_loader(sample: GiftImport, catalog: Catalog, tmp_path: Path) -> None:
    write_quiz(tmp_path / "pack", sample.quiz)
    loaded = load_catalog([tmp_path / "pack"], complete=False, reference=catalog)
    assert [q.id for q in loaded.of_kind(Quiz)] == ["moodle-sample"]


def test_round_tripped_quiz_loads_with_the_loader(catalog: Catalog, tmp_path: Path) -> None:
    """`tests` references survive the round trip and resolve against the shipped guide."""
    quiz = quizzes(catalog)[0]
    result = import_gift(export_gift(quiz), quiz_id=f"{quiz.id}-copy", title=quiz.title)
    write_quiz(tmp_path / "pack", result.quiz)
    loaded = load_catalog([tmp_path / "pack"], complete=False, reference=catalog)
    assert all(q.tests for q in loaded.of_kind(Quiz)[0].questions)


# --- ids, errors, robustness --------------------------------------------------------------


def test_ids_without_id_tokens_are_stable_and_unique() -> None:
    text = "::My title::Q?{T}\n\nQ two?{F}\n\n// [id:dup]\nA?{T}\n\n// [id:dup]\nB?{T}\n\n// [id:Not An Id!]\nC?{T}\n"
    result = import_gift(text, quiz_id="mine", title="Mine")
    assert [q["id"] for q in result.quiz["questions"]] == ["mine-my-title", "mine-q2", "dup", "dup-2", "not-an-id"]
    assert result.skipped == [Skipped(9, "id 'dup' is already used in this file: renamed 'dup-2'", "dup-2")]
    assert import_gift(text, quiz_id="mine", title="Mine") == result


def test_malformed_input_is_reported_not_raised() -> None:
    text = "\n".join(
        [
            "Unclosed {=a ~b",  # 1
            "",
            "Closed before opened } {",  # 3
            "",
            "Two blocks {T} and {F}",  # 5
            "",
            "Numbers? {#abc}",  # 7
            "",
            "Only one choice {~a}",  # 9
            "",
            "{T}",  # 11: no prompt
            "",
            "Not enough pairs {=a -> 1 =b -> 2}",  # 13
            "",
            "No arrow {=a -> 1 =b}",  # 15
            "",
            "All weights positive {~%50%a ~%50%b}",  # 17
            "",
            "Essay with feedback {####graded by hand}",  # 19
        ]
    )
    result = import_gift(text, quiz_id="bad", title="Bad")
    assert result.quiz["questions"] == []
    assert [s.line for s in result.skipped] == [1, 3, 5, 7, 9, 11, 13, 15, 17, 19]
    assert "not a number" in result.skipped[3].reason
    assert "at least 3" in result.skipped[6].reason


def test_invalid_quiz_id_is_the_callers_error() -> None:
    with pytest.raises(ValueError):
        import_gift("Q?{T}", quiz_id="Not valid", title="x")


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab {}~=#:\\\n\t%[]-></$")), max_size=80))
def test_any_text_imports_without_raising(text: str) -> None:
    result = import_gift(text, quiz_id="fuzz", title="Fuzz")
    for question in result.quiz["questions"]:
        assert question["id"]


# Single characters GIFT treats specially, and multi-character pieces that look like syntax.
_PIECES = [
    *"aZ9 ~=#{}:\\\n\t%[]->/_`'\"é\u2028",
    "[markdown]",
    "[plain]",
    "%50%",
    "####",
    "//",
    "\\n",
    "{T}",
    "$CATEGORY:",
]
_TEXT = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=20).map("".join).map(str.strip).filter(bool)


def fuzz_quiz(prompt: str, right: str, wrong: str, why: str) -> Quiz:
    """One question of each type whose texts are the generated ones."""
    common = {"prompt": prompt, "difficulty": "easy", "explanation": why}
    options = [
        {"id": "r", "text": right, "correct": True, "explanation": why},
        {"id": "w", "text": wrong, "explanation": why},
    ]
    pairs = [{"id": f"p{i}", "left": f"{wrong}{i}", "right": f"{right}{i}"} for i in range(3)]
    return Quiz.model_validate(
        {
            "kind": "quiz",
            "id": "fuzz",
            "title": "Fuzz",
            "questions": [
                {"id": "single", "type": "single", **common, "options": options},
                {"id": "multiple", "type": "multiple", **common, "options": [*options, {**options[1], "id": "w2"}]},
                {"id": "short", "type": "short", **common, "accepted": [right, wrong]},
                {
                    "id": "tf",
                    "type": "true_false",
                    **common,
                    "answer": len(prompt) % 2 == 0,
                    "if_true": right,
                    "if_false": wrong,
                },
                {
                    "id": "numeric",
                    "type": "numeric",
                    **common,
                    "answer": -1.5,
                    "tolerance": 0.25,
                    "unit": " ".join(right.split()),
                },
                {"id": "matching", "type": "matching", **common, "pairs": pairs},
            ],
        }
    )


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prompt=_TEXT, right=_TEXT, wrong=_TEXT, why=_TEXT)
def test_escaping_round_trips_any_text(prompt: str, right: str, wrong: str, why: str) -> None:
    quiz = fuzz_quiz(prompt, right, wrong, why)
    result = import_gift(export_gift(quiz), quiz_id="fuzz", title="Fuzz")
    lost = not_representable(quiz)  # only '->' where GIFT reads it
    assert [s.reason.split()[2] for s in result.skipped] == lost
    again = Quiz.model_validate(result.quiz)
    kept = [q for q in quiz.questions if q.id not in lost]
    assert [comparable(q) for q in again.questions] == [comparable(q) for q in kept]


def test_arrow_where_gift_reads_it_is_reported() -> None:
    quiz = fuzz_quiz("p", "a->b", "c", "e")
    assert not_representable(quiz) == ["short"]
    result = import_gift(export_gift(quiz), quiz_id="fuzz", title="Fuzz")
    assert [s.reason for s in result.skipped] == [
        "short question short is not representable in GIFT: "
        "an accepted answer contains '->', which would make Moodle read a matching question"
    ]
