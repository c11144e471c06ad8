"""The account security page: devices listed, added and removed (never the last one)."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from hub.models import AuditEvent
from tests.conftest import sign_in
from tests.factories import MemberFactory, UserFactory
from tests.twofactor.conftest import confirmed_totp, reauthenticate, totp_code

pytestmark = pytest.mark.django_db


def test_the_security_page_lists_the_persons_own_devices(member_client, member):
    other = MemberFactory()
    TOTPDevice.objects.create(user=other, name="Someone else's phone", confirmed=True)
    response = member_client.get(reverse("twofactor:security"))
    assert response.status_code == 200
    assert b"Test phone" in response.content
    assert b"Someone else" not in response.content
    assert reverse("usersessions_list").encode() in response.content
    assert reverse("account_change_password").encode() in response.content


def test_an_applicant_reaches_their_own_security_page(applicant_client):
    assert applicant_client.get(reverse("twofactor:security")).status_code == 200


def test_the_security_page_needs_a_verified_second_factor(client, unverified_client):
    response = unverified_client.get(reverse("twofactor:security"))
    assert response["Location"].startswith(reverse("twofactor:verify"))
    from django.test import Client

    response = Client().get(reverse("twofactor:security"))
    assert response["Location"].startswith(reverse("account_login"))


def test_adding_a_device_needs_reauthentication(member_client):
    response = member_client.get(reverse("twofactor:setup"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_a_password_alone_is_not_enough_to_add_a_device(member_client, member):
    from tests.factories import TEST_PASSWORD

    member_client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    response = member_client.get(reverse("twofactor:setup"))
    assert response["Location"].startswith(reverse("twofactor:verify"))


def test_adding_a_second_device_and_ending_other_sessions(client_factory, member):
    laptop, phone = client_factory(), client_factory()
    sign_in(laptop, member)
    sign_in(phone, member)
    assert phone.get("/catalog/").status_code == 200
    reauthenticate(laptop, member)
    assert laptop.get(reverse("twofactor:setup")).status_code == 200
    new = TOTPDevice.objects.get(user=member, confirmed=False)
    response = laptop.post(
        reverse("twofactor:setup"),
        {"code": totp_code(new), "name": "Spare phone", "end_other_sessions": "on"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("twofactor:security")
    assert TOTPDevice.objects.filter(user=member, confirmed=True).count() == 2
    assert laptop.get("/catalog/").status_code == 200
    assert phone.get("/catalog/").status_code == 302
    assert AuditEvent.objects.filter(action="2fa.enrolled", details__name="Spare phone").exists()


def test_the_last_device_is_never_removed(member_client, member):
    device = confirmed_totp(member)
    reauthenticate(member_client, member)
    url = reverse("twofactor:remove_device")
    response = member_client.get(url, {"device": device.persistent_id})
    assert response.status_code == 200
    assert b"only device" in response.content
    response = member_client.post(url, {"device": device.persistent_id})
    assert response.status_code == 302
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    assert not AuditEvent.objects.filter(action="2fa.removed").exists()


def test_removing_one_of_two_devices(member_client, member, django_capture_on_commit_callbacks):
    keep = confirmed_totp(member)
    spare = TOTPDevice.objects.create(user=member, name="Old phone", confirmed=True)
    reauthenticate(member_client, member)
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(
            reverse("twofactor:remove_device"), {"device": spare.persistent_id}
        )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(pk=spare.pk).exists()
    assert TOTPDevice.objects.filter(pk=keep.pk).exists()
    assert AuditEvent.objects.filter(action="2fa.removed", details__name="Old phone").exists()
    from django.core import mail

    assert any("removed" in message.subject for message in mail.outbox)


def test_someone_elses_device_is_a_404(member_client, member):
    other = UserFactory()
    theirs = TOTPDevice.objects.create(user=other, name="Theirs", confirmed=True)
    TOTPDevice.objects.create(user=member, name="Spare", confirmed=True)
    reauthenticate(member_client, member)
    url = reverse("twofactor:remove_device")
    assert member_client.post(url, {"device": theirs.persistent_id}).status_code == 404
    assert member_client.post(url, {"device": "nonsense"}).status_code == 404
    assert member_client.get(url).status_code == 404
    assert TOTPDevice.objects.filter(pk=theirs.pk).exists()


def test_removal_needs_reauthentication(member_client, member):
    spare = TOTPDevice.objects.create(user=member, name="Spare", confirmed=True)
    response = member_client.post(
        reverse("twofactor:remove_device"), {"device": spare.persistent_id}
    )
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert TOTPDevice.objects.filter(pk=spare.pk).exists()


def test_guessing_the_password_again_is_rate_limited(member_client, member):
    for _ in range(5):
        response = member_client.post(reverse("account_reauthenticate"), {"password": "wrong"})
        assert response.status_code == 200
    response = member_client.post(reverse("account_reauthenticate"), {"password": "wrong"})
    assert response.status_code == 429
