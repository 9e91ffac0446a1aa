"""`build`: the whole pipeline, read → plan → package, as one library call.

Every annotation block found is accounted for: it becomes a card, or a skip with a reason.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .models import Annotation, Card, Location, Problem, Severity, Skip
from .planner import PlanSettings, Planner
from .sources import discover, read_found

DEFAULT_DECK = "annodeck"
#: skips that mean something is wrong with the notes (a page note without a question is not)
TROUBLE = frozenset({"unreadable block", "duplicate id"})


@dataclass
class BuildReport:
    output: Path
    deck: str
    dry_run: bool = False
    files: int = 0
    blocks: int = 0
    cards: list[Card] = field(default_factory=list)
    skips: list[Skip] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: what happened to each note of the package (resync.Change), removed notes included
    changes: list = field(default_factory=list)
    #: whether an earlier package was there to compare with
    rebuilt: bool = False
    written: bool = False

    def trouble(self) -> list:
        """Everything that is wrong with the input: problems, and skips that are not by design."""
        return [*self.problems, *(s for s in self.skips if s.category in TROUBLE)]

    def skip_counts(self) -> Counter:
        return Counter(skip.category for skip in self.skips)

    def change_counts(self, source: str | None = None) -> Counter:
        return Counter(c.status for c in self.changes if source is None or c.source == source)

    def sources(self) -> list[str]:
        return sorted({c.source for c in self.changes})

    def summary(self) -> str:
        """A few lines: every annotation accounted for, what was written, what changed where."""
        counts = self.skip_counts()
        skipped = sum(counts.values())
        head = (f"{_count(self.blocks, 'annotation')} in {_count(self.files, 'file')}: "
                f"{_count(len(self.cards), 'card')}, {skipped} skipped")
        if counts:
            head += " (" + ", ".join(f"{n} {_plural(category, n)}" for category, n in counts.most_common()) + ")"
        changes = _statuses(self.change_counts())
        if self.written:
            written = f"written to {self.output}: {changes}"
        elif self.dry_run:
            written = f"dry run, {self.output} not written: {changes}"
        else:
            written = "nothing written"
        lines = [head, written]
        if self.rebuilt:
            for source in self.sources():
                counts = self.change_counts(source)
                if counts["new"] or counts["updated"] or counts["removed"]:
                    lines.append(f"  {source or '(unknown source)'}: {_statuses(counts)}")
        return "\n".join(lines)

    def as_json(self) -> dict:
        """The report as one JSON document (for `--json`)."""
        return {
            "output": str(self.output),
            "deck": self.deck,
            "written": self.written,
            "dry_run": self.dry_run,
            "files": self.files,
            "blocks": self.blocks,
            "cards": len(self.cards),
            "skipped": len(self.skips),
            "changes": {status: self.change_counts()[status] for status in _STATUSES},
            "sources": [
                {"source": source, **{s: self.change_counts(source)[s] for s in _STATUSES}}
                for source in self.sources()
            ],
            "skips": [
                {"file": s.location.file, "line": s.location.line, "id": s.annotation_id,
                 "category": s.category, "reason": s.reason}
                for s in self.skips
            ],
            "problems": [
                {"file": p.location.file, "line": p.location.line, "severity": p.severity.value, "what": p.what}
                for p in self.problems
            ],
        }


_STATUSES = ("new", "updated", "unchanged", "removed")


def _statuses(counts: Counter) -> str:
    return ", ".join(f"{counts[s]} {s}" for s in _STATUSES if counts[s]) or "no notes"


def _count(n: int, noun: str) -> str:
    return f"{n} {_plural(noun, n)}"


def _plural(noun: str, n: int) -> str:
    if n == 1:
        return noun
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"


def build(paths: Sequence[str | os.PathLike], output: str | os.PathLike, *, deck: str = DEFAULT_DECK,
          settings: PlanSettings = PlanSettings(), dry_run: bool = False,
          vault: str | os.PathLike | None = None) -> BuildReport:
    """Read the notes under `paths`, plan their cards and write them to `output` as `deck`.
    `vault` names the Obsidian vault's folder for links back to the notes (default: the nearest
    folder above each note that holds `.obsidian/`).

    When `output` holds an earlier package, notes keep their identity and unchanged notes their
    `mod`; annotations that disappeared are carried once more, tagged `annodeck::removed`.
    """
    from .packager import check_output_path, write_package
    from .previous import PreviousPackageError, read_previous
    from .resync import resync

    output = Path(output)
    check_output_path(output)
    report = BuildReport(output=output, deck=deck, dry_run=dry_run)
    now = int(time.time())
    saved_at = _plan_all(paths, report, settings, vault)

    try:
        previous = read_previous(output)
    except PreviousPackageError as error:
        previous = {}
        report.problems.append(Problem(location=Location(file=str(output)), severity=Severity.WARNING,
                                       what=f"{error}; every note is written as changed"))
    report.rebuilt = bool(previous)

    def changed_at(card: Card) -> int:
        # when the note's file was last saved: the latest its content can have changed
        return min(saved_at.get(card.location.file, now), now)

    removed_at = min(max(saved_at.values(), default=now), now)
    notes, report.changes = resync(report.cards, previous, changed_at, removed_at)
    if notes and not dry_run:
        write_package(notes, output, deck, now)
        report.written = True
    return report


def check(paths: Sequence[str | os.PathLike], *, settings: PlanSettings = PlanSettings(),
          vault: str | os.PathLike | None = None) -> BuildReport:
    """Read and plan everything under `paths` without writing: the problems a build would meet."""
    report = BuildReport(output=Path(), deck="", dry_run=True)
    _plan_all(paths, report, settings, vault)
    return report


def _plan_all(paths, report: BuildReport, settings: PlanSettings, vault) -> dict[str, int]:
    """Read and plan into `report`; the files' save times, by display path."""
    annotations, saved_at = _read_all(paths, report, Path(vault).expanduser() if vault else None)
    planner = Planner(settings)
    for annotation in _unique_ids(annotations, report):
        planned = planner.plan(annotation)
        if isinstance(planned, Card):
            report.cards.append(planned)
            report.problems.extend(Problem(location=planned.location, what=w, severity=Severity.WARNING)
                                   for w in planned.warnings)
        else:
            report.skips.append(planned)
    return saved_at


