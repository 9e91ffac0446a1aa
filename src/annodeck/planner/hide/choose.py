"""From the rules' candidates to the answers a note asks for, each with its own cloze number.

1. Candidates that overlap give way to the one a rule is surer of (then to the longer, which is
   how an effect size stays one unit).
2. A hidden term takes its bracketed abbreviation with it ("pomalidomide (P)").
3. Each sentence asks about its best candidate, and about a second only when that is as sure and
   of another kind (a trial and the drug it added). A term of a listing kind (trial, drug, lesion,
   gene) brings every other term of its kind in that sentence: the items of a list are asked
   alike, one card each with the others shown.
4. One answer per distinct term: the same term anywhere in the highlight shares its number, a
   different term gets its own. The number comes from the term itself, so a card keeps asking
   the same thing whatever else in the highlight changes.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .aliases import aliases
from .passage import Candidate, Passage, key

#: a longer deletion is a passage to recite, not a term to recall
MAX_ANSWER = 60
#: a sentence asks about its best candidate from this score on
MIN_SCORE = 0.5
#: a highlight none of whose sentences reaches MIN_SCORE asks about its best candidate from here
FALLBACK_SCORE = 0.4
#: a second answer in one sentence needs this much, and another kind
SECOND_SCORE = 0.8
MAX_ANSWERS = 6
#: kinds whose terms come in lists: all of a sentence's are asked once one is
LISTING = frozenset({"trial", "drug", "lesion", "gene"})
#: cloze numbers are taken from 1 to this
NUMBERS = 99


@dataclass
class Answer:
    """One thing the note asks: a term, every place it is hidden, and its cloze number."""

    key: str
    kind: str
    score: float
    spans: list[tuple[int, int]] = field(default_factory=list)
    #: other spellings hidden with it wherever they appear (an abbreviation the text defines)
    aliases: tuple[str, ...] = ()
    number: int = 0


def choose(passage: Passage, rules: Sequence) -> list[Answer]:
    candidates = list(_valid(passage, (c for rule in rules for c in rule(passage))))
    accepted = _without_overlaps(candidates)
    accepted, extended = _with_aliases(passage, accepted)
    picked = _per_sentence(passage, accepted)
    answers = _answers(passage, picked, extended)
    _number(answers)
    return answers


def _valid(passage: Passage, candidates: Iterable[Candidate]) -> Iterable[Candidate]:
    text = passage.text
    for c in candidates:
        span = text[c.start : c.end]
        if not span.strip() or len(span) > MAX_ANSWER or c.end - c.start >= len(text.strip()):
            continue
        if key(span) in passage.shown:
            continue
        yield c


def _without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    accepted: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (-c.score, -(c.end - c.start), c.start)):
        if not any(c.start < a.end and a.start < c.end for a in accepted):
            accepted.append(c)
    return sorted(accepted, key=lambda c: c.start)


def _with_aliases(passage: Passage, accepted: list[Candidate]) -> tuple[list[Candidate], dict]:
    """Terms extended over the abbreviation bracketed after them ("pomalidomide (P)"), and for
    each extended span, the term itself and its aliases."""
    found = aliases(passage.text)
    if not found:
        return accepted, {}
    extended: dict[tuple[int, int], tuple[tuple[int, int], tuple[str, ...]]] = {}
    out = []
    for c in accepted:
        for a in found:
            if c.kind == "expansion":
                break  # (the abbreviation is what such a card shows)
            is_term = (c.start, c.end) == (a.start, a.end)
            is_short = a.end < c.start and c.end <= a.bracket_end
            if is_term or is_short:
                others = [o for o in accepted if o is not c and o.start < a.bracket_end and a.start < o.end]
                if not others:
                    c = c._replace(start=a.start, end=a.bracket_end)
                    extended[(c.start, c.end)] = ((a.start, a.end), tuple(s for s in a.shorts if len(s) >= 3))
                break
        out.append(c)
    return _without_overlaps(out), extended


def _per_sentence(passage: Passage, accepted: list[Candidate]) -> list[Candidate]:
    by_sentence: dict[int, list[Candidate]] = {}
    for c in accepted:
        by_sentence.setdefault(passage.sentence_of(c.start), []).append(c)
    picked: list[Candidate] = []
    for candidates in by_sentence.values():
        ranked = sorted(candidates, key=lambda c: (-c.score, c.start))
        best = ranked[0]
        if best.score < MIN_SCORE:
            continue
        kinds = [best.kind]
        for c in ranked[1:]:
            if c.kind not in kinds and c.score >= SECOND_SCORE and len(kinds) < 2:
                kinds.append(c.kind)
        # a listing kind brings all its terms in the sentence; any other kind its best one
        picked += [c for c in ranked if c.kind in kinds and (c.kind in LISTING or c is _first(ranked, c.kind))]
    if not picked and accepted:
        best = max(accepted, key=lambda c: (c.score, -c.start))
        if best.score >= FALLBACK_SCORE:
            picked = [best]
    return sorted(picked, key=lambda c: c.start)


def _first(ranked: list[Candidate], kind: str) -> Candidate:
    return next(c for c in ranked if c.kind == kind)


def _answers(passage: Passage, picked: list[Candidate], extended: dict) -> list[Answer]:
    text = passage.text
    answers: dict[str, Answer] = {}
    spellings: dict[str, set[str]] = {}
    for c in picked:
        core, shorts = extended.get((c.start, c.end), ((c.start, c.end), ()))
        term = key(text[core[0] : core[1]])
        answer = answers.get(term)
        if answer is None:
            answer = answers[term] = Answer(term, c.kind, c.score)
        answer.spans.append((c.start, c.end))
        answer.score = max(answer.score, c.score)
        answer.aliases = tuple(dict.fromkeys((*answer.aliases, *shorts)))
        spellings.setdefault(term, set()).add(text[core[0] : core[1]])
    chosen = sorted(answers.values(), key=lambda a: (-a.score, a.spans[0][0]))[:MAX_ANSWERS]
    # every other place a chosen term (or an alias of it) appears is hidden with it
    taken = [s for a in chosen for s in a.spans]
    for answer in chosen:
        for spelling in sorted(spellings[answer.key] | set(answer.aliases), key=len, reverse=True):
            for start, end in _occurrences(text, spelling):
                if not any(start < e and s < end for s, e in taken):
                    answer.spans.append((start, end))
                    taken.append((start, end))
        answer.spans.sort()
    return sorted(chosen, key=lambda a: a.spans[0][0])


def _occurrences(text: str, spelling: str) -> Iterable[tuple[int, int]]:
    if not spelling.strip():
        return
    for m in re.finditer(re.escape(spelling), text, re.IGNORECASE):
        start, end = m.span()
        before, after = text[start - 1 : start], text[end : end + 1]
        if (before.isalnum() and text[start].isalnum()) or (after.isalnum() and text[end - 1].isalnum()):
            continue  # "16%" inside "116%", "CD38" inside "CD381"
        yield start, end


def _number(answers: list[Answer]) -> None:
    """Each answer's cloze number, from its term: the same term always asks under one number."""
    used: set[int] = set()
    for answer in sorted(answers, key=lambda a: (_hashed(a.key), a.key)):
        number = _hashed(answer.key)
        while number in used:
            number = number % NUMBERS + 1
        used.add(number)
        answer.number = number


def _hashed(term: str) -> int:
    return zlib.crc32(term.encode("utf-8")) % NUMBERS + 1
