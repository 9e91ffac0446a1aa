"""Reading back the package a previous build wrote: the state that re-syncing needs.

The previous package already holds what a rebuild must know about every note (its GUID, fields,
tags and `mod`), and it is only ever replaced whole, so it cannot disagree with itself. No
separate state file can get lost or out of step with it.
"""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
import zipfile
from pathlib import Path
from typing import NamedTuple

from .notetypes import note_types

#: the tag a note carries once its annotation has gone from the notes
REMOVED_TAG = "annodeck::removed"


class PreviousPackageError(Exception):
    pass


class PreviousNote(NamedTuple):
    """One note of the previous package (a rebuild makes one per note: a plain tuple is cheap)."""

    guid: str
    kind: str
    #: None when known only by its digest (from the plan cache, not the package itself)
    fields: tuple[str, ...] | None
    tags: tuple[str, ...]
    mod: int
    digest: str = ""

    @property
    def removed(self) -> bool:
        return REMOVED_TAG in self.tags


def content_digest(fields: tuple[str, ...], tags: tuple[str, ...]) -> str:
    """What decides whether a note changed: its fields, and its tags as Anki compares them
    (an unordered set, without case)."""
    # fields never hold \x1f (Anki's own field separator) and tags never hold spaces
    text = "\x1f".join(fields) + "\x1e" + " ".join(sorted(t.casefold() for t in tags))
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def read_previous(path: Path) -> dict[str, PreviousNote]:
    """The notes of an earlier annodeck package at `path`, by GUID; {} when there is none."""
    if not path.is_file():
        return {}
    kinds = {nt.model_id: nt.kind for nt in note_types().values()}
    try:
        with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory(prefix="annodeck-") as scratch:
            db_path = Path(scratch) / "collection.anki2"
            db_path.write_bytes(archive.read("collection.anki2"))
            conn = sqlite3.connect(db_path)
            try:
                rows = conn.execute("SELECT guid, mid, mod, tags, flds FROM notes").fetchall()
            finally:
                conn.close()
    except (OSError, KeyError, zipfile.BadZipFile, sqlite3.Error) as error:
        raise PreviousPackageError(f"{path}: cannot read the previous package ({error})") from None
    notes = {}
    for guid, mid, mod, tags, flds in rows:
        if mid in kinds:  # notes of other note types are not annodeck's to carry forward
            fields, note_tags = tuple(flds.split("\x1f")), tuple(tags.split())
            notes[guid] = PreviousNote(guid, kinds[mid], fields, note_tags, int(mod), content_digest(fields, note_tags))
    return notes
