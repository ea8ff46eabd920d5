"""What the file dialogs offer again: the last export's folder and format (kept in the store's
settings, so across restarts too), and the last answers file loaded or saved in this run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

EXPORT_FOLDER_SETTING = "export_folder"
EXPORT_FORMAT_SETTING = "export_format"


class Settings(Protocol):
    """The part of the progress store that keeps preferences."""

    def setting(self, name: str) -> str | None: ...
    def set_setting(self, name: str, value: str) -> None: ...


@dataclass
class RecentFiles:
    """The app's memory of where files went; the export's half outlives the run."""

    export_folder: Path | None = None
    export_format: str = "md"
    answers_file: Path | None = None

    @classmethod
    def kept_in(cls, settings: Settings, formats: set[str]) -> RecentFiles:
        """What the store remembers of the last export; a format no longer offered is ignored."""
        folder = settings.setting(EXPORT_FOLDER_SETTING)
        fmt = settings.setting(EXPORT_FORMAT_SETTING)
        return cls(
            export_folder=Path(folder) if folder else None,
            export_format=fmt if fmt in formats else "md",
        )

    def exported(self, folder: Path, fmt: str) -> list[tuple[str, str]]:
        """Note an export; returns the settings to keep (written by the caller off the event loop)."""
        self.export_folder = folder
        self.export_format = fmt
        return [(EXPORT_FOLDER_SETTING, str(folder.resolve())), (EXPORT_FORMAT_SETTING, fmt)]
