"""Curation in the admin, review moderation, and the weekly jobs."""

from datetime import timedelta

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from catalog import tasks
from catalog.models import Provider, SavedSearch, Tool, ToolReview
from hub import clock
from hub.models import AuditEvent
from notifications.models import Notification
from tests import factories
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:catalog_tool_changelist")
REVIEWS = reverse("admin:catalog_toolreview_changelist")


def curator(*codenames: str):
    """A curator; with `codenames`, staff holding only those catalogue permissions."""
    if not codenames:
        return factories.CuratorFactory()
    user = factories.MemberFactory(is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="catalog", codename__in=codenames)
    )
    return user


@pytest.fixture
def curator_client(client):
    return sign_in(
        client,
        curator("view_tool", "change_tool", "publish_tool", "view_toolreview", "change_toolreview"),
    )


def act(client, url, action, objects):
    return client.post(
        url, {"action": action, "_selected_action": [o.pk for o in objects]}, follow=True
    )


def test_curator_moves_tools_through_the_workflow(curator_client):
    drafts = [factories.ToolFactory(status="draft") for _ in range(2)]
    act(curator_client, CHANGELIST, "send_to_review", drafts)
    assert set(Tool.objects.values_list("status", flat=True)) == {"in_review"}
    act(curator_client, CHANGELIST, "publish", drafts)
    assert set(Tool.objects.values_list("status", flat=True)) == {"published"}
    assert all(tool.published_at for tool in Tool.objects.all())
    act(curator_client, CHANGELIST, "archive", drafts[:1])
    assert Tool.objects.get(pk=drafts[0].pk).status == "archived"
    assert AuditEvent.objects.filter(action="tool_published").count() == 2
    history = Tool.objects.get(pk=drafts[0].pk).history.all()
    assert [h.status for h in history][:3] == ["archived", "published", "in_review"]
    assert history[0].history_user.is_staff
    assert history[0].history_change_reason == "tool_archived"


def test_curator_without_publish_permission_cannot_publish(client):
    # Not in the "curator" group: accounts.roles gives that role every catalogue permission,
    # publishing included.
    staff = factories.MemberFactory(is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="catalog", codename__in=["view_tool", "change_tool"]
        )
    )
    sign_in(client, staff)
    tool = factories.ToolFactory(status="in_review")
    response = act(client, CHANGELIST, "publish", [tool])
    assert response.status_code == 200
    tool.refresh_from_db()
    assert tool.status == "in_review"


def test_mark_verified_today(curator_client):
    tool = factories.ToolFactory(last_verified=timezone.localdate() - timedelta(days=400))
    act(curator_client, CHANGELIST, "mark_verified_today", [tool])
    tool.refresh_from_db()
    assert tool.last_verified == clock.today()


def test_changelist_filters_and_searches(curator_client):
    factories.ToolFactory(name="Findable", last_verified=timezone.localdate() - timedelta(days=500))
    factories.ToolFactory(name="Fresh")
    response = curator_client.get(CHANGELIST, {"verification": "due"})
    assert [t.name for t in response.context["cl"].result_list] == ["Findable"]
    response = curator_client.get(CHANGELIST, {"q": "fresh"})
    assert [t.name for t in response.context["cl"].result_list] == ["Fresh"]


def test_tool_history_page(curator_client):
    tool = factories.ToolFactory()
    url = reverse("admin:catalog_tool_history", args=[tool.pk])
    assert curator_client.get(url).status_code == 200


@pytest.mark.parametrize("model", [Tool, Provider])
def test_a_website_typed_without_a_scheme_is_taken_as_https(rf, model):
    request = rf.get("/")
    request.user = factories.CuratorFactory()
    form = admin.site._registry[model].get_form(request)
    assert form.base_fields["website"].clean("vendor.example") == "https://vendor.example"


def test_moderation_publishes_and_notifies_the_author(curator_client):
    review = factories.ToolReviewFactory(rating=5)
    act(curator_client, REVIEWS, "publish_reviews", [review])
    review.refresh_from_db()
    review.tool.refresh_from_db()
    assert review.status == ToolReview.Status.PUBLISHED
    assert review.tool.rating_count == 1
    note = Notification.objects.get(kind="review_published")
    assert note.recipient == review.author
    assert review.tool.name in note.subject


def test_moderation_declines_with_a_note(curator_client):
    review = factories.ToolReviewFactory(moderation_note="Please remove the case reference.")
    act(curator_client, REVIEWS, "decline_reviews", [review])
    review.refresh_from_db()
    assert review.status == ToolReview.Status.DECLINED
    note = Notification.objects.get(kind="review_declined")
    assert "Please remove the case reference." in note.body_text
    # Moderating again does nothing: the review is no longer pending.
    act(curator_client, REVIEWS, "publish_reviews", [review])
    review.refresh_from_db()
    assert review.status == ToolReview.Status.DECLINED
    assert Notification.objects.count() == 1


