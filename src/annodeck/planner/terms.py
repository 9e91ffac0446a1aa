"""The domain terms a cloze hides: drug names, cytogenetic lesions, statistics, gene symbols.

Each finder returns spans of text; the cloze rules decide which to hide. Names ship as data
files (`data/drugs.txt`, `data/genes.txt`) that a deck recipe can extend.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .trials import TrialFinder, default_finder, load_names


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    #: lower is more worth hiding, among terms of one kind (an effect size before a percentage)
    rank: int = 0


# International Nonproprietary Name stems of drug classes common in clinical reading
DRUG_STEMS = tuple(
    "mab zomib lidomide tinib ciclib parib rafenib lisib cept platin taxel rubicin vedotin tecan "
    "mustine sone solone parin xaban gatran statin gliflozin gliptin glutide prazole sartan pril "
    "olol dipine mycin cycline floxacin vir citabine citidine inostat clax leucel trexate fosfamide".split()
)
# a word, then a stem test in Python: a regex alternation of stems backtracks at every word
_WORD = re.compile(r"(?<![\w-])[A-Za-z][a-z]{4,}(?![\w-])")

# cytogenetic lesions: t(4;14), t(11;14)(q13;q32), del(17p), del(13q14), gain(1q21), amp(1q), +1q, -17p
_LESION = re.compile(
    r"(?<![\w(])(?:t\(\d{1,2};\d{1,2}\)(?:\([pq][\d.]+;[pq][\d.]+\))?"
    r"|(?:del|gain|amp|dup|inv|add)\((?:\d{1,2}|[XY])(?:[pq][\d.]*)?\)"
    r"|[+-]\d{1,2}[pq]\d*(?!\w)|1q21\+?)"
)

_NUMBER = r"\d+(?:[.,·]\d+)?"
# effect sizes and statistics, most worth hiding first: one pass, each kind a numbered group
_STATISTIC = re.compile(
    rf"(?P<s0>\b(?i:a?HR|OR|RR|hazard ratio|odds ratio)\s*[:=,]?\s*{_NUMBER})"
    rf"|(?P<s1>\b\d{{2}}\s*%\s*CI\s*[:=,]?\s*{_NUMBER}\s*(?:[–—-]|to)\s*{_NUMBER})"
    rf"|(?P<s2>\b[pP]\s*[<=>≤≥]\s*{_NUMBER})"
    rf"|(?P<s3>(?<![\w.]){_NUMBER}\s*%)"
    rf"|(?P<s4>[≥≤]\s*{_NUMBER})"
)
_GENE_PATTERN = re.compile(r"(?<![\w-])(?:CD\d{1,3}[a-z]?|Ig[AGMDE][1-4]?|IL-?\d{1,2}|HLA-[A-Z]{1,3}\d*)(?![\w-])")


class Lexicon:
    """Every finder the cloze rules use, with the names a deck adds to the shipped lists."""

    def __init__(self, trials: TrialFinder, drugs: Iterable[str] = (), genes: Iterable[str] = ()):
        self.trials = trials
        self._drugs = _listed(drugs, re.IGNORECASE)
        listed_genes = _listed(genes, 0)
        self._genes = re.compile(_GENE_PATTERN.pattern + (f"|{listed_genes.pattern}" if listed_genes else ""))

    def trial_spans(self, text: str) -> list[Found]:
        return [Found(m.start, m.end) for m in self.trials.find(text)]

    def drug_spans(self, text: str) -> list[Found]:
        found = [Found(m.start(), m.end()) for m in _WORD.finditer(text)
                 if m.group().lower().endswith(DRUG_STEMS) and len(m.group()) - _stem_length(m.group()) >= 3]
        if self._drugs:
            found += [f for f in _spans(text, [self._drugs]) if not _overlapping(f, found)]
        return sorted(found, key=lambda f: f.start)

    def lesion_spans(self, text: str) -> list[Found]:
        return _spans(text, [_LESION])

    def statistic_spans(self, text: str) -> list[Found]:
        found = [Found(m.start(), m.end(), int(m.lastgroup[1:])) for m in _STATISTIC.finditer(text)]
        return sorted(found, key=lambda f: (f.rank, f.start))

    def gene_spans(self, text: str) -> list[Found]:
        return [Found(m.start(), m.end()) for m in self._genes.finditer(text)]


def _stem_length(word: str) -> int:
    lower = word.lower()
    return max(len(stem) for stem in DRUG_STEMS if lower.endswith(stem))


def _overlapping(found: Found, others: list[Found]) -> bool:
    return any(found.start < o.end and o.start < found.end for o in others)


def _listed(names: Iterable[str], flags: int) -> re.Pattern | None:
    names = sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", flags)


def _spans(text: str, patterns, ranked: bool = False) -> list[Found]:
    """Matches of the patterns, earlier patterns winning where two overlap."""
    if len(patterns) == 1:
        return [Found(m.start(), m.end()) for m in patterns[0].finditer(text)]
    found: list[Found] = []
    taken = bytearray(len(text) + 1)  # which characters an earlier match already holds
    for rank, pattern in enumerate(patterns):
        for m in pattern.finditer(text):
            start, end = m.span()
            if not any(taken[start:end]):
                taken[start:end] = b"\x01" * (end - start)
                found.append(Found(start, end, rank if ranked else 0))
    return sorted(found, key=lambda f: (f.rank, f.start))


@lru_cache(maxsize=8)
def default_lexicon(trials: tuple[str, ...] = (), drugs: tuple[str, ...] = (), genes: tuple[str, ...] = ()) -> Lexicon:
    return Lexicon(default_finder(trials), load_names("drugs.txt") + drugs, load_names("genes.txt") + genes)
