"""The command line, driven as a user drives it: a subprocess, its exit code, stdout and stderr."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from annotator_notes import FACTS, block, note

REPO = Path(__file__).resolve().parents[1]


def annodeck(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annodeck", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_build_a_note_into_the_default_package(seed, tmp_path):
    run = annodeck("build", str(seed), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "annodeck.apkg").is_file()
    assert run.stdout.split("\n")[:2] == ["6 annotations in 1 file: 6 cards, 0 skipped",
                                          "written to annodeck.apkg: 6 new"]


def test_a_folder_build_reports_problems_and_skips_by_file_and_line_and_passes_other_files_quietly(tmp_path):
    vault = tmp_path / "vault"
    (vault / "papers").mkdir(parents=True)
    (vault / "papers" / "good.md").write_text(note(block("g1", FACTS[0])))
    damaged = note(block("d1", FACTS[1]), block("d2", FACTS[2]), block("p1", "", comment="hm", page_note=True))
    lines = damaged.split("\n")
    del lines[[i for i, line in enumerate(lines) if line == ">```"][1]]
    (vault / "papers" / "damaged.md").write_text("\n".join(lines))
    (vault / "papers" / "ordinary note.md").write_text("# just a note\n")
    (vault / "papers" / "picture.png").write_bytes(b"\x89PNG\r\n")
    run = annodeck("build", "vault", "-o", "out.apkg", cwd=tmp_path)
    assert run.returncode == 0
    errors = run.stderr.strip().split("\n")
    damaged_name = str(Path("vault") / "papers" / "damaged.md")
    assert len(errors) == 2
    assert any(e.startswith(f"{damaged_name}:") and "closing ```" in e for e in errors)
    assert any(e.startswith(f"{damaged_name}:") and "^p1" in e and "page note" in e for e in errors)
    for error in errors:
        line = int(error.split(":")[1])
        assert line > 0
    assert "ordinary note" not in run.stderr and "picture" not in run.stderr
    assert run.stdout.split("\n")[:2] == [
        "4 annotations in 2 files: 2 cards, 2 skipped (1 unreadable block, 1 page note)",
        "written to out.apkg: 2 new"]


def test_deck_name_and_output(seed, tmp_path):
    run = annodeck("build", str(seed), "--deck", "Papers::Myeloma", cwd=tmp_path)
    assert run.returncode == 0
    assert (tmp_path / "Papers-Myeloma.apkg").is_file()


def test_user_mistakes_are_one_line_without_a_traceback(seed, tmp_path):
    cases = [
        (("build", "no/such/note.md"), "no/such/note.md: no such file or folder"),
        (("build", str(seed), "-o", "collection.apkg"), "collection.apkg"),
        (("build", str(seed), "-o", "missing/deck.apkg"), "does not exist"),
    ]
    for args, message in cases:
        run = annodeck(*args, cwd=tmp_path)
        assert run.returncode == 2, args
        assert message in run.stderr
        assert "Traceback" not in run.stderr and run.stderr.count("\n") == 1


def test_nothing_to_build_writes_nothing_and_says_so(tmp_path):
    (tmp_path / "plain.md").write_text("# no annotations\n")
    run = annodeck("build", "plain.md", cwd=tmp_path)
    assert run.returncode == 1
    assert "nothing written" in run.stdout
    assert "no annotation blocks found" in run.stderr
    assert not (tmp_path / "annodeck.apkg").exists()


def test_help_is_quick_and_does_not_load_genanki(tmp_path):
    code = ("import sys\nfrom annodeck.cli import main\n"
            "try:\n    main(['build', '--help'])\nexcept SystemExit:\n    pass\n"
            "print('genanki' in sys.modules, 'markdown_it' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert "annodeck build" in run.stdout
    assert run.stdout.strip().endswith("False False")


def test_a_build_starts_planning_before_it_loads_genanki(seed, tmp_path):
    # the planning processes are forked without genanki (the writer loads it beside them)
    code = ("import sys\nimport annodeck.fileplan as fp\nplan_files = fp.plan_files\n"
            "def spy(*a, **k):\n    print('genanki' in sys.modules)\n    yield from plan_files(*a, **k)\n"
            "fp.plan_files = spy\nfrom annodeck.cli import main\n"
            f"main(['build', {str(seed)!r}, '-o', 'seed.apkg', '-q'])\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "False"
    assert (tmp_path / "seed.apkg").is_file()


def test_the_example_recipe_builds(tmp_path):
    recipe = REPO / "decks" / "example.toml"
    run = annodeck("build", str(recipe), "-o", str(tmp_path / "example.apkg"), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "example.apkg").is_file()
    assert run.stderr == ""


def test_a_recipe_sets_the_vault_and_extra_terms(tmp_path):
    vault = tmp_path / "Notes Vault"
    (vault / "papers").mkdir(parents=True)
    (vault / "papers" / "p.md").write_text(note(block("v1", "ZORBLAX-9 with newdrugzine and GENEX1")))
    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / "mine.toml").write_text(
        'deck = "Mine"\nsources = ["../Notes Vault/papers"]\noutput = "mine.apkg"\n'
        'vault = "../Notes Vault"\ntrials = ["ZORBLAX-9"]\ndrugs = ["newdrugzine"]\ngenes = ["GENEX1"]\n')
    run = annodeck("build", "decks/mine.toml", "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    from annodeck.previous import read_previous

    (previous,) = read_previous(tmp_path / "decks" / "mine.apkg").values()
    text, link = previous.fields[0], previous.fields[4]
    hidden = re.findall(r"\{\{c\d+::([^}]*)\}\}", text)
    assert {"ZORBLAX-9", "newdrugzine"} <= set(hidden)
    assert "obsidian://open?vault=Notes%20Vault&amp;file=papers%2Fp.md%23%5Ev1" in link
    assert "trial::ZORBLAX-9" in previous.tags


def test_a_recipe_with_a_typo_names_the_file_and_key(tmp_path):
    (tmp_path / "bad.toml").write_text('deck = "D"\nsource = ["x"]\noutput = "d.apkg"\n')
    run = annodeck("build", "bad.toml", cwd=tmp_path)
    assert run.returncode == 2
    assert "bad.toml" in run.stderr and "'source'" in run.stderr and "Traceback" not in run.stderr


def test_the_progress_bar_waits_a_second_and_clears_itself():
    import io

    from annodeck.progress import ProgressBar

    quick = io.StringIO()
    bar = ProgressBar(quick, delay=60)
    bar("planning", 1, 2)
    bar.close()
    assert quick.getvalue() == ""  # a build shorter than the delay shows nothing

    slow = io.StringIO()
    bar = ProgressBar(slow, delay=0)
    bar("planning", 1, 2)
    bar("writing", 0, 1)
    bar.close()
    assert "planning" in slow.getvalue() and "1/2" in slow.getvalue() and slow.getvalue().endswith("\r\033[K")


def test_progress_goes_nowhere_when_stderr_is_not_a_terminal(tmp_path):
    from annotator_notes import block as one

    notes = tmp_path / "n"
    notes.mkdir()
    for f in range(30):
        (notes / f"{f}.md").write_text(note(*(one(f"p{f}x{i}", "daratumumab and HR: 0.7") for i in range(60))))
    run = annodeck("build", "n", "-o", "d.apkg", cwd=tmp_path)
    assert run.returncode == 0 and "[" not in run.stderr and "\r" not in run.stderr


def test_a_bare_build_builds_every_recipe_in_decks_and_anki_imports_it(tmp_path, anki):
    import shutil

    from conftest import import_package

    shutil.copytree(REPO / "decks", tmp_path / "decks", ignore=shutil.ignore_patterns("*.apkg", ".*"))
    run = annodeck("build", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    package = tmp_path / "decks" / "example.apkg"
    col = anki()
    assert len(import_package(col, package).new) == 4
    assert col.decks.by_name("annodeck example") is not None
    assert annodeck("check", cwd=tmp_path).returncode == 0


def test_a_bare_build_without_recipes_says_what_to_do(tmp_path):
    run = annodeck("build", cwd=tmp_path)
    assert run.returncode == 2 and "./decks" in run.stderr and run.stderr.count("\n") == 1


def test_recipe_kind_and_tag_prefix(tmp_path):
    (tmp_path / "n.md").write_text(note(block("k1", FACTS[0], comment="a plain comment"),
                                        block("k2", FACTS[1])))
    (tmp_path / "qa.toml").write_text('deck = "Q"\nsources = ["n.md"]\noutput = "q.apkg"\n'
                                      'kind = "qa"\ntag_prefix = "reading"\n')
    run = annodeck("build", "qa.toml", "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    from annodeck.previous import read_previous

    notes = {n.fields[-1]: n for n in read_previous(tmp_path / "q.apkg").values()}
    assert notes["k1"].kind == "qa" and notes["k2"].kind == "cloze"  # no comment: no answer
    assert all(t.startswith("reading::") for n in notes.values() for t in n.tags)
    (tmp_path / "bad.toml").write_text('deck = "Q"\nsources = ["n.md"]\noutput = "q.apkg"\ntag_prefix = "a b"\n')
    bad = annodeck("build", "bad.toml", cwd=tmp_path)
    assert bad.returncode == 2 and "tag_prefix" in bad.stderr


def test_check_gives_cloze_hints_without_failing(tmp_path):
    (tmp_path / "n.md").write_text(note(block("h1", "this was all so very good for us in the end"),
                                        block("h2", "In CASTOR daratumumab helped")))
    run = annodeck("check", "n.md", cwd=tmp_path)
    assert run.returncode == 0
    assert run.stdout.count("n.md:") == 1 and "==…==" in run.stdout


def test_watch_rebuilds_when_a_note_changes_and_reports_it(tmp_path):
    import time

    (tmp_path / "n.md").write_text(note(block("w1", FACTS[0]), block("w2", FACTS[1])))
    (tmp_path / "w.toml").write_text('deck = "W"\nsources = ["n.md"]\noutput = "w.apkg"\n')
    watcher = subprocess.Popen([sys.executable, "-m", "annodeck", "watch", "w.toml", "--interval", "0.2",
                                "--rounds", "1"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    deadline = time.monotonic() + 60
    while not (tmp_path / "w.apkg").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    (tmp_path / "n.md").write_text(note(block("w1", FACTS[0], comment="edited"), block("w2", FACTS[1])))
    out, err = watcher.communicate(timeout=60)
    assert watcher.returncode == 0, err
    reports = [line for line in out.split("\n") if line.startswith("written to")]
    assert reports == ["written to w.apkg: 2 new", "written to w.apkg: 1 updated, 1 unchanged"]


def test_dry_run_with_json_writes_nothing_and_reports_what_would_change(seed, tmp_path):
    import json as json_module

    assert annodeck("build", str(seed), "-o", "d.apkg", cwd=tmp_path).returncode == 0
    before = (tmp_path / "d.apkg").read_bytes()
    edited = tmp_path / "seed.md"
    edited.write_text(seed.read_text(encoding="utf-8").replace(">%%COMMENT%%\n>\n>%%TAGS%%", ">%%COMMENT%%\n>new\n>%%TAGS%%", 1),
                      encoding="utf-8")
    run = annodeck("build", str(seed), str(edited), "-o", "d.apkg", "--dry-run", "--json", cwd=tmp_path)
    report = json_module.loads(run.stdout)
    assert run.returncode == 0 and report["dry_run"] and not report["written"]
    assert report["skipped"] == 6 and any(s["category"] == "duplicate id" for s in report["skips"])
    assert report["changes"]["updated"] == 1 and report["changes"]["unchanged"] == 5
    assert (tmp_path / "d.apkg").read_bytes() == before


def test_version_and_help_for_every_command(tmp_path):
    from annodeck import __version__

    assert annodeck("--version", cwd=tmp_path).stdout.strip() == f"annodeck {__version__}"
    for command in ("build", "check", "preview", "watch"):
        run = annodeck(command, "--help", cwd=tmp_path)
        assert run.returncode == 0 and "examples:" in run.stdout and "annodeck " + command in run.stdout


def test_a_build_runs_without_the_cycle_collector_and_watch_with_it(tmp_path):
    # (a build keeps nearly all it makes until it ends: collections only walked it again)
    (tmp_path / "n.md").write_text(note(block("g1", FACTS[0])))
    (tmp_path / "w.toml").write_text('deck = "W"\nsources = ["n.md"]\noutput = "w.apkg"\n')
    code = ("import gc, sys\nimport annodeck.pipeline as p, annodeck.watch as w\nfrom annodeck import cli\n"
            "real = p.build\n"
            "def build(*a, **k):\n    print('build', gc.isenabled(), flush=True)\n    return real(*a, **k)\n"
            "def watch(sources, rebuild, **k):\n    print('watch', gc.isenabled(), cli._kept, flush=True)\n"
            "p.build, w.watch = build, watch\n"
            "sys.argv = ['annodeck'] + sys.argv[1:]\ncli.run()\n")
    built = subprocess.run([sys.executable, "-c", code, "build", "n.md", "-o", "n.apkg"], capture_output=True,
                           text=True, cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert built.stdout.split("\n")[0] == "build False" and "1 card" in built.stdout  # (output flushed at exit)
    watched = subprocess.run([sys.executable, "-c", code, "watch", "w.toml"], capture_output=True, text=True,
                             cwd=tmp_path)
    assert watched.returncode == 0 and watched.stdout.split() == ["watch", "True", "None"], watched.stderr


def test_main_leaves_the_callers_garbage_collector_as_it_was(tmp_path):
    # (`run` sets it for a process of its own; a program or test that calls `main` keeps its own)
    import gc

    from annodeck.cli import main

    (tmp_path / "n.md").write_text(note(block("g2", FACTS[0])))
    before = gc.get_threshold(), gc.isenabled()
    assert main(["build", str(tmp_path / "n.md"), "-o", str(tmp_path / "n.apkg"), "-q"]) == 0
    assert (gc.get_threshold(), gc.isenabled()) == before
