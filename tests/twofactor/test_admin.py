"""The admin cannot be used to skip the second factor."""

import pytest
from django.urls import reverse

from tests.conftest import sign_in
from tests.factories import TEST_PASSWORD, MemberFactory
from tests.twofactor.conftest import confirmed_totp, totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    return MemberFactory(is_staff=True, is_superuser=True)


def test_the_admin_login_form_signs_nobody_in(client, staff):
    response = client.post(
        reverse("admin:login"), {"username": staff.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index"))["Location"].startswith(reverse("account_login"))


def test_staff_without_a_verified_factor_are_sent_to_verify(client, staff):
    confirmed_totp(staff)
    sign_in(client, staff, verified=False)
    response = client.get(reverse("admin:index"))
    assert response["Location"].startswith(reverse("twofactor:verify"))
    response = client.get(reverse("admin:twofactor_backupcodedevice_changelist"))
    assert response["Location"].startswith(reverse("twofactor:verify"))


def test_staff_reach_the_admin_after_verifying(client, staff):
    device = confirmed_totp(staff)
    sign_in(client, staff, verified=False)
    response = client.post(
        reverse("twofactor:verify"), {"code": totp_code(device), "next": reverse("admin:index")}
    )
    assert response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_backup_code_hashes_are_not_shown_in_the_admin(client, staff):
    from twofactor.models import BackupCodeDevice

    device = BackupCodeDevice.objects.create(user=staff, name="Backup codes")
    device.regenerate()
    sign_in(client, staff)
    url = reverse("admin:twofactor_backupcodedevice_change", args=[device.pk])
    response = client.get(url)
    assert response.status_code == 200
    stored = device.codes.first().code_hash
    assert stored.encode() not in response.content
