"""Readers: one per input format. Each turns the text of one file into annotations and problems.

A reader knows nothing about Anki. `read_text` picks the reader by content, not by file name.
"""

from __future__ import annotations

from ..models import Location, Problem, SourceDocument
from .annotator import ReadResult, is_annotator_text, read_annotator
from .hypothesis import is_hypothesis_text, read_hypothesis

__all__ = ["ReadResult", "decode", "read_text", "recognises"]


def recognises(text: str) -> bool:
    """Whether any reader can read this text."""
    return is_annotator_text(text) or is_hypothesis_text(text)


def read_text(text: str, origin: SourceDocument | str) -> ReadResult:
    """Read one file's text; `origin` is where it came from (or just its display path)."""
    if isinstance(origin, str):
        origin = SourceDocument(path=origin)
    if is_annotator_text(text):
        return read_annotator(text, origin)
    return read_hypothesis(text, origin)


def decode(data: bytes, path: str) -> tuple[str, list[Problem]]:
    """UTF-8 text from a file's bytes; invalid bytes become U+FFFD and are reported by line."""
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problem = Problem(
            location=Location(file=path, line=line),
            what="invalid UTF-8 replaced with U+FFFD (was the file saved in another encoding?)",
            severity="warning",
        )
        return data.decode("utf-8", errors="replace"), [problem]
