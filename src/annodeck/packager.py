"""The packager: notes (`notes.PackagedNote`) become a genanki package, written atomically."""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

import genanki

from .atomic import write_atomically
from .notes import PackagedNote, check_fields, check_output_path, check_unique, cloze_numbers
from .notetypes import GUID_NAMESPACE, TEMPLATES_CHANGED_AT, NoteType, note_types, templates


class _TimedNote(genanki.Note):
    """A note whose `mod` is when its own content last changed, not the build time."""

    def __init__(self, *args, mod: int, cloze_numbers: tuple[int, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.mod = mod
        if cloze_numbers:
            # the numbers were counted once already (and checked to be there); one card per
            # number, nested or not, exactly as Anki generates them. (Set where genanki's
            # `cards` cached property would store them, so it never counts them again.)
            self.__dict__["cards"] = [genanki.Card(number - 1) for number in cloze_numbers]

    def write_to_db(self, cursor, timestamp, deck_id, id_gen):
        super().write_to_db(cursor, self.mod, deck_id, id_gen)

    def _check_invalid_html_tags_in_fields(self):
        # genanki's guard against unescaped text: every field here is HTML we escaped ourselves
        pass


class _TimedModel(genanki.Model):
    """A note type whose `mod` changes only when its templates do."""

    def to_json(self, timestamp, deck_id):
        data = super().to_json(timestamp, deck_id)
        data["mod"] = TEMPLATES_CHANGED_AT
        return data


def genanki_models() -> dict[str, genanki.Model]:
    """Our note types as genanki models, by kind, with today's templates and CSS."""
    css = templates()["style.css"]
    return {kind: _model(nt, css) for kind, nt in note_types().items()}


def _model(note_type: NoteType, css: str) -> genanki.Model:
    return _TimedModel(
        note_type.model_id,
        note_type.name,
        fields=[{"name": name, "id": field_id} for name, field_id in note_type.fields],
        templates=[{"name": note_type.template_name, "id": note_type.template_id,
                    "qfmt": note_type.front, "afmt": note_type.back}],
        css=css,
        model_type=genanki.Model.CLOZE if note_type.kind == "cloze" else genanki.Model.FRONT_BACK,
        sort_field_index=0,
    )


def deck_id(name: str) -> int:
    # Anki matches decks by name and ignores this id; it only has to be stable and valid
    return int.from_bytes(genanki.guid_for(GUID_NAMESPACE, "deck", name).encode()[:6], "big") % (1 << 31) + 1


def write_package(notes: Sequence[PackagedNote], out: Path, deck_name: str, now: float | None = None,
                  unchanged: frozenset[str] = frozenset()) -> None:
    """Write `notes` to `out` as one deck, replacing `out` only when the package is complete.

    `unchanged` names notes whose rows in the package already at `out` are exactly what they
    would be written as. When that package was written by this version of the note types and
    deck, it is copied and only the other notes are written again (through genanki's own
    `Note.write_to_db`): a rebuild after one edit writes one note, not twenty thousand."""
    check_output_path(out)
    now = time.time() if now is None else now
    models = genanki_models()
    deck = genanki.Deck(deck_id(deck_name), deck_name)
    check_unique(notes)
    reuse = unchanged and _reusable(out, deck_name)
    kept = unchanged if reuse else frozenset()
    for position, note in enumerate(notes):
        if note.guid in kept:
            # the kept rows need their note type in the package as much as the new ones do
            deck.add_model(models[note.kind])
            continue
        deck.add_note(_note(note, models[note.kind], position))
    if reuse:
        with zipfile.ZipFile(out) as archive:
            previous = archive.read("collection.anki2")
        write_atomically(out, lambda cursor: _update(cursor, deck, kept, now), seed=previous)
    else:
        package = genanki.Package(deck)
        write_atomically(out, lambda cursor: package.write_to_db(cursor, now, itertools.count(int(now * 1000))))


def _reusable(out: Path, deck_name: str) -> bool:
    """Whether the package at `out` holds our note types as they are now, and this deck."""
    try:
        with zipfile.ZipFile(out) as archive, tempfile.TemporaryDirectory(prefix="annodeck-") as scratch:
            db_path = os.path.join(scratch, "collection.anki2")
            with open(db_path, "wb") as db:
                db.write(archive.read("collection.anki2"))
            conn = sqlite3.connect(db_path)
            try:
                models_json, decks_json = conn.execute("SELECT models, decks FROM col").fetchone()
            finally:
                conn.close()
        models, decks = json.loads(models_json), json.loads(decks_json)
    except (OSError, KeyError, zipfile.BadZipFile, sqlite3.Error, ValueError, TypeError):
        return False
    # genanki writes only the note types a deck uses; those there must be today's templates
    ours = [models[str(nt.model_id)] for nt in note_types().values() if str(nt.model_id) in models]
    return (bool(ours) and all(m.get("mod") == TEMPLATES_CHANGED_AT for m in ours)
            and any(d.get("name") == deck_name and d.get("id") == deck_id(deck_name) for d in decks.values()))


def _update(cursor, deck: genanki.Deck, kept: frozenset[str], now: float) -> None:
    """In a copy of the previous package's database, keep the `kept` notes' rows and write
    every other note in `deck` anew."""
    gone = [guid for (guid,) in cursor.execute("SELECT guid FROM notes").fetchall() if guid not in kept]
    cursor.executemany("DELETE FROM cards WHERE nid IN (SELECT id FROM notes WHERE guid = ?)", [(g,) for g in gone])
    cursor.executemany("DELETE FROM notes WHERE guid = ?", [(g,) for g in gone])
    top = max(cursor.execute("SELECT max(id) FROM notes").fetchone()[0] or 0,
              cursor.execute("SELECT max(id) FROM cards").fetchone()[0] or 0)
    ids = itertools.count(max(int(now * 1000), top + 1))
    # genanki's Deck.write_to_db merges its deck and note types into the collection's JSON and
    # writes the notes; our note types leave first, so that each is written once, by genanki
    (models_json,) = cursor.execute("SELECT models FROM col").fetchone()
    models = {k: v for k, v in json.loads(models_json).items()
              if k not in {str(nt.model_id) for nt in note_types().values()}}
    cursor.execute("UPDATE col SET models = ?", (json.dumps(models),))
    deck.write_to_db(cursor, now, ids)


def _note(note: PackagedNote, model: genanki.Model, position: int) -> genanki.Note:
    check_fields(note, len(model.fields))
    numbers = cloze_numbers(note) if note.kind == "cloze" else ()
    # due orders new cards: they come up in the order the reader read them
    return _TimedNote(model=model, fields=list(note.fields), tags=list(note.tags), guid=note.guid,
                      mod=note.mod, due=position, cloze_numbers=numbers)

