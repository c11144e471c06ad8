"""Enrolment: a first authenticator at first sign-in, with backup codes shown once."""

import pytest
from django.core import mail
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from hub.models import AuditEvent
from notifications.models import Notification
from tests import factories
from tests.conftest import sign_in
from tests.twofactor.conftest import totp_code, verified_email
from twofactor.models import BackupCode

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_client(client, member):
    return sign_in(client, member, verified=False)


def test_a_person_without_a_device_is_sent_to_setup_first(new_client):
    response = new_client.get(reverse("catalog:index"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('twofactor:setup')}?next=/catalog/"


def test_setup_shows_a_server_side_qr_code_and_the_key_as_text(new_client, member):
    response = new_client.get(reverse("twofactor:setup"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "<svg" in body and 'class="qr-code"' in body
    device = TOTPDevice.objects.get(user=member)
    assert not device.confirmed
    from base64 import b32encode

    key = b32encode(device.bin_key).decode()
    assert key[:4] in response.context["key"]
    assert response.context["key"].replace(" ", "") == key.rstrip("=")
    assert "<script>" not in body and "style=" not in body
    assert 'name="code"' in body and 'autocomplete="one-time-code"' in body
    assert 'for="id_code"' in body


def test_reloading_setup_keeps_the_same_key(new_client, member):
    first = new_client.get(reverse("twofactor:setup")).context["key"]
    second = new_client.get(reverse("twofactor:setup")).context["key"]
    assert first == second
    assert TOTPDevice.objects.filter(user=member).count() == 1


def test_a_wrong_first_code_does_not_confirm_the_device(new_client, member):
    new_client.get(reverse("twofactor:setup"))
    response = new_client.post(reverse("twofactor:setup"), {"code": "000000", "name": "Phone"})
    assert response.status_code == 400
    assert b"There is a problem" in response.content
    assert not TOTPDevice.objects.get(user=member).confirmed
    assert new_client.get(reverse("catalog:index")).status_code == 302


def test_letters_in_the_code_get_a_clear_message(new_client):
    new_client.get(reverse("twofactor:setup"))
    response = new_client.post(reverse("twofactor:setup"), {"code": "abcdef", "name": "Phone"})
    assert response.status_code == 400
    assert b"digits only" in response.content


def test_the_first_code_confirms_and_ten_backup_codes_are_shown_once(
    new_client, member, django_capture_on_commit_callbacks
):
    new_client.get(reverse("twofactor:setup"))
    device = TOTPDevice.objects.get(user=member)
    old_key = new_client.session.session_key
    with django_capture_on_commit_callbacks(execute=True):
        response = new_client.post(
            reverse("twofactor:setup") + "?next=/catalog/",
            {"code": totp_code(device), "name": "Work phone", "next": "/catalog/"},
        )
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert b'href="/catalog/"' in response.content
    device.refresh_from_db()
    assert device.confirmed and device.name == "Work phone"
    assert BackupCode.objects.filter(device__user=member).count() == 10
    assert new_client.session.session_key != old_key
    assert new_client.get(reverse("catalog:index")).status_code == 200
    assert AuditEvent.objects.filter(action="2fa.enrolled", target=str(member)).exists()
    assert AuditEvent.objects.filter(action="2fa.backup_codes_generated").exists()
    notice = Notification.objects.get(kind="second_factor_changed", recipient=member)
    assert "new sign-in device" in notice.subject
    assert mail.outbox and mail.outbox[0].to == [member.email]
    for event in AuditEvent.objects.all():
        for code in codes:
            assert code not in str(event.details)


def test_someone_with_a_device_cannot_enrol_another_instead_of_verifying(client, member):
    TOTPDevice.objects.create(user=member, name="Phone", confirmed=True)
    sign_in(client, member, verified=False)
    response = client.get(reverse("twofactor:setup"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("twofactor:verify"))
    assert TOTPDevice.objects.filter(user=member).count() == 1


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for name in ("twofactor:setup", "twofactor:verify"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_the_whole_journey_through_allauth_sign_in(client):
    user = factories.MemberFactory()
    verified_email(user)
    response = client.post(
        reverse("account_login") + "?next=/catalog/",
        {"login": user.email, "password": factories.TEST_PASSWORD, "next": "/catalog/"},
    )
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('twofactor:setup')}?next=/catalog/"
    client.get(response["Location"])
    device = TOTPDevice.objects.get(user=user)
    response = client.post(
        response["Location"], {"code": totp_code(device), "name": "Phone", "next": "/catalog/"}
    )
    assert response.status_code == 200
    assert client.get("/catalog/").status_code == 200


def test_after_a_password_reset_the_second_factor_is_still_required(client, member):
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    verified_email(member)
    TOTPDevice.objects.create(user=member, name="Phone", confirmed=True)
    key = default_token_generator.make_token(member)
    url = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(member), "key": key},
    )
    response = client.get(url)
    response = client.post(
        response["Location"],
        {"password1": "a brand new passphrase 2026", "password2": "a brand new passphrase 2026"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("account_login"),
        {"login": member.email, "password": "a brand new passphrase 2026"},
    )
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("twofactor:verify"))


def test_after_confirming_an_email_the_second_factor_comes_first(client):
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC

    user = factories.UserFactory()
    address = EmailAddress.objects.create(user=user, email=user.email, primary=True)
    key = EmailConfirmationHMAC(address).key
    response = client.post(reverse("account_confirm_email", args=[key]))
    assert response.status_code == 302
    address.refresh_from_db()
    assert address.verified
    # Confirming does not sign in; signing in then leads to enrolment before anything else.
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": factories.TEST_PASSWORD}
    )
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("twofactor:setup"))
    assert client.get(reverse("twofactor:security"))["Location"].startswith(
        reverse("twofactor:setup")
    )
