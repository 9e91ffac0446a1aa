"""The plan cache beside the package: reused only while content, place and settings match."""

from __future__ import annotations

import pickle

from annotator_notes import block, note

import annodeck
import annodeck.fileplan
from annodeck.planner import PlanSettings


def vault(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    for f in range(3):
        (notes / f"p{f}.md").write_text(note(*(block(f"f{f}b{i}", f"CASTOR and daratumumab, HR: 0.{i + 1}",
                                                     comment=f"comment {i}") for i in range(4))))
    return notes


def spy(monkeypatch) -> list:
    planned = []
    real = annodeck.fileplan.plan_file
    monkeypatch.setattr(annodeck.fileplan, "plan_file", lambda item, *a: planned.append(item.path.name) or real(item, *a))
    return planned


def cards_of(report):
    return [(c.annotation_id, c.kind, c.fields, c.tags, str(c.location)) for c in report.cards]


def test_a_rebuild_plans_only_the_file_that_changed_and_gets_the_same_cards(tmp_path, monkeypatch):
    notes, out = vault(tmp_path), tmp_path / "deck.apkg"
    first = annodeck.build([notes], out)
    (notes / "p1.md").write_text((notes / "p1.md").read_text().replace("comment 2", "edited"))
    planned = spy(monkeypatch)
    second = annodeck.build([notes], out)
    assert planned == ["p1.md"]
    assert second.change_counts() == {"updated": 1, "unchanged": 11}
    (out.with_name(f".{out.name}.cache")).unlink()
    fresh = annodeck.build([notes], tmp_path / "fresh.apkg")
    assert cards_of(second) == cards_of(fresh) and len(cards_of(first)) == 12


def test_other_settings_plan_everything_again(tmp_path, monkeypatch):
    notes, out = vault(tmp_path), tmp_path / "deck.apkg"
    annodeck.build([notes], out)
    planned = spy(monkeypatch)
    annodeck.build([notes], out, settings=PlanSettings(trials=("NEWTRIAL",)))
    assert sorted(planned) == ["p0.md", "p1.md", "p2.md"]


def test_a_tampered_cache_never_runs_code_and_only_costs_speed(tmp_path, monkeypatch):
    notes, out = vault(tmp_path), tmp_path / "deck.apkg"
    annodeck.build([notes], out)
    cache = out.with_name(f".{out.name}.cache")

    class Payload:
        def __reduce__(self):
            return (exec, ("import pathlib; pathlib.Path('pwned').write_text('x')",))

    cache.write_bytes(pickle.dumps({"key": "anything", "files": Payload()}))
    monkeypatch.chdir(tmp_path)
    report = annodeck.build([notes], out)
    assert not (tmp_path / "pwned").exists()
    assert report.written and report.change_counts() == {"unchanged": 12}


def test_the_cache_records_the_package_as_reading_it_back_would(tmp_path):
    from annodeck.fileplan import PlanCache
    from annodeck.pipeline import _cache_key
    from annodeck.previous import read_previous

    notes, out = vault(tmp_path), tmp_path / "deck.apkg"
    (notes / "p2.md").write_text(note(block("tagged", "daratumumab improved PFS", tags=("myeloma", "myeloma/high-risk"))))
    annodeck.build([notes], out)
    cache = PlanCache.load(out.with_name(f".{out.name}.cache"), _cache_key(PlanSettings()))
    recorded, read = cache.previous_notes(out), read_previous(out)
    assert len(read) == 9 and any(len(n.tags) > 2 for n in read.values())
    assert {g: (n.kind, n.tags, n.mod, n.digest) for g, n in recorded.items()} == \
        {g: (n.kind, n.tags, n.mod, n.digest) for g, n in read.items()}


def test_a_package_record_that_cannot_be_read_back_exactly_is_ignored():
    from annodeck.fileplan import _package_notes, _package_record
    from annodeck.notes import PackagedNote

    plain = PackagedNote("g1", "cloze", ("x",), ("a", "b"), 5, "d1")
    odd = PackagedNote("g2", "qa", ("y",), ("line\nbreak",), 6, "d2")
    assert _package_notes(_package_record([plain]))["g1"] == ("g1", "cloze", None, ("a", "b"), 5, "d1")
    assert _package_notes(_package_record([])) == {}
    assert _package_notes(_package_record([plain, odd])) is None
