"""The HTML every card carries besides what it asks: the cue on its front, its source, a link back
to the annotation, and the words around a highlight. Everything from a note is escaped here."""

from __future__ import annotations

import re
from urllib.parse import quote

from ..models import Annotation, TextQuote
from ..render import escape, escape_cloze, safe_link
from .source import SourceInfo


def cue_html(line: str) -> str:
    """The cue at the top of a front: where the fact comes from, quietly styled. (It opens a
    cloze field too, where braces from a title must not read as cloze syntax.)"""
    return f'<div class="cue">{escape_cloze(line)}</div>' if line else ""


def source_html(info: SourceInfo, trials: tuple[str, ...]) -> str:
    parts = [f'<div class="source-title">{escape(info.title)}</div>']
    byline = " · ".join(escape(x) for x in (info.author, info.year) if x)
    if byline:
        parts.append(f'<div class="source-byline">{byline}</div>')
    if trials:
        parts.append(f'<div class="source-trials">{escape(", ".join(trials))}</div>')
    return "".join(parts)


def link_html(annotation: Annotation) -> str:
    """A link that opens the annotation in Obsidian, or else the annotated document."""
    source = annotation.source
    if source.vault and source.vault_file:
        url = "obsidian://open?vault={}&file={}".format(
            quote(source.vault, safe=""), quote(f"{source.vault_file}#^{annotation.id}", safe="")
        )
        return f'<a class="open-link" href="{escape(url)}">Open in Obsidian</a>'
    for url in (annotation.link, source.target, source.uri):
        if url and safe_link(url) and not url.lower().startswith("obsidian://"):
            return f'<a class="open-link" href="{escape(url)}">Open the source</a>'
    return ""


#: at most this many characters of context on either side (a selector holds 32)
CONTEXT = 40
_FIRST_WORD = re.compile(r"^\S*\s+")
_LAST_WORD = re.compile(r"\s+\S*$")


def context_html(text: str, quote: TextQuote | None) -> str:
    """The highlight inside the words around it (whole words only, faded), or ""."""
    if quote is None:
        return ""
    before = " ".join(quote.prefix.split())[-CONTEXT:]
    after = " ".join(quote.suffix.split())[:CONTEXT]
    # the context is cut at 32 characters: its outer word is a fragment unless a space bounds it
    if before and (not quote.prefix[:1].isspace() or len(quote.prefix) > CONTEXT):
        before = _FIRST_WORD.sub("", before, count=1) if " " in before else ""
    if after and (not quote.suffix[-1:].isspace() or len(quote.suffix) > CONTEXT):
        after = _LAST_WORD.sub("", after, count=1) if " " in after else ""
    if not before and not after:
        return ""
    parts = []
    if before:
        parts.append(f'<span class="context">…{escape(before)}</span> ')
    parts.append(f"<strong>{escape(text.strip())}</strong>")
    if after:
        parts.append(f' <span class="context">{escape(after)}…</span>')
    return "".join(parts)
