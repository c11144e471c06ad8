"""/catalog/ search per language (issue 21): the reader's language's text is found, stemmed by
its own configuration on PostgreSQL (English too), and by substring elsewhere."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from catalog.models import Tool
from catalog.querysets import reader_language, search_configs
from tests import factories

pytestmark = pytest.mark.django_db

URL = reverse("catalog:index")


def found(client, query: str, language: str) -> list[str]:
    response = client.get(URL, {"q": query}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return [tool.name for tool in response.context["tools"]]


@pytest.fixture(autouse=True)
def _english_while_curating():
    """Tools are made in English: modeltranslation writes `summary=` to the active language's
    column, and a previous request may have left another language active."""
    with translation.override("en"):
        yield


@pytest.fixture
def translated(db):
    return {
        "fr": factories.ToolFactory(
            name="Alpha",
            summary="Compares hashes.",
            summary_fr="Recherche de correspondance entre empreintes.",
        ),
        "ru": factories.ToolFactory(
            name="Beta",
            summary="Reads chat logs.",
            description_ru="Анализирует переписку в мессенджерах.",
        ),
        "ar": factories.ToolFactory(
            name="Gamma",
            summary="Estimates age.",
            summary_ar="تقدير العمر من الصور",
        ),
        "zh": factories.ToolFactory(
            name="Delta",
            summary="Transcribes audio.",
            description_zh_hans="自动转录音频文件并识别说话人",
        ),
    }


def test_reader_language_is_a_content_language_else_english():
    assert reader_language("fr") == "fr"
    assert reader_language("fr-ca") == "fr"
    assert reader_language("zh-hans") == "zh-hans"
    assert reader_language("de") == "en"
    assert search_configs("fr") == ["french", "english"]
    assert search_configs("en") == ["english"]


def test_a_french_reader_finds_french_text(member_client, translated):
    assert found(member_client, "correspondance", "fr") == ["Alpha"]


def test_an_english_reader_still_finds_english_and_not_french(member_client, translated):
    assert found(member_client, "hashes", "en") == ["Alpha"]
    assert found(member_client, "hashes", "fr") == ["Alpha"]  # English is searched too
    if connection.vendor != "postgresql":
        # PostgreSQL keeps every language's words in one vector: a word spelt the same in
        # two languages matches both; the fallback reads English and the reader's columns.
        assert found(member_client, "empreintes", "en") == []


def test_a_chinese_reader_finds_a_substring_of_two_characters(member_client, translated):
    assert found(member_client, "转录", "zh-hans") == ["Delta"]
    assert found(member_client, "说话人", "zh-hans") == ["Delta"]
    assert found(member_client, "转录", "en") == []


def test_the_reader_language_changes_the_cached_search(member_client, translated):
    """The same text, searched by two readers: each gets their own (cached) results."""
    assert found(member_client, "转录", "zh-hans") == ["Delta"]
    assert found(member_client, "转录", "en") == []
    assert found(member_client, "转录", "zh-hans") == ["Delta"]


def test_translated_term_names_are_found(member_client):
    term = factories.CapabilityFactory(
        name="Grooming detection", name_fr="Détection de pédopiégeage"
    )
    factories.ToolFactory(name="Epsilon", capabilities=[term])
    assert found(member_client, "pédopiégeage", "fr") == ["Epsilon"]


@pytest.mark.postgres
def test_postgres_stems_each_language(member_client, translated):
    assert found(member_client, "correspondances", "fr") == ["Alpha"]
    assert found(member_client, "переписка", "ru") == ["Beta"]
    assert found(member_client, "العمر", "ar") == ["Gamma"]
    assert found(member_client, "estimating", "en") == ["Gamma"]
    assert connection.vendor == "postgresql"


@pytest.mark.postgres
def test_postgres_vector_follows_an_edited_translation(member_client, translated):
    """What the admin's save does (post_save): the vector is rebuilt with the new text."""
    tool = translated["fr"]
    tool.summary_fr = "Détection des images de synthèse."
    tool.save()
    assert found(member_client, "correspondance", "fr") == []
    assert found(member_client, "synthèse", "fr") == ["Alpha"]
    term = factories.CapabilityFactory(name="Triage", name_ru="Сортировка")
    tool.capabilities.add(term)
    assert found(member_client, "сортировка", "ru") == ["Alpha"]
    term.name_ru = "Приоритизация"
    term.save()
    assert found(member_client, "сортировка", "ru") == []
    assert found(member_client, "приоритизация", "ru") == ["Alpha"]


@pytest.mark.postgres
def test_postgres_ranks_the_name_first_in_any_language(member_client):
    factories.ToolFactory(name="Other", summary="x", summary_fr="Un outil nommé Sentinelle.")
    factories.ToolFactory(name="Sentinelle", summary="y")
    assert found(member_client, "Sentinelle", "fr") == ["Sentinelle", "Other"]


@pytest.mark.postgres
@pytest.mark.parametrize("language", ["en", "fr", "zh-hans"])
def test_postgres_one_statement_for_counts_and_page_in_every_language(
    member_client, translated, language
):
    member_client.get(URL, HTTP_ACCEPT_LANGUAGE=language)  # the taxonomy and version, cached
    with CaptureQueriesContext(connection) as queries:
        member_client.get(URL, {"q": "转录 audio"}, HTTP_ACCEPT_LANGUAGE=language)
    searches = [q["sql"] for q in queries.captured_queries if "websearch_to_tsquery" in q["sql"]]
    assert len(searches) == 1
    assert Tool.objects.count() == 4
