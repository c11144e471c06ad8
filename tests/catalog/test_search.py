"""/catalog/: search, facets and their counts, sorting, pagination, bad parameters, queries."""

import re
from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from catalog.models import Capability, Tool
from tests import factories
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

URL = reverse("catalog:index")


def names(response) -> list[str]:
    return [tool.name for tool in response.context["tools"]]


def facet(response, parameter: str) -> dict[str, int]:
    for name, _label, terms in response.context["facets"]:
        if name == parameter:
            return {term["slug"]: term["count"] for term in terms}
    raise AssertionError(parameter)


@pytest.fixture
def catalogue(terms):
    """Four published tools, a draft and an archived one."""
    return {
        "hashmatch": factories.ToolFactory(
            name="Hashmatch",
            summary="Matches seized media against known hash lists.",
            capabilities=[terms["hash"]],
            deployments=[terms["onprem"], terms["airgap"]],
            licences=[terms["open"]],
        ),
        "agelens": factories.ToolFactory(
            name="Agelens",
            summary="Estimates apparent age.",
            description="Uses a neural network trained for **age estimation**.",
            capabilities=[terms["age"]],
            deployments=[terms["cloud"]],
            licences=[terms["commercial"]],
        ),
        "chatsift": factories.ToolFactory(
            name="Chatsift",
            summary="Flags grooming in chat logs.",
            capabilities=[terms["ocr"]],
            deployments=[terms["onprem"]],
            licences=[terms["commercial"]],
        ),
        "dual": factories.ToolFactory(
            name="Dualscan",
            summary="Hashes and ages.",
            capabilities=[terms["hash"], terms["age"]],
            deployments=[terms["cloud"]],
            licences=[terms["open"]],
        ),
        "draft": factories.ToolFactory(
            name="Secret draft hash", status=Tool.Status.DRAFT, capabilities=[terms["hash"]]
        ),
        "archived": factories.ToolFactory(
            name="Old hash", status=Tool.Status.ARCHIVED, capabilities=[terms["hash"]]
        ),
    }


def test_lists_published_tools_only_with_their_count(member_client, catalogue):
    response = member_client.get(URL)
    assert response.status_code == 200
    assert names(response) == ["Agelens", "Chatsift", "Dualscan", "Hashmatch"]
    assert "4 tools" in response.content.decode()


def test_anonymous_visitor_is_sent_to_sign_in(client, catalogue):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_applicant_is_not_let_in(applicant_client, catalogue):
    assert applicant_client.get(URL).status_code == 403


def test_search_matches_name_summary_description_provider_and_terms(member_client, catalogue):
    assert names(member_client.get(URL, {"q": "hashmatch"})) == ["Hashmatch"]
    assert names(member_client.get(URL, {"q": "grooming"})) == ["Chatsift"]
    assert names(member_client.get(URL, {"q": "neural"})) == ["Agelens"]
    provider = catalogue["chatsift"].provider.name
    assert names(member_client.get(URL, {"q": provider})) == ["Chatsift"]
    # A taxonomy term's name finds the tools that carry it.
    assert sorted(names(member_client.get(URL, {"q": "estimation"}))) == ["Agelens", "Dualscan"]


def test_search_never_finds_drafts(member_client, catalogue):
    assert names(member_client.get(URL, {"q": "secret draft"})) == []


def test_every_word_must_match(member_client, catalogue):
    assert names(member_client.get(URL, {"q": "hash age"})) == ["Dualscan"]


def test_search_and_filters_combine(member_client, catalogue):
    response = member_client.get(
        URL, {"q": "hash", "licence": "open-source", "deployment": "cloud"}
    )
    assert names(response) == ["Dualscan"]


def test_terms_of_one_facet_widen_and_facets_narrow(member_client, catalogue):
    either = member_client.get(URL, {"capability": ["hash-matching", "ocr"]})
    assert names(either) == ["Chatsift", "Dualscan", "Hashmatch"]
    both = member_client.get(
        URL, {"capability": ["hash-matching", "ocr"], "licence": "open-source"}
    )
    assert names(both) == ["Dualscan", "Hashmatch"]


