"""Repairing highlights: what PDF selection and text extraction do to quoted text.

- A selection off by a character or two starts or ends inside a word (`satuximab`, `inhibito`);
  the selector's prefix and suffix hold the missing letters.
- Extraction leaves ligatures (`ﬁ`), soft hyphens, no-break spaces, runs of spaces, and words
  split by a hyphen at a line break (`inhi-\\nbitor`, or flattened: `refrac- tory`).
- It drops the space between words (`ofcomprehension`, `inHPE`), leaves citation and footnote
  marks in the text (`outcomes.(13)`, `[12–14]`, `Martin²³`), and flattens superscripts
  (`1 × 10 5 cells`).

`repair` does all of it, in that order, before anything is hidden on a card. Every repair that
judges words asks wordfreq's list of the highlight's language (`words`), and none of them
touches a name the caller knows (a drug, a trial, a gene): a wrong repair on a card is worse
than a missed one, so each asks for strong evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..models import TextQuote
from . import words

#: the longest word fragment taken from the context: a selection off by a few characters.
#: A longer run next to the selection is a whole word glued on by PDF extraction, not a fragment.
MAX_FRAGMENT = 3

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
                            "\u00ad": None, "\u00a0": " ", "\u202f": " "})
# (str.translate looks every character up in the table: 15 µs for a 150-character highlight
# with one en dash in it. Most non-ASCII text holds none of these, and a scan says so at once.)
_TRANSLATED = re.compile("[\u00a0\u00ad\u202f\ufb00-\ufb06]")
_SPACE_RUN = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_LINE_BREAK_HYPHEN = re.compile(r"(?<=[a-z])-[ \t]*\n[ \t]*(?=[a-z])")
_TRAILING_WORD = re.compile(r"[^\W_]+$")
_LEADING_WORD = re.compile(r"^[^\W_]+")


def _no_names(token: str) -> bool:
    return False


def repair(highlight: str, quote: TextQuote | None, lang: str | None,
           is_name: Callable[[str], bool] = _no_names) -> str:
    """The highlight with what PDF selection and extraction did to it undone: a word cut at
    either end completed from the quote's context, then `normalise`, then each of `REPAIRS`.

    `lang` is the highlight's language as `words.language` tells it (None for a script written
    without spaces: no repair that needs a word list is made). `is_name(token)` says whether a
    token is a name the caller knows; a name is never split, joined into or completed."""
    text = complete_words(highlight, quote, lang, is_name)
    if not text:
        return text
    context = _Context(lang, is_name, _looks_like_code(text), quote)
    # a word list decides line-break hyphens (below); without one, `normalise` joins them as always
    text = normalise(text, join_line_breaks="-" in text and "\n" in text and context.judged is None)
    for rule in REPAIRS:
        text = rule(text, context)
    return text


def normalise(text: str, *, join_line_breaks: bool = True) -> str:
    """Ligatures spelled out, soft hyphens dropped, space runs between words made single, and
    words split at a line break joined. Indentation at the start of a line is kept (code)."""
    # (each step only where it can change something: most highlights need none of them)
    if not text.isascii() and _TRANSLATED.search(text):
        text = text.translate(_LIGATURES)
    if join_line_breaks and "\n" in text:
        text = _LINE_BREAK_HYPHEN.sub("", text)
    if "  " in text or "\t" in text:
        text = _SPACE_RUN.sub(" ", text)
    return text


# --- words cut at either end of the selection -----------------------------------------------


def complete_words(highlight: str, quote: TextQuote | None, lang: str | None = None,
                   is_name: Callable[[str], bool] = _no_names) -> str:
    """The highlight with a word cut at either end completed from the quote's context.

    With a word list (`lang`), a cut word is completed when the completed word is a word (or a
    name) and the cut one is not; when both are words, only when the fragment is no short word
    of its own that extraction could have glued on; never when the completed word is unknown
    and the cut one is a word. When neither is known, or without a list, the shape decides
    alone (a fragment of at most `MAX_FRAGMENT` letters, not a short word, no case change)."""
    if quote is None or not highlight:
        return highlight
    exact = quote.exact
    # the markdown highlight is the reader's; only repair an end that still matches the selection
    if _is_letter(exact[:1]) and highlight.startswith(exact.strip()[:1]):
        # (only the prefix's last few characters can hold a fragment short enough to take)
        fragment = _TRAILING_WORD.search(quote.prefix, max(0, len(quote.prefix) - MAX_FRAGMENT - 2))
        if fragment and _continues(fragment.group(), highlight, True, lang, _table(lang), is_name):
            highlight = fragment.group() + highlight
    if _is_letter(exact[-1:]) and highlight.endswith(exact.strip()[-1:]):
        fragment = _LEADING_WORD.search(quote.suffix)
        if fragment and _continues(fragment.group(), highlight, False, lang, _table(lang), is_name):
            highlight = highlight + fragment.group()
    return highlight


# Short words that PDF extraction glues to the next word ("ageneric", "tolive", "dedesacoplar"):
# as a fragment they are far more likely a whole word than the cut-off end of one.
_SHORT_WORDS = frozenset(
    "a an and as at by de del den der des di die das do du e el en et for in is it la las le les lo "
    "los of on or per se the to un una und y".split()
)


def _continues(fragment: str, highlight: str, at_start: bool, lang: str | None = None,
               table: dict[str, int] | None = None, is_name: Callable[[str], bool] = _no_names) -> bool:
    """Whether `fragment` (from the context) is the rest of a word the highlight cuts."""
    if len(fragment) > MAX_FRAGMENT or not _spaced_script(fragment):
        return False
    # the two characters that would be joined: the fragment's and the highlight's
    left, right = (fragment[-1], highlight[0]) if at_start else (highlight[-1], fragment[0])
    if left.isdigit() != right.isdigit():
        return False  # "18El", "Fragmentation4": a page number glued on, not a cut word
    if left.isalpha() and right.isupper() and not left.isupper():
        return False  # "ProcessesTo", "byKrister": a new word starts here
    if at_start and right.isupper() and not highlight[1:2].isupper():
        return False  # "IContribution", "AAL’enlèvement": the highlight starts a capitalised word
    # the word cut by the selection, and that word completed
    cut = (_LEADING_WORD if at_start else _TRAILING_WORD).search(highlight)
    cut = cut.group() if cut else ""
    whole = fragment + cut if at_start else cut + fragment
    # the highlight already holds what the fragment would add ("T" + "The presence", fixed by
    # the reader): the same letters twice is no word
    doubled = (highlight[: len(fragment)] if at_start else highlight[-len(fragment):]).lower() == \
        fragment.lower()
    if table:
        whole_known = _known(whole, table) or is_name(whole)
        # (a cut word the list holds only as a rarity, "cycl", "inhibito", or a letter that is
        # no word, is no word here; nor is a cut name, "satuximab", which still ends as one)
        cut_known = table.get(_key(cut), 0) >= _STEM and (
            len(cut) > 1 or cut.lower() in _LONE_LETTERS.get(lang or "", ""))
        if whole_known and not cut_known:
            return True
        if whole_known and cut_known:
            # "hi" + "m", "t" + "he": complete, unless the fragment is a word extraction glues on
            return not doubled and not _glued_word(fragment, lang, table)
        if cut_known:
            return False  # "Thus" + "we": a word with another glued to it
    if doubled or fragment.lower() in _SHORT_WORDS:
        return False
    return True


def _glued_word(fragment: str, lang: str | None, table: dict[str, int]) -> bool:
    """Whether a fragment is a word of its own that extraction could have glued on: a function
    word, a frequent short word ("we", "can"), a one-letter word of the language."""
    lower = fragment.lower()
    if len(lower) == 1:
        return lower in _LONE_LETTERS.get(lang or "", "ai")
    return lower in words.function_words().get(lang or "", ()) or table.get(lower, 0) >= 550


#: the words of one letter, by language
_LONE_LETTERS = {"en": "ai", "es": "ayoeu", "fr": "ayà", "pt": "aoe", "it": "aeoi", "ca": "aioe"}


def _is_letter(ch: str) -> bool:
    return bool(ch) and ch.isalnum() and _spaced_script(ch)


def _spaced_script(text: str) -> bool:
    # Scripts written without spaces between words (CJK, Thai...) have no "inside a word"
    return all(ord(ch) < 0x0E00 or 0x1E00 <= ord(ch) < 0x2000 for ch in text)


def _table(lang: str | None) -> dict[str, int]:
    return words.frequencies(lang) if lang else {}


def _known(word: str, table: dict[str, int]) -> bool:
    return bool(word) and _key(word) in table


def _key(word: str) -> str:
    """How a word is looked up in a list: wordfreq's lists spell the apostrophe plainly."""
    return word.casefold().replace("’", "'")


