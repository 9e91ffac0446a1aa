"""One file's worth of work: read it and plan its annotations. The unit that runs on another
core, and that the plan cache keeps, keyed by the file's content hash."""

from __future__ import annotations

import gc
import hashlib
import io
import os
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .models import Card, Location, Problem, Severity, Skip
from .notes import PackagedNote
from .notetypes import note_types
from .planner import PlanSettings, Planner
from .previous import PreviousNote, content_digest
from .resync import identity
from .sources import MAX_FILE_BYTES, Found, read_bytes, read_found


@dataclass
class FilePlan:
    #: whether the file held annotation blocks (a note, rather than a file passed over)
    note: bool = False
    blocks: int = 0
    #: the planned annotations, in block order
    planned: list[Card | Skip] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: each card's `resync.identity` (note GUID, content digest, ordered fields), by its place in `planned`
    identities: dict[int, tuple[str, str, tuple[str, ...]]] = field(default_factory=dict)
    #: the file's content hash and this plan as the cache stores it, made where it was planned
    digest: str | None = None
    stored: bytes = b""

    def identity_of(self) -> dict[int, tuple[str, str, tuple[str, ...]]]:
        """The identities keyed by id(card), as `resync` takes them."""
        return {id(self.planned[i]): ident for i, ident in self.identities.items()}


_planners: dict[PlanSettings, Planner] = {}


def plan_file(item: Found, vault: Path | None, settings: PlanSettings, for_cache: bool = False) -> FilePlan:
    planner = _planners.get(settings) or _planners.setdefault(settings, Planner(settings))
    data, problems = read_bytes(item)
    result = None
    if data is not None:
        result, problems = read_found(item, vault, data)
    plan = FilePlan(note=result is not None, problems=problems)
    if result is not None:
        plan.blocks = result.blocks
        plan.planned = [planner.plan(a) for a in result.annotations]
        plan.identities = {i: identity(c) for i, c in enumerate(plan.planned) if isinstance(c, Card)}
    if for_cache and data is not None:
        # keyed by the very bytes that were planned
        plan.digest = _content_hash(data)
        plan.stored = pickle.dumps(_to_plain(plan), protocol=pickle.HIGHEST_PROTOCOL)
    return plan


def plan_files(jobs: list[Found], vault: Path | None, settings: PlanSettings, workers: int,
               for_cache: bool = False):
    """Each file's plan, in order, as it is ready; on `workers` processes when there is enough
    work to pay for them."""
    if workers <= 1 or len(jobs) < 2:
        for item in jobs:
            yield plan_file(item, vault, settings, for_cache)
        return
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_started) as pool:
        # small chunks: the cores finish together, and the first plans arrive early
        chunk = max(1, len(jobs) // (workers * 16))
        for plan in pool.map(_plan_one, [(item, vault, settings, for_cache) for item in jobs], chunksize=chunk):
            yield _unpacked(plan)


def _worker_started() -> None:
    # A worker is a short-lived process of ours that makes many small objects and keeps few:
    # it collects garbage less often, and never looks through what it inherited from the
    # parent (measured: about 6% less work in the workers)
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)


def _plan_one(args) -> FilePlan:
    plan = plan_file(*args)
    # A plan with its cache entry travels as that entry: plain data pickles and unpickles in a
    # fraction of the time the models take, and the models are rebuilt from it in one place.
    return FilePlan(digest=plan.digest, stored=plan.stored) if plan.stored else plan


def _unpacked(plan: FilePlan) -> FilePlan:
    if not plan.stored:
        return plan
    full = _from_plain(_PlainUnpickler(io.BytesIO(plan.stored)).load())
    full.digest, full.stored = plan.digest, plan.stored
    return full


# -- the plan cache ---------------------------------------------------------------------------


def fingerprint(item: Found) -> str | None:
    """The content hash that keys a file's plan; None when the file cannot be hashed (it will be
    read the ordinary way, and its problem reported from there)."""
    try:
        if item.path.stat().st_size > MAX_FILE_BYTES:
            return None
        return _content_hash(item.path.read_bytes())
    except OSError:
        return None


