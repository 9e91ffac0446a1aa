"""The typed values that flow through the pipeline: read → plan → package.

Readers produce `Annotation`s (and `Problem`s); the planner turns an annotation into a `Card`
or a `Skip`; the packager turns cards into Anki notes. Nothing here knows about files or Anki.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Location(_Value):
    """Where something was read: a display path and a 1-based line number."""

    file: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


class Severity(str, Enum):
    #: the annotation (or file) could not be used at all
    ERROR = "error"
    #: something was off, but a card was still made
    WARNING = "warning"


class Problem(_Value):
    """Something wrong with the input, reported as `file:line: what`."""

    location: Location
    what: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{self.location}: {prefix}{self.what}"


class TextQuote(_Value):
    """The Hypothes.is TextQuoteSelector: the quoted text and up to 32 characters around it."""

    exact: str
    prefix: str = ""
    suffix: str = ""


class TextPosition(_Value):
    start: int
    end: int


class SourceDocument(_Value):
    """What was read: the annotated paper, book or page, as far as the input says."""

    #: the note (or export) the annotations came from, as shown to the user
    path: str
    #: the document title (JSON `document.title`), or "" when unknown
    title: str = ""
    #: the file or URL the note says it annotates (`annotation-target`), or ""
    target: str = ""
    #: the annotated document's URI as Hypothes.is stored it (`uri`), or ""
    uri: str = ""
    #: the Obsidian vault's name (its folder, which holds `.obsidian/`), or "" when not in a vault
    vault: str = ""
    #: the note's path inside the vault, with `/` separators, or ""
    vault_file: str = ""


AnnotationKind = Literal["highlight", "page_note", "reply"]


class Annotation(_Value):
    """One annotation as the reader understood it, with the user's edits taken as the truth."""

    #: the annotation's identity (the block id `^abc123`); never derived from content when present
    id: str
    kind: AnnotationKind
    #: the highlighted text as shown in the note (the user's corrections win over the JSON)
    highlight: str
    #: the JSON selector, kept for identity and context (untrimmed prefix and suffix)
    quote: TextQuote | None = None
    position: TextPosition | None = None
    #: the comment, in markdown
    comment: str = ""
    #: the TAGS section split on commas, each without its leading `#`
    tags: tuple[str, ...] = ()
    created: str = ""
    references: tuple[str, ...] = ()
    source: SourceDocument
    location: Location
    #: a link that opens this annotation where it was made (Hypothes.is `links.incontext`), or ""
    link: str = ""


CardKind = Literal["cloze", "qa"]
#: how a card asks: a cloze of what the reader marked or of what annodeck chose; a question the
#: comment asks; a word and its meaning; or a highlight as the prompt for the comment (#anki/qa)
CardForm = Literal["marked", "chosen", "question", "meaning", "prompt"]


class Card(_Value):
    """What one Anki note will hold: its kind, HTML fields (already escaped) and tags."""

    annotation_id: str
    kind: CardKind
    form: CardForm
    #: field name → HTML, for the note type of `kind`
    fields: dict[str, str]
    tags: tuple[str, ...]
    #: the source's short key (the `paper::` tag without its prefix), for reports
    source_key: str
    location: Location
    #: what the planner refused or changed on the way (a link outside the vault…), for reports
    warnings: tuple[str, ...] = ()

    @classmethod
    def made(cls, data: dict) -> Card:
        """`model_validate(data)`, for the cards a build keeps until it ends.

        Pydantic gives each instance its own set of the names of the fields it was given: 728
        bytes for a card's seven and 216 for its location's two, nearly half of what a card holds
        beside its text (46 MB of a 50,000-card build). A card and location given every field
        share one set with the others instead, as `model_construct(_fields_set=...)` lets any
        caller do. The models are frozen, so nothing adds to it, and a copy copies it."""
        card = cls.model_validate(data)
        # (written out, not a helper: this runs for every card the parent is handed)
        if card.__pydantic_fields_set__ == _CARD_FIELDS:  # only where it says exactly what was given
            _object_setattr(card, "__pydantic_fields_set__", _CARD_FIELDS)
        location = card.location
        if location.__pydantic_fields_set__ == _LOCATION_FIELDS:
            _object_setattr(location, "__pydantic_fields_set__", _LOCATION_FIELDS)
        return card


_CARD_FIELDS = set(Card.model_fields)
_LOCATION_FIELDS = set(Location.model_fields)
_object_setattr = object.__setattr__  # as pydantic sets it (the models are frozen)


class Skip(_Value):
    """An annotation (or an unreadable block) that became no card, and why."""

    annotation_id: str
    #: a short name for the kind of reason, for summaries ("page note", "duplicate id")
    category: str
    reason: str
    location: Location

    def __str__(self) -> str:
        subject = f"^{self.annotation_id}" if self.annotation_id else "block"
        return f"{self.location}: skipped {subject}: {self.reason}"
