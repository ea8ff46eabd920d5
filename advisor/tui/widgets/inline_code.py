"""Text with `code spans` as Content: the code in the code style, without its backticks.

The one place plain strings from the data (quiz options and feedback, reasons, checklist items)
get the inline code that guide Markdown shows, in the same style (`markdown.code`): bold, in the
theme's code colour.
"""

from __future__ import annotations

from textual.content import Content

from advisor.text.markdown import code_spans

CODE_STYLE = "bold $code-foreground"


def inline_code(text: str, style: str = "") -> Content:
    """`text` (never read as markup) with its `code` spans drawn as code; `style` for the rest."""
    code = f"{style} {CODE_STYLE}".strip()
    return Content.assemble(*((piece, code if is_code else style) for piece, is_code in code_spans(text)))
