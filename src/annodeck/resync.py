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
           identities: Mapping[int, tuple[str, str, tuple[str, ...]]] | None = None,
           ) -> tuple[list[PackagedNote], list[Change]]:
    """The notes to write and what happened to each, given the previous package's notes.
    `identities` maps id(card) to its `identity`, where it is already known."""
    sync = Resync(previous, changed_at)
    sync.add(cards, identities)
    return sync.finish(cards, removed_at)


class Resync:
    """`resync` as a build goes: each file's cards as soon as its plan arrives (so that their
    notes can be written beside the planning), then, at the end, the build's cards as a whole
    and the notes whose annotations are gone."""

    def __init__(self, previous: Mapping[str, PreviousNote], changed_at: Callable[[Card], int]):
        self.previous, self.changed_at = previous, changed_at
        self._made: dict[int, tuple[PackagedNote, Change]] = {}  # by id(card)

    def add(self, cards: Sequence[Card],
            identities: Mapping[int, tuple[str, str, tuple[str, ...]]] | None = None) -> list[PackagedNote]:
        """The notes of `cards`; `identities` maps id(card) to its `identity`, where known."""
        notes = []
        identities = identities or {}
        for card in cards:
            guid, digest, fields = identities.get(id(card)) or identity(card)
            old = self.previous.get(guid)
            if old is None:
                status, mod = "new", self.changed_at(card)
            elif old.digest == digest:
                status, mod = "unchanged", old.mod
            else:
                status, mod = "updated", max(self.changed_at(card), old.mod + 1)
            note = PackagedNote(guid=guid, kind=card.kind, fields=fields, tags=card.tags, mod=mod, digest=digest)
            self._made[id(card)] = (note, Change(guid, card.annotation_id, card.source_key, status))
            notes.append(note)
        return notes

    def finish(self, cards: Sequence[Card], removed_at: int,
               previous: Mapping[str, PreviousNote] | None = None) -> tuple[list[PackagedNote], list[Change]]:
        """The notes of the build's `cards` (each added before; a copy that a later block
        superseded is not among them) and of the annotations gone since `previous` (by default
        the notes given at the start). Raises NeedsFields when a gone note's fields are not at
        hand: call again with the previous package's notes as read from it."""
        notes: list[PackagedNote] = []
        changes: list[Change] = []
        for card in cards:
            made = self._made[id(card)]
            notes.append(made[0])
            changes.append(made[1])
        current = {note.guid for note in notes}
        for guid, old in (self.previous if previous is None else previous).items():
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