# --- the repairs after `normalise` -----------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    lang: str | None
    is_name: Callable[[str], bool]
    #: the highlight is source code (identifiers, operators): no word is split or joined in it
    code: bool
    #: the selector the highlight came from: its context shows what extraction did nearby
    quote: TextQuote | None = None

    @property
    def judged(self) -> _Language | None:
        """The word list repairs judge words by, or None (no list, or code)."""
        if self.code or self.lang is None:
            return None
        return _language(self.lang)


Rule = Callable[[str, _Context], str]


# - line-break hyphens: "refrac- tory", "refrac-\ntory" -------------------------------------

# a hyphen after a word, then a line break or the space extraction left for one, then a word
_HYPHEN_BEFORE_SPACE = re.compile(r"[^\W\d_]-\s")
_BREAK_HYPHEN = re.compile(r"(?<![\w-])([^\W\d_]+)-(?:[ \t]*\n[ \t]*|[ \t]+)([^\W\d_]+)(?![\w-])")


def line_break_hyphens(text: str, context: _Context) -> str:
    """A word that a hyphen splits at a line break joined ("refrac- tory" → "refractory"), or a
    hyphenated compound made whole ("well- known" → "well-known"). A suspended hyphen
    ("pre- and post-treatment", "first- or second-line") stays. Without a word list, a line
    break is joined as `normalise` always did."""
    if "-" not in text or not _HYPHEN_BEFORE_SPACE.search(text):
        return text
    language = context.judged
    if language is None:
        return text
    return _BREAK_HYPHEN.sub(lambda m: _hyphen(m, language, context.is_name), text)


def _hyphen(m: re.Match, language: _Language, is_name: Callable[[str], bool]) -> str:
    first, second = m.group(1), m.group(2)
    at_line_break = "\n" in m.group()
    zipf = language.zipf
    if language.function(second) or second.lower() in _CONJUNCTIONS:
        # "pre- and post-", "first- or second-line", "short- to long-term": a suspended hyphen
        return f"{first}- {second}" if at_line_break else m.group()
    joined = first + second
    if is_name(first + second) or is_name(f"{first}-{second}"):
        return joined if is_name(joined) else f"{first}-{second}"
    first_known, second_known, joined_zipf = zipf(first) > 0, zipf(second) > 0, zipf(joined)
    if joined_zipf and not first_known:
        return joined  # "refrac- tory", "inhi- bitor"
    if first_known and second_known and len(first) > 1 and language.code not in _COMPOUNDING:
        # "under- standing" (a common word) or "well- known" (two words the list holds apart)
        if joined_zipf >= 3.0 or (joined_zipf and not language.function(first) and zipf(second) < 2.5):
            return joined
        return f"{first}-{second}"
    if joined_zipf and first_known and not second_known:
        return joined  # "assign- ment"
    if first_known and second_known:
        if language.code in _COMPOUNDING and second.islower():
            return joined  # "Krankenhaus- aufenthalt": these languages write compounds whole
        return f"{first}-{second}"  # "e- book", "x- ray": a one-letter first part keeps its hyphen
    if at_line_break and first.islower() and second.islower():
        return joined  # as `normalise` does without a word list
    return m.group()


