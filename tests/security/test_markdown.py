"""Curators' Markdown (catalogue and guidance): safe formatting kept, anything active dropped."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalog.templatetags.catalog import markdown as catalog_markdown
from community.templatetags.community import post_markdown as community_markdown
from hub.markdown import render as guidance_markdown

RENDERERS = pytest.mark.parametrize(
    "render",
    [catalog_markdown, guidance_markdown, community_markdown],
    ids=["catalog", "guidance", "community"],
)

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click]( javascript:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<img src=x onerror="alert(1)">',
    '<p onclick="alert(1)">hi</p>',
    '<a href="https://example.org" onmouseover="alert(1)">x</a>',
    "<iframe src=https://evil.example></iframe>",
    '<svg><script>alert(1)</script></svg><svg onload="alert(1)">',
    "<style>body{display:none}</style>",
    '<form action="https://evil.example"><input name=q></form>',
    '<math><mtext><table><mglyph><style><img src=x onerror="alert(1)">',
    "![x](https://evil.example/track.png)",
    '<object data="https://evil.example/x.swf"></object>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
]

ACTIVE = re.compile(
    r"<\s*(script|iframe|style|form|input|object|embed|svg|math|img|meta|link|base)\b"
    r"|<[^>]*\son\w+\s*="
    r"|<[^>]*(href|src)\s*=\s*[\"']?\s*(javascript|data|vbscript):",
    re.I,
)


@RENDERERS
@pytest.mark.parametrize("text", HOSTILE)
def test_nothing_active_survives(render, text):
    html = str(render(text))
    assert not ACTIVE.search(html), html


@RENDERERS
def test_safe_formatting_and_links_are_kept(render):
    html = str(
        render(
            "## Heading\n\nSome **bold**, *emphasis* and `code`.\n\n"
            "- one\n- two\n\n1. first\n\n> quoted\n\n"
            "[a guide](https://example.org/guide) and [mail](mailto:help@example.org)\n\n"
            "| a | b |\n|---|---|\n| 1 | 2 |\n"
        )
    )
    for kept in (
        "<h2>Heading</h2>",
        "<strong>bold</strong>",
        "<em>emphasis</em>",
        "<code>code</code>",
        "<li>one</li>",
        "<ol>",
        "<blockquote>",
        'href="https://example.org/guide"',
        'href="mailto:help@example.org"',
        "<table>",
        "<td>1</td>",
    ):
        assert kept in html, f"{kept} lost in {html}"
    assert 'rel="noopener noreferrer' in html


@RENDERERS
def test_the_text_of_a_removed_script_is_not_run_but_plain_text_stays(render):
    html = str(render("Before <script>alert(1)</script> after"))
    assert "<script" not in html.lower()
    assert "Before" in html and "after" in html


@RENDERERS
@given(
    st.lists(
        st.one_of(
            st.sampled_from(HOSTILE),
            st.sampled_from(
                ["**", "[", "](", ")", "<", ">", '"', "'", "\n\n", "javascript:", "on"]
            ),
            st.text(max_size=20),
        ),
        max_size=12,
    ).map("".join)
)
def test_no_mix_of_markdown_and_markup_gets_anything_active_through(render, text):
    assert not ACTIVE.search(str(render(text)))
