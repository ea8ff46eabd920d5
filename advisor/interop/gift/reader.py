"""Reading Moodle GIFT files into our quiz schema (pure: no terminal, no files).

GIFT is Moodle's plain-text question format. The importer follows Moodle's own reader
(``question/format/gift/format.php``, ``readquestion``), quirks included, because that is what
GIFT files in the wild are written against:

- questions are separated by blank lines; a line whose first characters are ``//`` is a comment;
- ``\\~ \\= \\# \\{ \\} \\: \\\\`` are escapes and ``\\n`` is a newline;
- the answer block runs from the first ``{`` to the first ``}``; text after it makes a
  "missing word" question, whose prompt gets ``_____`` where the block was;
- the type is decided in Moodle's order: no block → description, empty block → essay,
  ``#`` first → numerical, any ``~`` → multiple choice, ``=`` and ``->`` → matching,
  ``T``/``TRUE``/``F``/``FALSE`` (case-sensitive) → true/false, anything else → short answer;
- a true/false block ``{T#first#second}`` gives the feedback for a *wrong* choice first and
  the feedback for the *right* choice second.

Beyond Moodle, comment lines may carry advisor's own tokens, which Moodle ignores:
``[tests:item]``, ``[unit:ms]``, ``[revision:2]`` and ``[source:as_of|url|title]``; and the
tags ``easy``, ``medium`` and ``hard`` set the difficulty. The writer puts them there so that a round trip keeps them.

Whatever the quiz schema cannot hold is reported in ``GiftImport.skipped`` with its line,
never raised: descriptions, essays, malformed questions, questions the schema rejects, and
details dropped from questions that were imported (partial credit, per-answer feedback of
short and numerical answers, extra matching answers; a 0% short answer is kept as a rejected
near miss), and the comment blocks the writer leaves
for questions GIFT cannot express.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from advisor.interop.gift.escapes import NOT_REPRESENTABLE_RE, WEIGHT_RE, protect, restore, split_format
from advisor.interop.gift.escapes import number as gift_number
from advisor.models.quiz import (
    QuizQuestion,
)

__all__ = ["GiftImport", "Skipped", "import_gift", "slugify"]

RIGHT = "Correct."
WRONG = "Not the expected answer."
BLANK = "_____"  # what Moodle puts where the answers of a missing-word question were
DIFFICULTIES = ("easy", "medium", "hard")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
ID_MAX = 64
_NUMBER_RE = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
_TOKEN_RE = re.compile(r"\[(id|tag|tests|unit|revision|source):((?:\\.|[^\]\\\x00-\x1f])+)\]")
_TOKEN_ESCAPE_RE = re.compile(r"\\([\\\]])")
_HTML_BREAK_RE = re.compile(r"(?i)<br\s*/?>|</p>\s*<p[^>]*>")
_HTML_TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>")
_OUR_HEADER_RE = re.compile(r"^//\s*advisor quiz ([a-z0-9][a-z0-9_-]*): (.+)$")  # what export_gift writes first

_QUESTION = TypeAdapter(QuizQuestion)


@dataclass(frozen=True)
class Skipped:
    """Something in the GIFT file that did not make it into the quiz, and why.

    `question` names the imported question when only a detail of it was lost.
    """

    line: int
    reason: str
    question: str | None = None


@dataclass
class GiftImport:
    """The imported quiz as plain data (``Quiz.model_validate`` accepts it when it has questions).

    `exported_as` is the quiz id named in the header our own export writes, when the file has it.
    """

    quiz: dict[str, Any]
    skipped: list[Skipped] = field(default_factory=list)
    exported_as: str | None = None


class _Unsupported(Exception):
    """A question the quiz schema cannot hold; becomes a Skipped entry, never escapes."""


# --- small text helpers -------------------------------------------------------------------


def slugify(text: str, max_length: int = ID_MAX) -> str:
    """Lower-case ASCII words joined by '-', e.g. "Grant's tomb" → 'grant-s-tomb' ('' if none)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-")


