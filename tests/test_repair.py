"""Repairing highlights: what PDF selection and text extraction did to the quoted text, undone
before anything is hidden on a card (`planner.repair`)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annodeck.models import TextQuote
from annodeck.planner import words
from annodeck.planner.repair import complete_words, normalise, repair
from annodeck.planner.terms import default_lexicon
from annodeck.readers import read_text

IS_NAME = default_lexicon().is_name


def en(text: str, quote: TextQuote | None = None) -> str:
    return repair(text, quote, "en", IS_NAME)


def es(text: str, quote: TextQuote | None = None) -> str:
    return repair(text, quote, "es", IS_NAME)


# --- glued words ----------------------------------------------------------------------------


def test_words_glued_beside_a_function_word_or_after_a_possessive_are_split():
    assert en("a level ofcomprehension few reach") == "a level of comprehension few reach"
    assert en("results that may not betrusted without review") == "results that may not be trusted without review"
    assert en("trials that tested thetechnology in children") == "trials that tested the technology in children"
    assert en("Asdemonstrated by the trial, responses deepened") == "As demonstrated by the trial, responses deepened"
    assert en("the statement’sauthors disagreed") == "the statement’s authors disagreed"
    assert en("the dose doesn'tquite match") == "the dose doesn't quite match"
    assert en("compared with the riskof relapse") == "compared with the risk of relapse"
    assert en("Whena patient relapses") == "When a patient relapses"
    assert en("Whenwelowerthedose, toxicity falls") == "When we lower the dose, toxicity falls"
    # "an" before a vowel, "a" before a consonant: the article the text would have
    assert en("not animaginable outcome") == "not an imaginable outcome"
    assert en("we ran areplication study") == "we ran a replication study"


def test_a_lowercase_word_glued_to_an_acronym_splits_at_the_case_change():
    assert en("rarely seen inHPE courses") == "rarely seen in HPE courses"
    assert en("the role ofCD38 in myeloma") == "the role of CD38 in myeloma"
    assert en("two DNNsfor testing") == "two DNNs for testing"
    # a name of that shape is no glue, and a prefix that is no function word stays on
    assert en("siRNA and mTOR and proBNP levels") == "siRNA and mTOR and proBNP levels"


def test_two_content_words_are_split_only_where_the_damage_shows():
    # English writes compounds as one word ("heartrate"): alone, two frequent words stay whole...
    assert en("the patients regardingreadiness were asked") == "the patients regardingreadiness were asked"
    # ...and split where other words of the highlight (or its context) show dropped spaces
    assert en("surveys regardingreadiness showed thetechnology lagged") == \
        "surveys regarding readiness showed the technology lagged"
    quote = TextQuote(exact="regardingreadiness was low", prefix="most of thestaff said ", suffix=" overall")
    assert en("regardingreadiness was low", quote) == "regarding readiness was low"


def test_spanish_glued_words_are_split():
    assert es("a veces solemosconfundir los dos conceptos") == "a veces solemos confundir los dos conceptos"
    assert es("¿Y ahora? Puesfácil: repetir la prueba") == "¿Y ahora? Pues fácil: repetir la prueba"
    assert es("el coste delsoftware crece") == "el coste del software crece"
    assert es("uso de lasvariables y las constantes") == "uso de las variables y las constantes"
    # a verb and its object make nouns ("guarda" + "muebles"); a verb and its pronoun one word
    assert es("el cortacircuitos saltó") == "el cortacircuitos saltó"
    assert es("hay que refactorizarlo") == "hay que refactorizarlo"


CLINICAL = ("overdiagnosed nonrandomized pretreated postinduction carfilzomib isatuximab daratumumab myeloma "
            "cytogenetics pomalidomide dexamethasone lenalidomide immunomodulatory autologous proteasome "
            "refractoriness plasmacytomas hypercalcemia asbestosis avidin incontinent acellular inapparent "
            "thrombocytopenia neutropenia elotuzumab ciltacabtagene teclistamab")


def test_clinical_words_and_names_are_never_split():
    # alone, and in a highlight whose other words show glue damage (so that weaker splits apply)
    assert en(CLINICAL) == CLINICAL
    damaged = f"ofthe {CLINICAL} andthe"
    assert en(damaged) == f"of the {CLINICAL} and the"
    # a name the caller knows is never split, whatever it looks like
    assert repair("the edge ofcomprehension", None, "en") == "the edge of comprehension"
    assert repair("the edge ofcomprehension", None, "en", lambda token: token == "ofcomprehension") == \
        "the edge ofcomprehension"


def test_code_urls_and_capitals_are_never_split():
    text = ("camelCase snake_case EmitWorldGeometryForSceneView console.log https://example.org/ofthe "
            "OFTHEPEOPLE typeof startswith ofthe_value x.ofthe")
    assert en(f"ofthe {text}") == f"of the {text}"
    code = "void Setup () {\n\tbuffer.BeginSample(bufferName);\n\tintheory = true;\n}"
    assert en(code) == code
    # a capitalised word inside a sentence is a name
    assert en("as Tapscott and Maybury wrote ofthe time") == "as Tapscott and Maybury wrote of the time"


def test_no_word_list_no_split():
    assert repair("机器学习 ofthe 中", None, None) == "机器学习 ofthe 中"
    assert repair("die Krankenhausaufenthaltsdauer ofthe", None, "de") == "die Krankenhausaufenthaltsdauer ofthe"


# --- line-break hyphens -----------------------------------------------------------------------


def test_a_word_split_at_a_line_break_is_joined():
    assert en("relapsed/refrac- tory multiple myeloma") == "relapsed/refractory multiple myeloma"
    assert en("relapsed/refrac-\ntory multiple myeloma") == "relapsed/refractory multiple myeloma"
    assert en("the assign- ment of doses") == "the assignment of doses"
    assert en("treated with dara- tumumab before") == "treated with daratumumab before"


def test_a_hyphen_that_belongs_stays():
    assert en("pre- and post-treatment samples") == "pre- and post-treatment samples"
    assert en("first- or second-line therapy") == "first- or second-line therapy"
    assert en("pre-\nand post-treatment samples") == "pre- and post-treatment samples"
    # two words the list holds apart, broken at their hyphen
    assert en("a well- known effect") == "a well-known effect"
    assert en("a long-\nterm benefit") == "a long-term benefit"
    # a dash between spaces is no hyphen
    assert en("the response - deep and durable - held") == "the response - deep and durable - held"


def test_without_a_word_list_line_breaks_are_joined_as_always():
    assert repair("inhi-\nbitor", None, None) == "inhibitor"
    assert normalise("inhi-\nbitor  and   more") == "inhibitor and more"


# --- citations and footnotes ---------------------------------------------------------------------


def test_citation_and_footnote_marks_leave_the_text():
    assert en("with inferior outcomes (13). Patients") == "with inferior outcomes. Patients"
    assert en("in older patients.(13) Responses were") == "in older patients. Responses were"
    assert en("in frail patients.(4, 5) Dosing") == "in frail patients. Dosing"
    assert en("as earlier trials showed [12–14], the benefit") == "as earlier trials showed, the benefit"
    assert en("a deep learning framework [1].") == "a deep learning framework."
    assert en("the median is preferred [31, p. 328).") == "the median is preferred."
    assert en("as reported elsewhere (refs 3,4).") == "as reported elsewhere."
    assert en("inferior outcomes (13)") == "inferior outcomes"
    assert es("el autor Martin²³ lo explica") == "el autor Martin lo explica"
    assert en("were rarely seen.14 Later") == "were rarely seen. Later"


def test_numbers_in_brackets_that_say_something_stay():
    kept = [
        "patients with t(4;14) or del(17p)",
        "the subgroup (n = 13) responded",
        "a PFS benefit (HR 0.70) was seen",
        "with carfilzomib (K) and dexamethasone (d)",
        "first approved (2020) in this setting",
        "in three steps (1) screening, (2) induction and (3) maintenance",
        "as shown in Figure 2 and equation (3).",
        "如式 (3.46)所示",
        "as described in [12], the method",
        "weights[0] and values in [0, 1]",
        "x² + y² = 1 and 10⁵ cells per m²",
        "Ca²⁺ signalling",
        "O(1) constant time",
        "in 2019.12 patients",
    ]
    for text in kept:
        assert en(text) == text, text


# --- flattened superscripts --------------------------------------------------------------------


def test_powers_of_ten_are_raised_again():
    assert en("1 × 10 5 cells") == "1 × 10⁵ cells"
    assert en("platelets ≥75 × 10 9 /L") == "platelets ≥75 × 10⁹/L"
    assert en("10 -9 /L") == "10⁻⁹/L"
    assert en("p < 10 -5 overall") == "p < 10⁻⁵ overall"
    assert en("2.5 x 10 -3 M") == "2.5 x 10⁻³ M"
    # two plain numbers are left alone, and so is a range
    assert en("grades 10 5 and 6, aged 10 -15 years") == "grades 10 5 and 6, aged 10 -15 years"


# --- words cut by the selection ------------------------------------------------------------------


def quote(exact: str, prefix: str = "", suffix: str = "") -> TextQuote:
    return TextQuote(exact=exact, prefix=prefix, suffix=suffix)


def test_a_word_cut_at_the_end_is_completed_from_the_suffix():
    assert en("on day 1 of each cycl", quote("on day 1 of each cycl", "given ", "e 28 days")) == \
        "on day 1 of each cycle"
    assert en("and a proteasome inhibito", quote("and a proteasome inhibito", "", "r.(7) Based")) == \
        "and a proteasome inhibitor"
    assert en("we asked hi", quote("we asked hi", "then ", "m again")) == "we asked him"
    # no usable suffix: left as it is
    assert en("on day 1 of each cycl", quote("on day 1 of each cycl", "given ", "")) == "on day 1 of each cycl"
    assert en("on day 1 of each cycl", None) == "on day 1 of each cycl"


def test_a_whole_word_glued_on_is_no_fragment():
    # the cut word is a word and the completed one is not: extraction glued the next word on
    assert en("as the results show. Thus", quote("as the results show. Thus", "", "we conclude")) == \
        "as the results show. Thus"
    assert en("a generic drug", quote("generic drug", "it is a", " here")) == "a generic drug"
    # more than MAX_FRAGMENT letters is a word, not a fragment
    assert complete_words("the first", quote("the first", "", "whitebox")) == "the first"


def test_a_word_cut_at_the_start_is_completed_once():
    assert en("satuximab was added", quote("satuximab was added", "Methods.   I", " to")) == "Isatuximab was added"
    assert en("his approach", quote("his approach", "done.Through t", " we")) == "this approach"
    # the reader fixed the start: never "T The" or "TThe"
    assert en("The presence of", quote("he presence of", "Introduction: T", " high")) == "The presence of"
    assert en("The presence of", quote("The presence of", "Introduction T", " high")) == "The presence of"
    assert en("the presence of", quote("the presence of", "Introduction t", " high")) == "the presence of"
    # today's checks stay: a page number, a capital that starts a word
    assert complete_words("Fragmentation", quote("Fragmentation", "page 4", "")) == "Fragmentation"
    assert complete_words("Contribution", quote("Contribution", "I", "")) == "Contribution"


# --- properties ------------------------------------------------------------------------------------


def listed(lang: str) -> list[str]:
    """A sample of a language's list: its most frequent words and every 40th of the rest. (Not
    the entries that hold extraction damage themselves: a soft hyphen, or a function word glued
    to "the", which the list holds from the web and the repair splits.)"""
    table = words.frequencies(lang)
    sample = [w for i, w in enumerate(table) if i < 3000 or i % 40 == 0]
    return [w for w in sample if "\u00ad" not in w and not re.fullmatch(r"[a-z]+the", w)]


@pytest.mark.parametrize("lang", ["en", "es", "vi"])
def test_text_of_listed_words_is_never_changed(lang):
    vocabulary = listed(lang)

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(vocabulary), min_size=1, max_size=10), st.booleans())
    def check(chosen, capitalised):
        text = " ".join(chosen)
        if capitalised:
            text = text[:1].upper() + text[1:]
        assert repair(text, None, lang, IS_NAME) == text

    check()


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text(max_size=40), st.text(max_size=40), st.sampled_from(["en", "es", "vi", "de", None]))
def test_repair_never_fails(text, prefix, suffix, lang):
    result = repair(text, TextQuote(exact=text, prefix=prefix, suffix=suffix), lang, IS_NAME)
    assert isinstance(result, str)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["ofthe", "inHPE", "refrac- tory", "outcomes (13).", "1 × 10 5", "t(4;14)",
                                 "carfilzomib", "the", "statement’sauthors", "[12]", "well- known", "x"]),
                min_size=1, max_size=8))
def test_repair_is_done_once(pieces):
    once = en(" ".join(pieces))
    assert en(once) == once


def test_word_frequencies_are_wordfreqs():
    wordfreq = pytest.importorskip("wordfreq")
    for lang in ("en", "es", "fr", "de", "vi"):
        table = words.frequencies(lang)
        sample = [w for i, w in enumerate(table) if i % 2000 == 0 and w.isalpha()]
        for word in sample + [w.capitalize() for w in sample[:20]] + ["myeloma", "Straße", "fácil"]:
            expected = wordfreq.zipf_frequency(word, lang)
            assert words.zipf(word, lang) == pytest.approx(expected, abs=0.011), (lang, word)
    assert words.zipf("carfilzomib", "en") == 0.0 and not words.is_word("carfilzomib", "en")
    assert words.zipf("anything", None) == 0.0


# --- the real notes ----------------------------------------------------------------------------------


def test_repair_on_the_shared_corpus_changes_no_listed_word(corpus, seed):
    """Every highlight of the shared notes is repaired without error, and a word the list holds
    (and that is no glue of the web's) is never split."""
    for path in [*sorted(corpus.glob("*.md")), seed]:
        for annotation in read_text(path.read_text(encoding="utf-8"), path.name).annotations:
            lang = words.language(annotation.highlight)
            repaired = repair(annotation.highlight, annotation.quote, lang, IS_NAME)
            if lang not in ("en", "es"):
                continue
            kept = set(re.findall(r"[^\W\d_]+", repaired.lower()))
            # (a word joined to the next at a line-break hyphen is no longer whole: "assign- ment";
            # nor is one the selection cut, at either end: "correct" + "ly")
            inner = " ".join(normalise(annotation.highlight).lower().split()[1:-1])
            for word in re.findall(r"(?<![\w-])(?<!- )(?<!-\n)[^\W\d_]{4,}(?![\w-])", inner):
                if words.zipf(word, lang) >= 3.0 and not re.fullmatch(r"[a-z]+the", word):
                    assert word in kept, (path.name, word)
