"""The demo catalogue reads like a real one: texts that agree with each tool's facets."""

import threading

import pytest
from django.db import connection

from catalog import demo, demo_content
from catalog.models import Tool
from guidance import demo as guidance_demo
from guidance.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    demo.seed(tools=120)


@pytest.mark.parametrize(
    ("word", "capability"),
    [
        ("CSAM", "Hash matching"),
        ("hash", "Hash matching"),
        ("grooming", "Grooming and chat analysis"),
    ],
)
def test_a_members_words_find_the_tools_about_them(catalogue, word, capability):
    about = set(Tool.objects.published().filter(capabilities__name=capability))
    assert about
    found = set(Tool.objects.published().search(word))
    # Every tool whose main capability this is comes up.
    purpose = demo_content.PROFILES[capability].purpose
    main = {tool for tool in about if purpose in tool.summary}
    assert main and main <= found


def test_descriptions_are_several_paragraphs_that_agree_with_the_facets(catalogue):
    for tool in Tool.objects.published().prefetch_related("capabilities", "data_types", "stages"):
        assert demo.DEMO_NOTE in tool.description
        assert tool.description.count("\n\n") >= 8
        assert "## Known limits" in tool.description
        capabilities = {c.name for c in tool.capabilities.all()}
        readable = {kind for c in capabilities for kind in demo_content.PROFILES[c].data_types}
        data_types = {d.name for d in tool.data_types.all()}
        assert data_types and data_types <= readable, tool
        for kind in data_types:
            assert kind.lower() in tool.description
        if "Investigator wellbeing" in {s.name for s in tool.stages.all()}:
            assert capabilities & demo_content.SPARING, tool
        assert "(Demo text.)" in tool.data_protection_notes
        if "Cloud" in {d.name for d in tool.deployments.all()}:
            assert "leaves your network" in tool.data_protection_notes


def test_guidance_articles_have_substance_and_link_tools_they_are_about(catalogue):
    guidance_demo.seed()
    for slug in ("hash-matching-explained", "grooming-detection-in-chat-logs"):
        article = Article.objects.get(slug=slug)
        assert len(article.body.split()) > 200 and article.body.count("## ") >= 4
        capability = guidance_demo.RELATED_CAPABILITY[slug]
        assert article.related_tools.exists()
        assert all(
            t.capabilities.filter(name=capability).exists() for t in article.related_tools.all()
        )
    face = Article.objects.get(slug="before-face-matching-on-seized-media")
    assert "biometric" in face.body and "legal basis" in face.body.lower()
    assert (
        Article.objects.published().search("CSAM").filter(slug="hash-matching-explained").exists()
    )


def _unindexed() -> int:
    return Tool.objects.filter(search_vector__isnull=True).count()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_large_seed_builds_its_search_vectors_in_two_connections(monkeypatch):
    """Outside a transaction (as `seed_demo` runs it) the vectors are built by two connections,
    each committing its half: every tool gets one, and searching finds them."""
    monkeypatch.setattr(demo, "PARALLEL_FROM", 10)
    threads = []
    refresh = demo.refresh_search_vector

    def counted(tool_ids):
        threads.append(threading.get_ident())
        refresh(tool_ids)

    monkeypatch.setattr(demo, "refresh_search_vector", counted)
    demo.seed(tools=40)
    assert len(set(threads)) == 2  # two threads, each with its own connection
    assert Tool.objects.count() == 40 and _unindexed() == 0
    ordered = Tool.objects.order_by("pk")
    for tool in (ordered.first(), ordered.last()):  # one from each half
        assert tool in Tool.objects.search(tool.name)
    # The text indexes, left out while the vectors were built, are back.
    assert set(demo.BULK_INDEXES) <= _indexes()


def _indexes() -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, Tool._meta.db_table))


@pytest.mark.postgres
def test_seeding_again_restores_the_indexes_an_interrupted_build_left_out():
    demo._drop_bulk_indexes()  # as a run killed while building its vectors leaves them
    assert not set(demo.BULK_INDEXES) & _indexes()
    demo.seed(tools=5)
    assert set(demo.BULK_INDEXES) <= _indexes()


@pytest.mark.postgres
def test_tools_copied_in_read_as_saved_ones_and_the_ids_go_on_after_them():
    demo.seed(tools=30)
    seeded = list(Tool.objects.order_by("pk"))
    assert len(seeded) == 30
    assert all(tool.updated_at and tool.slug and tool.description_fr for tool in seeded)
    assert Tool.objects.filter(capabilities__isnull=False).distinct().count() == 30
    # The ids came from the table's own sequence: the next tool saved takes the next one.
    later = Tool.objects.create(name="Saved after the seed", slug="saved-after-the-seed")
    assert later.pk > seeded[-1].pk


@pytest.mark.postgres
def test_seeding_again_builds_the_vectors_an_interrupted_run_left_out():
    demo.seed(tools=30)
    Tool.objects.filter(pk__in=Tool.objects.order_by("pk").values("pk")[:5]).update(
        search_vector=None, facet_terms=None
    )
    assert _unindexed() == 5
    demo.seed(tools=30)  # adds no tool, finishes the five
    assert Tool.objects.count() == 30 and _unindexed() == 0
    assert not Tool.objects.filter(facet_terms__isnull=True).exists()