def _read_all(paths, report: BuildReport, vault: Path | None) -> tuple[list[Annotation], dict[str, int]]:
    annotations: list[Annotation] = []
    saved_at: dict[str, int] = {}
    for item in discover(paths, report.problems):
        result, problems = read_found(item, vault)
        if result is not None:
            report.files += 1
            report.blocks += result.blocks
            annotations.extend(result.annotations)
            try:
                saved_at[item.display] = int(item.path.stat().st_mtime)
            except OSError:
                pass
        for problem in problems:
            if result is not None and problem.severity is Severity.ERROR:
                # a block the reader could not use at all is still an annotation the user made
                report.skips.append(Skip(annotation_id="", category="unreadable block",
                                         reason=problem.what, location=problem.location))
            else:
                report.problems.append(problem)
    return annotations, saved_at


def _unique_ids(annotations: Iterable[Annotation], report: BuildReport) -> list[Annotation]:
    """One annotation per id. Copies are reported naming both places; the copy read last wins
    (within a file, the later block is the one the reader fixed)."""
    last: dict[str, Annotation] = {}
    for annotation in annotations:
        earlier = last.get(annotation.id)
        if earlier is not None:
            report.skips.append(Skip(
                annotation_id=earlier.id, category="duplicate id", location=earlier.location,
                reason=f"the id ^{earlier.id} is used again at {annotation.location} (a copied block?); "
                       "that later copy is used",
            ))
        last[annotation.id] = annotation
    return [a for a in annotations if last[a.id] is a]
