"""Writing Annotator notes for tests, the way the plugin's `makeAnnotationString` writes them."""

from __future__ import annotations

import json


def block(
    id: str,
    exact: str = "",
    *,
    prefix: str = "",
    suffix: str = "",
    comment: str = "",
    tags: tuple[str, ...] = (),
    title: str = "A study of things",
    uri: str = "vault:/papers/study.pdf",
    created: str = "2024-01-02T03:04:05.678Z",
    style: str = "full",
    page_note: bool = False,
    extra_json: dict | None = None,
) -> str:
    """One block, including the empty line the plugin writes before it and the newline after.

    `style` is one of the four highlight-line styles: "full" (prefix, ==, postfix), "marked"
    (== only), "plain" (nothing), "context" (prefix and postfix, no ==).
    """
    data: dict = {"created": created}
    if comment:
        data["text"] = comment
    data.update({"updated": created, "document": {"title": title}, "uri": uri})
    if not page_note:
        data["target"] = [{"source": uri, "selector": [
            {"type": "TextPositionSelector", "start": 10, "end": 10 + len(exact)},
            {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
        ]}]
    data.update(extra_json or {})
    with_prefix = style in ("full", "context")
    with_marks = style in ("full", "marked")
    line = "*"
    if with_prefix:
        line += f"%%PREFIX%%{prefix.strip()}"
    line += "%%HIGHLIGHT%%" + (f" =={exact.strip()}== " if with_marks else exact.strip())
    if with_prefix:
        line += f"%%POSTFIX%%{suffix.strip()}"
    line += "*"
    text = "\n".join([
        "%%",
        "```annotation-json",
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),  # as JSON.stringify
        "```",
        "%%",
        line,
        f"%%LINK%%[[#^{id}|show annotation]]",
        "%%COMMENT%%",
        comment,
        "%%TAGS%%",
        ", ".join("#" + t for t in tags),
    ])
    quoted = "\n".join(">" + part for part in text.split("\n"))
    return f"\n{quoted}\n^{id}\n"


def note(*blocks: str, target: str = "papers/study.pdf") -> str:
    """A whole note: frontmatter naming the target, then the blocks as the plugin appends them."""
    return f"---\nannotation-target: {target}\n---\n" + "\n".join(blocks)


#: sentences that make a card, for tests where what the card asks does not matter (a bare word
#: or a fragment is a reported skip: nothing in it is worth asking)
FACTS = (
    "In CASTOR, daratumumab was added to bortezomib and dexamethasone.",
    "Carfilzomib was given at 56 mg/m2 twice weekly in ENDEAVOR.",
    "Patients with t(4;14) had shorter progression-free survival than others.",
    "The overall response rate was 93% versus 76% in POLLUX.",
    "Isatuximab is an IgG1 monoclonal antibody that targets CD38.",
    "Selinexor blocks XPO1 and was studied in the BOSTON trial.",
)
