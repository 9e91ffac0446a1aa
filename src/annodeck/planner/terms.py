"""The domain terms a cloze hides: drug names, cytogenetic lesions, statistics, gene symbols.

Each finder returns spans of text; the cloze rules decide which to hide. Names ship as data
files (`data/drugs.txt`, `data/genes.txt`) that a deck recipe can extend.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from .patterns import literal, whole_words
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

# words that end in a stem are found from their ending, in the lowercased text
_STEM_ENDINGS = re.compile(whole_words((literal(stem) for stem in DRUG_STEMS), before=""))
_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_WORD_CHARACTER = re.compile(r"[\w-]")

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
# gene and protein symbols by pattern: CD38, IgG1, IL-6, HLA-DR (as atoms for `whole_words`)
_GENE_SHAPES = (["C", "D", r"\d{1,3}[a-z]?"], ["I", "g", r"[AGMDE][1-4]?"], ["I", "L", r"-?\d{1,2}"],
                ["H", "L", "A", "-", r"[A-Z]{1,3}\d*"])
#: a name that is one word (letters, digits, hyphens); others are found by a pattern of their own
_ONE_WORD = re.compile(r"[\w-]+")


class Lexicon:
    """Every finder the cloze rules use, with the names a deck adds to the shipped lists."""

    def __init__(self, trials: TrialFinder, drugs: Iterable[str] = (), genes: Iterable[str] = ()):
        self.trials = trials
        drugs, genes = _names(drugs), _names(genes)
        # drug names are matched without case, in the lowercased text
        drug_words = [literal(n.lower()) for n in drugs if _ONE_WORD.fullmatch(n)]
        self._drug_words = re.compile(whole_words(drug_words)) if drug_words else None
        self._drug_phrases = _listed([n for n in drugs if not _ONE_WORD.fullmatch(n)], re.IGNORECASE)
        self._genes = re.compile(whole_words([*_GENE_SHAPES, *(literal(n) for n in genes if _ONE_WORD.fullmatch(n))]))
        self._gene_phrases = _listed([n for n in genes if not _ONE_WORD.fullmatch(n)], 0)

    def trial_spans(self, text: str) -> list[Found]:
        return [Found(m.start, m.end) for m in self.trials.find(text)]

    def drug_spans(self, text: str) -> list[Found]:
        lower = _lowered(text)
        found = [Found(start, m.end()) for m in _STEM_ENDINGS.finditer(lower)
                 if (start := _stem_named(text, lower, m.start(), m.end())) is not None]
        if self._drug_words is not None:
            found += [f for f in _spans(lower, self._drug_words) if not _overlapping(f, found)]
        if self._drug_phrases is not None:
            found += [f for f in _spans(text, self._drug_phrases) if not _overlapping(f, found)]
        return sorted(found)

    def lesion_spans(self, text: str) -> list[Found]:
        return _spans(text, _LESION)

    def statistic_spans(self, text: str) -> list[Found]:
        found = [Found(m.start(), m.end(), int(m.lastgroup[1:])) for m in _STATISTIC.finditer(text)]
        return sorted(found, key=lambda f: (f.rank, f.start))

    def gene_spans(self, text: str) -> list[Found]:
        found = _spans(text, self._genes)
        if self._gene_phrases is not None:
            found += [f for f in _spans(text, self._gene_phrases) if not _overlapping(f, found)]
            found.sort()
        return found


def _lowered(text: str) -> str:
    """The text in lower case, character for character (so that positions still match)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _stem_named(text: str, lower: str, stem_start: int, end: int) -> int | None:
    """Where the drug named by its INN stem begins, if the word ending at `end` is one: a plain
    word of five or more letters (capitalised at most), with three letters or more before the
    stem, and nothing word-like touching it."""
    start = stem_start
    while start and lower[start - 1] in _ASCII_LOWER:
        start -= 1
    word = text[start:end]
    if start and _WORD_CHARACTER.match(text, start - 1):
        return None
    if (len(word) >= 5 and word.isascii() and word.isalpha() and word[1:].islower()
            and len(word) - _stem_length(word.lower()) >= 3):
        return start
    return None


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
