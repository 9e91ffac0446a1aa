"""`annodeck preview` shows each card as Anki shows it: checked against Anki's own rendering."""

from __future__ import annotations

import html
import re
import subprocess
import sys

from annotator_notes import block, note
from conftest import import_package

import annodeck
from annodeck.pipeline import check
from annodeck.preview import card_faces


def visible(fragment: str) -> str:
    body = re.sub(r"<style>.*?</style>", "", fragment, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def test_preview_faces_match_what_anki_renders(seed, tmp_path, anki):
    extra = tmp_path / "extra.md"
    extra.write_text(note(block("q1", "CASTOR used daratumumab", comment="Q: What did CASTOR use?\nA: it"),
                          block("h1", "The answer is forty-two").replace(
                              "==The answer is forty-two==", "==The answer is {{c1::forty-two::number}}==")))
    annodeck.build([seed, extra], tmp_path / "deck.apkg")
    col = anki()
    import_package(col, tmp_path / "deck.apkg")
    by_id = {col.get_note(n)["Id"]: col.get_note(n) for n in col.find_notes("")}
    compared = 0
    for card in check([seed, extra]).cards:
        anki_cards = {c.ord + 1: c for c in by_id[card.annotation_id].cards()}
        faces = card_faces(card)
        assert sorted(anki_cards) == [n for n, _, _ in faces]
        for number, front, back in faces:
            assert visible(front) == visible(anki_cards[number].question())
            assert visible(back) == visible(anki_cards[number].answer())
            assert front.count('class="cloze"') == anki_cards[number].question().count('class="cloze"')
            compared += 1
    assert compared >= 10


def test_the_preview_command_writes_one_self_contained_page(seed, tmp_path):
    run = subprocess.run([sys.executable, "-m", "annodeck", "preview", str(seed), "-o", "page.html"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    page = (tmp_path / "page.html").read_text()
    assert page.count('class="preview-note"') >= 6 and "paper::Spicka2022-isatuximab" in page
    assert "trial::IKEMA" in page and ".annodeck" in page  # tags, and the cards' own CSS
    assert not re.search(r'<(script|link|img)\b|src="http', page)  # nothing fetched, nothing run
    assert "previewed in page.html" in run.stdout
