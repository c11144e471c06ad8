"""The documented password limits (hub.ratelimit, in the database) engage as SECURITY.md says."""

import pytest
from django.urls import reverse

from tests import factories
from tests.twofactor.conftest import verified_email

pytestmark = pytest.mark.django_db


def sign_in_with(client, email: str, password: str, ip: str = "192.0.2.1"):
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip
    )


def test_wrong_passwords_from_new_addresses_lock_out_only_addresses_that_failed(client):
    # Issue 16, item 2: five wrong passwords from rotating addresses used to lock the member
    # out everywhere. Past the account's loose limit, an address that failed is refused; the
    # member's own address, which has not failed, still gets in.
    user = factories.MemberFactory()
    verified_email(user)
    for n in range(20):
        response = sign_in_with(client, user.email, "wrong password", ip=f"192.0.2.{n + 1}")
        assert response.status_code == 200
    response = sign_in_with(client, user.email, factories.TEST_PASSWORD, ip="192.0.2.1")
    assert response.status_code != 302
    assert b"Too many failed login attempts" in response.content
    assert b"reset your password" in response.content
    assert "_auth_user_id" not in client.session
    response = sign_in_with(client, user.email, factories.TEST_PASSWORD, ip="198.51.100.7")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_five_wrong_passwords_from_one_address_lock_that_address(client):
    users = [factories.MemberFactory() for _ in range(6)]
    for user in users:
        verified_email(user)
    for user in users[:5]:
        sign_in_with(client, user.email, "wrong password")
    response = sign_in_with(client, users[5].email, factories.TEST_PASSWORD)
    assert b"Too many failed login attempts" in response.content
    assert "_auth_user_id" not in client.session
    # Another address is not affected.
    response = sign_in_with(client, users[5].email, factories.TEST_PASSWORD, ip="198.51.100.7")
    assert response.status_code == 302
