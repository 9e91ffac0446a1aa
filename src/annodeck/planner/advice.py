"""Cloze hints for `annodeck check`: cards that work, but would study better with the reader's
help (a mark on the key term, or a question)."""

from __future__ import annotations

import html
import re

#: a deletion longer than this is a passage to recite, not a fact to recall
LONG_DELETION = 120

_DELETION = re.compile(r"\{\{c\d+::(.*?)(?:::[^{}]*)?\}\}", re.DOTALL)


def cloze_advice(text: str) -> list[str]:
    """At most one hint for a card: the one most worth acting on."""
    hints = []
    deletions = [html.unescape(d) for d in _DELETION.findall(text)]
    outside = _DELETION.sub("", re.sub(r'<span class="context">.*?</span>', "", text)).strip()
    if len(deletions) == 1 and not outside:
        return ["cloze hint: nothing in the highlight stood out to hide, so all of it is hidden; "
                "mark the key term with ==…== or ask a question with Q:"]
    for deletion in deletions:
        if len(deletion) > LONG_DELETION:
            hints.append(f"cloze hint: a deletion of {len(deletion)} characters is hard to recall; "
                         "mark the key term with ==…==")
            break
    return hints
