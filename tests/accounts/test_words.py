"""Plain, specific words where allauth's defaults mislead or say little."""

import pytest
from django.urls import reverse

from tests import factories
from tests.twofactor.conftest import verified_email

pytestmark = pytest.mark.django_db


def test_signing_in_with_the_password_does_not_claim_success_before_the_second_factor(client):
    user = factories.MemberFactory()
    verified_email(user)
    response = client.post(
        reverse("account_login"),
        {"login": user.email, "password": factories.TEST_PASSWORD},
        follow=True,
    )
    assert "Successfully signed in" not in response.text
    assert "Password accepted. One more step: your second factor." in response.text


def test_entering_the_password_again_says_why(member_client):
    response = member_client.get(reverse("account_reauthenticate"))
    assert "Please reauthenticate" not in response.text
    assert "Changing how you sign in needs your password again" in response.text
