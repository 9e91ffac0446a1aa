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
    if _is_plain(text):
        return _plain_paragraphs(text)
    if not _BLOCK_SYNTAX.search(text):
        return _inline_paragraphs(text)
    return _markdown().render(text).strip()


# Most comments are plain sentences. For text with no markdown syntax at all, paragraphs and
# line breaks are all markdown-it would make of it, and they cost a fraction of a full parse
# (tests check that the two agree).
# (Parentheses alone are text: a link needs its brackets, an ordered list "1)" its line start.)
_MARKDOWN_SYNTAX = re.compile(r"[^\S \n]|[`*_\[\]<>!#~=$|&\\{}\x00-\x08\x0b-\x1f\x7f]|^[ \t]*(?:[-+]|\d+[.)](?:[ \t]|$))|^(?: {4}|\t)",
                              re.MULTILINE)


def _is_plain(text: str) -> bool:
    return not _MARKDOWN_SYNTAX.search(text)


def _plain_paragraphs(text: str) -> str:
    paragraphs, current = [], []
    for line in text.split("\n"):
        line = line.strip(" \t")
        if line:
            current.append(line.replace('"', "&quot;"))
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return "\n".join("<p>" + "<br />\n".join(lines) + "</p>" for lines in paragraphs)


# Text whose lines start with nothing that could open a block (heading, quote, list, code, rule,
# table, math block, link definition, HTML) is paragraphs of inline markdown: markdown-it's
# inline parser alone renders each exactly as a full parse would (tests check that too), at
# two thirds of the cost.
_BLOCK_SYNTAX = re.compile(r"^(?: {0,3}[-#>*+=_`~$\[<|]| {0,3}\d+[.)]| {4}|\t)|\||[^\S \n]|[\x00-\x08\x0b-\x1f\x7f]",
                           re.MULTILINE)
_BLANK_LINES = re.compile(r"\n(?:[ ]*\n)+")


def _inline_paragraphs(text: str) -> str:
    md = _markdown()
    return "\n".join(f"<p>{md.renderInline(paragraph.strip())}</p>"
                     for paragraph in _BLANK_LINES.split(text) if paragraph.strip())


_MD_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)")
_EMBED = re.compile(r"!?\[\[([^\]|#^]+)")


def refused_references(text: str) -> list[str]:
    """Why links and embeds in a comment were not kept: a card never points outside the vault
    or at a script. Each entry is a sentence for the reader."""
    refused: list[str] = []
    if "[" not in text:
        return refused  # no link and no embed
    for match in _EMBED.finditer(text):
        target = match.group(1).strip()
        if _outside_vault(target):
            refused.append(f"refused {match.group(0)}]]: it points outside the vault; shown as text")
    for match in _MD_LINK.finditer(text):
        url = match.group(1)
        if safe_link(url):
            continue
        if _outside_vault(url) or re.match(r"^[a-z][a-z0-9+.-]*:", url, re.IGNORECASE):
            refused.append(f"refused the link {url[:80]!r}: only http, https and obsidian links are kept")
    return refused


def _outside_vault(path: str) -> bool:
    parts = re.split(r"[\\/]", path)
    return path.startswith(("/", "\\", "~")) or bool(re.match(r"^[A-Za-z]:", path)) or ".." in parts


def _wikilink_text(match: re.Match) -> str:
    # `[[note|alias]]` reads as "alias", `[[note#^block]]` as "note": the text, not a dead link
    alias, target = match.group(2), match.group(1)
    return (alias if alias is not None else target).strip()


@lru_cache(maxsize=1)
def _markdown():
    # imported here so that commands which render nothing never pay for markdown-it
    from markdown_it import MarkdownIt
    from mdit_py_plugins.dollarmath import dollarmath_plugin

    md = MarkdownIt("commonmark", {"html": False, "breaks": True, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.validateLink = safe_link
    # $…$ and $$…$$ become MathJax's own delimiters, which Anki renders
    md.use(dollarmath_plugin, allow_space=True, allow_digits=False, double_inline=True, renderer=_mathjax)
    md.inline.ruler.before("emphasis", "mark", _mark_rule)
    md.core.ruler.after("inline", "callout", _callouts)
    return md


def _mathjax(content: str, options: dict) -> str:
    content = html.escape(content.strip(), quote=False)
    return f"\\[{content}\\]" if options.get("display_mode") else f"\\({content}\\)"


def _mark_rule(state, silent: bool) -> bool:
    """Obsidian's `==highlight==` as <mark>, with markdown allowed inside."""
    start = state.pos
    if state.src[start : start + 2] != "==":
        return False
    end = state.src.find("==", start + 2, state.posMax)
    inner = state.src[start + 2 : end] if end > start + 2 else ""
    if not inner or inner[0].isspace() or inner[-1].isspace():
        return False
    if not silent:
        outer_max = state.posMax
        state.push("mark_open", "mark", 1)
        state.pos, state.posMax = start + 2, end
        state.md.inline.tokenize(state)
        state.push("mark_close", "mark", -1)
        state.posMax = outer_max
    state.pos = end + 2
    return True


_CALLOUT = re.compile(r"^\[!([\w-]+)\][+-]?[ \t]*")


def _callouts(state) -> None:
    """Obsidian's `> [!note] Title` blockquotes as <div class="callout callout-note">."""
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "blockquote_open" or i + 2 >= len(tokens) or tokens[i + 2].type != "inline":
            continue
        inline = tokens[i + 2]
        match = _CALLOUT.match(inline.content)
        if not match or not inline.children or inline.children[0].type != "text":
            continue
        kind = match.group(1).lower()
        first = inline.children[0]
        first.content = _CALLOUT.sub("", first.content, count=1)
        token.tag = "div"
        token.attrSet("class", f"callout callout-{kind}")
        depth = 0
        for closing in tokens[i:]:
            depth += closing.nesting if closing.type.startswith("blockquote") else 0
            if closing.type == "blockquote_close" and depth == 0:
                closing.tag = "div"
                break
