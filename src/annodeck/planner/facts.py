"""Highlights that hold no fact to learn: headings, figure captions, author lists, the title.

`not_a_fact` gives the reason for a reported skip, or None. Each rule is a small function; when
unsure a rule says no, since a fact skipped is lost while a heading kept is only a weak card.
The caller asks about headings only for highlights whose comment does not explain them: a lone
term ("homogeneous", "callables", "B-cell maturation antigen") is then something to learn.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# --- the paper's own title


def _squashed(text: str) -> str:
    """Letters and digits only, case-folded: "COLLEGE  ADMISSIONS," → "collegeadmissions"."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def _own_title(text: str, title: str) -> bool:
    """The highlight is the title, most of it, or its part before the subtitle."""
    highlight, whole = _squashed(text), _squashed(title)
    if len(highlight) < 12 or not whole or " " not in text.strip():  # one word is a term, not a title
        return False
    shorter, longer = sorted((highlight, whole), key=len)
    main = _squashed(re.split(r":\s|：|\s[-–—|]\s", title, maxsplit=1)[0])
    return (shorter in longer and len(shorter) >= 0.6 * len(longer)) or highlight == main


# --- figure and table captions

_CAPTION = re.compile(
    r"^(?:supplementary\s+|supplemental\s+|extended\s+data\s+|suppl\.\s*)?"
    r"(?:(?P<cjk>图|表|그림|표)|fig(?:ure)?s?\.?|table|tab\.|chart|scheme|graph|abbildung|abb\.|tabelle|tabla|"
    r"tableau|figura|tabela|ábra|táblázat)\s*[SA]?\d+[A-Za-z]?(?:\.\d+)?(?P<after>.*)$",
    re.IGNORECASE | re.DOTALL,
)


def _caption(text: str, title: str) -> bool:
    """"Fig. 1 | Schematic…", "Figure 2. Kaplan-Meier…", "Table 3 Baseline…", "FIGURE 1", "图 3 模型",
    but not "Figure 2 shows that…" nor "表2显示…"."""
    match = _CAPTION.match(text.strip())
    if not match:
        return False
    after = match.group("after").strip()
    # a CJK label has no capitals to go by: a space after the number sets the caption apart
    set_apart = after[:1].isupper() or bool(match.group("cjk") and match.group("after")[:1].isspace())
    return not after or after[0] in ".:|–—-)" or set_apart


# --- author lists

_AFFILIATION_MARKS = re.compile(r"(?<=[^\W\d_])[\d*†‡§¶#∗¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:,[\d*†‡§¶#∗¹²³⁴⁵⁶⁷⁸⁹⁰]+)*")
_DEGREES = re.compile(r",?\s*\b(?:MD|PhD|Ph\.D\.|MSc|MS|BSc|MPH|MBBS|MBChB|FRCP\w*|FACP|RN|DPhil|DSc|MA|BA|Jr|Sr)\b\.?")
_NAME_SEPARATORS = re.compile(r"\s*(?:[,;]|\s(?:and|&|et|y|und|és|og|e)\s)\s*")
_CONJUNCTION = re.compile(r"\s(?:and|&|et|y|und|és|og|e)\s")
_INITIALS = r"(?:[A-Z]\.?-?){1,4}"
_CAPITALISED = r"[^\W\d_a-z](?:[^\W\d_]|['’-](?=[^\W\d_]))+"
_PARTICLE = r"(?:van|von|der|den|de|del|della|di|da|dos|du|le|la|ten|ter)"
_PERSON = re.compile(rf"(?:(?:{_CAPITALISED}|{_INITIALS}|{_PARTICLE})\s+){{1,4}}(?:{_CAPITALISED}|{_INITIALS})")
_SURNAME_INITIALS = re.compile(rf"(?:{_PARTICLE}\s+)*{_CAPITALISED}\s+{_INITIALS}")


def _author_list(text: str, title: str) -> bool:
    """"Ivan Spicka, Thierry Facon, Philippe Moreau, …", "Smith J, Jones K, Lee M",
    "John Smith1,2, Mary Jones3 and …", with affiliation marks and degrees."""
    if "\n" in text.strip() or len(text) > 400:
        return False
    marked = _AFFILIATION_MARKS.sub("", text)
    cleaned = _DEGREES.sub("", marked).strip().rstrip("…. ")
    cleaned = re.sub(r"\s+et\s+al$", "", cleaned)
    names = [n for n in _NAME_SEPARATORS.split(cleaned) if n]
    if len(names) < 2 or not all(_PERSON.fullmatch(n) or _SURNAME_INITIALS.fullmatch(n) for n in names):
        return False
    initials = all(_SURNAME_INITIALS.fullmatch(n) for n in names)
    return len(names) >= 3 or initials or marked != text or bool(_CONJUNCTION.search(cleaned))


# --- headings

