"""The access policy's pieces. The full matrix (every URL, every persona) is in
tests/security/test_access_matrix.py."""

import pytest
from django.urls import resolve, reverse

from hub.access import POLICY, Access, rule_for
from tests.urlwalk import walk

pytestmark = pytest.mark.django_db

ALL_URLS = sorted(set(walk()))


def test_the_walk_finds_the_hub():
    names = {name for name, _ in ALL_URLS}
    assert {"landing", "account_login", "catalog:index", "admin:index"} <= names


def test_every_policy_entry_names_a_real_url():
    names = {name for name, _ in ALL_URLS}
    namespaces = {name.rsplit(":", 1)[0] + ":*" for name in names if ":" in name}
    assert set(POLICY) <= names | namespaces


def test_unknown_urls_are_a_plain_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content


def test_the_default_is_member_only():
    assert rule_for(resolve(reverse("catalog:index"))).access is Access.MEMBER


def test_a_verified_member_reaches_member_pages(member_client):
    assert member_client.get(reverse("catalog:index")).status_code == 200


def test_an_expired_member_is_told_and_sees_no_member_page(client):
    from tests.conftest import sign_in
    from tests.factories import ExpiredMemberFactory

    sign_in(client, ExpiredMemberFactory())
    response = client.get(reverse("catalog:index"))
    assert response.status_code == 403
    assert b"membership has expired" in response.content


def test_a_suspended_member_is_told_and_sees_no_member_page(client):
    from tests.conftest import sign_in
    from tests.factories import SuspendedMemberFactory

    sign_in(client, SuspendedMemberFactory())
    response = client.get(reverse("catalog:index"))
    assert response.status_code == 403
    assert b"suspended" in response.content


def test_the_admin_has_no_sign_in_page_of_its_own(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_ending_all_sessions_signs_the_person_out_everywhere(member, client_factory):
    from accounts.sessions import end_all_sessions
    from tests.conftest import sign_in

    laptop, phone = client_factory(), client_factory()
    for device in (laptop, phone):
        sign_in(device, member)
        assert device.get(reverse("catalog:index")).status_code == 200
    assert end_all_sessions(member) == 2
    for device in (laptop, phone):
        assert device.get(reverse("catalog:index")).status_code == 302
