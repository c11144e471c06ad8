"""The demo content in the six languages (issue 21): every term, every tool, the ten articles."""

import re

import pytest
from django.db.models.signals import post_save
from django.test import Client
from django.urls import reverse

from catalog import demo as catalog_demo
from catalog import demo_content
from catalog.demo import TAXONOMY
from catalog.demo_content_i18n import WORDS, texts_in
from catalog.models import Tool
from guidance import demo as guidance_demo
from guidance import demo_i18n as guidance_i18n
from guidance.models import Article, LearningPath
from hub import demo_translations
from hub.demo_translations import LANGUAGE_ORDER
from tests.conftest import sign_in
from tests.factories import MemberFactory, ToolFactory
from wellbeing import demo as wellbeing_demo
from wellbeing.models import Resource, SupportService

pytestmark = pytest.mark.django_db

NOTICE = "untranslated-notice"
TEN_ARTICLES = {
    "before-face-matching-on-seized-media",
    "hash-matching-explained",
    "triage-of-seized-devices",
    "grooming-detection-in-chat-logs",
    "wellbeing-after-exposure",
    "human-review-of-classifier-output",
    "reducing-exposure-with-tools",
    "admissibility-of-ai-assisted-evidence",
    "evaluating-vendor-accuracy-claims",
    "data-protection-impact-assessments",
}
TOOL_FIELDS = ("summary", "description", "data_protection_notes", "human_rights_notes")


@pytest.fixture
def seeded() -> None:
    catalog_demo.seed(tools=60)
    guidance_demo.seed()
    wellbeing_demo.seed()
    demo_translations.apply()


def _texts(obj: object, field: str) -> dict[str, str]:
    return {
        language: getattr(obj, f"{field}_{language.replace('-', '_')}")
        for language in ("en", *LANGUAGE_ORDER)
    }


def _markdown_shape(body: str) -> tuple[int, ...]:
    """Headings, list items, numbered items, table rows, bold spans: what a translation keeps."""
    return (
        len(re.findall(r"^## ", body, re.MULTILINE)),
        len(re.findall(r"^- ", body, re.MULTILINE)),
        len(re.findall(r"^\d+\. ", body, re.MULTILINE)),
        len(re.findall(r"^\|", body, re.MULTILINE)),
        body.count("**"),
    )


def _assert_translated(obj: object, field: str, *, markdown: bool = False) -> None:
    texts = _texts(obj, field)
    for language in LANGUAGE_ORDER:
        assert texts[language], (obj, field, language)
        assert texts[language] != texts["en"], (obj, field, language)
        if markdown:
            assert _markdown_shape(texts[language]) == _markdown_shape(texts["en"]), (
                obj,
                language,
            )


def test_every_demo_term_is_named_in_six_languages(seeded: None) -> None:
    for model, names in TAXONOMY.items():
        table = demo_translations.TERM_NAMES[model._meta.label]
        terms = list(model.objects.filter(name__in=names))
        assert len(terms) == len(names)
        for term in terms:
            texts = _texts(term, "name")
            # Identical to English only where the table says so ("Windows", "Canada").
            assert tuple(texts[lang] for lang in LANGUAGE_ORDER) == table[texts["en"]]
            assert all(texts.values()), term


def test_every_published_demo_tool_is_in_six_languages(seeded: None) -> None:
    tools = list(Tool.objects.published())
    assert len(tools) >= 20
    for tool in tools:
        for field in TOOL_FIELDS:
            _assert_translated(tool, field)
        # The same sections; deployments are listed one a line where English joins them.
        descriptions = _texts(tool, "description")
        for language in LANGUAGE_ORDER:
            assert descriptions[language].count("\n## ") == descriptions["en"].count("\n## ")
        for language in LANGUAGE_ORDER:
            words = WORDS[language]
            assert tool.name in getattr(tool, f"summary_{language.replace('-', '_')}")
            summary = getattr(tool, f"summary_{language.replace('-', '_')}")
            assert summary.endswith(words.summary.format(name="", purpose="")[-8:]), summary
            assert words.demo_note in getattr(tool, f"description_{language.replace('-', '_')}")