def test_members_cannot_reach_the_admin(member_client):
    # A plain 403 page that says who the admin is for (a redirect to sign in used to loop).
    for url in (CHANGELIST, reverse("admin:index"), reverse("admin:login")):
        response = member_client.get(url)
        assert response.status_code == 403
        assert b"The admin is for curators and administrators" in response.content


# Weekly jobs


def test_review_due_flags_go_to_each_curator_once_a_week():
    first, second = curator(), curator()
    factories.MemberFactory()  # not a curator
    old = factories.ToolFactory(name="Stale", last_verified=clock.today() - timedelta(days=400))
    factories.ToolFactory(name="Fresh")
    factories.ToolFactory(name="Stale draft", status="draft", last_verified=old.last_verified)
    assert tasks.flag_tools_due_for_review() == 2
    assert tasks.flag_tools_due_for_review() == 0  # the same week: nothing again
    notes = Notification.objects.filter(kind="tools_due_for_review")
    assert {n.recipient for n in notes} == {first, second}
    assert "Stale" in notes[0].body_text and "Fresh" not in notes[0].body_text
    assert "Stale draft" not in notes[0].body_text
    with clock.travel(timedelta(days=7)):
        call_command("flag_review_due", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Notification.objects.filter(kind="tools_due_for_review").count() == 4


def test_no_review_due_flags_without_stale_tools():
    curator()
    factories.ToolFactory()
    assert tasks.flag_tools_due_for_review() == 0
    assert not Notification.objects.exists()


def test_saved_search_digest_sends_only_new_matching_tools(terms):
    member = factories.MemberFactory()
    saved = factories.SavedSearchFactory(user=member, query_string="capability=hash-matching")
    SavedSearch.objects.filter(pk=saved.pk).update(
        created_at=clock.now() - timedelta(days=7), last_notified_at=clock.now() - timedelta(days=7)
    )
    factories.ToolFactory(name="New hash", capabilities=[terms["hash"]])
    factories.ToolFactory(name="New other", capabilities=[terms["age"]])
    factories.ToolFactory(name="Old hash", capabilities=[terms["hash"]])
    Tool.objects.filter(name="Old hash").update(published_at=clock.now() - timedelta(days=30))
    factories.ToolFactory(name="Draft hash", status="draft", capabilities=[terms["hash"]])

    assert tasks.send_saved_search_digests() == 1
    assert tasks.send_saved_search_digests() == 0  # safe to run twice
    note = Notification.objects.get(kind="saved_search_digest")
    assert note.recipient == member
    assert "New hash" in note.body_text
    assert "New other" not in note.body_text and "Old hash" not in note.body_text
    assert "Draft hash" not in note.body_text
    saved.refresh_from_db()
    assert saved.last_notified_at is not None

    with clock.travel(timedelta(days=7)):
        factories.ToolFactory(name="Next week hash", capabilities=[terms["hash"]])
        call_command("send_saved_search_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Notification.objects.filter(kind="saved_search_digest").count() == 2


def test_a_digest_searches_in_the_members_language_not_the_workers():
    """A member reading in French saved a French word; the worker runs in English. (On
    PostgreSQL, French stems "numériques" to "numer", English to "numériqu".)"""
    with translation.override("en"):
        factories.ToolFactory(
            name="Alpha",
            summary="Compares hashes.",
            summary_fr="Analyse des preuves numériques.",
        )
    for language in ("fr", ""):  # "" follows the hub's default, English
        saved = factories.SavedSearchFactory(
            user=factories.MemberFactory(language=language), query_string="q=numériques"
        )
        SavedSearch.objects.filter(pk=saved.pk).update(created_at=clock.now() - timedelta(days=1))

    with translation.override("en"):
        assert tasks.send_saved_search_digests() == 1

    note = Notification.objects.get(kind="saved_search_digest")
    assert note.recipient.language == "fr"
    assert "Alpha" in note.body_text
    assert translation.get_language() == "en"  # the worker's own language is left as it was


def test_digests_skip_turned_off_searches_and_lapsed_members(terms):
    factories.SavedSearchFactory(weekly_digest=False, query_string="")
    lapsed = factories.ExpiredMemberFactory()
    factories.SavedSearchFactory(user=lapsed, query_string="")
    SavedSearch.objects.update(created_at=clock.now() - timedelta(days=3))
    factories.ToolFactory()
    assert tasks.send_saved_search_digests() == 0
    assert not Notification.objects.exists()


def test_demo_seed_is_idempotent_and_fast_enough():
    from catalog import demo

    demo.seed(tools=120)
    assert Tool.objects.count() == 120
    published = Tool.objects.published().count()
    assert 90 < published < 120
    demo.seed(tools=120)
    assert Tool.objects.count() == 120
    names = set(Tool.objects.values_list("name", flat=True))
    assert len(names) == 120
    tool = Tool.objects.published().first()
    assert tool.capabilities.exists() and tool.countries.exists()
    assert "Fictional demo entry" in tool.description
