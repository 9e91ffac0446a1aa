"""`build`: the whole pipeline, read → plan → package, as one library call.

Every annotation block found is accounted for: it becomes a card, or a skip with a reason.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path

from .models import Card, Location, Problem, Severity
from .planner import PlanSettings
from .report import Accounts, BuildReport
from .sources import discover

DEFAULT_DECK = "annodeck"


def build(paths: Sequence[str | os.PathLike], output: str | os.PathLike, *, deck: str = DEFAULT_DECK,
          settings: PlanSettings = PlanSettings(), dry_run: bool = False,
          vault: str | os.PathLike | None = None, progress=lambda what, done, total: None) -> BuildReport:
    """Read the notes under `paths`, plan their cards and write them to `output` as `deck`.
    `vault` names the Obsidian vault's folder for links back to the notes (default: the nearest
    folder above each note that holds `.obsidian/`). `progress(what, done, total)` is told how
    the work goes.

    When `output` holds an earlier package, notes keep their identity and unchanged notes their
    `mod`; annotations that disappeared are carried once more, tagged `annodeck::removed`.
    """
    from .fileplan import PlanCache
    from .notes import check_output_path
    from .resync import NeedsFields, Resync

    output = Path(output)
    check_output_path(output)
    report = BuildReport(output=output, deck=deck, dry_run=dry_run)
    now = int(time.time())
    cache_path = output.with_name(f".{output.name}.cache")
    cache = PlanCache.load(cache_path, _cache_key(settings))
    previous = cache.previous_notes(output)
    if previous is None:
        previous = _read_previous(output, report)
    report.rebuilt = bool(previous)

    saved_at: dict[str, int] = {}  # when each note file was last saved, filled in as they are planned

    def changed_at(card: Card) -> int:
        # when the note's file was last saved: the latest its content can have changed
        return min(saved_at.get(card.location.file, now), now)

    # Each file's cards are re-synced as soon as its plan arrives, beside the planning. A first
    # build writes every note: they go into the package then too, rather than all at the end.
    sync = Resync(previous, changed_at)
    writer = _FirstPackage(output, deck, now) if not previous and not dry_run else None

    def on_file(item, plan) -> None:
        notes = sync.add([c for c in plan.planned if isinstance(c, Card)], plan.identity_of())
        if writer is not None:
            writer.add(notes)

    try:
        _plan_all(paths, report, settings, vault, cache, progress, on_file=on_file, saved_at=saved_at)
        removed_at = min(max(saved_at.values(), default=now), now)
        try:
            notes, report.changes = sync.finish(report.cards, removed_at)
        except NeedsFields:  # a removed note is carried once more: its fields are in the package
            notes, report.changes = sync.finish(report.cards, removed_at, _read_previous(output, report))
        if notes and not dry_run:
            progress("writing", 0, 1)
            if writer is not None:
                writer.commit(notes)
            else:
                from .packager import write_package

                unchanged = frozenset(c.guid for c in report.changes if c.status == "unchanged")
                write_package(notes, output, deck, now, unchanged=unchanged)
            report.written = True
            cache.save(output, notes)
    finally:
        if writer is not None and not report.written:
            writer.abort()
    return report


class _FirstPackage:
    """The notes of a first build, written to the package as each file's plan arrives.

    Its file is opened at once (a folder that cannot be written fails the build before any
    planning); genanki is loaded with the first plan, once the other core is planning."""

    def __init__(self, output: Path, deck: str, now: int):
        from .atomic import ScratchPackage

        self._package = ScratchPackage(output)
        self._output, self._deck, self._now = output, deck, now
        self._writer = None

    def add(self, notes) -> None:
        writer = self._started()
        for note in notes:
            writer.add(note)

    def commit(self, notes) -> None:
        self._started().commit(notes)

    def abort(self) -> None:
        self._package.abort()

    def _started(self):
        if self._writer is None:
            from .writer import PackageWriter

            self._writer = PackageWriter(self._output, self._deck, self._now, self._package)
        return self._writer


def _read_previous(output: Path, report: BuildReport) -> dict:
    from .previous import PreviousPackageError, read_previous

    try:
        return read_previous(output)
    except PreviousPackageError as error:
        report.problems.append(Problem(location=Location(file=str(output)), severity=Severity.WARNING,
                                       what=f"{error}; every note is written as changed"))
        return {}


def check(paths: Sequence[str | os.PathLike], *, settings: PlanSettings = PlanSettings(),
          vault: str | os.PathLike | None = None) -> BuildReport:
    """Read and plan everything under `paths` without writing: the problems a build would meet."""
    report = BuildReport(output=Path(), deck="", dry_run=True)
    _plan_all(paths, report, settings, vault)
    return report


def _plan_all(paths, report: BuildReport, settings: PlanSettings, vault, cache=None,
              progress=lambda *a: None, on_file=None, saved_at: dict[str, int] | None = None) -> None:
    """Read and plan into `report`, and each note file's save time into `saved_at` (by display
    path).

    Files whose content, place and settings match the plan cache are not read again; the rest
    are planned on both cores when there is enough of them to pay for it. `on_file(item, plan)`
    is given each file's plan as soon as it and every file before it are planned (and its save
    time is in `saved_at`)."""
    from .fileplan import plan_files

    vault = Path(vault).expanduser() if vault else None
    items = discover(paths, report.problems)
    plans: list = [None] * len(items)
    keys: list = [None] * len(items)
    todo = []
    for i, item in enumerate(items):
        if cache is not None:
            keys[i] = _origin_key(item, vault)
            plans[i] = cache.get(item, keys[i])
        if plans[i] is None:
            todo.append(i)
    size = sum(_size(items[i].path) for i in todo)
    workers = min(2, os.cpu_count() or 1) if size > PARALLEL_ABOVE_BYTES else 1
    planned_now = plan_files([items[i] for i in todo], vault, settings, workers, for_cache=cache is not None)
    saved_at = {} if saved_at is None else saved_at
    accounts = Accounts(report)
    handed = 0  # files handed on so far: in order, however the plans arrive

    def hand_on_ready() -> None:
        nonlocal handed
        while handed < len(items) and plans[handed] is not None:
            item, plan = items[handed], plans[handed]
            saved = _saved_at(item) if plan.note else None
            if saved is not None:
                saved_at[item.display] = saved
            accounts.add(plan)
            if on_file is not None:
                on_file(item, plan)
            handed += 1

    for done, (i, plan) in enumerate(zip(todo, planned_now), 1):
        plans[i] = plan
        progress("planning", done, len(todo))
        if cache is not None:
            cache.put(items[i], keys[i], plan)
        hand_on_ready()
    hand_on_ready()  # the files the cache held, after the last one planned now
    accounts.close()


def _saved_at(item) -> int | None:
    """When a note file was last saved (whole seconds), or None when it cannot be told."""
    try:
        return int(item.path.stat().st_mtime)
    except OSError:
        return None


#: below this much text to plan, a second process costs more than it saves
PARALLEL_ABOVE_BYTES = 2 * 1024 * 1024


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _origin_key(item, vault: Path | None) -> str:
    from .sources import vault_root

    real = item.resolved()
    return f"{vault}|{real}|{vault_root(real.parent)}"


def _cache_key(settings: PlanSettings) -> str:
    """What a cached plan depends on besides its file: annodeck's own code and data, and the
    deck's settings. Any change to either plans every file afresh."""
    import hashlib

    package = Path(__file__).resolve().parent
    digest = hashlib.blake2b(repr(settings).encode(), digest_size=16)
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".txt", ".html", ".css") and path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    from .notetypes import templates_digest

    digest.update(templates_digest().encode())
    return digest.hexdigest()
