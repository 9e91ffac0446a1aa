from __future__ import annotations

import pytest

from annodeck.models import SourceDocument
from annodeck.planner.facts import not_a_fact
from annodeck.planner.source import MAX_CUE, SourceInfo, cue, describe, own_trial
from annodeck.planner.trials import default_finder
from annodeck.readers import read_text


def source(target: str = "", title: str = "", path: str = "notes/reading.md", uri: str = "") -> SourceDocument:
    return SourceDocument(path=path, title=title, target=target, uri=uri)


@pytest.mark.parametrize("target, author, key", [
    ("Haematologica - 2022 - Novak - Cel-based therapy in older patients.pdf", "Novak", "Novak2022-cel"),
    ("NEJM - 2023 - Garcia-Lopez - Cel-based therapy or standard care.pdf", "Garcia-Lopez", "Garcialopez2023-cel"),
    ("Blood - 2020 - Lopez‐Ruiz - Cel-based therapy.pdf", "Lopez-Ruiz", "Lopezruiz2020-cel"),  # U+2010
    ("van der Berg et al. - 2021 - Cel-based therapy.pdf", "van der Berg", "Vanderberg2021-cel"),
    ("San-Roman et al. - 2008 - Cel-based therapy.pdf", "San-Roman", "Sanroman2008-cel"),
    ("de la Fuente - 2019 - Cel-based therapy.pdf", "de la Fuente", "Delafuente2019-cel"),
    ("O'Brien 2020 - Cel-based therapy.pdf", "O'Brien", "Obrien2020-cel"),
    ("Schäfer2021_Cel-based therapy.pdf", "Schäfer", "Schafer2021-cel"),
    ("kimCelBasedTherapy2019.pdf", "Kim", "kimCelBasedTherapy2019"),  # a citekey stays the key
])
def test_first_authors_are_read_whole_from_download_names(target, author, key):
    info = describe(source(target, title="Cel-based therapy"))
    assert (info.author, info.key) == (author, key)


def test_names_that_already_made_keys_keep_them():
    # Wiley and Zotero names read before particles were: their paper:: tags must not change
    assert describe(source("Blood - 2021 - Müller - Daratumumab in smouldering myeloma.pdf")).key == "Muller2021-daratumumab"
    assert describe(source("Novak et al. - 2022 - Isatuximab for all.pdf")).key == "Novak2022-isatuximab"
    assert describe(source("Eur J Haem - 2022 - Novak - Isatuximab.pdf", title="Isatuximab plus")).key == "Novak2022-isatuximab"
    assert describe(source("x.pdf", title="Queues and the Theory of Waiting")).key == "queues-theory-waiting"
    # a course name with a year is no author: "COM-S-101-…-2022-…" once made "Coms101…2022"
    info = describe(source("MATH-S-101-Final-Exam-2022-Fall.pdf", title="MATH-S-101-Final-Exam-2022-Fall"))
    assert (info.author, info.key) == ("", "math-s-101-final")


@pytest.mark.parametrize("junk", [
    "PowerPoint 프레젠테이션", "PowerPoint Presentation", "Presentation1", "Slide 1", "Microsoft Word - x.docx",
    "untitled", "Document1", "download", "full text", "Title", "main", "paper", "slides", "lecture",
    "w7600", "12345", "1-s2.0-S0006497119300001-main", "nihms-123456", "Results \ufffd\ufffd", "ôè0Xtt2022-04-ôè0X –œ%_ìì",
])
def test_a_junk_title_gives_way_to_the_file_name(junk):
    info = describe(source("Smouldering myeloma review.pdf", title=junk))
    assert (info.title, info.key) == ("Smouldering myeloma review", "smouldering-myeloma-review")


def test_real_titles_in_any_language_are_not_junk():
    for title in ("Größe und Füße der Riesen", "Đường phố Hà Nội", "机器学习", "Rééducation créée", "COVID-19 in 2020"):
        assert describe(source("download.pdf", title=title)).title == title


def test_a_junk_file_name_never_becomes_the_key():
    for name in ("download.pdf", "document.pdf", "fulltext.pdf", "1-s2.0-S0006497119300001-main.pdf"):
        assert describe(source(name, title="Queues and the Theory of Waiting")).key == "queues-theory-waiting"
    # with a junk title too, the note's name comes next
    info = describe(source("download.pdf", title="Slide 1", path="notes/Queueing lecture 3.md"))
    assert (info.title, info.key) == ("Queueing lecture 3", "queueing-lecture-3")


def test_unrelated_notes_with_generic_titles_do_not_share_a_key():
    a = describe(source("download.pdf", title="PowerPoint Presentation", path="n/Untitled.md", uri="urn:x-pdf:aaa"))
    b = describe(source("download.pdf", title="PowerPoint Presentation", path="n/Untitled.md", uri="urn:x-pdf:bbb"))
    assert a.key != b.key and a.key.startswith("untitled-") and a.title == "Untitled"


def test_an_arxiv_id_is_a_key_only_when_nothing_better_exists():
    assert describe(source("2401.01234.pdf", path="notes/Untitled.md")).key == "arxiv-2401-01234"
    assert describe(source("2401.01234.pdf", path="notes/Sparse attention.md")).key == "sparse-attention"
    assert describe(source("2401.01234.pdf", title="Sparse Attention at Scale")).key == "sparse-attention-scale"


def test_an_epub_chapter_title_gives_way_to_the_book():
    book = "A Short Book of Myths (Jane Roe [Roe, Jane]) (z-lib.org).epub"
    chapter = describe(source(book, title="3 The beginning", uri="app://obsidian.md/index.html?loc=ch3.html"))
    assert (chapter.title, chapter.key) == ("A Short Book of Myths", "short-book-myths")


