"""Review sheets: a random sample of annotations, each with the cards Anki shows for it.

    python benchmarks/review.py                          # the default notes, seed 1, 40 annotations
    python benchmarks/review.py --seed 7 --sample 60
    python benchmarks/review.py path/to/note.md folder/ --seed 3 --sample 10 --out /tmp/r.md

It reads every annotation block of the notes named (files or folders, searched for .md notes and
Hypothes.is .json exports), picks --sample of them at random with --seed, builds ONE package of all
the notes the sample comes from with `annodeck.build`, imports it into a fresh Anki collection in a
temporary folder with Anki's default import options (as File → Import does), and writes two
markdown sheets:

- --out (default /work/scratch/review-<seed>.md): for us. Each item names the note file, the
  annotation id and kind, the note type and Anki tags.
- the same name with "-blind" before ".md": the sheet blind reviewers get. Each item has only a
  number, the source's document title, the highlight, the reader's comment and tags, and the skip
  reason or the cards as Anki renders them (question and answer, as visible text).

It is a script, not a test: it judges nothing, it only shows.
"""

from __future__ import annotations

import argparse
import html
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PATHS = [
    Path("/work/shared/corpus"),
    Path("/work/shared/seeds"),
    REPO / "benchmarks" / "review" / "clinical",
]


# ---------------------------------------------------------------------------- reading the notes

def note_files(paths: list[Path]) -> list[Path]:
    """The files named, and the .md/.json files under the folders named (hidden folders left out)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                rel = f.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if f.is_file() and f.suffix.lower() in (".md", ".json"):
                    found.append(f.resolve())
        elif path.is_file():
            found.append(path.resolve())
        else:
            sys.exit(f"review.py: no such file or folder: {path}")
    return list(dict.fromkeys(found))


def read_annotations(files: list[Path]) -> list[tuple[Path, object]]:
    """Every annotation of every file, as (file, annotation), in file order."""
    from annodeck.readers import read_text

    out = []
    for f in files:
        try:
            text = f.read_text(encoding="utf-8", errors="replace")
        except OSError as e:
            print(f"review.py: cannot read {f}: {e}", file=sys.stderr)
            continue
        try:
            result = read_text(text, f.name)
        except Exception as e:  # a file annodeck cannot read at all is not ours to judge here
            print(f"review.py: {f.name}: not read ({type(e).__name__}: {e})", file=sys.stderr)
            continue
        out.extend((f, a) for a in result.annotations)
    return out


# ---------------------------------------------------------------------------- building, importing

def build(files: list[Path], apkg: Path, attempts: int = 6, wait: float = 60.0):
    """annodeck.build. Others edit annodeck while this runs and it may be briefly broken: when the
    build raises, wait, then run this script again in a fresh process (so fixed code is imported)."""
    attempt = int(os.environ.get("ANNODECK_REVIEW_ATTEMPT", "1"))
    try:
        import annodeck

        return annodeck.build([str(f) for f in files], str(apkg))
    except Exception as e:
        if attempt >= attempts:
            raise
        print(f"review.py: build failed ({type(e).__name__}: {e}); "
              f"trying again in {wait:.0f} s (attempt {attempt + 1} of {attempts})", file=sys.stderr)
        time.sleep(wait)
        os.environ["ANNODECK_REVIEW_ATTEMPT"] = str(attempt + 1)
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(sys.executable, [sys.executable, str(Path(__file__).resolve()), *sys.argv[1:]])


def import_package(col, path: Path):
    """Import a package with Anki's default options, as File → Import does (tests/conftest.py)."""
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request).log


# ---------------------------------------------------------------------------- rendering

