"""The domain terms a cloze hides: drug names, cytogenetic lesions, statistics, gene symbols.

Each finder returns spans of text; the cloze rules decide which to hide. Names ship as data
files (`data/drugs.txt`, `data/genes.txt`) that a deck recipe can extend.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from .patterns import AFTER, literal, tree, whole_words
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


# cytogenetic lesions: t(4;14), t(11;14)(q13;q32), del(17p), del(13q14), gain(1q21), amp(1q), +1q, -17p
# (the lookahead on the first characters lets the scan skip other positions cheaply)
_LESION = re.compile(
    r"(?=[tdgai+1-])(?<![\w(])(?:t\(\d{1,2};\d{1,2}\)(?:\([pq][\d.]+;[pq][\d.]+\))?"
    r"|(?:del|gain|amp|dup|inv|add)\((?:\d{1,2}|[XY])(?:[pq][\d.]*)?\)"
    r"|[+-]\d{1,2}[pq]\d*(?!\w)|1q21\+?)"
)
# what every lesion holds: a bracket before a chromosome, a signed arm, or 1q21. Each branch
# starts with a literal, so `re` skips to those characters instead of trying every position,
# and most texts hold none.
_LESION_HINT = re.compile(r"\(\d|\(X|\(Y|\+\d|-\d|1q21")

_DIGIT = re.compile(r"\d")
_NUMBER = r"\d+(?:[.,·]\d+)?"
# effect sizes and statistics, most worth hiding first: one pass, each kind a numbered group.
# The abbreviations are matched as written (capitals): "grade 3 or 4" holds no odds ratio.
_STATISTIC = re.compile(
    rf"(?=[aHORhopP\d≥≤])"
    rf"(?:(?P<s0>\b(?:a?HR|OR|RR|(?i:hazard ratio|odds ratio))\s*[:=,]?\s*{_NUMBER})"
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
        self._drug_words = _backwards([n.lower() for n in drugs if _ONE_WORD.fullmatch(n)])
        self._drug_phrases = _listed([n for n in drugs if not _ONE_WORD.fullmatch(n)], re.IGNORECASE)
        self._genes = re.compile(whole_words([*_GENE_SHAPES, *(literal(n) for n in genes if _ONE_WORD.fullmatch(n))]))
        self._gene_phrases = _listed([n for n in genes if not _ONE_WORD.fullmatch(n)], 0)
        # (repairs ask this of the few tokens they would change, and the same ones recur)
        self.is_name = lru_cache(maxsize=4096)(self._is_name)

    def _is_name(self, token: str) -> bool:
        """Whether a token is, all of it, a drug, gene or trial name this lexicon knows: text
        repair never splits or changes one."""
        whole = len(token)
        for spans in (self.drug_spans, self.gene_spans, self.trial_spans):
            if any(found.start == 0 and found.end == whole for found in spans(token)):
                return True
        return False

    def trial_spans(self, text: str) -> list[Found]:
        return [Found(m.start, m.end) for m in self.trials.find(text)]

    def drug_spans(self, text: str) -> list[Found]:
        lower = _lowered(text)
        found = []
        for m in self._drug_words.finditer(" " + lower[::-1]):
            # (character i > 0 of the scanned text is character len(text) - i of `text`)
            start, end = len(text) + 1 - m.end(), len(text) + 1 - m.start() - 1
            if m.lastgroup == "name" or _stem_named(text[start:end]):
                found.append(Found(start, end))
        found.reverse()
        if self._drug_phrases is not None:
            found += [f for f in _spans(text, self._drug_phrases) if not _overlapping(f, found)]
            found.sort()
        return found

    def lesion_spans(self, text: str) -> list[Found]:
        if not _LESION_HINT.search(text):
            return []
        return _spans(text, _LESION)

    def statistic_spans(self, text: str) -> list[Found]:
        if not _DIGIT.search(text):
            return []  # every statistic holds a number
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


def _backwards(names: list[str]) -> re.Pattern:
    """Listed drug names, and words that end in an INN stem, found in the lowercased text read
    backwards. Read forwards, a stem could begin at almost any letter, and `re` would try the
    pattern there; read backwards, a name or a stem begins right after the character that ends
    a word, and `re` tries it only there. (The leading character is that one; a text is scanned
    with a space before it.)"""
    names_tree = tree(literal(n[::-1]) for n in names) if names else "(?!)"
    stems_tree = tree(literal(stem[::-1]) for stem in DRUG_STEMS)
    return re.compile(rf"[^\w-](?:(?P<name>{names_tree})|(?P<stem>{stems_tree})[a-z]*){AFTER}")


def _stem_named(word: str) -> bool:
    """Whether a word that ends in an INN stem names a drug by it: a plain word of five or more
    letters (capitalised at most), with three letters or more before the stem."""
    return (len(word) >= 5 and word.isascii() and word.isalpha() and word[1:].islower()
            and len(word) - _stem_length(word.lower()) >= 3)


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
