"""What a document's names say: the first author, year and title download tools write into file
names, and whether a title (from the PDF, a file name or a note) is junk.

Three shapes are read, each as one pattern:

- Wiley and other publishers: "European J of Haematology - 2022 - Spicka - Isatuximab plus …",
  "NEJM - 2023 - Rodriguez-Otero - Ide-cel or Standard Regimens …"
- Zotero's attachment names: "Spicka et al. - 2022 - Title", "van de Donk et al. - 2021 - Title",
  "de la Rubia - 2019 - Title", "O'Donnell 2020 - Title", "Müller2021_Title"
- Better BibTeX citekeys: "fullerTechnologyEnhancedAssessment2022"

A surname is letters with inner hyphens or apostrophes (Rodriguez-Otero, O'Donnell, McDonald),
after any particles (van de, de la, San, …); it never holds a digit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import NamedTuple

_YEAR = r"(?P<year>(?:19|20)\d\d)"
# a word of letters, with single hyphens (any of - ‐ ‑) or apostrophes between letters
_SURNAME = r"[^\W\d_](?:[^\W\d_]|['’‐‑-](?=[^\W\d_]))*"
_PARTICLES = "van von der den de del della des di da das dos du le la los las san santa st ten ter"
_PARTICLE = r"(?i:" + "|".join(_PARTICLES.split()) + r")\s+"
# the first author as Zotero writes it: particles, then one surname
_NAME = rf"(?:{_PARTICLE})*{_SURNAME}"
# the author part a publisher writes between " - " delimiters, which may hold two surnames
_PUBLISHER_NAME = rf"{_NAME}(?:\s+{_SURNAME}){{0,2}}"
_OTHERS = r"(?:\s+et\s+al\.?|\s+(?:and|&|und|y|et)\s+" + _NAME + r")?"

_PUBLISHER = re.compile(rf"\s-\s{_YEAR}\s-\s(?P<author>{_PUBLISHER_NAME}){_OTHERS}\s-\s(?P<title>.+)$")
_ZOTERO = re.compile(rf"^(?P<author>{_NAME}){_OTHERS}\s*[-_ ,]?\s*{_YEAR}[a-z]?(?!\d)(?:\s*[-_ ]\s*(?P<title>.*))?$")
# "fullerTechnologyEnhancedAssessment2022": the author's surname in lower case, title words, year
CITEKEY = re.compile(rf"^(?P<author>[a-z]+)[A-Z][A-Za-z]*{_YEAR}[a-z]?$")


class FileName(NamedTuple):
    author: str = ""
    year: str = ""
    #: the title part of the name, or "" when the name holds none
    title: str = ""


def read_file_name(stem: str) -> FileName:
    """The first author, year and title a file name (without extension) holds, as far as it says."""
    if match := CITEKEY.match(stem):
        return FileName(match.group("author").capitalize(), match.group("year"))
    for pattern in (_PUBLISHER, _ZOTERO):
        if match := pattern.search(stem):
            author = _HYPHENS.sub("-", " ".join(match.group("author").split()))
            return FileName(author, match.group("year"), (match.group("title") or "").strip())
    return FileName(title=stem)


def author_key(author: str) -> str:
    """The author as a paper key begins: ASCII letters only, first one capital.

    "Spicka" → "Spicka", "Müller" → "Muller", "Rodriguez-Otero" → "Rodriguezotero", "van de
    Donk" → "Vandedonk". (Keys made before particles were read came out this way for every name
    they read, "O'Donnell" → "Odonnell": the rule stays so that no existing key changes.)"""
    decomposed = unicodedata.normalize("NFKD", author)
    letters = "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum())
    return (letters or author).capitalize()


_HYPHENS = re.compile(r"[‐‑]")


# --- junk titles: each rule says whether a title names no document in particular


def _too_few_letters(title: str) -> bool:
    return sum(ch.isalpha() for ch in title) < 3


def _producer_label(title: str) -> bool:  # "Microsoft Word - simpleeconomics.txt"
    return bool(re.match(r"Microsoft (?:Word|PowerPoint|Excel) - ", title, re.IGNORECASE))


def _file_name(title: str) -> bool:  # "APL thinking examples.pdf"
    return bool(re.search(r"\.(?:pdf|epub|txt|docx?|pptx?|xlsx?|tex)$", title, re.IGNORECASE))


_GENERIC = frozenset(name.strip() for name in """
    powerpoint presentation|powerpoint 프레젠테이션|프레젠테이션|presentation|演示文稿|slide|slides|
    untitled|untitled document|document|new document|download|full text|fulltext|title|main|paper|
    lecture|article|manuscript|file|pdf|notes|annotations|highlights|test""".split("|"))


def _generic(title: str) -> bool:  # "PowerPoint Presentation", "Presentation1", "Slide 1", "download (2)"
    words = re.sub(r"[\s_()-]+", " ", title.casefold()).strip()
    return re.sub(r"(?<=\D)\s*\d*$", "", words).strip() in _GENERIC


def _code(title: str) -> bool:  # "w7600", "12345", "nihms-123456", "1-s2.0-S0006…-main", "2310.18660"
    if re.search(r"\s", title.strip()):
        return False
    alphanumerics = [ch for ch in title if ch.isalnum()]
    digits = sum(ch.isdigit() for ch in alphanumerics)
    return digits >= 0.4 * len(alphanumerics) or bool(_ID_PREFIX.match(title))


_ID_PREFIX = re.compile(r"(?:1-s2\.0-|nihms|pmc\d|pmid|doi|S\d{4})", re.IGNORECASE)
ARXIV_ID = re.compile(r"^\d{4}\.\d{4,5}(?:v\d+)?$")


def _mojibake(title: str) -> bool:
    """Text decoded with the wrong code page: "ôè0Xtt2022-04-ôè0X –œ%_ìì", "DÃ©termination"."""
    if "\ufffd" in title or len(_UTF8_AS_CP1252.findall(title)) >= 2:
        return True
    # mostly Latin-1 letters: real words have a few ("Détermination", "Größe"), garbage many
    letters = [ch for ch in title if ch.isalpha()]
    latin1 = sum(ch in _LATIN1_LETTERS for ch in letters)
    return latin1 >= 4 and latin1 >= 0.4 * len(letters)


# a UTF-8 lead byte then a continuation byte, each read as a Windows-1252 character ("Ã©", "â€™")
# (not a quote, dash, ellipsis or no-break space, which real text puts after "é" too)
_UTF8_AS_CP1252 = re.compile("[\u00c2-\u00ef][\u0080-\u009f\u00a1-\u00bf€‚ƒ„†‡ˆ‰Š‹ŒŽ˜™š›œžŸ]")
_LATIN1_LETTERS = frozenset(chr(c) for c in range(0xC0, 0x100)) | frozenset("ŒœŠšŽžŸƒ")


_JUNK: list[Callable[[str], bool]] = [_too_few_letters, _producer_label, _file_name, _generic, _code, _mojibake]


def is_junk_title(title: str) -> bool:
    """Whether a title says nothing about which document it is (see the rules in `_JUNK`)."""
    return any(rule(title) for rule in _JUNK)


# --- names as titles


def readable(name: str) -> str:
    """A file or note name as a title: "Fizika_I_bevezeto" → "Fizika I bevezeto"."""
    name = name.replace("_", " ")
    if " " not in name.strip() and name.count("-") >= 2:  # "simple-economics-of-open-source"
        name = name.replace("-", " ")
    return " ".join(name.split())


def tidy(title: str) -> str:
    """A title without a download site's label ("… - PDFDrive.com", "(z-lib.org)") or a
    duplicate download's number ("… (1)")."""
    title = " ".join(title.split())
    untagged = re.sub(r"\s*\((?:z-lib\.org|z-library)\)$", "", title, flags=re.IGNORECASE)
    if untagged != title:  # Z-Library names end "(Author [Author])": the author goes too
        untagged = re.sub(r"\s*\([^()]*\)$", "", untagged)
    untagged = re.sub(r"\s+[-–|]\s+[\w-]+\.(?:com|org|net|io)$", "", untagged, flags=re.IGNORECASE)
    return re.sub(r"\s\(\d\)$", "", untagged)
