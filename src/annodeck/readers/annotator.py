"""Reader for the markdown notes written by the Obsidian plugin Annotator.

Follows §11 of the format reference: a lenient superset of what the plugin itself reads.
Block boundaries are found with a cheap line scan (no markdown parse); each block is then
split into its JSON and its markdown sections. The markdown COMMENT and TAGS are the truth
(users edit them in Obsidian); the `^id` line is the identity. A damaged block becomes a
`Problem` with its line number and never hides the others.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import unquote

from ..models import (
    Annotation,
    Location,
    Problem,
    Severity,
    SourceDocument,
)
from ..text import clean, normalise_newlines
from .frontmatter import annotation_target
from .selectors import selectors

FENCE_INFO = "```annotation-json"
_FENCE = re.compile(r"\s*>\s?```annotation-json\s*$")
_OPEN = re.compile(r"\s*>\s?%%\s*$")
_BLANK_QUOTE = re.compile(r"\s*>?\s*$")
_ID_LINE = re.compile(r"\^([A-Za-z0-9_-]+)\s*$")
_LINK_ID = re.compile(r"#\^([A-Za-z0-9_-]+)")
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")


@dataclass
class ReadResult:
    """What a reader got from one file."""

    source: SourceDocument
    annotations: list[Annotation] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: annotation blocks found, usable or not: cards + skips must add up to this
    blocks: int = 0


def is_annotator_text(text: str) -> bool:
    return FENCE_INFO in text


def read_annotator(text: str, origin: SourceDocument) -> ReadResult:
    """Read the text of one Annotator note. `origin` says where it came from (`path` is how
    the note is named in messages); the reader adds what the note says about its document."""
    path = origin.path
    text = normalise_newlines(text.removeprefix("\ufeff"))
    lines = text.split("\n")
    blocks = _find_blocks(lines)
    parsed = [_parse_block(lines, block, path) for block in blocks]
    source = origin.model_copy(update=dict(
        title=_common_title(p.title for p in parsed),
        target=clean(annotation_target(text)),
        uri=_common_uri(p.uri for p in parsed),
    ))
    result = ReadResult(source=source, blocks=len(blocks))
    for block in parsed:
        result.problems.extend(block.problems)
        if block.fields is not None:
            block.fields["source"] = source
            result.annotations.append(Annotation.model_validate(block.fields))
    return result


# -- finding blocks ---------------------------------------------------------------------------


@dataclass
class _Block:
    start: int  # index of the `>%%` line (or of the fence when that line is missing)
    fence: int  # index of the ```annotation-json line
    end: int  # index one past the block's last content line
    id_line: int | None  # index of the `^id` line, if any


def _find_blocks(lines: list[str]) -> list[_Block]:
    fences = [i for i, line in enumerate(lines) if FENCE_INFO in line and _FENCE.match(line)]
    starts = [_opening_line(lines, f) for f in fences]
    blocks = []
    for k, (start, fence) in enumerate(zip(starts, fences)):
        limit = starts[k + 1] if k + 1 < len(starts) else len(lines)
        id_line = next((i for i in range(fence + 1, limit) if lines[i][:1] == "^" and _ID_LINE.match(lines[i])), None)
        end = id_line if id_line is not None else _end_without_id(lines, fence, limit)
        blocks.append(_Block(start, fence, end, id_line))
    return blocks


def _opening_line(lines: list[str], fence: int) -> int:
    """The `>%%` above the fence, allowing blank quote lines between (formatter damage)."""
    i = fence - 1
    while i >= 0 and not _OPEN.match(lines[i]) and _BLANK_QUOTE.match(lines[i]) and lines[i]:
        i -= 1
    return i if i >= 0 and _OPEN.match(lines[i]) else fence


def _end_without_id(lines: list[str], fence: int, limit: int) -> int:
    """Without a `^id` line, the block ends at the first empty line after its TAGS marker."""
    seen_tags = False
    for i in range(fence + 1, limit):
        if "%%TAGS%%" in lines[i]:
            seen_tags = True
        elif seen_tags and not lines[i].strip():
            return i
    return limit


# -- parsing one block ------------------------------------------------------------------------


@dataclass
class _Parsed:
    fields: dict | None = None
    problems: list[Problem] = field(default_factory=list)
    title: str = ""
    uri: str = ""


def _parse_block(lines: list[str], block: _Block, path: str) -> _Parsed:
    out = _Parsed()

    def problem(line: int, what: str, severity: Severity = Severity.ERROR) -> None:
        out.problems.append(Problem(location=Location(file=path, line=line + 1), what=what, severity=severity))

    spaced = lines[block.fence].lstrip()[1:2] == " "
    # trailing spaces are formatting (a markdown hard break, which a line break already is)
    body = [line[1:].rstrip() if line[:1] == ">" and not spaced else _unquote(line, spaced).rstrip()
            for line in lines[block.start : block.end]]
    fence = block.fence - block.start

    # The JSON: from the fence to the first closing ``` line.
    close = next((i for i in range(fence + 1, len(body)) if body[i].strip() == "```"), None)
    if close is None:
        problem(block.fence, "annotation block has no closing ``` after its JSON; block skipped")
        return out
    data = _load_json("\n".join(body[fence + 1 : close]))
    if isinstance(data, str):
        problem(block.fence + 1, f"broken annotation JSON ({data}); the card is made from the markdown",
                Severity.WARNING)
        data = {}

    sections = _split_sections(body, close + 1)
    document = data.get("document") if isinstance(data.get("document"), dict) else {}
    out.title = _title(document.get("title"))
    out.uri = data.get("uri") if isinstance(data.get("uri"), str) else ""
    quote, position = selectors(data)

    annotation_id = _identity(lines, block, sections.link, data, quote, problem)
    if annotation_id is None:
        return out

    highlight = clean(sections.highlight.strip())
    if not highlight and quote is not None:
        highlight = clean(quote.exact.strip())
    comment = sections.comment if sections.comment is not None else _str(data.get("text"))
    references = tuple(r for r in data.get("references") or () if isinstance(r, str))
    if references:
        kind = "reply"
    elif quote is None and not highlight:
        kind = "page_note"
    else:
        kind = "highlight"

    out.fields = dict(
        id=annotation_id,
        kind=kind,
        highlight=highlight,
        quote=quote,
        position=position,
        comment=clean(comment).strip("\n"),
        tags=_split_tags(sections.tags),
        created=_str(data.get("created")),
        references=references,
        location={"file": path, "line": block.start + 1},  # (validated with the annotation)
    )
    return out


def _unquote(line: str, spaced: bool) -> str:
    """Remove one quote marker (`>`, or `> ` for a formatter-spaced block); keep the rest."""
    stripped = line.lstrip(" \t")
    if not stripped.startswith(">"):
        return line  # an unquoted line inside a block: usually a comment typed without `>`
    rest = stripped[1:]
    return rest[1:] if spaced and rest.startswith(" ") else rest


# control characters inside strings are let through (PDF text holds them; `clean` drops them).
# One decoder for every block: `json.loads(..., strict=False)` would build a new one each time.
_JSON = json.JSONDecoder(strict=False)


def _load_json(text: str) -> dict | str:
    """The annotation object, or a short description of why it could not be read."""
    try:
        data = _JSON.decode(text)
    except (ValueError, RecursionError) as error:
        return str(error.args[0] if error.args else error)[:120]
    return data if isinstance(data, dict) else f"expected an object, found {type(data).__name__}"


@dataclass
class _Sections:
    highlight: str = ""
    link: str = ""
    comment: str | None = None
    tags: str = ""


def _split_sections(body: list[str], after_json: int) -> _Sections:
    i = after_json
    # the `%%` that closes the hidden part (blank quote lines may precede it)
    while i < len(body) and body[i].strip() in ("", "%%"):
        closing = body[i].strip() == "%%"
        i += 1
        if closing:
            break
    # the first marker line ends the highlight; the first LINK and COMMENT count, and the LAST
    # TAGS marker ends the comment, so a comment that mentions %%TAGS%% survives
    hl_end, link_at, comment_at, tags_at = len(body), None, None, None
    for j in range(i, len(body)):
        line = body[j].lstrip()
        if not line.startswith("%%"):
            continue
        if line.startswith("%%TAGS%%"):
            tags_at = j
        elif line.startswith("%%COMMENT%%"):
            comment_at = j if comment_at is None else comment_at
        elif line.startswith("%%LINK%%"):
            link_at = j if link_at is None else link_at
        else:
            continue
        hl_end = min(hl_end, j)
    out = _Sections(highlight=_highlight("\n".join(body[i:hl_end])))
    if link_at is not None:
        out.link = body[link_at].lstrip()[len("%%LINK%%"):]
    if comment_at is not None:
        comment_end = tags_at if tags_at is not None and tags_at > comment_at else len(body)
        first = body[comment_at].lstrip()[len("%%COMMENT%%"):]
        out.comment = "\n".join(([first] if first.strip() else []) + body[comment_at + 1 : comment_end])
    if tags_at is not None and (comment_at is None or tags_at > comment_at):
        out.tags = "\n".join([body[tags_at].lstrip()[len("%%TAGS%%"):]] + body[tags_at + 1 :])
    return out


def _highlight(region: str) -> str:
    """The highlighted text from `*%%PREFIX%%…%%HIGHLIGHT%% ==…== %%POSTFIX%%…*`, any style."""
    region = region.strip()
    if region.startswith("*"):
        region = region[1:]
    if region.endswith("*"):
        region = region[:-1]
    start = region.find("%%HIGHLIGHT%%")
    if start < 0:
        return ""
    text = region[start + len("%%HIGHLIGHT%%"):]
    end = text.find("%%POSTFIX%%")
    if end >= 0:
        text = text[:end]
    # the plugin's ` ==…== ` wrapper (not a `==mark==` the user typed inside the highlight)
    # (hand reflow can move the wrapper onto lines of its own: ` \n==…== \n`)
    inner = text.strip()
    if text[:1].isspace() and inner.startswith("==") and inner.endswith("==") and len(inner) >= 4:
        text = inner[2:-2]
    return text


def _identity(lines, block, link, data, quote, problem) -> str | None:
    if block.id_line is not None:
        return _ID_LINE.match(lines[block.id_line]).group(1)
    match = _LINK_ID.search(link)
    if match and match.group(1) != "undefined":
        problem(block.start, f"annotation block has no ^id line; using ^{match.group(1)} from its LINK",
                Severity.WARNING)
        return match.group(1)
    if quote is None and not data:
        problem(block.start, "annotation block has no ^id line and no readable JSON; block skipped")
        return None
    key = "\x1f".join((_str(data.get("uri")), quote.exact if quote else "", _str(data.get("created"))))
    derived = "h" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    problem(block.start, f"annotation block has no ^id line; identified as ^{derived} (from its content: "
            "add the ^id line back to keep the card's history when the highlight changes)",
            Severity.WARNING)
    return derived


def _split_tags(section: str) -> tuple[str, ...]:
    if not section or section.isspace():
        return ()
    tags = []
    for line in section.split("\n"):
        for item in line.split(","):
            item = clean(item).strip().lstrip("#").strip()
            if item:
                tags.append(item)
    return tuple(tags)


def _str(value) -> str:
    return value if isinstance(value, str) else ""


def _title(value) -> str:
    if isinstance(value, list):  # Hypothes.is proper stores a list
        value = next((v for v in value if isinstance(v, str)), "")
    title = clean(_str(value)).strip()
    if _PERCENT.search(title):
        title = unquote(title)
    return title


def _common_title(titles) -> str:
    counts = Counter(t for t in titles if t)
    return counts.most_common(1)[0][0] if counts else ""


def _common_uri(uris) -> str:
    counts = Counter(u for u in uris if u)
    return clean(counts.most_common(1)[0][0]) if counts else ""
