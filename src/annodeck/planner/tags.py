"""Which tags a card carries. A tagger is a small function; the planner runs them in order.

Anki tags cannot hold spaces and are matched as words, so every tag is made safe here, and a
"tag" that is really prose (a TAGS section holding a paragraph, as some readers write) is not a
tag at all: the planner puts it on the back of the card instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..models import Annotation

MAX_TAG = 60
MAX_TAG_WORDS = 4

# sentence punctuation (CJK full-width marks anywhere, Latin marks followed by a space)
_SENTENCE = re.compile(r"[。！？；，、：]|[.!?;:,](?:\s|$)")
_UNSAFE = re.compile(r'[\s"\x00-\x1f\x7f]+')
_COLONS = re.compile(r":{3,}")


@dataclass(frozen=True)
class TagContext:
    """What the taggers know beyond the annotation: decided once per source and card."""

    paper_key: str
    trials: tuple[str, ...]


Tagger = Callable[[Annotation, TagContext], Iterable[str]]


# A reader uses few tags, over and over, and the trials they tag are few: both are pure functions
# of a short string, remembered (half the taggers' work per card).
@lru_cache(maxsize=4096)
def is_prose(tag: str) -> bool:
    """Whether a TAGS entry is a sentence or a paragraph rather than a tag."""
    return len(tag) > 40 or len(tag.split()) > MAX_TAG_WORDS or bool(_SENTENCE.search(tag))


@lru_cache(maxsize=4096)
def anki_tag(text: str) -> str:
    """A reader's tag as an Anki tag: `/` nests (`a/b` → `a::b`), spaces become `_`."""
    tag = _UNSAFE.sub("_", text.strip()).replace("/", "::")
    tag = _COLONS.sub("::", tag).strip(":_")
    return tag


def paper_tag(annotation: Annotation, context: TagContext) -> Iterable[str]:
    yield f"paper::{context.paper_key}"


def trial_tags(annotation: Annotation, context: TagContext) -> Iterable[str]:
    for name in context.trials:
        yield f"trial::{anki_tag(name)}"


#: tags that steer annodeck rather than describe the card: `#anki/qa`, `#anki/cloze`, `#anki/skip`
CONTROL_TAGS = {"anki/qa": "qa", "anki/cloze": "cloze", "anki/skip": "skip"}


def forced_kind(annotation: Annotation) -> str | None:
    """The kind the reader asked for with a control tag ("qa", "cloze" or "skip"), if any."""
    kinds = {CONTROL_TAGS[t.lower()] for t in annotation.tags if t.lower() in CONTROL_TAGS}
    for kind in ("skip", "qa", "cloze"):  # skip wins: the reader said not to study this
        if kind in kinds:
            return kind
    return None


def reader_tags(annotation: Annotation, context: TagContext) -> Iterable[str]:
    for tag in annotation.tags:
        if not is_prose(tag) and tag.lower() not in CONTROL_TAGS:
            yield anki_tag(tag)


DEFAULT_TAGGERS: tuple[Tagger, ...] = (paper_tag, trial_tags, reader_tags)


def tags_for(annotation: Annotation, context: TagContext, taggers: Iterable[Tagger] = DEFAULT_TAGGERS) -> tuple[str, ...]:
    """The card's tags, each once, in the order the taggers gave them."""
    seen: dict[str, str] = {}  # Anki compares tags without case
    for tagger in taggers:
        for tag in tagger(annotation, context):
            if tag and len(tag) <= MAX_TAG:
                seen.setdefault(tag.casefold(), tag)
    return tuple(seen.values())


def prose_tags(annotation: Annotation) -> list[str]:
    """The TAGS entries that are prose; they belong on the back of the card."""
    return [tag for tag in annotation.tags if is_prose(tag)]
