"""The benchmark signs people in the way django-otp records a verified second factor.

These sessions must pass the whole middleware stack and the access policy as they are: the
benchmark never turns a policy off.
"""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse

from benchmarks.django_side import (
    CURATOR_EMAIL,
    MEMBER_EMAIL,
    bench_user,
    pick_tool,
    verified_session,
)
from catalog import demo
from catalog.models import Capability, Deployment, Licence, Tool
from tests import factories

pytestmark = pytest.mark.django_db

MEMBER_PAGE = reverse("catalog:index")


def cookie_client(client_factory, key):
    client = client_factory()
    client.cookies[settings.SESSION_COOKIE_NAME] = key
    return client


def test_a_verified_session_reaches_a_member_page(client_factory):
    member, device = bench_user(MEMBER_EMAIL)
    response = cookie_client(client_factory, verified_session(member, device)).get(MEMBER_PAGE)
    assert response.status_code == 200
    assert response.wsgi_request.user == member
    assert response.wsgi_request.user.is_verified()


def test_each_session_is_a_new_one(client_factory):
    member, device = bench_user(MEMBER_EMAIL)
    keys = {verified_session(member, device) for _ in range(3)}
    assert len(keys) == 3
    assert Session.objects.filter(session_key__in=keys).count() == 3


def test_an_unconfirmed_device_verifies_nothing(client_factory):
    member, device = bench_user(MEMBER_EMAIL)
    device.confirmed = False
    device.save()
    client = cookie_client(client_factory, verified_session(member, device))
    response = client.get(reverse("about"))
    assert response.wsgi_request.user == member
    assert not response.wsgi_request.user.is_verified()


def test_a_session_ends_when_the_password_changes(client_factory):
    member, device = bench_user(MEMBER_EMAIL)
    key = verified_session(member, device)
    member.set_password("a different password 2026")
    member.save()
    assert cookie_client(client_factory, key).get(MEMBER_PAGE).status_code == 302


def test_the_curator_is_staff_with_view_tool_only_and_not_a_superuser():
    curator, device = bench_user(CURATOR_EMAIL, staff=True, permissions=("catalog.view_tool",))
    assert curator.is_staff and not curator.is_superuser
    assert curator.has_perm("catalog.view_tool")
    assert not curator.has_perm("catalog.change_tool")
    assert device.confirmed


def test_bench_users_are_made_once_and_put_right_again():
    member, _ = bench_user(MEMBER_EMAIL)
    member.suspended_at = member.date_joined
    member.save()
    again, _ = bench_user(MEMBER_EMAIL)
    assert again.pk == member.pk
    assert again.is_active_member


def test_the_tool_page_uses_a_published_tool_or_the_one_asked_for():
    demo.seed(tools=10)
    slug, reviews = pick_tool()
    assert Tool.objects.get(slug=slug).status == Tool.Status.PUBLISHED
    assert reviews == 0
    draft = Tool.objects.filter(status=Tool.Status.DRAFT).first()
    assert pick_tool(draft.slug) == (draft.slug, 0)


def test_the_tool_page_is_the_published_tool_with_most_reviews():
    quiet, busy = factories.ToolFactory(), factories.ToolFactory()
    hidden = factories.ToolFactory(status=Tool.Status.DRAFT)
    factories.ToolReviewFactory(tool=quiet)
    for _ in range(2):
        factories.ToolReviewFactory(tool=busy)
    for _ in range(3):
        factories.ToolReviewFactory(tool=hidden)
    assert pick_tool() == (busy.slug, 2)


def test_prepare_signs_both_in_and_counts_each_pages_queries(settings):
    from pathlib import Path

    from benchmarks import django_side

    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    demo.seed(tools=20)
    pages_file = Path(__file__).resolve().parents[2] / "benchmarks" / "pages.toml"

    prepared = django_side.prepare(str(pages_file), sessions=3)

    assert prepared["signed_in"] == {"member": True, "curator": True}
    assert prepared["cookie_name"] == settings.SESSION_COOKIE_NAME
    assert [len(keys) for keys in prepared["keys"].values()] == [3, 3]
    assert prepared["tools"] == {"all": 20, "published": 18}
    by_key = {page["key"]: page for page in prepared["pages"]}
    # Every page answers 200 as it is: the real catalogue, its tool page and its admin.
    assert {key: page["status"] for key, page in by_key.items()} == dict.fromkeys(by_key, 200)
    assert by_key["search"]["path"] == (
        "/catalog/?q=triage&capability=triage-and-prioritisation"
        "&licence=free-for-law-enforcement&deployment=on-premises"
    )
    capability = Capability.objects.get(slug="triage-and-prioritisation")
    licence = Licence.objects.get(slug="free-for-law-enforcement")
    deployment = Deployment.objects.get(slug="on-premises")
    assert by_key["admin"]["path"] == (
        f"/admin/catalog/tool/?q=triage&capabilities__id__exact={capability.pk}"
        f"&licences__id__exact={licence.pk}&deployments__id__exact={deployment.pk}"
        "&status__exact=published&_facets=True"
    )
    assert by_key["tool"]["path"] == f"/catalog/{prepared['tool']['slug']}/"
    assert all(page["queries"] > 0 for page in prepared["pages"])
    # A new search's warm request is another new search: it asks more than a repeated one.
    assert by_key["fresh"]["queries"] > by_key["search"]["queries"]
