from __future__ import annotations

import re

from annotator_notes import FACTS, block, note
from hypothesis import given, settings
from hypothesis import strategies as st

from annodeck.models import Card, Skip
from annodeck.planner import PlanSettings, Planner
from annodeck.planner.tags import anki_tag, is_prose
from annodeck.planner.trials import default_finder
from annodeck.readers import read_text

CLOZE = re.compile(r"\{\{c(\d+)::")


def plan_one(text: str, settings: PlanSettings = PlanSettings()) -> Card | Skip:
    (annotation,) = read_text(text, "notes/paper.md").annotations
    return Planner(settings).plan(annotation)


def test_trials_are_found_in_title_highlight_and_comment_but_abbreviations_are_not():
    card = plan_one(note(block("a1", "In CANDOR the PFS HR was 0.70 in MM", comment="unlike ICARIA MM",
                               title="Results of the IKEMA trial")))
    trials = sorted(t for t in card.tags if t.startswith("trial::"))
    assert trials == ["trial::CANDOR", "trial::ICARIA-MM", "trial::IKEMA"]


def test_an_unlisted_trial_is_found_only_where_the_text_calls_it_a_trial():
    finder = default_finder()
    assert finder.names("As shown in the ZEPHYRUS-2 trial, results held") == ["ZEPHYRUS-2"]
    assert finder.names("ZEPHYRUS-2 results held", "the PFS study", "a GWAS study") == []


def test_a_recipe_can_name_more_trials():
    card = plan_one(note(block("a1", "Outcomes in MYTRIAL were good")), PlanSettings(trials=("MYTRIAL",)))
    assert "trial::MYTRIAL" in card.tags


def test_one_short_paper_tag_per_source():
    title = "Daratumumab in smouldering myeloma"
    text = note(block("a1", FACTS[0], title=title), block("a2", FACTS[1], title=title),
                target="Blood - 2021 - Müller - Daratumumab in smouldering myeloma.pdf")
    annotations = read_text(text, "notes/x.md").annotations
    papers = {t for a in annotations for t in Planner().plan(a).tags if t.startswith("paper::")}
    (paper,) = papers
    assert paper == "paper::Muller2021-daratumumab"


def test_paper_key_without_author_is_a_slug_of_the_title():
    card = plan_one(note(block("a1", FACTS[0], title="College Admissions and the Stability of Marriage")))
    (paper,) = [t for t in card.tags if t.startswith("paper::")]
    assert paper == "paper::college-admissions-stability-marriage"


def test_reader_tags_become_anki_tags_and_prose_goes_to_the_back():
    paragraph = "这是一段很长的说明，不是标签。它应该出现在卡片背面，而不是变成一个两百字的标签。"
    card = plan_one(note(block("a1", FACTS[0], tags=("topic/sub topic", "#P", paragraph))))
    assert "topic::sub_topic" in card.tags and "P" in card.tags
    assert not any("这是" in t for t in card.tags)
    assert paragraph in card.fields["Extra"]


def test_tag_rules():
    assert anki_tag("a b/c  d") == "a_b::c_d"
    assert is_prose("This is a sentence. It goes on.")
    assert not is_prose("what is DeepXplore")
    assert is_prose("x" * 41)


def test_page_notes_and_replies_are_skipped_with_a_reason():
    skip = plan_one(note(block("p1", "", comment="a thought", page_note=True)))
    assert isinstance(skip, Skip) and skip.category == "page note" and skip.reason
    reply = plan_one(note(block("r1", "", comment="yes", page_note=True, extra_json={"references": ["p1"]})))
    assert isinstance(reply, Skip) and "^p1" in reply.reason


def test_a_highlight_with_nothing_worth_asking_is_a_skip_that_says_how_to_steer_it():
    skip = plan_one(note(block("a1", "and so it was all very good for us", prefix="words before ",
                               suffix=" words after")))
    assert isinstance(skip, Skip) and skip.category == "nothing to ask"
    assert "==…==" in skip.reason and "Q:" in skip.reason
    marked = plan_one(note(block("a1", "and so it was all very good for us"))
                      .replace("==and so it was all very good for us==", "==and so it was all ==very good== for us=="))
    assert CLOZE.findall(marked.fields["Text"]) == ["1"]


def test_every_occurrence_of_a_hidden_term_shares_its_number():
    card = plan_one(note(block("a1", "daratumumab plus Kd; later daratumumab again")))
    numbers = re.findall(r"\{\{c(\d+)::daratumumab\}\}", card.fields["Text"])
    assert len(numbers) == 2 and len(set(numbers)) == 1


def test_markup_from_the_source_never_reaches_a_card_as_html():
    card = plan_one(note(block(
        "a1", '<script>alert(1)</script> <img src=x onerror="alert(2)">',
        comment='<script>alert(3)</script> [x](javascript:alert(4)) <b onmouseover="alert(5)">b</b>',
        title="<i>title</i>")))
    html = " ".join(card.fields.values())
    assert "<script" not in html and "<img" not in html and "<b " not in html and "<i>" not in html
    assert 'href="javascript' not in html


def test_cloze_syntax_in_a_highlight_is_shown_literally():
    card = plan_one(note(block("a1", "In CASTOR, std::vector<int> and {{a}} and }} and {{c2::x}}")))
    text = card.fields["Text"]
    assert len(CLOZE.findall(text)) == 1 and "CASTOR" in text  # only our own deletion


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1).filter(lambda s: s.strip()), st.text())
def test_every_highlight_becomes_a_valid_cloze(highlight, comment):
    annotation = read_text(note(block("a1", highlight, comment=comment)), "n.md").annotations
    if not annotation or not annotation[0].highlight.strip():
        return  # text the reader cleans to nothing (control characters only) is a page note
    card = Planner().plan(annotation[0])
    if isinstance(card, Skip):  # e.g. a lone soft hyphen, which normalises to nothing
        assert card.reason
        return
    if card.kind == "qa":  # the comment asked a question
        assert card.fields["Front"].strip() and not CLOZE.search(card.fields["Quote"])
        return
    numbers = CLOZE.findall(card.fields["Text"])
    assert numbers and all(int(n) >= 1 for n in numbers)
    text = re.sub(r'^<div class="cue">[^<]*</div>', "", card.fields["Text"])
    assert "<" not in text.replace("<br>", "")


def test_pdf_extraction_damage_is_undone_in_any_text():
    from annodeck.planner.repair import _LIGATURES, _TRANSLATED, normalise

    # the quick check for characters to translate knows every one of them, and no other
    assert {chr(c) for c in _LIGATURES} == {chr(c) for c in range(0x110000) if _TRANSLATED.search(chr(c))}
    assert normalise("e\ufb03cacy of 0.3–0.6,\u00a0in\u00adhibitor") == "efficacy of 0.3–0.6, inhibitor"
    assert normalise("≥3 events – no ligature") == "≥3 events – no ligature"
    assert normalise("inhi-\nbitor  and   more") == "inhibitor and more"