def _as_id(text: str) -> str:
    """`text` itself if it is a valid id already, else its slug."""
    text = text.strip()
    return text if ID_RE.match(text) and len(text) <= ID_MAX else slugify(text)


def _unique(base: str, used: set[str], max_length: int = ID_MAX) -> str:
    """`base`, or `base-2`, `base-3`... whichever is not in `used` yet (and record it)."""
    candidate, n = base, 1
    while candidate in used:
        n += 1
        suffix = f"-{n}"
        candidate = base[: max_length - len(suffix)].rstrip("-") + suffix
    used.add(candidate)
    return candidate


def _html_to_text(text: str) -> str:
    """Crude HTML → text: line breaks kept, tags dropped, entities decoded."""
    return html.unescape(_HTML_TAG_RE.sub("", _HTML_BREAK_RE.sub("\n", text)))


def _finish(raw: str, default_format: str) -> tuple[str, str]:
    """A protected piece of GIFT → (format, plain text): marker stripped, escapes resolved."""
    fmt, text = split_format(raw, default_format)
    text = restore(text)
    if fmt == "html":
        text = _html_to_text(text)
    return fmt, text.strip()


def _split_feedback(part: str) -> tuple[str, str]:
    """'answer#feedback' → ('answer', 'feedback'); the feedback may be ''."""
    answer, _, feedback = part.partition("#")
    return answer.strip(), feedback.strip()


def _weight(part: str, default: float) -> tuple[float, str]:
    """A leading ``%n%`` weight (percent) and the rest of the answer."""
    match = WEIGHT_RE.match(part)
    if match is None:
        return default, part
    return float(match.group(1)), part[match.end() :]


def _answers(answer_text: str, marker: str) -> list[str]:
    """Split an answer block on `marker`, dropping the empty piece before the first one."""
    parts = answer_text.split(marker)
    if parts and not parts[0].strip():
        parts = parts[1:]
    return [p.strip() for p in parts]


# --- reading the file into blocks ---------------------------------------------------------


@dataclass
class _Block:
    """One blank-line-separated chunk: its text lines and comment lines, with line numbers."""

    lines: list[tuple[int, str]] = field(default_factory=list)
    comments: list[tuple[int, str]] = field(default_factory=list)

    @property
    def line(self) -> int:
        """Where the question starts: its first text line (else its first comment)."""
        return (self.lines or self.comments)[0][0]

    @property
    def text(self) -> str:
        return "\n".join(t for _, t in self.lines)


def _blocks(text: str) -> list[_Block]:
    """Split GIFT text on blank lines, as Moodle's reader does (lines are trimmed)."""
    blocks: list[_Block] = []
    current = _Block()
    for number, raw in enumerate(text.removeprefix("\ufeff").split("\n"), start=1):
        line = raw.strip()
        if not line:
            if current.lines or current.comments:
                blocks.append(current)
            current = _Block()
        elif line.startswith("//"):
            current.comments.append((number, line))
        else:
            current.lines.append((number, line))
    if current.lines or current.comments:
        blocks.append(current)
    return blocks


@dataclass
class _Meta:
    """What the comment lines before a question say about it."""

    id: str | None = None
    tags: list[str] = field(default_factory=list)
    tests: list[str] = field(default_factory=list)
    unit: str | None = None
    revision: int | None = None
    sources: list[dict[str, str]] = field(default_factory=list)


def _meta(comments: list[tuple[int, str]]) -> _Meta:
    """Read ``[id:…]`` (the first wins), ``[tag:…]`` and advisor's own tokens from comments."""
    meta = _Meta()
    for _, line in comments:
        for name, raw in _TOKEN_RE.findall(line):
            value = _TOKEN_ESCAPE_RE.sub(r"\1", raw).strip()
            if name == "id" and meta.id is None:
                meta.id = value
            elif name == "tag":
                meta.tags.append(value)
            elif name == "tests":
                meta.tests.append(value)
            elif name == "unit":
                meta.unit = value
            elif name == "revision" and value.isdigit() and int(value) >= 1:
                meta.revision = int(value)
            elif name == "source" and value.count("|") >= 2:
                as_of, url, title = (part.strip() for part in value.split("|", 2))
                meta.sources.append({"title": title, "as_of": as_of, **({"url": url} if url else {})})
    return meta