# section names a highlight may be alone: "Abstract", "3.2 Results", "Materials and methods"
_SECTIONS = frozenset(" ".join(name.split()) for name in """
    abstract|summary|introduction|background|methods|methodology|materials and methods|patients and methods|
    results|discussion|conclusion|conclusions|references|bibliography|acknowledgements|acknowledgments|
    keywords|key words|contents|table of contents|appendix|preface|foreword|example|examples|exemple|exemples|
    ejemplo|ejemplos|exemplo|beispiel|definition|theorem|lemma|proof|exercise|exercises|remark|remarque|note|
    résumé|resumen|introducción|métodos|resultados|discusión|conclusión|conclusiones|einleitung|
    zusammenfassung|ergebnisse|diskussion|fazit|sammendrag|innledning|metode|resultater|konklusjon|
    bevezetés|összefoglalás|összefoglaló|eredmények|摘要|引言|前言|结论|参考文献|目录|초록|서론|결론|요약|참고문헌|목차|
    tóm tắt|kết luận|giới thiệu""".split("|"))
# a heading's numbering: "3.2 ", "Chapter 4: ", "IV. ", "第三章 ", "제3장 "
_NUMBERING = re.compile(
    r"^(?:(?:chapter|chapitre|cap[ií]tulo|kapitel|part|section|lecture|lesson|unit|fejezet)\s+[\dIVXLC]+[.:]?\s*"
    r"|(?:stage|step|phase)\s+\d+\s*:\s*"
    r"|§\s*\d+(?:\.\d+)*\s*|\d{1,3}(?:\.\d+)*\.?\s+|[IVX]+\.\s+|第\S{1,4}[章节部回]\s*|제\s*\d+\s*[장절]\s*)",
    re.IGNORECASE,
)
_SENTENCE_PUNCTUATION = re.compile(r"[.!?;,…。！？；，、]|:\s*$")
# words that make a line a sentence, in the corpus's languages: verbs, auxiliaries, negations
_SENTENCE_WORDS = frozenset("""
    is are was were be been am can could will would shall should may might must has have had do does did not
    isn't aren't don't doesn't can't cannot won't es son era fue está están hay ha han puede pueden debe deben
    debemos tiene tienen no est sont était ont peut peuvent doit ne ist sind war hat haben kann können wird
    werden nicht van vannak volt nem lesz er var har kan skal vil ikke é são foi tem pode não è sono può non
    là có không được zijn heeft niet
    we you he she it they yo él ella nosotros ellos ellas il elle ils elles nous vous je ich wir er sie
    jeg vi han hun én mi ők tôi chúng
    means shows uses involves requires provides includes contains allows makes takes gives becomes remains
    seems appears leads causes describes represents depends refers consists helps""".split())
# words a heading joins its nouns with: a sentence-case line needs one to look like a heading
_CONNECTORS = frozenset("""
    of and the in for to a an on by with at from vs versus de del la las los el y e en con por para des du le
    les et à au aux der die das und von zu im mit és az og i på av med til và của trong""".split())


def _heading(text: str, title: str) -> bool:
    """A short line that names a part of the document: numbered, all capitals, Title Case, a
    section name, or sentence case joined like a heading ("Herencia y cadena de prototipos")."""
    if "\n" in text.strip():
        return False
    line = " ".join(text.split()).rstrip(":")
    if not line or len(line) > 90:
        return False
    numbering = _NUMBERING.match(line)
    rest = line[numbering.end():] if numbering else line
    if rest.casefold().rstrip(".") in _SECTIONS:
        return True
    words = rest.split()
    if not words or len(words) > 10 or _SENTENCE_PUNCTUATION.search(rest) or _has_sentence_word(words):
        return False
    if rest.count("(") != rest.count(")") or any(w.isdigit() for w in words):
        return False  # cut off mid-way ("… Union (ITU"), or a line of output ("Car 0 leaving at 5")
    if numbering:
        return rest[0].isupper() or _is_cjk(rest[0])
    if any(_is_cjk(ch) for ch in rest):  # no capitals to go by: only numbered lines and section names
        return False
    if rest.isupper():
        return sum(w.isalpha() and len(w) >= 4 for w in words) >= 2
    first, content = words[0], [w for w in words if w.casefold() not in _CONNECTORS]
    if not (first.isalpha() and first[0].isupper() and first[1:].islower()):
        return False  # "B-cell maturation antigen", "mRNA vaccines": a term, not a heading
    joined = any(w.casefold() in _CONNECTORS for w in words[1:-1])
    title_case = len(content) >= 2 and all(w[0].isupper() or not w[0].isalpha() for w in content)
    if title_case:
        return joined or len(words) >= 3
    return joined and 3 <= len(words) <= 7


# pronouns that are also words of headings elsewhere ("Notes on Style"): a sentence only first
_SENTENCE_FIRST_WORDS = frozenset(["on", "man"])


def _has_sentence_word(words: list[str]) -> bool:
    plain = [w.casefold().strip("()[]\"'“”") for w in words]
    return plain[0] in _SENTENCE_FIRST_WORDS or any(w in _SENTENCE_WORDS for w in plain)


def _is_cjk(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF" and ch.isalpha()


_RULES: list[tuple[str, Callable[[str, str], bool]]] = [
    ("the paper's own title", _own_title),
    ("a figure caption", _caption),
    ("an author list", _author_list),
    ("a heading, not a fact", _heading),
]


def not_a_fact(text: str, title: str) -> str | None:
    """Why a highlight holds no fact to learn ("a heading, not a fact", "a figure caption",
    "the paper's own title", "an author list"), or None. `title` is the document's title or ""."""
    if not text.strip():
        return None
    for reason, rule in _RULES:
        if rule(text, title):
            return reason
    return None
