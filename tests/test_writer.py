"""A first build's notes are written by `PackageWriter` (rows made by annodeck, inserted many at a
time); every other write goes through genanki's `Note.write_to_db`. Anki must import the two
packages exactly alike."""

from __future__ import annotations

import pytest

from annodeck.notes import PackagedNote, PackageError
from annodeck.packager import write_package
from annodeck.writer import PackageWriter
from annodeck.pipeline import check
from annodeck.resync import resync

from conftest import import_package

NOW = 1_760_000_000


def planned_notes(*paths) -> list[PackagedNote]:
    report = check(paths)
    mods = {}  # a distinct mod per file, as real builds give them
    notes, _ = resync(report.cards, {}, lambda card: mods.setdefault(card.location.file, NOW - 1000 * len(mods)),
                      NOW)
    return notes


def what_anki_shows(col) -> list[tuple]:
    shown = []
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        cards = [(c.ord, c.due, c.type, c.queue, col.decks.name(c.did), c.question(), c.answer())
                 for c in sorted(note.cards(), key=lambda c: c.ord)]
        shown.append((note.guid, note.note_type()["name"], note.mod, sorted(note.tags), list(note.fields), cards))
    return sorted(shown)


def test_both_writers_give_what_anki_imports_alike(anki, tmp_path, seed, corpus):
    notes = planned_notes(seed, corpus)
    assert {n.kind for n in notes} == {"cloze", "qa"} and len(notes) > 500
    by_genanki, streamed = tmp_path / "genanki.apkg", tmp_path / "streamed.apkg"
    write_package(notes, by_genanki, "Reading", NOW)
    writer = PackageWriter(streamed, "Reading", NOW)
    for note in notes:
        writer.add(note)
    writer.commit(notes)

    shown = []
    for package in (by_genanki, streamed):
        col = anki()
        import_package(col, package)
        assert col.get_empty_cards().notes == []
        shown.append(what_anki_shows(col))
    assert len(shown[0]) == len(notes)
    assert shown[0] == shown[1]


def test_copies_a_later_note_supersedes_leave_the_package(anki, tmp_path, seed):
    notes = planned_notes(seed)
    first, second = notes[0], notes[1]
    out = tmp_path / "deck.apkg"
    writer = PackageWriter(out, "Reading", NOW)
    # an id used twice (an earlier copy), and an id that ended as a skip (written, then not wanted)
    writer.add(first._replace(fields=("{{c1::an earlier copy}}",) + first.fields[1:]))
    gone = first._replace(guid="not-in-the-end", fields=("{{c1::gone}}",) + first.fields[1:])
    writer.add(gone)
    for note in notes:
        writer.add(note)
    writer.commit(notes)

    col = anki()
    import_package(col, out)
    guids = sorted(col.get_note(nid).guid for nid in col.find_notes(""))
    assert guids == sorted(n.guid for n in notes)
    texts = {col.get_note(nid).guid: col.get_note(nid).fields[0] for nid in col.find_notes("")}
    assert texts[first.guid] == first.fields[0] and texts[second.guid] == second.fields[0]
    assert col.card_count() == sum(len(col.get_note(nid).cards()) for nid in col.find_notes(""))


def test_an_aborted_writer_leaves_the_old_package_alone(tmp_path, seed):
    notes = planned_notes(seed)
    out = tmp_path / "deck.apkg"
    write_package(notes, out, "Reading", NOW)
    before = out.read_bytes()
    writer = PackageWriter(out, "Reading", NOW)
    writer.add(notes[0])
    writer.abort()
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["deck.apkg"]


def test_a_note_that_breaks_the_rules_is_refused(tmp_path, seed):
    note = planned_notes(seed)[0]
    writer = PackageWriter(tmp_path / "deck.apkg", "Reading", NOW)
    with pytest.raises(ValueError, match="no cloze deletion"):
        writer.add(note._replace(fields=("no deletion",) + note.fields[1:]))
    with pytest.raises(ValueError, match="space"):
        writer.add(note._replace(tags=("two words",)))
    writer.abort()


@pytest.mark.parametrize("broken, message", [
    (lambda n: [n[0]._replace(fields=n[0].fields[:-1])] + n[1:], "fields; its note type has"),
    (lambda n: [n[0]._replace(fields=("no deletion",) + n[0].fields[1:])] + n[1:], "no cloze deletion"),
    (lambda n: n + [n[0]], "two notes with the GUID"),
])
def test_both_writers_refuse_a_package_that_breaks_the_rules_and_keep_the_old_one(tmp_path, seed, broken, message):
    notes = planned_notes(seed)
    assert notes[0].kind == "cloze"
    out = tmp_path / "deck.apkg"
    write_package(notes, out, "Reading", NOW)
    before = out.read_bytes()
    with pytest.raises((ValueError, PackageError), match=message):
        write_package(broken(notes), out, "Reading", NOW)
    writer = PackageWriter(out, "Reading", NOW)
    with pytest.raises((ValueError, PackageError), match=message):
        for note in broken(notes):
            writer.add(note)
        writer.commit(broken(notes))
    writer.abort()
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["deck.apkg"]
