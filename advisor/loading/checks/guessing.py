"""Quizzes that can be passed by guessing: warnings, not errors (a user's pack still loads).

A test-wise learner looks for the longest option (or options), for the usual number of right answers in a
"select all" question, and for an answer spelt out in another question of the same quiz (its
prompt, options, or the explanation shown after it). The shipped quizzes are held to these
checks by the tests; `advisor validate` prints them as warnings for anyone's pack.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from advisor.loading.files import LoadedFile
from advisor.loading.problems import Problem
from advisor.models.quiz import MultipleChoice, Numeric, Quiz, QuizQuestion, ShortAnswer, SingleChoice

LONGEST_RIGHT_MAX = 0.35  # the right options may be the longest in at most this share of choice questions
MIN_SINGLES = 4  # below this many choice questions a share says nothing
MIN_MULTIPLES = 3


def visible_text(q: QuizQuestion) -> Iterator[str]:
    """Everything a learner reads of `q`: prompt, options, items, pairs and every explanation."""
    yield q.prompt
    yield q.explanation
    for option in getattr(q, "options", []):
        yield option.text
        yield option.explanation
    for item in getattr(q, "items", []):
        yield item.text
    for pair in getattr(q, "pairs", []):
        yield pair.left
        yield pair.right
        if pair.explanation:
            yield pair.explanation
    for field in ("if_true", "if_false"):
        if text := getattr(q, field, None):
            yield text


def answers_of(q: QuizQuestion) -> list[str]:
    """The answers a learner types for `q` (short answers, a numeric answer), as they would be written."""
    if isinstance(q, ShortAnswer):
        return list(q.accepted)
    if isinstance(q, Numeric) and q.answer is not None:
        return [f"{q.answer:g}"]
    return []


def _mention_pattern(answer: str) -> re.Pattern[str]:
    """Finds `answer` written out as a word (not inside a longer word, number or version)."""
    return re.compile(rf"(?<![\w.-]){re.escape(answer)}(?![\w-]|\.\d)", re.IGNORECASE)


def quiz_warnings(f: LoadedFile) -> list[Problem]:
    """Everything in one quiz file that lets a guesser do better than chance."""
    quiz = f.model
    if not isinstance(quiz, Quiz):
        return []
    problems: list[Problem] = []
    choices = [q for q in quiz.questions if isinstance(q, SingleChoice | MultipleChoice)]
    if len(choices) >= MIN_SINGLES:
        longest = [q.id for q in choices if _right_are_longest(q)]
        if len(longest) / len(choices) > LONGEST_RIGHT_MAX:
            problems.append(
                f.source.problem(
                    ("questions",),
                    f"the right options are the longest in {len(longest)} of {len(choices)} choice questions "
                    f"(more than {LONGEST_RIGHT_MAX:.0%}): {', '.join(longest)}",
                )
            )
    multiples = [q for q in quiz.questions if isinstance(q, MultipleChoice)]
    if len(multiples) >= MIN_MULTIPLES:
        counts = Counter(sum(o.correct for o in q.options) for q in multiples)
        right, uses = counts.most_common(1)[0]
        if uses > len(multiples) / 2:
            problems.append(
                f.source.problem(
                    ("questions",),
                    f"{uses} of {len(multiples)} multiple-choice questions have exactly {right} right options; "
                    "vary the number so it cannot be counted on",
                )
            )
    # one string per question (a separator no answer can span), searched once per answer
    texts = {id(q): "\n\n".join(visible_text(q)) for q in quiz.questions}
    for i, q in enumerate(quiz.questions):
        given_away = next(
            (
                (answer, other)
                for answer in answers_of(q)
                for pattern in (_mention_pattern(answer),)
                for other in quiz.questions
                if other is not q and pattern.search(texts[id(other)])
            ),
            None,
        )
        if given_away:
            answer, other = given_away
            problems.append(
                f.source.problem(
                    ("questions", i),
                    f"the answer {answer!r} of {q.id!r} is written out in {other.id!r} of the same quiz",
                )
            )
    return problems


def _right_are_longest(q: SingleChoice | MultipleChoice) -> bool:
    """Whether every right option is longer than every wrong one (a test-wise guess would find them)."""
    right = [len(o.text) for o in q.options if o.correct]
    wrong = [len(o.text) for o in q.options if not o.correct]
    return min(right) > max(wrong)


def guessing_warnings(files: Sequence[LoadedFile]) -> list[Problem]:
    """The guessing warnings of every quiz file in `files`."""
    return [p for f in files for p in quiz_warnings(f)]
