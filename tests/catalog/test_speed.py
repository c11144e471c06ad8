"""The catalogue's pages cost the same number of queries however large the catalogue is, and
what they cache is forgotten as soon as curation changes it (issue 10)."""

import time
from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog import caching, demo, services
from catalog.models import Tool
from tests import factories
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

URL = reverse("catalog:index")
SEARCH = "text and three facets"


@pytest.fixture
def signed_in(client, member):
    sign_in(client, member)
    client.get(reverse("notifications:index"))  # a session's first request records it
    cache.clear()
    return client


def queries(client, url, params=None) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params or {}).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def search_matching(tool: Tool) -> dict[str, str]:
    """A text query and three facets that find `tool` (so the page lists something)."""
    return {
        "q": tool.name.split()[-1],
        "capability": tool.capabilities.first().slug,
        "licence": tool.licences.first().slug,
        "deployment": tool.deployments.first().slug,
    }


@pytest.mark.parametrize("params", [{}, SEARCH])
def test_the_catalogue_costs_the_same_queries_at_any_size(signed_in, params):
    demo.seed(tools=70)  # the demo's first "… Triage" is its 61st tool
    if params == SEARCH:
        params = search_matching(Tool.objects.published().get(name="Aegis Triage"))
    cold_small, warm_small = queries(signed_in, URL, params), queries(signed_in, URL, params)
    demo.seed(tools=150)
    cache.clear()
    cold_large, warm_large = queries(signed_in, URL, params), queries(signed_in, URL, params)
    assert len(cold_large) == len(cold_small) <= 12, "\n".join(cold_large)
    assert len(warm_large) == len(warm_small) <= 10, "\n".join(warm_large)
    # Warm, the taxonomy, the facet counts and the page (its tools and their HTML) come from
    # the cache; the member's bookmarks among those tools take one query instead of two. Cold,
    # the tools' capabilities are named from their rows on PostgreSQL (`facet_terms`), from
    # the link table elsewhere: one more query.
    link_table = 0 if connection.vendor == "postgresql" else 1
    assert len(warm_large) == len(cold_large) - 2 - link_table


def test_the_tool_page_costs_the_same_queries_with_many_reviews_terms_and_bookmarks(
    signed_in, member
):
    quiet = factories.ToolFactory()
    busy = factories.ToolFactory(
        capabilities=factories.CapabilityFactory.create_batch(4),
        languages=factories.LanguageFactory.create_batch(5),
        countries=factories.CountryFactory.create_batch(6),
    )
    for _ in range(12):
        factories.ToolReviewFactory(tool=busy, status="published")
    for tool in factories.ToolFactory.create_batch(5):
        factories.BookmarkFactory(user=member, tool=tool)
    factories.BookmarkFactory(user=member, tool=busy)
    few, many = (
        queries(signed_in, quiet.get_absolute_url()),
        queries(signed_in, busy.get_absolute_url()),
    )
    assert len(few) == len(many) <= 12, "\n".join(many)


def test_the_tool_page_knows_its_bookmark_and_three_others_to_compare(signed_in, member):
    tool = factories.ToolFactory()
    others = factories.ToolFactory.create_batch(4)
    for other in others:
        factories.BookmarkFactory(user=member, tool=other)
    response = signed_in.get(tool.get_absolute_url())
    assert response.context["is_bookmarked"] is False
    assert len(response.context["compare_slugs"].split(",")) == 4
    factories.BookmarkFactory(user=member, tool=tool)
    response = signed_in.get(tool.get_absolute_url())
    assert response.context["is_bookmarked"] is True
    assert response.context["compare_slugs"].split(",")[0] == tool.slug
    assert tool.slug not in response.context["compare_slugs"].split(",")[1:]


def counts(client, params=None) -> dict[str, int]:
    response = client.get(URL, params or {})
    found = {
        term["slug"]: term["count"]
        for _parameter, _label, terms in response.context["facets"]
        for term in terms
    }
    return {"count": response.context["count"], **found}


def test_cached_counts_follow_publishing_archiving_and_deleting(signed_in):
    ocr = factories.CapabilityFactory(name="OCR", slug="ocr")
    tool = factories.ToolFactory(capabilities=[ocr])
    assert counts(signed_in)["ocr"] == 1
    assert counts(signed_in)["count"] == 1  # now from the cache
    draft = factories.ToolFactory(status=Tool.Status.DRAFT, capabilities=[ocr])
    assert counts(signed_in)["ocr"] == 1
    draft.status = Tool.Status.PUBLISHED
    draft.save()
    found = counts(signed_in)
    assert (found["ocr"], found["count"]) == (2, 2)
    tool.status = Tool.Status.ARCHIVED
    tool.save()
    assert counts(signed_in)["ocr"] == 1
    draft.delete()
    assert counts(signed_in)["ocr"] == 0
    assert counts(signed_in)["count"] == 0


