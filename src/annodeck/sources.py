"""Finding and reading the user's files. This is the only module that touches the vault, and it
only ever reads it."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .models import Location, Problem, Severity, SourceDocument
from .readers import ReadResult, decode, read_text, recognises

#: files a folder search reads; an explicitly named file is read whatever its name
NOTE_SUFFIXES = (".md", ".markdown")


class SourceError(Exception):
    """A path the user named cannot be used at all (it does not exist)."""


@dataclass(frozen=True)
class Found:
    path: Path
    #: how the file is named in messages: as the user named it, or below the folder they named
    display: str
    #: named by the user (rather than found in a folder), so silence about it would be wrong
    explicit: bool


def discover(paths: Iterable[str | os.PathLike]) -> list[Found]:
    """The files to read, in a stable order, each once. Folders are searched recursively,
    skipping hidden folders (.obsidian, .git, .trash) and never following links to folders."""
    found: list[Found] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given).expanduser()
        if not path.exists():
            raise SourceError(f"{given}: no such file or folder")
        candidates = [Found(path, str(given), True)] if path.is_file() else _walk(path, str(given))
        for item in candidates:
            key = item.path.resolve()
            if key not in seen:
                seen.add(key)
                found.append(item)
    return found


def _walk(folder: Path, display: str) -> Iterator[Found]:
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel = os.path.relpath(root, folder)
        for name in sorted(files):
            if name.lower().endswith(NOTE_SUFFIXES):
                shown = os.path.join(display, name) if rel == "." else os.path.join(display, rel, name)
                yield Found(Path(root) / name, shown, False)


def read_found(item: Found, vault: Path | None = None) -> tuple[ReadResult | None, list[Problem]]:
    """Read one file. A folder's files that hold no annotations are passed over quietly.
    `vault` is the Obsidian vault's folder when the deck says so; otherwise it is looked for."""
    try:
        data = item.path.read_bytes()
    except OSError as error:
        return None, [Problem(location=Location(file=item.display), what=f"cannot read: {error.strerror or error}")]
    text, problems = decode(data, item.display)
    if not recognises(text):
        if item.explicit:
            problems.append(Problem(location=Location(file=item.display),
                                    what="no annotation blocks found (is this an Annotator note?)",
                                    severity=Severity.WARNING))
        return None, problems if item.explicit else []
    result = read_text(text, _origin(item, vault))
    return result, problems + result.problems


def _origin(item: Found, vault: Path | None) -> SourceDocument:
    note = item.path.resolve()
    if vault is None or not note.is_relative_to(vault.resolve()):
        vault = vault_root(note.parent)
    else:
        vault = vault.resolve()
    if vault is None:
        return SourceDocument(path=item.display)
    inside = note.relative_to(vault).as_posix()
    return SourceDocument(path=item.display, vault=vault.name, vault_file=inside)


@lru_cache(maxsize=1024)
def vault_root(folder: Path) -> Path | None:
    """The nearest folder at or above `folder` that holds `.obsidian/`: the Obsidian vault."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".obsidian").is_dir():
            return candidate
    return None
