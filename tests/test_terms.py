"""The term finders are written for speed (one token scan, patterns built as trees); these tests
hold them to their plain definitions: one regular expression per kind, as a reader would write it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from annodeck.planner.terms import DRUG_STEMS, Lexicon, default_lexicon
from annodeck.planner.trials import TrialFinder, load_names

DRUGS = load_names("drugs.txt")
GENES = load_names("genes.txt")
TRIALS = load_names("trials.txt")

# -- the plain definitions ----------------------------------------------------------------------


def listed(names, flags=0):
    names = sorted(set(names), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", flags)


def plain_drugs(text, names=DRUGS):
    stems = [m.span() for m in re.finditer(r"(?<![\w-])[A-Za-z][a-z]{4,}(?![\w-])", text)
             if m.group().lower().endswith(DRUG_STEMS)
             and len(m.group()) - max(len(s) for s in DRUG_STEMS if m.group().lower().endswith(s)) >= 3]
    # names are matched without case, as str.lower() sees each character (not as re.IGNORECASE:
    # "ſ" is no "s"); a character whose lower case is longer ("İ") stays, so positions still match
    lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    more = [m.span() for m in listed([n.lower() for n in names]).finditer(lower)
            if not any(m.start() < e and s < m.end() for s, e in stems)]
    return sorted(stems + more)


def plain_genes(text, names=GENES):
    pattern = r"(?<![\w-])(?:CD\d{1,3}[a-z]?|Ig[AGMDE][1-4]?|IL-?\d{1,2}|HLA-[A-Z]{1,3}\d*)(?![\w-])"
    found = [m.span() for m in re.finditer(pattern, text)]
    found += [m.span() for m in listed(names).finditer(text) if not any(m.start() < e and s < m.end() for s, e in found)]
    return sorted(found)


NUMBER = r"\d+(?:[.,·]\d+)?"
PLAIN_STATISTIC = re.compile(
    rf"(?P<s0>\b(?:a?HR|OR|RR|(?i:hazard ratio|odds ratio))\s*[:=,]?\s*{NUMBER})"
    rf"|(?P<s1>\b\d{{2}}\s*%\s*CI\s*[:=,]?\s*{NUMBER}\s*(?:[–—-]|to)\s*{NUMBER})"
    rf"|(?P<s2>\b[pP]\s*[<=>≤≥]\s*{NUMBER})"
    rf"|(?P<s3>(?<![\w.]){NUMBER}\s*%)"
    rf"|(?P<s4>[≥≤]\s*{NUMBER})"
)
PLAIN_LESION = re.compile(
    r"(?<![\w(])(?:t\(\d{1,2};\d{1,2}\)(?:\([pq][\d.]+;[pq][\d.]+\))?"
    r"|(?:del|gain|amp|dup|inv|add)\((?:\d{1,2}|[XY])(?:[pq][\d.]*)?\)"
    r"|[+-]\d{1,2}[pq]\d*(?!\w)|1q21\+?)"
)


def plain_trials(text, names=TRIALS):
    spelled = [r"[-\s]?".join(re.escape(p) for p in re.split(r"[-\s]+", n)) for n in sorted(set(names), key=len, reverse=True)]
    return [m.span() for m in re.finditer(r"(?<![\w-])(?:" + "|".join(spelled) + r")(?![\w-])", text)]


# -- texts that exercise them --------------------------------------------------------------------

PIECES = [*DRUGS, *GENES, *TRIALS, "daratumumab", "Isatuximab", "CARFILZOMIB", "mab", "xmab", "anti-CD38",
          "CD38", "CD19a", "CD138", "CD1234", "IgG1", "IL-6", "IL6", "HLA-DRB1", "PD-L1s", "t(4;14)", "t(11;14)(q13;q32)",
          "del(17p)", "gain(1q21)", "+1q", "-17p", "1q21+", "HR: 0.45", "hr 0.7", "aHR 2", "Hazard Ratio 0.5", "odds ratio: 3", "ODDS RATİO 2", "hazard ratıo", "rate", "or 4", "Or 4",
          "95% CI 0.3–0.6", "95 % CI: 1 to 2", "p<0.001", "P = .05", "12.5%", "3,5 %", "≥3", "≤ 2.5", "OR=2",
          "ICARIAMM", "KarMMa3", "MELPHALAN", "ſelinexor", "Xdaratumumab", "éxmab", "trial", "study", "FOOBAR", "the", "in", "with", "é", "ſ", "K"]
SEPARATORS = [" ", "  ", "-", "--", "(", ")", ",", ".", ";", ":", "/", "\n", "_", "", "·"]

texts = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=12).map(
    lambda parts: "".join(p + s for p, s in parts))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_finders_find_what_their_plain_definitions_find(text):
    lexicon = default_lexicon()
    assert [(f.start, f.end) for f in lexicon.drug_spans(text)] == plain_drugs(text)
    assert [(f.start, f.end) for f in lexicon.gene_spans(text)] == plain_genes(text)
    assert [(f.start, f.end) for f in lexicon.lesion_spans(text)] == [m.span() for m in PLAIN_LESION.finditer(text)]
    expected = sorted(((m.start(), m.end(), int(m.lastgroup[1:])) for m in PLAIN_STATISTIC.finditer(text)),
                      key=lambda f: (f[2], f[0]))
    assert [tuple(f) for f in lexicon.statistic_spans(text)] == expected
    listed_trials = [(m.start, m.end) for m in lexicon.trials.find(text) if m.name in TRIALS]
    assert listed_trials == plain_trials(text)


@settings(max_examples=200, deadline=None)
@given(texts, st.lists(st.sampled_from(["all-trans retinoic acid", "Dara.", "ATRA", "x y", "PD-1"]), max_size=3))
def test_names_a_deck_adds_follow_the_same_rules(text, extra):
    lexicon = Lexicon(TrialFinder(TRIALS), DRUGS + tuple(extra), GENES + tuple(extra))
    assert [(f.start, f.end) for f in lexicon.drug_spans(text)] == plain_drugs(text, DRUGS + tuple(extra))
    assert [(f.start, f.end) for f in lexicon.gene_spans(text)] == plain_genes(text, GENES + tuple(extra))


def test_a_listed_trial_written_without_its_hyphen_is_found_under_its_own_name():
    # this once raised KeyError (and stopped the build) for any text that said "ICARIAMM"
    found = default_lexicon().trials.find("In ICARIAMM and KarMMa3, as in ICARIA MM")
    assert [m.name for m in found] == ["ICARIA-MM", "KarMMa-3", "ICARIA-MM"]


def test_an_or_in_prose_is_no_odds_ratio():
    lexicon = default_lexicon()
    text = "Grade 3 or 4 events; OR 2.5 and HR: 0.45; hazard ratio 0.7"
    found = [text[f.start:f.end] for f in lexicon.statistic_spans(text)]
    assert found == ["OR 2.5", "HR: 0.45", "hazard ratio 0.7"]


def test_ratios_in_words_are_found_in_any_case_re_knows():
    # (İ and ı are i's to `re`, so these are ratios in words too)
    lexicon = default_lexicon()
    for text in ("odds ratıo 2.5 in 40%", "ODDS RATİO: 2", "Hazard Ratio 0.5", "the rate was 12%"):
        expected = sorted(((m.start(), m.end(), int(m.lastgroup[1:])) for m in PLAIN_STATISTIC.finditer(text)),
                          key=lambda f: (f[2], f[0]))
        assert [tuple(f) for f in lexicon.statistic_spans(text)] == expected
    assert [f.rank for f in lexicon.statistic_spans("odds ratıo 2.5 in 40%")] == [0, 3]
