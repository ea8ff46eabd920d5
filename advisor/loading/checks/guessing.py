"""Quizzes that can be passed by guessing: warnings, not errors (a user's pack still loads).

A test-wise learner looks for the longest option (or options), for any length rank the key keeps
to (always the second-longest, say), for the usual number of right answers in a "select all"
question, and for an answer spelt out in another question of the same quiz (its prompt, options,
or the explanation shown after it). The shipped quizzes are held to these checks by the tests;
`advisor validate` prints them as warnings for anyone's pack.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from advisor.loading.files import LoadedFile
from advisor.loading.problems import Problem
from advisor.models.quiz import MultipleChoice, Numeric, Quiz, QuizQuestion, ShortAnswer, SingleChoice

LONGEST_RIGHT_MAX = 0.35  # the right options may be the longest in at most this share of choice questions
MIN_SINGLES = 4  # below this many choice questions a share says nothing
MIN_MULTIPLES = 3
# Where the key of a single-choice question ranks by length. By chance each rank of a four-option
# question holds it a quarter of the time; a rank that holds it far more often is a cue, and so is
# a longest option that is almost never right ("never pick the longest").
RANKS = ("longest", "second-longest", "in between", "shortest")
RANK_MAX_IN_QUIZ = 0.5  # within one quiz: no rank holds the key in more than half of its single-choice questions
RANK_MAX = 0.35  # across the quizzes checked together (a dozen questions or more)
LONGEST_MIN = 0.15  # ... and the key is the longest in at least this share (aim for about a quarter)
MIN_RANKED = 12


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
    """The answers a learner types for `q` (short answers, a numeric answer or the bounds of its range)."""
    if isinstance(q, ShortAnswer):
        return list(q.accepted)
    if isinstance(q, Numeric):
        values = [q.answer] if q.answer is not None else [q.min, q.max]
        return list(dict.fromkeys(f"{v:g}" for v in values if v is not None))
    return []


def _mention_pattern(answer: str) -> re.Pattern[str]:
    """Finds `answer` written out as a word or number, also joined by a hyphen (`layer-4` gives away 4).

    Not inside a longer word or number, nor as a part of a decimal or version (`1.24` holds no 24).
    """
    return re.compile(rf"(?<![\w.]){re.escape(answer)}(?!\w|\.\d)", re.IGNORECASE)


def key_rank(q: SingleChoice) -> dict[str, float]:
    """Where the right option of `q` ranks by length, as shares of `RANKS` that add up to 1.

    An option tied in length with others shares their places evenly (right and wrong tied for
    longest count half longest, half second-longest): a guesser cannot tell them apart either.
    """
    lengths = sorted((len(o.text) for o in q.options), reverse=True)
    key = len(next(o.text for o in q.options if o.correct))
    first, tied = lengths.index(key), lengths.count(key)
    shares: dict[str, float] = {}
    for place in range(first, first + tied):
        rank = _rank_name(place, len(lengths))
        shares[rank] = shares.get(rank, 0.0) + 1 / tied
    return shares


def _rank_name(place: int, options: int) -> str:
    """The rank of the option at `place` (0 = longest) among `options` options, as in `RANKS`."""
    if place == 0:
        return RANKS[0]
    if place == options - 1:
        return RANKS[3]
    return RANKS[1] if place == 1 else RANKS[2]


def rank_counts(questions: Iterable[SingleChoice]) -> dict[str, float]:
    """How many of `questions` have their key at each length rank, in `RANKS` order (ties shared, so fractions)."""
    counts = dict.fromkeys(RANKS, 0.0)
    for q in questions:
        for rank, share in key_rank(q).items():
            counts[rank] += share
    return counts


def _count(n: float) -> str:
    return f"{round(n, 1):g}"


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
    singles = [q for q in quiz.questions if isinstance(q, SingleChoice)]
    if len(singles) >= MIN_SINGLES:
        # the longest has its own, stricter limit above
        rank, held = max(list(rank_counts(singles).items())[1:], key=lambda item: item[1])
        if held > len(singles) * RANK_MAX_IN_QUIZ:
            problems.append(
                f.source.problem(
                    ("questions",),
                    f"the right option is the {rank} in {_count(held)} of {len(singles)} single-choice questions "
                    f"(more than {RANK_MAX_IN_QUIZ:.0%}); vary which option is right by length",
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


def rank_warnings(files: Sequence[LoadedFile]) -> list[Problem]:
    """Length ranks that give the key away across all the quizzes in `files` (see `RANK_MAX`, `LONGEST_MIN`)."""
    quizzes = [(f, f.model) for f in files if isinstance(f.model, Quiz)]
    singles = [q for _, quiz in quizzes for q in quiz.questions if isinstance(q, SingleChoice)]
    if len(singles) < MIN_RANKED:
        return []
    counts = rank_counts(singles)
    total = len(singles)
    messages = [
        f"the right option is the {rank} in {_count(held)} of {total} single-choice questions "
        f"(more than {RANK_MAX:.0%}); vary which option is right by length"
        for rank, held in counts.items()
        if held > total * RANK_MAX
    ]
    if counts[RANKS[0]] < total * LONGEST_MIN:
        messages.append(
            f"the right option is the longest in only {_count(counts[RANKS[0]])} of {total} single-choice questions "
            f"(less than {LONGEST_MIN:.0%}), so 'never pick the longest' pays; aim for about a quarter"
        )
    if len(quizzes) == 1:
        return [quizzes[0][0].source.problem(("questions",), message) for message in messages]
    # several quizzes: the problem belongs to them together, named by the folder that holds them
    return [
        Problem(_folder_of(f for f, _ in quizzes), 0, 0, "", f"across {len(quizzes)} quizzes, {message}")
        for message in messages
    ]


def _folder_of(files: Iterable[LoadedFile]) -> str:
    """The folder that holds all of `files`, as the user sees their names ('.' when they share none)."""
    try:
        return os.path.commonpath([os.path.dirname(f.source.display) for f in files]) or "."
    except ValueError:  # relative and absolute names mixed
        return "."


def guessing_warnings(files: Sequence[LoadedFile]) -> list[Problem]:
    """The guessing warnings of every quiz file in `files`, then those of all of them together."""
    return [p for f in files for p in quiz_warnings(f)] + rank_warnings(files)
