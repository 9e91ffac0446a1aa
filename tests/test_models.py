"""The typed values: cards a build keeps hold as little as they can and behave as pydantic's."""

from __future__ import annotations

from annotator_notes import block, note

from annodeck.planner import PlanSettings
from annodeck.fileplan import _from_plain, _to_plain, plan_file
from annodeck.models import Card, Location
from annodeck.sources import Found


def card_data(**changes) -> dict:
    data = {"annotation_id": "a1", "kind": "cloze", "form": "chosen", "fields": {"Text": "{{c1::x}}"}, "tags": ("t",),
            "source_key": "k", "location": {"file": "n.md", "line": 3}, "warnings": ()}
    data.update(changes)
    return data


def test_cards_given_every_field_share_one_set_of_field_names_and_still_say_what_was_given():
    one, two = Card.made(card_data()), Card.made(card_data(annotation_id="a2"))
    assert one.model_fields_set is two.model_fields_set
    assert one.location.model_fields_set is two.location.model_fields_set
    assert one.model_fields_set == set(Card.model_fields)
    assert one.location.model_fields_set == {"file", "line"}
    # a card given fewer fields keeps a set that says so
    fewer = {k: v for k, v in card_data().items() if k != "warnings"}
    fewer["location"] = {"file": "n.md"}
    alone = Card.made(fewer)
    assert alone.model_fields_set == set(Card.model_fields) - {"warnings"}
    assert alone.location.model_fields_set == {"file"}
    assert alone.model_dump(exclude_unset=True)["location"] == {"file": "n.md"}


def test_a_copy_of_a_card_never_changes_the_names_the_others_share():
    one, two = Card.made(card_data()), Card.made(card_data(annotation_id="a2"))
    before = set(one.model_fields_set)
    copied = one.model_copy(update={"annotation_id": "a3"})
    assert copied.annotation_id == "a3" and copied.model_fields_set == before
    assert one.model_fields_set == before and two.model_fields_set == before
    assert Card.made(card_data()) == one and one != two


def test_cards_planned_and_read_back_from_the_cache_share_their_field_names(tmp_path):
    path = tmp_path / "n.md"
    path.write_text(note(*(block(f"b{i}", f"daratumumab, HR: 0.{i + 1}", comment="c") for i in range(3))))
    item = Found(path=path, display="n.md", explicit=True)
    planned = plan_file(item, None, PlanSettings())
    again = _from_plain(_to_plain(planned))
    cards = [c for c in planned.planned + again.planned if isinstance(c, Card)]
    assert len(cards) == 6
    assert len({id(c.model_fields_set) for c in cards}) == 1
    assert len({id(c.location.model_fields_set) for c in cards}) == 1
    assert [c.model_dump() for c in again.planned] == [c.model_dump() for c in planned.planned]
    assert all(isinstance(c.location, Location) for c in cards)
