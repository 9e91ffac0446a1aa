"""annodeck: Obsidian Annotator notes → Anki decks that re-sync in place.

The library API is small: `build(paths, output, deck=...)` runs the whole pipeline and returns
a `BuildReport`; `check(paths)` reads and plans without writing. Submodules are imported on first use, so importing annodeck costs nothing.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["build", "check", "BuildReport", "__version__"]


def __getattr__(name: str):
    if name in ("build", "check", "BuildReport"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'annodeck' has no attribute {name!r}")