def test_cached_counts_and_page_follow_a_tools_terms(signed_in):
    ocr = factories.CapabilityFactory(name="OCR", slug="ocr")
    audio = factories.CapabilityFactory(name="Audio", slug="audio")
    tool = factories.ToolFactory(capabilities=[ocr])
    assert (counts(signed_in)["ocr"], counts(signed_in)["audio"]) == (1, 0)
    tool.capabilities.add(audio)
    assert counts(signed_in)["audio"] == 1
    assert 'id="f-capability-audio"' in signed_in.get(URL).content.decode()
    tool.capabilities.remove(ocr)
    assert counts(signed_in)["ocr"] == 0
    tool.capabilities.clear()
    assert counts(signed_in)["audio"] == 0
    # The search (text and facets) is part of what is cached: another search, other counts.
    tool.capabilities.add(ocr)
    assert counts(signed_in, {"capability": "ocr"})["count"] == 1
    assert counts(signed_in, {"capability": "audio"})["count"] == 0


def test_the_cached_taxonomy_follows_new_renamed_and_deleted_terms(signed_in):
    factories.ToolFactory()
    assert "ocr" not in counts(signed_in)
    ocr = factories.CapabilityFactory(name="OCR", slug="ocr")
    assert counts(signed_in, {"capability": "ocr"})["ocr"] == 0
    ocr.name = "Optical character recognition"
    ocr.save()
    assert "Optical character recognition" in signed_in.get(URL).content.decode()
    ocr.delete()
    response = signed_in.get(URL, {"capability": "ocr"})
    assert "not recognised" in response.content.decode()


def test_each_process_keeps_the_taxonomy_of_the_current_version_only(signed_in, monkeypatch):
    ocr = factories.CapabilityFactory(name="OCR", slug="ocr")
    factories.ToolFactory(capabilities=[ocr])
    asked: list[str] = []
    read = caching.read
    monkeypatch.setattr(caching, "read", lambda key: asked.append(key) or read(key))

    def taxonomy_reads() -> int:
        assert signed_in.get(URL, {"capability": "ocr"}).status_code == 200
        found = sum(key.startswith(f"{caching.PREFIX}:taxonomy:") for key in asked)
        asked.clear()
        return found

    caching.bump()
    assert taxonomy_reads() == 1  # a new version: the process asks the cache once
    assert taxonomy_reads() == 0  # then holds it, and asks nothing more
    ocr.name = "Optical character recognition"
    ocr.save()  # curation moves the version on
    assert taxonomy_reads() == 1
    assert "Optical character recognition" in signed_in.get(URL).content.decode()
    assert {held for held, _language in caching._taxonomies} == {caching.version()}
    # No longer than the cache keeps it: a change that bypassed the version heals with both.
    later = time.monotonic() + caching.TIMEOUT + 1
    monkeypatch.setattr(caching.time, "monotonic", lambda: later)
    assert taxonomy_reads() == 1


def test_a_rolled_back_change_leaves_no_entry_behind_for_another_state():
    """Versions are random tokens, not counters: two states never share a cache key."""
    caching.bump()
    first = caching.version()
    caching.bump()
    assert caching.version() != first


def listed(client, params=None) -> str:
    return client.get(URL, params or {}).content.decode()


def test_a_cached_page_shows_each_member_their_own_bookmarks(signed_in, member, client_factory):
    tool = factories.ToolFactory(name="Hash Matcher")
    other = sign_in(client_factory(), factories.MemberFactory())
    assert "Bookmarked" not in listed(signed_in)
    factories.BookmarkFactory(user=member, tool=tool)
    assert "Bookmarked" in listed(signed_in)  # the page's tools are cached; bookmarks are not
    assert "Hash Matcher" in listed(other) and "Bookmarked" not in listed(other)
    member.tool_bookmarks.all().delete()
    assert "Bookmarked" not in listed(signed_in)


def test_a_cached_page_follows_curation_and_ratings(signed_in):
    provider = factories.ProviderFactory(name="Acme Forensics")
    tool = factories.ToolFactory(name="Hash Matcher", summary="Matches hashes.", provider=provider)
    page = listed(signed_in)
    assert ">Hash Matcher</a>" in page and "Acme Forensics" in page
    tool.name = "Hash Finder"
    tool.save()
    provider.name = "Acme Labs"
    provider.save()
    page = listed(signed_in)
    assert ">Hash Finder</a>" in page and "Hash Matcher" not in page and "Acme Labs" in page
    review = factories.ToolReviewFactory(tool=tool, rating=2)
    services.moderate_review(review, publish=True, by=factories.CuratorFactory())
    assert "2.0 out of 5 from 1 review" in listed(signed_in)
    tool.status = Tool.Status.ARCHIVED
    tool.save()
    assert "Hash Finder" not in listed(signed_in)


def test_each_page_and_order_of_a_search_is_cached_apart(signed_in):
    for number in range(25):
        factories.ToolFactory(
            name=f"Tool {number:02d}", last_verified=date(2026, 1, 1) + timedelta(days=number)
        )
    first = listed(signed_in, {"sort": "name"})
    second = listed(signed_in, {"sort": "name", "page": 2})
    assert "Tool 00" in first and "Tool 00" not in second
    assert "Tool 24" in second and "Tool 24" not in first
    newest_first = listed(signed_in, {"sort": "verified"})
    assert "Tool 24" in newest_first and "Tool 00" not in newest_first
