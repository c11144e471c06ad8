"""A review's own admin page: Publish and Decline, and a message that says what happened."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from catalog.models import ToolReview
from notifications.models import Notification
from tests import factories
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator_client(client):
    user = factories.MemberFactory(is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="catalog", codename__in=["view_toolreview", "change_toolreview"]
        )
    )
    return sign_in(client, user)


def _page(review) -> str:
    return reverse("admin:catalog_toolreview_change", args=[review.pk])


def _press(client, review, button: str, note: str = ""):
    return client.post(_page(review), {"moderation_note": note, button: "1"}, follow=True)


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_the_page_has_publish_and_decline_buttons(curator_client):
    review = factories.ToolReviewFactory()
    body = curator_client.get(_page(review)).content.decode()
    assert 'name="_publish"' in body and 'name="_decline"' in body
    assert "This review is pending moderation." in body


def test_publish_on_the_page_publishes_and_tells_the_author(curator_client):
    review = factories.ToolReviewFactory(rating=4)
    response = _press(curator_client, review, "_publish")
    review.refresh_from_db()
    assert review.status == ToolReview.Status.PUBLISHED
    assert review.tool.rating_count == 1
    assert _messages(response) == [
        "Review published. Members see it on the tool page, and its author has been told."
    ]
    assert Notification.objects.filter(kind="review_published", recipient=review.author).exists()
    assert response.redirect_chain[-1][0] == _page(review)


def test_declining_a_published_review_takes_it_down_and_says_so(curator_client):
    review = factories.ToolReviewFactory(status=ToolReview.Status.PUBLISHED, rating=5)
    review.tool.refresh_rating()
    response = _press(curator_client, review, "_decline", note="Names a suspect.")
    review.refresh_from_db()
    review.tool.refresh_from_db()
    assert review.status == ToolReview.Status.DECLINED
    assert review.moderation_note == "Names a suspect."
    assert review.tool.rating_count == 0
    assert _messages(response) == [
        (
            "This review was published; now it is declined. Members no longer see it, the tool's "
            "rating no longer counts it, and its author has been told."
        )
    ]
    note = Notification.objects.get(kind="review_declined")
    assert note.recipient == review.author and "Names a suspect." in note.body_text


def test_pressing_the_same_decision_twice_changes_nothing_and_says_so(curator_client):
    review = factories.ToolReviewFactory(status=ToolReview.Status.DECLINED)
    response = _press(curator_client, review, "_decline", note="Still no.")
    review.refresh_from_db()
    assert review.status == ToolReview.Status.DECLINED
    assert review.moderation_note == "Still no."
    assert _messages(response) == [
        "This review was already declined. Nothing changed; your note is saved."
    ]
    assert not Notification.objects.exists()


def test_the_bulk_action_says_which_reviews_it_left_alone(curator_client):
    pending = factories.ToolReviewFactory()
    published = factories.ToolReviewFactory(status=ToolReview.Status.PUBLISHED)
    response = curator_client.post(
        reverse("admin:catalog_toolreview_changelist"),
        {"action": "decline_reviews", "_selected_action": [pending.pk, published.pk]},
        follow=True,
    )
    assert _messages(response) == [
        (
            "1 review declined. 1 was not waiting for moderation and was left as it was; open it "
            "to change it."
        )
    ]
    published.refresh_from_db()
    assert published.status == ToolReview.Status.PUBLISHED


def test_a_viewer_without_change_permission_gets_no_buttons(client):
    user = factories.MemberFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_toolreview"))
    sign_in(client, user)
    review = factories.ToolReviewFactory()
    body = client.get(_page(review)).content.decode()
    assert 'name="_publish"' not in body
    response = client.post(_page(review), {"_publish": "1"})
    assert response.status_code == 403
    review.refresh_from_db()
    assert review.status == ToolReview.Status.PENDING
