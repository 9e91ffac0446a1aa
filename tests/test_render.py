from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annodeck.render import _is_plain, _markdown, render_markdown


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=30), st.sampled_from(["", " ", "\t", "a\"b", "1. x", "- y", "    code",
                                                                  "é", "Q: why?", "x  ", "---", "===", "(HR 0.6)",
                                                                  "t(4;14)", "1)", "2) b", " 3)x", "(", ")", "a)(b",
                                                                  "(see x)."])),
                max_size=6).map("\n".join))
def test_plain_comments_render_exactly_as_markdown_it_renders_them(text):
    if _is_plain(text) and text.strip():
        assert render_markdown(text) == _markdown().render(text).strip()