# conjunctions after a suspended hyphen, in the languages annodeck judges, and "to"/"versus"
_CONJUNCTIONS = frozenset("and or nor to versus vs und oder bis et ou y o e u ni i".split())
# languages that write compounds as one word: a lowercase word after a line-break hyphen is
# the rest of the word (their hyphenated compounds go on with a capital: "Covid-Patienten")
_COMPOUNDING = frozenset("de nl sv nb da fi hu".split())


# - glued words: "ofcomprehension", "inHPE", "statement’sauthors" ---------------------------

#: languages whose glued words are split: those whose lists and function words were checked
#: against their rare words (a token split into listed words must be no word of its own that
#: the list lacks). Not those that write compounds as one word (German, Dutch, the Nordic
#: languages, Finnish, Hungarian, Turkish...), and not yet French, Portuguese or Italian,
#: whose function words end too many verb forms ("prononcer" + "aient", "prensa" + "dos").
SPLIT_LANGUAGES = frozenset("en es vi".split())

# how frequent (Zipf) a word must be to count as one half of a glued pair: beside a function
# word (a word of three letters: 4.0), or beside another content word (in English: 3.5)
_WITH_FUNCTION_WORD = 3.0
_SHORT_WITH_FUNCTION_WORD = 4.0
_CONTENT = 3.3
_CONTENT_EN = 3.5
#: ...and each content word of a token split in three or more ("When we lower the frequency")
_MANY_PARTS = 4.0
#: the most words one token splits into ("Whenwelowerthefrequency")
_MOST_PARTS = 5

_LETTERS = re.compile(r"[^\W\d_]{4,}")
_SPACE = re.compile(r"\s")
_LETTER = re.compile(r"[^\W\d_]")
_EDGE_PUNCTUATION = "\"'“”‘’«»„‚()[]{}<>¿¡.,;:!?…—–-*•·/"
_RUN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LOWER_ACRONYM = re.compile(r"([a-zà-ÿ]{2,})([A-Z]{2,}[A-Z0-9]*s?|[A-Z][A-Z0-9]*\d[A-Z0-9]*s?)")
_ACRONYM_LOWER = re.compile(r"([A-Z]{2,}s?)([a-z]{2,})")
# what no prose word holds: digits, operators, brackets, paths; "." or ":" between letters
# (console.log, https://)
_CODE_TOKEN = re.compile(r"[\d_=<>{}\[\]()/\\@#$%^&*+|~`]|[^\W\d_][.:][^\W\d_]")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;•·¿¡\n\"“‘(]|\d[.)])[ \t]*$")

#: first parts that make a derived word of the next, not a word of their own ("nonrandomized",
#: "overdiagnosed", "postinduction"), by language (English also: a combining form in -o)
_PREFIXES = {
    "en": "a an ab ad after all ambi anti ante arch auto back bi bio by cardio chemo circum co com con contra "
          "counter cross cyber cyto de di dis down dys eco ecto electro em en endo epi eu ex exo extra fore "
          "gastro geo hemi hemo hepato hetero histo homo hydro hyper hypo il im immuno in infra inter intra "
          "ir iso macro mal mega meta micro mid mini mis mono multi myelo nano neo nephro neuro non off on "
          "onco out over pan para patho peri photo poly post pre pro proto pseudo psycho quasi radio re "
          "retro self semi socio sub super supra sur tele thermo trans tri ultra un under uni up vice well "
          "with for",
    "es": "a agro ante anti astro auto bi bio cardio co con contra de des di eco electro en entre euro ex "
          "extra foto geo hetero hiper hipo homo in inter intra macro mal mega micro mini multi narco neo "
          "para per petro poli porta pos post pre pro psico quimio radio re retro semi sin sobre socio sub "
          "super tele trans tras tri ultra uni video",
}
#: endings that make a derived word of the one before ("mindless", "islamisation", "rápidamente")
_SUFFIXES = {
    "en": "ability able ably age ages al ally ance ane ase ases ate ated ates ation ations based blast cal "
          "cide cyte cytes dom ed ene er ers es est ful fully hood ibility ible ic ical ics ide ides ine ines "
          "ing ings ion ions isation isations ise ised ish ism isms ist ists itis ity ive ives ization "
          "izations ize ized less let lets like ling lings logy ly lysis man men ment ments ness oid oids ol "
          "graph graphs graphy graphic gram grams scope scopy meter meters metry "
          "oma omas one ones ose osis ous oxide oxides s ship ships tomy type types ward wards way ways "
          "where wise",
    "es": "ada adas ado ados ador adora adores ando able ables dad dades ería erías ible ibles ida idas "
          "ido idos iendo ismo ismos ista istas logía lógica lógicas lógico lógicos mente miento mientos "
          "ción ciones",
}
#: unstressed pronouns that Romance languages write onto a verb ("hacerlo", "darmi")
_CLITICS = {
    "es": "lo la le los las les me te se nos os",
}
#: function words that are prefixes too, and that a split may still take off where the
#: highlight shows the damage elsewhere ("inassessment", but "inapparent")
_WEAK_PREFIXES = {"en": "a an all by for in on", "es": "de en con un una"}
#: the function words that may start a glued token, where `words.function_words` holds too
#: many that start longer words ("es" + "cuadro", "se" + "lectores", "ni" + "pones"): English
#: also frequent words that glue like function words ("you", "them")
_FIRSTS = {
    "en": "a after all also an and are as at be been between both but by can during for from had has "
          "have however in into is it its may more most not of on only or other our such than that the "
          "their there these they this to was we were when which while who with would you your them "
          "then if what where how whether because through about each some any very will should "
          "could those here without within",
    "es": "el la los las del de que en por con una un y e ya como más muy cuando donde desde durante "
          "todo todos hay porque también nuestro nuestra nuestros nuestras",
}
#: the function words that may end a glued token ("typesof", "memoriaen"), where the listed
#: ones end too many longer words ("transferor", "organ"; "operaciónes", "editoral")
_LASTS = {
    "en": "after all also and are as at be been between both but by can during for from had has have "
          "however in into is it its may more most not of on only other our such than that the their "
          "there these they this to was we were when which while who with would",
    "es": "el la los las del de que en y por con para una un su sus como más muy cuando donde también "
          "hasta desde durante entre sobre porque otro otra otros otras",
}
#: function words that end no longer word, so that a split before one is sure ("riskof"); in
#: a language not named, the last function words of three letters or more
_STRONG_LASTS = {
    "en": "of the and that with from which this these their when were would have been into between "
          "during however they who also there than to for",
    "es": "para como más muy cuando donde también hasta desde durante entre sobre porque",
}
_BEFORE_THE = frozenset("of in to and for on at by from with into onto that is was as but or than between during "
                        "after about through over under all".split())
