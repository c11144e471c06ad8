"""Bookmarks, reviews and saved searches: a member's own, private to them."""

import pytest
from django.urls import reverse

from catalog.models import Bookmark, SavedSearch, Tool, ToolReview
from tests import factories
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


# Bookmarks


def test_bookmark_toggles_and_lists(member_client, member):
    tool = factories.ToolFactory(name="Keeper")
    url = reverse("catalog:bookmark", args=[tool.slug])
    response = member_client.post(url)
    assert response.status_code == 302 and response["Location"] == tool.get_absolute_url()
    assert Bookmark.objects.filter(user=member, tool=tool).exists()
    assert "Keeper" in member_client.get(reverse("catalog:bookmarks")).content.decode()
    member_client.post(url)
    assert not Bookmark.objects.filter(user=member).exists()


def test_bookmark_redirects_only_to_this_site(member_client):
    tool = factories.ToolFactory()
    url = reverse("catalog:bookmark", args=[tool.slug])
    assert member_client.post(url, {"next": "/catalog/?q=x"})["Location"] == "/catalog/?q=x"
    assert member_client.post(url, {"next": "https://evil.example"})["Location"] == (
        tool.get_absolute_url()
    )


def test_bookmark_needs_post_and_a_published_tool(member_client):
    tool = factories.ToolFactory(status=Tool.Status.DRAFT)
    assert member_client.get(reverse("catalog:bookmark", args=[tool.slug])).status_code == 405
    assert member_client.post(reverse("catalog:bookmark", args=[tool.slug])).status_code == 404


def test_bookmarks_are_private(member_client, member):
    mine = factories.BookmarkFactory(user=member, tool=factories.ToolFactory(name="Mine"))
    theirs = factories.BookmarkFactory(tool=factories.ToolFactory(name="Theirs"))
    body = member_client.get(reverse("catalog:bookmarks")).content.decode()
    assert "Mine" in body and "Theirs" not in body
    url = reverse("catalog:bookmark_delete", args=[theirs.uuid])
    assert member_client.post(url).status_code == 404
    assert Bookmark.objects.filter(pk=theirs.pk).exists()
    assert (
        member_client.post(reverse("catalog:bookmark_delete", args=[mine.uuid])).status_code == 302
    )
    assert not Bookmark.objects.filter(pk=mine.pk).exists()


def test_bookmarks_need_a_member(client, applicant):
    assert client.get(reverse("catalog:bookmarks")).status_code == 302
    sign_in(client, applicant)
    assert client.get(reverse("catalog:bookmarks")).status_code == 403


def test_bookmarks_of_unpublished_tools_are_hidden(member_client, member):
    factories.BookmarkFactory(
        user=member, tool=factories.ToolFactory(name="Gone", status="archived")
    )
    assert "Gone" not in member_client.get(reverse("catalog:bookmarks")).content.decode()


# Reviews


def test_member_writes_a_review_that_waits_for_moderation(member_client, member, client_factory):
    tool = factories.ToolFactory()
    url = reverse("catalog:review_create", args=[tool.slug])
    assert member_client.get(url).status_code == 200
    response = member_client.post(
        url, {"rating": "4", "context": "Pilot in our unit.", "what_worked": "Fast.", "limits": ""}
    )
    assert response.status_code == 302
    review = ToolReview.objects.get(tool=tool, author=member)
    assert review.status == ToolReview.Status.PENDING
    other = sign_in(client_factory(), factories.MemberFactory())
    assert "Pilot in our unit." not in other.get(tool.get_absolute_url()).content.decode()


