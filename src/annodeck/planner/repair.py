"""Repairing highlights: what PDF selection and text extraction do to quoted text.

- A selection off by a character or two starts or ends inside a word (`satuximab`, `inhibito`);
  the selector's prefix and suffix hold the missing letters.
- Extraction leaves ligatures (`ﬁ`), soft hyphens, no-break spaces, runs of spaces, and words
  split by a hyphen at a line break (`inhi-\\nbitor`).
"""

from __future__ import annotations

import re

from ..models import TextQuote

#: the longest word fragment taken from the context: a selection off by a few characters.
#: A longer run next to the selection is a whole word glued on by PDF extraction, not a fragment.
MAX_FRAGMENT = 3

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
                            "\u00ad": None, "\u00a0": " ", "\u202f": " "})
# (str.translate looks every character up in the table: 15 µs for a 150-character highlight
# with one en dash in it. Most non-ASCII text holds none of these, and a scan says so at once.)
_TRANSLATED = re.compile("[\u00a0\u00ad\u202f\ufb00-\ufb06]")
_SPACE_RUN = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_LINE_BREAK_HYPHEN = re.compile(r"(?<=[a-z])-[ \t]*\n[ \t]*(?=[a-z])")
_TRAILING_WORD = re.compile(r"[^\W_]+$")
_LEADING_WORD = re.compile(r"^[^\W_]+")


def normalise(text: str) -> str:
    """Ligatures spelled out, soft hyphens dropped, space runs between words made single, and
    words split at a line break joined. Indentation at the start of a line is kept (code)."""
    # (each step only where it can change something: most highlights need none of them)
    if not text.isascii() and _TRANSLATED.search(text):
        text = text.translate(_LIGATURES)
    if "\n" in text:
        text = _LINE_BREAK_HYPHEN.sub("", text)
    if "  " in text or "\t" in text:
        text = _SPACE_RUN.sub(" ", text)
    return text


def complete_words(highlight: str, quote: TextQuote | None) -> str:
    """The highlight with a word cut at either end completed from the quote's context."""
    if quote is None or not highlight:
        return highlight
    exact = quote.exact
    # the markdown highlight is the reader's; only repair an end that still matches the selection
    if _is_letter(exact[:1]) and highlight.startswith(exact.strip()[:1]):
        # (only the prefix's last few characters can hold a fragment short enough to take)
        fragment = _TRAILING_WORD.search(quote.prefix, max(0, len(quote.prefix) - MAX_FRAGMENT - 2))
        if fragment and _continues(fragment.group(), highlight, at_start=True):
            highlight = fragment.group() + highlight
    if _is_letter(exact[-1:]) and highlight.endswith(exact.strip()[-1:]):
        fragment = _LEADING_WORD.search(quote.suffix)
        if fragment and _continues(fragment.group(), highlight, at_start=False):
            highlight = highlight + fragment.group()
    return highlight


# Short words that PDF extraction glues to the next word ("ageneric", "tolive", "dedesacoplar"):
# as a fragment they are far more likely a whole word than the cut-off end of one.
_SHORT_WORDS = frozenset(
    "a an and as at by de del den der des di die das do du e el en et for in is it la las le les lo "
    "los of on or per se the to un una und y".split()
)


def _continues(fragment: str, highlight: str, at_start: bool) -> bool:
    """Whether `fragment` (from the context) is the rest of a word the highlight cuts."""
    if len(fragment) > MAX_FRAGMENT or not _spaced_script(fragment) or fragment.lower() in _SHORT_WORDS:
        return False
    # the two characters that would be joined: the fragment's and the highlight's
    left, right = (fragment[-1], highlight[0]) if at_start else (highlight[-1], fragment[0])
    if left.isdigit() != right.isdigit():
        return False  # "18El", "Fragmentation4": a page number glued on, not a cut word
    if left.isalpha() and right.isupper() and not left.isupper():
        return False  # "ProcessesTo", "byKrister": a new word starts here
    if at_start and right.isupper() and not highlight[1:2].isupper():
        return False  # "IContribution", "AAL’enlèvement": the highlight starts a capitalised word
    return True


def _is_letter(ch: str) -> bool:
    return bool(ch) and ch.isalnum() and _spaced_script(ch)


def _spaced_script(text: str) -> bool:
    # Scripts written without spaces between words (CJK, Thai...) have no "inside a word"
    return all(ord(ch) < 0x0E00 or 0x1E00 <= ord(ch) < 0x2000 for ch in text)
