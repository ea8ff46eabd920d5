"""Numbers as the reports and screens write them."""

from __future__ import annotations


def signed(value: float) -> str:
    """A score with its sign and no needless decimals: '+4', '-3', '+0', '+4.5'."""
    return f"{value:+.1f}".removesuffix(".0") if value != int(value) else f"{int(value):+d}"
