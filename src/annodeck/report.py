"""What a build did: every annotation accounted for (a card, or a skip with its reason), the
problems met, and what happened to each note of the package."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .models import Card, Problem, Severity, Skip

#: skips that mean something is wrong with the notes (a page note without a question is not)
TROUBLE = frozenset({"unreadable block", "duplicate id"})
#: skips a reader can turn into a card by marking a term or asking a question (`check` hints)
STEERABLE = frozenset({"nothing to ask"})


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

    def advice(self) -> list[Problem]:
        """Hints about cloze cards worth a second look (never a reason to fail)."""
        from .planner.advice import cloze_advice

        hints = [Problem(location=c.location, what=w, severity=Severity.WARNING)
                 for c in self.cards if c.kind == "cloze" for w in cloze_advice(c.fields["Text"])]
        # a highlight with nothing worth asking becomes a card once the reader marks its key term
        hints += [Problem(location=s.location, what=f"no card for ^{s.annotation_id}: {s.reason}",
                          severity=Severity.WARNING) for s in self.skips if s.category in STEERABLE]
        return sorted(hints, key=lambda p: (p.location.file, p.location.line))

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


class Accounts:
    """The report's cards, skips and problems, taken from each file's plan as it is handed on
    (in file order), so that little is left to do once the last plan is in.

    One card or skip per annotation id. Copies are reported naming both places; the copy read
    last wins (within a file, the later block is the one the reader fixed)."""

    def __init__(self, report: BuildReport):
        self.report = report
        self.cards: list[Card] = []
        #: in the order a report lists them: unreadable blocks, copied ids, the planner's skips
        self.unreadable: list[Skip] = []
        self.copies: list[Skip] = []
        self.skipped: list[Skip] = []
        self.last: dict[str, Card | Skip] = {}
        self.superseded: set[int] = set()  # id() of the copies a later one replaced

    def add(self, plan) -> None:
        """One file's plan (`fileplan.FilePlan`), in file order."""
        report = self.report
        if plan.note:
            report.files += 1
            report.blocks += plan.blocks
        for problem in plan.problems:
            if plan.note and problem.severity is Severity.ERROR:
                # a block the reader could not use at all is still an annotation the user made
                self.unreadable.append(Skip(annotation_id="", category="unreadable block",
                                            reason=problem.what, location=problem.location))
            else:
                report.problems.append(problem)
        last = self.last
        for item in plan.planned:
            if item.annotation_id:
                earlier = last.get(item.annotation_id)
                if earlier is not None:
                    self.copies.append(Skip(
                        annotation_id=earlier.annotation_id, category="duplicate id", location=earlier.location,
                        reason=f"the id ^{earlier.annotation_id} is used again at {item.location} (a copied block?); "
                               "that later copy is used",
                    ))
                    self.superseded.add(id(earlier))
                last[item.annotation_id] = item
            (self.cards if isinstance(item, Card) else self.skipped).append(item)

    def close(self) -> None:
        """Put what was added into the report."""
        report = self.report
        cards, skipped = self.cards, self.skipped
        if self.superseded:
            cards = [c for c in cards if id(c) not in self.superseded]
            skipped = [s for s in skipped if id(s) not in self.superseded]
        report.cards.extend(cards)
        report.skips.extend([*self.unreadable, *self.copies, *skipped])
        report.problems.extend(Problem(location=card.location, what=warning, severity=Severity.WARNING)
                               for card in cards if card.warnings for warning in card.warnings)