def test_the_cue_names_the_paper_in_a_short_line():
    spicka = SourceInfo("Novak2022-isatuximab", "Isatuximab in relapsed myeloma: the ALPHA subgroup", "Novak", "2022")
    assert cue(spicka, "IKEMA") == "IKEMA · Novak 2022"
    long_title = SourceInfo("k", "Cel-based therapy or Standard Regimens in Relapsed and Refractory Myeloma", "Garcia-Lopez", "2023")
    assert cue(long_title) == "Garcia-Lopez 2023 · Cel-based therapy or Standard Regimens…"
    assert cue(SourceInfo("k", "The Careful Gardener: From Seed to Harvest")) == "The Careful Gardener"
    assert cue(SourceInfo("k", "Queue Documentation")) == "Queue Documentation"
    assert cue(SourceInfo("k", "Results of a trial", ), "CANDOR") == "CANDOR · Results of a trial"
    assert cue(SourceInfo("reading", "")) == "reading"


def test_a_cue_is_cut_at_whole_words_and_never_too_wide():
    words = "Alpha Beta Gamma Delta Epsilon Zeta Theta Iota Kappa Lambda Omicron Sigma"
    text = cue(SourceInfo("k", words))
    assert len(text) <= MAX_CUE and text.endswith("…") and text[:-1] in words and words[len(text) - 1] == " "
    cjk = cue(SourceInfo("k", "机器学习方法" * 10))  # no spaces: whole characters, each two wide
    assert cjk.endswith("…") and len(cjk) <= MAX_CUE // 2


def test_the_papers_own_trial_comes_from_its_title_or_the_readers_tags():
    finder = default_finder()
    assert own_trial("Isatuximab with Kd in high-risk patients: IKEMA subgroup analysis", (), finder) == "IKEMA"
    assert own_trial("Drug A, Kd versus Kd alone (CANDOR): final analysis", (), finder) == "CANDOR"
    assert own_trial("Outcomes of ELOQUENT-3 compared with the ICARIA-MM trial", (), finder) == "ELOQUENT-3"
    assert own_trial("Real-world outcomes compared with ICARIA-MM", ("trials/CASTOR",), finder) == "CASTOR"
    assert own_trial("A review", ("result", "IKEMA"), finder) == "IKEMA"
    assert own_trial("A review", ("trial/candor",), finder) == "CANDOR"
    # what a highlight or comment mentions is not the caller's to pass: no title or tag, no trial
    assert own_trial("A review of anti-CD38 antibodies", ("drugs", "how"), finder) is None


def test_the_seed_says_where_its_facts_come_from(seed):
    annotations = read_text(seed.read_text(encoding="utf-8"), seed.name).annotations
    info = describe(annotations[0].source)
    assert info.key == "Spicka2022-isatuximab"
    assert cue(info, own_trial(info.title, annotations[0].tags, default_finder())) == "IKEMA · Spicka 2022"


@pytest.mark.parametrize("text", [
    "Exemple", "The Science of Fat Loss", "3.2 Results", "Chapter 4: Methods", "Prototype y ECMAScript moderno",
    "ABSTRACT", "Introduction", "Materials and methods", "Herencia y cadena de prototipos", "OVERALL SURVIVAL RATES",
    "1 开端：从混沌到宇宙", "Stage 2: Choosing the right tool",
])
def test_headings_are_not_facts(text):
    assert not_a_fact(text, "") == "a heading, not a fact"


@pytest.mark.parametrize("text", [
    "homogeneous", "callables", "B-cell maturation antigen", "Multiple myeloma", "BCMA", "信息铺", "flood mapping",
    "The presence of high-risk abnormalities has been linked with inferior outcomes",
    "Las clases deben comenzar con una lista de variables", "On parle de dégradation irréversible",
    "Processes are events, too", "Car 0 leaving the station at 5", "The Geneva Union (GU",
    "Figure 2 shows that survival was longer", "表2显示了基线特征", "Kent Beck", "Dogs, Cats and Horses",
    "进行学习器的比较时，若一个学习器的曲线被另一个完全包住", "Az amorf anyagok termikus viselkedése",
])
def test_terms_and_sentences_are_facts(text):
    assert not_a_fact(text, "Cel-based therapy in myeloma") is None


@pytest.mark.parametrize("text", [
    "Fig. 1 | Schematic diagram of the pipeline. a,b,", "Figure 2. Kaplan-Meier estimates of survival",
    "Table 3 Baseline characteristics", "FIGURE 1", "Supplementary Fig. S2", "图 3 模型结构",
])
def test_captions_are_not_facts(text):
    assert not_a_fact(text, "") == "a figure caption"


def test_the_papers_own_title_is_not_a_fact():
    title = "Cel-based Therapy in Relapsed Myeloma: A Randomised Trial"
    for text in ("Cel-based therapy in relapsed myeloma: a randomised trial", "CEL-BASED  THERAPY IN RELAPSED MYELOMA",
                 "el-based therapy in relapsed myeloma: a randomised"):
        assert not_a_fact(text, title) == "the paper's own title"
    assert not_a_fact("relapsed myeloma", title) is None  # a few of its words are a term
    assert not_a_fact("CelBasedTherapy", "Cel Based Therapy") is None  # one word: a name in code


@pytest.mark.parametrize("text", [
    "Anna Novak, Pierre Dubois, Marta García-López, …", "Novak A, Dubois P, Lee M", "Novak AB, Dubois P",
    "Anna Novak1,2, Pierre Dubois3 and Jan van der Berg4*", "Anna Novak, MD, PhD, Pierre Dubois, MD and Li Wei, MSc",
])
def test_author_lists_are_not_facts(text):
    assert not_a_fact(text, "") == "an author list"
