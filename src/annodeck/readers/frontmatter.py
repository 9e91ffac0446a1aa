"""The note-level metadata of an Annotator file: which document it annotates.

This is optional metadata (a deck name, a source link); blocks are read whether or not it
is there. Only the `annotation-target` key is read, from YAML frontmatter or from a Dataview
inline field anywhere in the body, unwrapping the value forms seen in real vaults.
"""

from __future__ import annotations

import re

_KEY = re.compile(r"""^\s*["']?annotation-target:?["']?\s*:\s*(.*?)\s*$""")
_INLINE = re.compile(r"^annotation-target::\s*(.*?)\s*$", re.MULTILINE)
_WIKILINK = re.compile(r"^!?\[\[(.+?)\]\]$")
_MDLINK = re.compile(r"^\[.*\]\((.*)\)$")


def annotation_target(text: str) -> str:
    """The value of `annotation-target`, unwrapped; "" when the note does not name one."""
    value = _from_frontmatter(text)
    if not value:
        match = _INLINE.search(text)
        value = match.group(1) if match else ""
    return unwrap(value)


def _from_frontmatter(text: str) -> str:
    # Obsidian requires `---` on the first line; we also accept leading blank lines,
    # which real files have and which cost the reader nothing to tolerate.
    lines = text.lstrip("\n").split("\n", 200)
    if not lines or lines[0].strip() != "---":
        return ""
    for line in lines[1:]:
        if line.strip() in ("---", "..."):
            break
        match = _KEY.match(line)
        if match:
            return match.group(1)
    return ""


def unwrap(value: str) -> str:
    """`"x"`, `[[x|alias]]`, `![[x]]`, `[text](x)` and a one-element list `[x]` all give `x`."""
    value = value.strip()
    for _ in range(3):  # forms nest: "[[x]]" is a quoted wiki-link
        before = value
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1].strip()
        if match := _WIKILINK.match(value):
            value = match.group(1).split("|", 1)[0].strip()
        elif match := _MDLINK.match(value):
            value = match.group(1).strip()
        elif value.startswith("[") and value.endswith("]") and "," not in value:
            value = value[1:-1].strip()
        if value == before:
            break
    return value
