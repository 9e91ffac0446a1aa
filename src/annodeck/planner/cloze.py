"""A cloze field: the reader's own marks in a highlight, and the field built from deletions.

What the reader marked inside the highlight (`==…==`, `**…**`, or a `{{c1::…}}` they typed) is
their choice, numbered as they numbered it or in reading order; when they marked nothing, the
hiding rules (`planner.hide`) choose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..render import escape_cloze, escape_deletion


class Deletion(NamedTuple):
    start: int
    end: int
    number: int
    #: shown in place of `[...]` (a hint the reader typed: `{{c1::term::hint}}`)
    hint: str = ""


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


# -- building the field -----------------------------------------------------------------------


def cloze_html(text: str, deletions: Sequence[Deletion]) -> str:
    """The cloze field: `text` escaped, with each deletion as `{{cN::…}}` (a hint as typed)."""
    return _with_deletions(text, sorted(deletions, key=lambda d: d.start))


def _with_deletions(text: str, deletions: list[Deletion]) -> str:
    out, pos = [], 0
    for d in deletions:
        out.append(escape_cloze(text[pos : d.start]))
        hint = f"::{escape_deletion(d.hint)}" if d.hint else ""
        out.append(f"{{{{c{d.number}::{escape_deletion(text[d.start : d.end])}{hint}}}}}")
        pos = d.end
    out.append(escape_cloze(text[pos:]))
    return "".join(out)


def every_occurrence(text: str, marked: Sequence[Deletion]) -> list[Deletion]:
    """The reader's deletions, and every other place their text appears, under the same number:
    a term left visible elsewhere would give the answer away."""
    deletions = list(marked)
    for d in marked:
        term = text[d.start : d.end]
        at = text.find(term)
        while at >= 0 and term.strip():
            end = at + len(term)
            if not any(at < o.end and o.start < end for o in deletions) and _at_boundaries(text, at, end):
                deletions.append(Deletion(at, end, d.number))
            at = text.find(term, end)
    return sorted(deletions, key=lambda d: d.start)


def _at_boundaries(text: str, start: int, end: int) -> bool:
    # "16%" must not match inside "116%", nor "CD38" inside "CD381"
    before, after = text[start - 1 : start], text[end : end + 1]
    return not (before.isalnum() and text[start].isalnum()) and not (after.isalnum() and text[end - 1].isalnum())
