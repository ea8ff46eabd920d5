"""What the file dialogs offer again within one run: the last export's folder and format, the
last answers file loaded or saved."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class RecentFiles:
    """Kept by the app for as long as it runs (not across restarts: the store has no settings)."""

    export_folder: Path | None = None
    export_format: str = "md"
    answers_file: Path | None = None
