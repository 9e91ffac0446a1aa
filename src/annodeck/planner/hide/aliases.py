"""Abbreviations a text defines in brackets: "B-cell maturation antigen (BCMA)", "pomalidomide (P)",
"Isatuximab (Isa; Sarclisa)". Hiding one of the pair while the other stays beside it would give
the answer away, so a hidden term takes its bracketed alias with it, and an alias of three or
more characters is hidden wherever else it appears.

The long form of an abbreviation is found as Schwartz and Hearst describe (2003): the shortest
run of words before the brackets in which the abbreviation's letters appear in order, its first
letter starting a word.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_BRACKETED = re.compile(r"\s*\(([^()]{1,40})\)")
_PART = re.compile(r"\s*[;,]\s*")
_WORD_BEFORE = re.compile(r"[\w'’-]+\s*$")


class Alias(NamedTuple):
    #: the long form, e.g. "B-cell maturation antigen"
    start: int
    end: int
    #: the bracket, e.g. " (BCMA)", from the end of the long form to its closing bracket
    bracket_end: int
    #: the short forms named in the bracket
    shorts: tuple[str, ...]


def aliases(text: str) -> list[Alias]:
    found = []
    for m in _BRACKETED.finditer(text):
        shorts = tuple(s for s in _PART.split(m.group(1).strip()) if _is_short_form(s))
        if not shorts:
            continue
        start = _long_form_start(text, m.start(), shorts[0])
        if start is not None:
            found.append(Alias(start, m.start(), m.end(), shorts))
    return found


def _is_short_form(text: str) -> bool:
    # one word of up to 12 characters, holding a letter: "BCMA", "P", "Isa", "Sarclisa", "IL-6"
    return 0 < len(text) <= 12 and " " not in text and any(ch.isalpha() for ch in text)


def _long_form_start(text: str, end: int, short: str) -> int | None:
    """Where the long form of `short` begins, if the words before `end` spell it."""
    letters = [ch.lower() for ch in short if ch.isalnum()]
    if not letters:
        return None
    before = text[:end]
    word = _WORD_BEFORE.search(before)
    if word is None:
        return None
    # one letter, or a word's beginning ("P" for pomalidomide, "Isa" for Isatuximab): that word
    if len(letters) <= 3 or short[1:].islower():
        if word.group().lower().startswith("".join(letters)) and word.group()[0].isalpha():
            return word.start()
        if short[:1].isupper() and short[1:].islower() and len(short) >= 4:
            return word.start()  # a brand name after the generic one: "isatuximab (Sarclisa)"
        if len(letters) == 1:
            return None
    # Schwartz-Hearst: match the letters from the last, backwards through the words before
    words = list(re.finditer(r"[\w'’]+(?:-[\w'’]+)*", before))[-(min(len(letters) + 5, len(letters) * 2)):]
    if not words:
        return None
    span_start = words[0].start()
    region = before[span_start:].lower()
    i = len(region) - 1
    for n, letter in enumerate(reversed(letters)):
        first = n == len(letters) - 1
        while i >= 0 and (region[i] != letter or (first and i > 0 and region[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
    start = span_start + i + 1
    return start if text[start:end].strip() and len(text[start:end].split()) <= len(letters) + 5 else None
