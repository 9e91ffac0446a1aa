"""`annodeck watch`: rebuild when the notes change. It polls stat snapshots rather than using an
OS file-watching API: a dependency-free way that works the same on every system and in synced
folders, and costs one directory walk per interval."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from .sources import discover

Snapshot = dict[str, tuple[int, int]]


def snapshot(paths: Iterable[str]) -> Snapshot:
    """Each note's modification time and size, by path; a note added or removed changes it too."""
    state: Snapshot = {}
    try:
        items = discover(paths)
    except Exception:  # a source that vanished for a moment: report no notes, look again later
        return state
    for item in items:
        try:
            stat = item.path.stat()
        except OSError:
            continue
        state[str(item.path)] = (stat.st_mtime_ns, stat.st_size)
    return state


def watch(paths: list[str], rebuild: Callable[[], None], interval: float = 1.0, settle: float = 0.5,
          rounds: int | None = None) -> None:
    """Build, then rebuild each time the notes change and stay unchanged for `settle` seconds
    (an editor saving a file twice is one change). `rounds` limits the rebuilds (for tests)."""
    rebuild()
    last = snapshot(paths)
    done = 0
    while rounds is None or done < rounds:
        time.sleep(interval)
        now = snapshot(paths)
        if now == last:
            continue
        while True:  # wait for the writing to settle
            time.sleep(settle)
            settled = snapshot(paths)
            if settled == now:
                break
            now = settled
        last = now
        rebuild()
        done += 1