#: English determiners, and the function words that may follow one ("the other", "the most")
_DETERMINERS = frozenset("the a an its their our your".split())
_AFTER_DETERMINERS = frozenset("other most more only".split())
#: contractions and the possessive, which end a word that extraction may glue the next to
_CLITIC_ENDINGS = ("'s", "n't", "'re", "'ve", "'ll", "'d", "'m")
#: what "be" comes before when extraction glues it on: a participle or an adjective
_AFTER_BE = ("ed", "en", "wn", "ne", "able", "ible", "ful", "ive", "ous", "al", "ent", "ant", "ary", "ic")
#: endings of the adjectives that a- and an- deny ("acellular", "atypical", "anelastic")
_ADJECTIVE_ENDINGS = ("ic", "ical", "al", "ar", "ous", "ive", "ile", "oid", "ent", "ant", "ary", "ory", "ed")
#: ...and of the nouns of qualities that in- denies ("ineligibility", "inexperience")
_DENIED = _ADJECTIVE_ENDINGS + ("ity", "ence", "ance", "acy", "ness", "ible", "able", "ate", "ite", "ude")
#: English endings of Latin adjectives that "is" and "us" end ("lateralis", "vulgaris")
_LATIN_STEM = ("al", "ar", "il", "ens", "ent", "ic", "er", "or", "ul", "ur")
#: identifiers of programming languages that read as two words ("typeof", "startswith")
_IDENTIFIERS = frozenset(
    "typeof sizeof instanceof isinstance startswith endswith foreach forall elseif elif tolist tostring "
    "toarray readonly nullptr noexcept getattr setattr hasattr delattr isdigit isalpha isnumeric isupper "
    "islower isspace iterable readline readlines inline outfile infile stdin stdout stderr".split()
)


class _Language:
    """What the repairs ask of one language's word list."""

    def __init__(self, code: str):
        self.code = code
        self.table = words.frequencies(code)
        listed = words.function_words().get(code, frozenset())
        firsts, lasts = _FIRSTS.get(code), _LASTS.get(code)
        #: function words that may start a glued token ("ofcomprehension"), and end one
        #: ("typesof"): the listed ones, less those that start or end too many longer words
        self.firsts = frozenset(firsts.split()) if firsts else frozenset(w for w in listed if len(w) > 1)
        self.lasts = frozenset(lasts.split()) if lasts else frozenset(w for w in listed if len(w) > 2)
        #: every function word, for what is no content word
        self.functions = listed | self.firsts | self.lasts
        self.prefixes = frozenset(_PREFIXES.get(code, "").split())
        self.suffixes = frozenset(_SUFFIXES.get(code, "").split())
        self.clitics = frozenset(_CLITICS.get(code, "").split())
        self.weak_prefixes = frozenset(_WEAK_PREFIXES.get(code, "").split())
        # (those `_joint` judges itself: the others make a derived word of any listed word)
        self.strong_prefixes = self.prefixes - self.weak_prefixes
        strong = _STRONG_LASTS.get(code)
        self.strong_lasts = frozenset(strong.split()) if strong else self.lasts
        self.content = _CONTENT_EN if code == "en" else _CONTENT
        # parts of a syllable language (Vietnamese) may be a letter or two
        self.shortest = 1 if code == "vi" else 3
        self.lower_acronym = frozenset(listed) - {"as", "at"}
        # the words the web glues to "the" often enough for the list to hold them ("inthe",
        # "tothe"): a book holds none of them
        glued = (f"{w}the" for w in _BEFORE_THE) if code == "en" else ()
        self.web_glue = frozenset(w for w in glued if 0 < self.table.get(w, 0) < 350)

    def zipf(self, word: str) -> float:
        return self.table.get(_key(word), 0) / 100

    def function(self, word: str) -> bool:
        return _key(word) in self.functions


@lru_cache(maxsize=8)
def _language(code: str) -> _Language | None:
    return _Language(code) if words.frequencies(code) else None


def glued_words(text: str, context: _Context) -> str:
    """Words that extraction glued together split apart, where the list is sure: the token is
    no word and no name, and it splits into a common word and a function word that starts or
    ends no longer word ("ofcomprehension", "typesof"), after a possessive or contraction
    ("statement’sauthors"), or at the case change before an acronym ("inHPE", "ofCD38").
    Weaker splits are made only where such a split, in the highlight or in the quote's context,
    shows that extraction dropped spaces there: beside a function word that starts or ends
    longer words too ("inassessment", "terrorin"), or into two frequent content words that are
    no prefix or suffix ("regardingreadiness"; in Spanish, which writes few compounds, two long
    ones are split alone: "solemosconfundir")."""
    if context.lang not in SPLIT_LANGUAGES:
        return text
    language = context.judged
    if language is None:
        return text
    found = _glued(text, language, context.is_name)
    if not found:
        return text
    if any(sure != "strong" for *_, sure in found) and not any(sure == "strong" for *_, sure in found):
        if not _damaged_context(context.quote, language, context.is_name):
            found = [f for f in found if f[3] == "strong"]
            if not found:
                return text
    pieces, last = [], 0
    for start, end, split, _ in found:
        pieces += [text[last:start], split]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _damaged_context(quote: TextQuote | None, language: _Language, is_name: Callable[[str], bool]) -> bool:
    """Whether the text around the selection shows words glued together (its first and last
    words, cut by the selector's window, are left out)."""
    if quote is None:
        return False
    prefix = quote.prefix.split(None, 1)[1] if len(quote.prefix.split(None, 1)) == 2 else ""
    suffix = quote.suffix.rsplit(None, 1)[0] if len(quote.suffix.rsplit(None, 1)) == 2 else ""
    return any(sure == "strong" for part in (prefix, suffix) if part
               for *_, sure in _glued(part, language, is_name))


