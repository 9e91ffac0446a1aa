"""The `annodeck` command: a thin layer over the library (`annodeck.build`).

Imports are lazy so that `annodeck --help` starts at once and never loads genanki.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

EXAMPLES = """\
examples:
  annodeck build notes/paper.md                 one note → annodeck.apkg
  annodeck build vault/papers -o papers.apkg    every Annotator note in a folder
  annodeck build notes/ --deck "Papers::Myeloma"
  annodeck build decks/example.toml             a deck recipe
  annodeck build notes/ --dry-run --json        what a rebuild would change, as JSON
"""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("annodeck: interrupted; nothing was replaced", file=sys.stderr)
        return 130


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

    build = commands.add_parser(
        "build", help="build an .apkg deck from notes, folders or a recipe",
        description="Build an Anki package from Annotator notes. A PATH is a note, a folder (searched "
                    "recursively for Annotator notes) or one deck recipe (.toml).",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    build.add_argument("paths", nargs="+", metavar="PATH", help="a note, a folder, or a recipe .toml")
    build.add_argument("-o", "--output", metavar="OUT.apkg",
                       help="where to write the package (default: <deck name>.apkg here)")
    build.add_argument("--deck", metavar="NAME", help='the Anki deck name, "::" for subdecks (default: annodeck)')
    build.add_argument("-q", "--quiet", action="store_true", help="print problems only, no summary")
    build.add_argument("--json", action="store_true",
                       help="print the report (changes per source, skips, problems) as one JSON document")
    build.add_argument("-n", "--dry-run", action="store_true", help="write nothing; report what a build would do")
    build.set_defaults(run=_run_build)
    return parser


def _run_build(args) -> int:
    from .pipeline import DEFAULT_DECK, build
    from .packager import PackageError
    from .recipe import RecipeError, load_recipe
    from .planner import PlanSettings
    from .sources import SourceError

    try:
        if len(args.paths) == 1 and args.paths[0].lower().endswith(".toml"):
            recipe = load_recipe(args.paths[0])
            paths, deck, settings = recipe.source_paths(), args.deck or recipe.deck, recipe.settings()
            vault = recipe.vault_path()
            output = Path(args.output) if args.output else recipe.output_path()
        else:
            paths, deck, settings, vault = args.paths, args.deck or DEFAULT_DECK, PlanSettings(), None
            output = Path(args.output) if args.output else Path(default_output_name(deck))
        report = build(paths, output, deck=deck, settings=settings, dry_run=args.dry_run, vault=vault)
    except (SourceError, PackageError, RecipeError) as error:
        print(f"annodeck: {error}", file=sys.stderr)
        return 2
    for line in [*report.problems, *report.skips]:
        print(line, file=sys.stderr)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    elif not args.quiet or not (report.written or report.dry_run):
        print(report.summary())
    return 0 if report.written or (report.dry_run and report.changes) else 1


def default_output_name(deck: str) -> str:
    """`Papers::Myeloma` → `Papers-Myeloma.apkg`: a file name anyone can type."""
    name = re.sub(r"[^\w.-]+", "-", deck.replace("::", "-")).strip("-.") or "annodeck"
    return f"{name}.apkg"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
