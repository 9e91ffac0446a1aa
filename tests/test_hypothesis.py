"""The second reader: Hypothes.is exports and search results give the same cards as the same
annotations written by Annotator, keyed by the Hypothes.is id."""

from __future__ import annotations

import json
import re

import genanki
from conftest import import_package

import annodeck


def seed_as_hypothesis(seed_text: str) -> list[dict]:
    """The seed's six annotations as the Hypothes.is API returns them (ids of its own kind)."""
    payloads = re.findall(r"^>```annotation-json\n>(.*)$", seed_text, re.MULTILINE)
    ids = re.findall(r"^\^(\w+)$", seed_text, re.MULTILINE)
    tag_lines = re.findall(r"^>%%TAGS%%\n>(.*)$", seed_text, re.MULTILINE)
    rows = []
    for payload, block_id, tags in zip(payloads, ids, tag_lines):
        data = json.loads(payload)
        h_id = f"Hyp{block_id}Xq1w2e3r4t5y"[:22]
        rows.append({
            "id": h_id, "created": data["created"], "updated": data["updated"],
            "user": "acct:reader@hypothes.is", "uri": data["uri"], "text": data.get("text", ""),
            "tags": [t.strip().lstrip("#") for t in tags.split(",") if t.strip()],
            "group": "__world__", "permissions": {"read": ["group:__world__"]},
            "target": data["target"], "document": {"title": [data["document"]["title"]]},
            "links": {"html": f"https://hypothes.is/a/{h_id}", "incontext": f"https://hyp.is/{h_id}/example.org/paper.pdf"},
            "hidden": False, "flagged": False,
        })
    return rows


def cards(col) -> list[tuple]:
    notes = [col.get_note(n) for n in col.find_notes("")]
    notes.sort(key=lambda n: n.cards()[0].due)
    return [(n["Text"], n["Extra"], tuple(sorted(n.tags)), n.guid) for n in notes]


def test_an_export_and_a_search_result_give_the_seeds_cards(seed, tmp_path, anki):
    rows = seed_as_hypothesis(seed.read_text(encoding="utf-8"))
    assert len(rows) == 6
    export = {"export_date": "2024-05-01T00:00:00Z", "export_userid": "acct:reader@hypothes.is",
              "client_version": "1.1500.0", "annotations": rows}
    search = {"total": 6, "rows": rows}
    (tmp_path / "export.json").write_text(json.dumps(export))
    (tmp_path / "search result.txt").write_text(json.dumps(search, indent=2))  # any name: read by content

    annodeck.build([seed], tmp_path / "annotator.apkg")
    built = {}
    for name in ("export.json", "search result.txt"):
        report = annodeck.build([tmp_path / name], tmp_path / f"{name}.apkg")
        assert len(report.cards) == 6 and report.blocks == 6 and not report.problems
        col = anki()
        import_package(col, tmp_path / f"{name}.apkg")
        built[name] = cards(col)
    col = anki()
    import_package(col, tmp_path / "annotator.apkg")
    reference = cards(col)

    for name, got in built.items():
        assert [c[:3] for c in got] == [c[:3] for c in reference], name  # deletions, back, tags
        assert [c[3] for c in got] == [genanki.guid_for("annodeck", r["id"]) for r in rows]
    tags = set().union(*(c[2] for c in reference))
    assert {"trial::IKEMA", "trial::ICARIA-MM", "trial::CANDOR"} <= tags


def test_page_notes_replies_and_the_link_back(tmp_path, anki):
    base = {"uri": "https://example.org/paper.pdf", "document": {"title": ["A paper about CASTOR"]},
            "links": {"incontext": "https://hyp.is/abc/example.org/paper.pdf"}}
    rows = [
        {**base, "id": "page1", "text": "Why did CASTOR stop early?", "target": [{"source": base["uri"]}]},
        {**base, "id": "page2", "text": "just a thought", "target": [{"source": base["uri"]}]},
        {**base, "id": "reply1", "text": "agreed", "references": ["page1"], "target": [{"source": base["uri"]}]},
        {**base, "id": "hl1", "text": "", "tags": ["reading/myeloma", "to review"],
         "target": [{"source": base["uri"], "selector": [
             {"type": "TextQuoteSelector", "exact": "daratumumab improved PFS", "prefix": "", "suffix": ""}]}]},
    ]
    (tmp_path / "h.json").write_text(json.dumps({"total": 4, "rows": rows}))
    report = annodeck.build([tmp_path], tmp_path / "d.apkg")
    assert sorted(c.annotation_id for c in report.cards) == ["hl1", "page1"]
    skips = {s.annotation_id: s.reason for s in report.skips}
    assert "^page1" in skips["reply1"] and "page note" in skips["page2"]
    (hl,) = [c for c in report.cards if c.annotation_id == "hl1"]
    assert {"reading::myeloma", "to_review", "trial::CASTOR"} <= set(hl.tags)
    assert len([t for t in hl.tags if t.startswith("paper::")]) == 1
    assert 'href="https://hyp.is/abc/example.org/paper.pdf"' in hl.fields["Link"]


def test_a_malformed_file_is_reported_with_its_line_and_the_rest_builds(tmp_path):
    good = {"total": 1, "rows": [{"id": "ok1", "text": "", "target": [{"source": "u", "selector": [
        {"type": "TextQuoteSelector", "exact": "CASTOR worked"}]}], "document": {"title": ["T"]}}]}
    (tmp_path / "good.json").write_text(json.dumps(good))
    (tmp_path / "broken.json").write_text('{\n  "rows": [\n    {"id": "x",\n  ]\n}\n')
    (tmp_path / "other.json").write_text('{"settings": {"theme": "dark"}}')  # not annotations: quiet
    (tmp_path / "noid.json").write_text(json.dumps({"rows": [{"text": "no id here"}]}))
    report = annodeck.build([tmp_path], tmp_path / "d.apkg")
    assert [c.annotation_id for c in report.cards] == ["ok1"]
    messages = [str(p) for p in report.problems] + [str(s) for s in report.skips]
    assert any(m.startswith(str(tmp_path / "broken.json") + ":4:") and "not valid JSON" in m for m in messages)
    assert any("noid.json" in m and "no id" in m for m in messages)
    assert not any("other.json" in m for m in messages)
    assert len(report.cards) + len(report.skips) == report.blocks
