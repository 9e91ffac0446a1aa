"""The domain terms a cloze hides: drug names, cytogenetic lesions, statistics, gene symbols.

Each finder returns spans of text; the cloze rules decide which to hide. Names ship as data
files (`data/drugs.txt`, `data/genes.txt`) that a deck recipe can extend.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from .trials import TrialFinder, default_finder, load_names


class Found(NamedTuple):
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

# A "word" for names and symbols: a maximal run of word characters and hyphens. A listed name
# made only of such characters matches exactly the tokens equal to it, which is what
# `(?<![\w-])name(?![\w-])` means; the finders share one scan of the text into tokens instead of
# running an alternation of every name at every position.
_TOKEN = re.compile(r"[\w-]+")

# cytogenetic lesions: t(4;14), t(11;14)(q13;q32), del(17p), del(13q14), gain(1q21), amp(1q), +1q, -17p
# (the lookahead on the first characters lets the scan skip other positions cheaply)
_LESION = re.compile(
    r"(?=[tdgai+1-])(?<![\w(])(?:t\(\d{1,2};\d{1,2}\)(?:\([pq][\d.]+;[pq][\d.]+\))?"
    r"|(?:del|gain|amp|dup|inv|add)\((?:\d{1,2}|[XY])(?:[pq][\d.]*)?\)"
    r"|[+-]\d{1,2}[pq]\d*(?!\w)|1q21\+?)"
)

_NUMBER = r"\d+(?:[.,·]\d+)?"
# effect sizes and statistics, most worth hiding first: one pass, each kind a numbered group
_STATISTIC = re.compile(
    rf"(?=[aAhHoOrRpP\d≥≤])"
    rf"(?:(?P<s0>\b(?i:a?HR|OR|RR|hazard ratio|odds ratio)\s*[:=,]?\s*{_NUMBER})"
    rf"|(?P<s1>\b\d{{2}}\s*%\s*CI\s*[:=,]?\s*{_NUMBER}\s*(?:[–—-]|to)\s*{_NUMBER})"
    rf"|(?P<s2>\b[pP]\s*[<=>≤≥]\s*{_NUMBER})"
    rf"|(?P<s3>(?<![\w.]){_NUMBER}\s*%)"
    rf"|(?P<s4>[≥≤]\s*{_NUMBER}))"
)
# gene and protein symbols by pattern; tried on tokens that start with one of these letters
_GENE_TOKEN = re.compile(r"CD\d{1,3}[a-z]?|Ig[AGMDE][1-4]?|IL-?\d{1,2}|HLA-[A-Z]{1,3}\d*")
_GENE_INITIALS = frozenset("CIH")


class Lexicon:
    """Every finder the cloze rules use, with the names a deck adds to the shipped lists."""

    def __init__(self, trials: TrialFinder, drugs: Iterable[str] = (), genes: Iterable[str] = ()):
        self.trials = trials
        drugs, genes = _names(drugs), _names(genes)
        # names that are one token are looked up; any other (with a space, a dot…) by a pattern
        self._drug_words = frozenset(n.lower() for n in drugs if _TOKEN.fullmatch(n))
        self._drug_phrases = _listed([n for n in drugs if not _TOKEN.fullmatch(n)], re.IGNORECASE)
        self._gene_words = frozenset(n for n in genes if _TOKEN.fullmatch(n))
        self._gene_phrases = _listed([n for n in genes if not _TOKEN.fullmatch(n)], 0)
        self._scanned: tuple[str, list[tuple[int, int, str]]] = ("", [])

    def _tokens(self, text: str) -> list[tuple[int, int, str]]:
        # the drug and gene finders look at the same text one after the other: scan it once
        if self._scanned[0] != text:
            self._scanned = (text, [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)])
        return self._scanned[1]

    def trial_spans(self, text: str) -> list[Found]:
        return [Found(m.start, m.end) for m in self.trials.find(text)]

    def drug_spans(self, text: str) -> list[Found]:
        words = self._drug_words
        found = [Found(start, end) for start, end, word in self._tokens(text)
                 if (low := word.lower()) in words or _stem_named(word, low)]
        if self._drug_phrases:
            found += [f for f in _spans(text, self._drug_phrases) if not _overlapping(f, found)]
            found.sort()
        return found

    def lesion_spans(self, text: str) -> list[Found]:
        return _spans(text, _LESION)

    def statistic_spans(self, text: str) -> list[Found]:
        found = [Found(m.start(), m.end(), int(m.lastgroup[1:])) for m in _STATISTIC.finditer(text)]
        return sorted(found, key=lambda f: (f.rank, f.start))

    def gene_spans(self, text: str) -> list[Found]:
        words = self._gene_words
        found = [Found(start, end) for start, end, word in self._tokens(text)
                 if word in words or (word[0] in _GENE_INITIALS and _GENE_TOKEN.fullmatch(word))]
        if self._gene_phrases:
            found += [f for f in _spans(text, self._gene_phrases) if not _overlapping(f, found)]
            found.sort()
        return found


def _stem_named(word: str, low: str) -> bool:
    """A drug by its INN stem: a plain word of five or more letters (capitalised at most), with
    at least three letters before its stem."""
    return (len(word) >= 5 and low.endswith(DRUG_STEMS) and word.isascii() and word.isalpha()
            and word[1:].islower() and len(word) - _stem_length(low) >= 3)


def _stem_length(lower: str) -> int:
    return max(len(stem) for stem in DRUG_STEMS if lower.endswith(stem))


def _overlapping(found: Found, others: list[Found]) -> bool:
    return any(found.start < o.end and o.start < found.end for o in others)


def _names(names: Iterable[str]) -> list[str]:
    return sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True)


def _listed(names: list[str], flags: int) -> re.Pattern | None:
    if not names:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", flags)


def _spans(text: str, pattern: re.Pattern) -> list[Found]:
    return [Found(m.start(), m.end()) for m in pattern.finditer(text)]


@lru_cache(maxsize=8)
def default_lexicon(trials: tuple[str, ...] = (), drugs: tuple[str, ...] = (), genes: tuple[str, ...] = ()) -> Lexicon:
    return Lexicon(default_finder(trials), load_names("drugs.txt") + drugs, load_names("genes.txt") + genes)