def _category_tags(text: str) -> list[str]:
    """``$CATEGORY: $course$/top/US History/Presidents`` → ['us-history', 'presidents']."""
    path = restore(text).strip()
    parts = [p for p in path.split("/") if p.strip()]
    if parts and parts[0].startswith("$") and parts[0].endswith("$"):
        parts = parts[1:]  # $course$, $system$, $module$, $cat$...
    if parts and parts[0] == "top":
        parts = parts[1:]
    return [slug for slug in (slugify(p) for p in parts) if slug]


# --- one question -------------------------------------------------------------------------


@dataclass
class _Parsed:
    """The parts of a question common to every type, before the answers are read."""

    name: str | None
    prompt: str
    format: str
    answer: str
    feedback: str | None


def _parse_parts(text: str) -> _Parsed:
    """Title, prompt and answer block of a protected question (Moodle's rules)."""
    name = None
    if text.startswith("::"):
        text = text[2:]
        end = text.find("::")
        if end >= 0:
            name = restore(text[:end]).strip()
            text = text[end + 2 :].strip()
    start, end = text.find("{"), text.find("}")
    if start < 0 and end < 0:
        raise _Unsupported("description (text without an answer block): a quiz has no place for it")
    if start < 0 or end < 0 or end < start:
        raise _Unsupported("malformed question: unbalanced '{' and '}' (escape literal braces as \\{ \\})")
    if "{" in text[start + 1 :] or "}" in text[end + 1 :]:
        raise _Unsupported("malformed question: more than one answer block (escape literal braces as \\{ \\})")
    answer, after = text[start + 1 : end].strip(), text[end + 1 :]
    prompt = text[:start] + (BLANK + after if after.strip() else "")
    feedback = None
    separator = answer.rfind("####")
    if separator >= 0:
        feedback, answer = answer[separator + 4 :], answer[:separator].strip()
    fmt, prompt = _finish(prompt, "moodle")
    return _Parsed(name, prompt, fmt, answer, feedback)


def _kind(answer: str) -> str:
    """The Moodle question type of an answer block (general feedback removed)."""
    if not answer:
        return "essay"
    if answer.startswith("#"):
        return "numerical"
    if "~" in answer:
        return "multichoice"
    if "=" in answer and "->" in answer:
        return "match"
    if answer.split("#", 1)[0].strip() in ("T", "TRUE", "F", "FALSE"):
        return "truefalse"
    return "shortanswer"


def _options(parts: list[tuple[float, str]], fmt: str, correct: list[bool]) -> list[dict[str, Any]]:
    """Option dicts from (weight, 'text#feedback') pieces, with unique ids and explanations."""
    used: set[str] = set()
    options = []
    for i, ((_, part), right) in enumerate(zip(parts, correct, strict=True), start=1):
        raw_text, raw_feedback = _split_feedback(part)
        text = _finish(raw_text, fmt)[1]
        explanation = _finish(raw_feedback, fmt)[1] or (RIGHT if right else WRONG)
        option_id = _unique(slugify(text, 40) or f"option-{i}", used, 40)
        options.append({"id": option_id, "text": text, "correct": right, "explanation": explanation})
    return options


def _multichoice(answer: str, fmt: str) -> tuple[dict[str, Any], list[str]]:
    """``=right ~wrong ~%50%half`` → single (some '=') or multiple (weights only)."""
    single = "=" in answer
    parts: list[tuple[float, str]] = []
    for piece in _answers(answer.replace("=", "~="), "~"):
        if piece.startswith("="):
            parts.append((100.0, piece[1:]))  # Moodle reads no weight after '='
        else:
            parts.append(_weight(piece, 0.0))
    if len(parts) < 2:
        raise _Unsupported("a multiple-choice question needs at least two answers")
    notes = []
    if single:
        correct = [w >= 100 for w, _ in parts]
        for w, part in parts:
            if w not in (0, 100):
                text = _finish(_split_feedback(part)[0], fmt)[1]
                notes.append(f"partial credit {w:g}% for {text!r} dropped: it counts as a wrong option")
    else:
        correct = [w > 0 for w, _ in parts]
    kind = "single" if single else "multiple"
    return {"type": kind, "options": _options(parts, fmt, correct)}, notes


