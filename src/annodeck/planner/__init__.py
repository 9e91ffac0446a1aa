"""The planner: pure functions from an `Annotation` (and the deck's settings) to a `Card`.

It decides which kind of card, what a cloze hides, what each field holds and which tags the
card carries. It does no I/O and knows nothing of files or of genanki.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..models import Annotation, Card, Skip, SourceDocument
from ..render import escape, refused_references, render_markdown, safe_link
from .cloze import cloze_html, strip_marks
from .questions import Question, find_question
from .source import SourceInfo, describe
from .tags import TagContext, forced_kind, prose_tags, tags_for
from .repair import complete_words, normalise
from .terms import Lexicon, default_lexicon
from .trials import TrialFinder

__all__ = ["PlanSettings", "Planner"]


class PlanSettings(BaseModel):
    """What a deck can change about its cards."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: trial names to find besides the shipped list
    trials: tuple[str, ...] = ()
    #: drug names and gene symbols to hide besides the shipped lists
    drugs: tuple[str, ...] = ()
    genes: tuple[str, ...] = ()
    #: the kind of card when no steering tag says otherwise: "auto" makes a comment that asks a
    #: question a Q/A card and anything else a cloze; "cloze" and "qa" make every card that kind
    kind: Literal["auto", "cloze", "qa"] = "auto"
    #: put every tag annodeck gives under this one (`papers` → `papers::trial::IKEMA`)
    tag_prefix: str = Field(default="", pattern=r"^[^\s:][^\s]*$|^$")


class Planner:
    def __init__(self, settings: PlanSettings = PlanSettings()):
        self.settings = settings
        self.lexicon: Lexicon = default_lexicon(settings.trials, settings.drugs, settings.genes)
        self.trials: TrialFinder = self.lexicon.trials
        # the source last described, and its Source field by trials named: every annotation of
        # a file shares one SourceDocument, and hashing it for a cache cost more than the rest
        # of the Source field
        self._source: SourceDocument | None = None
        self._info: SourceInfo | None = None
        self._source_html: dict[tuple[str, ...], str] = {}

    def plan(self, annotation: Annotation) -> Card | Skip:
        if annotation.kind == "reply":
            parent = annotation.references[-1]
            return self._skip(annotation, "reply", f"a reply to ^{parent}; replies are not made into cards")
        # a steering tag wins; otherwise the deck's default kind ("auto" decides by the comment)
        forced = forced_kind(annotation) or (None if self.settings.kind == "auto" else self.settings.kind)
        if forced == "skip":
            return self._skip(annotation, "marked skip", "tagged #anki/skip")
        highlight = highlight_text(annotation)
        question = find_question(annotation.comment) if forced != "cloze" else None
        if question is not None:
            return self._card(annotation, "qa", self._qa_fields(highlight, question))
        if not highlight.strip():
            return self._skip(annotation, "page note",
                              "a page note (no highlighted text) whose comment asks no question")
        if forced == "qa" and annotation.comment.strip():
            # the highlight is the prompt and the reader's comment the answer
            return self._card(annotation, "qa", {"Front": escape(strip_marks(highlight)[0]),
                                                 "Back": render_markdown(annotation.comment)})
        quote = annotation.quote
        context = (quote.prefix, quote.suffix) if quote else ("", "")
        # `{{c1::` in the selected source text is text; typed into the highlight, it is the reader's
        literal_clozes = quote is None or "{{c" not in quote.exact
        return self._card(annotation, "cloze", {
            "Text": cloze_html(highlight, self.lexicon, context, literal_clozes=literal_clozes),
            "Comment": render_markdown(annotation.comment),
        })

    @staticmethod
    def _qa_fields(highlight: str, question: Question) -> dict[str, str]:
        quote = strip_marks(highlight)[0]
        return {
            "Front": render_markdown(question.question),
            "Back": render_markdown(question.answer),
            "Quote": escape(quote),
            "Comment": render_markdown(question.rest),
        }

    def _card(self, annotation: Annotation, kind: str, fields: dict[str, str]) -> Card:
        """The card, with what every card of either kind shows: extra, source, link and id."""
        info = self._described(annotation.source)
        trials = tuple(self.trials.names(info.title, annotation.highlight, annotation.comment))
        source = self._source_html.get(trials)
        if source is None:
            source = self._source_html[trials] = source_html(info, trials)
        fields.update({
            "Extra": "".join(f"<p>{escape(p)}</p>" for p in prose_tags(annotation)),
            "Source": source,
            "Link": link_html(annotation),
            "Id": escape(annotation.id),
        })
        return Card.made({
            "annotation_id": annotation.id,
            "kind": kind,
            "fields": fields,
            "tags": self._prefixed(tags_for(annotation, TagContext(paper_key=info.key, trials=trials))),
            "source_key": info.key,
            "location": annotation.location,
            "warnings": tuple(refused_references(annotation.comment)),
        })

    def _described(self, source: SourceDocument) -> SourceInfo:
        if source is not self._source:
            self._source, self._info, self._source_html = source, _describe(source), {}
        return self._info

    def _prefixed(self, tags: tuple[str, ...]) -> tuple[str, ...]:
        prefix = self.settings.tag_prefix.strip(":")
        return tuple(f"{prefix}::{t}" for t in tags) if prefix else tags

    @staticmethod
    def _skip(annotation: Annotation, category: str, reason: str) -> Skip:
        return Skip(annotation_id=annotation.id, category=category, reason=reason, location=annotation.location)


def highlight_text(annotation: Annotation) -> str:
    """The highlight as a card shows it: cut words completed, PDF extraction damage undone."""
    if annotation.kind != "highlight":
        return ""
    return normalise(complete_words(annotation.highlight, annotation.quote)).strip()


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
    for url in (annotation.link, source.target, source.uri):
        if url and safe_link(url) and not url.lower().startswith("obsidian://"):
            return f'<a class="open-link" href="{escape(url)}">Open the source</a>'
    return ""
