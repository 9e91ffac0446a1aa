"""Finding named clinical trials in text: a shipped, extendable list plus a conservative pattern."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .patterns import literal, whole_words


def load_names(filename: str) -> tuple[str, ...]:
    """One name per line from a data file shipped with annodeck; `#` starts a comment line."""
    text = resources.files("annodeck.data").joinpath(filename).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class TrialMatch:
    name: str  # the canonical spelling, as the tag shows it
    start: int
    end: int


class TrialFinder:
    """Finds trial names: every listed name, and `<NAME> trial|study` for names not listed.

    Listed names match case-sensitively, with `-` and ` ` interchangeable (ICARIA-MM, ICARIA MM).
    The pattern accepts only upper-case names of four or more characters that are not common
    abbreviations (PFS, HR, MM are never trials).
    """

    def __init__(self, names: Iterable[str], not_trials: Iterable[str] = ()):
        self._canonical: dict[str, str] = {}
        spellings = []
        for name in sorted(set(names)):
            self._canonical[_key(name)] = name
            # the parts of a name, each a sequence of characters, joined by an optional - or space
            parts = re.split(r"[-\s]+", name)
            spellings.append([atom for i, part in enumerate(parts) for atom in ([r"[-\s]?"] if i else []) + literal(part)])
        self._listed = re.compile(whole_words(spellings)) if spellings else None
        self._not_trials = frozenset(n.upper() for n in not_trials)
        # a highlight is looked at twice (tags, then deletions) and a title once per annotation
        self.find = lru_cache(maxsize=4096)(self._find)

    def _find(self, text: str) -> tuple[TrialMatch, ...]:
        found: list[TrialMatch] = []
        if self._listed is not None:
            for m in self._listed.finditer(text):
                found.append(TrialMatch(self._canonical[_key(m.group())], m.start(), m.end()))
        if "trial" not in text and "study" not in text:
            return tuple(found)
        for m in _PATTERN.finditer(text):
            name = m.group(1)
            if name.upper() in self._not_trials or _key(name) in self._canonical or len(name) < 4:
                continue
            if not any(f.start <= m.start(1) < f.end for f in found):
                found.append(TrialMatch(name, m.start(1), m.end(1)))
        return tuple(sorted(found, key=lambda f: f.start))

    def names(self, *texts: str) -> list[str]:
        """The distinct trial names in the texts, in order of first appearance."""
        seen: dict[str, None] = {}
        for text in texts:
            for match in self.find(text):
                seen.setdefault(match.name, None)
        return list(seen)


# "the IKEMA trial", "Phase 3 ICARIA-MM study": an all-capitals name right before trial/study.
_PATTERN = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)\s+(?:trial|study)\b")


def _key(name: str) -> str:
    # how a name is looked up: the pattern lets a hyphen or space between parts be either, or
    # neither (ICARIA-MM, ICARIA MM, ICARIAMM)
    return _SEPARATORS.sub("", name)


_SEPARATORS = re.compile(r"[-\s]+")


@lru_cache(maxsize=8)
def default_finder(extra: tuple[str, ...] = ()) -> TrialFinder:
    return TrialFinder(load_names("trials.txt") + extra, load_names("not_trials.txt"))
