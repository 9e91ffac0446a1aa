from __future__ import annotations

from annotator_notes import block, note

from annodeck.models import Severity
from annodeck.readers import decode, read_text


def read(text: str):
    return read_text(text, "notes/paper.md")


def test_seed_gives_six_highlights_with_their_ids_comment_and_tags(seed):
    result = read(seed.read_text(encoding="utf-8"))
    assert result.blocks == 6
    assert [a.id for a in result.annotations] == [
        "c3im9uopy9b", "vcrermn5qt9", "3zi1ba0qzn5", "x875r5urjnq", "pfn59whqom", "zdr3lvyk94q"]
    first = result.annotations[0]
    assert first.kind == "highlight"
    assert first.highlight == "satuximab plus carfilzomib and dexamethasone in relapsed multiple myeloma patients"
    assert first.comment.startswith("Carfilzomib 卡非佐米 is a type of chemotherapy drug")
    assert first.comment.count("\n") == 1  # two lines, kept as two lines
    assert len(first.tags) == 1 and first.tags[0].startswith("Isatuximab伊沙妥昔单抗")
    assert first.quote.prefix == "cid ID: 0000-0001-6804-2221)   I"  # JSON context is untrimmed
    assert result.source.title.endswith("IKEMA subgroup analysis")
    assert result.source.target.startswith("European J of Haematology - 2022 - Spicka")
    assert result.problems == []


def test_every_highlight_line_style_gives_the_same_highlight():
    for style in ("full", "marked", "plain", "context"):
        text = note(block("abc123", "the quick brown fox", prefix="before ", suffix=" after", style=style))
        (annotation,) = read(text).annotations
        assert annotation.highlight == "the quick brown fox", style


def test_markdown_comment_and_tags_win_over_stale_json():
    text = note(block("abc123", "some words", comment="old comment", tags=("old",)))
    edited = text.replace(">old comment", ">new comment\n>second line").replace(">#old", ">#new, #other tag")
    (annotation,) = read(edited).annotations
    assert annotation.comment == "new comment\nsecond line"
    assert annotation.tags == ("new", "other tag")


def test_user_edits_to_the_markdown_highlight_are_kept():
    text = note(block("abc123", "causesproblems here"))
    (annotation,) = read(text.replace("==causesproblems here==", "==causes ==problems== here==")).annotations
    assert annotation.highlight == "causes ==problems== here"
    assert annotation.quote.exact == "causesproblems here"


def test_formatting_damage_changes_nothing_that_was_read():
    original = note(block("abc123", "words", prefix="p ", suffix=" s", comment="a comment", tags=("t1", "t2")),
                    block("def456", "more words", comment="line one\nline two"))
    expected = [(a.id, a.highlight, a.comment, a.tags) for a in read(original).annotations]
    spaced = "\n".join("> " + line[1:] if line.startswith(">") else line for line in original.split("\n"))
    variants = {
        "crlf": original.replace("\n", "\r\n"),
        "bom": "\ufeff" + original,
        "no final newline": original.rstrip("\n"),
        "space after >": spaced,
        "no blank line before blocks": original.replace("---\n\n>", "---\n>"),
        "trailing spaces": original.replace("\n", "  \n").replace("  \n^", "\n^"),
        "blank quote lines around the fence": original.replace(">%%\n>```", ">%%\n>\n>```"),
        "blank line before the id": original.replace("\n^abc123", "\n\n^abc123"),
    }
    for name, text in variants.items():
        got = [(a.id, a.highlight, a.comment.rstrip(), a.tags) for a in read(text).annotations]
        assert got == expected, name


def test_a_broken_json_block_is_still_read_from_its_markdown_and_hides_nothing_else():
    text = note(block("aaa111", "first"), block("bbb222", "second", comment="c"), block("ccc333", "third"))
    broken = text.replace('{"created":"2024-01-02T03:04:05.678Z","text":"c"', '{"created":"2024-01-0', 1)
    result = read(broken)
    assert [a.id for a in result.annotations] == ["aaa111", "bbb222", "ccc333"]
    assert result.annotations[1].highlight == "second" and result.annotations[1].comment == "c"
    (problem,) = result.problems
    assert problem.severity is Severity.WARNING
    assert problem.location.file == "notes/paper.md"
    assert broken.split("\n")[problem.location.line - 1].startswith('>{"created":"2024-01-0')


