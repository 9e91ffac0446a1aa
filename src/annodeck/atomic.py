"""A package file that is replaced only when the new one is complete.

The new package is built beside the old one (its database in a scratch folder, the zip in a
hidden partial file) and renamed over it at the end. A build that fails or is killed leaves the
old package as it was; the next build tidies away a partial file a killed one left behind.
genanki's own writer leaves its database in /tmp and writes the package in place.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import zipfile
from glob import escape as glob_escape
from pathlib import Path

from .errors import UserError


class ScratchPackage:
    """A package being built for `out`: fill its database through `cursor`, then `commit()` (or
    `abort()`). `seed` is a database to start from."""

    def __init__(self, out: Path, seed: bytes | None = None):
        self.out = out
        try:
            handle, self._partial = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
        except OSError as error:
            raise UserError(f"{out}: cannot write in {out.parent} ({error.strerror or error})") from None
        os.close(handle)
        self._scratch: tempfile.TemporaryDirectory | None = None
        self._conn: sqlite3.Connection | None = None
        try:
            self._scratch = tempfile.TemporaryDirectory(prefix="annodeck-")
            self._db_path = os.path.join(self._scratch.name, "collection.anki2")
            if seed is not None:
                with open(self._db_path, "wb") as db:
                    db.write(seed)
            self._conn = sqlite3.connect(self._db_path)
            # A scratch database, safe once zipped and renamed: it needs no journal, and no wait
            # for the disk at every statement (genanki's schema script alone is a dozen commits)
            self._conn.execute("PRAGMA journal_mode = OFF")
            self._conn.execute("PRAGMA synchronous = OFF")
            self.cursor = self._conn.cursor()
        except BaseException:
            self.abort()
            raise

    def commit(self) -> None:
        """Zip the database and rename the package over `out`."""
        try:
            self._conn.commit()
            self._conn.close()
            self._conn = None
            with zipfile.ZipFile(self._partial, "w") as archive:
                # as ZipFile.write stores it, in 1 MB pieces rather than its 8 KB (a loop in
                # Python: 30 ms for the 15 MB of a 20,000-note deck, now a third of that)
                info = zipfile.ZipInfo.from_file(self._db_path, "collection.anki2")
                with open(self._db_path, "rb") as database, archive.open(info, "w") as stored:
                    shutil.copyfileobj(database, stored, 1 << 20)
                archive.writestr("media", "{}")
            with open(self._partial, "rb") as written:
                os.fsync(written.fileno())
            os.chmod(self._partial, 0o666 & ~_umask())  # mkstemp makes it private; a deck is an ordinary file
            os.replace(self._partial, self.out)
        except BaseException:
            self.abort()
            raise
        self._tidy()
        _remove_stale_partials(self.out)

    def abort(self) -> None:
        """Drop everything written so far; `out` stays as it was."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        try:
            os.unlink(self._partial)
        except FileNotFoundError:
            pass
        self._tidy()

    def _tidy(self) -> None:
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None


def write_atomically(out: Path, fill, seed: bytes | None = None) -> None:
    """Build the package for `out` (`fill` writes its database through a cursor) and rename it
    over the old one only when it is complete."""
    package = ScratchPackage(out, seed)
    try:
        fill(package.cursor)
    except BaseException:
        package.abort()
        raise
    package.commit()


def _remove_stale_partials(out: Path) -> None:
    """A build that was killed while writing leaves its partial file; the next one tidies up."""
    for stale in out.parent.glob(f".{glob_escape(out.name)}.*.tmp"):
        try:
            stale.unlink()
        except OSError:
            pass


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
