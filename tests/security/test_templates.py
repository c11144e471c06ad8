"""No template carries inline script, inline style or event handlers: the CSP forbids them,
and a browser would silently drop them."""

import re
from pathlib import Path

import pytest
from django.template import engines

ROOT = Path(__file__).resolve().parents[2]

INLINE = {
    "inline script": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),
    "style element": re.compile(r"<style[\s>]", re.I),
    "style attribute": re.compile(r"\sstyle\s*=", re.I),
    "event handler": re.compile(r"\son[a-z]+\s*=", re.I),
    "javascript: URL": re.compile(r"javascript:", re.I),
}


def our_templates() -> list[Path]:
    folders = [Path(d) for d in engines["django"].engine.dirs]
    folders += [p for p in ROOT.glob("*/templates") if ".venv" not in p.parts]
    return sorted({t for folder in folders for t in folder.rglob("*.html")})


TEMPLATES = our_templates()


def test_the_templates_are_found():
    assert any(t.name == "base.html" for t in TEMPLATES)


@pytest.mark.parametrize("template", TEMPLATES, ids=[str(t.relative_to(ROOT)) for t in TEMPLATES])
def test_no_inline_script_or_style(template):
    text = template.read_text()
    for what, pattern in INLINE.items():
        match = pattern.search(text)
        assert match is None, f"{what} in {template.relative_to(ROOT)}: {match.group(0)!r}"
