"""Help, contact and accessibility: open to everyone; every blocked page points to them."""

import pytest
from django.urls import reverse

from hub.models import AuditEvent
from notifications.models import Notification
from tests import factories
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["help", "contact", "accessibility"])
def test_the_help_pages_are_public_and_in_the_footer(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    footer = client.get(reverse("landing")).text.split("<footer", 1)[1]
    assert f'href="{reverse(name)}"' in footer


def test_the_contact_page_shows_the_operators_addresses(client, settings):
    settings.SUPPORT_EMAIL = "help@hub.example.org"
    settings.SUPPORT_PHONE = "+31 70 000 0000"
    body = client.get(reverse("contact")).text
    assert '<a href="mailto:help@hub.example.org">' in body
    assert '<a href="tel:+31700000000">' in body


@pytest.mark.parametrize(
    "make",
    [factories.UserFactory, factories.SuspendedMemberFactory, factories.ExpiredMemberFactory],
    ids=["applicant", "suspended", "expired"],
)
def test_every_blocked_page_links_to_help_and_contact(client, make):
    sign_in(client, make())
    response = client.get(reverse("catalog:index"))
    assert response.status_code == 403
    for name in ("help", "contact", "wellbeing:services"):
        assert f'href="{reverse(name)}"' in response.text
        assert client.get(reverse(name)).status_code == 200


def test_a_member_who_is_not_staff_is_pointed_to_help_from_the_admin(member_client):
    response = member_client.get(reverse("admin:index"))
    assert response.status_code == 403
    assert f'href="{reverse("help")}"' in response.text


def test_someone_who_lost_their_phone_can_write_to_the_officers(
    client, django_capture_on_commit_callbacks
):
    officer = factories.VettingOfficerFactory()
    person = factories.MemberFactory()
    sign_in(client, person, verified=False)  # password only: the second factor is lost
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:contact_message"),
            {"topic": "second_factor", "message": "I dropped my phone in the canal."},
        )
    assert response.status_code == 302
    note = Notification.objects.get(kind="contact_message", recipient=officer)
    assert "I dropped my phone in the canal." in note.body_text
    assert person.email in note.body_text
    assert AuditEvent.objects.filter(action="contact.sent", actor=person).count() == 1


def test_a_new_hub_without_officers_writes_to_the_support_address(client, settings):
    settings.SUPPORT_EMAIL = "help@hub.example.org"
    sign_in(client, factories.UserFactory())
    client.post(reverse("accounts:contact_message"), {"topic": "other", "message": "Hello"})
    assert Notification.objects.get(kind="contact_message").to_email == "help@hub.example.org"


def test_with_nobody_to_read_it_the_message_stays_in_the_form(client, settings):
    settings.SUPPORT_EMAIL = ""
    sign_in(client, factories.UserFactory())
    response = client.post(
        reverse("accounts:contact_message"), {"topic": "other", "message": "Keep me"}
    )
    assert response.status_code == 400
    assert "nobody to read messages yet" in response.text
    assert "Keep me" in response.text
    assert not Notification.objects.exists()


def test_messages_are_limited_per_person_per_day(client):
    factories.VettingOfficerFactory()
    sign_in(client, factories.MemberFactory())
    url = reverse("accounts:contact_message")
    for _ in range(5):
        assert client.post(url, {"topic": "other", "message": "Again"}).status_code == 302
    response = client.post(url, {"topic": "other", "message": "Sixth"})
    assert response.status_code == 400
    assert "You have sent 5 messages today" in response.text
    assert Notification.objects.filter(kind="contact_message").count() == 5


def test_a_bad_contact_form_says_what_is_wrong(client):
    sign_in(client, factories.MemberFactory())
    response = client.post(reverse("accounts:contact_message"), {"topic": "nonsense"})
    assert response.status_code == 400
    assert "There is a problem" in response.text
