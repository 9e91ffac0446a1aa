"""Re-syncing, checked in a real collection: build, import, review every card with Anki's
scheduler, edit the notes, rebuild, re-import with the default options, and look."""

from __future__ import annotations

import shutil
import subprocess
import sys

import genanki
from annotator_notes import block, note
from conftest import import_package

import annodeck
from annodeck.previous import REMOVED_TAG, read_previous

IDS = ["aa1", "bb2", "cc3", "dd4"]


def blocks(comments: dict[str, str] | None = None) -> dict[str, str]:
    comments = comments or {}
    texts = {
        "aa1": "In CANDOR, daratumumab was added to Kd",
        "bb2": "Patients with t(4;14) did better",
        "cc3": "The hazard ratio was HR: 0.70 overall",
        "dd4": "Isatuximab binds a different epitope of CD38",
    }
    return {i: block(i, t, comment=comments.get(i, f"comment {i}")) for i, t in texts.items()}


def write(path, parts: dict[str, str], order=IDS):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(note(*(parts[i] for i in order if i in parts)))


def by_guid(col) -> dict:
    return {col.get_note(n).guid: col.get_note(n) for n in col.find_notes("")}


def review_everything(col) -> None:
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        card.start_timer()
        col.sched.answerCard(card, 3)


def schedule(col) -> dict:
    cards = {cid: (col.get_card(cid).ivl, col.get_card(cid).due, col.get_card(cid).reps) for cid in col.find_cards("")}
    return {"cards": cards, "revlog": col.db.scalar("select count() from revlog")}


def guid(i: str, kind: str = "cloze") -> str:
    return genanki.guid_for("annodeck", i) if kind == "cloze" else genanki.guid_for("annodeck", i, "qa")


def imported_and_reviewed(tmp_path, anki):
    """The first build of the four blocks, imported into a fresh collection, every card reviewed."""
    source, out = tmp_path / "notes" / "paper.md", tmp_path / "deck.apkg"
    write(source, blocks())
    annodeck.build([source], out)
    col = anki()
    import_package(col, out)
    review_everything(col)
    return source, out, col


def test_an_unchanged_rebuild_updates_and_adds_nothing(tmp_path, anki):
    source, out, col = imported_and_reviewed(tmp_path, anki)
    before = schedule(col)
    report = annodeck.build([source], out)
    assert report.change_counts() == {"unchanged": 4}
    log = import_package(col, out)
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (0, 0, 4)
    assert schedule(col) == before


def test_edit_reorder_delete_updates_in_place_and_keeps_every_review(tmp_path, anki):
    source, out, col = imported_and_reviewed(tmp_path, anki)
    before = schedule(col)
    notes = by_guid(col)
    mods = {g: n.mod for g, n in notes.items()}

    # the reader fixes something on an unchanged note inside Anki
    mine = notes[guid("dd4")]
    mine["Comment"] = "my own words, typed in Anki"
    col.update_note(mine)

    # ... and edits the notes: one comment edited, two blocks swapped, one block deleted
    parts = blocks({"aa1": "an edited comment"})
    del parts["cc3"]
    write(source, parts, order=["bb2", "aa1", "dd4"])
    report = annodeck.build([source], out)
    assert report.change_counts() == {"updated": 1, "unchanged": 2, "removed": 1}

    log = import_package(col, out)
    assert {n.fields[-1] for n in log.updated} >= {"aa1"}
    assert len(log.new) == 0
    after = by_guid(col)
    assert len(after) == 4 and len({n.guid for n in after.values()}) == 4  # no duplicates
    assert "an edited comment" in after[guid("aa1")]["Comment"]
    assert after[guid("aa1")].mod > mods[guid("aa1")]
    assert after[guid("bb2")].mod == mods[guid("bb2")]
    assert after[guid("dd4")]["Comment"] == "my own words, typed in Anki"
    assert REMOVED_TAG in after[guid("cc3")].tags
    assert col.find_notes(f"tag:{REMOVED_TAG}") == [after[guid("cc3")].id]
    assert schedule(col) == before