def test_facet_counts_reflect_the_other_active_filters(member_client, catalogue):
    response = member_client.get(URL, {"capability": "hash-matching", "licence": "open-source"})
    # Capability counts ignore the capability filter, but respect the licence filter.
    assert facet(response, "capability") == {
        "hash-matching": 2,
        "age-estimation": 1,
        "ocr": 0,
    }
    # Licence counts respect the capability filter, and ignore the licence filter itself.
    assert facet(response, "licence") == {"open-source": 2, "commercial": 0}
    assert facet(response, "deployment") == {"on-premises": 1, "air-gapped": 1, "cloud": 1}


def test_facet_counts_respect_the_search(member_client, catalogue):
    response = member_client.get(URL, {"q": "hashes ages"})
    assert names(response) == ["Dualscan"]
    assert facet(response, "capability")["hash-matching"] == 1
    assert facet(response, "capability")["ocr"] == 0


def test_facet_counts_ignore_drafts(member_client, catalogue):
    response = member_client.get(URL)
    assert facet(response, "capability")["hash-matching"] == 2


def test_selected_terms_are_checked(member_client, catalogue):
    body = member_client.get(URL, {"capability": "ocr"}).content.decode()
    assert 'value="ocr" id="f-capability-ocr" checked' in body


def test_facet_panels_are_kept_per_search_and_language_until_curation(member_client, catalogue):
    def panel_count(response, slug: str) -> str:
        found = re.search(
            rf'id="f-capability-{slug}"><label[^>]*>[^<]*<span class="facet__count">\((\d+)',
            response.content.decode(),
        )
        assert found, slug
        return found.group(1)

    assert panel_count(member_client.get(URL, {"q": "hash"}), "hash-matching") == "2"
    assert panel_count(member_client.get(URL, {"q": "hash"}), "hash-matching") == "2"  # kept
    assert panel_count(member_client.get(URL), "hash-matching") == "2"  # another search
    catalogue["chatsift"].capabilities.add(Capability.objects.get(slug="hash-matching"))
    assert panel_count(member_client.get(URL), "hash-matching") == "3"  # curation: forgotten
    english = member_client.get(URL, {"q": "hash"}).content.decode()
    french = member_client.get(URL, {"q": "hash"}, headers={"accept-language": "fr"})
    assert "<summary>Maturity</summary>" in english
    assert "<summary>Maturité</summary>" in french.content.decode()  # not the English panels


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["Agelens", "Chatsift", "Dualscan", "Hashmatch"]),
        ("verified", ["Chatsift", "Agelens", "Hashmatch", "Dualscan"]),
        ("rating", ["Hashmatch", "Dualscan", "Agelens", "Chatsift"]),
    ],
)
def test_sorting(member_client, catalogue, sort, expected):
    today = timezone.localdate()
    for days, key in enumerate(["chatsift", "agelens", "hashmatch", "dual"]):
        Tool.objects.filter(pk=catalogue[key].pk).update(last_verified=today - timedelta(days))
    Tool.objects.filter(pk=catalogue["hashmatch"].pk).update(rating_average=4.5, rating_count=2)
    Tool.objects.filter(pk=catalogue["dual"].pk).update(rating_average=3, rating_count=5)
    Tool.objects.filter(pk=catalogue["agelens"].pk).update(rating_average=3, rating_count=1)
    Tool.objects.filter(pk=catalogue["chatsift"].pk).update(last_verified=today)
    assert names(member_client.get(URL, {"sort": sort})) == expected


def test_relevance_puts_name_matches_before_other_matches(member_client, catalogue):
    factories.ToolFactory(name="Trace", summary="Uses hashmatch data.")
    assert names(member_client.get(URL, {"q": "hashmatch"})) == ["Hashmatch", "Trace"]


def test_pagination_keeps_the_filters(member_client, terms):
    for i in range(25):
        factories.ToolFactory(name=f"Hash tool {i:02d}", capabilities=[terms["hash"]])
    factories.ToolFactory(name="Other")
    response = member_client.get(URL, {"capability": "hash-matching", "page": 2})
    assert names(response) == [f"Hash tool {i}" for i in range(20, 25)]
    assert "25 tools" in response.content.decode()
    assert "capability=hash-matching&amp;page=1" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "999999999999999999999"},
        {"page": "-1"},
        {"sort": "bogus"},
        {"capability": "no-such-term"},
        {"maturity": "ancient"},
        {"q": "x" * 10_000},
        {"q": "\x00 'unbalanced \" (quote & | !"},
        {"unknown": "parameter"},
    ],
)
def test_bad_parameters_give_a_clean_page(member_client, catalogue, params):
    response = member_client.get(URL, params)
    assert response.status_code == 200
    assert len(response.context["tools"]) >= 1 or "q" in params


