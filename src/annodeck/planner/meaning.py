"""Word ↔ meaning cards: a short highlight (a word or a term) whose comment is its translation or
a short definition asks for that meaning, not for a word blanked out of a fragment.
"""

from __future__ import annotations

import re

from .words import function_words, language

#: a term is at most this many words (in a script written with spaces) …
TERM_WORDS = 5
#: … or this many characters (in one written without)
TERM_CHARACTERS = 40
#: a meaning longer than this is an essay, not a meaning
MEANING_CHARACTERS = 320

_VERB = re.compile(r"[a-z]{2,}ed|is|are|was|were|has|have|had|does|did|can|may|will|must|shows?|causes?")
_INNER_PUNCTUATION = re.compile(r"[,;:=<>≥≤%]|[.!?](?=\s)")
_SENTENCE_END = re.compile(r"[.!?。！？]\s*$")
_TASK = re.compile(r"^\s*(?:[-*+]\s*)?\[[ xX]?\]")  # "- [ ] look this up": a to-do, not a meaning
_LINK_ONLY = re.compile(r"^\s*!?\[\[[^\]]*\]\]\s*$")


def is_term(text: str) -> bool:
    """Whether a highlight is a word or a term rather than a sentence or a passage: a few words,
    no more than one of them a function word ("hazard ratio", "dégradation d'Edman")."""
    text = text.strip()
    if not text or len(text) > TERM_CHARACTERS * 2 or "\n" in text:
        return False
    if _SENTENCE_END.search(text) and len(text.split()) > 2:
        return False
    if _INNER_PUNCTUATION.search(text):
        return False  # "daratumumab, HR: 0.70": a clause or a list, not a term
    tokens = text.split()
    if len(tokens) == 1:
        return len(text) <= TERM_CHARACTERS
    lang = language(text)
    listed = function_words().get(lang or "", frozenset())
    small = sum(1 for t in tokens if t.lower() in listed)
    if lang == "en" and any(_VERB.fullmatch(t.lower()) for t in tokens[1:]):
        return False  # "daratumumab improved PFS" says something
    return len(tokens) <= TERM_WORDS and small <= 1 and len(text) <= TERM_CHARACTERS * 2


def meaning_of(term: str, comment: str) -> str | None:
    """The comment, when it gives the meaning of the highlighted term; else None."""
    meaning = comment.strip()
    if not meaning or not is_term(term) or len(meaning) > MEANING_CHARACTERS:
        return None
    if len(meaning) < 3 and meaning.isascii():
        return None  # "c", "ok": a mark, not a meaning
    if _TASK.match(meaning) or _LINK_ONLY.match(meaning) or meaning.startswith("#"):
        return None
    if _plain(meaning) == _plain(term):
        return None  # the comment only repeats the highlight
    if meaning.count("\n") > 4:
        return None
    return meaning


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