def test_a_removed_note_is_announced_once_then_forgotten(tmp_path):
    source, out = tmp_path / "paper.md", tmp_path / "deck.apkg"
    write(source, blocks())
    annodeck.build([source], out)
    write(source, blocks(), order=["aa1", "bb2"])
    first = annodeck.build([source], out)
    assert first.change_counts()["removed"] == 2
    assert {g for g, n in read_previous(out).items() if n.removed} == {guid("cc3"), guid("dd4")}
    second = annodeck.build([source], out)
    assert second.change_counts() == {"unchanged": 2}
    assert set(read_previous(out)) == {guid("aa1"), guid("bb2")}


def test_moving_and_renaming_the_note_file_adds_no_note(tmp_path, anki):
    out = tmp_path / "deck.apkg"
    first = tmp_path / "vault" / "inbox" / "paper.md"
    write(first, blocks())
    annodeck.build([tmp_path / "vault"], out)
    col = anki()
    import_package(col, out)
    moved = tmp_path / "vault" / "papers" / "2024" / "Renamed paper.md"
    moved.parent.mkdir(parents=True)
    shutil.move(first, moved)
    report = annodeck.build([tmp_path / "vault"], out)
    assert report.change_counts()["new"] == 0
    log = import_package(col, out)
    assert len(log.new) == 0 and len(col.find_notes("")) == 4


def test_building_from_another_working_directory_changes_nothing(tmp_path):
    source = tmp_path / "notes" / "paper.md"
    write(source, blocks())
    (tmp_path / "elsewhere").mkdir()

    def build_in(cwd, *args):
        run = subprocess.run([sys.executable, "-m", "annodeck", "build", *args, "--json"], cwd=cwd,
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        return run.stdout

    build_in(tmp_path, "notes/paper.md", "-o", "deck.apkg")
    first = read_previous(tmp_path / "deck.apkg")
    report = build_in(tmp_path / "elsewhere", "../notes/paper.md", "-o", "../deck.apkg")
    assert '"unchanged": 4' in report and '"new": 0' in report
    assert read_previous(tmp_path / "deck.apkg") == first


def test_a_question_added_to_a_comment_makes_a_qa_note_and_retires_the_cloze(tmp_path, anki):
    source, out, col = imported_and_reviewed(tmp_path, anki)
    write(source, blocks({"bb2": "Q: Which translocation did better?\nA: t(4;14)"}))
    report = annodeck.build([source], out)
    assert report.change_counts() == {"new": 1, "unchanged": 3, "removed": 1}
    import_package(col, out)
    notes = by_guid(col)
    qa = notes[guid("bb2", "qa")]
    card = qa.cards()[0]
    assert "Which translocation did better?" in card.question()
    assert "t(4;14) did better" not in card.question() and "t(4;14) did better" in card.answer()
    assert REMOVED_TAG in notes[guid("bb2")].tags
    assert len(notes) == 5


def test_same_inputs_and_state_give_the_same_notes_and_mods(tmp_path):
    source = tmp_path / "paper.md"
    write(source, blocks())
    annodeck.build([source], tmp_path / "state.apkg")
    parts = blocks({"aa1": "changed"})
    del parts["dd4"]
    write(source, parts)
    results = []
    for name in ("one.apkg", "two.apkg"):
        shutil.copy(tmp_path / "state.apkg", tmp_path / name)
        annodeck.build([source], tmp_path / name)
        results.append(read_previous(tmp_path / name))
    assert results[0] == results[1]
    assert len(results[0]) == 4


def test_without_state_a_build_still_works_and_a_damaged_package_is_replaced(tmp_path, anki):
    source, out = tmp_path / "paper.md", tmp_path / "deck.apkg"
    write(source, blocks())
    out.write_bytes(b"this is not a package")
    report = annodeck.build([source], out)
    assert report.written and report.change_counts() == {"new": 4}
    assert any("previous package" in p.what for p in report.problems)
    col = anki()
    assert len(import_package(col, out).new) == 4


def test_duplicate_ids_name_both_places_and_neither_is_silently_dropped(tmp_path):
    write(tmp_path / "a.md", blocks())
    write(tmp_path / "b copy.md", blocks(), order=["bb2"])
    report = annodeck.build([tmp_path], tmp_path / "deck.apkg")
    (skip,) = [s for s in report.skips if s.category == "duplicate id"]
    assert skip.annotation_id == "bb2"
    assert "a.md" in str(skip.location) and "b copy.md" in skip.reason
    assert len(report.cards) == 4
