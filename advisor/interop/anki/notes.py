"""Our quiz questions as Anki notes: the front, the back and the guide, as the HTML Anki fields hold.

One note per question. The front has the prompt and what to choose from; the back the answer,
every option's explanation (or each step, pair or accepted answer) and the question's own
explanation; the guide field names the section and the checklist items the question tests.
Every text from the data is escaped (Anki fields are HTML), with control characters made visible,
so hostile text shows literally. Options, steps and right-hand sides are shown in an order that
is shuffled once per question, from its ids, so a deck exported twice reads the same; an
ordering question is never shown in its right order, nor a matching one with its pairs lined up.

`ANKI_WRITERS` holds one writer per question type (a test checks every type has one).
"""

from __future__ import annotations

import html
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from string import ascii_lowercase
from typing import Any

from advisor.loading.catalog import Catalog
from advisor.models.quiz import (
    RIGHT,
    WRONG,
    Matching,
    MultipleChoice,
    Numeric,
    Ordering,
    Quiz,
    QuizQuestion,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from advisor.text.controls import visible

_CODE = re.compile(r"`([^`\n]+)`")
# a fenced block: ``` (and a language name) on a line of its own, the code, ``` on a line of its own
_FENCE = re.compile(r"^```[^\n`]*\n(.*?)\n?^```[ \t]*$\n?", re.MULTILINE | re.DOTALL)


def text_html(text: str) -> str:
    """Data text as an Anki field's HTML: escaped, control characters visible, fenced code blocks
    as <pre><code> (their indentation is their meaning: a query plan's tree), `code` spans as
    <code>, other line breaks kept."""
    shown = visible(text)
    parts: list[str] = []
    start = 0
    for block in _FENCE.finditer(shown):
        parts.append(_prose_html(shown[start : block.start()]))
        parts.append(f"<pre><code>{html.escape(block.group(1), quote=False)}</code></pre>")
        start = block.end()
    parts.append(_prose_html(shown[start:]))
    return "".join(parts)


def _prose_html(text: str) -> str:
    escaped = html.escape(text, quote=False)
    return _CODE.sub(r"<code>\1</code>", escaped).replace("\n", "<br>")


def tag(*parts: str) -> str:
    """An Anki tag from its parts, 'advisor::section::serverless' (a tag cannot hold a space)."""
    return "::".join(re.sub(r"\s+", "_", visible(part).strip()) for part in parts)


@dataclass(frozen=True)
class AnkiNote:
    """One question as Anki shows it: three HTML fields, its tags, and the ids it is known by."""

    quiz_id: str
    question_id: str
    front: str
    back: str
    guide: str
    tags: tuple[str, ...]


def shown_order(quiz_id: str, q: QuizQuestion) -> list[str]:
    """The ids of the question's options, steps or right-hand sides in the order the card shows
    them: shuffled with the quiz and question ids as the seed; never an ordering's right order,
    nor a matching's right-hand sides each beside its own left-hand side."""
    ids = q.choice_ids()
    order = list(ids)
    random.Random(f"{quiz_id}/{q.id}").shuffle(order)
    if (q.order_is_answer or isinstance(q, Matching)) and order == ids:  # right sides beside their left sides
        order = order[1:] + order[:1]
    return order


def _letters(order: Sequence[str]) -> dict[str, str]:
    """'a)', 'b)'... by id, in the order shown (the 27th and later entries get 'aa)', 'ab)'...)."""
    return {
        entry: (ascii_lowercase[n] if n < 26 else f"a{ascii_lowercase[n - 26]}") + ")" for n, entry in enumerate(order)
    }


def _hint(text: str) -> str:
    return f'<p class="hint">{text}</p>'


def _entries(lines: list[str]) -> str:
    return '<ul class="entries">' + "".join(f"<li>{line}</li>" for line in lines) + "</ul>"


def _marked(ok: bool, line: str, why: str | None = None) -> str:
    """'✓ b) text' with its explanation beneath; the mark's class says right or wrong."""
    mark = f'<span class="{"right" if ok else "wrong"}">{RIGHT if ok else WRONG}</span>'
    return f"{mark} {line}" + (f'<br><span class="why">{text_html(why)}</span>' if why else "")


def _answer(text: str) -> str:
    return f'<p class="answer">{text}</p>'


@dataclass(frozen=True)
class AnkiWriter:
    """How one question type is written: what the front adds below the prompt, and the back."""

    front: Callable[[Any, list[str]], str]  # (question, shown order) → HTML
    back: Callable[[Any, list[str]], str]


def _single_front(q: SingleChoice, order: list[str]) -> str:
    letter, by_id = _letters(order), {o.id: o for o in q.options}
    return _hint("Choose one.") + _entries([f"{letter[i]} {text_html(by_id[i].text)}" for i in order])


def _multiple_front(q: MultipleChoice, order: list[str]) -> str:
    letter, by_id = _letters(order), {o.id: o for o in q.options}
    return _hint("Choose every right option.") + _entries([f"{letter[i]} {text_html(by_id[i].text)}" for i in order])


def _options_back(q: SingleChoice | MultipleChoice, order: list[str]) -> str:
    letter, by_id = _letters(order), {o.id: o for o in q.options}
    rights = [i for i in order if by_id[i].correct]
    right = (
        f"{letter[rights[0]]} {text_html(by_id[rights[0]].text)}"
        if len(rights) == 1
        else " ".join(letter[i] for i in rights)
    )
    lines = [_marked(by_id[i].correct, f"{letter[i]} {text_html(by_id[i].text)}", by_id[i].explanation) for i in order]
    return _answer(right) + _entries(lines)


def _true_false_back(q: TrueFalse, order: list[str]) -> str:
    lines = [_marked(q.answer, "True", q.if_true), _marked(not q.answer, "False", q.if_false)]
    return _answer("True" if q.answer else "False") + _entries(lines)


def _short_front(q: ShortAnswer, order: list[str]) -> str:
    return _hint("Answer in a word or a few.")


def _short_back(q: ShortAnswer, order: list[str]) -> str:
    return _answer("Accepted: " + ", ".join(text_html(a) for a in q.accepted))


def _numeric_front(q: Numeric, order: list[str]) -> str:
    return _hint("Give a number" + (f" (in {text_html(q.unit)})." if q.unit else "."))


def _numeric_back(q: Numeric, order: list[str]) -> str:
    unit = f" {text_html(q.unit)}" if q.unit else ""
    low, high = q.bounds()
    if q.answer is not None:
        span = f"{q.answer:g}{unit}" + (f" (± {q.tolerance:g})" if q.tolerance else "")
    else:
        span = f"{low:g}–{high:g}{unit}"
    return _answer(f"Accepted: {span}")


def _ordering_front(q: Ordering, order: list[str]) -> str:
    letter, by_id = _letters(order), {i.id: i for i in q.items}
    return _hint("Put these in order.") + _entries([f"{letter[i]} {text_html(by_id[i].text)}" for i in order])


def _ordering_back(q: Ordering, order: list[str]) -> str:
    letter = _letters(order)
    steps = "".join(f"<li>{letter[i.id]} {text_html(i.text)}</li>" for i in q.items)
    return _answer(" ".join(letter[i.id] for i in q.items)) + f'<ol class="steps">{steps}</ol>'


def _matching_front(q: Matching, order: list[str]) -> str:
    letter, by_id = _letters(order), {p.id: p for p in q.pairs}
    lefts = "".join(f"<li>{text_html(p.left)}</li>" for p in q.pairs)
    rights = [f"{letter[i]} {text_html(by_id[i].right)}" for i in order]
    return _hint("Match each item with its letter.") + f'<ol class="lefts">{lefts}</ol>' + _entries(rights)


def _matching_back(q: Matching, order: list[str]) -> str:
    letter = _letters(order)
    answer = " ".join(f"{n}{letter[p.id]}" for n, p in enumerate(q.pairs, start=1))
    lines = [
        f"{n}. {text_html(p.left)} → {letter[p.id]} {text_html(p.right)}"
        + (f'<br><span class="why">{text_html(p.explanation)}</span>' if p.explanation else "")
        for n, p in enumerate(q.pairs, start=1)
    ]
    return _answer(answer) + _entries(lines)


ANKI_WRITERS: dict[type, AnkiWriter] = {
    SingleChoice: AnkiWriter(_single_front, _options_back),
    MultipleChoice: AnkiWriter(_multiple_front, _options_back),
    TrueFalse: AnkiWriter(lambda q, order: _hint("True or false?"), _true_false_back),
    ShortAnswer: AnkiWriter(_short_front, _short_back),
    Numeric: AnkiWriter(_numeric_front, _numeric_back),
    Ordering: AnkiWriter(_ordering_front, _ordering_back),
    Matching: AnkiWriter(_matching_front, _matching_back),
}


def _guide(catalog: Catalog, quiz: Quiz, q: QuizQuestion) -> tuple[str, list[str]]:
    """The guide field (the section, and where each tested item is) and the tags that go with it."""
    tags = []
    section_title = None
    if quiz.section is not None:
        tags.append(tag("advisor", "section", quiz.section))
        section_title = next((s.title for s in catalog.sections if s.id == quiz.section), quiz.section)
    places = []
    for item in q.tests:
        place = catalog.place(item)
        tags.append(tag("advisor", place.kind if place else "tests", item))
        where = place.title if place else item
        places.append(where.removeprefix(f"{section_title} › ") if section_title else where)
    parts = [f'<p class="section">{text_html(section_title)}</p>'] if section_title else []
    if places:
        parts.append(_entries([text_html(p) for p in places]))
    return "".join(parts), tags


def quiz_notes(quiz: Quiz, catalog: Catalog) -> list[AnkiNote]:
    """One note per question of `quiz`, in the quiz's order."""
    notes = []
    for q in quiz.questions:
        writer = ANKI_WRITERS[type(q)]
        order = shown_order(quiz.id, q)
        front = f'<div class="prompt">{text_html(q.prompt)}</div>' + writer.front(q, order)
        back = writer.back(q, order) + f'<div class="explanation">{text_html(q.explanation)}</div>'
        guide, tags = _guide(catalog, quiz, q)
        notes.append(AnkiNote(quiz.id, q.id, front, back, guide, tuple(dict.fromkeys(tags))))
    return notes
