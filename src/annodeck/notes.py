"""A package's notes as plain values: each note's permanent GUID and what it holds, and where a
package may be written.

Identity is the contract with every user's review history: a note's GUID is derived from the
annotation id alone (never from content), so edits, reorders and moves update the note in place.

No genanki here: a build starts planning on both cores before it loads genanki (`packager`).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import NamedTuple

from .errors import UserError
from .notetypes import GUID_NAMESPACE

_RESERVED_NAMES = re.compile(r"^(collection|backup-.*)\.apkg$", re.IGNORECASE)
# a cloze number as Anki counts it: {{cN:: with N ≥ 1 (our deletions are never nested or unclosed)
_CLOZE_NUMBER = re.compile(r"\{\{c(\d+)::")
#: genanki.util.BASE91_TABLE, the digits of a GUID (a test checks the two agree)
BASE91 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"


class PackageError(UserError):
    """A package could not be written; the message says why, in the user's terms."""


class PackagedNote(NamedTuple):
    """One note as it goes into the package: fields in the note type's order, and its `mod`."""

    guid: str
    kind: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    #: when the note's content last changed (epoch seconds): Anki updates only if this is newer
    mod: int
    #: previous.content_digest of fields and tags, when the caller has it
    digest: str = ""


def note_guid(annotation_id: str, kind: str) -> str:
    """The permanent GUID of the note for an annotation. Never change this: it is
    `genanki.guid_for("annodeck", id)`, or `genanki.guid_for("annodeck", id, "qa")`."""
    if kind == "qa":
        return _guid_for(f"{GUID_NAMESPACE}__{annotation_id}__qa")
    return _guid_for(f"{GUID_NAMESPACE}__{annotation_id}")


def _guid_for(joined: str) -> str:
    """genanki.guid_for on its already-joined arguments, computed without its per-byte Python
    loop (a rebuild computes one per note; a test checks the two agree)."""
    return _base91(int.from_bytes(hashlib.sha256(joined.encode("utf-8")).digest()[:8], "big"))


def _base91(number: int) -> str:
    """`number` in genanki's base 91 digits, most significant first, without leading zeros."""
    digits = []
    while number:
        number, digit = divmod(number, 91)
        digits.append(BASE91[digit])
    return "".join(reversed(digits))


# -- what every note in a package must be: both writers check it --------------------------------


def check_fields(note: PackagedNote, count: int) -> None:
    """The note has as many fields as its note type (`count`)."""
    if len(note.fields) != count:
        raise ValueError(f"note {note.guid} has {len(note.fields)} fields; its note type has {count}")


def cloze_numbers(note: PackagedNote) -> tuple[int, ...]:
    """The cloze note's card numbers, as Anki counts them; never none."""
    numbers = tuple(sorted(set(map(int, _CLOZE_NUMBER.findall(note.fields[0]))) - {0}))  # (c0 makes no card)
    if not numbers:
        # genanki would silently emit a note with no card; a planner bug must never do that
        raise ValueError(f"cloze note for {note.fields[-1]!r} has no cloze deletion")
    return numbers


def check_unique(notes) -> None:
    """No two notes share a GUID."""
    seen: set[str] = set()
    for note in notes:
        if note.guid in seen:
            raise PackageError(f"two notes with the GUID {note.guid} (fields {note.fields[-1]!r})")
        seen.add(note.guid)


def check_output_path(path: Path) -> None:
    if path.suffix.lower() != ".apkg":
        raise PackageError(f"{path}: the output must be an .apkg file")
    if _RESERVED_NAMES.match(path.name):
        # Anki treats these names as a whole-collection backup and would replace the collection
        raise PackageError(f"{path}: Anki would restore a file with this name over your whole collection; "
                           "choose another name")
    if not path.parent.is_dir():
        raise PackageError(f"{path}: the folder {path.parent} does not exist")
