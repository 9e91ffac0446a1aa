"""Reader for Hypothes.is JSON: the client's export (`{"export_date", …, "annotations": […]}`)
and the API's search result (`{"total", "rows": […]}`), recognised by content.

Hypothes.is annotations are what Annotator embeds, with the id, comment and tags in the JSON
itself (format reference §12). Identity is the Hypothes.is `id`.
"""

from __future__ import annotations

import json

from ..models import Annotation, Location, Problem, Severity, SourceDocument
from ..text import clean
from .annotator import ReadResult
from .selectors import selectors

def is_hypothesis_text(text: str) -> bool:
    """A JSON object holding an `annotations` or `rows` list (the check is cheap; reading decides)."""
    return text.lstrip("\ufeff \t\r\n")[:1] == "{" and ('"rows"' in text or '"annotations"' in text)


def read_hypothesis(text: str, origin: SourceDocument) -> ReadResult:
    path = origin.path
    result = ReadResult(source=origin)
    try:
        data = json.loads(text.lstrip("\ufeff"), strict=False)
    except ValueError as error:
        line = getattr(error, "lineno", 0)
        result.blocks = 1  # its annotations cannot be counted: the file is one unreadable whole
        result.problems.append(Problem(location=Location(file=path, line=line),
                                       what=f"not valid JSON ({getattr(error, 'msg', error)}); no annotation read"))
        return result
    rows = data.get("annotations", data.get("rows")) if isinstance(data, dict) else None
    if not isinstance(rows, list):
        result.blocks = 1
        result.problems.append(Problem(location=Location(file=path, line=1),
                                       what="a JSON object without an \"annotations\" or \"rows\" list"))
        return result
    result.blocks = len(rows)
    sources: dict[tuple[str, str], SourceDocument] = {}
    for index, row in enumerate(rows):
        annotation = _annotation(row, index, text, origin, sources)
        if isinstance(annotation, Problem):
            result.problems.append(annotation)
        else:
            result.annotations.append(annotation)
    if sources:
        result.source = next(iter(sources.values()))
    return result


def _annotation(row, index: int, text: str, origin: SourceDocument, sources: dict) -> Annotation | Problem:
    path = origin.path
    if not isinstance(row, dict) or not isinstance(row.get("id"), str) or not row["id"].strip():
        return Problem(location=Location(file=path, line=_line_of(text, None, index)),
                       what=f"annotation {index + 1} has no id; skipped")
    annotation_id = row["id"].strip()
    line = _line_of(text, annotation_id, index)
    uri = _str(row.get("uri"))
    document = row.get("document") if isinstance(row.get("document"), dict) else {}
    title = document.get("title")
    title = clean(next((t for t in title if isinstance(t, str)), "") if isinstance(title, list) else _str(title)).strip()
    # one export holds many documents: each gets its own source, as each Annotator note is one
    source = sources.setdefault((uri, title), origin.model_copy(update=dict(title=title, uri=clean(uri))))
    quote, position = selectors(row)
    references = tuple(r for r in row.get("references") or () if isinstance(r, str))
    highlight = clean(quote.exact.strip()) if quote else ""
    kind = "reply" if references else "highlight" if highlight else "page_note"
    links = row.get("links") if isinstance(row.get("links"), dict) else {}
    try:
        return Annotation(
            id=annotation_id, kind=kind, highlight=highlight, quote=quote, position=position,
            comment=clean(_str(row.get("text"))).strip("\n"),
            tags=tuple(clean(t).strip() for t in row.get("tags") or () if isinstance(t, str) and t.strip()),
            created=_str(row.get("created")), references=references, source=source,
            link=_str(links.get("incontext") or links.get("html")),
            location=Location(file=path, line=line),
        )
    except ValueError as error:
        return Problem(location=Location(file=path, line=line), severity=Severity.ERROR,
                       what=f"annotation {annotation_id} could not be read ({error.__class__.__name__}); skipped")


def _line_of(text: str, annotation_id: str | None, index: int) -> int:
    """The line where an annotation's id appears, so messages point into the file."""
    at = text.find(f'"{annotation_id}"') if annotation_id else -1
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def _str(value) -> str:
    return value if isinstance(value, str) else ""
