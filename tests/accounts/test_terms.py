"""Issue 16, item 11: new terms of engagement are accepted before members' pages open again."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from hub import clock
from hub.models import AuditEvent
from tests import factories
from tests.conftest import sign_in
from tests.security.personas import CURATOR, grant_role

pytestmark = pytest.mark.django_db

NEW_TERMS = "2099-01"
ACCEPT = reverse("accounts:accept_terms")


@pytest.fixture
def new_terms():
    with override_settings(TERMS_VERSION=NEW_TERMS):
        yield


@pytest.fixture
def member(db):
    return factories.MemberFactory(terms_version="2026-11")


def test_a_member_is_asked_at_their_next_request_and_nothing_opens_until_then(
    client, member, new_terms
):
    sign_in(client, member)
    for url in (reverse("catalog:index"), reverse("wellbeing:checkins"), reverse("guidance:index")):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(f"{ACCEPT}?next=")
    response = client.post(reverse("wellbeing:checkins_delete_all"))
    assert response["Location"].startswith(ACCEPT)


def test_sign_out_account_security_and_the_page_itself_stay_open(client, member, new_terms):
    sign_in(client, member)
    for name in ("twofactor:security", "account_change_password", "account_email"):
        assert client.get(reverse(name)).status_code == 200, name
    page = client.get(f"{ACCEPT}?next=/catalog/", follow=True)
    assert page.redirect_chain == []
    assert page.status_code == 200
    assert NEW_TERMS.encode() in page.content
    assert client.post(reverse("account_logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_following_the_redirect_does_not_loop(client, member, new_terms):
    sign_in(client, member)
    response = client.get(reverse("catalog:index"), follow=True)
    assert response.status_code == 200
    assert [url for url, _status in response.redirect_chain] == [f"{ACCEPT}?next=/catalog/"]


def test_accepting_stores_the_version_and_the_time_audits_it_and_reopens_the_hub(
    client, member, new_terms
):
    sign_in(client, member)
    refused = client.post(ACCEPT, {"next": "/catalog/"})
    assert refused.status_code == 400
    member.refresh_from_db()
    assert member.terms_version == "2026-11"

    before = clock.now()
    response = client.post(ACCEPT, {"accept_terms": "on", "next": "/catalog/"})
    assert response["Location"] == "/catalog/"
    member.refresh_from_db()
    assert member.terms_version == NEW_TERMS
    assert before <= member.terms_accepted_at <= clock.now()
    event = AuditEvent.objects.get(action="terms.accepted")
    assert event.details == {"version": NEW_TERMS, "previous": "2026-11"}
    assert event.actor == member
    assert client.get(reverse("catalog:index")).status_code == 200


def test_the_page_sends_nobody_to_another_site(client, member, new_terms):
    sign_in(client, member)
    response = client.post(ACCEPT, {"accept_terms": "on", "next": "https://evil.example/"})
    assert response["Location"] == reverse(settings.LOGIN_REDIRECT_URL)


def test_the_admin_waits_for_the_terms_too(client, new_terms):
    curator = factories.MemberFactory(terms_version="2026-11")
    grant_role(curator, CURATOR)
    sign_in(client, curator)
    assert client.get(reverse("admin:index"))["Location"].startswith(ACCEPT)


def test_a_member_with_the_current_terms_is_not_asked(client, member):
    sign_in(client, member)
    assert member.terms_version == settings.TERMS_VERSION
    assert client.get(reverse("catalog:index")).status_code == 200
    assert client.get(ACCEPT)["Location"] == reverse(settings.LOGIN_REDIRECT_URL)


def test_sign_up_records_the_terms_on_the_person(db):
    from accounts.services import submit_application

    user = factories.UserFactory(terms_version="", terms_accepted_at=None)
    submit_application(user, agency_name="Test Police", country="GB", reason="Cases")
    user.refresh_from_db()
    assert user.terms_version == settings.TERMS_VERSION
    assert user.terms_accepted_at is not None


def test_the_migration_starts_from_each_persons_latest_application(db):
    migration = import_module("accounts.migrations.0005_user_terms_accepted")
    user = factories.MemberFactory(terms_version="", terms_accepted_at=None)
    factories.VettingApplicationFactory(
        applicant=user, terms_version="2025-01", submitted_at=clock.now() - timedelta(days=400)
    )
    factories.VettingApplicationFactory(
        applicant=user, terms_version="2026-05", submitted_at=clock.now() - timedelta(days=10)
    )
    migration.from_applications(apps, None)
    user.refresh_from_db()
    assert user.terms_version == "2026-05"
