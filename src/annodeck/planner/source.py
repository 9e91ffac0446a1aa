"""What a card says about its source: a readable title, author and year, a short key, and a cue.

The key names the `paper::` tag, so it must be short, free of spaces, and stable while the
reader reorganises the vault: it comes from the document (its title or file name), never
from where the note happens to be stored, unless nothing else is known.

The title is the first of these that is not junk (see `authors.is_junk_title`): the PDF's own title, the title
part of the file name, the note's name, an identifier the file name holds (an arXiv id), and
last the note's name whatever it is, with a key made unique by the document's address.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import unquote, urlsplit

from ..models import SourceDocument
from .authors import ARXIV_ID, CITEKEY, FileName, author_key, is_junk_title, read_file_name, readable, tidy
from .trials import TrialFinder

MAX_KEY = 40
#: how wide a cue may be, counting a CJK character as two
MAX_CUE = 60

_STOPWORDS = frozenset(
    "a an the of in on and or for to with without by from at as via vs versus plus into its is are "
    "be was were this that these those their our your his her de la le les des du el los las y et "
    "und der die das".split()
)


@dataclass(frozen=True)
class SourceInfo:
    key: str
    title: str
    author: str = ""
    year: str = ""


def describe(source: SourceDocument) -> SourceInfo:
    stem = _document_stem(source)
    name = read_file_name(stem)
    title = tidy(readable(next((t for t in _titles(source, stem, name) if not is_junk_title(t)), "")))
    if title:
        key = _key(stem, title, name)
    else:  # nothing names the document: the note's name, and a key no other document shares
        title = readable(PurePosixPath(source.path).stem) or "untitled"
        address = source.uri or source.target or source.path
        key = _truncate(f"{_slug(title)[:24] or 'untitled'}-{hashlib.sha1(address.encode()).hexdigest()[:8]}")
    return SourceInfo(key=key, title=title, author=name.author, year=name.year)


def _titles(source: SourceDocument, stem: str, name: FileName) -> Iterator[str]:
    """What might title the document, best first, as written (the junk rules judge them so)."""
    if not (_is_epub(source) and _CHAPTER.match(source.title)):  # an EPUB gives its chapter's title
        yield source.title
    yield name.title
    yield PurePosixPath(source.path).stem
    if ARXIV_ID.match(stem):
        yield f"arXiv {stem}"


def _key(stem: str, title: str, name: FileName) -> str:
    words = _significant_words(title)
    if CITEKEY.match(stem):
        key = stem
    elif name.author and name.year:
        key = f"{author_key(name.author)}{name.year}" + (f"-{words[0]}" if words else "")
    else:
        key = "-".join(words[:4]) or "untitled"
    return _truncate(key)


# --- the cue on a card's front


def cue(info: SourceInfo, trial: str | None = None) -> str:
    """A short plain-text line saying which paper or book a card comes from (not escaped).

    "IKEMA · Spicka 2022", "Rodriguez-Otero 2023 · Ide-cel or Standard Regimens…",
    "The Pragmatic Programmer"; at most `MAX_CUE` wide, cut at whole words."""
    byline = f"{info.author} {info.year}" if info.author and info.year else ""
    if trial:
        rest = byline or _few_words(_main_title(info.title), MAX_CUE - _width(trial) - 3)
        return f"{trial} · {rest}" if rest else trial
    if byline:
        words = _few_words(info.title, MAX_CUE - _width(byline) - 3)
        return f"{byline} · {words}" if words else byline
    return _few_words(_main_title(info.title), MAX_CUE) or info.key


def _main_title(title: str) -> str:
    """The title before its subtitle ("The Pragmatic Programmer: From Journeyman to Master"),
    when that part is more than one word."""
    main = re.split(r":\s|：|\s[-–—|]\s|\s?[(（\[]", title, maxsplit=1)[0].strip()
    several_words = len(main.split()) > 1 or (len(main) > 1 and _width(main) > len(main))
    return main if several_words else title


def _few_words(text: str, width: int) -> str:
    text = " ".join(text.split())
    if _width(text) <= width:
        return text
    words: list[str] = []
    for word in text.split():
        if _width(" ".join([*words, word])) > width - 1:
            break
        words.append(word)
    while words and (words[-1].casefold() in _STOPWORDS or not words[-1][-1].isalnum()):
        stripped = words[-1].rstrip(",;:.-–—(")  # "Brain," → "Brain"
        if words[-1][-1].isalnum() or stripped == words[-1] or not stripped:
            words.pop()
        else:
            words[-1] = stripped
    if words:
        return " ".join(words) + "…"
    cut = ""  # one long word, or a script without spaces: whole characters
    for ch in text:
        if _width(cut + ch) > width - 1:
            break
        cut += ch
    return cut.rstrip() + "…" if cut.strip() else ""


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# --- the paper's own trial


def own_trial(title: str, tags: Sequence[str], finder: TrialFinder) -> str | None:
    """The trial the paper is about: named in its title, else in the reader's tags ("IKEMA",
    "trial/CANDOR"). A title's trial that it is only compared with ("… compared with X") is not
    the paper's; a trial a highlight or comment mentions never is."""
    for match in finder.find(title):
        if not _COMPARED.search(title[: match.start]):
            return match.name
    for tag in tags:
        *parents, name = re.split(r"/|::", tag.lstrip("#").strip())
        for spelling in (name, name.upper()):
            found = finder.find(spelling)
            if len(found) == 1 and (found[0].start, found[0].end) == (0, len(spelling)):
                return found[0].name
        if parents and parents[-1].casefold() in ("trial", "trials") and re.fullmatch(r"[\w-]+", name):
            return name
    return None


# the words that put a trial in a title as the comparison: "… compared with the X trial"
_COMPARED = re.compile(
    r"\b(?:compared\s+(?:with|to)|versus|vs\.?|than|relative\s+to|unlike|like|as\s+in)\s+"
    r"(?:(?:the|a|an|in|of|with|those|patients)\s+)*$", re.IGNORECASE)


# --- names and words


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


def _is_epub(source: SourceDocument) -> bool:
    return source.target.lower().endswith(".epub") or source.uri.startswith("app://obsidian.md/index.html")


# "1 开端：…", "3.2 Results", "Chapter 4", "Part II", "第三章"
_CHAPTER = re.compile(r"\d+(?:\.\d+)*\.?\s|(?:chapter|part|chapitre|cap[ií]tulo|kapitel)\b|第\S{1,4}[章节部回]",
                      re.IGNORECASE)


def _significant_words(title: str) -> list[str]:
    words = [w for w in re.findall(r"[^\W_]+", title.lower()) if w not in _STOPWORDS]
    return [_slug(w)[:16] for w in words if _slug(w)]


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "-".join(re.findall(r"[^\W_]+", text.lower()))


def _truncate(key: str) -> str:
    if len(key) <= MAX_KEY:
        return key
    cut = key[:MAX_KEY]
    return cut.rsplit("-", 1)[0] if "-" in cut[MAX_KEY // 2 :] else cut
