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
from .cloze import cloze_html, strip_marks
from .questions import Question, find_question
from .source import SourceInfo, describe
from .tags import TagContext, forced_kind, prose_tags, tags_for
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
        forced = forced_kind(annotation)
        if forced == "skip":
            return self._skip(annotation, "marked skip", "tagged #anki/skip")
        has_highlight = annotation.kind == "highlight" and bool(annotation.highlight.strip())
        question = find_question(annotation.comment) if forced != "cloze" else None
        if question is not None:
            return self._card(annotation, "qa", self._qa_fields(annotation, question))
        if not has_highlight:
            return self._skip(annotation, "page note",
                              "a page note (no highlighted text) whose comment asks no question")
        if forced == "qa" and annotation.comment.strip():
            # the highlight is the prompt and the reader's comment the answer
            return self._card(annotation, "qa", {"Front": escape(strip_marks(annotation.highlight)[0]),
                                                 "Back": render_markdown(annotation.comment)})
        context = (annotation.quote.prefix, annotation.quote.suffix) if annotation.quote else ("", "")
        return self._card(annotation, "cloze", {
            "Text": cloze_html(annotation.highlight, self.trials, context),
            "Comment": render_markdown(annotation.comment),
        })

    @staticmethod
    def _qa_fields(annotation: Annotation, question: Question) -> dict[str, str]:
        quote = strip_marks(annotation.highlight)[0] if annotation.kind == "highlight" else ""
        return {
            "Front": render_markdown(question.question),
            "Back": render_markdown(question.answer),
            "Quote": escape(quote),
            "Comment": render_markdown(question.rest),
        }

    def _card(self, annotation: Annotation, kind: str, fields: dict[str, str]) -> Card:
        """The card, with what every card of either kind shows: extra, source, link and id."""
        info = _describe(annotation.source)
        trials = tuple(self.trials.names(info.title, annotation.highlight, annotation.comment))
        fields.update({
            "Extra": "".join(f"<p>{escape(p)}</p>" for p in prose_tags(annotation)),
            "Source": source_html(info, trials),
            "Link": link_html(annotation),
            "Id": escape(annotation.id),
        })
        return Card(
            annotation_id=annotation.id,
            kind=kind,
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
