"""Screenshots of real cards for the README: the seed note built, imported into a throw-away
Anki collection, rendered by Anki (`card.question()`, `card.answer()`) through annodeck's
templates, and photographed by headless Chromium (Debian's `chromium` package).

    python docs/screenshots.py ../shared/seeds/ikema-subgroup.md
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

import annodeck

HERE = Path(__file__).resolve().parent
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars", "--force-device-scale-factor=1"]
# the seed's annotations shown: the repaired first highlight, and the CANDOR one
SHOWN = {"c3im9uopy9b": 2, "zdr3lvyk94q": 0}


def page(card_html: str, dark: bool) -> str:
    # Anki's reviewer puts the card in a body of class "card" ("card nightMode" in dark mode)
    body_class = "card nightMode" if dark else "card"
    return (f'<!doctype html><html><head><meta charset="utf-8"></head>'
            f'<body class="{body_class}" style="margin:0;padding:16px">{card_html}</body></html>')


def shoot(html_text: str, out: Path, width: int, height: int, scratch: Path) -> None:
    source = scratch / (out.stem + ".html")
    source.write_text(html_text, encoding="utf-8")
    subprocess.run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={scratch / 'profile'}",
                    f"--window-size={width},{height}", f"--screenshot={out}", source.as_uri()],
                   check=True, capture_output=True, timeout=120)


def main(seed: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        package = scratch / "seed.apkg"
        annodeck.build([seed], package)
        col = Collection(str(scratch / "collection.anki2"))
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(package),
                                                         options=ImportAnkiPackageOptions()))
        notes = {col.get_note(n)["Id"]: col.get_note(n) for n in col.find_notes("")}
        first, candor = (notes[i].cards()[SHOWN[i] % len(notes[i].cards())] for i in SHOWN)
        shots = [
            ("card-front.png", first.question(), False, 760, 110),
            ("card-back.png", first.answer(), False, 760, 750),
            ("card-back-dark-phone.png", candor.answer(), True, 390, 640),
        ]
        for name, card_html, dark, width, height in shots:
            shoot(page(card_html, dark), HERE / name, width, height, scratch)
            print(HERE / name)
        col.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(HERE.parents[1] / "shared" / "seeds" / "ikema-subgroup.md"))
