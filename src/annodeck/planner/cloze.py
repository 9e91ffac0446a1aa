"""What a cloze hides. A picker is a list of small rules, tried in order; the first rule that
finds something decides. When none does, the whole highlight is hidden inside its context.

1. `reader_marks`: what the reader marked inside the highlight (`==…==`, `**…**`, or a
   `{{c1::…}}` they typed): their choice, numbered as they numbered it or in reading order.
2. `domain_terms`: trial names, drug names, cytogenetic lesions, statistics, gene symbols; a few
   short terms, each kind with its own cloze number (c1 trials … c5 genes). Numbering by kind
   keeps a card's number when unrelated text changes, so a card never changes what it asks.

Every occurrence of a hidden term is hidden with it, or the card would give its answer away.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..render import escape_cloze, escape_deletion
from .terms import Found, Lexicon

#: at most this many distinct terms hidden per note, and per kind of term
MAX_TERMS = 4
MAX_PER_KIND = 2
#: a deletion is a term, not a clause
MAX_TERM = 40


class Deletion(NamedTuple):
    start: int
    end: int
    number: int
    #: shown in place of `[...]` (a hint the reader typed: `{{c1::term::hint}}`)
    hint: str = ""


class ClozeInput(NamedTuple):
    """A highlight as the rules see it: its text without the reader's marks, and the marks."""

    text: str
    marked: tuple[Deletion, ...]
    lexicon: Lexicon


ClozeRule = Callable[[ClozeInput], list[Deletion]]

# `==mark==`, `**bold**`, or a cloze the reader typed: `{{c2::term}}` / `{{c2::term::hint}}`
_MARK = re.compile(
    r"\{\{c(?P<n>\d+)::(?P<cloze>.+?)(?:::(?P<hint>[^{}]*?))?\}\}"
    r"|==(?=\S)(?P<mark>.+?)(?<=\S)=="
    r"|\*\*(?=\S)(?P<bold>.+?)(?<=\S)\*\*",
    re.DOTALL,
)


def strip_marks(highlight: str, literal_clozes: bool = True) -> tuple[str, tuple[Deletion, ...]]:
    """The highlight without the reader's marks, and where the marked text now sits.

    With `literal_clozes` off (the source text itself contains `{{c1::`), cloze syntax is text.
    """
    if "{{" not in highlight and "==" not in highlight and "**" not in highlight:
        return highlight, ()  # (most highlights: nothing marked)
    parts, marks, pos, length = [], [], 0, 0
    typed = [int(m.group("n")) for m in _MARK.finditer(highlight) if m.group("n") and literal_clozes]
    next_number = max((n for n in typed if n >= 1), default=0) + 1
    for m in _MARK.finditer(highlight):
        if m.group("n") is not None and (not literal_clozes or int(m.group("n")) < 1):
            continue
        inner = m.group("cloze") or m.group("mark") or m.group("bold")
        if m.group("n") is not None:
            number = int(m.group("n"))
        else:
            number, next_number = next_number, next_number + 1
        parts.append(highlight[pos : m.start()])
        length += m.start() - pos
        marks.append(Deletion(length, length + len(inner), number, m.group("hint") or ""))
        parts.append(inner)
        length += len(inner)
        pos = m.end()
    parts.append(highlight[pos:])
    return "".join(parts), tuple(marks)


# -- rules ------------------------------------------------------------------------------------


def reader_marks(source: ClozeInput) -> list[Deletion]:
    return list(source.marked)


#: the kinds of domain term, in the order they are worth hiding; the position is the cloze number
TERM_KINDS: tuple[tuple[str, Callable[[Lexicon, str], list[Found]]], ...] = (
    ("trial", Lexicon.trial_spans),
    ("drug", Lexicon.drug_spans),
    ("lesion", Lexicon.lesion_spans),
    ("statistic", Lexicon.statistic_spans),
    ("gene", Lexicon.gene_spans),
)


def domain_terms(source: ClozeInput) -> list[Deletion]:
    """A few short terms: one of each kind first, then a second of a kind, up to MAX_TERMS."""
    text, lexicon = source.text, source.lexicon
    candidates = []  # (kind, its terms), for the kinds the text holds
    for number, (_, find) in enumerate(TERM_KINDS, 1):
        spans = [f for f in find(lexicon, text) if 0 < len(text[f.start : f.end].strip()) <= MAX_TERM]
        if spans:
            candidates.append((number, spans))
    chosen: list[Deletion] = []
    terms: set[str] = set()
    for _ in range(MAX_PER_KIND):  # (each round, each kind adds one term it has not yet added)
        for number, spans in candidates:
            for span in spans:
                if len(terms) >= MAX_TERMS:
                    return chosen
                term = text[span.start : span.end]
                if term in terms or _overlaps(span.start, span.end, chosen):
                    continue
                chosen.append(Deletion(span.start, span.end, number))
                terms.add(term)
                break
    return chosen


DEFAULT_RULES: tuple[ClozeRule, ...] = (reader_marks, domain_terms)


# -- building the field -----------------------------------------------------------------------


def cloze_html(highlight: str, lexicon: Lexicon, context: tuple[str, str] = ("", ""), *,
               literal_clozes: bool = True, rules: Sequence[ClozeRule] = DEFAULT_RULES) -> str:
    """The cloze field for a highlight: the deletions the first rule that finds any picks, or
    the whole highlight shown inside its faded context."""
    text, marks = strip_marks(highlight, literal_clozes)
    source = ClozeInput(text=text, marked=marks, lexicon=lexicon)
    for rule in rules:
        deletions = [d for d in rule(source) if text[d.start : d.end].strip()]
        if deletions:
            return _with_deletions(text, _every_occurrence(text, deletions))
    return _whole(text, context)


def _every_occurrence(text: str, chosen: list[Deletion]) -> list[Deletion]:
    deletions = list(chosen)
    for d in chosen:
        term = text[d.start : d.end]
        at = text.find(term)
        while at >= 0:
            end = at + len(term)
            if not _overlaps(at, end, deletions) and _at_boundaries(text, at, end):
                deletions.append(Deletion(at, end, d.number))
            at = text.find(term, end)
    return sorted(deletions, key=lambda d: d.start)


def _with_deletions(text: str, deletions: list[Deletion]) -> str:
    out, pos = [], 0
    for d in deletions:
        out.append(escape_cloze(text[pos : d.start]))
        hint = f"::{escape_deletion(d.hint)}" if d.hint else ""
        out.append(f"{{{{c{d.number}::{escape_deletion(text[d.start : d.end])}{hint}}}}}")
        pos = d.end
    out.append(escape_cloze(text[pos:]))
    return "".join(out)


def _whole(text: str, context: tuple[str, str]) -> str:
    before, after = (" ".join(c.split()) for c in context)
    parts = []
    if before:
        parts.append(f'<span class="context">…{escape_cloze(before)}</span> ')
    parts.append(f"{{{{c1::{escape_deletion(text.strip())}}}}}")
    if after:
        parts.append(f' <span class="context">{escape_cloze(after)}…</span>')
    return "".join(parts)


def _overlaps(start: int, end: int, deletions: list[Deletion]) -> bool:
    return any(start < d.end and d.start < end for d in deletions)


def _at_boundaries(text: str, start: int, end: int) -> bool:
    # "16%" must not match inside "116%", nor "CD38" inside "CD381"
    before, after = text[start - 1 : start], text[end : end + 1]
    return not (before.isalnum() and text[start].isalnum()) and not (after.isalnum() and text[end - 1].isalnum())
