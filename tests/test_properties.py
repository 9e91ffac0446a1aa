"""Property-based tests over the reader and the planner: any text at all, and any formatting a
person or a formatter adds, never crashes, never breaks a cloze, never puts live HTML on a card."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from annotator_notes import block, note
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annodeck.planner import Planner
from annodeck.readers import read_text

# what our own HTML may contain: markdown-it's output for comments, and our spans and links
ALLOWED_TAGS = {"span", "br", "p", "div", "mark", "strong", "em", "a", "code", "pre", "ul", "ol", "li",
                "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr",
                "th", "td", "s", "img"}
ALLOWED_ATTRS = {"class", "href", "src", "alt", "title", "start", "style"}
SAFE_URL = re.compile(r"^(https?|obsidian)://", re.IGNORECASE)


class _Audit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            value = value or ""
            if name not in ALLOWED_ATTRS:
                self.bad.append(f"{tag} {name}=")
            elif name in ("href", "src") and not SAFE_URL.match(value.strip()):
                self.bad.append(f"{tag} {name}={value!r}")
            elif name == "style" and not re.fullmatch(r"text-align:(left|right|center)", value):
                self.bad.append(f"style={value!r}")


def live_html(fragment: str) -> list[str]:
    """Tags or attributes in a field that our renderer would never produce."""
    audit = _Audit()
    audit.feed(fragment)
    audit.close()
    return audit.bad


def cloze_problems(text: str) -> list[str]:
    """Anything in a cloze field that Anki's parser could read as cloze syntax besides ours."""
    problems = []
    if not re.search(r"\{\{c[1-9]\d*::", text):
        problems.append("no deletion")
    rest = re.sub(r"\{\{c[1-9]\d*::[^{}]*?\}\}", "", text)
    if "{{" in rest or "}}" in rest:
        problems.append("stray braces")
    return problems


NASTY = ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "[x](javascript:alert(1))",
         "{{c1::x}}", "{{c0::y}}", "}}", "{{", "::", "==mark==", "**b**", "[[x|y]]", "![[../../s.png]]",
         "$x$", "$$y$$", "\x00", "\x0f", "\ud835", "\u2028", "\r\n", "%%TAGS%%", "%%COMMENT%%", "^abc",
         "```", "> [!note] t", "#tag", "Q: why?", "A: because", "?", "&amp;", "&#60;", "\\(x\\)", "é" * 300]
any_text = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=60),
    st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=8)), max_size=8).map("".join),
    st.text(min_size=2000, max_size=6000, alphabet="ab <>{}:=*\n"),
)
tags = st.lists(st.one_of(st.text(max_size=30), st.sampled_from(["anki/qa", "anki/skip", "a/b c", "##P"])),
                max_size=4).map(tuple)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(highlight=any_text, comment=any_text, tags=tags, prefix=any_text, title=any_text)
def test_any_annotation_gives_a_sound_card_or_a_reasoned_skip(highlight, comment, tags, prefix, title):
    text = note(block("p1", highlight, comment=comment, tags=tags, prefix=prefix, title=title))
    result = read_text(text, "n.md")
    planner = Planner()
    for annotation in result.annotations:
        planned = planner.plan(annotation)
        if not hasattr(planned, "fields"):
            assert planned.reason  # a skip says why
            continue
        for name, value in planned.fields.items():
            assert not live_html(value), (name, value, live_html(value))
            value.encode("utf-8")  # storable: no lone surrogates
            assert "\x00" not in value
        if planned.kind == "cloze":
            assert not cloze_problems(planned.fields["Text"]), planned.fields["Text"]
        else:
            assert planned.fields["Front"].strip()
        assert all(" " not in t and t for t in planned.tags)


# -- formatting never changes a card ----------------------------------------------------------

plain_line = st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40)
plain_text = st.lists(plain_line, min_size=0, max_size=3).map("\n".join)
FORMATTINGS = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "bom": lambda t: "\ufeff" + t,
    "space after >": lambda t: "\n".join("> " + l[1:] if l.startswith(">") else l for l in t.split("\n")),
    "trailing spaces": lambda t: "\n".join(l + "  " if l.startswith(">") else l for l in t.split("\n")),
    "extra blank lines": lambda t: t.replace("\n\n>%%", "\n\n\n\n>%%"),
    "no blank line before a block": lambda t: t.replace("\n\n>%%", "\n>%%"),
    "no final newline": lambda t: t.rstrip("\n"),
}


def cards_of(text: str):
    planner = Planner()
    return [(p.annotation_id, getattr(p, "kind", "skip"), getattr(p, "fields", None), getattr(p, "tags", None))
            for p in (planner.plan(a) for a in read_text(text, "n.md").annotations)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    contents=st.lists(st.tuples(plain_line.filter(str.strip), plain_text, st.lists(
        plain_line.filter(lambda t: t.strip() and "," not in t), max_size=3).map(tuple)), min_size=1, max_size=3),
    chosen=st.sets(st.sampled_from(sorted(FORMATTINGS)), min_size=1),
)
def test_formatting_never_changes_a_card(contents, chosen):
    original = note(*(block(f"id{i}", h, comment=c, tags=t) for i, (h, c, t) in enumerate(contents)))
    formatted = original
    # line-level formatting first; line endings and the BOM wrap the finished file
    for name in sorted(chosen, key=lambda n: (n in ("crlf", "bom"), n == "bom", n)):
        formatted = FORMATTINGS[name](formatted)
    assert cards_of(formatted) == cards_of(original)
