"""The planner: one `Annotation` (and the deck's settings) to one `Card`, or a `Skip` that says why.

Which card an annotation makes, in this order:

1. A steering tag decides when there is one (`#anki/skip`, `#anki/qa`, `#anki/cloze`).
2. A comment that asks a question (`Q:`/`A:` lines, or a comment that is just one question)
   makes a question card: the question on the front, the highlight on the back.
3. A short highlight whose comment gives its meaning (a translation, a short definition) makes
   a word ↔ meaning card.
4. A heading, a caption, the paper's own title or an author list is not a fact: skipped, unless
   the reader marked something in it or wrote about it.
5. Otherwise a cloze: what the reader marked, or else the terms the hiding rules choose, one
   cloze number per distinct term. When nothing is worth asking, a skip that says how to steer.

Every front carries a cue of where the fact comes from: the paper's own trial, or its first
author, year and a few words of its title.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..models import Annotation, Card, Skip, SourceDocument
from ..render import escape, refused_references, render_markdown
from . import words
from .cloze import Deletion, cloze_html, every_occurrence, strip_marks
from .facts import not_a_fact
from .fields import context_html, cue_html, link_html, source_html
from .hide import RULES, Passage, choose
from .meaning import is_term, meaning_of
from .questions import Question, find_question
from .repair import repair
from .source import SourceInfo, cue, describe, own_trial
from .tags import TagContext, forced_kind, prose_tags, tags_for
from .terms import Lexicon, default_lexicon
from .trials import TrialFinder


class PlanSettings(BaseModel):
    """What a deck can change about its cards."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: trial names to find besides the shipped list
    trials: tuple[str, ...] = ()
    #: drug names and gene symbols to hide besides the shipped lists
    drugs: tuple[str, ...] = ()
    genes: tuple[str, ...] = ()
    #: the kind of card when no steering tag says otherwise: "auto" decides by the comment and
    #: the highlight; "cloze" and "qa" make every card that kind
    kind: Literal["auto", "cloze", "qa"] = "auto"
    #: put every tag annodeck gives under this one (`papers` → `papers::trial::IKEMA`)
    tag_prefix: str = Field(default="", pattern=r"^[^\s:][^\s]*$|^$")


#: why a cloze found nothing to ask, and how the reader can steer it
NOTHING_TO_ASK = ("nothing in the highlight stands out to ask (no term, name or number worth recalling); "
                  "mark the key term with ==…== or write Q: in the comment")
A_BARE_TERM = ("a term with no explanation, so there is nothing to ask; write its meaning in the comment, "
               "or Q: with a question")


