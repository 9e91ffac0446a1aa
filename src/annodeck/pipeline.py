"""`build`: the whole pipeline, read → plan → package, as one library call.

Every annotation block found is accounted for: it becomes a card, or a skip with a reason.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .models import Annotation, Card, Problem, Severity, Skip
from .planner import PlanSettings, Planner
from .sources import discover, read_found

DEFAULT_DECK = "annodeck"


@dataclass
class BuildReport:
    output: Path
    deck: str
    files: int = 0
    blocks: int = 0
    cards: list[Card] = field(default_factory=list)
    skips: list[Skip] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: bool = False

    def skip_counts(self) -> Counter:
        return Counter(skip.category for skip in self.skips)

    def summary(self) -> str:
        files = f"{self.files} file" + ("" if self.files == 1 else "s")
        cards = f"{len(self.cards)} card" + ("" if len(self.cards) == 1 else "s")
        head = f"{cards} from {files}"
        head += f" written to {self.output}" if self.written else " (nothing written)"
        counts = self.skip_counts()
        if not counts:
            return f"{head}; no annotation skipped"
        why = ", ".join(f"{n} {_plural(category, n)}" for category, n in counts.most_common())
        skipped = sum(counts.values())
        return f"{head}; {skipped} annotation{'' if skipped == 1 else 's'} skipped ({why})"


def _plural(noun: str, n: int) -> str:
    if n == 1:
        return noun
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"


def build(paths: Sequence[str | os.PathLike], output: str | os.PathLike, *, deck: str = DEFAULT_DECK,
          settings: PlanSettings = PlanSettings(), dry_run: bool = False) -> BuildReport:
    """Read the notes under `paths`, plan their cards and write them to `output` as `deck`."""
    from .packager import check_output_path, write_package

    output = Path(output)
    check_output_path(output)
    report = BuildReport(output=output, deck=deck)
    annotations = _read_all(paths, report)
    planner = Planner(settings)
    for annotation in _unique_ids(annotations, report):
        planned = planner.plan(annotation)
        (report.cards if isinstance(planned, Card) else report.skips).append(planned)
    if report.cards and not dry_run:
        write_package(report.cards, output, deck)
        report.written = True
    return report


def _read_all(paths, report: BuildReport) -> list[Annotation]:
    annotations: list[Annotation] = []
    for item in discover(paths):
        result, problems = read_found(item)
        if result is not None:
            report.files += 1
            report.blocks += result.blocks
            annotations.extend(result.annotations)
        for problem in problems:
            if result is not None and problem.severity is Severity.ERROR:
                # a block the reader could not use at all is still an annotation the user made
                report.skips.append(Skip(annotation_id="", category="unreadable block",
                                         reason=problem.what, location=problem.location))
            else:
                report.problems.append(problem)
    return annotations


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
