import pytest
from django.core import mail
from django.urls import reverse

from hub.models import AuditEvent
from notifications.kinds import OPTIONAL_KINDS, SECURITY_KINDS
from notifications.models import Notification, NotificationPreference
from notifications.services import notify, wants_email
from tests.factories import ExpiredMemberFactory

pytestmark = pytest.mark.django_db

URL = reverse("notifications:preferences")


def turn_off(user, kind: str) -> None:
    NotificationPreference.objects.create(user=user, kind=kind, email=False)


def test_a_kind_turned_off_goes_to_the_centre_only(
    member, test_kind_optional, django_capture_on_commit_callbacks
):
    turn_off(member, "test_kind")
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(kind="test_kind", key="p1", to=member)
    assert notification.channel == Notification.Channel.IN_APP
    assert mail.outbox == []
    assert list(Notification.objects.owned_by(member).unread()) == [notification]


def test_a_kind_left_on_is_emailed(member, test_kind_optional, django_capture_on_commit_callbacks):
    NotificationPreference.objects.create(user=member, kind="test_kind", email=True)
    with django_capture_on_commit_callbacks(execute=True):
        notify(kind="test_kind", key="p2", to=member)
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("kind", sorted(SECURITY_KINDS))
def test_security_kinds_cannot_be_turned_off(member, kind, monkeypatch):
    from notifications import kinds

    # Even if someone listed a security kind as optional by mistake.
    monkeypatch.setitem(kinds.OPTIONAL_KINDS, kind, "Oops")
    turn_off(member, kind)
    assert wants_email(member, kind) is True


def test_no_security_kind_is_offered_as_optional():
    assert not SECURITY_KINDS & set(OPTIONAL_KINDS)


def test_an_unlisted_kind_is_always_emailed(member):
    turn_off(member, "test_kind")  # test_kind is not optional here
    assert wants_email(member, "test_kind") is True


def test_addresses_without_an_account_and_former_members_are_always_emailed(test_kind_optional):
    expired = ExpiredMemberFactory()
    turn_off(expired, "test_kind")
    assert wants_email(None, "test_kind") is True
    assert wants_email(expired, "test_kind") is True


def test_the_page_shows_every_optional_kind_ticked_by_default(member_client):
    response = member_client.get(URL)
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.fields) == set(OPTIONAL_KINDS)
    assert all(form[kind].value() for kind in OPTIONAL_KINDS)
    html = response.content.decode()
    assert "always go out" in html
    for kind, label in OPTIONAL_KINDS.items():
        assert f'<input type="checkbox" name="{kind}" id="id_{kind}" checked>' in html
        assert f'<label class="field__label" for="id_{kind}">{label}</label>' in html


def test_saving_preferences(member_client, member):
    kind, *others = OPTIONAL_KINDS
    data = dict.fromkeys(others, "on")
    response = member_client.post(URL, data, follow=True)
    assert response.redirect_chain == [(URL, 302)]
    assert "Your email preferences are saved." in response.content.decode()
    assert set(
        NotificationPreference.objects.filter(user=member, email=False).values_list(
            "kind", flat=True
        )
    ) == {kind}
    assert response.context["form"][kind].value() is False
    event = AuditEvent.objects.get(action="notifications.preferences_changed")
    assert event.actor == member and event.details == {"email_off": [kind]}
    # Ticking it again turns the email back on.
    member_client.post(URL, dict.fromkeys(OPTIONAL_KINDS, "on"))
    assert not NotificationPreference.objects.filter(user=member, email=False).exists()


def test_unknown_fields_are_ignored(member_client, member):
    response = member_client.post(URL, {"second_factor_changed": "", "bogus": "x"})
    assert response.status_code == 302
    assert not NotificationPreference.objects.filter(kind="second_factor_changed").exists()
    assert not NotificationPreference.objects.filter(kind="bogus").exists()


def test_preferences_are_per_member(client, member_client, member):
    from tests.conftest import sign_in
    from tests.factories import MemberFactory

    other = MemberFactory()
    turn_off(other, next(iter(OPTIONAL_KINDS)))
    response = member_client.get(URL)
    assert all(response.context["form"][kind].value() for kind in OPTIONAL_KINDS)
    assert sign_in(client, other).get(URL).status_code == 200
