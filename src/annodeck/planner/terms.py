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
_DRUG_STEMS = (
    r"mab|zomib|lidomide|tinib|ciclib|parib|rafenib|lisib|cept|platin|taxel|rubicin|vedotin|tecan|"
    r"mustine|sone|solone|parin|xaban|gatran|statin|gliflozin|gliptin|glutide|prazole|sartan|pril|"
    r"olol|dipine|mycin|cycline|floxacin|vir|citabine|citidine|inostat|clax|leucel|trexate|fosfamide"
)
_DRUG = re.compile(rf"(?<![\w-])[A-Za-z][a-z]{{2,}}(?:{_DRUG_STEMS})(?![\w-])")

# cytogenetic lesions: t(4;14), t(11;14)(q13;q32), del(17p), del(13q14), gain(1q21), amp(1q), +1q, -17p
_LESION = re.compile(
    r"(?<![\w(])(?:t\(\d{1,2};\d{1,2}\)(?:\([pq][\d.]+;[pq][\d.]+\))?"
    r"|(?:del|gain|amp|dup|inv|add)\((?:\d{1,2}|[XY])(?:[pq][\d.]*)?\)"
    r"|[+-]\d{1,2}[pq]\d*(?!\w)|1q21\+?)"
)

_NUMBER = r"\d+(?:[.,·]\d+)?"
# effect sizes and statistics, most worth hiding first
_STATISTICS = (
    re.compile(rf"\b(?:a?HR|OR|RR|hazard ratio|odds ratio)\s*[:=,]?\s*{_NUMBER}", re.IGNORECASE),
    re.compile(rf"\b\d{{2}}\s*%\s*CI\s*[:=,]?\s*{_NUMBER}\s*(?:[–—-]|to)\s*{_NUMBER}"),
    re.compile(rf"\b[pP]\s*[<=>≤≥]\s*{_NUMBER}"),
    re.compile(rf"(?<![\w.]){_NUMBER}\s*%"),
    re.compile(rf"[≥≤]\s*{_NUMBER}"),
)
_GENE_PATTERN = re.compile(r"(?<![\w-])(?:CD\d{1,3}[a-z]?|Ig[AGMDE][1-4]?|IL-?\d{1,2}|HLA-[A-Z]{1,3}\d*)(?![\w-])")


class Lexicon:
    """Every finder the cloze rules use, with the names a deck adds to the shipped lists."""

    def __init__(self, trials: TrialFinder, drugs: Iterable[str] = (), genes: Iterable[str] = ()):
        self.trials = trials
        self._drugs = _listed(drugs, re.IGNORECASE)
        self._genes = _listed(genes, 0)

    def trial_spans(self, text: str) -> list[Found]:
        return [Found(m.start, m.end) for m in self.trials.find(text)]

    def drug_spans(self, text: str) -> list[Found]:
        return _spans(text, [_DRUG] + ([self._drugs] if self._drugs else []))

    def lesion_spans(self, text: str) -> list[Found]:
        return _spans(text, [_LESION])

    def statistic_spans(self, text: str) -> list[Found]:
        return _spans(text, _STATISTICS, ranked=True)

    def gene_spans(self, text: str) -> list[Found]:
        return _spans(text, [_GENE_PATTERN] + ([self._genes] if self._genes else []))


def _listed(names: Iterable[str], flags: int) -> re.Pattern | None:
    names = sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", flags)


def _spans(text: str, patterns, ranked: bool = False) -> list[Found]:
    found: list[Found] = []
    for rank, pattern in enumerate(patterns):
        for m in pattern.finditer(text):
            if not any(f.start < m.end() and m.start() < f.end for f in found):
                found.append(Found(m.start(), m.end(), rank if ranked else 0))
    return sorted(found, key=lambda f: (f.rank, f.start))


@lru_cache(maxsize=8)
def default_lexicon(trials: tuple[str, ...] = (), drugs: tuple[str, ...] = (), genes: tuple[str, ...] = ()) -> Lexicon:
    return Lexicon(default_finder(trials), load_names("drugs.txt") + drugs, load_names("genes.txt") + genes)