def _matching(answer: str, fmt: str) -> tuple[dict[str, Any], list[str]]:
    """``=left -> right`` pairs; a pair with no left side is an extra (distractor) answer."""
    pairs: list[dict[str, Any]] = []
    notes: list[str] = []
    used: set[str] = set()
    rights: set[str] = set()
    for i, piece in enumerate(_answers(answer, "="), start=1):
        left, arrow, right = piece.partition("->")
        if not arrow:
            raise _Unsupported(f"malformed matching answer {restore(piece)!r}: no '->'")
        left_text = _finish(left, fmt)[1]
        right_text = restore(right).strip()
        if not left_text:
            notes.append(f"extra matching answer {right_text!r} dropped (a pair needs a left side)")
            continue
        if right_text in rights:
            raise _Unsupported(f"two pairs share the right-hand side {right_text!r}: matching would be ambiguous")
        rights.add(right_text)
        pair_id = _unique(slugify(left_text, 40) or f"pair-{i}", used, 40)
        pairs.append({"id": pair_id, "left": left_text, "right": right_text})
    return {"type": "matching", "pairs": pairs}, notes


def _true_false(answer: str, fmt: str) -> tuple[dict[str, Any], list[str]]:
    """``{T#shown if wrong#shown if right}``: map both to if_true / if_false by the choice."""
    bits = [*answer.split("#", 2), "", ""]
    truth = bits[0].strip() in ("T", "TRUE")
    wrong = _finish(bits[1], fmt)[1] or WRONG
    right = _finish(bits[2], fmt)[1] or RIGHT
    if_true, if_false = (right, wrong) if truth else (wrong, right)
    return {"type": "true_false", "answer": truth, "if_true": if_true, "if_false": if_false}, []


def _short(answer: str, fmt: str) -> tuple[dict[str, Any], list[str]]:
    """``=a =b =%50%c =%0%d``: full-credit answers are accepted, 0% ones rejected near misses."""
    accepted, rejected, notes, with_feedback = [], [], [], []
    for piece in _answers(answer, "="):
        weight, rest = _weight(piece, 100.0)
        raw, feedback = _split_feedback(rest)
        text = _finish(raw, fmt)[1]
        if weight == 0 and text:
            rejected.append(text)
        elif weight != 100:
            notes.append(f"short answer {text!r} with {weight:g}% credit dropped")
        elif text:
            accepted.append(text)
        if feedback:
            with_feedback.append(text)
    if not accepted:
        raise _Unsupported("short answer without any full-credit answer")
    question: dict[str, Any] = {"type": "short", "accepted": accepted}
    if rejected:
        question["rejected"] = rejected
    return question, notes + _feedback_note(with_feedback)


def _feedback_note(answers: list[str]) -> list[str]:
    """One note naming the answers whose own feedback was dropped (none if there were none)."""
    if not answers:
        return []
    return ["per-answer feedback dropped (only the general feedback is kept) for " + ", ".join(map(repr, answers))]


def _float(text: str, whole: str) -> float:
    """A plain decimal number (no 'nan', 'inf' or '1_000', which Python alone would accept)."""
    if not _NUMBER_RE.match(text.strip()):
        raise _Unsupported(f"numerical answer {whole!r} is not a number, a number:tolerance or a min..max range")
    return float(text)


def _numeric_value(text: str) -> dict[str, float]:
    """'3.14:0.01', '1..5' or '42' → the Numeric fields."""
    if text.find("..") > 0:
        low, _, high = text.partition("..")
        return {"min": _float(low, text), "max": _float(high, text)}
    if text.find(":") > 0:
        value, _, tolerance = text.partition(":")
        return {"answer": _float(value, text), "tolerance": abs(_float(tolerance, text))}
    return {"answer": _float(text, text), "tolerance": 0.0}


