"""Export the recommendation: pick a format and a path; an existing file needs a second enter."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, RadioButton, RadioSet, Static

from advisor.cli.output import EXTENSIONS, FORMATS

_HINT = "↑↓ and space: format · tab: the path · enter: write · escape: cancel"
_LABELS = {"md": "Markdown", "html": "HTML (one self-contained file)", "json": "JSON", "adr": "Architecture Decision Record (MADR)"}


class ExportDialog(ModalScreen[tuple[str, Path] | None]):
    """Dismisses with (format, path) once the user confirms, or None on escape."""

    BINDINGS = [
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
            yield Static(Text("Export the recommendation", style="bold"))
            with RadioSet(id="export-format"):
                for n, fmt in enumerate(FORMATS):
                    yield RadioButton(_LABELS[fmt], value=n == 0, name=fmt)
            yield Input(value=self.default_path("md"), id="export-path")
            yield Static(Text(_HINT, style="dim"), id="export-hint")

    def default_path(self, fmt: str) -> str:
        suffix = "-adr" if fmt == "adr" else ""
        return f"{self.stem}{suffix}.{EXTENSIONS[fmt]}"

    def chosen_format(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else "md"

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        path = self.query_one("#export-path", Input)
        if Path(path.value).stem.removesuffix("-adr") == self.stem:  # only replace our own default
            path.value = self.default_path(self.chosen_format())
        self.confirm_overwrite = None

    def on_input_changed(self, _: Input.Changed) -> None:
        self.confirm_overwrite = None
        self.query_one("#export-hint", Static).update(Text(_HINT, style="dim"))

    def action_submit(self) -> None:
        value = self.query_one("#export-path", Input).value
        path = Path(value.strip()).expanduser()
        hint = self.query_one("#export-hint", Static)
        if not value.strip():
            hint.update(Text("Give a file name.", style="bold red"))
            return
        if path.is_dir():
            hint.update(Text(f"{path} is a folder; add a file name.", style="bold red"))
            return
        if not path.parent.is_dir():
            hint.update(Text(f"The folder {path.parent} does not exist.", style="bold red"))
            return
        if path.exists() and self.confirm_overwrite != path:
            self.confirm_overwrite = path
            hint.update(Text(f"{path} exists. Press enter again to overwrite it.", style="bold yellow"))
            return
        self.dismiss((self.chosen_format(), path))

    def action_cancel(self) -> None:
        self.dismiss(None)
