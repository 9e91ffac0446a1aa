"""`annodeck preview`: every card's front and back on one self-contained HTML page, rendered
through the same templates and CSS as in Anki, grouped by source, with tags.

Anki's renderer is not needed: the templates use a small part of its language (`{{Field}}`,
`{{#Field}}…{{/Field}}`, `{{cloze:Field}}`), rendered here the way Anki renders it (a test
compares the two on real cards).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from .models import Card
from .notetypes import note_types, templates

_SECTION = re.compile(r"\{\{([#^])([^}]+)\}\}(.*?)\{\{/\2\}\}", re.DOTALL)
_TAG = re.compile(r"\{\{(cloze:)?([^}#^/]+)\}\}")
_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::([^{}]*?))?\}\}", re.DOTALL)
_HTML = re.compile(r"<[^>]*>")

PAGE_CSS = """
body { margin: 0; padding: 1.5em; background: #f3f4f6; font-family: -apple-system, "Segoe UI", sans-serif; }
.preview-source { margin: 2em 0 0.5em; font-size: 1.1em; }
.preview-note { display: grid; grid-template-columns: 1fr 1fr; gap: 1em; margin: 1em 0; align-items: start; }
.preview-face { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; overflow: hidden; }
.preview-face > .label { font: 12px monospace; color: #6e7781; padding: 4px 8px; border-bottom: 1px solid #eee; }
.preview-tags { grid-column: 1 / 3; font: 12px monospace; color: #57606a; }
@media (max-width: 700px) { .preview-note { grid-template-columns: 1fr; } .preview-tags { grid-column: 1; } }
"""


def card_faces(card: Card) -> list[tuple[int, str, str]]:
    """(card number, front HTML, back HTML) for each card the note makes."""
    note_type = note_types()[card.kind]
    if card.kind == "cloze":
        numbers = sorted({int(n) for n, _, _ in _CLOZE.findall(card.fields.get("Text", "")) if int(n) >= 1})
    else:
        numbers = [1]
    return [(n, _render(note_type.front, card.fields, n, answer=False),
             _render(note_type.back, card.fields, n, answer=True)) for n in numbers]


def _render(template: str, fields: dict[str, str], number: int, answer: bool) -> str:
    def section(m: re.Match) -> str:
        filled = bool(_HTML.sub("", fields.get(m.group(2).strip(), "")).strip())
        return m.group(3) if filled == (m.group(1) == "#") else ""

    def tag(m: re.Match) -> str:
        value = fields.get(m.group(2).strip(), "")
        return _cloze(value, number, answer) if m.group(1) else value

    return _TAG.sub(tag, _SECTION.sub(section, template))


def _cloze(text: str, number: int, answer: bool) -> str:
    """A cloze field as Anki shows card `number`: its deletions hidden (or revealed), others shown."""
    def one(m: re.Match) -> str:
        ordinal, content, hint = int(m.group(1)), m.group(2), m.group(3)
        if ordinal != number:
            return f'<span class="cloze-inactive" data-ordinal="{ordinal}">{content}</span>'
        if answer:
            return f'<span class="cloze" data-ordinal="{ordinal}">{content}</span>'
        shown = f"[{hint}]" if hint else "[...]"
        return f'<span class="cloze" data-cloze="{html.escape(content)}" data-ordinal="{ordinal}">{shown}</span>'

    return _CLOZE.sub(one, text)


def preview_page(cards: Sequence[Card], title: str = "annodeck preview") -> str:
    """The whole page: a section per source, a row per card with its front, back and tags."""
    parts = [f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>',
             f"<style>{templates()['style.css']}\n{PAGE_CSS}</style></head><body>",
             f"<h1>{html.escape(title)}</h1>",
             f"<p>{len(cards)} notes. Math shows as written: Anki renders it with MathJax.</p>"]
    current = None
    for card in cards:
        if card.location.file != current:
            current = card.location.file
            parts.append(f'<h2 class="preview-source">{html.escape(current)} '
                         f"<small>(paper::{html.escape(card.source_key)})</small></h2>")
        for number, front, back in card_faces(card):
            label = f"{html.escape(card.location.file)}:{card.location.line} · ^{html.escape(card.annotation_id)}"
            label += f" · card {number}" if card.kind == "cloze" else " · question"
            parts.append('<div class="preview-note">'
                         f'<div class="preview-face"><div class="label">front · {label}</div>'
                         f'<div class="card">{front}</div></div>'
                         f'<div class="preview-face"><div class="label">back</div><div class="card">{back}</div></div>'
                         f'<div class="preview-tags">{html.escape(" ".join(card.tags))}</div></div>')
    parts.append("</body></html>")
    return "\n".join(parts)
