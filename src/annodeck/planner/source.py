"""What a card says about its source: a readable title, author and year, and a short key.

The key names the `paper::` tag, so it must be short, free of spaces, and stable while the
reader reorganises the vault: it comes from the document (its title or file name), never
from where the note happens to be stored, unless nothing else is known.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import unquote, urlsplit

from ..models import SourceDocument

MAX_KEY = 40

_STOPWORDS = frozenset(
    "a an the of in on and or for to with without by from at as via vs versus plus into its is are "
    "be was were this that these those their our your his her de la le les des du el los las y et "
    "und der die das".split()
)
# "European J of Haematology - 2022 - Spicka - Isatuximab plus ….pdf" (Wiley's download names)
_JOURNAL_YEAR_AUTHOR = re.compile(r"\s-\s((?:19|20)\d\d)\s-\s([^-]+?)\s-\s(.+)$")
# "Spicka 2022 - Title", "Spicka et al. - 2022 - Title" (Zotero's default attachment names)
_AUTHOR_YEAR = re.compile(r"^([^\W\d_][\w'’-]*)(?: et al\.?)?(?: and [^-]+?)?\s*[-_ ,]\s*((?:19|20)\d\d)\s*-\s*(.+)$")
# "fullerTechnologyEnhancedAssessment2022" (a Better BibTeX citekey)
_CITEKEY = re.compile(r"^[a-z][A-Za-z]+(?:19|20)\d\d[a-z]?$")
_PRODUCER_TITLE = re.compile(r"^Microsoft (?:Word|PowerPoint|Excel) - ", re.IGNORECASE)


@dataclass(frozen=True)
class SourceInfo:
    key: str
    title: str
    author: str = ""
    year: str = ""


def describe(source: SourceDocument) -> SourceInfo:
    stem = _document_stem(source)
    author = year = ""
    if match := _JOURNAL_YEAR_AUTHOR.search(stem):
        year, author, stem_title = match.group(1), match.group(2).strip(), match.group(3)
    elif match := _AUTHOR_YEAR.match(stem):
        author, year, stem_title = match.group(1), match.group(2), match.group(3)
    else:
        stem_title = stem
    title = source.title if _is_real_title(source.title) else stem_title or PurePosixPath(source.path).stem
    return SourceInfo(key=_key(stem, title, author, year, source), title=title, author=author, year=year)


def _key(stem: str, title: str, author: str, year: str, source: SourceDocument) -> str:
    words = _significant_words(title)
    if author and year:
        key = f"{_ascii_word(author).capitalize()}{year}" + (f"-{words[0]}" if words else "")
    elif _CITEKEY.match(stem):
        key = stem
    else:
        key = "-".join(words[:4]) or _slug(PurePosixPath(source.path).stem) or "untitled"
    return _truncate(key)


def _document_stem(source: SourceDocument) -> str:
    """The annotated file's name without folders or extension, or "" for a bare URL."""
    target = source.target or source.uri
    if not target:
        return ""
    if "://" in target:
        path = unquote(urlsplit(target).path)
    else:
        path = target
    name = PureWindowsPath(path).name if "\\" in path else PurePosixPath(path).name
    return re.sub(r"\.(pdf|epub|html?|md)$", "", name, flags=re.IGNORECASE).strip()


def _is_real_title(title: str) -> bool:
    """A title from PDF metadata is often a producer's label or a file name, not a title."""
    if not title or _PRODUCER_TITLE.match(title) or re.search(r"\.(pdf|epub|txt|docx?|pptx?)$", title, re.I):
        return False
    letters = sum(ch.isalpha() for ch in title)
    return letters >= 3 and "\ufffd" not in title


def _significant_words(title: str) -> list[str]:
    words = [w for w in re.findall(r"[^\W_]+", title.lower()) if w not in _STOPWORDS]
    return [_slug(w)[:16] for w in words if _slug(w)]


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "-".join(re.findall(r"[^\W_]+", text.lower()))


def _ascii_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    ascii_only = "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum())
    return ascii_only or word


def _truncate(key: str) -> str:
    if len(key) <= MAX_KEY:
        return key
    cut = key[:MAX_KEY]
    return cut.rsplit("-", 1)[0] if "-" in cut[MAX_KEY // 2 :] else cut
