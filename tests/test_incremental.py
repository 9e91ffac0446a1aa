"""A rebuild copies the previous package and rewrites only changed notes. Anki must import that
package exactly as it imports a full genanki write of the same notes."""

from __future__ import annotations

import shutil

from annotator_notes import block, note
from conftest import import_package

import annodeck
import annodeck.packager


def state(col) -> dict:
    notes = {}
    for nid in col.find_notes(""):
        n = col.get_note(nid)
        cards = sorted((c.ord, col.decks.name(c.did), c.type, c.queue) for c in n.cards())
        notes[n.guid] = (n.note_type()["name"], tuple(n.fields), tuple(sorted(n.tags)), n.mod, tuple(cards))
    return notes


def log_of(log) -> dict:
    return {kind: sorted(n.fields[-1] for n in getattr(log, kind))
            for kind in ("new", "updated", "duplicate", "conflicting")}


def test_an_incremental_package_imports_exactly_like_a_full_one(tmp_path, anki, monkeypatch):
    source = tmp_path / "notes" / "paper.md"
    source.parent.mkdir()
    first = [block("keep1", "In CASTOR, daratumumab was added"), block("edit2", "HR: 0.70 for PFS", comment="old"),
             block("gone3", "Venetoclax works in patients with t(11;14)."), block("kind4", "t(4;14) is high risk"),
             block("more5", "ICARIA-MM used pomalidomide")]
    source.write_text(note(*first))
    annodeck.build([source], tmp_path / "a.apkg")

    second = [first[0], block("edit2", "HR: 0.70 for PFS in CANDOR with 16%", comment="new comment"),
              block("kind4", "t(4;14) is high risk", comment="Q: Which lesion?\nA: t(4;14)"), first[4],
              block("new6", "ENDEAVOR compared carfilzomib with bortezomib.")]
    source.write_text(note(*second))
    for name in ("incremental", "full"):
        (tmp_path / name).mkdir()
        shutil.copy(tmp_path / "a.apkg", tmp_path / name / "deck.apkg")

    with monkeypatch.context() as patch:
        updates = []
        real_update = annodeck.packager._update
        patch.setattr(annodeck.packager, "_update", lambda *a: updates.append(a) or real_update(*a))
        annodeck.build([source], tmp_path / "incremental" / "deck.apkg")
        assert updates  # the copy-and-rewrite path was really taken
    with monkeypatch.context() as patch:
        calls = []
        patch.setattr(annodeck.packager, "_reusable", lambda *a: calls.append(a) or False)
        annodeck.build([source], tmp_path / "full" / "deck.apkg")
        assert calls  # the full write was really taken

    fresh = {name: anki() for name in ("incremental", "full")}
    for name, col in fresh.items():
        import_package(col, tmp_path / name / "deck.apkg")
    assert state(fresh["incremental"]) == state(fresh["full"])
    assert len(state(fresh["full"])) == 7  # 5 current notes, 2 announced as removed

    on_top = {name: anki() for name in ("incremental", "full")}
    logs = {}
    for name, col in on_top.items():
        import_package(col, tmp_path / "a.apkg")
        logs[name] = log_of(import_package(col, tmp_path / name / "deck.apkg"))
    assert logs["incremental"] == logs["full"]
    assert logs["full"]["new"] == ["kind4", "new6"] and "edit2" in logs["full"]["updated"]
    assert state(on_top["incremental"]) == state(on_top["full"])
    for col in (*fresh.values(), *on_top.values()):
        assert col.get_empty_cards().notes == []


def test_a_changed_deck_name_or_template_falls_back_to_a_full_write(tmp_path, monkeypatch):
    source = tmp_path / "p.md"
    source.write_text(note(block("a1", "daratumumab improved PFS"), block("a2", "CASTOR worked")))
    out = tmp_path / "deck.apkg"
    annodeck.build([source], out, deck="One")
    assert annodeck.packager._reusable(out, "One")
    assert not annodeck.packager._reusable(out, "Two")
    monkeypatch.setattr(annodeck.packager, "TEMPLATES_CHANGED_AT", annodeck.packager.TEMPLATES_CHANGED_AT + 1)
    assert not annodeck.packager._reusable(out, "One")


def test_kept_notes_keep_their_note_type_when_only_other_kinds_change(tmp_path, anki, monkeypatch):
    source, out = tmp_path / "p.md", tmp_path / "deck.apkg"
    qa = block("qa1", "CASTOR used daratumumab", comment="Q: What did CASTOR use?\nA: daratumumab")
    source.write_text(note(qa, block("cz1", "HR: 0.70 overall")))
    annodeck.build([source], out)
    updates = []
    real_update = annodeck.packager._update
    monkeypatch.setattr(annodeck.packager, "_update", lambda *a: updates.append(a) or real_update(*a))
    annodeck.build([source], out)  # nothing changed
    source.write_text(note(qa, block("cz1", "HR: 0.70 overall", comment="edited")))
    annodeck.build([source], out)  # only the cloze note changed; the Q/A note's rows are kept
    assert len(updates) == 2
    assert annodeck.packager._reusable(out, "annodeck")
    col = anki()
    import_package(col, out)
    kinds = sorted(col.get_note(n).note_type()["name"] for n in col.find_notes(""))
    assert kinds == ["annodeck Q/A", "annodeck cloze"]
    assert all(col.get_note(n).cards() for n in col.find_notes(""))
