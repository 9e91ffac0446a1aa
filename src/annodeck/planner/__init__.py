"""The planner: pure functions from an `Annotation` (and the deck's settings) to a `Card`.

It decides which kind of card, what a cloze hides, what each field holds and which tags the
card carries. It does no I/O and knows nothing of files or of genanki. `planner.py` holds the
order of the decisions; the rules live in modules of their own (`hide/` for what a cloze hides,
`repair.py`, `questions.py`, `meaning.py`, `facts.py`, `source.py`, `tags.py`).
"""

from __future__ import annotations

from .planner import PlanSettings, Planner

__all__ = ["PlanSettings", "Planner"]