def _numeric(answer: str, fmt: str) -> tuple[dict[str, Any], list[str]]:
    """``{#3.14:0.01}``, ``{#1..5}``, ``{# =3.14:0.01 =%50%3.1:0.1 ~#wrong}``: the first full-credit answer."""
    body, tilde, wrong = answer[1:].partition("~")
    notes = ["feedback for wrong numerical answers dropped"] if tilde and wrong.strip() else []
    chosen: dict[str, float] | None = None
    with_feedback = []
    for piece in _answers(body, "="):
        weight, rest = _weight(piece, 100.0)
        raw, feedback = _split_feedback(rest)
        shown = restore(raw).strip()
        value = _numeric_value(shown)
        if weight == 100 and chosen is None:
            chosen = value
        else:
            notes.append(f"numerical answer {shown!r} with {weight:g}% credit dropped")
        if feedback:
            with_feedback.append(shown)
    if chosen is None:
        raise _Unsupported("numerical question without a full-credit answer")
    return {"type": "numeric", **chosen}, notes + _feedback_note(with_feedback)


_BUILDERS = {
    "multichoice": _multichoice,
    "match": _matching,
    "truefalse": _true_false,
    "shortanswer": _short,
    "numerical": _numeric,
}


def _default_explanation(q: dict[str, Any]) -> str:
    """A general explanation when the GIFT has no ``####`` feedback: it states the answer."""
    kind = q["type"]
    if kind in ("single", "multiple"):
        return "Expected: " + "; ".join(o["text"] for o in q["options"] if o["correct"])
    if kind == "true_false":
        return f"The statement is {'true' if q['answer'] else 'false'}."
    if kind == "short":
        return "Accepted answers: " + "; ".join(q["accepted"])
    if kind == "numeric":
        if "min" in q:
            return f"Expected a value from {gift_number(q['min'])} to {gift_number(q['max'])}."
        return f"Expected {gift_number(q['answer'])} (± {gift_number(q['tolerance'])})."
    return "Pairs: " + "; ".join(f"{p['left']} → {p['right']}" for p in q["pairs"])


def _validation_reason(exc: ValidationError) -> str:
    """pydantic's errors in one line, for a Skipped reason."""
    messages = []
    for error in exc.errors(include_url=False):
        where = ".".join(str(p) for p in error["loc"][1:]) or "question"
        messages.append(f"{where}: {str(error['msg']).removeprefix('Value error, ')}")
    return "; ".join(messages)


# --- the importer -------------------------------------------------------------------------