def test_the_composition_covers_every_block_in_every_language() -> None:
    facets = {
        "capabilities": list(demo_content.PROFILES),
        "stages": list(demo_translations.STAGES),
        "data_types": list(demo_translations.DATA_TYPES),
        "deployments": list(demo_content.DEPLOYMENT),
        "licences": ["Open source"],
        "languages": ["Arabic", "Thai"],
        "platforms": ["Linux"],
        "countries": ["Kenya", "Brazil"],
    }
    for language in LANGUAGE_ORDER:
        words = WORDS[language]
        assert set(words.profiles) == set(demo_content.PROFILES)
        assert set(words.maturity) == set(demo_content.MATURITY)
        assert set(words.licence) == set(demo_content.LICENCE)
        assert set(words.deployment) == set(demo_content.DEPLOYMENT)
        for maturity in Tool.Maturity.values:
            for licence in demo_content.LICENCE:
                made = texts_in(language, "Aegis Scan", maturity, {**facets, "licences": [licence]})
                assert all("{" not in text and "}" not in text for text in made.values())
                assert words.licence[licence] in made["description"]
                assert words.maturity[maturity] in made["description"]
                assert words.cloud.strip() in made["data_protection_notes"]


def test_the_ten_articles_and_every_path_are_in_six_languages(seeded: None) -> None:
    assert set(guidance_i18n.ARTICLES) == TEN_ARTICLES
    articles = list(Article.objects.filter(slug__in=TEN_ARTICLES))
    assert len(articles) == 10
    for article in articles:
        _assert_translated(article, "title")
        _assert_translated(article, "summary")
        _assert_translated(article, "body", markdown=True)
    paths = list(LearningPath.objects.all())
    assert paths and {p.slug for p in paths} == set(guidance_i18n.PATHS)
    for path in paths:
        _assert_translated(path, "title")
        _assert_translated(path, "summary")


def test_the_wellbeing_content_is_in_six_languages(seeded: None) -> None:
    resources = list(Resource.objects.all())
    assert len(resources) == len(wellbeing_demo.RESOURCES)
    for resource in resources:
        for field in ("title", "summary", "body"):
            _assert_translated(resource, field, markdown=field == "body")
    services = list(SupportService.objects.all())
    assert len(services) == len(wellbeing_demo.SERVICES)
    for service in services:
        for field in ("description", "how_to_reach", "hours"):
            _assert_translated(service, field)


def test_seeding_again_keeps_the_translations(seeded: None) -> None:
    guidance_demo.seed()
    catalog_demo.seed(tools=60)
    article = Article.objects.get(slug="hash-matching-explained")
    assert article.body_fr == guidance_i18n.ARTICLES["hash-matching-explained"]["body"]["fr"]
    assert article.body_en.startswith("## Two kinds of hash")
    assert Tool.objects.count() == 60


def test_a_french_reader_reads_the_french_article(client: Client, seeded: None) -> None:
    sign_in(client, MemberFactory(language="fr"))
    response = client.get(reverse("guidance:article", args=["hash-matching-explained"]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "<strong>empreinte cryptographique</strong>" in content
    assert "Two kinds of hash" not in content
    assert NOTICE not in content


def test_an_arabic_reader_reads_the_arabic_tool(client: Client, seeded: None) -> None:
    tool = Tool.objects.published().order_by("name").first()
    assert tool is not None
    sign_in(client, MemberFactory(language="ar"))
    content = client.get(reverse("catalog:tool", args=[tool.slug])).content.decode()
    assert WORDS["ar"].demo_note in content
    assert demo_content.DEMO_NOTE not in content
    assert NOTICE not in content


def test_a_tool_added_without_translations_still_says_so(client: Client, seeded: None) -> None:
    tool = ToolFactory(summary="Added in the admin, in English only.")
    sign_in(client, MemberFactory(language="ar"))
    content = client.get(reverse("catalog:tool", args=[tool.slug])).content.decode()
    assert "Added in the admin, in English only." in content
    assert NOTICE in content


def test_named_terms_are_not_saved_again(seeded: None) -> None:
    # Each term save rebuilds the search vector of all its tools: minutes at 100,000 tools.
    saved: list[object] = []

    def count(sender: type, instance: object, **_kwargs: object) -> None:
        saved.append(instance)

    for model in TAXONOMY:
        post_save.connect(count, sender=model, dispatch_uid=f"test-count-{model.__name__}")
    try:
        catalog_demo.seed(tools=60)
        assert "91 terms" in demo_translations.apply()
    finally:
        for model in TAXONOMY:
            post_save.disconnect(sender=model, dispatch_uid=f"test-count-{model.__name__}")
    assert saved == []
