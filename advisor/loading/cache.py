"""A validated catalog kept between runs, so an unchanged guide is not parsed again.

The cache holds the data of every file as JSON (never pickle: a tampered cache can hold only
data), keyed by a hash of every file's bytes and of the advisor, pydantic and Python versions,
and carries a hash of its own payload. On load the key and the payload hash must match and every
file is validated against its model again (cheap: the YAML parse is what costs); any mismatch,
truncation or corruption silently falls back to a full load, which then rewrites the cache.
Cross-checks are not repeated: the key proves these exact bytes passed them.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advisor import __version__

if TYPE_CHECKING:  # the digest is read before pydantic is imported, to draw Home at once
    from advisor.loading.files import LoadedFile

FORMAT = "advisor-catalog-cache"
VERSION = 1


@dataclass(frozen=True)
class Digest:
    """What Home shows before the catalog is loaded: the guide's title and summary, and the
    checklist item ids of every section (for the progress at a glance)."""

    title: str
    summary: str
    checklist: tuple[tuple[str, ...], ...]  # per section, in guide order

    @property
    def item_ids(self) -> list[str]:
        return [item for section in self.checklist for item in section]


def cache_file() -> Path:
    """Where the cache lives: ``$ADVISOR_CACHE`` or the platform's user cache folder."""
    override = os.environ.get("ADVISOR_CACHE")
    if override:
        return Path(override).expanduser() / "catalog.json"
    from platformdirs import user_cache_path

    return user_cache_path("advisor", appauthor=False) / "catalog.json"


def _pydantic_version() -> str:
    """pydantic's version without importing pydantic (which costs a noticeable part of start-up)."""
    spec = find_spec("pydantic")
    if spec is None or spec.origin is None:
        return "none"
    text = (Path(spec.origin).parent / "version.py").read_text(encoding="utf-8")
    found = re.search(r"^VERSION = ['\"]([^'\"]+)['\"]", text, re.MULTILINE)
    return found.group(1) if found else hashlib.sha256(text.encode()).hexdigest()


def cache_key(paths: Sequence[Path]) -> str:
    """A hash of what a load depends on: every file's path and bytes, and the versions that read them."""
    digest = hashlib.sha256()
    for part in (FORMAT, str(VERSION), __version__, _pydantic_version(), platform.python_version()):
        digest.update(part.encode() + b"\0")
    for path in paths:
        digest.update(str(path.resolve()).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _header(key: str) -> tuple[dict[str, Any], bytes] | None:
    raw = cache_file().read_bytes()
    header_line, _, payload = raw.partition(b"\n")
    header = json.loads(header_line)
    if (
        not isinstance(header, dict)
        or header.get("format") != FORMAT
        or header.get("version") != VERSION
        or header.get("key") != key
    ):
        return None
    return header, payload


def read_digest(key: str) -> Digest | None:
    """Home's digest from a cache made for exactly `key` (the header line only: a millisecond)."""
    try:
        found = _header(key)
        if found is None:
            return None
        home = found[0]["home"]
        checklist = tuple(tuple(str(i) for i in section) for section in home["checklist"])
        return Digest(str(home["title"]), str(home["summary"]), checklist)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def read(paths: Sequence[Path], key: str) -> list[LoadedFile] | None:
    """The files of a cache made for exactly `key`, validated again; None when there is no such cache."""
    try:
        found = _header(key)
        if found is None:
            return None
        header, payload = found
        if header.get("sha256") != hashlib.sha256(payload).hexdigest():
            return None
        entries = json.loads(payload)
        if [entry["path"] for entry in entries] != [str(p.resolve()) for p in paths]:
            return None
        return [_loaded(Path(entry["path"]), entry["kind"], entry["data"]) for entry in entries]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # damaged, tampered, old: not used
        return None


def _loaded(path: Path, kind: str, data: Any) -> LoadedFile:
    from advisor.loading.files import LoadedFile
    from advisor.loading.yaml_source import Source, display_name
    from advisor.models.kinds import KINDS

    model = KINDS[kind].model.model_validate(data)
    return LoadedFile(Source(path, display_name(path), None), model)


def write(files: Sequence[LoadedFile], key: str) -> None:
    """Keep `files` (a load that passed every check) for the next run; quietly skipped if it cannot."""
    entries = [
        {"path": str(f.source.path.resolve()), "kind": f.kind, "data": f.model.model_dump(mode="json", by_alias=True)}
        for f in files
    ]
    from advisor.models.content import Guide, Section

    payload = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode()
    guide = next(f.model for f in files if isinstance(f.model, Guide))
    sections = sorted((f.model for f in files if isinstance(f.model, Section)), key=lambda s: (s.order, s.id))
    home = {
        "title": guide.title,
        "summary": guide.summary,
        "checklist": [[item.id for item in section.checklist] for section in sections],
    }
    header = {
        "format": FORMAT,
        "version": VERSION,
        "key": key,
        "sha256": hashlib.sha256(payload).hexdigest(),
        "home": home,
    }
    target = cache_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=target.parent, prefix=".catalog-", delete=False) as tmp:
            tmp.write(json.dumps(header).encode() + b"\n" + payload)
        os.replace(tmp.name, target)  # readers see the old cache or the new one, never half of one
    except OSError:
        return
