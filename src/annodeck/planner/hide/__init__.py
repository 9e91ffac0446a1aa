"""What a cloze hides when the reader marked nothing: rules propose candidates, `choose` picks
the answers.

A rule is a small function from a `Passage` (the repaired highlight, its language, the reader's
comment, what the front already shows) to `Candidate`s, each a span with its kind and a score.
The clinical rules come first, then those for any text; a deck can run its own list.
"""

from __future__ import annotations

from . import clinical, prose
from .choose import Answer, choose
from .passage import Candidate, Passage, key

#: every rule, clinical first
RULES = (*clinical.RULES, *prose.RULES)

__all__ = ["RULES", "Answer", "Candidate", "Passage", "choose", "key"]
