"""GIFT's syntax shared by the reader and the writer: escapes, format markers, weights, numbers."""

from __future__ import annotations

import re

FORMATS = ("moodle", "html", "plain", "markdown")  # the text-format markers, e.g. [markdown]
NOT_REPRESENTABLE = "{type} question {id} not representable in GIFT"
NOT_REPRESENTABLE_RE = re.compile(r"^//\s*(\w+) question (\S+) not representable in GIFT(?:: (.*))?")
WEIGHT_RE = re.compile(r"^%\s*(-?\d+(?:\.\d*)?)\s*%")

# Escaped control characters become private-use placeholders while a block is parsed.
_PLACEHOLDERS = {
    "\\": "\ue000", ":": "\ue001", "#": "\ue002", "=": "\ue003", "{": "\ue004", "}": "\ue005", "~": "\ue006",
    "n": "\ue007",
}  # fmt: skip
_RESTORE = {ph: ("\n" if ch == "n" else ch) for ch, ph in _PLACEHOLDERS.items()}
_ESCAPE_RE = re.compile(r"\\([\\:#={}~n])")


def protect(text: str) -> str:
    """Replace GIFT escapes by placeholders so that the control characters can be split on."""
    return _ESCAPE_RE.sub(lambda m: _PLACEHOLDERS[m.group(1)], text)


def restore(text: str) -> str:
    """Turn placeholders back into the characters they stand for."""
    return "".join(_RESTORE.get(ch, ch) for ch in text)


def split_format(text: str, default: str) -> tuple[str, str]:
    """Strip a leading ``[markdown]``/``[plain]``/``[html]``/``[moodle]`` marker: (format, text)."""
    text = text.strip()
    if text.startswith("["):
        end = text.find("]")
        name = text[1:end] if end > 0 else ""
        if name in FORMATS:
            return name, text[end + 1 :].strip()
    return default, text


def one_line(text: str) -> str:
    """Whitespace runs (newlines included) collapsed to one space, for comment lines."""
    return " ".join(text.split())


def number(value: float) -> str:
    """A float without a useless '.0': 600.0 → '600', 0.25 → '0.25'."""
    shown = repr(float(value))
    return shown[:-2] if shown.endswith(".0") else shown


def escape(text: str) -> str:
    """Escape GIFT's control characters and newlines, as Moodle's ``repchar`` does."""
    out = text.replace("\\", "\\\\")
    for ch in "#=~{}:":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\r", "").replace("\n", "\\n")
