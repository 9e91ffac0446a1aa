from __future__ import annotations

import genanki
import pytest

from annodeck.notetypes import (
    CLOZE_FIELDS,
    QA_FIELDS,
    TEMPLATES_DIGEST,
    note_types,
    templates_digest,
)
from annodeck.notes import BASE91, PackagedNote, PackageError, check_output_path, note_guid
from annodeck.packager import write_package


def note(annotation_id: str, text: str = "a {{c1::b}} c", mod: int = 1_750_000_000) -> PackagedNote:
    fields = tuple({"Text": text, "Id": annotation_id}.get(name, "") for name in note_types()["cloze"].field_names)
    return PackagedNote(guid=note_guid(annotation_id, "cloze"), kind="cloze", fields=fields, tags=("t",), mod=mod)


def test_guids_are_the_permanent_contract():
    assert note_guid("abc123", "cloze") == genanki.guid_for("annodeck", "abc123")
    assert note_guid("abc123", "qa") == genanki.guid_for("annodeck", "abc123", "qa")
    assert note_guid("abc123", "cloze") != note_guid("abc123", "qa")


def test_note_type_schema_is_frozen():
    # Changing any of these breaks every user's updates (anki-import.md §0.3): never edit this test
    # to make a change pass; plan a migration instead.
    types = note_types()
    assert (types["cloze"].model_id, types["qa"].model_id) == (1721324764, 1194786568)
    assert [name for name, _ in CLOZE_FIELDS] == ["Text", "Comment", "Extra", "Source", "Link", "Id"]
    assert [name for name, _ in QA_FIELDS] == ["Front", "Back", "Quote", "Comment", "Extra", "Source", "Link", "Id"]
    assert CLOZE_FIELDS[0][1] == 254163422120051 and QA_FIELDS[0][1] == 379056602850290
    assert (types["cloze"].template_id, types["qa"].template_id) == (731264459907051, 651004171501220)


def test_template_changes_come_with_a_new_note_type_mod():
    assert templates_digest() == TEMPLATES_DIGEST, (
        "templates/ changed: set TEMPLATES_CHANGED_AT to now and TEMPLATES_DIGEST to the new digest, "
        "so that Anki updates the note type in place")


@pytest.mark.parametrize("name", ["collection.apkg", "Collection.APKG", "backup-2024.apkg", "deck.zip"])
def test_dangerous_or_wrong_output_names_are_refused(tmp_path, name):
    with pytest.raises(PackageError):
        check_output_path(tmp_path / name)


def test_output_in_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(PackageError, match="does not exist"):
        check_output_path(tmp_path / "nope" / "deck.apkg")


def test_a_failed_write_leaves_the_previous_package_untouched(tmp_path, monkeypatch):
    out = tmp_path / "deck.apkg"
    write_package([note("a1")], out, "Deck")
    good = out.read_bytes()

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(genanki.Package, "write_to_db", fail)
    with pytest.raises(RuntimeError):
        write_package([note("a1"), note("a2")], out, "Deck")
    assert out.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.apkg"]  # no partial file left


def test_two_notes_with_one_guid_are_refused(tmp_path):
    with pytest.raises(PackageError, match="a1"):
        write_package([note("a1"), note("a1")], tmp_path / "deck.apkg", "Deck")


def test_a_cloze_note_without_a_deletion_is_never_written(tmp_path):
    with pytest.raises(ValueError, match="no cloze"):
        write_package([note("a1", text="no deletion here")], tmp_path / "deck.apkg", "Deck")
    assert not (tmp_path / "deck.apkg").exists()


def test_notes_keep_the_mod_they_are_given(tmp_path, anki):
    from conftest import import_package

    out = tmp_path / "deck.apkg"
    guid = note_guid("a1", "cloze")
    write_package([note("a1", mod=1_700_000_000), note("a2")], out, "Deck", now=1_760_000_000)
    col = anki()
    import_package(col, out)
    mods = {col.get_note(n).guid: col.get_note(n).mod for n in col.find_notes("")}
    assert mods == {guid: 1_700_000_000, note_guid("a2", "cloze"): 1_750_000_000}


def test_our_fast_guid_is_genankis_guid_for():
    assert BASE91 == "".join(genanki.util.BASE91_TABLE)

    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=500, deadline=None)
    @given(st.text(), st.sampled_from(["cloze", "qa"]))
    def agree(annotation_id, kind):
        expected = (genanki.guid_for("annodeck", annotation_id, "qa") if kind == "qa"
                    else genanki.guid_for("annodeck", annotation_id))
        assert note_guid(annotation_id, kind) == expected

    agree()


def test_base91_numerals_are_genankis_at_every_length():
    from annodeck.notes import _base91

    def plain(number):  # genanki.guid_for's loop
        digits = []
        while number:
            number, digit = divmod(number, 91)
            digits.append(BASE91[digit])
        return "".join(reversed(digits))

    edges = [0, 1, 90, 91, 92, 8280, 8281, 8282, 2**64 - 1] + [91**k + d for k in range(2, 10) for d in (-1, 0, 1)]
    assert [_base91(n) for n in edges + list(range(20000))] == [plain(n) for n in edges + list(range(20000))]
