"""Figures that track whether cards are worth studying (`annodeck check --stats`).

Each figure counts a way a card goes wrong, read off the cards a build makes: a deletion too
long to recall, a cloze number that hides two different terms (so its card asks two things in
either order), a front with no cue of where the fact comes from. Beside them: the cards by form
and the skips by reason.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .models import Card, Skip

#: a deletion longer than this is a passage to recite, not a term to recall
LONG_DELETION = 60

_DELETION = re.compile(r"\{\{c(\d+)::(.*?)(?:::[^{}]*)?\}\}", re.DOTALL)
_CUE = re.compile(r'<div class="cue">[^<]+</div>')
_SPACE = re.compile(r"\s+")


@dataclass
class Quality:
    notes: int = 0
    #: Anki cards: one per cloze number of a cloze note, one per question note
    cards: int = 0
    by_form: Counter = field(default_factory=Counter)
    #: deletions annodeck chose that are longer than LONG_DELETION (the reader's marks excepted)
    long_deletions: list[tuple[Card, str]] = field(default_factory=list)
    #: cloze numbers annodeck gave to two different terms
    mixed_numbers: list[tuple[Card, int, tuple[str, ...]]] = field(default_factory=list)
    #: notes whose front carries no cue of their source
    without_cue: list[Card] = field(default_factory=list)
    skips: Counter = field(default_factory=Counter)

    def lines(self) -> list[str]:
        forms = ", ".join(f"{n} {form}" for form, n in self.by_form.most_common()) or "none"
        skipped = ", ".join(f"{n} {reason}" for reason, n in self.skips.most_common()) or "none"
        return [
            f"notes: {self.notes} ({forms}); Anki cards: {self.cards}",
            f"chosen deletions over {LONG_DELETION} characters: {len(self.long_deletions)}",
            f"cloze numbers hiding two different terms: {len(self.mixed_numbers)}",
            f"fronts without a source cue: {len(self.without_cue)}",
            f"skipped: {sum(self.skips.values())} ({skipped})",
        ]

    def as_json(self) -> dict:
        return {
            "notes": self.notes,
            "cards": self.cards,
            "by_form": dict(self.by_form),
            "long_deletions": [{"file": c.location.file, "line": c.location.line, "id": c.annotation_id,
                                "deletion": d} for c, d in self.long_deletions],
            "mixed_numbers": [{"file": c.location.file, "line": c.location.line, "id": c.annotation_id,
                               "number": n, "terms": list(t)} for c, n, t in self.mixed_numbers],
            "without_cue": [{"file": c.location.file, "line": c.location.line, "id": c.annotation_id}
                            for c in self.without_cue],
            "skips": dict(self.skips),
        }


def quality(cards: Sequence[Card], skips: Sequence[Skip]) -> Quality:
    figures = Quality(notes=len(cards), skips=Counter(s.category for s in skips))
    for card in cards:
        figures.by_form[card.form] += 1
        front = card.fields.get("Text" if card.kind == "cloze" else "Front", "")
        if not _CUE.match(front):
            figures.without_cue.append(card)
        if card.kind != "cloze":
            figures.cards += 1
            continue
        deletions = [(int(n), _plain(content)) for n, content in _DELETION.findall(front)]
        same = _aliases(text for _, text in deletions)
        terms: dict[int, set[str]] = {}
        for number, text in deletions:
            terms.setdefault(number, set()).add(same.get(_core(text), _core(text)))
            if card.form == "chosen" and len(text) > LONG_DELETION:
                figures.long_deletions.append((card, text))
        figures.cards += len(terms)
        if card.form == "chosen":
            for number, found in sorted(terms.items()):
                if len(found) > 1:
                    figures.mixed_numbers.append((card, number, tuple(sorted(found))))
    return figures


_BRACKETED = re.compile(r"^(.*?)\s*\(([^()]*)\)$")


def _core(text: str) -> str:
    """A deletion as a term: "pomalidomide (P)" is the term "pomalidomide"."""
    match = _BRACKETED.match(text)
    return (match.group(1) if match and match.group(1) else text).casefold()


def _aliases(texts) -> dict[str, str]:
    """The abbreviations the deletions define ("isatuximab (Isa; Sarclisa)"), each to its term."""
    same = {}
    for text in texts:
        match = _BRACKETED.match(text)
        if match and match.group(1):
            for alias in re.split(r"\s*[;,]\s*", match.group(2)):
                same[alias.casefold()] = match.group(1).casefold()
    return same


def _plain(content: str) -> str:
    return _SPACE.sub(" ", html.unescape(re.sub(r"<[^>]+>", "", content))).strip()