@dataclass
class _Importer:
    """State carried from one block to the next: current category, ids in use, findings."""

    quiz_id: str
    exported_as: str | None = None  # the quiz id in our export's header
    exported_title: str | None = None
    category: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)
    number: int = 0
    questions: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def block(self, block: _Block) -> None:
        """Handle one blank-line-separated block: comment, category or question."""
        for number, comment in block.comments:
            if self.exported_as is None and self.number == 0 and (header := _OUR_HEADER_RE.match(comment)):
                self.exported_as, self.exported_title = header.group(1), header.group(2).strip()
            if match := NOT_REPRESENTABLE_RE.match(comment):
                kind, qid, why = match.groups()
                reason = f"{kind} question {qid} is not representable in GIFT" + (f": {why}" if why else "")
                self.skipped.append(Skipped(number, reason))
        if not block.lines:
            return
        first = block.lines[0][1]
        if first.startswith("$CATEGORY:"):
            self.category = _category_tags(protect(first[len("$CATEGORY:") :]))
            block = _Block(block.lines[1:], block.comments)  # lenient: Moodle would swallow the rest
            if not block.lines:
                return
        self.number += 1
        try:
            question, notes = self.question(block)
        except _Unsupported as exc:
            self.skipped.append(Skipped(block.line, str(exc)))
            return
        self.questions.append(question)
        self.skipped.extend(Skipped(block.line, note, question["id"]) for note in notes)

    def question(self, block: _Block) -> tuple[dict[str, Any], list[str]]:
        """Build and validate one question; raise _Unsupported if the schema cannot hold it."""
        parts = _parse_parts(protect(block.text))
        kind = _kind(parts.answer)
        if kind == "essay":
            raise _Unsupported("essay question (empty answer block): nothing to grade")
        fields, notes = _BUILDERS[kind](parts.answer, parts.format)
        meta = _meta(block.comments)
        question_id, id_notes = self.question_id(meta, parts.name)
        question = {"id": question_id, **self.common(meta, parts), **fields}
        if meta.unit and kind == "numerical":
            question["unit"] = meta.unit
        question["explanation"] = question["explanation"] or _default_explanation(question)
        try:
            _QUESTION.validate_python(question)
        except ValidationError as exc:
            raise _Unsupported(f"not a valid {question['type']} question: {_validation_reason(exc)}") from None
        self.used.add(question_id)
        return question, id_notes + notes

    def common(self, meta: _Meta, parts: _Parsed) -> dict[str, Any]:
        """Fields every type has: prompt, difficulty, tags, tests, explanation, revision."""
        tags: list[str] = []
        difficulty = "medium"
        for raw in [*self.category, *meta.tags]:
            tag = _as_id(raw)
            if tag in DIFFICULTIES:
                difficulty = tag
            elif tag and tag not in tags:
                tags.append(tag)
        common: dict[str, Any] = {"prompt": parts.prompt, "difficulty": difficulty}
        if meta.revision:
            common["revision"] = meta.revision
        if tags:
            common["tags"] = tags
        tests = [t for t in dict.fromkeys(_as_id(t) for t in meta.tests) if t]
        if tests:
            common["tests"] = tests
        if meta.sources:
            common["sources"] = meta.sources
        feedback = _finish(parts.feedback, parts.format)[1] if parts.feedback is not None else ""
        common["explanation"] = feedback
        return common

    def question_id(self, meta: _Meta, name: str | None) -> tuple[str, list[str]]:
        """The ``[id:…]`` if any, else a slug of quiz id + title, else quiz id + number.

        Our own export's ids start with its quiz id; imported under another quiz id, they start
        with that one instead, so the copy can sit beside the original.
        """
        base = _as_id(meta.id) if meta.id else ""
        old = f"{self.exported_as}-"
        if self.exported_as and self.exported_as != self.quiz_id and base.startswith(old):
            base = _as_id(f"{self.quiz_id}-{base.removeprefix(old)}")[:ID_MAX].rstrip("-_")
        if not base and name and slugify(name):
            base = slugify(f"{self.quiz_id}-{name}")
        base = base or f"{self.quiz_id[: ID_MAX - 8].rstrip('-')}-q{self.number}"
        unique = _unique(base, set(self.used))
        notes = [f"id {base!r} is already used in this file: renamed {unique!r}"] if unique != base else []
        return unique, notes


def import_gift(text: str, *, quiz_id: str, title: str | None = None) -> GiftImport:
    """Read GIFT `text` into a quiz (plain data) and a list of what was skipped, with lines.

    `title` None keeps the title our own export wrote in its header, else uses `quiz_id`.
    Never raises for anything in `text`; only an invalid `quiz_id` or empty `title` (the
    caller's mistake) raises ValueError. The quiz has no questions when none could be read,
    and then does not validate.
    """
    if not ID_RE.match(quiz_id) or len(quiz_id) > ID_MAX:
        raise ValueError(f"{quiz_id!r} is not a valid quiz id")
    if title is not None and not title.strip():
        raise ValueError("the quiz title is empty")
    importer = _Importer(quiz_id)
    for block in _blocks(text):
        importer.block(block)
    title = (title or importer.exported_title or quiz_id).strip()
    quiz = {"kind": "quiz", "id": quiz_id, "title": title, "questions": importer.questions}
    return GiftImport(quiz, importer.skipped, importer.exported_as)
