"""A progress bar for builds that take a while: on a terminal only, and only after a second."""

from __future__ import annotations

import shutil
import time


class ProgressBar:
    """Call it with (what, done, total); it draws on `stream` once `delay` seconds have passed."""

    def __init__(self, stream, delay: float = 1.0):
        self.stream, self.delay = stream, delay
        self.started = time.monotonic()
        self.drawn = False

    def __call__(self, what: str, done: int, total: int) -> None:
        if time.monotonic() - self.started < self.delay:
            return
        width = max(10, min(40, shutil.get_terminal_size((80, 20)).columns - 40))
        filled = int(width * done / total) if total else width
        self.stream.write(f"\r{what:<8} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