_DROP = re.compile(r"<(style|script)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_PRE = re.compile(r"<pre\b[^>]*>.*?</pre\s*>", re.S | re.I)
_BREAK = re.compile(r"<br\s*/?>", re.I)
_RULE = re.compile(r"<hr\b[^>]*>", re.I)
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_ITEM = re.compile(r"<li\b[^>]*>", re.I)
_BLOCK_END = re.compile(
    r"</(p|div|li|ul|ol|blockquote|h[1-6]|pre|tr|table|section|details|summary|dd|dt)\s*>", re.I)
_BLOCK_START = re.compile(r"<(p|div|ul|ol|blockquote|h[1-6]|pre|table|tr)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")


def _image(m: re.Match) -> str:
    alt = _ALT.search(m.group(0))
    text = (alt.group(1) or alt.group(2) or "") if alt else ""
    return f"\n[image{': ' + text if text.strip() else ''}]\n"


def visible_text(card_html: str) -> str:
    """What a card face shows, as text: styles dropped, tags removed, blocks on their own lines."""
    s = _DROP.sub("", card_html)
    # newlines in the HTML source are spaces on screen, except inside <pre>
    s = _PRE.sub(lambda m: m.group(0).replace("\n", "<br>"), s)
    s = re.sub(r"\s+", " ", s)
    s = _BREAK.sub("\n", s)
    s = _RULE.sub("\n――――――――\n", s)
    s = _IMG.sub(_image, s)
    s = _ITEM.sub("\n• ", s)
    s = _BLOCK_END.sub("\n", s)
    s = _BLOCK_START.sub("\n", s)
    s = _TAG.sub("", s)
    s = html.unescape(s).replace("\u00a0", " ")
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in s.split("\n")]
    return "\n".join(line for line in lines if line)