def _glued(text: str, language: _Language, is_name: Callable[[str], bool]) -> list[tuple[int, int, str, str]]:
    """The tokens of `text` that split into glued words: start, end, the split, how sure."""
    table = language.table
    # Most highlights hold no run of letters the list lacks: one scan and a set difference say
    # so. Only the tokens that hold such a run are looked at (a token is what spaces delimit).
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    runs = set(_LETTERS.findall(lower))
    unknown = runs.difference(table)
    if language.web_glue:
        # the list holds some glued words of the web: "inthe", "forthe" are no words of a book
        unknown |= runs & language.web_glue
    if not unknown:
        return []
    found = []
    starts = set()
    for run in unknown:
        at = lower.find(run)
        while at >= 0:
            end = at + len(run)
            if (at == 0 or not _LETTER.match(lower, at - 1)) and not _LETTER.match(lower, end):
                starts.add(max(text.rfind(" ", 0, at), text.rfind("\n", 0, at), text.rfind("\t", 0, at)) + 1)
            at = lower.find(run, end)
    for start in sorted(starts):
        # the token (what spaces delimit) that holds a run of letters the list lacks
        after = _SPACE.search(text, start)
        end = after.start() if after else len(text)
        token = text[start:end]
        core = token.strip(_EDGE_PUNCTUATION)
        if len(core) < 4:
            continue
        key = _key(core)
        if key in table and key not in unknown:
            continue
        start += token.index(core)
        split = _split_token(core, language.code, core[0].isupper() and _sentence_start(text, start))
        if split is not None and not is_name(core):
            found.append((start, start + len(core), *split))
    return found


def _sentence_start(text: str, start: int) -> bool:
    """Whether a sentence (or a line, an item, a quotation) starts at `start`."""
    return start == 0 or bool(_SENTENCE_END.search(text, max(0, start - 4), start))


@lru_cache(maxsize=8192)
def _split_token(core: str, code: str, sentence_start: bool) -> tuple[str, str] | None:
    """`core` split into words, and how sure the split is (see `_segment`); or None."""
    language = _language(code)
    m = _LOWER_ACRONYM.fullmatch(core)
    if m:  # "inHPE", "ofCD38"
        return (f"{m.group(1)} {m.group(2)}", "strong") if m.group(1) in language.lower_acronym else None
    if _CODE_TOKEN.search(core) or core.casefold() in _IDENTIFIERS or not _RUN.fullmatch(core):
        return None  # "console.log", "construction,software", "technology’and"
    if not core[1:].islower():
        m = _ACRONYM_LOWER.fullmatch(core)
        if m and m.group(2) in language.lasts:
            return f"{m.group(1)} {m.group(2)}", "strong"  # "DNNsfor"
        return None  # ALL CAPS, camelCase, PowerPoint, McDonald
    capitalised = core[0].isupper()
    if capitalised and not sentence_start:
        return None  # a capitalised word inside a sentence is a name ("Tapscott", "Maybury")
    segmented = _segment(core.lower(), code, capitalised)
    if segmented is None:
        return None
    lengths, sure = segmented
    parts, at = [], 0
    for n in lengths:
        parts.append(core[at : at + n])
        at += n
    return " ".join(parts), sure


@lru_cache(maxsize=4096)
def _segment(run: str, code: str, capitalised: bool) -> tuple[tuple[int, ...], str] | None:
    """The lengths of the words a glued run splits into, and how sure the split is ("strong",
    "weak" or "content": see `_joint`); or None to leave the run whole. The fewest words win,
    each boundary one that `_joint` allows, the more frequent words among equals."""
    language = _language(code)
    if language is None or len(run) > 40:
        return None
    key = run.casefold().replace("’", "'")
    if len(key) != len(run) or _derived(key, language):
        return None
    n, get = len(key), language.table.get
    if not (key[-1] in language.functions or any(get(key[m:]) for m in range(1, n - 1))):
        return None  # no word of two letters or more ends the run (names, coined terms)
    found: dict[int, list[tuple[int, float]]] = {}

    def words_from(i: int) -> list[tuple[int, float]]:
        """The words that start at i: where each ends, and its frequency (longest first)."""
        ends = found.get(i)
        if ends is None:
            ends = found[i] = [(j, z / 100) for j in range(n if i else n - 1, i, -1) if (z := get(key[i:j], 0))]
        return ends

    def zipf(i: int, j: int) -> float:
        return get(key[i:j], 0) / 100

    # the positions from which words reach the end of the run: the search goes nowhere else
    reach = {n}
    for i in range(n - 1, 0, -1):
        if any(j in reach for j, _ in words_from(i)):
            reach.add(i)
    best: tuple | None = None

    def search(i: int, parts: list[tuple[int, int, float]], kinds: list[str]) -> None:
        nonlocal best
        if i == n:
            if _whole(key, parts, kinds, language):
                score = (len(parts), -sum(z for *_, z in parts))
                if best is None or score < best[0]:
                    kind = "weak" if "weak" in kinds or "content" in kinds else "strong"
                    if kinds == ["content"]:
                        kind = _content_kind(key, parts, zipf, code)
                    best = (score, tuple(b - a for a, b, _ in parts), kind)
            return
        if len(parts) >= _MOST_PARTS or (best is not None and len(parts) + 1 > best[0][0]):
            return
        for j, z in words_from(i):
            if j not in reach:
                continue
            kind = None
            if parts:
                a, b, previous = parts[-1]
                kind = _joint(key[a:b], key[i:j], previous, z, language, capitalised and a == 0)
                if kind is None:
                    continue
                kinds.append(kind)
            parts.append((i, j, z))
            search(j, parts, kinds)
            parts.pop()
            if kind:
                kinds.pop()

    search(0, [], [])
    if best is None:
        return None
    if best[2] == "content" and sum(1 for k in range(2, n - 1) if min(zipf(0, k), zipf(k, n)) >= _STEM / 100) > 1:
        return None  # two content words, but which? "newspace": "new space" or "news pace"
    return best[1], best[2]


