import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from tests.conftest import sign_in
from tests.factories import MemberFactory, NotificationFactory, UserFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("notifications:index")


def read_url(notification) -> str:
    return reverse("notifications:read", args=[notification.public_id])


def test_a_member_sees_their_notifications_newest_first_with_unread_marked(member_client, member):
    now = timezone.now()
    older = NotificationFactory(
        recipient=member, subject="Older", created_at=now - timezone.timedelta(days=2)
    )
    newer = NotificationFactory(recipient=member, subject="Newer", read_at=now, created_at=now)
    NotificationFactory(subject="Someone else's")
    response = member_client.get(INDEX)
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [newer, older]
    html = response.content.decode()
    assert html.index("Newer") < html.index("Older")
    assert "Someone else" not in html
    assert html.count('class="tag">Unread') == 1
    assert response.context["unread_notifications"] == 1
    assert '<span class="badge">1' in html


def test_the_list_is_paginated_and_its_query_count_stays_flat(member_client, member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_page(page: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = member_client.get(INDEX, {"page": page})
        assert response.status_code == 200
        return len(captured)

    member_client.get(INDEX)  # the session's first request records it
    NotificationFactory.create_batch(3, recipient=member)
    few = queries_for_page(1)
    NotificationFactory.create_batch(42, recipient=member)
    assert queries_for_page(2) == few <= 11
    response = member_client.get(INDEX, {"page": 2})
    assert len(response.context["page"].object_list) == 20
    assert member_client.get(INDEX, {"page": "nonsense"}).context["page"].number == 1
    assert member_client.get(INDEX, {"page": 999}).context["page"].number == 3


def test_an_empty_centre_says_so(member_client):
    response = member_client.get(INDEX)
    assert "You have no notifications." in response.content.decode()


def test_opening_a_notification_marks_it_read_and_follows_its_link(member_client, member):
    notification = NotificationFactory(recipient=member, url="/catalog/")
    response = member_client.post(read_url(notification))
    assert response.status_code == 302 and response.url == "/catalog/"
    notification.refresh_from_db()
    assert notification.read_at is not None


@pytest.mark.parametrize(
    "url", ["https://evil.example.com/", "//evil.example.com/", "javascript:alert(1)", ""]
)
def test_a_link_off_the_hub_is_not_followed(member_client, member, url):
    notification = NotificationFactory(recipient=member, url=url)
    response = member_client.post(read_url(notification))
    assert response.status_code == 302 and response.url == INDEX
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_marking_read_needs_a_post(member_client, member):
    notification = NotificationFactory(recipient=member)
    assert member_client.get(read_url(notification)).status_code == 405
    notification.refresh_from_db()
    assert notification.read_at is None


def test_another_members_notification_is_not_found(member_client):
    notification = NotificationFactory()
    assert member_client.post(read_url(notification)).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_an_unknown_notification_is_not_found(member_client):
    url = reverse("notifications:read", args=[uuid.uuid4()])
    assert member_client.post(url).status_code == 404
    assert member_client.post("/notifications/not-a-uuid/read/").status_code == 404


def test_mark_all_read_touches_only_the_members_own(member_client, member):
    NotificationFactory.create_batch(3, recipient=member)
    others = NotificationFactory()
    response = member_client.post(reverse("notifications:read_all"), follow=True)
    assert response.redirect_chain == [(INDEX, 302)]
    assert "All notifications are marked as read." in response.content.decode()
    assert not Notification.objects.owned_by(member).unread().exists()
    others.refresh_from_db()
    assert others.read_at is None
    assert response.context["unread_notifications"] == 0


@pytest.mark.parametrize(
    "name", ["notifications:index", "notifications:read_all", "notifications:preferences"]
)
def test_anonymous_visitors_are_sent_to_sign_in(client, name):
    response = client.post(reverse(name))
    assert response.status_code == 302 and reverse("account_login") in response.url


def test_anonymous_visitors_cannot_mark_a_notification_read(client):
    notification = NotificationFactory()
    response = client.post(read_url(notification))
    assert response.status_code == 302 and reverse("account_login") in response.url
    notification.refresh_from_db()
    assert notification.read_at is None


def test_an_applicant_has_no_notification_centre(client):
    applicant = UserFactory()
    sign_in(client, applicant)
    NotificationFactory(recipient=applicant)
    response = client.get(INDEX)
    assert response.status_code == 403
    assert response.context["unread_notifications"] == 0


def test_the_unread_count_is_one_query_and_only_when_shown(client, django_assert_num_queries):
    from django.test import RequestFactory

    from notifications.context_processors import unread

    member = MemberFactory()
    NotificationFactory.create_batch(2, recipient=member)
    request = RequestFactory().get("/")
    request.user = member
    with django_assert_num_queries(0):
        context = unread(request)
    with django_assert_num_queries(1):
        assert context["unread_notifications"] == 2
        assert str(context["unread_notifications"]) == "2"


def test_no_unread_count_for_people_who_are_not_active_members(rf):
    from django.contrib.auth.models import AnonymousUser

    from notifications.context_processors import unread
    from tests.factories import ExpiredMemberFactory

    for user in (AnonymousUser(), UserFactory(), ExpiredMemberFactory()):
        request = rf.get("/")
        request.user = user
        # Every registered header count (notifications.header) is 0 for them, uncounted.
        assert unread(request) == {"unread_notifications": 0, "unread_messages": 0}
