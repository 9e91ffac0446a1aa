"""The floor: N notes written by bare genanki, with fields shaped like annodeck's (a clozed
highlight, a comment, the source) and as many cards (a third of the synthetic vault's notes
hide two terms, the rest one), in a fresh Python process as a build runs in.

    python benchmarks/floor.py 20000 floor.apkg
"""

import sys

import genanki

count, out = int(sys.argv[1]), sys.argv[2]
model = genanki.Model(
    1607392320, "floor cloze", model_type=genanki.Model.CLOZE,
    fields=[{"name": name} for name in ("Text", "Comment", "Extra", "Source", "Link", "Id")],
    templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}<br>{{Comment}}{{Source}}"}],
)
deck = genanki.Deck(2059400110, "floor")
for i in range(count):
    drug = "{{c2::daratumumab}}" if i % 3 == 0 else "daratumumab"
    text = (f"In the phase 3 CASTOR trial, the addition of {drug} to bortezomib "
            f"improved progression-free survival ({{{{c4::HR: 0.{i % 90 + 10}}}}}) compared with the control arm.")
    deck.add_note(genanki.Note(
        model=model, guid=genanki.guid_for("floor", i), tags=["paper::Author2020-paper", "trial::CASTOR"],
        fields=[text, "<p>Remember: daratumumab is an anti-CD38 antibody.</p>", "",
                '<div class="source-title">Paper: Daratumumab in relapsed myeloma</div>', "", f"b{i}"]))
genanki.Package(deck).write_to_file(out)
