"""Typed answers that must have a shape before they are graded: numbers, orders and matches.

Both front ends show ordering items numbered 1..n and matching right sides lettered a, b, c...;
the learner types `3 1 2 4` or `b a c`. Parsing is forgiving about spaces and commas and
strict about everything else: a wrong count or an unknown number is an `Invalid` with a
message for the learner, never a guess (and never confused with an answer). A numeric answer
with no number in it (`two`, `abc`), or digits in two places (`1O1`), is refused the same way: a
typo must not cost a review.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from advisor.text.answers import parse_number

LETTERS = string.ascii_lowercase


@dataclass(frozen=True)
class Invalid:
    """Typed text that is not an answer yet; `message` says what to type instead."""

    message: str


# a run of digits with the separators a number may hold inside it ('1,000', '6.9', '1_000')
_DIGIT_RUN = re.compile(r"\d(?:[\d,._]*\d)?")


def read_number(text: str, unit: str | None = None) -> str | Invalid:
    """The typed text, if it holds one number (`6.9`, `6,9`, `160 ms`, `1,000`); else what to type.

    Digits in two places (`1O1` with a letter O, `1e3`, `0x10`, `2.5-3`) are a slip or not one
    number: refused with a hint rather than graded as the first of them.
    """
    if parse_number(text) is not None and len(_DIGIT_RUN.findall(text.replace(" ", ""))) == 1:
        return text
    return Invalid(f"type one number{f' ({unit})' if unit else ''}, in digits: e.g. 42, 6.5 or 6,5")


def _tokens(text: str) -> list[str]:
    compact = text.strip().lower()
    if re.fullmatch(r"[a-z]+|\d+", compact) and len(compact) > 1 and not compact.isdigit():
        return list(compact)  # "bac" as well as "b a c"
    if compact.isdigit() and len(compact) > 1:
        return list(compact)  # "3142" as well as "3 1 4 2" (lists here are shorter than 10)
    return [t for t in re.split(r"[\s,;]+", compact) if t]


def parse_ordering(text: str, shown: tuple[str, ...]) -> list[str] | Invalid:
    """Item ids in the order typed (numbers refer to `shown`), or what is wrong with the text."""
    tokens = _tokens(text)
    if len(tokens) != len(shown) or not all(t.isdigit() for t in tokens):
        example = " ".join(str(n) for n in range(len(shown), 0, -1))
        return Invalid(f"type the {len(shown)} numbers in order, e.g. {example}")
    numbers = [int(t) for t in tokens]
    if sorted(numbers) != list(range(1, len(shown) + 1)):
        return Invalid(f"use each number from 1 to {len(shown)} once")
    return [shown[n - 1] for n in numbers]


def parse_matching(text: str, lefts: list[str], rights: tuple[str, ...]) -> dict[str, str] | Invalid:
    """{left pair id: pair id of the chosen right side}, or what is wrong with the text.

    `lefts` are pair ids in the order their left sides are numbered; `rights` are pair ids in the
    order their right sides are lettered.
    """
    tokens = _tokens(text)
    letters = LETTERS[: len(rights)]
    if len(tokens) != len(lefts) or not all(len(t) == 1 and t in letters for t in tokens):
        example = " ".join(letters[: len(lefts)])
        return Invalid(
            f"type one letter ({letters[0]}–{letters[-1]}) for each of the {len(lefts)} items, e.g. {example}"
        )
    return {left: rights[letters.index(t)] for left, t in zip(lefts, tokens, strict=True)}
