"""Built packages imported into a fresh collection with Anki's own backend: what Anki holds."""

from __future__ import annotations

import re

import genanki
from conftest import import_package

import annodeck
from annodeck.readers import decode, read_text


def notes_of(col):
    return [col.get_note(nid) for nid in col.find_notes("")]


def test_seed_deck(seed, tmp_path, anki):
    report = annodeck.build([seed], tmp_path / "seed.apkg", deck="Papers::Myeloma")
    assert report.written and len(report.cards) == 6 and not report.skips
    col = anki()
    log = import_package(col, tmp_path / "seed.apkg")
    assert len(log.new) == 6
    notes = notes_of(col)
    assert len(notes) == 6
    assert col.decks.by_name("Papers::Myeloma") is not None

    for note in notes:
        assert "trial::IKEMA" in note.tags
        assert all(len(tag) <= 60 and " " not in tag for tag in note.tags)
    papers = {tag for note in notes for tag in note.tags if tag.startswith("paper::")}
    assert len(papers) == 1

    def note_with(text):
        (found,) = [n for n in notes if text in n["Text"]]
        return found

    assert "trial::ICARIA-MM" in note_with("ICARIA").tags
    assert "trial::CANDOR" in note_with("CANDOR").tags
    assert "trial::CANDOR" not in note_with("ICARIA").tags

    (first,) = [n for n in notes if n["Id"] == "c3im9uopy9b"]
    answer = first.cards()[0].answer()
    assert "Carfilzomib 卡非佐米 is a type of chemotherapy drug" in answer
    assert "伊沙妥昔单抗是IgG1的嵌合单克隆抗体" in answer  # the TAGS paragraph, on the back
    assert "[...]" in first.cards()[0].question()

    assert col.get_empty_cards().notes == []
    ids = ["c3im9uopy9b", "vcrermn5qt9", "3zi1ba0qzn5", "x875r5urjnq", "pfn59whqom", "zdr3lvyk94q"]
    assert {n.guid for n in notes} == {genanki.guid_for("annodeck", i) for i in ids}


def test_a_second_build_gives_the_same_notes_and_adds_nothing(seed, tmp_path, anki):
    annodeck.build([seed], tmp_path / "first.apkg")
    annodeck.build([seed], tmp_path / "second.apkg")
    col = anki()
    import_package(col, tmp_path / "first.apkg")
    guids = {n.guid for n in notes_of(col)}
    log = import_package(col, tmp_path / "second.apkg")
    assert len(log.new) == 0
    assert {n.guid for n in notes_of(col)} == guids and len(guids) == 6


def test_whole_corpus_in_one_build(corpus, tmp_path, anki):
    report = annodeck.build([corpus], tmp_path / "corpus.apkg")
    assert report.files == 28
    assert len(report.cards) + len(report.skips) == report.blocks == 717

    highlight_ids, page_note_ids = set(), set()
    for path in corpus.glob("*.md"):
        text, _ = decode(path.read_bytes(), path.name)
        for a in read_text(text, path.name).annotations:
            (highlight_ids if a.kind == "highlight" else page_note_ids).add(a.id)
    assert len(highlight_ids) == 686

    col = anki()
    import_package(col, tmp_path / "corpus.apkg")
    notes = notes_of(col)
    by_id = {}
    for note in notes:
        by_id.setdefault(note["Id"], []).append(note)
    # every highlight became exactly one note (a cloze, or a Q/A card), or a skip that says why
    skipped = {s.annotation_id for s in report.skips if s.category != "duplicate id"}
    assert highlight_ids <= set(by_id) | skipped and not set(by_id) & skipped
    assert all(s.reason for s in report.skips)
    assert set(by_id) - highlight_ids <= page_note_ids
    for annotation_id, found in by_id.items():
        (note,) = found
        assert note.guid in (genanki.guid_for("annodeck", annotation_id),
                             genanki.guid_for("annodeck", annotation_id, "qa"))
    assert col.get_empty_cards().notes == []
    for note in notes:
        cards = note.cards()
        if note.note_type()["type"] == 1:  # cloze
            numbers = note.cloze_numbers_in_fields()
            assert numbers, note["Id"]
            # the package holds exactly the cards Anki itself would generate for the note
            assert sorted(card.ord + 1 for card in cards) == sorted(numbers), note["Id"]
        else:
            assert len(cards) == 1 and note["Front"].strip()
        assert all(len(tag) <= 60 for tag in note.tags)


def test_source_text_cannot_run_as_html_on_a_rendered_card(tmp_path, anki):
    from annotator_notes import block, note

    source = tmp_path / "evil.md"
    source.write_text(note(block("x1", 'std::vector<int> <script>alert(1)</script> }} {{a}}',
                                 comment='<img src=x onerror="alert(2)"> [link](javascript:alert(3))')))
    annodeck.build([source], tmp_path / "evil.apkg")
    col = anki()
    import_package(col, tmp_path / "evil.apkg")
    (note_,) = notes_of(col)
    card = note_.cards()[0]
    shown = card.question() + card.answer()
    assert "<script" not in shown and "<img" not in shown and "javascript:" not in shown.replace("javascript:alert(3)", "")
    assert not re.search(r"href=\"javascript", shown)
    assert "std&#58;&#58;vector&lt;int&gt;" in shown or "std::vector&lt;int&gt;" in shown


def test_the_back_links_to_the_annotation_in_its_obsidian_vault(tmp_path, anki):
    from annotator_notes import block, note

    vault = tmp_path / "My Vault"
    (vault / ".obsidian").mkdir(parents=True)
    (vault / "papers").mkdir()
    (vault / "papers" / "a paper.md").write_text(note(block("g1", "In CASTOR, daratumumab was added to Vd.")))
    annodeck.build([vault / "papers"], tmp_path / "deck.apkg")
    col = anki()
    import_package(col, tmp_path / "deck.apkg")
    (note_,) = notes_of(col)
    answer = note_.cards()[0].answer()
    assert 'href="obsidian://open?vault=My%20Vault&amp;file=papers%2Fa%20paper.md%23%5Eg1"' in answer