def test_a_block_without_its_closing_fence_is_reported_with_its_line_and_the_rest_are_read():
    text = note(block("aaa111", "first"), block("bbb222", "second"), block("ccc333", "third"))
    lines = text.split("\n")
    fence_closes = [i for i, line in enumerate(lines) if line == ">```"]
    del lines[fence_closes[1]]
    result = read("\n".join(lines))
    assert [a.id for a in result.annotations] == ["aaa111", "ccc333"]
    assert result.blocks == 3
    (problem,) = result.problems
    assert problem.severity is Severity.ERROR
    assert lines[problem.location.line - 1] == ">```annotation-json"


def test_page_notes_are_recognised():
    (annotation,) = read(note(block("pn1", "", comment="What is this about?", page_note=True))).annotations
    assert annotation.kind == "page_note"
    assert annotation.highlight == ""
    assert annotation.comment == "What is this about?"


def test_replies_are_recognised():
    text = note(block("r1", "", comment="I agree", page_note=True, extra_json={"references": ["parent1"]}))
    (annotation,) = read(text).annotations
    assert annotation.kind == "reply" and annotation.references == ("parent1",)


def test_identity_falls_back_to_the_link_then_to_a_content_hash_with_a_warning():
    text = note(block("abc123", "words"))
    (from_link,) = read(text.replace("\n^abc123\n", "\n")).annotations
    assert from_link.id == "abc123"
    without_any = text.replace("\n^abc123\n", "\n").replace("[[#^abc123|show annotation]]", "")
    result = read(without_any)
    (hashed,) = result.annotations
    assert hashed.id.startswith("h") and hashed.id == read(without_any).annotations[0].id
    assert all(p.severity is Severity.WARNING for p in result.problems)


def test_a_comment_line_typed_without_the_quote_marker_stays_in_the_comment():
    text = note(block("abc123", "words", comment="first line"))
    (annotation,) = read(text.replace(">first line\n", ">first line\nan unquoted line\n")).annotations
    assert annotation.comment == "first line\nan unquoted line"


def test_a_comment_that_mentions_the_tags_marker_survives():
    text = note(block("abc123", "words", comment="see %%TAGS%% below", tags=("t",)))
    (annotation,) = read(text.replace(">see %%TAGS%% below", ">see\n>%%TAGS%%\n>below")).annotations
    assert annotation.comment == "see\n%%TAGS%%\nbelow"
    assert annotation.tags == ("t",)


def test_control_characters_and_lone_surrogates_are_cleaned():
    text = note(block("abc123", "a\x00b\x0fc", prefix="\ud835x"))
    (annotation,) = read(text).annotations
    assert annotation.highlight == "abc"
    assert annotation.quote.prefix == "\ufffdx"
    annotation.quote.prefix.encode("utf-8")  # storable


def test_invalid_utf8_is_replaced_and_reported_with_its_line():
    data = note(block("abc123", "words")).encode() + b"\nbad \xff byte\n"
    text, problems = decode(data, "notes/paper.md")
    assert "\ufffd" in text
    (problem,) = problems
    assert problem.location.line == data.count(b"\n", 0, data.index(b"\xff")) + 1


def test_target_is_read_from_frontmatter_or_a_dataview_field_in_any_form():
    body = block("abc123", "words")
    forms = {
        "---\nannotation-target: papers/a.pdf\n---\n": "papers/a.pdf",
        '---\nannotation-target: "[[papers/a.pdf]]"\n---\n': "papers/a.pdf",
        '\n---\n"annotation-target:": "[[a.pdf|alias]]"\n---\n': "a.pdf",
        "annotation-target:: ![[a.pdf]]\n": "a.pdf",
        "annotation-target::http://example.org/a.pdf\n": "http://example.org/a.pdf",
        "no target here\n": "",
    }
    for head, expected in forms.items():
        assert read(head + body).source.target == expected, head


def test_corpus_blocks_are_all_read(corpus):
    blocks = highlights = page_notes = 0
    ids: set[str] = set()
    for path in sorted(corpus.glob("*.md")):
        if path.name == "SOURCES.md":
            continue
        text, _ = decode(path.read_bytes(), path.name)
        result = read_text(text, path.name)
        assert not [p for p in result.problems if p.severity is Severity.ERROR], path.name
        blocks += result.blocks
        for annotation in result.annotations:
            if annotation.kind == "highlight":
                highlights += 1
                ids.add(annotation.id)
                assert annotation.highlight.strip()
            elif annotation.kind == "page_note":
                page_notes += 1
    assert (blocks, page_notes, len(ids)) == (717, 30, 686)
    assert highlights == 687  # one id appears twice (a broken copy and its fix)