def _content_kind(run: str, parts: list[tuple[int, int, float]], zipf, code: str) -> str:
    """How sure a split into two content words is: Vietnamese writes no syllables together, so
    there, surely; in Spanish, which writes few compounds, when both words are long and
    frequent, and no longer word starts or ends the token ("puedescomprobar", but not "compro"
    + "meterte": "comprometer"); else only where other damage shows ("content")."""
    if code == "vi":
        return "strong"
    if code == "en" or len(run) < 9 or not all(b - a >= 4 and z >= _CONTENT for a, b, z in parts):
        return "content"
    (_, cut, _), n = parts[0], len(run)
    if run[cut - 1] in "aeiouáéíóú" and run[-1] == "s":
        return "content"  # "guarda" + "muebles": a verb and its object make nouns
    if any(zipf(0, k) >= _WITH_FUNCTION_WORD for k in range(cut + 2, n - 1)):
        return "content"
    if any(zipf(k, n) >= _WITH_FUNCTION_WORD for k in range(1, cut - 1)):
        return "content"
    return "strong"


def _whole(run: str, parts: list[tuple[int, int, float]], kinds: list[str], language: _Language) -> bool:
    """Whether a whole segmentation holds: two content words only as the two halves; no
    segmentation of function words alone but two ("ofthe", never "be as on"); in three parts
    or more, every content word a common one of four letters or more, and no two neighbours
    one word together ("to beck on": "beckon")."""
    if "content" in kinds and len(parts) > 2:
        return False
    contents = [(a, b, z) for a, b, z in parts if run[a:b] not in language.functions]
    if not contents:
        return len(parts) == 2
    if len(parts) > 2:
        if any(b - a < 4 or z < _MANY_PARTS for a, b, z in contents):
            return False
        return not any(run[a:d] in language.table for (a, _, _), (_, d, _) in zip(parts, parts[1:]))
    return True


def _derived(run: str, language: _Language) -> bool:
    """Whether the run is a word with a prefix or suffix ("reteach", "islamisation"): the
    split of such a word at another boundary is a coincidence ("ret each")."""
    get = language.table.get
    for k in range(1, min(len(run) - 2, _LONGEST_AFFIX)):
        if run[:k] in language.strong_prefixes and get(run[k:], 0) >= _STEM:
            return True
        if run[-k:] in language.suffixes:
            stem = run[:-k]
            if max(get(stem, 0), get(stem + "e", 0), get(stem[:-1] + "y", 0) if stem[-1] == "i" else 0) >= _STEM:
                return True  # "reteach", "portaging", "scarcities"
    return False


_LONGEST_AFFIX = 12


#: how frequent (Zipf × 100) the rest of a word must be to take its first or last letters for
#: a prefix or suffix ("ofth" + "ings" is no derived word)
_STEM = 200


def _joint(left: str, right: str, left_zipf: float, right_zipf: float, language: _Language,
           capitalised: bool) -> str | None:
    """How sure the list is that `left` and `right` are two words glued: "strong" (a function
    word that ends no longer word, beside a common word; a possessive or contraction ending the
    first), "weak" (a function word that ends or starts longer words too: "in", "is", "a"),
    "content" (two frequent content words), or None (not two words)."""
    # (both are keys of the list: casefolded, with a plain apostrophe)
    code = language.code
    if left.endswith(_CLITIC_ENDINGS):
        # "statement’s" + "authors", "doesn’t" + "quite"
        return "strong" if _common(right, right_zipf, language) else None
    left_function = left in language.firsts
    right_function = right in language.lasts or (left_function and right in language.functions) or (
        code == "en" and right == "a" and left.endswith(("ing", "ed")))  # "adoptinga"
    if left_function and right_function:
        if code == "en" and left in _DETERMINERS and right not in _AFTER_DETERMINERS:
            return None  # "theif", "theat": no text says "the if"
        if right in language.clitics:
            return None  # "estarme"
        return "strong"  # "ofthe", "Whena", "Youcan"
    if left_function:
        if right in language.suffixes or not _common(right, right_zipf, language):
            return None  # "oneness"
        if code == "en" and left in ("a", "an") and (right[0] in "aeiou") != (left == "an"):
            return None  # "a replication", "an imaginable", never "a imaginable", "an replication"
        if code == "en" and left == "be" and not right.endswith(_AFTER_BE):
            return None  # "be trusted", "be able"; not "berate", "betide": be- makes verbs
        if code == "es" and left == "e" and not right.startswith(("i", "hi")):
            return None  # "e intencionalidad": "e" stands for "y" only before an i sound
        if code == "en" and left in ("a", "an") and not right.endswith(_ADJECTIVE_ENDINGS):
            return "strong"  # "a replication", "an imaginable"; but "acellular", "apolar" are words
        if code == "en" and left == "in" and right.endswith(_DENIED) and not right.endswith("ment"):
            return None  # "incontinent", "ineligibility": in- denies
        if left in language.prefixes:
            # "in", "a", "de" make words too ("inapparent", "acellular"): only where the
            # highlight shows the damage elsewhere; "after", "sobre" too many ("afterdepolarization")
            return "weak" if left in language.weak_prefixes else None
        return "strong"
    if right_function:
        if left in language.prefixes or not _common(left, left_zipf, language):
            return None
        if len(right) <= 2:
            # "typesof", "Traumais": the word before a short function word must be common, and
            # no ending of a longer word may cross the boundary ("masson", "vulgaris")
            if left_zipf < language.content or len(left) < 4 or _crossing_ending(left, right, language):
                return None
        if right in language.clitics:
            return None  # "hacerlo", "darmi": a verb and its pronoun are one word
        if capitalised and left_zipf < 4.0:
            return None
        # "of", "the", "that" end no word; "in", "is", "it", "all" end many ("avidin", "coverall")
        return "strong" if right in language.strong_lasts else "weak"
    if len(left) == 1 or len(right) == 1:
        return None
    # two content words, each frequent, neither a prefix or suffix ("solemos" + "confundir")
    longest = 4 if code == "en" else language.shortest
    if left_zipf < language.content or right_zipf < language.content or min(len(left), len(right)) < longest:
        return None
    if left in language.prefixes or right in language.suffixes:
        return None
    if code == "en" and left.endswith("o") and left_zipf < 4.5:
        return None  # "cyto", "chemo", "immuno": a combining form
    if capitalised and left_zipf < 4.5:
        return None
    return "content"


