from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annodeck.render import _WIKILINK, _is_plain, _markdown, _wikilink_text, render_markdown


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=30), st.sampled_from(["", " ", "\t", "a\"b", "1. x", "- y", "    code",
                                                                  "é", "Q: why?", "x  ", "---", "===", "(HR 0.6)",
                                                                  "t(4;14)", "1)", "2) b", " 3)x", "(", ")", "a)(b",
                                                                  "(see x)."])),
                max_size=6).map("\n".join))
def test_plain_comments_render_exactly_as_markdown_it_renders_them(text):
    if _is_plain(text) and text.strip():
        assert render_markdown(text) == _markdown().render(text).strip()


inline_piece = st.sampled_from(["**b**", "*e*", "_u_", "__s__", "`c`", "``x`y``", "[a](http://x.y)", "[a](javascript:x)",
                                "![i](http://x/y.png)", "<http://a.b>", "==m==", "~~s~~", "$x$", "$$y$$", "\\*", "&amp;",
                                "&#123;", "a", " ", "  ", "\n", "\n\n", "\n  \n", "x  \n", "é", "(", ")", "#", "1.",
                                "- ", "> ", "* ", "+", "=", "---", "***", "[x]: /u", "<b>", "|", "\t", "    ", "{", "}",
                                "!", "[[w|alias]]", "[", "]", ":", "~", "1)", " 2. ", "_", "\\"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(inline_piece, max_size=12).map("".join))
def test_inline_markdown_renders_exactly_as_markdown_it_renders_it(text):
    assert render_markdown(text) == (_markdown().render(_WIKILINK.sub(_wikilink_text, text)).strip() if text.strip() else "")
