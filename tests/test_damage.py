"""Damage costs only itself: every kind of bad input in one folder gives its own clear message,
and everything else still builds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from annotator_notes import FACTS, block, note
from conftest import import_package

import annodeck
from annodeck.cli import main, python_too_old
from annodeck.models import Severity
from annodeck.notes import PackageError


def damaged_vault(root: Path) -> Path:
    vault = root / "vault"
    vault.mkdir()
    (vault / "good.md").write_text(note(block("good1", FACTS[0]), block("good2", FACTS[1])))

    broken = note(block("json1", FACTS[2], comment="still here"))
    (vault / "broken json.md").write_text(broken.replace('"document":{', '"document":{{', 1))

    full = note(block("trunc1", FACTS[3]), block("trunc2", FACTS[4]))
    (vault / "truncated.md").write_text(full[: full.index('"created"', full.index("trunc1") + 10) + 20])

    (vault / "bad utf8.md").write_bytes(note(block("utf1", FACTS[5])).encode() + b"\n\xff\xfe stray bytes\n")
    (vault / "nul.md").write_bytes(note(block("nul1", "Isatuximab tar\x00gets CD38 on plasma cells.")).encode())
    (vault / "empty.md").write_bytes(b"")
    (vault / "binary.md").write_bytes(bytes(range(256)) * 4)
    (vault / "sub").mkdir()
    (vault / "sub" / "loop").symlink_to(vault, target_is_directory=True)
    (vault / "dangling.md").symlink_to(root / "nowhere.md")
    with open(vault / "huge.md", "wb") as huge:  # sparse: 100 MB on paper, nothing on disk
        huge.truncate(100 * 1024 * 1024)
    return vault


def test_each_kind_of_damage_costs_only_itself(tmp_path):
    vault = damaged_vault(tmp_path)
    report = annodeck.build([vault], tmp_path / "deck.apkg")
    assert report.written
    made = {card.annotation_id for card in report.cards}
    assert made == {"good1", "good2", "json1", "trunc1", "utf1", "nul1"}
    assert len(report.cards) + len(report.skips) == report.blocks

    messages = [str(p) for p in report.problems] + [str(s) for s in report.skips]

    def said(file: str, words: str, line: bool = True) -> None:
        hits = [m for m in messages if Path(m.split(":")[0]).name == file and words in m]
        assert hits, (file, words, messages)
        if line:
            assert all(int(m.split(":")[1]) > 0 for m in hits), hits

    said("broken json.md", "broken annotation JSON")
    said("truncated.md", "no closing ```")
    said("bad utf8.md", "invalid UTF-8")
    said("nul.md", "NUL")
    said("binary.md", "binary data", line=False)
    said("loop", "a loop", line=False)
    said("dangling.md", "cannot read", line=False)
    said("huge.md", "too large", line=False)
    assert not any("empty.md" in m for m in messages)  # an empty note in a folder is no problem

    (json_card,) = [c for c in report.cards if c.annotation_id == "json1"]
    assert "still here" in json_card.fields["Comment"]
    (nul_card,) = [c for c in report.cards if c.annotation_id == "nul1"]
    assert "\x00" not in nul_card.fields["Text"] and "targets" in nul_card.fields["Text"]


def test_an_unreadable_file_is_reported_and_the_rest_builds(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text(note(block("a1", FACTS[0])))
    (tmp_path / "b.md").write_text(note(block("b1", FACTS[1])))
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "b.md":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = annodeck.build([tmp_path], tmp_path / "deck.apkg")
    assert [c.annotation_id for c in report.cards] == ["a1"]
    assert any("b.md" in str(p) and "Permission denied" in str(p) for p in report.problems)


def test_check_lists_every_problem_and_exits_1(tmp_path, capsys):
    vault = damaged_vault(tmp_path)
    assert main(["check", str(vault)]) == 1
    out = capsys.readouterr()
    listed = out.out.strip().split("\n")
    assert len(listed) >= 8 and all(":" in line for line in listed)
    assert "problems" in out.err

    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "ok.md").write_text(note(block("ok1", FACTS[0])))
    assert main(["check", str(clean)]) == 0
    assert "no problems" in capsys.readouterr().err


def test_the_users_files_are_never_written(tmp_path):
    vault = damaged_vault(tmp_path)
    files = [p for p in vault.rglob("*") if p.is_file() and not p.is_symlink() and p.name != "huge.md"]
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    annodeck.build([vault], tmp_path / "deck.apkg")
    annodeck.build([vault], tmp_path / "deck.apkg")
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files} == before
    assert sorted(p.name for p in vault.iterdir()) == sorted(
        ["good.md", "broken json.md", "truncated.md", "bad utf8.md", "nul.md", "empty.md", "binary.md", "sub",
         "dangling.md", "huge.md"])


def test_a_build_killed_while_writing_leaves_the_previous_package_intact(tmp_path, anki):
    notes = tmp_path / "notes"
    notes.mkdir()
    for f in range(20):
        blocks = [block(f"k{f}x{i}", f"highlight {i} of paper {f} about daratumumab and HR: 0.{i % 9 + 1}")
                  for i in range(250)]
        (notes / f"paper {f}.md").write_text(note(*blocks))
    out = tmp_path / "deck.apkg"
    annodeck.build([notes], out)
    good = out.read_bytes()
    (notes / "paper 0.md").write_text(note(block("k0x0", FACTS[5])))

    for attempt in range(5):
        # another deck name: the whole package is written anew (not just the edited note), which
        # is the long write a kill must not damage
        build = subprocess.Popen([sys.executable, "-m", "annodeck", "build", str(notes), "-o", str(out), "-q",
                                  "--deck", f"Renamed {attempt}"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        killed = False
        while build.poll() is None:
            if list(tmp_path.glob(".deck.apkg.*.tmp")):
                os.kill(build.pid, signal.SIGKILL)
                killed = True
                break
            time.sleep(0.0005)
        build.wait()
        if killed:
            break
        out.write_bytes(good)  # it finished before we caught it: put the old package back and retry
    assert killed, "the build never got caught while writing"
    assert out.read_bytes() == good
    col = anki()
    assert len(import_package(col, out).new) == 20 * 250

    annodeck.build([notes], out)  # the next build works, and tidies the partial file away
    assert not list(tmp_path.glob(".deck.apkg.*.tmp"))


def test_an_unsupported_python_is_one_line(monkeypatch, capsys):
    assert python_too_old((3, 9, 7)) == "annodeck: needs Python 3.10 or newer; this is Python 3.9"
    monkeypatch.setattr(sys, "version_info", (3, 9, 7, "final", 0))
    assert main(["build", "x.md"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "3.10" in err


@pytest.mark.parametrize("name", ["collection.apkg", "backup-2024-01-01.apkg"])
def test_reserved_output_names_are_refused_before_anything_is_read(tmp_path, name):
    with pytest.raises(PackageError):
        annodeck.build([tmp_path / "missing.md"], tmp_path / name)


def test_warnings_have_a_severity_and_errors_are_skips(tmp_path):
    vault = damaged_vault(tmp_path)
    report = annodeck.build([vault], tmp_path / "deck.apkg")
    assert all(p.severity in (Severity.WARNING, Severity.ERROR) for p in report.problems)
    assert {s.category for s in report.skips} == {"unreadable block"}


def test_an_output_folder_that_cannot_be_written_is_one_line(tmp_path, monkeypatch, capsys):
    import tempfile

    from annodeck.cli import main

    (tmp_path / "n.md").write_text(note(block("w1", FACTS[0])), encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert main(["build", str(tmp_path / "n.md"), "-o", str(tmp_path / "deck.apkg")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"annodeck: {tmp_path / 'deck.apkg'}: cannot write in {tmp_path} (Permission denied)"]
    assert not (tmp_path / "deck.apkg").exists()
