"""What a reader of any text must recall: terms, not sentences.

In order of how sure a rule is that it found the point of a sentence: a term the sentence
defines ("X is a…", "called X", "known as X"); a term the reader's own comment names too; a term
set in quotes; a name or a number with its unit; a long form beside its abbreviation; and
otherwise the sentence's rarest content word, by wordfreq's word frequencies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..words import WORD, zipf
from .aliases import aliases
from .passage import Candidate, Passage, key

#: words after which the next few words name what is defined, by language
_NAMING = {
    "en": r"(?:is|are|was|were|be|been)?\s*(?:called|termed|named|dubbed|known\s+as|referred\s+to\s+as)|so-called|what\s+is\s+called",
    "es": r"(?:se\s+)?(?:llamad[oa]s?|denominad[oa]s?|conocid[oa]s?\s+como|denomina|llama|conoce\s+como)",
    "fr": r"(?:dit(?:e|s|es)?|appel[ée]e?s?|nomm[ée]e?s?|qualifi[ée]e?s?\s+de|qu'on\s+appelle|on\s+parle\s+de)",
    "pt": r"(?:chamad[oa]s?|denominad[oa]s?|conhecid[oa]s?\s+como)",
    "it": r"(?:chiamat[oaie]|dett[oaie]|not[oaie]\s+come)",
    "de": r"(?:genannt(?:e[nrs]?)?|sogenannte[nrs]?|bezeichnet\s+als)",
}
_NAMING_PATTERNS = {lang: re.compile(rf"(?<![\w-])(?:{p})(?![\w-])\s*", re.IGNORECASE) for lang, p in _NAMING.items()}
_CJK_NAMING = re.compile(r"(?:被?称为|叫做|称作|即|所谓|是指)[“「『\"]?([\u3400-\u9fffA-Za-z0-9-]{2,12})")
#: "X is a …", "X are the …": a definition, when it opens the sentence
_COPULA = {
    "en": r"(?:is|are)\s+(?:an?|the|one\s+of\s+the)\s",
    "es": r"(?:es|son)\s+(?:una?|el|la|los|las|aquel(?:la)?|un\s+tipo\s+de)\s",
    "fr": r"(?:est|sont)\s+(?:une?|le|la|les|l['’])",
    "pt": r"(?:é|são)\s+(?:uma?|o|a|os|as)\s",
    "it": r"(?:è|sono)\s+(?:una?|il|lo|la|i|gli|le|l['’])",
    "de": r"(?:ist|sind)\s+(?:ein(?:e)?|der|die|das)\s",
}
_COPULA_PATTERNS = {lang: re.compile(rf"\s+{p}", re.IGNORECASE) for lang, p in _COPULA.items()}
_LEADING_ARTICLE = re.compile(r"^(?:the|an?|el|la|los|las|le|les|l['’]|un|une|una|o|os|as|il|lo|gli|der|die|das|ein|eine)\s+",
                              re.IGNORECASE)
_PRONOUN = frozenset("this that these those it they there he she we you i which what who what's it's here "
                     "esto esta este eso ello ellos ellas ce cela ceci il elle ils elles on isso isto ele ela "
                     "questo questa es er sie das dies".split())
_QUOTED = re.compile(r"“([^“”]{2,60})”|‘([^‘’]{2,60})’|«\s?([^«»]{2,60}?)\s?»|「([^「」]{1,30})」|『([^『』]{1,30})』"
                     r"|(?<![\w\"])\"([^\"]{2,60})\"(?![\w\"])")
_YEAR = re.compile(r"(?<![\w.,-])(1[5-9]\d\d|20\d\d)(?![\w.,%-])")
_MEASURE = re.compile(
    r"(?<![\w.,])\d+(?:[.,]\d+)?\s*(?:%|°C|°F|bits?|bytes?|[kMGT]B|[kMG]Hz|Hz|ms|µs|ns|km|cm|mm|nm|kg|mg|µg|"
    r"m/s|km/h|[kM]?W|V|mA|dB|kDa|Da|bp|kb|Mb)(?![\w/])")
_MAX_TERM_WORDS = 4


def defined_terms(passage: Passage) -> Iterable[Candidate]:
    """The term a sentence defines: what follows "called", or the subject of "X is a …"."""
    text, lang = passage.text, passage.lang
    naming = _NAMING_PATTERNS.get(lang or "")
    if naming is not None:
        for m in naming.finditer(text):
            term = _term_after(passage, m.end())
            if term:
                yield Candidate(*term, "defined", 0.95)
    copula = _COPULA_PATTERNS.get(lang or "")
    if copula is not None:
        for sentence in passage.sentences:
            m = copula.search(text, sentence.start, sentence.end)
            if m is None:
                continue
            subject = _subject(passage, sentence.start, m.start())
            if subject:
                yield Candidate(*subject, "defined", 0.9)
    if lang is None:
        for m in _CJK_NAMING.finditer(text):
            yield Candidate(m.start(1), m.end(1), "defined", 0.9)


def _term_after(passage: Passage, at: int) -> tuple[int, int] | None:
    """The few words starting at `at`, less a leading article, up to punctuation or a function word."""
    text = passage.text
    words = []
    for m in passage.words:
        if m.start() < at:
            continue
        gap = text[words[-1].end() if words else at : m.start()]
        if gap.strip(" \"'“”‘’«»") or len(words) >= _MAX_TERM_WORDS:
            break
        lower = m.group().lower()
        if lower in passage.function_words or lower in _ARTICLES:
            if words:
                break
            at = m.end()
            continue
        words.append(m)
    if not words:
        return None
    return words[0].start(), words[-1].end()


_ARTICLES = frozenset("a an the el la los las le les un une una uno o os as il lo gli der die das ein eine".split())


def _subject(passage: Passage, start: int, end: int) -> tuple[int, int] | None:
    """The subject of a sentence that opens `start…end`, if it is a short noun phrase."""
    text = passage.text
    phrase = text[start:end]
    article = _LEADING_ARTICLE.match(phrase)
    offset = article.end() if article else 0
    words = [m for m in passage.words if start + offset <= m.start() and m.end() <= end]
    if not words or len(words) > _MAX_TERM_WORDS or words[0].group().lower() in _PRONOUN:
        return None
    if re.search(r"[,;:()]", text[words[0].start() : words[-1].end()]):
        return None
    if any(w.group().lower() in passage.function_words for w in words):
        return None
    return words[0].start(), words[-1].end()


def shared_with_comment(passage: Passage) -> Iterable[Candidate]:
    """Words the reader's comment names too: what the reader cared about in the highlight."""
    comment = passage.comment
    if not comment.strip():
        return
    named = {m.group().casefold() for m in WORD.finditer(comment)}
    content = [m for m in passage.words if _is_content(passage, m.group())]
    shared = [m for m in content if m.group().casefold() in named]
    # a comment that repeats most of the highlight (a translation, a paraphrase) singles nothing out
    if not shared or len(shared) > max(3, len(content) // 3):
        return
    run: list[re.Match] = []
    for m in shared + [None]:
        if run and (m is None or passage.text[run[-1].end() : m.start()].strip() or len(run) >= 3):
            yield Candidate(run[0].start(), run[-1].end(), "shared", 0.86)
            run = []
        if m is not None:
            run.append(m)


def quoted_terms(passage: Passage) -> Iterable[Candidate]:
    text = passage.text
    for m in _QUOTED.finditer(text):
        group = next(i for i in range(1, 7) if m.group(i) is not None)
        inner = m.group(group).strip(" ,.;:")
        if not inner or len(inner.split()) > 5:
            continue
        start = text.index(inner, m.start(group))
        # a quoted sentence, or quotes around the whole highlight, are not a term
        sentence = passage.sentences[passage.sentence_of(start)] if passage.sentences else None
        if sentence and (start - sentence.start) <= 1 and sentence.end - (start + len(inner)) <= 2:
            continue
        yield Candidate(start, start + len(inner), "quoted", 0.78)


def expansions(passage: Passage) -> Iterable[Candidate]:
    """The long form beside an abbreviation the text defines: "what does ITU stand for?"."""
    for alias in aliases(passage.text):
        long_form = passage.text[alias.start : alias.end]
        if len(long_form.split()) >= 2 and any(len(s) >= 2 and s.isupper() for s in alias.shorts):
            yield Candidate(alias.start, alias.end, "expansion", 0.6)


def numbers(passage: Passage) -> Iterable[Candidate]:
    text = passage.text
    if not any(ch.isdigit() for ch in text):
        return
    for m in _YEAR.finditer(text):
        yield Candidate(m.start(), m.end(), "number", 0.6)
    for m in _MEASURE.finditer(text):
        yield Candidate(m.start(), m.end(), "number", 0.58)


def names(passage: Passage) -> Iterable[Candidate]:
    """Proper names inside a sentence: "the Apache Software Foundation", "Bell Laboratories"."""
    if passage.lang in (None, "de"):  # (German capitalises every noun)
        return
    text = passage.text
    starts = {s.start for s in passage.sentences}
    run: list[re.Match] = []
    for m in passage.words + [None]:
        capital = m is not None and m.group()[:1].isupper() and m.start() not in starts and not m.group().isupper()
        joined = m is not None and run and text[run[-1].end() : m.start()] == " "
        if capital and (not run or joined):
            run.append(m)
            continue
        if run and any(zipf(w.group(), passage.lang) < 4.0 for w in run):
            yield Candidate(run[0].start(), run[-1].end(), "name", 0.6)
        run = [m] if capital else []


def rare_words(passage: Passage) -> Iterable[Candidate]:
    """Each content word rarer than everyday words, scored by how rare it is."""
    lang = passage.lang
    if lang is None:
        return
    for m in passage.words:
        word = m.group()
        if not _is_content(passage, word) or any(ch.isdigit() for ch in word):
            continue
        frequency = zipf(word, lang)
        if frequency >= RARE_BELOW:
            continue
        if frequency == 0:
            # a word no list holds: a coined term, a name, or an acronym; or damage the repair missed
            score = 0.45 if word.isupper() else 0.5
        else:
            score = 0.62 - 0.055 * frequency
        if word.lower().endswith("ly") and lang == "en":
            score -= 0.1  # an adverb is rarely the point of a sentence
        yield Candidate(m.start(), m.end(), "rare", round(score, 3))


#: a word at least this common (Zipf) is an everyday word: not worth asking
RARE_BELOW = 4.2


def _is_content(passage: Passage, word: str) -> bool:
    lower = word.lower()
    return len(word) >= 3 and lower not in passage.function_words and lower not in _ARTICLES and lower not in _PRONOUN


RULES = (defined_terms, shared_with_comment, quoted_terms, expansions, numbers, names, rare_words)

__all__ = ["RULES", "key"]
