"""Every piece of text a reader sees in our templates goes through the catalogue."""

from pathlib import Path

import pytest
from django.conf import settings

from tests.i18n.template_text import untranslated_html, untranslated_text

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Text that is the same in every language, and why.
ALLOWED: set[str] = set()


def templates() -> list[Path]:
    return sorted(p for p in TEMPLATES.rglob("*") if p.suffix in {".html", ".txt"})


def findings(path: Path) -> list:
    source = path.read_text(encoding="utf-8")
    name = str(path.relative_to(TEMPLATES))
    read = untranslated_text if path.suffix == ".txt" else untranslated_html
    return [item for item in read(name, source) if item.text not in ALLOWED]


SAMPLE = """{% load i18n %}{% block title %}Catalogue{% endblock %}
{% block body_class %}wide{% endblock %}
<p>{% translate "Translated" %} {{ value }}</p>
<p>Plain words</p>
{% blocktranslate %}Hello {{ name }}{% endblocktranslate %}
{% comment %}A note for developers{% endcomment %}
<img src="x.svg" alt="A logo"><input type="hidden" name="next" value="here">
<input type="submit" value="Send"><a href="/" title="{% translate 'Home' %}">→</a>
<span aria-label="Close">&times;</span><input placeholder="Search tools">
"""


def test_the_walk_finds_what_a_reader_sees() -> None:
    found = {item.text for item in untranslated_html("sample.html", SAMPLE)}
    assert found == {"Catalogue", "Plain words", "A logo", "Send", "Close", "Search tools"}


def test_the_walk_reads_emails_as_plain_text() -> None:
    email = '{% load i18n %}{% translate "Hello" %}\n\nSign in at {{ url }}\n'
    assert [item.text for item in untranslated_text("email.txt", email)] == ["Sign in at"]


@pytest.mark.parametrize("path", templates(), ids=lambda path: str(path.relative_to(TEMPLATES)))
def test_each_template_is_translated(path: Path) -> None:
    found = findings(path)
    assert not found, "\n".join(f"{item.template}:{item.line}: {item.text!r}" for item in found)
