"""The `annodeck` command: a thin layer over the library (`annodeck.build`).

Imports are lazy so that `annodeck --help` starts at once and never loads genanki.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import sys
from pathlib import Path

from .errors import UserError

MINIMUM_PYTHON = (3, 10)


def python_too_old(version) -> str:
    return (f"annodeck: needs Python {MINIMUM_PYTHON[0]}.{MINIMUM_PYTHON[1]} or newer; "
            f"this is Python {version[0]}.{version[1]}")


EXAMPLES = """\
examples:
  annodeck build notes/paper.md                 one note → annodeck.apkg
  annodeck build vault/papers -o papers.apkg    every Annotator note in a folder
  annodeck build notes/ --deck "Papers::Myeloma"
  annodeck build decks/example.toml             a deck recipe
  annodeck build                                every recipe in ./decks
  annodeck build notes/ --dry-run --json        what a rebuild would change, as JSON
"""


def main(argv: list[str] | None = None) -> int:
    if sys.version_info < MINIMUM_PYTHON:
        print(python_too_old(sys.version_info), file=sys.stderr)
        return 2
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except UserError as error:
        print(f"annodeck: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("annodeck: interrupted; nothing was replaced", file=sys.stderr)
        return 130


#: the reports of this process's builds, when `run` runs the command: freed with the process
_kept: list | None = None


def run() -> int:
    """The command as a process runs it (the `annodeck` script and `python -m annodeck`).

    A build is one short process that keeps almost everything it makes (cards, notes) until it
    ends, and makes next to no reference cycles: the cyclic garbage collector would only look
    through it all again and again (about 160 ms of a 20,000-annotation build's parent, and
    work in its planning processes, which inherit this). So it is off, with no change in peak
    memory at 50,000 annotations; `watch`, which runs until stopped, turns it back on.

    A command that returns ends the process at once: its output flushed, nothing torn down.
    Freeing a 20,000-card report object by object took about 44 ms, and tearing down the
    interpreter about 18 ms more, for every command. (Neither is done in `main`, which tests
    and other programs call in their own processes; an exception still ends the ordinary way,
    with its traceback.)"""
    gc.disable()
    global _kept
    _kept = []
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # a reader that went away, or a closed stream
            pass
    os._exit(code)


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="annodeck",
        description="Turn Obsidian Annotator highlights and comments into an Anki deck that re-syncs in place.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"annodeck {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")

    build = _command(commands, "build", "build an .apkg deck from notes, folders or a recipe",
                     "Build an Anki package from Annotator notes or Hypothes.is exports. A PATH is a note, "
                     "a folder (searched recursively) or one deck recipe (.toml).", EXAMPLES)
    build.add_argument("-o", "--output", metavar="OUT.apkg",
                       help="where to write the package (default: <deck name>.apkg here)")
    build.add_argument("--deck", metavar="NAME", help='the Anki deck name, "::" for subdecks (default: annodeck)')
    build.add_argument("-q", "--quiet", action="store_true", help="print problems only, no summary")
    build.add_argument("--json", action="store_true",
                       help="print the report (changes per source, skips, problems) as one JSON document")
    build.add_argument("-n", "--dry-run", action="store_true", help="write nothing; report what a build would do")
    build.set_defaults(run=_run_build)

    check = _command(commands, "check", "list every problem in notes, folders or a recipe; exit 1 if there is one",
                     "Read and plan everything, write nothing, and list each problem as file:line: what, "
                     "with cloze hints. Exits 1 when there is a problem, 0 when there is none.",
                     "  annodeck check ~/vault/papers\n  annodeck check decks/example.toml --json\n")
    check.add_argument("--json", action="store_true", help="print the problems as one JSON document")
    check.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    check.set_defaults(run=_run_check)

    preview = _command(commands, "preview", "write one HTML page showing every card's front and back",
                       "Render each card's front and back as Anki will show them (the same templates and CSS) "
                       "on one self-contained HTML page, grouped by source, with tags. Opens nothing.",
                       "  annodeck preview notes/paper.md -o page.html\n  annodeck preview decks/example.toml\n")
    preview.add_argument("-o", "--output", metavar="PAGE.html", default="preview.html",
                         help="where to write the page (default: preview.html)")
    preview.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    preview.set_defaults(run=_run_preview)

    watch = _command(commands, "watch", "rebuild whenever the notes change, printing what changed each time",
                     "Build a recipe (or every recipe in ./decks), then rebuild each time its notes change, "
                     "and print the change report. Stop with Ctrl-C.",
                     "  annodeck watch\n  annodeck watch decks/example.toml --interval 2\n", paths=False)
    watch.add_argument("paths", nargs="?", metavar="RECIPE", help="a recipe .toml (none: every recipe in ./decks)")
    watch.add_argument("--interval", type=float, default=1.0, metavar="SECONDS",
                       help="how often to look for changes (default: 1)")
    watch.add_argument("--json", action="store_true", help="print each report as one JSON document")
    watch.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    watch.add_argument("--rounds", type=int, default=None, help=argparse.SUPPRESS)
    watch.set_defaults(run=_run_watch, dry_run=False)
    return parser


def _command(commands, name: str, summary: str, description: str, examples: str, paths: bool = True):
    """A subcommand with its examples, taking notes, folders or a recipe (or every recipe)."""
    if not examples.startswith("examples:"):
        examples = "examples:\n" + examples
    command = commands.add_parser(name, help=summary, description=description, epilog=examples,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    if paths:
        command.add_argument("paths", nargs="*", metavar="PATH",
                             help="a note, a folder, or a recipe .toml (none: every recipe in ./decks)")
    return command


def _run_build(args) -> int:
    from .pipeline import build
    from .progress import ProgressBar

    jobs = _jobs(args)  # a UserError here is reported by main()
    worst = 0
    for inputs in jobs:
        bar = ProgressBar(sys.stderr) if sys.stderr.isatty() and not args.quiet and not args.json else None
        try:
            report = build(inputs.paths, inputs.output, deck=inputs.deck, settings=inputs.settings,
                           dry_run=args.dry_run, vault=inputs.vault, progress=bar or (lambda *a: None))
        except UserError as error:
            print(f"annodeck: {error}", file=sys.stderr)
            worst = 2
            continue
        finally:
            if bar is not None:
                bar.close()
        if _kept is not None:
            _kept.append(report)
        for line in [*report.problems, *report.skips]:
            print(line, file=sys.stderr)
        if args.json:
            print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
        elif not args.quiet or not (report.written or report.dry_run):
            if len(jobs) > 1:
                print(f"{inputs.name}:")
            print(report.summary())
        worst = max(worst, 0 if report.written or (report.dry_run and report.changes) else 1)
    return worst


def _run_check(args) -> int:
    from .pipeline import check

    jobs = _jobs(args)  # a UserError here is reported by main()
    found = 0
    for inputs in jobs:
        report = check(inputs.paths, settings=inputs.settings, vault=inputs.vault)
        trouble, advice = report.trouble(), report.advice()
        found += len(trouble)
        if args.json:
            print(json.dumps({"problems": len(trouble), "advice": [str(a) for a in advice], **report.as_json()},
                             ensure_ascii=False, indent=2))
            continue
        for line in trouble:
            print(line)
        for line in advice:
            print(line)
        if not args.quiet:
            verdict = f"{len(trouble)} problem{'' if len(trouble) == 1 else 's'}" if trouble else "no problems"
            hints = f", {len(advice)} cloze hint{'' if len(advice) == 1 else 's'}" if advice else ""
            print(f"{report.summary().split(chr(10))[0]}; {verdict}{hints}", file=sys.stderr)
    return 1 if found else 0


def _run_watch(args) -> int:
    from .watch import watch

    # `run` keeps every build's report and turns the garbage collector off, for commands that
    # end; this one runs until stopped. Each rebuild still keeps most of what it makes until it
    # ends, so it collects less often (a 20,000-note build was about a tenth faster so).
    global _kept
    _kept = None
    gc.set_threshold(20_000, 20, 20)
    gc.enable()

    args.paths = [args.paths] if args.paths else []
    if args.paths and not args.paths[0].lower().endswith(".toml"):
        print("annodeck: watch takes a recipe (.toml); to watch notes, name them in a recipe", file=sys.stderr)
        return 2
    jobs = _jobs(args)  # a UserError here is reported by main()
    sources = [p for inputs in jobs for p in inputs.paths]
    recipes = [inputs.name for inputs in jobs]

    def rebuild() -> None:
        for recipe in recipes:
            args.paths = [recipe]
            _run_build(args)
        sys.stdout.flush()

    try:
        watch(sources, rebuild, interval=args.interval, rounds=args.rounds)
    except KeyboardInterrupt:
        pass
    return 0


def _run_preview(args) -> int:
    from .pipeline import check
    from .preview import preview_page

    page = Path(args.output)
    if not page.parent.is_dir():
        print(f"annodeck: {page}: the folder {page.parent} does not exist", file=sys.stderr)
        return 2
    output, args.output = args.output, None  # the page is not a package: recipes keep theirs
    jobs = _jobs(args)  # a UserError here is reported by main()
    cards, problems = [], []
    for inputs in jobs:
        report = check(inputs.paths, settings=inputs.settings, vault=inputs.vault)
        cards.extend(report.cards)
        problems.extend(report.trouble())
    for line in problems:
        print(line, file=sys.stderr)
    partial = page.with_name(f".{page.name}.partial")
    partial.write_text(preview_page(cards), encoding="utf-8")
    partial.replace(page)
    if not args.quiet:
        print(f"{len(cards)} card{'' if len(cards) == 1 else 's'} previewed in {output}")
    return 0


def _jobs(args) -> list:
    """What to do: the paths named, or else every recipe in ./decks."""
    if args.paths:
        return [_inputs(args)]
    recipes = sorted(Path("decks").glob("*.toml"))
    if not recipes:
        raise UserError("name a note, a folder or a recipe; with none, annodeck builds the recipes in ./decks, "
                        "and there are none here")
    jobs = []
    for recipe in recipes:
        args.paths = [str(recipe)]
        jobs.append(_inputs(args))
    return jobs


class _Inputs:
    def __init__(self, paths, output, deck, settings, vault, name=""):
        self.paths, self.output, self.deck, self.settings, self.vault = paths, output, deck, settings, vault
        self.name = name


def _inputs(args) -> _Inputs:
    """What the command line names: notes and folders, or one recipe."""
    from .pipeline import DEFAULT_DECK
    from .planner import PlanSettings

    output_arg = getattr(args, "output", None)
    deck_arg = getattr(args, "deck", None)
    if len(args.paths) == 1 and args.paths[0].lower().endswith(".toml"):
        from .recipe import load_recipe

        recipe = load_recipe(args.paths[0])
        output = Path(output_arg) if output_arg else recipe.output_path()
        return _Inputs(recipe.source_paths(), output, deck_arg or recipe.deck, recipe.settings(), recipe.vault_path(),
                       name=args.paths[0])
    deck = deck_arg or DEFAULT_DECK
    output = Path(output_arg) if output_arg else Path(default_output_name(deck))
    return _Inputs(args.paths, output, deck, PlanSettings(), None)


def default_output_name(deck: str) -> str:
    """`Papers::Myeloma` → `Papers-Myeloma.apkg`: a file name anyone can type."""
    name = re.sub(r"[^\w.-]+", "-", deck.replace("::", "-")).strip("-.") or "annodeck"
    return f"{name}.apkg"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
