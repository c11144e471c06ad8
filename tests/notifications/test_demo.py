import pytest

from notifications import demo
from notifications.models import Notification
from tests.factories import MemberFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_demo_notifications_are_idempotent_and_never_emailed(mailoutbox):
    member = MemberFactory()
    UserFactory()  # an applicant gets none
    demo.seed()
    demo.seed()
    assert Notification.objects.count() == len(demo.DEMO_MESSAGES)
    assert set(Notification.objects.values_list("recipient", "channel")) == {(member.pk, "in_app")}
    assert Notification.objects.unread().count() == 2
    assert mailoutbox == []