def _common(word: str, zipf: float, language: _Language) -> bool:
    """Whether a content word is common enough to stand beside a function word."""
    if len(word) < language.shortest:
        return False
    return zipf >= (_SHORT_WITH_FUNCTION_WORD if len(word) == 3 else _WITH_FUNCTION_WORD)


def _crossing_ending(left: str, right: str, language: _Language) -> bool:
    """Whether a word ending spans the two parts: "-tion" in "ti" + "on", "-alis" in "al" + "is",
    "murderin'" in "murder" + "in"."""
    if language.code != "en":
        return False
    if right in ("on", "an", "in") and left[-1] in "aeiouy":
        return True  # "-ion", "-ian", "-ein", "-ain"
    if right == "in" and _key(left + "ing") in language.table:
        return True
    if left[-1] == right[0]:
        return True  # "hob" + "by"
    if right in ("is", "us", "as") and left.endswith(_LATIN_STEM):
        return True  # "lateralis", "vulgaris"
    if right == "is" and left[-1] == "s":
        return True  # "asbestosis", "metastasis"
    return right == "at" and left[-1] not in "aeiou"


# - citation and footnote marks --------------------------------------------------------------

_NUMBER_IN_BRACKETS = re.compile(r"[(\[](?:refs?\.?\s*)?\d")
_SUPERSCRIPT_DIGIT = re.compile("[¹²³⁰⁴-⁹]")
_FLAT_HINT = re.compile(r"[a-z][.,;]\d")
# a number or a list or range of numbers: 13, 4, 5, 12–14, 3,4
_NUMBERS = r"\d{1,3}(?:\s*[,–-]\s*\d{1,3}){0,6}"
# (13) .(4, 5) [12–14] [1] (refs 3,4) [31, p. 328]: the opening's place decides (below)
_BRACKETED = re.compile(
    rf"(?P<space>[ \t]?)(?P<mark>\((?:refs?\.?\s*)?{_NUMBERS}\)"
    rf"|\[{_NUMBERS}(?:,\s*pp?\.\s*\d+(?:\s*[–-]\s*\d+)?)?[\])])"
)
# Unicode superscript digits glued to a word: a footnote ("Patterns¹⁶,", "Martin²³")
_SUPERSCRIPT = re.compile(r"(?<=[^\W\d_]{3})[¹²³⁰⁴-⁹]{1,3}(?![\w⁺⁻¹²³⁰⁴-⁹])")
# reference digits flattened after a word's full stop or comma: "outcomes.13 Patients"
_FLAT_REFERENCE = re.compile(
    r"(?<=[a-z]{3})(?P<punctuation>[.,;])(?P<number>\d{1,3}(?:[,–-]\d{1,3})*)(?=\s+[A-Z“\"(]|\s*$)")
# words after which a number in brackets is the thing talked about ("equation (3)", "see [12]")
_REFERRING = frozenset(
    "see cf in on from by of to and or with as per than e.g i.e eq eqs eqn equation equations formula "
    "fig figs figure figures table tables step steps stage stages item items example case condition "
    "criterion rule lemma theorem proposition corollary definition axiom assumption hypothesis claim "
    "property part phase grade type class group arm line lines page pages p pp chapter section ref refs "
    "reference references note notes model level version point points expression relation inequality "
    "constraint problem question answer option options cycle day days week weeks month months year "
    "years dose doses cohort round level levels ecuación ecuaciones figura tabla paso capítulo sección "
    "équation équations figure tableau étape chapitre gleichung abbildung tabelle kapitel".split()
)
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.’'-]*)[ \t]*$")


def citations(text: str, context: _Context) -> str:
    """Citation and footnote marks taken out: "(13)", ".(4, 5)", "[12–14]", "[1]", "(refs
    3,4)", "Martin²³", "outcomes.13 The". What a number in brackets says is kept: "t(4;14)",
    "(n = 13)", "(HR 0.70)", "(2020)", an enumerator "(1) … (2) …", "equation (3)", "see [12]"."""
    if context.code:
        return text
    if ("(" in text or "[" in text) and _NUMBER_IN_BRACKETS.search(text):
        enumerated = _enumerators(text)
        # (again after a change: "[12] [13]", the second follows the first, not a word)
        for _ in range(8):
            before, text = text, _BRACKETED.sub(lambda m: _bracketed(m, text, enumerated, context), text)
            if text == before:
                break
    if not text.isascii() and _SUPERSCRIPT_DIGIT.search(text):
        text = _SUPERSCRIPT.sub(lambda m: "" if not _unit_before(text, m.start()) else m.group(), text)
    if context.lang is not None and _FLAT_HINT.search(text):
        text = _FLAT_REFERENCE.sub(lambda m: _flat_reference(m, text, context), text)
    return text


def _enumerators(text: str) -> frozenset[int]:
    """The numbers "(1)", "(2)"… that count items in the text: a run from 1 with no gap."""
    found = {int(n) for n in re.findall(r"(?<![\w.])\((\d{1,2})\)", text)}
    run, k = set(), 1
    while k in found:
        run.add(k)
        k += 1
    return frozenset(run) if len(run) >= 2 else frozenset()


