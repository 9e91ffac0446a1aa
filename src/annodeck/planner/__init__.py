"""The planner: pure functions from an `Annotation` (and the deck's settings) to a `Card`.

It decides which kind of card, what a cloze hides, what each field holds and which tags the
card carries. It does no I/O and knows nothing of files or of genanki.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict

from ..models import Annotation, Card, Skip, SourceDocument
from ..render import escape, render_markdown, safe_link
from .cloze import cloze_html
from .source import SourceInfo, describe
from .tags import TagContext, prose_tags, tags_for
from .trials import TrialFinder, default_finder

__all__ = ["PlanSettings", "Planner"]


class PlanSettings(BaseModel):
    """What a deck can change about its cards."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: trial names to find besides the shipped list
    trials: tuple[str, ...] = ()


class Planner:
    def __init__(self, settings: PlanSettings = PlanSettings()):
        self.settings = settings
        self.trials: TrialFinder = default_finder(tuple(settings.trials))

    def plan(self, annotation: Annotation) -> Card | Skip:
        if annotation.kind == "reply":
            parent = annotation.references[-1]
            return self._skip(annotation, "reply", f"a reply to ^{parent}; replies are not made into cards")
        if annotation.kind == "page_note" or not annotation.highlight.strip():
            return self._skip(annotation, "page note", "a page note (no highlighted text), so there is nothing to cloze")
        return self._cloze(annotation)

    def _cloze(self, annotation: Annotation) -> Card:
        info = _describe(annotation.source)
        trials = tuple(self.trials.names(info.title, annotation.highlight, annotation.comment))
        context = (annotation.quote.prefix, annotation.quote.suffix) if annotation.quote else ("", "")
        fields = {
            "Text": cloze_html(annotation.highlight, self.trials, context),
            "Comment": render_markdown(annotation.comment),
            "Extra": "".join(f"<p>{escape(p)}</p>" for p in prose_tags(annotation)),
            "Source": source_html(info, trials),
            "Link": link_html(annotation),
            "Id": escape(annotation.id),
        }
        return Card(
            annotation_id=annotation.id,
            kind="cloze",
            fields=fields,
            tags=tags_for(annotation, TagContext(paper_key=info.key, trials=trials)),
            source_key=info.key,
            location=annotation.location,
        )

    @staticmethod
    def _skip(annotation: Annotation, category: str, reason: str) -> Skip:
        return Skip(annotation_id=annotation.id, category=category, reason=reason, location=annotation.location)


@lru_cache(maxsize=256)
def _describe(source: SourceDocument) -> SourceInfo:
    return describe(source)


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
    for url in (source.target, source.uri):
        if url and safe_link(url) and not url.lower().startswith("obsidian://"):
            return f'<a class="open-link" href="{escape(url)}">Open the source</a>'
    return ""
