"""The validated-catalog cache: used when nothing changed, never trusted when anything did.

It is JSON (a tampered cache can hold data, never code), keyed by the files' bytes and the
versions that read them, and checked by a hash of its payload; every failure falls back to a
full load without a word to the user, and the full load writes it again.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from advisor.loading import cache
from advisor.loading.catalog import load_catalog
from advisor.loading.paths import shipped_folders, yaml_files
from tests.conftest import ROOT

FOLDERS = [ROOT / "content", ROOT / "rules", ROOT / "quizzes"]


def paths(folders: list[Path] = FOLDERS) -> list[Path]:
    return [p for folder in folders for p in yaml_files(folder)]


def test_a_second_load_comes_from_the_cache_and_equals_the_first(monkeypatch) -> None:
    first = load_catalog(FOLDERS, cache=True)
    assert cache.cache_file().is_file()
    calls = []
    monkeypatch.setattr("advisor.loading.catalog.load_files", lambda p: calls.append(p) or ([], []))
    second = load_catalog(FOLDERS, cache=True)
    assert calls == []  # not parsed again
    assert [f.model for f in second.files] == [f.model for f in first.files]
    assert second.content_version == first.content_version


def tamper(how: str) -> None:
    target = cache.cache_file()
    raw = target.read_bytes()
    header, _, payload = raw.partition(b"\n")
    if how == "truncated":
        target.write_bytes(raw[: len(raw) // 2])
    elif how == "payload-edited":
        target.write_bytes(header + b"\n" + payload.replace(b"Serverless", b"Serverfull", 1))
    elif how == "wrong-key":
        data = json.loads(header)
        data["key"] = "0" * 64
        target.write_bytes(json.dumps(data).encode() + b"\n" + payload)
    elif how == "garbage":
        target.write_bytes(b"\x00\xff not json at all")
    elif how == "empty":
        target.write_bytes(b"")
    elif how == "pickle":
        import pickle

        target.write_bytes(pickle.dumps({"format": cache.FORMAT}))
    elif how == "schema-broken":  # a consistent hash over data the models refuse
        bad = payload.replace(b'"kind":"guide"', b'"kind":"nonsense"', 1)
        data = json.loads(header)
        data["sha256"] = __import__("hashlib").sha256(bad).hexdigest()
        target.write_bytes(json.dumps(data).encode() + b"\n" + bad)


@pytest.mark.parametrize(
    "how", ["truncated", "payload-edited", "wrong-key", "garbage", "empty", "pickle", "schema-broken"]
)
def test_a_damaged_cache_is_ignored_quietly_and_rewritten(how: str, capsys) -> None:
    good = load_catalog(FOLDERS, cache=True)
    tamper(how)
    assert cache.read(paths(), cache.cache_key(paths())) is None
    again = load_catalog(FOLDERS, cache=True)
    assert [f.model for f in again.files] == [f.model for f in good.files]
    assert capsys.readouterr() == ("", "")  # not a word
    assert cache.read(paths(), cache.cache_key(paths())) is not None  # the full load wrote it anew


def test_any_changed_byte_changes_the_key(tmp_path: Path) -> None:
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    folders = [copy, ROOT / "rules", ROOT / "quizzes"]
    before = cache.cache_key(paths(folders))
    guide = copy / "guide.yaml"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cache.cache_key(paths(folders)) != before


def test_the_digest_is_what_home_needs(catalog) -> None:
    load_catalog(FOLDERS, cache=True)
    digest = cache.read_digest(cache.cache_key(paths()))
    assert digest is not None and digest.title == catalog.guide.title
    assert digest.item_ids == [item.id for _, item in catalog.checklist()]
    assert cache.read_digest("not the key") is None


def test_an_unwritable_cache_folder_is_not_an_error(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("ADVISOR_CACHE", str(blocker / "below-a-file"))
    assert load_catalog(FOLDERS, cache=True).sections  # loaded; the cache simply was not kept


def test_the_shipped_folders_are_what_the_cli_caches() -> None:
    assert shipped_folders() == FOLDERS
