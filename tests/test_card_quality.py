"""Cards worth studying, checked on cards Anki's own backend renders: one thing asked per card,
a cue of the source on every front, text repaired before anything is hidden, and no card made
of what is not a fact."""

from __future__ import annotations

import html
import re
from collections import defaultdict

from annotator_notes import block, note
from conftest import import_package

import annodeck
from annodeck.quality import LONG_DELETION, quality

ASKED = re.compile(r'<span class="cloze" data-cloze="([^"]*)"')
TAG = re.compile(r"<[^>]+>")
CUE = re.compile(r'<div class="cue">([^<]+)</div>')
IKEMA_TITLE = ("Isatuximab plus carfilzomib and dexamethasone in relapsed multiple myeloma patients with "
               "high-risk cytogenetics: IKEMA subgroup analysis")


def visible(card_html: str) -> str:
    body = re.sub(r"<style>.*?</style>", "", card_html, flags=re.DOTALL)
    body = re.sub(r"<br\s*/?>|</(?:p|div|li|blockquote)>", " ", body)
    return " ".join(html.unescape(TAG.sub("", body)).split())


def asked(card) -> set[str]:
    """The distinct answers a card's front hides (the same term in several places is one)."""
    # (Anki escapes the deletion, itself escaped, into the attribute: unescape twice)
    return {" ".join(html.unescape(html.unescape(a)).split()).casefold() for a in ASKED.findall(card.question())}


def build_and_import(tmp_path, anki, *paths):
    report = annodeck.build(list(paths), tmp_path / "deck.apkg")
    col = anki()
    import_package(col, tmp_path / "deck.apkg")
    notes = {col.get_note(n)["Id"]: col.get_note(n) for n in col.find_notes("")}
    return report, col, notes


def deck_of(tmp_path, anki, *blocks, target="papers/study.pdf"):
    source = tmp_path / "notes.md"
    source.write_text(note(*blocks, target=target))
    return build_and_import(tmp_path, anki, source)


def test_each_seed_note_asks_one_thing_per_card_with_its_source_on_the_front(seed, tmp_path, anki):
    report, col, notes = build_and_import(tmp_path, anki, seed)
    assert len(notes) == 6 and not report.skips
    for note_ in notes.values():
        cards = note_.cards()
        assert cards
        for card in cards:
            front = card.question()
            cue = CUE.search(front)
            assert cue and "IKEMA" in cue.group(1) and "Spicka" in cue.group(1), front
            if note_.note_type()["name"] == "annodeck cloze":
                answers = asked(card)
                assert len(answers) == 1, (note_["Id"], answers)
                assert all(len(a) <= LONG_DELETION for a in answers)
    assert col.get_empty_cards().notes == []
    # the seed's own trial is the cue: it is never what a card asks
    assert not any("ikema" in a for c in col.find_cards("") for a in asked(col.get_card(c)))


def test_three_lesions_in_one_highlight_make_three_cards_each_with_the_others_shown(tmp_path, anki):
    text = ("The presence of high-risk chromosomal abnormalities [t(4;14), del(17p), and t(14;16)] has been "
            "linked with inferior outcomes")
    _, _, notes = deck_of(tmp_path, anki, block("l1", text, title=IKEMA_TITLE))
    cards = notes["l1"].cards()
    lesions = {"t(4;14)", "del(17p)", "t(14;16)"}
    assert sorted(a for c in cards for a in asked(c)) == sorted(lesions)
    for card in cards:
        (hidden,) = asked(card)
        shown = visible(card.question())
        assert all(other in shown for other in lesions - {hidden}) and hidden not in shown


def test_a_hazard_ratio_is_hidden_with_its_confidence_interval_as_one_unit(tmp_path, anki):
    text = ("A similar PFS benefit was reported with daratumumab plus Kd vs Kd alone among patients with "
            "high-risk CA (HR: 0.70; 95% CI: 0.36–1.40).")
    _, _, notes = deck_of(tmp_path, anki, block("h1", text, title=IKEMA_TITLE))
    units = [a for c in notes["h1"].cards() for a in asked(c) if "0.70" in a]
    assert units == ["hr: 0.70; 95% ci: 0.36–1.40"]
    for card in notes["h1"].cards():
        if "0.70" in " ".join(asked(card)):
            assert "0.36" not in visible(card.question())