def _content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class PlanCache:
    """Plans of earlier builds, by display path, valid while content, vault and settings match.

    Stored beside the package as plain data (tuples, strings, numbers) through a pickle reader
    that refuses every class, so a tampered cache can break a build, never run code."""

    def __init__(self, path: Path, key: str):
        self.path, self.key = path, key
        self.entries: dict[str, tuple] = {}
        self.used: dict[str, tuple] = {}
        self.package: tuple | None = None

    @classmethod
    def load(cls, path: Path, key: str) -> PlanCache:
        cache = cls(path, key)
        try:
            with open(path, "rb") as f:
                data = _PlainUnpickler(f).load()
            if isinstance(data, dict) and data.get("key") == key:
                cache.entries = data["files"]
                cache.package = data.get("package")
        except Exception:  # a missing, old or damaged cache is only slower
            pass
        return cache

    def get(self, item: Found, origin: str) -> FilePlan | None:
        entry = self.entries.get(item.display)
        if entry is None or entry[1] != origin or entry[0] != fingerprint(item):
            return None  # (a file with no entry is not even hashed here: its planner does that)
        try:
            plan = _from_plain(_PlainUnpickler(io.BytesIO(entry[2])).load())
        except Exception:
            return None
        self.used[item.display] = entry
        return plan

    def put(self, item: Found, origin: str, plan: FilePlan) -> None:
        if plan.digest is not None and plan.stored:
            self.used[item.display] = (plan.digest, origin, plan.stored)

    def previous_notes(self, package: Path) -> dict[str, PreviousNote] | None:
        """The notes of the package at `package` as this cache recorded them when it was written;
        None unless the package is still exactly that file."""
        record = self.package
        if not record or record[0] != _stamp(package):
            return None
        try:
            return _package_notes(record[1])
        except Exception:  # a damaged record: the package itself is read instead
            return None

    def save(self, package: Path | None = None, notes=()) -> None:
        """Write the plans used by this build, and what went into `package` (if it was written)."""
        record = None if package is None else (_stamp(package), _package_record(notes))
        partial = self.path.with_name(self.path.name + ".partial")
        try:
            with open(partial, "wb") as f:
                pickle.dump({"key": self.key, "files": self.used, "package": record}, f,
                            protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(partial, self.path)
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower


# What a package holds, as the cache records it: a few long strings rather than a small tuple
# per note, which took half the time of writing the cache after a 20,000-note build. GUIDs,
# kinds and digests hold no spaces, and a note's tags none either (no package can hold such a
# tag); a separator inside a value would change a column's length, and the record is then
# ignored, never misread.
def _package_record(notes: Sequence[PackagedNote]) -> tuple:
    if not notes:
        return 0, "", "", [], "", ""
    guids, kinds, fields, tags, mods, digests = zip(*notes)
    if not all(digests):
        digests = [d or content_digest(f, t) for d, f, t in zip(digests, fields, tags)]
    return (len(notes), " ".join(guids), " ".join(kinds), list(mods), " ".join(digests),
            "\n".join([" ".join(t) for t in tags]))


def _package_notes(record: tuple) -> dict[str, PreviousNote] | None:
    count, guids, kinds, mods, digests, tags = record
    if not count:
        return {}
    columns = guids.split(" "), kinds.split(" "), mods, digests.split(" "), tags.split("\n")
    if any(len(column) != count for column in columns):
        return None
    return {guid: PreviousNote(guid, kind, None, tuple(tag.split(" ")) if tag else (), mod, digest)
            for guid, kind, mod, digest, tag in zip(*columns)}


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"the plan cache holds plain data only, not {module}.{name}")


def _to_plain(plan: FilePlan) -> tuple:
    planned = []
    for i, p in enumerate(plan.planned):
        if isinstance(p, Card):
            guid, digest, fields = plan.identities.get(i) or identity(p)
            planned.append(("card", p.annotation_id, p.kind, p.form, fields, p.tags, p.source_key,
                            p.location.file, p.location.line, p.warnings, (guid, digest)))
        else:
            planned.append(("skip", p.annotation_id, p.category, p.reason, p.location.file, p.location.line))
    problems = tuple((p.location.file, p.location.line, p.what, p.severity.value) for p in plan.problems)
    return plan.note, plan.blocks, tuple(planned), problems


def _from_plain(data: tuple) -> FilePlan:
    note, blocks, planned, problems = data
    plan = FilePlan(note=note, blocks=blocks)
    card = Card.made  # (one validation per card, its location included)
    names = {kind: nt.field_names for kind, nt in note_types().items()}
    cards, identities = plan.planned, plan.identities
    for entry in planned:
        if entry[0] == "card":
            _, aid, kind, form, fields, tags, source_key, file, line, warnings, (guid, digest) = entry
            identities[len(cards)] = (guid, digest, fields)
            cards.append(card({"annotation_id": aid, "kind": kind, "form": form, "fields": dict(zip(names[kind], fields)),
                               "tags": tags, "source_key": source_key, "location": {"file": file, "line": line},
                               "warnings": warnings}))
        else:
            _, aid, category, reason, file, line = entry
            plan.planned.append(Skip(annotation_id=aid, category=category, reason=reason,
                                     location=Location(file=file, line=line)))
    plan.problems = [Problem(location=Location(file=f, line=l), what=w, severity=Severity(s))
                     for f, l, w, s in problems]
    return plan
