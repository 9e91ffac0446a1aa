"""What a clinician reading a trial must recall: the rules that find it.

Each rule is a small function from a `Passage` to `Candidate`s. An effect size is one unit (a
hazard ratio with its confidence interval and P value; a rate with its comparator's rate; median
months), so that nothing left visible gives the hidden number away. The backbone a regimen is
built on (dexamethasone) and the paper's own trial (which the front's cue names) are not asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .passage import Candidate, Passage, key

#: drugs every regimen of a kind shares: asking for them asks nothing
BACKBONE = frozenset({"dexamethasone", "prednisone", "prednisolone", "methylprednisolone", "hydrocortisone"})
#: the second word of a two-word drug name (a conjugate or a cell therapy): "trastuzumab deruxtecan"
_SECOND_WORD = ("vedotin", "mafodotin", "deruxtecan", "govitecan", "tesirine", "leucel", "ozogamicin",
                "emtansine", "pegol", "tiuxetan")


def trials(passage: Passage) -> Iterable[Candidate]:
    for match in passage.lexicon.trials.find(passage.text):
        if match.name != passage.own_trial and key(match.name) not in passage.shown:
            yield Candidate(match.start, match.end, "trial", 0.9)


def drugs(passage: Passage) -> Iterable[Candidate]:
    text = passage.text
    found = passage.lexicon.drug_spans(text)
    merged: list[list[int]] = []
    for span in found:
        word = text[span.start : span.end]
        # "idecabtagene vicleucel", "trastuzumab deruxtecan": one name in two words
        if merged and text[merged[-1][1] : span.start] == " " and word.lower().endswith(_SECOND_WORD):
            merged[-1][1] = span.end
        else:
            merged.append([span.start, span.end])
    for start, end in merged:
        if key(text[start:end]) not in BACKBONE and key(text[start:end]) not in passage.shown:
            yield Candidate(start, end, "drug", 0.85)


def lesions(passage: Passage) -> Iterable[Candidate]:
    for span in passage.lexicon.lesion_spans(passage.text):
        yield Candidate(span.start, span.end, "lesion", 0.85)


def genes(passage: Passage) -> Iterable[Candidate]:
    for span in passage.lexicon.gene_spans(passage.text):
        if key(passage.text[span.start : span.end]) not in passage.shown:
            yield Candidate(span.start, span.end, "gene", 0.7)


_NUMBER = r"\d+(?:[.,·]\d+)?"
_P_NUMBER = r"(?:\d+)?[.,·]?\d+"
_RATIO = r"(?:\ba?HRs?|\bORs?|\bRRs?|\bIRR|(?i:\b(?:adjusted\s+)?(?:hazard|odds|risk|rate)\s+ratio|\brelative\s+risk))"
# (a bracket closes the interval only if one opened it: "(HR: 0.70; 95% CI: 0.36–1.40)" keeps its own)
_CI = (rf"\s*[;,]?\s*(?P<open>[(\[])?\s*(?:95|90|99|97\.5)\s*%\s*(?:CI|(?i:confidence\s+interval)),?\s*[:=,]?\s*"
       rf"{_NUMBER}\s*(?:[–—-]|to|,)\s*{_NUMBER}(?(open)\s*[)\]])")
_P = rf"\s*[;,]\s*[pP]\s*(?:value\s*)?[<=>≤≥]\s*{_P_NUMBER}"
#: a ratio with its value, then its confidence interval and P value where they follow
_EFFECT = re.compile(rf"{_RATIO}\s*[:=,]?\s*(?:of\s+|was\s+)?{_NUMBER}(?:{_CI})?(?:{_P})?")
#: a confidence interval with no ratio before it (the ratio's number precedes it): "0.70 (95% CI …)"
_VALUE_CI = re.compile(rf"(?<![\w.]){_NUMBER}\s*\(\s*(?:95|90|99)\s*%\s*(?:CI|(?i:confidence\s+interval)),?\s*[:=,]?\s*"
                       rf"{_NUMBER}\s*(?:[–—-]|to|,)\s*{_NUMBER}\s*\)")
_UNIT = r"(?:months?|mo|weeks?|wk|years?|yr|days?)"
_COMPARED = r"(?:vs\.?|versus|v\.?|compared\s+with|and)"
#: a rate or a time beside its comparator's: "86.7% vs 83.7%", "35.7 vs 19.2 months"
_PAIR = re.compile(
    rf"(?<![\w.])(?:{_NUMBER}\s*%|{_NUMBER}(?:\s*{_UNIT})?|not\s+reached|NR)\s*(?:\([^()]{{0,25}}\)\s*)?"
    rf"{_COMPARED}\s*(?:{_NUMBER}\s*%|{_NUMBER}\s*{_UNIT}|not\s+reached|NR)(?:\s*(?:\([^()]{{0,25}}\)\s*)?[,;]?\s*respectively)?")
_TIME = re.compile(rf"(?<![\w.]){_NUMBER}\s*{_UNIT}\b")
_PERCENT = re.compile(rf"(?<![\w.]){_NUMBER}\s*%")
_DOSE = re.compile(rf"(?<![\w.]){_NUMBER}\s*(?:mg|g|µg|mcg|mg/kg|mg/m2|mg/m²|IU|U)(?:/(?:kg|m2|m²|day|d))?(?![\w/])")
_LINE = re.compile(
    r"(?i:(?:≥\s*|>=\s*|>\s*|at\s+least\s+)?(?:\d+(?:\s*(?:[–-]|to)\s*\d+)?|one|two|three|four|one\s+to\s+three|"
    r"one\s+or\s+more|two\s+or\s+more|three\s+or\s+more)\s+(?:prior|previous)\s+(?:lines?(?:\s+of\s+(?:therapy|treatment))?"
    r"|therapies|regimens|treatments)|\b(?:first|second|third|fourth|later)[- ]line\b)")


def effects(passage: Passage) -> Iterable[Candidate]:
    text = passage.text
    if not any(ch.isdigit() for ch in text):
        return
    for pattern, kind, score in ((_EFFECT, "effect", 0.92), (_VALUE_CI, "effect", 0.9), (_PAIR, "effect", 0.88)):
        for m in pattern.finditer(text):
            if pattern is _PAIR and not _is_pair(m.group()):
                continue
            yield Candidate(m.start(), m.end(), kind, score)
    for m in _TIME.finditer(text):
        yield Candidate(m.start(), m.end(), "statistic", 0.7)
    for m in _PERCENT.finditer(text):
        yield Candidate(m.start(), m.end(), "statistic", 0.62)
    for m in _DOSE.finditer(text):
        yield Candidate(m.start(), m.end(), "statistic", 0.6)


def _is_pair(found: str) -> bool:
    # "and" joins two rates only when the sentence says "respectively"; a bare number needs a unit
    if re.search(r"\band\b", found) and "respectively" not in found:
        return False
    return "%" in found or bool(re.search(_UNIT, found)) or "reached" in found or "NR" in found


def lines_of_therapy(passage: Passage) -> Iterable[Candidate]:
    for m in _LINE.finditer(passage.text):
        yield Candidate(m.start(), m.end(), "line", 0.82)


RULES = (trials, drugs, lesions, effects, lines_of_therapy, genes)
