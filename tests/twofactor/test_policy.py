"""Without a verified second factor, no page opens but enrolment, verification and signing out."""

import pytest
from django.urls import resolve, reverse

from hub.access import Access, rule_for
from tests.conftest import sign_in
from tests.twofactor.conftest import confirmed_totp
from tests.urlwalk import walk

pytestmark = pytest.mark.django_db

ALL_URLS = sorted(set(walk()))


def test_an_unverified_person_reaches_nothing_beyond_the_second_factor(client, member):
    # One person and one loop (not one test per URL): signing in is the slow part.
    confirmed_totp(member)
    sign_in(client, member, verified=False)
    verify = reverse("twofactor:verify")
    leaks = []
    for name, url in ALL_URLS:
        if rule_for(resolve(url)).access < Access.VERIFIED:
            continue
        response = client.get(url)
        if response.status_code != 302 or not response["Location"].startswith(verify):
            leaks.append((name, response.status_code))
    assert leaks == []
    assert len(ALL_URLS) > 20


def test_the_pages_open_before_verification_are_few():
    open_before = {
        name for name, url in ALL_URLS if rule_for(resolve(url)).access is Access.SIGNED_IN
    }
    assert open_before == {
        "account_logout",
        "twofactor:setup",
        "twofactor:verify",
        "otp_webauthn:credential-authentication-begin",
        "otp_webauthn:credential-authentication-complete",
        "otp_webauthn:js-i18n-catalog",
        # Someone who lost their phone writes to the officers: 5 messages a day, audited.
        "accounts:contact_message",
    }