class Planner:
    def __init__(self, settings: PlanSettings = PlanSettings()):
        self.settings = settings
        self.lexicon: Lexicon = default_lexicon(settings.trials, settings.drugs, settings.genes)
        self.trials: TrialFinder = self.lexicon.trials
        # the source last described, and what is made of it by trial: every annotation of a
        # file shares one SourceDocument
        self._source: SourceDocument | None = None
        self._info: SourceInfo | None = None
        self._made: dict[tuple, tuple[str, str]] = {}

    def plan(self, annotation: Annotation) -> Card | Skip:
        if annotation.kind == "reply":
            parent = annotation.references[-1]
            return self._skip(annotation, "reply", f"a reply to ^{parent}; replies are not made into cards")
        forced = forced_kind(annotation) or (None if self.settings.kind == "auto" else self.settings.kind)
        if forced == "skip":
            return self._skip(annotation, "marked skip", "tagged #anki/skip")
        front = _Front(self, annotation)
        highlight = self.highlight_text(annotation)
        question = find_question(annotation.comment) if forced != "cloze" else None
        if question is not None:
            return self._card(annotation, front, "qa", "question", _question_fields(front, highlight, question))
        if not highlight.strip():
            return self._skip(annotation, "page note",
                              "a page note (no highlighted text) whose comment asks no question")
        quote = annotation.quote
        # `{{c1::` in the selected source text is text; typed into the highlight, it is the reader's
        literal_clozes = quote is None or "{{c" not in quote.exact
        text, marks = strip_marks(highlight, literal_clozes)
        comment = annotation.comment
        if forced == "qa" and comment.strip():
            # the highlight is the prompt and the reader's comment the answer
            return self._card(annotation, front, "qa", "prompt",
                              {"Front": front.html + escape(text), "Back": render_markdown(comment)})
        if not marks and forced != "cloze":
            meaning = meaning_of(text, comment)
            if meaning is not None:
                return self._card(annotation, front, "qa", "meaning", {
                    "Front": front.html + f'<div class="term">{escape(text.strip())}</div>',
                    "Back": render_markdown(meaning),
                    "Quote": context_html(text, quote),
                })
        if not marks:
            reason = not_a_fact(text, front.info.title)
            if reason and not _engaged(text, comment):
                return self._skip(annotation, "not a fact", f"{reason}; mark a term with ==…== to make a card of it")
        deletions = every_occurrence(text, marks) if marks else self._chosen(text, annotation, front)
        if not marks and is_term(text) and not comment.strip():
            return self._skip(annotation, "nothing to ask", A_BARE_TERM)
        if not deletions:
            return self._skip(annotation, "nothing to ask", NOTHING_TO_ASK)
        return self._card(annotation, front, "cloze", "marked" if marks else "chosen", {
            "Text": front.html + cloze_html(text, deletions),
            "Comment": render_markdown(comment),
        })

    def highlight_text(self, annotation: Annotation) -> str:
        """The highlight as a card shows it: cut words completed, PDF extraction damage undone."""
        if annotation.kind != "highlight":
            return ""
        lang = words.language(annotation.highlight)
        return repair(annotation.highlight, annotation.quote, lang, self.lexicon.is_name).strip()

    def _chosen(self, text: str, annotation: Annotation, front: _Front) -> list[Deletion]:
        passage = Passage(text=text, lang=words.language(text), lexicon=self.lexicon, comment=annotation.comment,
                          shown=front.shown, own_trial=front.trial)
        return [Deletion(start, end, answer.number)
                for answer in choose(passage, RULES) for start, end in answer.spans]

    def _card(self, annotation: Annotation, front: _Front, kind: str, form: str, fields: dict[str, str]) -> Card:
        """The card, with what every card of either kind shows: extra, source, link and id."""
        fields.update({
            "Extra": "".join(f"<p>{escape(p)}</p>" for p in prose_tags(annotation)),
            "Source": front.source,
            "Link": link_html(annotation),
            "Id": escape(annotation.id),
        })
        return Card.made({
            "annotation_id": annotation.id,
            "kind": kind,
            "form": form,
            "fields": fields,
            "tags": self._prefixed(tags_for(annotation, TagContext(paper_key=front.info.key, trials=front.trials))),
            "source_key": front.info.key,
            "location": annotation.location,
            "warnings": tuple(refused_references(annotation.comment)),
        })

    def described(self, source: SourceDocument) -> SourceInfo:
        if source is not self._source:
            self._source, self._info, self._made = source, _describe(source), {}
        return self._info

    def _prefixed(self, tags: tuple[str, ...]) -> tuple[str, ...]:
        prefix = self.settings.tag_prefix.strip(":")
        return tuple(f"{prefix}::{t}" for t in tags) if prefix else tags

    @staticmethod
    def _skip(annotation: Annotation, category: str, reason: str) -> Skip:
        return Skip(annotation_id=annotation.id, category=category, reason=reason, location=annotation.location)


class _Front:
    """What an annotation's card says about its source: the cue on its front, the Source field
    on its back, the trials it names and the words the cue already shows."""

    __slots__ = ("info", "trial", "trials", "html", "source", "shown")

    def __init__(self, planner: Planner, annotation: Annotation):
        info = self.info = planner.described(annotation.source)
        self.trial = own_trial(info.title, annotation.tags, planner.trials) or ""
        self.trials = tuple(planner.trials.names(info.title, annotation.highlight, annotation.comment))
        made = planner._made.get((self.trial, self.trials))
        if made is None:
            line = cue(info, self.trial or None)
            made = planner._made[(self.trial, self.trials)] = (cue_html(line), source_html(info, self.trials), line)
        self.html, self.source, line = made
        self.shown = _shown(line, self.trial)


@lru_cache(maxsize=256)
def _shown(line: str, trial: str) -> frozenset[str]:
    from .hide import key

    parts = {key(trial)} if trial else set()
    for piece in line.replace("…", " ").split("·"):
        parts.add(key(piece))
        parts.update(key(w) for w in words.WORD.findall(piece))
    return frozenset(p for p in parts if p)


def _question_fields(front: _Front, highlight: str, question: Question) -> dict[str, str]:
    quote = strip_marks(highlight)[0]
    return {
        "Front": front.html + render_markdown(question.question),
        "Back": render_markdown(question.answer),
        "Quote": escape(quote),
        "Comment": render_markdown(question.rest),
    }


def _engaged(text: str, comment: str) -> bool:
    """Whether the reader wrote about a highlight (rather than only repeating it)."""
    from .meaning import _plain

    return bool(comment.strip()) and _plain(comment) != _plain(text)


@lru_cache(maxsize=256)
def _describe(source: SourceDocument) -> SourceInfo:
    return describe(source)
