"""What the rules of hiding look at (a `Passage`) and what they propose (`Candidate`s)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from ..sentences import Sentence, sentences
from ..terms import Lexicon
from ..words import WORD, function_words


class Candidate(NamedTuple):
    """A span of the passage worth hiding: one answer a card could ask for."""

    start: int
    end: int
    #: what it is: "trial", "drug", "lesion", "effect", "line", "gene", "statistic", "defined",
    #: "glossed", "quoted", "shared", "number", "name", "expansion", "rare"
    kind: str
    #: how much a reader of this text must recall it, from 0 to 1 (a rule's judgement)
    score: float


@dataclass(frozen=True)
class Passage:
    """A highlight as the rules see it: repaired, without the reader's marks."""

    text: str
    #: the language it is written in (a wordfreq code), or None for a script without spaces
    lang: str | None
    lexicon: Lexicon
    #: the reader's comment (markdown), "" when none
    comment: str = ""
    #: what the front of the card already shows (the source cue), casefolded: never hidden
    shown: frozenset[str] = frozenset()
    #: the paper's own trial, if known: never hidden (the cue names it)
    own_trial: str = ""

    @cached_property
    def sentences(self) -> list[Sentence]:
        return sentences(self.text)

    @cached_property
    def function_words(self) -> frozenset[str]:
        return function_words().get(self.lang or "", frozenset())

    @cached_property
    def words(self) -> list[re.Match]:
        return list(WORD.finditer(self.text))

    def sentence_of(self, position: int) -> int:
        for i, s in enumerate(self.sentences):
            if position < s.end:
                return i
        return max(len(self.sentences) - 1, 0)


def key(text: str) -> str:
    """How an answer is compared with another: without case, spacing or dash variants."""
    text = _DASHES.sub("-", text.casefold())
    return " ".join(text.split()).strip(" .,;:")


_DASHES = re.compile("[‐‑‒–—−]")
