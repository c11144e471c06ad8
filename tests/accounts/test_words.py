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


GENERIC = ("This field is required.", "Ensure this value is", "sign up", "Sign In", "Sign Up")


@pytest.mark.parametrize(
    "name", ["account_login", "account_signup", "account_reset_password", "contact"]
)
def test_public_pages_say_apply_for_access_in_sentence_case(client, name):
    text = client.get(reverse(name)).text
    for generic in GENERIC:
        assert generic not in text, generic


def test_an_empty_sign_in_says_what_to_enter(client):
    text = client.post(reverse("account_login"), {}).text
    assert "This field is required." not in text
    assert "Enter password." in text


def test_an_empty_application_names_each_field(client):
    text = client.post(reverse("account_signup"), {}).text
    assert "This field is required." not in text
    assert "Enter full name." in text
    assert "Tick “" in text  # the terms of engagement box


def test_an_empty_contact_message_says_what_to_do(member_client):
    response = member_client.post(reverse("accounts:contact_message"), {"message": ""})
    assert response.status_code == 400
    assert "This field is required." not in response.text
    assert "Choose an answer to “What is it about?”." in response.text
    assert "Enter your message." in response.text


def test_a_break_reminder_out_of_range_says_the_range(member_client):
    text = member_client.post(
        reverse("wellbeing:preferences"), {"break_reminder_minutes": "5"}
    ).text
    assert "Ensure this value" not in text
    assert "Enter a number of minutes from 10 to 240, or leave it empty for no reminders." in text


def test_the_login_page_offers_to_apply_for_access(client):
    text = client.get(reverse("account_login")).text
    assert f'href="{reverse("account_signup")}">Apply for access</a>' in text