def test_unknown_filter_values_are_ignored_with_a_message(member_client, catalogue):
    response = member_client.get(URL, {"capability": "no-such-term", "licence": "open-source"})
    assert names(response) == ["Dualscan", "Hashmatch"]
    assert "not recognised" in response.content.decode()


def test_an_absurd_page_number_shows_the_last_page(member_client, catalogue):
    response = member_client.get(URL, {"page": "500"})
    assert names(response) == ["Agelens", "Chatsift", "Dualscan", "Hashmatch"]


def _many_tools(terms, count: int) -> None:
    for i in range(count):
        factories.ToolFactory(
            capabilities=[terms["hash"] if i % 2 else terms["age"]],
            licences=[terms["open"]],
            languages=[terms["english"] if i % 3 else terms["arabic"]],
        )


@pytest.mark.parametrize(
    ("params", "budget"),
    [
        ({}, 12),
        # Each facet in use adds one query, to check its terms exist.
        ({"q": "tool", "capability": "hash-matching", "sort": "rating", "page": "2"}, 13),
    ],
)
def test_query_count_stays_flat_as_the_catalogue_grows(client, member, terms, params, budget):
    sign_in(client, member)
    client.get(URL)  # the first request of a session records it; measure the ones after
    _many_tools(terms, 5)
    with CaptureQueriesContext(connection) as small:
        assert client.get(URL, params).status_code == 200
    _many_tools(terms, 60)
    with CaptureQueriesContext(connection) as large:
        assert client.get(URL, params).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)
    assert len(large.captured_queries) <= budget, "\n".join(
        q["sql"][:90] for q in large.captured_queries
    )


def test_filtering_link_regions_exist_for_the_script(member_client, catalogue):
    body = member_client.get(URL).content.decode()
    assert 'id="catalog-results" data-catalog-swap' in body
    assert 'id="catalog-count" role="status" aria-live="polite"' in body
    assert "<script>" not in body and "style=" not in body


@pytest.mark.postgres
def test_postgres_ranks_an_exact_name_match_first(member_client, terms):
    factories.ToolFactory(
        name="Sentinel Scan Pro", summary="Sentinel sentinel sentinel scan.", description="Sentinel"
    )
    factories.ToolFactory(name="Sentinel", summary="A triage tool.")
    factories.ToolFactory(name="Other", summary="Mentions sentinel once.")
    response = member_client.get(URL, {"q": "Sentinel"})
    assert names(response)[0] == "Sentinel"
    assert set(names(response)) == {"Sentinel", "Sentinel Scan Pro", "Other"}


@pytest.mark.postgres
def test_postgres_search_vector_follows_terms_and_providers(member_client, terms):
    tool = factories.ToolFactory(name="Plain", summary="Nothing special.")
    assert names(member_client.get(URL, {"q": "grooming"})) == []
    tool.capabilities.add(factories.CapabilityFactory(name="Grooming detection", slug="grooming"))
    assert names(member_client.get(URL, {"q": "grooming"})) == ["Plain"]
    tool.provider.name = "Northwind Forensics"
    tool.provider.save()
    assert names(member_client.get(URL, {"q": "northwind"})) == ["Plain"]
    assert connection.vendor == "postgresql"


@pytest.mark.postgres
def test_postgres_weights_name_above_description(member_client):
    factories.ToolFactory(name="Alpha", summary="x", description="classifier for images")
    factories.ToolFactory(name="Classifier", summary="y")
    assert names(member_client.get(URL, {"q": "classifier"})) == ["Classifier", "Alpha"]


def test_fallback_words_are_few_distinct_and_long_enough():
    from catalog.querysets import FALLBACK_MAX_WORDS, FALLBACK_MIN_WORD

    words = [f"word{i}" for i in range(10)]
    used = Tool.objects.all().fallback_words(" ".join(["a", *words, "WORD0", "b"]))
    assert used == words[:FALLBACK_MAX_WORDS]
    assert Tool.objects.all().fallback_words("a b c") == []
    assert all(len(word) >= FALLBACK_MIN_WORD for word in used)


