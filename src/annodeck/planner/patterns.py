"""Patterns for lists of whole words (trial names, drugs, genes) that Python's `re` scans fast.

A plain alternation `(?<![\\w-])(?:NAME|NAME|…)(?![\\w-])` tries every name at every position of
the text. The same language, written as a tree of shared beginnings whose first level starts
with plain characters, lets `re` jump straight to the positions where some name could start
(it does so for any pattern whose alternatives all begin with a literal character).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: a word here is a run of word characters and hyphens: nothing of that kind may touch a match
AFTER = r"(?![\w-])"
#: the same check before a match, made after its first character (which keeps that character
#: the first thing in each alternative)
BEFORE_AFTER_FIRST = r"(?<![\w-].)"


def literal(text: str) -> list[str]:
    """A name as the atoms `whole_words` takes: one escaped character each."""
    return [re.escape(ch) for ch in text]


def whole_words(spellings: Iterable[list[str]]) -> str:
    """A pattern matching any of `spellings` as a whole word. Each spelling is a list of regex
    atoms (single characters, or pieces such as `\\d{1,3}`); the first should be one literal
    character. Where two spellings share a beginning, the longer is tried first."""
    return tree(spellings, BEFORE_AFTER_FIRST) + AFTER


def tree(spellings: Iterable[list[str]], after_first: str = "") -> str:
    """Any of `spellings` (lists of atoms, as for `whole_words`), as a tree of shared beginnings;
    `after_first` is put after each first character."""
    root: dict = {}
    for atoms in spellings:
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = {}

    def branch(node: dict) -> str:
        options = [atom + branch(rest) for atom, rest in node.items() if atom]
        if not options:
            return ""
        body = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
        # an optional ending is greedy: "ELOQUENT-1" is found before a listed "ELOQUENT"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + "|".join(first + after_first + branch(rest) for first, rest in root.items()) + ")"
