"""Deck recipes: `decks/<name>.toml` says which notes make which deck.

```toml
deck = "Papers::Myeloma"          # Anki deck name, `::` for subdecks
sources = ["notes/", "~/vault/papers/*.md"]   # relative to this file; globs and ~ allowed
output = "myeloma.apkg"           # relative to this file
trials = ["MY-TRIAL"]             # trial names beyond the shipped list (optional)
drugs = ["newdrugname"]           # drug names to hide beyond the shipped list (optional)
genes = ["ABC1"]                  # gene symbols to hide beyond the shipped list (optional)
vault = "~/vault"                 # the Obsidian vault, for links back to notes (optional)
kind = "auto"                     # "auto", "cloze" or "qa": the card kind when no tag says (optional)
tag_prefix = "papers"             # every tag under papers:: (optional)
```
"""

from __future__ import annotations

import difflib
import glob
import os
import sys
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import UserError
from .planner import PlanSettings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class RecipeError(UserError):
    """A recipe that cannot be used; the message names the file, the key and what was expected."""


class Recipe(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    deck: str = Field(min_length=1)
    sources: list[str] = Field(min_length=1)
    output: str
    trials: list[str] = []
    drugs: list[str] = []
    genes: list[str] = []
    #: the Obsidian vault's folder, for links that open a note (default: found from `.obsidian/`)
    vault: str | None = None
    #: the kind of card when no steering tag says otherwise: "auto", "cloze" or "qa"
    kind: Literal["auto", "cloze", "qa"] = "auto"
    #: put every tag of the deck under this one (`papers` → `papers::trial::IKEMA`)
    tag_prefix: str = ""

    #: the recipe file, which relative paths are resolved against
    path: Path = Field(default=Path("."), exclude=True)

    @property
    def folder(self) -> Path:
        return self.path.parent

    def source_paths(self) -> list[str]:
        """The sources as paths: `~` expanded, relative to the recipe, globs expanded."""
        paths: list[str] = []
        for source in self.sources:
            expanded = os.path.expanduser(source)
            full = expanded if os.path.isabs(expanded) else os.path.join(self.folder, expanded)
            matches = sorted(glob.glob(full, recursive=True)) if glob.has_magic(full) else [full]
            paths.extend(matches)
        return paths

    def output_path(self) -> Path:
        out = Path(os.path.expanduser(self.output))
        return out if out.is_absolute() else self.folder / out

    def vault_path(self) -> Path | None:
        if not self.vault:
            return None
        vault = Path(os.path.expanduser(self.vault))
        return vault if vault.is_absolute() else self.folder / vault

    def settings(self) -> PlanSettings:
        return PlanSettings(trials=tuple(self.trials), drugs=tuple(self.drugs), genes=tuple(self.genes),
                            kind=self.kind, tag_prefix=self.tag_prefix)


def load_recipe(path: str | os.PathLike) -> Recipe:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise RecipeError(f"{path}: cannot read the recipe: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise RecipeError(f"{path}: not valid TOML: {error}") from None
    if "path" in data:
        raise RecipeError(f"{path}: unknown key 'path'")
    try:
        recipe = Recipe(**data, path=path)
        recipe.settings()  # the settings' own rules (a tag prefix without spaces…)
        return recipe
    except ValidationError as error:
        errors = error.errors()
        # a typo shows up as an unknown key and a missing one: the unknown key is the news
        first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
        key = ".".join(str(part) for part in first["loc"]) or "(recipe)"
        if first["type"] == "extra_forbidden":
            known = [k for k in Recipe.model_fields if k != "path"]
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise RecipeError(f"{path}: unknown key '{key}' ({hint}a recipe has: {', '.join(known)})") from None
        raise RecipeError(f"{path}: {key}: {first['msg']}") from None