def _bracketed(m: re.Match, text: str, enumerated: frozenset[int], context: _Context) -> str:
    mark, spaced = m.group("mark"), bool(m.group("space"))
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end():m.end() + 2]
    numbers = [int(n) for n in re.findall(r"\d+", mark)]
    if 0 in numbers or (mark[0] == "[" and mark[-1] == ")" and "p." not in mark):
        return m.group()  # "[0]", "[1, 2)": no reference is numbered 0; an interval
    paren = mark[0] == "(" and "ref" not in mark
    if spaced:
        # "outcomes (13)": after a word of prose, not "equation (3)", "see [12]", "= (6)"
        if not before.isalpha() or not _prose_word_before(text, m.start(), context):
            return m.group()
    elif before in ".,;":
        pass  # "cytogenetics.(13)", "outcomes,(4, 5)"
    elif before.isalpha() or before in "”’\"')":
        # "t(4;14)", "f(1)", "ids[1]": the number belongs to what it follows; a footnote in
        # square brackets glued to a word of prose is a mark ("đường[51]")
        if paren or not (_prose_word_before(text, m.start(), context) and _prose_after(after)):
            return m.group()
    else:
        return m.group()  # a line or the text starts with it, or it follows a symbol
    if paren:
        if len(numbers) == 1 and numbers[0] in enumerated:
            return m.group()  # "(1) readiness…, (2) its application": items counted
        if spaced and not _prose_after(after):
            return m.group()  # "spanning (1) readiness": it names what follows
    elif after[:1].isalnum():
        return m.group()
    if not after or after[0] in ".,;:)]":
        return ""  # "outcomes (13)." → "outcomes."
    return "" if spaced else m.group("space")


def _prose_after(after: str) -> bool:
    """Whether what follows a mark ends a clause: nothing, punctuation, or a new sentence."""
    if not after.strip() or after[0] in ".,;:)]”’\"'":
        return True
    return after[0] in " \n" and (after[1:2].isupper() or not after[1:2].strip())


def _prose_word_before(text: str, start: int, context: _Context) -> bool:
    """Whether the word just before `start` is a word of prose that a citation may follow
    (not "equation", "see", "in", a number or a symbol)."""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if not m:
        return False
    word = m.group(1).rstrip(".’'-").lower()
    if len(word) < 2 or word in _REFERRING or "=" in text[max(0, start - 12):start]:
        return False
    if context.lang and word in words.function_words().get(context.lang, ()):
        return False
    return True


_UNITS = ("cm", "mm", "km", "dm", "nm", "µm", "sec", "min", "mol", "ft", "in")


def _unit_before(text: str, at: int) -> bool:
    word = re.search(r"[^\W\d_]+$", text[max(0, at - 6):at])
    return bool(word) and (word.group().lower() in _UNITS or len(word.group()) < 3)


def _flat_reference(m: re.Match, text: str, context: _Context) -> str:
    """ "outcomes.13 The" → "outcomes. The": only after a word of the list that is no
    abbreviation ("Fig.1", "p.13", "vol.2") and that the text does not number."""
    word = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if not word:
        return m.group()
    word = word.group(1).lower()
    if word in _REFERRING or len(word) < 4 or not words.is_word(word, context.lang) or "." in word:
        return m.group()
    return m.group("punctuation")


# - flattened superscripts in scientific numbers: "1 × 10 5 cells" -------------------------------

# 10 and its flattened exponent: after a multiplication sign ("1 × 10 5", "2.5 x 10 -3"), after
# a comparison with a sign ("p < 10 -5"), or with a sign and a unit ("10 -9 /L")
_EXPONENT = r"10\s(?P<sign>[-−–]\s?)?(?P<exponent>\d{1,2})(?!\d|[.,]\d)(?P<per>\s?/)?"
_TIMES_TEN = (
    re.compile(rf"(?<=\d)(?P<lead>\s?[×x·⋅]\s?){_EXPONENT}"),
    re.compile(rf"(?P<lead>[<>≤≥]\s?)(?=10\s[-−]){_EXPONENT}"),
    re.compile(rf"(?P<lead>)(?<![\w.,])(?=10\s[-−]\d{{1,2}}\s?/){_EXPONENT}"),
)
_SUPERSCRIPTS = str.maketrans("0123456789-−–", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻⁻")


def scientific_numbers(text: str, context: _Context) -> str:
    """A power of ten that extraction flattened raised again: "1 × 10 5 cells" → "1 × 10⁵
    cells", "10 -9 /L" → "10⁻⁹/L". Only after a multiplication sign, after a comparison or
    before a unit with a sign: two plain numbers ("10 5") are left alone."""
    if "10 " not in text:
        return text
    for pattern in _TIMES_TEN:
        text = pattern.sub(_raised, text)
    return text


def _raised(m: re.Match) -> str:
    sign = (m.group("sign") or "").strip()
    raised = (sign + m.group("exponent")).translate(_SUPERSCRIPTS)
    return f"{m.group('lead')}10{raised}{'/' if m.group('per') else ''}"


# - code --------------------------------------------------------------------------------------


# what source code holds and prose does not: a line that ends in ";" or a brace, "()", an
# operator, a line that starts like a statement ("==" and "::" are also the reader's marks and
# typed clozes, "//" is in every link)
_CODE_LINE = re.compile(r"[{};][ \t]*$|\(\)|=>|!=|\+=|-=|\+\+|&&|\|\||"
                        r"^[ \t]*(?:def|class|return|import|var|let|const|function|public|private|void|static|"
                        r"if|for|while|using)\b[^\n]*[({=;:]", re.MULTILINE)


_CODE_CHARACTER = re.compile(r"[{};()=&|+!]")


def _looks_like_code(text: str) -> bool:
    """Whether a highlight is source code: two or more signs of it (`_CODE_LINE`)."""
    if not _CODE_CHARACTER.search(text):
        return False
    found = 0
    for _ in _CODE_LINE.finditer(text):
        found += 1
        if found >= 2:
            return True
    return False


#: the repairs after `normalise`, in order
REPAIRS: tuple[Rule, ...] = (line_break_hyphens, scientific_numbers, citations, glued_words)
