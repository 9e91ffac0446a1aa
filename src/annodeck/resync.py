"""Re-syncing: what each note of a rebuild is (new, updated, unchanged, removed) and its `mod`.

Anki updates a note only when the package's `mod` is newer than its own (anki-import.md §0).
So a note's `mod` is when its own content last changed:
- unchanged notes keep their earlier `mod`: the import leaves them alone, and edits the reader
  made to them in Anki survive;
- new and changed notes take the time their note file was last saved (never later than now, and
  always later than their previous `mod`), so the same inputs give the same mods, and a change
  made in Anki after the file was saved wins over it;
- a note whose annotation is gone is emitted once more, unchanged but for the tag
  `annodeck::removed`, so the reader can find it in Anki; the build after that forgets it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from .models import Card
from .notetypes import note_types
from .notes import PackagedNote, note_guid
from .previous import REMOVED_TAG, PreviousNote, content_digest

class NeedsFields(Exception):
    """A removed note must be carried once more, and only its digest is at hand: read the
    previous package itself."""


class Change(NamedTuple):
    guid: str
    annotation_id: str
    #: the source's key (the `paper::` tag without its prefix), or "" when unknown
    source: str
    status: str


def identity(card: Card) -> tuple[str, str, tuple[str, ...]]:
    """A card's note GUID, content digest and fields in its note type's order: what re-syncing
    compares and writes. Computed where the card is planned (on another core, or once and then
    cached), not again for every build."""
    fields = ordered_fields(card)
    return note_guid(card.annotation_id, card.kind), content_digest(fields, card.tags), fields


def ordered_fields(card: Card) -> tuple[str, ...]:
    get = card.fields.get
    return tuple([get(name, "") for name in note_types()[card.kind].field_names])


def resync(cards: Sequence[Card], previous: Mapping[str, PreviousNote],
           changed_at: Callable[[Card], int], removed_at: int,
           identities: Mapping[int, tuple[str, str]] | None = None) -> tuple[list[PackagedNote], list[Change]]:
    """The notes to write and what happened to each, given the previous package's notes.
    `identities` maps id(card) to its `identity`, where it is already known."""
    notes: list[PackagedNote] = []
    changes: list[Change] = []
    current: set[str] = set()
    identities = identities or {}
    for card in cards:
        guid, digest, fields = identities.get(id(card)) or identity(card)
        current.add(guid)
        old = previous.get(guid)
        if old is None:
            status, mod = "new", changed_at(card)
        elif old.digest == digest:
            status, mod = "unchanged", old.mod
        else:
            status, mod = "updated", max(changed_at(card), old.mod + 1)
        notes.append(PackagedNote(guid=guid, kind=card.kind, fields=fields, tags=card.tags, mod=mod, digest=digest))
        changes.append(Change(guid, card.annotation_id, card.source_key, status))
    for guid, old in previous.items():
        if guid in current or old.removed:
            continue  # still there; or already announced as removed by the build before
        if old.fields is None:
            raise NeedsFields(guid)
        tags = tuple(t for t in old.tags if t.casefold() != REMOVED_TAG) + (REMOVED_TAG,)
        notes.append(PackagedNote(guid=guid, kind=old.kind, fields=old.fields, tags=tags,
                                  mod=max(removed_at, old.mod + 1)))
        changes.append(Change(guid, _annotation_id(old), _paper(old.tags), "removed"))
    return notes, changes


def _annotation_id(old: PreviousNote) -> str:
    names = note_types()[old.kind].field_names
    return old.fields[names.index("Id")] if len(old.fields) == len(names) else ""


def _paper(tags: Sequence[str]) -> str:
    return next((t.split("::", 1)[1] for t in tags if t.startswith("paper::")), "")
