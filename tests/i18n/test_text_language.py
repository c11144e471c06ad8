"""Curated text shown in English on a page in another language carries `lang="en"` (and
`dir="ltr"`), so that a screen reader reads it with an English voice (WCAG 2.2, 3.1.2); text in
the page's language carries nothing."""

from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from hub.content_languages import fallback_language, set_texts
from tests.conftest import sign_in
from tests.factories import (
    BookmarkFactory,
    MemberFactory,
    PathStepFactory,
    ResourceFactory,
    SupportServiceFactory,
    ToolFactory,
)

pytestmark = pytest.mark.django_db

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class _Languages(HTMLParser):
    """Each text node of the page with the language and direction it is in: its nearest
    ancestor's."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, str | None]] = [("", None, None)]
        self.texts: list[tuple[str, str | None, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        _tag, lang, direction = self.stack[-1]
        values = dict(attrs)
        self.stack.append((tag, values.get("lang", lang), values.get("dir", direction)))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        # The document's <title> is read in the document's language: it has no part to mark.
        if data.strip() and self.stack[-1][0] != "title":
            _tag, lang, direction = self.stack[-1]
            self.texts.append((" ".join(data.split()), lang, direction))


def languages_of(html: str, text: str) -> set[tuple[str | None, str | None]]:
    """The (lang, dir) of every text node of `html` that holds `text`."""
    reader = _Languages()
    reader.feed(html)
    return {(lang, direction) for node, lang, direction in reader.texts if text in node}


def test_the_check_itself_reads_the_nearest_language() -> None:
    html = '<html lang="fr"><p>Un <span lang="en" dir="ltr">word<br>here</span> ici</p></html>'
    assert languages_of(html, "word") == {("en", "ltr")}
    assert languages_of(html, "here") == {("en", "ltr")}
    assert languages_of(html, "ici") == {("fr", None)}


def test_a_text_falls_back_to_english_only_where_it_has_no_translation() -> None:
    with translation.override("en"):
        tool = ToolFactory(summary="Finds known images.", description="")
    set_texts(tool, {"summary": {"es": "Encuentra imágenes conocidas."}})
    with translation.override("fr"):
        assert fallback_language(tool, "summary") == "en"
        assert fallback_language(tool, "description") is None  # no text at all
    with translation.override("es"):
        assert fallback_language(tool, "summary") is None
    assert fallback_language(tool, "summary") is None  # English is the page's language


@pytest.fixture
def english_only():
    """One of everything curated, in English only; and a tool translated into French."""
    with translation.override("en"):
        tool = ToolFactory(
            name="Hashfinder",
            summary="Finds known images by their hash.",
            description="Compares hashes on the investigator's own machine.",
            data_protection_notes="Keeps no copy of the images.",
            human_rights_notes="Review every match by hand.",
        )
        translated = ToolFactory(name="Lexique", summary="Reads chat logs.")
        set_texts(translated, {"summary": {"fr": "Lit les conversations."}})
        translated.save()
        step = PathStepFactory(
            article__title="Lawful use of hash matching",
            article__summary="What the law allows.",
            article__body="Read the **statute** first.",
            path__title="Getting started",
            path__summary="Three articles to begin with.",
        )
        step.article.related_tools.add(tool)
        resource = ResourceFactory(
            title="A breathing exercise", summary="Four minutes.", body="Breathe in slowly."
        )
        SupportServiceFactory(
            description="A confidential line for officers.",
            how_to_reach="Call the duty desk.",
            hours="Every day, all day.",
        )
    return {"tool": tool, "article": step.article, "path": step.path, "resource": resource}


@pytest.mark.parametrize(
    ("page", "texts"),
    [
        (
            "tool",
            [
                "Finds known images by their hash.",
                "Compares hashes on the investigator",
                "Keeps no copy of the images.",
                "Review every match by hand.",
                "Lawful use of hash matching",
            ],
        ),
        ("catalogue", ["Finds known images by their hash."]),
        ("bookmarks", ["Finds known images by their hash."]),
        ("guidance", ["Lawful use of hash matching", "What the law allows."]),
        (
            "article",
            [
                "Lawful use of hash matching",
                "What the law allows.",
                "Read the",
                "statute",
                "Finds known images by their hash.",
                "Getting started",
            ],
        ),
        ("paths", ["Getting started", "Three articles to begin with."]),
        ("path", ["Getting started", "Three articles to begin with.", "What the law allows."]),
        ("wellbeing", ["A breathing exercise", "Four minutes."]),
        ("resource", ["A breathing exercise", "Four minutes.", "Breathe in slowly."]),
        (
            "services",
            ["A confidential line for officers.", "Call the duty desk.", "Every day, all day."],
        ),
    ],
)
@pytest.mark.parametrize(("language", "direction"), [("fr", "ltr"), ("ar", "rtl")])
def test_english_text_on_a_page_in_another_language_says_it_is_english(
    english_only, page: str, texts: list[str], language: str, direction: str
) -> None:
    member = MemberFactory(language=language)
    BookmarkFactory(user=member, tool=english_only["tool"])
    urls = {
        "tool": reverse("catalog:tool", args=[english_only["tool"].slug]),
        "catalogue": reverse("catalog:index"),
        "bookmarks": reverse("catalog:bookmarks"),
        "guidance": reverse("guidance:index"),
        "article": reverse("guidance:article", args=[english_only["article"].slug]),
        "paths": reverse("guidance:paths"),
        "path": reverse("guidance:path", args=[english_only["path"].slug]),
        "wellbeing": reverse("wellbeing:index"),
        "resource": reverse("wellbeing:resource", args=[english_only["resource"].slug]),
        "services": reverse("wellbeing:services"),
    }
    response = sign_in(Client(), member).get(urls[page])
    assert response.status_code == 200
    html = response.content.decode()

    assert f'<html lang="{language}" dir="{direction}"' in html
    for text in texts:
        assert languages_of(html, text) == {("en", "ltr")}, (page, text)


def test_a_translated_text_is_in_the_pages_language(english_only) -> None:
    response = sign_in(Client(), MemberFactory(language="fr")).get(reverse("catalog:index"))
    html = response.content.decode()
    assert languages_of(html, "Lit les conversations.") == {("fr", "ltr")}
    assert languages_of(html, "Finds known images by their hash.") == {("en", "ltr")}


def test_a_page_in_english_marks_nothing(english_only) -> None:
    response = sign_in(Client(), MemberFactory(language="en")).get(
        reverse("catalog:tool", args=[english_only["tool"].slug])
    )
    assert languages_of(response.content.decode(), "Finds known images by their hash.") == {
        ("en", "ltr")
    }
    assert response.content.decode().count('lang="en" dir="ltr"') == 1  # <html>'s alone