def test_fallback_word_match_joins_nothing():
    """A join per facet multiplies each tool's rows by its terms: the word is matched by ids."""
    sql = str(Tool.objects.filter(Tool.objects.all().matching_word("hash")).query).upper()
    assert " JOIN " not in sql


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the SQLite fallback's SQL")
def test_fallback_search_work_is_bounded_whatever_is_typed():
    from catalog.querysets import FALLBACK_MAX_WORDS

    def likes(query: str) -> int:
        return str(Tool.objects.search(query).query).upper().count(" LIKE ")

    per_word = likes("hash hashes") - likes("hash")
    assert per_word > 0
    assert likes("a") == likes("hash") - per_word  # no word long enough: the exact name only
    for query in ("a b c d e f g h i j", " ".join(f"word{i}" for i in range(50))):
        assert likes(query) <= likes("hash") + (FALLBACK_MAX_WORDS - 1) * per_word, query


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the SQLite fallback")
def test_fallback_one_letter_query_finds_an_exact_name_only(member_client, catalogue):
    factories.ToolFactory(name="X", summary="A tool with a one-letter name.")
    assert names(member_client.get(URL, {"q": "a"})) == []
    assert names(member_client.get(URL, {"q": "x"})) == ["X"]


def test_facet_counts_search_the_text_once(member_client, catalogue):
    """Every facet's count and the total share one search of the text, not one search each."""
    params = {"q": "hash", "licence": "open-source", "deployment": "cloud"}
    with CaptureQueriesContext(connection) as queries:
        response = member_client.get(URL, params)
    assert facet(response, "licence") == {"commercial": 0, "open-source": 1}
    (counts,) = [q["sql"] for q in queries.captured_queries if "catalog_search_hits" in q["sql"]]
    searched = '"search_vector" @@' if connection.vendor == "postgresql" else '"description"'
    assert counts.count(searched) == 1, counts


# --- Issue 18: what people type, and counts that follow curation ------------------------------


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"hash lists"', ["Hashmatch"]),  # a phrase: these words, in this order
        ('"lists hash"', []),
        ("hashmatch or agelens", ["Agelens", "Hashmatch"]),
        ("hash -hashmatch", ["Dualscan"]),  # without the word
        ("-hashmatch hash", ["Dualscan"]),
    ],
)
def test_postgres_understands_websearch_syntax(member_client, catalogue, query, expected):
    response = member_client.get(URL, {"q": query, "sort": "name"})
    assert names(response) == expected
    assert response.context["count"] == len(expected)


def test_search_finds_words_in_descriptions_summaries_and_capabilities(member_client, terms):
    """On either database: words about a tool find it, wherever curators wrote them."""
    grooming = factories.CapabilityFactory(name="Grooming and chat analysis", slug="grooming")
    factories.ToolFactory(
        name="Lumen", summary="Reviews seized media.", description="Finds known CSAM quickly."
    )
    factories.ToolFactory(name="Cairn", summary="Matches files by perceptual hash.")
    factories.ToolFactory(name="Quill", summary="Reads chat logs.", capabilities=[grooming])
    assert names(member_client.get(URL, {"q": "CSAM"})) == ["Lumen"]
    assert names(member_client.get(URL, {"q": "hash"})) == ["Cairn"]
    assert names(member_client.get(URL, {"q": "grooming"})) == ["Quill"]


def test_facet_counts_follow_a_tool_s_terms_as_they_change(member_client, catalogue, terms):
    """The counts read each tool's stored terms on PostgreSQL: they must follow every change."""
    counts = lambda: facet(member_client.get(URL, {"q": "hash"}), "licence")  # noqa: E731
    assert counts() == {"commercial": 0, "open-source": 2}  # Hashmatch and Dualscan
    catalogue["dual"].licences.set([terms["commercial"]])  # an M2M change
    assert counts() == {"commercial": 1, "open-source": 1}
    terms["commercial"].tools.remove(catalogue["dual"])  # from the term's side
    assert counts() == {"commercial": 0, "open-source": 1}
    terms["open"].delete()  # the links go with it, without an M2M signal
    assert counts() == {"commercial": 0}
    assert facet(member_client.get(URL, {"q": "hash"}), "capability")["hash-matching"] == 2


