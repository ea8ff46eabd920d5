"""Export the recommendation: pick a format and a path; an existing file needs a second enter."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, RadioButton, RadioSet, Static

from advisor.destination import why_not_writable
from advisor.reports.formats import FORMATS
from advisor.tui.screens.base import AdvisorDialog

_HINT = "↑↓ and space: format · tab: the path · enter: write · escape: cancel"


class ExportDialog(AdvisorDialog[tuple[str, Path] | None]):
    """Dismisses with (format, path) once the user confirms, or None on escape."""

    DEFAULT_CSS = """
    ExportDialog RadioSet {
        margin: 1 0;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        # priority: enter writes from anywhere in the dialog, the format list included
        Binding("enter", "submit", "Write", priority=True),
    ]

    def __init__(self, stem: str = "architecture-recommendation") -> None:
        super().__init__()
        self.stem = stem
        self.confirm_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static(Content.styled("Export the recommendation", "bold"))
            with RadioSet(id="export-format"):
                for n, fmt in enumerate(FORMATS.values()):
                    yield RadioButton(fmt.label, value=n == 0, name=fmt.name)
            yield Input(value=FORMATS["md"].default_name(self.stem), id="export-path")
            yield Static(Content.styled(_HINT, "$foreground-muted"), id="export-hint")

    def chosen_format(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else "md"

    def _hint(self, text: str, style: str = "$foreground-muted") -> None:
        self.query_one("#export-hint", Static).update(Content.styled(text, style))

    def on_radio_set_changed(self, _: RadioSet.Changed) -> None:
        path = self.query_one("#export-path", Input)
        if path.value in {f.default_name(self.stem) for f in FORMATS.values()}:  # only replace our own default
            path.value = FORMATS[self.chosen_format()].default_name(self.stem)
        self.confirm_overwrite = None

    def on_input_changed(self, _: Input.Changed) -> None:
        self.confirm_overwrite = None
        self._hint(_HINT)

    def action_submit(self) -> None:
        path = Path(self.query_one("#export-path", Input).value.strip()).expanduser()
        problem = why_not_writable(path, force=True)
        if problem:
            self._hint(f"{problem[0].upper()}{problem[1:]}.", "bold $text-error")
            return
        if path.exists() and self.confirm_overwrite != path:
            self.confirm_overwrite = path
            self._hint(f"{path} exists. Press enter again to overwrite it.", "bold $text-warning")
            return
        self.dismiss((self.chosen_format(), path))

    def action_cancel(self) -> None:
        self.dismiss(None)
