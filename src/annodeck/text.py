"""Small text helpers shared by the readers and the planner."""

from __future__ import annotations

import re

# C0 controls other than tab and newline, DEL, and lone UTF-16 surrogates (which json.loads
# happily returns for PDF context cut mid-character, and which SQLite and Anki reject).
_CONTROL_CHARACTERS = r"\x00-\x08\x0b-\x1f\x7f"
_SURROGATES = r"\ud800-\udfff"
_CONTROL = re.compile(f"[{_CONTROL_CHARACTERS}]")
_SURROGATE = re.compile(f"[{_SURROGATES}]")
_UNSAFE = re.compile(f"[{_CONTROL_CHARACTERS}{_SURROGATES}]")  # either, in one scan
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029]")


def normalise_newlines(text: str) -> str:
    """CRLF, CR and the Unicode line/paragraph separators all become `\\n`."""
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text:
        return text
    return _NEWLINES.sub("\n", text)


def clean(text: str) -> str:
    """Make a string safe to store: lone surrogates → U+FFFD, stray control characters dropped."""
    if text.isascii():
        return _CONTROL.sub("", text) if not text.isprintable() else text
    if not _UNSAFE.search(text):
        return text  # (most text: one scan, not two substitutions)
    text = _SURROGATE.sub("\ufffd", text)
    return _CONTROL.sub("", text)
