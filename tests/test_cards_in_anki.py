"""Card quality, checked on cards rendered by Anki's own backend (`card.question()`, `.answer()`)."""

from __future__ import annotations

import html
import re

from annotator_notes import block, note
from conftest import import_package

import annodeck
from annodeck.planner.trials import default_finder

DELETION = re.compile(r'data-cloze="([^"]*)"')
TAG = re.compile(r"<[^>]+>")


def visible(card_html: str) -> str:
    """Roughly what a reader sees: no style, no tags, entities decoded."""
    body = re.sub(r"<style>.*?</style>", "", card_html, flags=re.DOTALL)
    body = re.sub(r"<br\s*/?>|</(?:p|div|li|blockquote)>", " ", body)
    return " ".join(html.unescape(TAG.sub("", body)).split())


def deck_from(tmp_path, anki, text: str):
    source = tmp_path / "notes.md"
    source.write_text(text)
    report = annodeck.build([source], tmp_path / "deck.apkg")
    col = anki()
    import_package(col, tmp_path / "deck.apkg")
    notes = {col.get_note(n)["Id"]: col.get_note(n) for n in col.find_notes("")}
    return report, notes


def test_the_seed_shows_repaired_words_and_hides_each_kind_of_domain_term(seed, tmp_path, anki):
    annodeck.build([seed], tmp_path / "seed.apkg")
    col = anki()
    import_package(col, tmp_path / "seed.apkg")
    cards = [col.get_card(c) for c in col.find_cards("")]
    answers = " ".join(visible(c.answer()) for c in cards)
    for repaired in ("Isatuximab plus carfilzomib", "In CANDOR", "proteasome inhibitor"):
        assert repaired in answers
    assert " satuximab" not in answers and "inhibito " not in answers

    deletions = {html.unescape(d) for c in cards for d in DELETION.findall(c.question())}
    assert deletions and all(len(d) <= 40 for d in deletions)
    trials = default_finder()
    assert any(trials.names(d) for d in deletions), deletions
    assert any(re.fullmatch(r"[A-Za-z]+(mab|zomib|lidomide|sone)", d) for d in deletions), deletions
    assert any(re.fullmatch(r"(t\(\d+;\d+\)|del\(\d+[pq]\))", d) for d in deletions), deletions
    assert any(re.search(r"\d", d) and re.search(r"HR|CI|%|≥", d) for d in deletions), deletions
    assert col.get_empty_cards().notes == []


def test_a_mark_in_the_highlight_is_the_one_deletion(tmp_path, anki):
    text = note(block("m1", "Daratumumab targets CD38 in CANDOR"))
    text = text.replace("==Daratumumab targets CD38 in CANDOR==", "==Daratumumab targets ==CD38== in CANDOR==")
    _, notes = deck_from(tmp_path, anki, text)
    (card,) = notes["m1"].cards()
    assert notes["m1"].cloze_numbers_in_fields() == [1]
    assert DELETION.findall(card.question()) == ["CD38"]
    assert "Daratumumab targets" in visible(card.question()) and "CANDOR" in visible(card.question())


def test_a_cloze_the_reader_typed_is_kept_but_one_in_the_source_text_is_shown_literally(tmp_path, anki):
    typed = note(block("t1", "The answer is forty-two"))
    typed = typed.replace("==The answer is forty-two==", "==The answer is {{c1::forty-two::number}}==")
    _, notes = deck_from(tmp_path, anki, typed)
    assert "[number]" in visible(notes["t1"].cards()[0].question())

    literal = note(block("l1", "templates write {{c1::x}} for a cloze"))
    (tmp_path / "literal").mkdir()
    _, notes = deck_from(tmp_path / "literal", anki, literal)
    (card,) = notes["l1"].cards()
    assert "{{c1::x}}" in visible(card.answer())


def test_questions_skips_and_forced_kinds(tmp_path, anki):
    text = note(
        block("q1", "CASTOR added daratumumab to Vd", comment="Q: What did CASTOR add?\nA: daratumumab\nmore notes"),
        block("s1", "not worth a card", tags=("anki/skip",)),
        block("f1", "Isatuximab binds CD38", comment="it is a monoclonal antibody", tags=("anki/qa",)),
        block("p1", "", comment="Why do page notes matter?", page_note=True),
        block("p2", "", comment="just a thought", page_note=True),
    )
    report, notes = deck_from(tmp_path, anki, text)
    assert set(notes) == {"q1", "f1", "p1"}
    assert {s.annotation_id: s.category for s in report.skips} == {"s1": "marked skip", "p2": "page note"}

    (q,) = notes["q1"].cards()
    assert visible(q.question()).endswith("What did CASTOR add?") and "CASTOR added" not in visible(q.question())
    back = visible(q.answer())
    assert "daratumumab" in back and "CASTOR added daratumumab to Vd" in back and "more notes" in back

    (f,) = notes["f1"].cards()
    assert "Isatuximab binds CD38" in visible(f.question())
    assert "it is a monoclonal antibody" in visible(f.answer())
    assert "it is a monoclonal antibody" not in visible(f.question())
    assert not any(t.startswith("anki") for t in notes["f1"].tags)

    (p,) = notes["p1"].cards()
    assert "Why do page notes matter?" in visible(p.question())


def test_nothing_from_a_note_runs_as_html_and_code_and_braces_survive(tmp_path, anki):
    text = note(block(
        "x1", 'std::vector<int> v; }} {{a}} <script>alert(1)</script><img src=x onerror="alert(2)">',
        comment='<script>alert(3)</script> <b onclick="alert(4)">b</b> [go](javascript:alert(5)) '
                '[ok](https://example.org) $E = mc^2$ and $$\\frac{a}{b}$$',
        title='<script>alert(6)</script>',
    ))
    _, notes = deck_from(tmp_path, anki, text)
    (card,) = notes["x1"].cards()
    rendered = card.question() + card.answer()
    assert "<script" not in rendered and "onerror=" not in rendered.replace("onerror=&quot;", "")
    assert "<b " not in rendered and "<img" not in rendered
    assert not re.search(r'href="\s*javascript', rendered, re.IGNORECASE)
    assert 'href="https://example.org"' in rendered
    shown = visible(card.answer())
    assert "std::vector<int> v; }} {{a}}" in shown
    assert "\\(E = mc^2\\)" in card.answer() and "\\[\\frac{a}{b}\\]" in card.answer()


def test_comment_markdown_obsidian_style(tmp_path, anki):
    text = note(block("c1", "some words", comment="a ==key idea== and [[Atomic note|an alias]]\n"
                                                   "> [!warning] Careful\n> with this"))
    _, notes = deck_from(tmp_path, anki, text)
    answer = notes["c1"].cards()[0].answer()
    assert "<mark>key idea</mark>" in answer
    assert "an alias" in answer and "[[" not in answer
    assert 'class="callout callout-warning"' in answer and "[!warning]" not in answer


def test_deletion_numbers_stay_put_when_unrelated_text_changes(tmp_path):
    from annodeck.models import Annotation, Location, SourceDocument
    from annodeck.planner import Planner

    def text_of(highlight):
        annotation = Annotation(id="a", kind="highlight", highlight=highlight,
                                source=SourceDocument(path="n.md"), location=Location(file="n.md"))
        return Planner().plan(annotation).fields["Text"]

    before = text_of("In CANDOR, daratumumab gave HR: 0.70")
    after = text_of("As reported, in CANDOR, adding daratumumab to Kd gave HR: 0.70 overall")
    numbers = lambda t: dict(re.findall(r"\{\{c(\d+)::([^}]*)\}\}", t))
    assert numbers(before) == numbers(after)
