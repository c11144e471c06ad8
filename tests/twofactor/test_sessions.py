"""Sessions: idle and absolute limits, and the page where people see and end theirs."""

from datetime import timedelta

import pytest
from allauth.usersessions.models import UserSession
from django.urls import reverse

from hub import clock
from hub.models import AuditEvent
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_a_session_ends_after_30_idle_minutes(member_client):
    assert member_client.get("/catalog/").status_code == 200
    with clock.travel(timedelta(minutes=29)):
        assert member_client.get("/catalog/").status_code == 200
    with clock.travel(timedelta(minutes=29 + 31)):
        response = member_client.get("/catalog/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert member_client.get("/catalog/").status_code == 302
    assert AuditEvent.objects.filter(action="session.expired", details__limit="idle").exists()


def test_activity_keeps_a_session_alive_but_not_past_12_hours(member_client):
    minutes = 0
    while minutes < 12 * 60 - 20:
        minutes += 20
        with clock.travel(timedelta(minutes=minutes)):
            assert member_client.get("/catalog/").status_code == 200, minutes
    with clock.travel(timedelta(minutes=12 * 60 + 1)):
        response = member_client.get("/catalog/")
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="session.expired", details__limit="absolute").exists()


def test_the_sessions_page_lists_and_ends_another_session(client_factory, member):
    laptop, phone = client_factory(), client_factory()
    sign_in(laptop, member)
    sign_in(phone, member)
    assert phone.get("/catalog/").status_code == 200
    response = laptop.get(reverse("usersessions_list"))
    assert response.status_code == 200
    assert len(response.context["sessions"]) == 2
    assert b"This session" in response.content
    phone_session = UserSession.objects.get(session_key=phone.session.session_key)
    response = laptop.post(reverse("twofactor:end_session"), {"session": phone_session.pk})
    assert response.status_code == 302
    assert phone.get("/catalog/").status_code == 302
    assert laptop.get("/catalog/").status_code == 200


def test_ending_all_other_sessions_through_allauth(client_factory, member):
    laptop, phone, tablet = client_factory(), client_factory(), client_factory()
    for browser in (laptop, phone, tablet):
        sign_in(browser, member)
        assert browser.get("/catalog/").status_code == 200
    assert laptop.post(reverse("usersessions_list")).status_code == 302
    assert laptop.get("/catalog/").status_code == 200
    assert phone.get("/catalog/").status_code == 302
    assert tablet.get("/catalog/").status_code == 302


def test_nobody_ends_someone_elses_session(client_factory, member):
    from tests.factories import MemberFactory

    mine, theirs = client_factory(), client_factory()
    sign_in(mine, member)
    sign_in(theirs, MemberFactory())
    assert theirs.get("/catalog/").status_code == 200
    their_session = UserSession.objects.get(session_key=theirs.session.session_key)
    response = mine.post(reverse("twofactor:end_session"), {"session": their_session.pk})
    assert response.status_code == 404
    assert mine.post(reverse("twofactor:end_session"), {"session": "x"}).status_code == 404
    assert theirs.get("/catalog/").status_code == 200


def test_the_current_session_is_not_ended_from_the_list(member_client):
    member_client.get("/catalog/")
    current = UserSession.objects.get(session_key=member_client.session.session_key)
    response = member_client.post(reverse("twofactor:end_session"), {"session": current.pk})
    assert response.status_code == 302
    assert member_client.get("/catalog/").status_code == 200


def test_the_sessions_page_needs_a_verified_second_factor(client, unverified_client):
    response = unverified_client.get(reverse("usersessions_list"))
    assert response["Location"].startswith(reverse("twofactor:verify"))
    from django.test import Client

    response = Client().get(reverse("usersessions_list"))
    assert response["Location"].startswith(reverse("account_login"))


def test_verification_keeps_the_session_listed(unverified_client, member):
    from tests.twofactor.conftest import confirmed_totp, totp_code

    unverified_client.get(reverse("twofactor:verify"))
    unverified_client.post(reverse("twofactor:verify"), {"code": totp_code(confirmed_totp(member))})
    keys = set(UserSession.objects.filter(user=member).values_list("session_key", flat=True))
    assert unverified_client.session.session_key in keys
