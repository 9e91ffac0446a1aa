"""Where the sentences of a highlight begin and end: a card asks about one sentence at a time.

A sentence ends at `.`, `!` or `?` followed by a space and a capital, digit or bracket (or the end
of the text), and at the full-width marks of CJK text. Abbreviations that end in a period
("et al.", "e.g.", "vs.", "Fig.", "i.e.", a single capital initial) and decimals do not end one.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_ABBREVIATIONS = frozenset(
    "al e.g i.e vs etc fig figs eq eqs ref refs no nos vol approx ca cf dr mr mrs ms prof st "
    "jan feb mar apr jun jul aug sep sept oct nov dec p pp ed eds inc ltd co resp ie eg".split()
)
# a sentence mark, then what may close it (quotes, brackets), then space and a sentence start
_END = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9À-ÖØ-ÞĀ-ſ]|\s*$)|[。！？；]+[”’」』）]*|\.(?=[\u3400-\u9fff])""")


class Sentence(NamedTuple):
    start: int
    end: int


def sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, as spans that cover it without the spaces between them."""
    spans: list[Sentence] = []
    start = _skip_space(text, 0)
    for m in _END.finditer(text):
        end = m.end()
        if end <= start or _is_abbreviation(text, m.start()):
            continue
        spans.append(Sentence(start, end))
        start = _skip_space(text, end)
    if start < len(text.rstrip()):
        spans.append(Sentence(start, len(text.rstrip())))
    return spans


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = re.search(r"([\w.]+)$", text[:dot])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    if token in _ABBREVIATIONS:
        return True
    # "J. Smith", "U.S."
    return len(token) == 1 and token.isalpha() or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", token))
