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
from .errors import UserError

#: files a folder search reads; an explicitly named file is read whatever its name
NOTE_SUFFIXES = (".md", ".markdown", ".json")


class SourceError(UserError):
    """A path the user named cannot be used at all (it does not exist)."""


@dataclass(frozen=True)
class Found:
    path: Path
    #: how the file is named in messages: as the user named it, or below the folder they named
    display: str
    #: named by the user (rather than found in a folder), so silence about it would be wrong
    explicit: bool
    #: the file's path with links resolved, as `discover` found it (None: not resolved yet)
    real: Path | None = None

    def resolved(self) -> Path:
        return self.real or self.path.resolve()


def discover(paths: Iterable[str | os.PathLike], problems: list[Problem] | None = None) -> list[Found]:
    """The files to read, in a stable order, each once. Folders are searched recursively,
    skipping hidden folders (.obsidian, .git, .trash); a linked folder is followed once, and a
    link that leads back into a folder already searched (a loop) is reported in `problems`."""
    found: list[Found] = []
    seen: set[Path] = set()
    problems = problems if problems is not None else []
    for given in paths:
        path = Path(given).expanduser()
        if not path.exists():
            if path.is_symlink():
                problems.append(Problem(location=Location(file=str(given)), what="a link to nothing; not read"))
                continue
            raise SourceError(f"{given}: no such file or folder")
        candidates = [Found(path, str(given), True)] if path.is_file() else _walk(path, str(given), problems)
        for item in candidates:
            key = item.path.resolve()
            if key not in seen:
                seen.add(key)
                found.append(Found(item.path, item.display, item.explicit, key))
    return found


def _walk(folder: Path, display: str, problems: list[Problem]) -> Iterator[Found]:
    visited = {folder.resolve()}
    for root, dirs, files in os.walk(folder, followlinks=True):
        kept = []
        for name in sorted(d for d in dirs if not d.startswith(".")):
            path = Path(root) / name
            real = path.resolve()
            if real in visited:
                # another way into a folder already searched; a loop if it leads to an ancestor
                if path.is_symlink() and Path(root).resolve().is_relative_to(real):
                    problems.append(Problem(location=Location(file=_shown(display, folder, path)),
                                            what=f"a link back to {real} (a loop); not followed",
                                            severity=Severity.WARNING))
                continue
            visited.add(real)
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            if name.lower().endswith(NOTE_SUFFIXES):
                yield Found(Path(root) / name, _shown(display, folder, Path(root) / name), False)


def _shown(display: str, folder: Path, path: Path) -> str:
    return os.path.join(display, os.path.relpath(path, folder))


#: larger files are not read: an Annotator note is rarely over 1 MB, and a file of this size is
#: more likely an export or a log that a folder search came across
MAX_FILE_BYTES = 64 * 1024 * 1024


def read_bytes(item: Found) -> tuple[bytes | None, list[Problem]]:
    """A file's bytes, or why they cannot be read."""
    where = Location(file=item.display)
    try:
        size = item.path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem(location=where, what=f"{size / 2**20:.0f} MB is too large for a note "
                                  f"(the limit is {MAX_FILE_BYTES // 2**20} MB); not read")]
        return item.path.read_bytes(), []
    except OSError as error:
        return None, [Problem(location=where, what=f"cannot read: {error.strerror or error}")]


def read_found(item: Found, vault: Path | None = None, data: bytes | None = None) -> tuple[ReadResult | None, list[Problem]]:
    """Read one file (`data`: its bytes, when the caller has read them). A folder's files that
    hold no annotations are passed over quietly, unless they look damaged (binary data where a
    note should be)."""
    where = Location(file=item.display)
    if data is None:
        data, problems = read_bytes(item)
        if data is None:
            return None, problems
    text, problems = decode(data, item.display)
    nul = data.find(b"\0")
    if not recognises(text):
        if nul >= 0:  # binary data where a note should be: worth a word even in a folder search
            return None, [Problem(location=where, severity=Severity.WARNING,
                                  what="binary data (NUL bytes), not a note; passed over")]
        if item.explicit:
            what = "the file is empty" if not data.strip() else "no annotation blocks found (is this an Annotator note?)"
            return None, problems + [Problem(location=where, what=what, severity=Severity.WARNING)]
        return None, []  # a folder's ordinary notes are none of our business
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        problems.append(Problem(location=Location(file=item.display, line=line), severity=Severity.WARNING,
                                what="NUL characters in the text (PDF extraction leaves them); they are left out"))
    result = read_text(text, _origin(item, vault))
    return result, problems + result.problems


def _origin(item: Found, vault: Path | None) -> SourceDocument:
    note = item.resolved()
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
