"""Curated content per language: the reader's language, else English, and the page says so."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from factory.django import DjangoModelFactory

from catalog.models import Capability, Tool
from hub.content_languages import missing_languages, set_texts
from tests.conftest import sign_in
from tests.factories import (
    ArticleFactory,
    CapabilityFactory,
    CuratorFactory,
    MemberFactory,
    ResourceFactory,
    ToolFactory,
)

pytestmark = pytest.mark.django_db

NOTICE = "untranslated-notice"  # the notice's class: the same in every language


def notice_in(language: str, name: str) -> str:
    """The notice's words, as a reader of `language` sees them."""
    with translation.override(language):
        return translation.gettext(
            "This page is not yet available in %(language)s; showing English."
        ) % {"language": name}


def french_member(client: Client) -> Client:
    return sign_in(client, MemberFactory(language="fr"))


def test_a_translated_text_is_read_in_the_active_language() -> None:
    tool = ToolFactory(summary="Finds known images.")
    set_texts(tool, {"summary": {"fr": "Retrouve les images connues."}})
    tool.save()
    tool = Tool.objects.get(pk=tool.pk)
    with translation.override("fr"):
        assert tool.summary == "Retrouve les images connues."
        assert not missing_languages(tool, ["summary"])
    with translation.override("ru"):
        assert tool.summary == "Finds known images."  # English, the fallback
        assert missing_languages(tool, ["summary"])
    assert tool.summary == "Finds known images."


def test_queries_keep_to_the_english_text_whatever_the_language() -> None:
    # Search, facets and sorting read the original column, which holds the English text: a
    # French reader's query still finds what is not yet translated.
    cap = CapabilityFactory(name="Hash matching")
    with translation.override("fr"):
        assert Capability.objects.filter(name__icontains="hash").get() == cap
        assert list(Capability.objects.values_list("name", flat=True)) == ["Hash matching"]


def test_the_tool_page_is_french_where_translated(client: Client) -> None:
    tool = ToolFactory(summary="Finds known images.", description="English description.")
    set_texts(
        tool,
        {
            "summary": {"fr": "Retrouve les images connues."},
            "description": {"fr": "Description en français."},
        },
    )
    tool.save()
    content = french_member(client).get(reverse("catalog:tool", args=[tool.slug])).content
    assert "Retrouve les images connues." in content.decode()
    assert "Description en français." in content.decode()
    assert NOTICE not in content.decode()


def test_a_page_not_yet_translated_says_so(client: Client) -> None:
    tool = ToolFactory(summary="Finds known images.")
    content = french_member(client).get(reverse("catalog:tool", args=[tool.slug])).content
    assert "Finds known images." in content.decode()
    assert notice_in("fr", "Français") in content.decode()
    assert notice_in("fr", "Français") != notice_in("en", "Français")  # in French words


def test_in_english_no_notice_shows(client: Client) -> None:
    tool = ToolFactory(summary="Finds known images.")
    member = sign_in(client, MemberFactory(language="en"))
    assert NOTICE not in member.get(reverse("catalog:tool", args=[tool.slug])).content.decode()


@pytest.mark.parametrize(
    ("factory", "url_name"),
    [(ArticleFactory, "guidance:article"), (ResourceFactory, "wellbeing:resource")],
)
def test_guidance_and_wellbeing_pages_say_so_too(
    client: Client, factory: type[DjangoModelFactory], url_name: str
) -> None:
    obj = factory()
    response = french_member(client).get(reverse(url_name, args=[obj.slug]))
    assert response.status_code == 200
    assert NOTICE in response.content.decode()


def test_the_admin_edits_every_language_side_by_side(client: Client) -> None:
    tool = ToolFactory()
    sign_in(client, CuratorFactory())
    content = client.get(reverse("admin:catalog_tool_change", args=[tool.pk])).content.decode()
    for code in ("en", "ar", "zh_hans", "fr", "ru", "es"):
        assert f'name="summary_{code}"' in content
    assert 'name="summary"' not in content


def test_each_version_in_the_history_keeps_every_language() -> None:
    tool = ToolFactory(summary="Finds known images.")
    set_texts(tool, {"summary": {"es": "Encuentra imágenes conocidas."}})
    tool.save()
    latest = tool.history.latest()
    assert latest.summary_es == "Encuentra imágenes conocidas."
    assert latest.summary_en == "Finds known images."
