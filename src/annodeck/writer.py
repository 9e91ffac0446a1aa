"""A first build's package, written while the build is still planning: each file's notes go in
as soon as its plan arrives, so the database work runs beside the planning on the other core
instead of after it."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

import genanki

from .atomic import ScratchPackage
from .notes import PackagedNote, check_fields, check_output_path, check_unique, cloze_numbers
from .packager import deck_id, genanki_models


class PackageWriter:
    """A first package, written note by note while the build is still planning the rest (the
    database work then runs beside the planning, not after it). `out` is replaced only by
    `commit`, which is given the notes the package must hold in the end: copies written
    earlier that those supersede (a block id used twice) are taken out again.

    genanki makes the database, the deck and the note types. The note and card rows are the
    ones genanki's `Note.write_to_db` writes, made here and inserted many at a time: one Python
    object and two statements per note were most of what a first build spent after planning
    (tests import both writers' packages into Anki and compare them)."""

    #: rows are inserted in batches of about this many notes
    BATCH = 512

    def __init__(self, out: Path, deck_name: str, now: float, package: ScratchPackage | None = None):
        """`package`: the scratch package for `out`, when the caller opened it already."""
        from genanki.apkg_col import APKG_COL
        from genanki.apkg_schema import APKG_SCHEMA

        check_output_path(out)
        self._package = package or ScratchPackage(out)
        self._now = now
        self._models = genanki_models()
        self._deck = genanki.Deck(deck_id(deck_name), deck_name)
        self._ids = itertools.count(int(now * 1000))
        #: the note written last for each GUID, and the ids of every note written for it
        self._written: dict[str, tuple[PackagedNote, list[int]]] = {}
        self._count = 0
        self._notes: list[tuple] = []
        self._cards: list[tuple] = []
        try:
            self._package.cursor.executescript(APKG_SCHEMA)
            self._package.cursor.executescript(APKG_COL)
        except BaseException:
            self._package.abort()
            raise

    def add(self, note: PackagedNote) -> None:
        model = self._models[note.kind]
        check_fields(note, len(model.fields))
        for tag in note.tags:
            if " " in tag:
                raise ValueError(f"note {note.guid} has a tag with a space: {note.tags!r}")
        note_id = next(self._ids)
        # as genanki's Note.write_to_db and Card.write_to_db write them (mod: see _TimedNote)
        self._notes.append((note_id, note.guid, model.model_id, note.mod, -1, " " + " ".join(note.tags) + " ",
                            "\x1f".join(note.fields), note.fields[model.sort_field_index], 0, 0, ""))
        for ord_ in _card_ords(note, model):
            # due orders new cards: they come up in the order the reader read them
            self._cards.append((next(self._ids), note_id, self._deck.deck_id, ord_, note.mod, -1, 0, 0, self._count,
                                0, 0, 0, 0, 0, 0, 0, 0, ""))
        self._count += 1
        ids = self._written[note.guid][1] if note.guid in self._written else []
        ids.append(note_id)
        self._written[note.guid] = (note, ids)
        if len(self._notes) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        cursor = self._package.cursor
        cursor.executemany("INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?)", self._notes)
        cursor.executemany("INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", self._cards)
        self._notes, self._cards = [], []

    def commit(self, notes: Sequence[PackagedNote]) -> None:
        try:
            check_unique(notes)
            final = {note.guid: note for note in notes}
            stale = []
            for guid, (last, ids) in self._written.items():
                kept = final.get(guid) == last
                stale.extend(ids[:-1] if kept else ids)
                if kept:
                    del final[guid]
            for note in notes:
                if note.guid in final:  # a note only the end of the build knew as it is
                    self.add(note)
            for kind in dict.fromkeys(note.kind for note in notes):
                self._deck.add_model(self._models[kind])
            self._flush()
            cursor = self._package.cursor
            cursor.executemany("DELETE FROM cards WHERE nid = ?", [(i,) for i in stale])
            cursor.executemany("DELETE FROM notes WHERE id = ?", [(i,) for i in stale])
            # the deck and note types, as genanki's Deck.write_to_db writes them (the deck
            # holds no notes of its own: they are in the database already)
            self._deck.write_to_db(cursor, self._now, self._ids)
        except BaseException:
            self._package.abort()
            raise
        self._package.commit()

    def abort(self) -> None:
        self._package.abort()


def _card_ords(note: PackagedNote, model: genanki.Model) -> list[int]:
    """The cards genanki would make for the note: one per cloze number, or those of the basic
    note type whose required fields are filled."""
    if note.kind == "cloze":
        return [number - 1 for number in cloze_numbers(note)]
    # genanki's Note._front_back_cards, on the requirements genanki worked out for the note type
    return [ord_ for ord_, any_or_all, required in model._req
            if (any if any_or_all == "any" else all)(note.fields[i] for i in required)]
