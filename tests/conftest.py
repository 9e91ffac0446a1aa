from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# the project's shared material sits beside the checkout; tests read it there, never copy it
SHARED = Path(os.environ.get("ANNODECK_SHARED", REPO.parent / "shared"))
SEED = SHARED / "seeds" / "ikema-subgroup.md"
CORPUS = SHARED / "corpus"


@pytest.fixture
def seed() -> Path:
    if not SEED.is_file():
        pytest.skip(f"the seed note is not at {SEED}")
    return SEED


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the corpus is not at {CORPUS}")
    return CORPUS


@pytest.fixture
def anki(tmp_path):
    """A fresh, empty Anki collection (Anki's own backend), closed after the test."""
    from anki.collection import Collection

    collections = []

    def make():
        col = Collection(str(tmp_path / f"collection-{len(collections)}.anki2"))
        collections.append(col)
        return col

    yield make
    for col in collections:
        col.close()


def import_package(col, path: Path):
    """Import a package with Anki's default options, as File → Import does; return the log."""
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request).log
