"""A member's journey in French — sign in, search, read an article — shows no English UI string.

"English UI string" is any msgid of the French catalogue that has a translation: on a French page
it must appear translated (every msgid is: `test_catalogues.py` fails on any left untranslated).
"""

from html.parser import HTMLParser

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.conftest import sign_in
from tests.factories import ArticleFactory, MemberFactory, ToolFactory

pytestmark = pytest.mark.django_db


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self.skipping += 1
        for name, value in attrs:
            if name in {"alt", "title", "aria-label", "placeholder"} and value:
                self.texts.append(value.strip())

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping and data.strip():
            self.texts.append(" ".join(data.split()))


def visible_texts(html: str) -> list[str]:
    reader = _Text()
    reader.feed(html)
    return reader.texts


def english_with_french() -> set[str]:
    """The msgids the French catalogue translates (single-line ones: what a text node holds)."""
    catalogue = polib.pofile(str(settings.LOCALE_PATHS[0] / "fr" / "LC_MESSAGES" / "django.po"))
    return {
        entry.msgid
        for entry in catalogue.translated_entries()
        if "%" not in entry.msgid and "\n" not in entry.msgid and entry.msgstr != entry.msgid
    }


def test_the_check_itself_reads_what_a_reader_sees() -> None:
    html = '<p>Sign <b>out</b></p><img alt="Logo"><script>var x = "Hidden"</script>'
    assert visible_texts(html) == ["Sign", "out", "Logo"]


def test_a_french_journey_shows_no_english_ui_string() -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    sign_in_page = client.get(reverse("account_login")).content.decode()
    assert "Mot de passe" in sign_in_page  # django-allauth's French

    member = MemberFactory(language="fr")
    sign_in(client, member)
    ToolFactory(name="Hashfinder", summary="Finds known images by hash.")
    article = ArticleFactory(title="Lawful use")
    pages = {
        "search": client.get(reverse("catalog:index"), {"q": "hash"}),
        "article": client.get(reverse("guidance:article", args=[article.slug])),
    }
    english = english_with_french()
    for name, response in pages.items():
        assert response.status_code == 200, name
        html = response.content.decode()
        assert '<html lang="fr" dir="ltr">' in html, name
        untranslated = [text for text in visible_texts(html) if text in english]
        assert not untranslated, f"{name}: English on a French page: {untranslated}"
