"""Export the recommendation: pick a format and a path; an existing file needs a second enter.

The dialog offers a name that says what the file is (`advisor-recommendation-2026-12-02.md`),
in the folder and format of the last export of this run; it shows where the file will go, and a
name whose extension does not fit the format is corrected (after asking) rather than written.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, RadioButton, RadioSet, Static

from advisor.destination import why_not_writable
from advisor.reports.formats import FORMATS, ReportFormat
from advisor.tui.screens.base import AdvisorDialog

_HINT = "↑↓ and space: format · tab: the path · enter: write · escape: cancel"
_REPORT_SUFFIXES = {s for f in FORMATS.values() for s in (f.suffix, *f.also)}


def fitted(path: Path, fmt: ReportFormat) -> Path:
    """`path` with the extension of `fmt`: a report extension is replaced, anything else kept."""
    if path.suffix.lower() in _REPORT_SUFFIXES:
        return path.with_suffix(fmt.suffix)
    return path.with_name(path.name + fmt.suffix)


class FormatButton(RadioButton):
    """A format to choose: the chosen one shows a dot, the others an empty box (not a dim dot that
    only its colour told apart, which some terminals' colours all but hide)."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "●" if self.value else " "
        return super()._button


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

    def __init__(self, stem: str = "advisor-recommendation") -> None:
        super().__init__()
        self.stem = stem
        self.confirm_overwrite: Path | None = None
        self.offered_fix: Path | None = None  # the corrected name the user was offered
        self.format_name = "md"

    def _default(self, fmt: str) -> str:
        folder = self.advisor.recent.export_folder or Path()
        return str(folder / FORMATS[fmt].default_name(self.stem))

    def compose(self) -> ComposeResult:
        self.format_name = self.advisor.recent.export_format
        with Vertical(id="export-dialog"):
            yield Static(Content.styled("Export the recommendation", "bold"))
            with RadioSet(id="export-format"):
                for fmt in FORMATS.values():
                    yield FormatButton(fmt.label, value=fmt.name == self.format_name, name=fmt.name)
            yield Input(value=self._default(self.format_name), id="export-path")
            yield Static(id="export-where")
            yield Static(Content.styled(_HINT, "$foreground-muted"), id="export-hint")

    def on_mount(self) -> None:
        self._show_where()

    def chosen_format(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else "md"

    def _path(self) -> Path:
        return Path(self.query_one("#export-path", Input).value.strip()).expanduser()

    def _hint(self, text: str, style: str = "$foreground-muted") -> None:
        self.query_one("#export-hint", Static).update(Content.styled(text, style))

    def _show_where(self) -> None:
        """The full path the file will have: a bare name goes to the folder advisor started in."""
        where = os.path.abspath(self._path()) if str(self._path()).strip(". ") else ""
        self.query_one("#export-where", Static).update(Content.styled(f"→ {where}", "$foreground-muted"))

    def on_radio_set_changed(self, _: RadioSet.Changed) -> None:
        old, new = FORMATS[self.format_name], FORMATS[self.chosen_format()]
        self.format_name = new.name
        path = self.query_one("#export-path", Input)
        if path.value in {self._default(f) for f in FORMATS}:  # our own default follows the format
            path.value = self._default(new.name)
        elif path.value.strip() and old.fits(Path(path.value)) and not new.fits(Path(path.value)):
            path.value = str(fitted(Path(path.value), new))  # so does a typed name's extension
        self.confirm_overwrite = self.offered_fix = None

    def on_input_changed(self, _: Input.Changed) -> None:
        self.confirm_overwrite = self.offered_fix = None
        self._hint(_HINT)
        self._show_where()

    def action_submit(self) -> None:
        fmt = FORMATS[self.chosen_format()]
        path = self._path()
        problem = why_not_writable(path, force=True)
        if problem:
            self._hint(f"{problem[0].upper()}{problem[1:]}.", "bold $text-error")
            return
        if not fmt.fits(path):
            fix = fitted(path, fmt)
            if self.offered_fix != fix:
                self.offered_fix = fix
                self._hint(
                    f"{path.name} does not end in {fmt.suffix}, as {fmt.label.split(' (')[0]} files do. "
                    f"Press enter to write {fix.name} instead, or change the name or the format.",
                    "bold $text-warning",
                )
                return
            path = fix
            with self.prevent(Input.Changed):
                self.query_one("#export-path", Input).value = str(fix)
            self._show_where()
            if problem := why_not_writable(path, force=True):
                self._hint(f"{problem[0].upper()}{problem[1:]}.", "bold $text-error")
                return
        if path.exists() and self.confirm_overwrite != path:
            self.confirm_overwrite = path
            self._hint(f"{path} exists. Press enter again to overwrite it.", "bold $text-warning")
            return
        kept = self.advisor.recent.exported(path.parent, fmt.name)
        store = self.advisor.store

        def keep() -> None:
            for name, value in kept:
                store.set_setting(name, value)

        self.advisor.writer.submit(keep)
        self.dismiss((fmt.name, path))

    def action_cancel(self) -> None:
        self.dismiss(None)