def fenced(text: str) -> str:
    """Text in a fence longer than any backtick run inside it, so it is shown literally."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


# ---------------------------------------------------------------------------- the sheets

def same_file(a, b: Path) -> bool:
    try:
        return Path(a).resolve() == b
    except (OSError, TypeError):
        return False


def outcome(file: Path, ann, report, by_id: dict) -> dict:
    """For one sampled annotation: its skip, or its cards as Anki shows them."""
    line = getattr(ann.location, "line", None)
    # a skip or card of this very block (the same file and line); an id alone can be used twice
    for skip in report.skips:
        loc = skip.location
        if skip.annotation_id == ann.id and loc is not None and same_file(loc.file, file) \
                and getattr(loc, "line", None) == line:
            return {"skip": skip}
    made = [c for c in report.cards if c.annotation_id == ann.id and c.location is not None
            and same_file(c.location.file, file)]
    if not made:  # fall back on the id alone
        skips = [s for s in report.skips if s.annotation_id == ann.id]
        if skips and not any(c.annotation_id == ann.id for c in report.cards):
            return {"skip": skips[0]}
    notes = by_id.get(ann.id, [])
    if not notes:
        return {"missing": True}
    note = notes[-1]
    cards = []
    for card in note.cards():
        cards.append({
            "ord": card.ord,
            "question": visible_text(card.question()),
            "answer": visible_text(card.answer()),
        })
    return {"note": note, "cards": cards, "notetype": note.note_type()["name"]}


def item_text(n: int, file: Path, ann, result: dict, blind: bool) -> str:
    out = [f"## {n}", ""]
    if not blind:
        out += [f"- file: `{file.name}`", f"- annotation: `{ann.id}` ({ann.kind})"]
        if "note" in result:
            out.append(f"- note type: {result['notetype']}; Anki tags: "
                       + (", ".join(result["note"].tags) or "(none)"))
        out.append("")
    title = (ann.source.title or "").strip() if ann.source else ""
    out += [f"**Source:** {title or '(no title)'}", ""]
    out += ["**Highlight:**", "", fenced(ann.highlight) if ann.highlight else "(empty)", ""]
    out += ["**Comment:**", "", fenced(ann.comment) if ann.comment.strip() else "(none)", ""]
    tags = ", ".join("#" + t for t in ann.tags)
    out += [f"**Tags:** {tags or '(none)'}", ""]
    if "skip" in result:
        out += [f"No card: skipped — {result['skip'].reason}", ""]
    elif result.get("missing"):
        out += ["No card: neither a card nor a skip was found for this annotation", ""]
    else:
        cards = result["cards"]
        for i, card in enumerate(cards, 1):
            label = f"Card {i} of {len(cards)}" if len(cards) > 1 else "Card"
            out += [f"**{label} — question:**", "", fenced(card["question"]), ""]
            out += [f"**{label} — answer:**", "", fenced(card["answer"]), ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path,
                        help="notes or folders (default: the shared corpus and seeds, and "
                             "benchmarks/review/clinical)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sample", type=int, default=40, metavar="N")
    parser.add_argument("--retries", type=int, default=6, metavar="N",
                        help="how many times to try the build (default 6)")
    parser.add_argument("--wait", type=float, default=60.0, metavar="SECONDS",
                        help="how long to wait before trying a failed build again (default 60)")
    parser.add_argument("--out", type=Path, default=None,
                        help="the sheet for us (default /work/scratch/review-<seed>.md); the blind "
                             "sheet is written beside it, with -blind before .md")
    args = parser.parse_args(argv)

    files = note_files(args.paths or DEFAULT_PATHS)
    annotations = read_annotations(files)
    if not annotations:
        print("review.py: no annotations in the notes named", file=sys.stderr)
        return 1
    rng = random.Random(args.seed)
    sample = rng.sample(annotations, min(args.sample, len(annotations)))
    sources = sorted({f for f, _ in sample})

    out = args.out or Path(f"/work/scratch/review-{args.seed}.md")
    blind_out = out.with_name(out.stem + "-blind" + (out.suffix or ".md"))
    out.parent.mkdir(parents=True, exist_ok=True)

    from anki.collection import Collection

    with tempfile.TemporaryDirectory(prefix="annodeck-review-") as tmp:
        tmp = Path(tmp)
        report = build(sources, tmp / "review.apkg", args.retries, args.wait)
        col = Collection(str(tmp / "collection.anki2"))
        try:
            import_package(col, tmp / "review.apkg")
            by_id: dict[str, list] = {}
            for nid in col.find_notes(""):
                note = col.get_note(nid)
                if "Id" in note.keys():
                    by_id.setdefault(note["Id"], []).append(note)
            results = [outcome(f, a, report, by_id) for f, a in sample]
            private = [item_text(i, f, a, r, blind=False)
                       for i, ((f, a), r) in enumerate(zip(sample, results), 1)]
            blind = [item_text(i, f, a, r, blind=True)
                     for i, ((f, a), r) in enumerate(zip(sample, results), 1)]
        finally:
            col.close()

    head = (f"# Review sheet: seed {args.seed}, {len(sample)} of {len(annotations)} annotations "
            f"from {len(files)} files\n\nNotes built into one package: "
            + ", ".join(f"`{f.name}`" for f in sources) + "\n")
    out.write_text(head + "\n" + "\n".join(private), encoding="utf-8")
    blind_head = (f"# Cards to review ({len(sample)} items)\n\nEach item: where the highlight "
                  "comes from, what the reader highlighted, their comment and tags, and then the "
                  "card(s) made from it as Anki shows them (question, then answer), or why no "
                  "card was made.\n")
    blind_out.write_text(blind_head + "\n" + "\n".join(blind), encoding="utf-8")

    with_cards = [r for r in results if "cards" in r]
    skipped = [r for r in results if "skip" in r]
    missing = [r for r in results if r.get("missing")]
    per_note = Counter(len(r["cards"]) for r in with_cards)
    counts = {
        "sampled": len(sample),
        "with cards": len(with_cards),
        "skipped": len(skipped),
        "neither": len(missing),
        "cards": sum(len(r["cards"]) for r in with_cards),
        "cards per note": {str(k): v for k, v in sorted(per_note.items())},
        "skip reasons": dict(Counter(r["skip"].category for r in skipped)),
    }
    print(f"sampled {counts['sampled']} of {len(annotations)} annotations "
          f"({len(sources)} of {len(files)} files built into one package)")
    print(f"with cards: {counts['with cards']} ({counts['cards']} cards)")
    print(f"skipped: {counts['skipped']}"
          + (f" ({', '.join(f'{k}: {v}' for k, v in counts['skip reasons'].items())})"
             if skipped else ""))
    if missing:
        print(f"neither card nor skip: {len(missing)}")
    print("cards per note: " + ", ".join(f"{k} card{'s' if k != '1' else ''}: {v} notes"
                                          for k, v in counts["cards per note"].items()))
    print(f"wrote {out} and {blind_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
