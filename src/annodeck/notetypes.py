"""annodeck's two Anki note types, defined once and never restructured.

Anki matches note types by id and their fields and templates by id (Anki ≥ 23.10). Changing
any id below, or adding, removing or reordering fields, makes every user's next import create a
copy of the note type and refuse to update their notes. Templates and CSS may change freely:
then bump TEMPLATES_CHANGED_AT and TEMPLATES_DIGEST (a test checks the digest), so that Anki
sees the note type as newer and updates it in place.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

#: the namespace of every note GUID: genanki.guid_for(GUID_NAMESPACE, id[, "qa"]). Never change.
GUID_NAMESPACE = "annodeck"

#: when templates/ last changed, in epoch seconds (never in the future)
TEMPLATES_CHANGED_AT = 1795995952
#: sha256 of the files in templates/ when TEMPLATES_CHANGED_AT was set
TEMPLATES_DIGEST = "0eff11ba128d16dfad5c3faac4c8ce5dee0eb51f1b9b010f3a2d056f007f6dff"

TEMPLATE_FILES = ("cloze-front.html", "cloze-back.html", "qa-front.html", "qa-back.html", "style.css")


@dataclass(frozen=True)
class NoteType:
    kind: str
    model_id: int
    name: str
    fields: tuple[tuple[str, int], ...]  # (name, permanent field id)
    template_id: int
    template_name: str
    front: str
    back: str

    @cached_property
    def field_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.fields)


CLOZE_FIELDS = (
    ("Text", 254163422120051),
    ("Comment", 220531034627507),
    ("Extra", 1000448014012162),
    ("Source", 986083698854240),
    ("Link", 787764734859796),
    ("Id", 547075373946086),
)
QA_FIELDS = (
    ("Front", 379056602850290),
    ("Back", 663884729282570),
    ("Quote", 507230733420518),
    ("Comment", 972724131590235),
    ("Extra", 500500598676049),
    ("Source", 268760719049930),
    ("Link", 520685724994419),
    ("Id", 897610206589331),
)


@lru_cache(maxsize=1)
def note_types() -> dict[str, NoteType]:
    t = templates()
    return {
        "cloze": NoteType("cloze", 1721324764, "annodeck cloze", CLOZE_FIELDS, 731264459907051,
                          "Cloze", t["cloze-front.html"], t["cloze-back.html"]),
        "qa": NoteType("qa", 1194786568, "annodeck Q/A", QA_FIELDS, 651004171501220,
                       "Card 1", t["qa-front.html"], t["qa-back.html"]),
    }


@lru_cache(maxsize=1)
def templates() -> dict[str, str]:
    folder = templates_folder()
    return {name: (folder / name).read_text(encoding="utf-8") for name in TEMPLATE_FILES}


def templates_folder():
    """The templates shipped inside the package; in a source checkout, the repository's own."""
    shipped = resources.files("annodeck").joinpath("templates")
    if shipped.is_dir():
        return shipped
    checkout = Path(__file__).resolve().parents[2] / "templates"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("annodeck's card templates are missing from this installation; reinstall annodeck")


def templates_digest() -> str:
    digest = hashlib.sha256()
    for name, text in sorted(templates().items()):
        digest.update(name.encode() + b"\0" + text.encode("utf-8") + b"\0")
    return digest.hexdigest()
