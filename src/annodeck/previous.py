"""Reading back the package a previous build wrote: the state that re-syncing needs.

The previous package already holds what a rebuild must know about every note (its GUID, fields,
tags and `mod`), and it is only ever replaced whole, so it cannot disagree with itself. No
separate state file can get lost or out of step with it.
"""

from __future__ import annotations

import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .notetypes import note_types

#: the tag a note carries once its annotation has gone from the notes
REMOVED_TAG = "annodeck::removed"


class PreviousPackageError(Exception):
    pass


@dataclass(frozen=True)
class PreviousNote:
    guid: str
    kind: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    mod: int

    @property
    def removed(self) -> bool:
        return REMOVED_TAG in self.tags


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
            notes[guid] = PreviousNote(guid, kinds[mid], tuple(flds.split("\x1f")), tuple(tags.split()), int(mod))
    return notes
