"""What a cloze hides. A picker is a list of small rules, tried in order; the first rule that
finds something decides. When none does, the whole highlight is hidden inside its context.

A rule takes the highlight's plain text and returns the spans it would hide. Every occurrence
of a chosen term shares one cloze number, so the card never shows the answer elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..render import escape, escape_cloze, escape_deletion
from .trials import TrialFinder

MAX_DELETIONS = 3
MAX_TERM = 40


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class ClozeInput:
    """A highlight as the rules see it: its text without marks, and what the reader marked."""

    text: str
    marked: tuple[Span, ...]
    trials: TrialFinder


ClozeRule = Callable[[ClozeInput], list[Span]]

# `==mark==` or `**bold**` typed into the highlight: the reader's own choice of what to hide
_MARK = re.compile(r"==(?=\S)(.+?)(?<=\S)==|\*\*(?=\S)(.+?)(?<=\S)\*\*", re.DOTALL)


def strip_marks(highlight: str) -> tuple[str, tuple[Span, ...]]:
    """The highlight without its `==…==`/`**…**` marks, and where the marked text now sits."""
    parts, spans, pos, length = [], [], 0, 0
    for m in _MARK.finditer(highlight):
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        parts.append(highlight[pos : m.start()])
        length += m.start() - pos
        spans.append(Span(length, length + len(inner)))
        parts.append(inner)
        length += len(inner)
        pos = m.end()
    parts.append(highlight[pos:])
    return "".join(parts), tuple(spans)


# -- rules ------------------------------------------------------------------------------------


def marked(source: ClozeInput) -> list[Span]:
    return list(source.marked)


def trial_names(source: ClozeInput) -> list[Span]:
    return [Span(m.start, m.end) for m in source.trials.find(source.text)]


# International Nonproprietary Name stems of drug classes common in clinical reading
_DRUG = re.compile(
    r"(?<![\w-])[A-Za-z][a-z]{2,}(?:mab|zomib|lidomide|tinib|ciclib|parib|rafenib|lisib|tuzumab|"
    r"cept|platin|taxel|rubicin|ximab|zumab|umab|vedotin|tecan|mustine|sone|solone|parin|xaban|gatran|"
    r"statin|gliflozin|gliptin|glutide|prazole|sartan|pril|olol|dipine|mycin|cycline|floxacin|vir)(?![\w-])"
)
# cytogenetic lesions: t(4;14), del(17p), del(13q14), gain(1q21), amp(1q), +1q, -17p
_LESION = re.compile(
    r"(?<![\w(])(?:t\(\d{1,2};\d{1,2}\)(?:\([pq][\d.]+;[pq][\d.]+\))?|"
    r"(?:del|gain|amp|dup|inv|add)\((?:\d{1,2}|[XY])(?:[pq][\d.]*)?\)|[+-](?:\d{1,2}[pq]\d*)(?![\w]))"
)
_NUMBER = r"\d+(?:[.,·]\d+)?"
# effect sizes and statistics: HR: 0.70, 95% CI: 0.36–1.40, p < 0.001, 16%, ≥2
_STATISTIC = re.compile(
    rf"(?:\b(?:a?HR|OR|RR)\s*[:=]?\s*{_NUMBER}"
    rf"|\b\d{{2}}\s*%\s*CI\s*[:=,]?\s*{_NUMBER}\s*(?:[–—-]|to)\s*{_NUMBER}"
    rf"|\b[pP]\s*[<=>≤≥]\s*{_NUMBER}"
    rf"|[≥≤<>]\s*{_NUMBER}"
    rf"|(?<![\w.]){_NUMBER}\s*%)"
)


def domain_terms(source: ClozeInput) -> list[Span]:
    """Trial names, drug names, cytogenetic lesions and statistics, a few at most.

    One term of each kind comes first (a card about a trial and its effect size hides both),
    then further terms in reading order.
    """
    kinds = [
        trial_names(source),
        _matches(_DRUG, source.text),
        _matches(_LESION, source.text),
        _matches(_STATISTIC, source.text),
    ]
    taken: list[Span] = []
    for first_only in (True, False):
        for spans in kinds:
            for span in spans:
                if len(_distinct_terms(source.text, taken)) >= MAX_DELETIONS:
                    return taken
                if not _overlaps(span, taken) and len(_term(source.text, span).strip()) <= MAX_TERM:
                    taken.append(span)
                    if first_only:
                        break
    return taken


DEFAULT_RULES: tuple[ClozeRule, ...] = (marked, domain_terms)


# -- building the field -----------------------------------------------------------------------


def cloze_html(highlight: str, trials: TrialFinder, context: tuple[str, str] = ("", ""),
               rules: Sequence[ClozeRule] = DEFAULT_RULES) -> str:
    """The cloze field for a highlight: the deletions the first successful rule picks, each
    distinct term with its own number in reading order; or the whole highlight in context."""
    text, marks = strip_marks(highlight)
    source = ClozeInput(text=text, marked=marks, trials=trials)
    for rule in rules:
        spans = [s for s in rule(source) if text[s.start : s.end].strip()]
        if spans:
            return _with_deletions(text, spans)
    return _whole(text, context)


def _with_deletions(text: str, chosen: list[Span]) -> str:
    numbers: dict[str, int] = {}
    for span in sorted(chosen, key=lambda s: s.start):
        numbers.setdefault(_term(text, span), len(numbers) + 1)
    # every occurrence of a chosen term is hidden, or the card would give its own answer away
    spans = list(chosen)
    for term in numbers:
        for m in re.finditer(re.escape(term), text):
            span = Span(m.start(), m.end())
            if not _overlaps(span, spans):
                spans.append(span)
    out, pos = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        number = numbers[_term(text, span)]
        out.append(escape_cloze(text[pos : span.start]))
        out.append(f"{{{{c{number}::{escape_deletion(text[span.start : span.end])}}}}}")
        pos = span.end
    out.append(escape_cloze(text[pos:]))
    return "".join(out)


def _whole(text: str, context: tuple[str, str]) -> str:
    before, after = (c.strip() for c in context)
    parts = []
    if before:
        parts.append(f'<span class="context">…{escape_cloze(before)}</span> ')
    parts.append(f"{{{{c1::{escape_deletion(text.strip())}}}}}")
    if after:
        parts.append(f' <span class="context">{escape_cloze(after)}…</span>')
    return "".join(parts)


def _matches(pattern: re.Pattern, text: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in pattern.finditer(text)]


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(span.start < s.end and s.start < span.end for s in spans)


def _term(text: str, span: Span) -> str:
    return text[span.start : span.end]


def _distinct_terms(text: str, spans: list[Span]) -> set[str]:
    return {_term(text, s) for s in spans}


__all__ = ["ClozeRule", "DEFAULT_RULES", "cloze_html", "strip_marks", "escape"]