def test_review_form_errors_are_shown(member_client):
    tool = factories.ToolFactory()
    response = member_client.post(
        reverse("catalog:review_create", args=[tool.slug]), {"rating": "9"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert not ToolReview.objects.exists()


def test_a_second_review_goes_to_the_first(member_client, member):
    review = factories.ToolReviewFactory(author=member)
    response = member_client.get(reverse("catalog:review_create", args=[review.tool.slug]))
    assert response["Location"] == reverse("catalog:review_edit", args=[review.uuid])


def test_editing_a_published_review_sends_it_back_to_moderation(member_client, member):
    review = factories.ToolReviewFactory(author=member, status="published", rating=5)
    review.tool.refresh_rating()
    response = member_client.post(
        reverse("catalog:review_edit", args=[review.uuid]),
        {"rating": "2", "context": "Changed my mind."},
    )
    assert response.status_code == 302
    review.refresh_from_db()
    review.tool.refresh_from_db()
    assert review.status == ToolReview.Status.PENDING
    assert review.tool.rating_count == 0


def test_reviews_of_others_are_404(member_client):
    theirs = factories.ToolReviewFactory()
    assert member_client.get(reverse("catalog:review_edit", args=[theirs.uuid])).status_code == 404
    response = member_client.post(reverse("catalog:review_delete", args=[theirs.uuid]))
    assert response.status_code == 404
    assert ToolReview.objects.filter(pk=theirs.pk).exists()


def test_author_deletes_their_review(member_client, member):
    review = factories.ToolReviewFactory(author=member, status="published")
    assert (
        member_client.post(reverse("catalog:review_delete", args=[review.uuid])).status_code == 302
    )
    assert not ToolReview.objects.exists()


def test_reviews_need_a_published_tool(member_client):
    tool = factories.ToolFactory(status="draft")
    assert member_client.get(reverse("catalog:review_create", args=[tool.slug])).status_code == 404


# Saved searches


def test_member_saves_a_search_from_the_catalogue(member_client, member):
    response = member_client.post(
        reverse("catalog:saved_searches"),
        {
            "name": "Hash tools",
            "query_string": "q=hash&page=3&bogus=1&sort=name",
            "weekly_digest": "on",
        },
    )
    assert response.status_code == 302
    saved = SavedSearch.objects.get(user=member)
    assert saved.query_string == "q=hash&sort=name"
    assert saved.weekly_digest
    body = member_client.get(reverse("catalog:saved_searches")).content.decode()
    assert "Hash tools" in body and "/catalog/?q=hash&amp;sort=name" in body


def test_saved_search_names_are_unique_per_member(member_client, member):
    factories.SavedSearchFactory(user=member, name="Mine")
    factories.SavedSearchFactory(name="Theirs")
    url = reverse("catalog:saved_searches")
    response = member_client.post(url, {"name": "mine", "query_string": ""})
    assert response.status_code == 400
    assert "already have a saved search" in response.content.decode()
    assert member_client.post(url, {"name": "Theirs", "query_string": ""}).status_code == 302


def test_saved_search_without_a_name_is_an_error(member_client):
    response = member_client.post(reverse("catalog:saved_searches"), {"query_string": "q=x"})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_saved_searches_are_private(member_client, member):
    factories.SavedSearchFactory(user=member, name="Visible to me")
    theirs = factories.SavedSearchFactory(name="Someone else's", weekly_digest=False)
    body = member_client.get(reverse("catalog:saved_searches")).content.decode()
    assert "Visible to me" in body and "Someone else" not in body
    url = reverse("catalog:saved_search_update", args=[theirs.uuid])
    assert member_client.post(url, {"weekly_digest": "on"}).status_code == 404
    delete = reverse("catalog:saved_search_delete", args=[theirs.uuid])
    assert member_client.post(delete).status_code == 404
    theirs.refresh_from_db()
    assert theirs.weekly_digest is False


def test_member_turns_the_digest_off_and_deletes(member_client, member):
    saved = factories.SavedSearchFactory(user=member, weekly_digest=True)
    member_client.post(reverse("catalog:saved_search_update", args=[saved.uuid]), {})
    saved.refresh_from_db()
    assert saved.weekly_digest is False
    member_client.post(reverse("catalog:saved_search_delete", args=[saved.uuid]))
    assert not SavedSearch.objects.exists()


def test_private_models_say_so():
    assert Bookmark.PRIVATE and SavedSearch.PRIVATE
    # Curators moderate reviews, so the roles module must not hide them from curators.
    assert not getattr(ToolReview, "PRIVATE", False)


# Finder

FINDER = reverse("catalog:finder")


def test_finder_ranks_by_fit_and_explains(member_client, terms):
    best = factories.ToolFactory(
        name="Best",
        stages=[terms["victim"]],
        data_types=[terms["images"]],
        languages=[terms["arabic"]],
        licences=[terms["open"]],
        deployments=[terms["airgap"]],
    )
    factories.ToolFactory(
        name="Partial",
        stages=[terms["victim"]],
        languages=[terms["arabic"]],
        licences=[terms["open"]],
        deployments=[terms["airgap"]],
    )
    factories.ToolFactory(  # fits every nice-to-have, but Arabic is a must
        name="No Arabic",
        stages=[terms["victim"]],
        data_types=[terms["images"]],
        licences=[terms["open"]],
        deployments=[terms["airgap"]],
    )
    factories.ToolFactory(
        name="Cloud only",
        stages=[terms["victim"]],
        licences=[terms["open"]],
        deployments=[terms["cloud"]],
    )
    factories.ToolFactory(
        name="Commercial", stages=[terms["victim"]], licences=[terms["commercial"]],
        deployments=[terms["airgap"]],
    )  # fmt: skip
    factories.ToolFactory(name="Draft", status="draft", stages=[terms["victim"]])
    response = member_client.get(
        FINDER,
        {"stage": "victim", "data_types": "images", "languages": "arabic", "budget": "free",
         "air_gapped": "on"},
    )  # fmt: skip
    matches = response.context["matches"]
    assert [m.tool.name for m in matches] == ["Best", "Partial"]
    assert matches[0].tool == best
    assert any("Images" in reason for reason in matches[0].reasons)
    assert "Can run air-gapped" in matches[0].reasons
    assert "Why it matched" in response.content.decode()


def test_a_must_language_is_a_filter_and_nice_to_haves_only_rank(member_client, terms):
    factories.ToolFactory(name="Arabic, wrong stage", languages=[terms["arabic"]])
    factories.ToolFactory(
        name="Arabic, right stage", languages=[terms["arabic"]], stages=[terms["victim"]]
    )
    for n in range(7):
        factories.ToolFactory(name=f"Other {n}", stages=[terms["victim"]])
    response = member_client.get(FINDER, {"languages": "arabic", "stage": "victim"})
    names = [m.tool.name for m in response.context["matches"]]
    assert names == ["Arabic, right stage", "Arabic, wrong stage"]
    # Without the must, the nice-to-have ranks every tool and leaves none out.
    response = member_client.get(FINDER, {"stage": "victim"})
    names = [m.tool.name for m in response.context["matches"]]
    assert "Arabic, wrong stage" in names and names[-1] == "Arabic, wrong stage"
    assert "A must: only tools that handle every language" in response.content.decode()


def test_every_must_language_is_needed(member_client, terms):
    factories.ToolFactory(name="Both", languages=[terms["arabic"], terms["english"]])
    factories.ToolFactory(name="Arabic only", languages=[terms["arabic"]])
    response = member_client.get(FINDER, {"languages": ["arabic", "english"]})
    assert [m.tool.name for m in response.context["matches"]] == ["Both"]


def test_finder_without_answers_shows_the_questions(member_client):
    response = member_client.get(FINDER)
    assert response.status_code == 200
    assert response.context["matches"] is None


def test_finder_rejects_unknown_answers_cleanly(member_client):
    response = member_client.get(FINDER, {"stage": "nope", "budget": "lots"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_finder_is_for_members(client):
    assert client.get(FINDER).status_code == 302
