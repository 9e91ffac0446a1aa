"""Hypothes.is selectors, shared by every reader of Hypothes.is annotations (Annotator embeds
them): the quote with its context, and its position. Unknown selector types are ignored."""

from __future__ import annotations

from ..models import TextPosition, TextQuote
from ..text import clean


def selectors(annotation: dict) -> tuple[TextQuote | None, TextPosition | None]:
    targets = annotation.get("target")
    if not isinstance(targets, list) or not targets or not isinstance(targets[0], dict):
        return None, None
    quote = position = None
    for selector in targets[0].get("selector") or ():
        if not isinstance(selector, dict):
            continue
        kind = selector.get("type")
        if kind == "TextQuoteSelector" and quote is None and isinstance(selector.get("exact"), str):
            # (model_validate on a dict, here and for each annotation and card: pydantic's
            # keyword constructor validates into a new instance and cost a third more)
            quote = TextQuote.model_validate({"exact": clean(selector["exact"]),
                                              "prefix": clean(_str(selector.get("prefix"))),
                                              "suffix": clean(_str(selector.get("suffix")))})
        elif kind == "TextPositionSelector" and position is None:
            start, end = selector.get("start"), selector.get("end")
            if isinstance(start, int) and isinstance(end, int):
                position = TextPosition.model_validate({"start": start, "end": end})
    return quote, position


def _str(value) -> str:
    return value if isinstance(value, str) else ""
