"""Source text to card HTML. Everything from a note is escaped here before it becomes HTML.

Anki's reviewer runs scripts and inline handlers in fields, so no text from a note reaches a
card unescaped: highlights are escaped as plain text, comments are rendered from markdown with
raw HTML off and links limited to a few schemes.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

#: link schemes a comment may use; everything else (javascript:, data:, file:, vbscript:) is refused
SAFE_SCHEMES = ("http://", "https://", "obsidian://")

_WIKILINK = re.compile(r"!?\[\[([^\[\]|#^]*)(?:[#^][^\[\]|]*)?(?:\|([^\[\]]*))?\]\]")


def escape(text: str) -> str:
    """Plain text as HTML: markup characters escaped, line breaks kept."""
    return html.escape(text, quote=True).replace("\n", "<br>")


def escape_cloze(text: str) -> str:
    """Plain text for a cloze field: as `escape`, and braces never read as cloze syntax.

    Anki's cloze parser works on the raw field, so `{{c1::` or `}}` in a highlight would open or
    close a deletion. Entities render as the same characters but are invisible to the parser.
    """
    return escape(text).replace("{", "&#123;").replace("}", "&#125;")


def escape_deletion(text: str) -> str:
    """Text inside `{{cN::…}}`: as `escape_cloze`, and `::` never read as the hint separator."""
    return escape_cloze(text).replace(":", "&#58;")


def safe_link(url: str) -> bool:
    return url.strip().lower().startswith(SAFE_SCHEMES)


def render_markdown(text: str) -> str:
    """A comment (Obsidian-flavoured markdown) as HTML, with raw HTML shown as text."""
    if not text.strip():
        return ""
    text = _WIKILINK.sub(_wikilink_text, text)
    return _markdown().render(text).strip()


def _wikilink_text(match: re.Match) -> str:
    # `[[note|alias]]` reads as "alias", `[[note#^block]]` as "note": the text, not a dead link
    alias, target = match.group(2), match.group(1)
    return (alias if alias is not None else target).strip()


@lru_cache(maxsize=1)
def _markdown():
    # imported here so that commands which render nothing never pay for markdown-it
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "breaks": True, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.validateLink = safe_link
    return md