def test_a_word_with_its_translation_makes_a_word_and_meaning_card(tmp_path, anki):
    _, _, notes = deck_of(tmp_path, anki, block("w1", "homogeneous", comment="同质",
                                                prefix="the cells were ", suffix=" in size and shape"))
    (card,) = notes["w1"].cards()
    assert notes["w1"].note_type()["name"] == "annodeck Q/A"
    assert "homogeneous" in visible(card.question()) and "同质" not in visible(card.question())
    assert "同质" in visible(card.answer())


def test_glued_words_are_split_but_drug_names_stay_whole(tmp_path, anki):
    _, _, notes = deck_of(
        tmp_path, anki,
        block("g1", "En estos casos solemosconfundir el alcance con el ámbito de una variable.",
              title="Clean JavaScript"),
        block("g2", "Patients received carfilzomib twice weekly in the isatuximab arm.", title=IKEMA_TITLE),
    )
    assert "solemos confundir" in visible(notes["g1"].cards()[0].answer())
    assert "solemosconfundir" not in visible(notes["g1"].cards()[0].answer())
    assert "carfilzomib" in visible(notes["g2"].cards()[0].answer())


def test_a_heading_is_a_reported_skip_not_a_card(tmp_path, anki):
    report, _, notes = deck_of(tmp_path, anki, block("t1", "3.2 Results and Discussion"),
                               block("t2", "Supplementary Figure S2. Kaplan-Meier estimates of overall survival"),
                               block("f1", "Daratumumab was given at 16 mg/kg weekly in cycles 1 and 2."))
    assert set(notes) == {"f1"}
    skips = {s.annotation_id: s for s in report.skips}
    assert set(skips) == {"t1", "t2"}
    assert all(s.category == "not a fact" and "==" in s.reason for s in skips.values())


def test_a_rhetorical_question_inside_a_long_comment_leaves_the_card_a_cloze(tmp_path, anki):
    comment = ("This struck me. The authors spent pages on it. Could anything make us great again? "
               "Probably not, but the data are what they are.")
    _, _, notes = deck_of(tmp_path, anki, block("r1", "Carfilzomib was given at 56 mg/m2 twice weekly.",
                                                comment=comment, title=IKEMA_TITLE))
    assert notes["r1"].note_type()["name"] == "annodeck cloze"
    card = notes["r1"].cards()[0]
    assert asked(card) and "make us great again?" in visible(card.answer())


def test_a_comment_that_is_one_question_makes_a_question_card_with_a_cue(tmp_path, anki):
    _, _, notes = deck_of(tmp_path, anki, block("q1", "Carfilzomib was given at 56 mg/m2 twice weekly.",
                                                comment="Why was the weekly dose not used?", title=IKEMA_TITLE))
    (card,) = notes["q1"].cards()
    assert notes["q1"].note_type()["name"] == "annodeck Q/A"
    assert CUE.search(card.question()) and "Why was the weekly dose not used?" in visible(card.question())


def test_a_cloze_number_keeps_its_term_when_unrelated_text_changes():
    from annodeck.models import Annotation, Location, SourceDocument
    from annodeck.planner import Planner

    def numbers(highlight):
        annotation = Annotation(id="a", kind="highlight", highlight=highlight,
                                source=SourceDocument(path="n.md"), location=Location(file="n.md"))
        text = Planner().plan(annotation).fields["Text"]
        found = defaultdict(set)
        for number, term in re.findall(r"\{\{c(\d+)::([^}]*)\}\}", text):
            found[html.unescape(term)].add(number)
        return found

    before = numbers("In CANDOR, daratumumab was added to Kd (HR: 0.70; 95% CI: 0.36–1.40).")
    after = numbers("As reported at the interim analysis, in CANDOR, pomalidomide and daratumumab were "
                    "added to Kd (HR: 0.70; 95% CI: 0.36–1.40).")
    assert before and all(before[term] == after[term] for term in before)
    assert len({n for ns in after.values() for n in ns}) == len(after)  # a different term, its own number


def test_on_the_seed_and_the_corpus_every_front_has_a_cue_and_each_number_one_short_term(seed, corpus):
    report = annodeck.check([seed, corpus])
    figures = quality(report.cards, report.skips)
    assert figures.notes > 300
    assert figures.long_deletions == []
    assert figures.mixed_numbers == []
    assert figures.without_cue == []