def test_facet_counts_follow_publishing(member_client, catalogue, terms):
    draft = catalogue["draft"]
    counts = lambda: facet(member_client.get(URL, {"q": "hash"}), "capability")  # noqa: E731
    assert counts()["hash-matching"] == 2
    draft.move_to(Tool.Status.IN_REVIEW, by=factories.MemberFactory(is_superuser=True), reason="")
    draft.move_to(Tool.Status.PUBLISHED, by=factories.MemberFactory(is_superuser=True), reason="")
    assert counts()["hash-matching"] == 3


def test_facet_counts_follow_an_admin_save(client, member_client, catalogue, terms):
    from tests.catalog.test_publishing import change_url, form_data, staff_with

    editor = staff_with("view_tool", "change_tool", "add_tool")
    sign_in(client, editor)
    tool = catalogue["chatsift"]
    url = change_url(tool)
    data = form_data(client, url) | {"capabilities": [str(terms["hash"].pk)]}
    assert client.post(url, data).status_code == 302
    counts = facet(member_client.get(URL, {"q": "chatsift"}), "capability")
    assert counts["hash-matching"] == 1 and counts["ocr"] == 0
    if connection.vendor == "postgresql":
        tool.refresh_from_db()
        assert tool.facet_terms is not None and len(tool.facet_terms) == sum(
            getattr(tool, field).count() for _p, field, _l in Tool.FACETS
        )
        # Sorted: the counts slice each facet's numbers out of it.
        assert tool.facet_terms == sorted(tool.facet_terms)


@pytest.mark.postgres
def test_facet_terms_written_unsorted_are_sorted_by_the_migration(member_client, terms):
    """A tool last saved before the rebuild sorted its terms holds them in link order; the
    migration sorts them, and the counts, which slice each facet out of them, are right."""
    migration = import_module("catalog.migrations.0009_sort_facet_terms")
    tool = factories.ToolFactory(
        name="Oldtool",
        capabilities=[terms["hash"], terms["age"]],
        deployments=[terms["onprem"]],
        licences=[terms["open"]],
    )
    with connection.cursor() as cursor:  # as an older rebuild left it: link order, reversed
        cursor.execute(
            "UPDATE catalog_tool SET facet_terms ="
            " ARRAY(SELECT n FROM unnest(facet_terms) n ORDER BY n DESC) WHERE id = %s",
            [tool.pk],
        )
    tool.refresh_from_db()
    assert tool.facet_terms != sorted(tool.facet_terms)
    with connection.schema_editor() as schema_editor:
        migration.sort_facet_terms(apps, schema_editor)
    tool.refresh_from_db()
    assert tool.facet_terms == sorted(tool.facet_terms)
    cache.clear()
    response = member_client.get(
        URL, {"q": "oldtool", "deployment": "cloud", "licence": "open-source"}
    )
    assert facet(response, "deployment")["on-premises"] == 1  # it misses the deployment only
    assert facet(response, "capability")["hash-matching"] == 0


def test_each_listed_tool_names_its_capabilities_as_they_change(member_client, catalogue, terms):
    def tags(query: str) -> list[str]:
        html = str(member_client.get(URL, {"q": query}).context["results"])
        return re.findall(r'<span class="tag tag--grey">([^<]+)</span>', html)

    assert sorted(tags("dualscan")) == ["Age estimation", "Hash matching"]
    assert tags("chatsift") == ["OCR and text analysis"]
    catalogue["chatsift"].capabilities.add(terms["hash"])
    assert sorted(tags("chatsift")) == ["Hash matching", "OCR and text analysis"]


def test_a_new_search_pages_as_a_seen_one_does(member_client, terms):
    """The first page of a new search comes with its counts (PostgreSQL: one statement); the
    same pages, in the same order, as the catalogue lists them once cached, for every sort."""
    for i in range(45):
        factories.ToolFactory(
            name=f"Scanner {i:02d}", summary="A scanner.", licences=[terms["open"]]
        )
    for sort in ("relevance", "name", "verified", "rating"):
        cache.clear()  # a search never seen: its first page comes with its counts
        seen = []
        for number in (1, 2, 3):
            params = {"q": "scanner", "licence": "open-source", "sort": sort, "page": number}
            fresh = names(member_client.get(URL, params))
            assert names(member_client.get(URL, params)) == fresh  # cached now
            seen += fresh
        assert len(seen) == 45 and len(set(seen)) == 45, sort
        if sort in {"relevance", "name"}:  # every tool matches alike: by name
            assert seen == sorted(seen), sort
