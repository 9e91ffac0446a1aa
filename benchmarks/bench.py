"""annodeck's benchmark: builds of a synthetic vault against what genanki alone costs.

    python benchmarks/bench.py                      # 5k, 20k and 50k annotations, 3 runs each
    python benchmarks/bench.py --sizes 20000 --runs 5

Every figure is the median of several runs of a whole command (a fresh Python process, as a
user runs it), and each run of a build is interleaved with a run of its floor, so that the
ratios compare measurements taken side by side on a shared, noisy machine:

- cold build: a new deck from the vault, with no previous package and no cache;
- floor: the same number of notes written by bare genanki (`benchmarks/floor.py`);
- rebuild: the same deck again after one comment in one note changed;
- peak memory: the most a cold build held at once in all its processes (the command and the
  planning processes it starts), from one more cold build that is not timed;
- seed: a cold build of the seed note against `python -c "import genanki, markdown_it; from
  pydantic import BaseModel"`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from benchmarks.synthetic import write_vault  # noqa: E402

PER_FILE = 100


def run(command: list[str]) -> float:
    """Wall time in seconds of one command."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, _ = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    _check(command, process, status)
    return elapsed


def peak_memory(command: list[str]) -> float:
    """The most memory, in MB, that one command and the processes it started held at once.

    Sampled every 10 ms as the sum of each process's proportional set size, which counts a page
    that processes share (as forked ones do) once, shared out among them. Where /proc cannot
    tell (not Linux), the largest resident size of any one of them, which can be less."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, sum(_proportional_kb(p) for p in _process_tree(process.pid)))
        time.sleep(0.01)
    _check(command, process, status)
    return peak / 1024 if peak else usage.ru_maxrss / 1024


def _process_tree(pid: int) -> list[int]:
    tree, todo = [], [pid]
    while todo:
        tree.append(todo.pop())
        try:
            for task in os.listdir(f"/proc/{tree[-1]}/task"):
                todo += map(int, Path(f"/proc/{tree[-1]}/task/{task}/children").read_text().split())
        except OSError:  # gone already, or no /proc
            pass
    return tree


def _proportional_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _check(command: list[str], process: subprocess.Popen, status: int) -> None:
    if status != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()}")


def build(vault: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "annodeck", "build", str(vault), "-o", str(out), "-q"]


def edit_one_comment(vault: Path, round_: int) -> None:
    note = sorted(vault.glob("*.md"))[0]
    text = note.read_text(encoding="utf-8")
    marker = ">%%COMMENT%%\n>"
    at = text.index(marker) + len(marker)
    note.write_text(text[:at] + f"edit {round_} " + text[at:], encoding="utf-8")


def measure(size: int, runs: int, scratch: Path) -> dict:
    vault = write_vault(scratch / f"vault-{size}", size // PER_FILE, PER_FILE)
    out = scratch / f"deck-{size}.apkg"
    floor_out = scratch / f"floor-{size}.apkg"
    cold, floor, rebuild = [], [], []
    for round_ in range(runs):
        _remove_deck(out)
        cold.append(run(build(vault, out)))
        floor.append(run([sys.executable, str(HERE / "floor.py"), str(size), str(floor_out)]))
        edit_one_comment(vault, round_)
        rebuild.append(run(build(vault, out)))
    _remove_deck(out)
    memory = peak_memory(build(vault, out))  # apart: sampling it would slow the timed builds
    shutil.rmtree(vault)
    return {"size": size, "cold": statistics.median(cold), "floor": statistics.median(floor),
            "rebuild": statistics.median(rebuild), "memory": memory}


def _remove_deck(out: Path) -> None:
    for stale in (out, out.with_name(f".{out.name}.cache")):
        stale.unlink(missing_ok=True)


def measure_seed(seed: Path, runs: int, scratch: Path) -> tuple[float, float]:
    imports = [sys.executable, "-c", "import genanki, markdown_it; from pydantic import BaseModel"]
    cold, floor = [], []
    for _ in range(runs):
        out = scratch / "seed.apkg"
        _remove_deck(out)
        cold.append(run(build(seed, out)))
        floor.append(run(imports))
    return statistics.median(cold), statistics.median(floor)


def compile_bytecode() -> Path:
    """Byte-compile annodeck where it is installed, as `pip install` does. An editable install
    run with PYTHONDONTWRITEBYTECODE set (as on this workplace's machines) would otherwise
    compile every module on every run, a cost an installed copy never pays."""
    import compileall
    import importlib.util

    folder = Path(importlib.util.find_spec("annodeck").origin).parent
    compileall.compile_dir(str(folder), quiet=1)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000, 50000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=Path, default=HERE.parents[1] / "shared" / "seeds" / "ikema-subgroup.md")
    args = parser.parse_args()
    installed = compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="annodeck-bench-") as tmp:
        scratch = Path(tmp)
        rows = [measure(size, args.runs, scratch) for size in args.sizes]
        seed = measure_seed(args.seed, max(args.runs, 5), scratch) if args.seed.is_file() else None

    print(f"medians of {args.runs} runs, {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
          f"annodeck from {installed} (byte-compiled)")
    print()
    print("annotations | cold/floor | rebuild/floor | cold     | rebuild  | floor    | µs/annotation (cold) | peak MB")
    print("----------- | ---------- | ------------- | -------- | -------- | -------- | -------------------- | -------")
    for r in rows:
        print(f"{r['size']:>11,} | {r['cold'] / r['floor']:>9.2f}× | {r['rebuild'] / r['floor']:>12.2f}× "
              f"| {r['cold']:>6.2f} s | {r['rebuild']:>6.2f} s | {r['floor']:>6.2f} s "
              f"| {r['cold'] / r['size'] * 1e6:>20.0f} | {r['memory']:>7.0f}")
    print("(peak MB: the most a cold build's processes held at once, together, from a build not timed)")
    if seed:
        print()
        print(f"seed cold build / import floor: {seed[0] / seed[1]:.2f}× ({seed[0]:.2f} s vs {seed[1]:.2f} s)")
    print()
    print("targets: cold ≤ 3×, rebuild ≤ 1.2× (at 20,000); seed ≤ 1.5×; peak ≤ 300 MB at 50,000")


if __name__ == "__main__":
    main()
