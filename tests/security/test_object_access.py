"""Object-level access: another member gets 404 for what is not theirs, and changes nothing."""

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from tests.conftest import sign_in
from tests.factories import MemberFactory
from tests.security.private_objects import (
    NOT_OBJECT_IDS,
    PROVIDER_OBJECT_URLS,
    REGISTRY,
    ROLE_OBJECT_URLS,
    SHARED_OBJECT_URLS,
    authenticated_just_now,
)
from tests.urlwalk import routes

pytestmark = pytest.mark.django_db

REGISTERED = {entry.label for entry in REGISTRY}

# One list of cases for both kinds, so that no kind is ever an empty (skipped) parameter set.
CASES = [
    pytest.param(entry, address, id=f"{entry.label}-{address.url_name}")
    for entry in REGISTRY
    for address in entry.addressed_by
] + [
    pytest.param(entry, url_name, id=f"{entry.label}-list-{url_name}")
    for entry in REGISTRY
    for url_name in entry.listed_on
]


def _member_client(**kwargs):
    return sign_in(Client(), MemberFactory(password="!", **kwargs))


def test_every_private_model_is_registered():
    private = {m._meta.label for m in apps.get_models() if getattr(m, "PRIVATE", False)}
    missing = private - REGISTERED
    assert not missing, f"add these to tests/security/private_objects.py REGISTRY: {missing}"


@pytest.mark.parametrize(
    "entry",
    [e for e in REGISTRY if getattr(apps.get_model(e.label), "PRIVATE", False)],
    ids=lambda entry: entry.label,
)
def test_every_private_model_has_one_name_for_its_owner_s_objects(entry):
    owner, other = MemberFactory(), MemberFactory()
    own = entry.make(owner)
    entry.make(other)
    assert list(type(own)._default_manager.owned_by(owner)) == [own]


def test_every_registered_model_exists():
    for label in REGISTERED:
        assert apps.get_model(label)


def test_every_url_that_takes_an_id_is_accounted_for():
    claimed = {a.url_name for entry in REGISTRY for a in entry.addressed_by}
    claimed |= set(SHARED_OBJECT_URLS) | set(ROLE_OBJECT_URLS) | set(NOT_OBJECT_IDS)
    claimed |= set(PROVIDER_OBJECT_URLS)
    unclaimed = [
        route.name
        for route in routes()
        if route.parameters and not route.name.startswith("admin:") and route.name not in claimed
    ]
    assert not unclaimed, (
        "These URLs take an id: register the object in tests/security/private_objects.py "
        f"(REGISTRY if private, SHARED_OBJECT_URLS if every member may see it): {unclaimed}"
    )


@pytest.mark.parametrize(("entry", "case"), CASES)
def test_only_the_owner_reaches_it(entry, case):
    if isinstance(case, str):
        _check_list(entry, case)
    else:
        _check_address(entry, case)


def _check_address(entry, address):
    owner = MemberFactory(password="!")
    obj = entry.make(owner)
    before = entry.snapshot(obj)
    url = reverse(address.url_name, kwargs=address.kwargs(obj))
    data = address.data(obj)
    owner_client = sign_in(Client(), owner)
    method = "post" if address.post else "get"
    other_user = MemberFactory(password="!")
    other = sign_in(Client(), other_user)
    if address.fresh:
        authenticated_just_now(other, other_user)
        authenticated_just_now(owner_client, owner)
    assert getattr(other, method)(url, data).status_code == 404
    assert other.post(url, data).status_code in {404, 405}
    assert entry.snapshot(obj) == before, "another member changed it"
    bad = reverse(address.url_name, kwargs=address.bad_kwargs(obj))
    bad_data = address.bad_data(obj) if address.bad_data else data
    assert (bad, bad_data) != (url, data), "the made-up id is the real one"
    assert getattr(owner_client, method)(bad, bad_data).status_code == 404
    if not address.post:
        response = owner_client.get(url, data)
        assert response.status_code == 200, "the owner cannot reach their own object"
        assert entry.marker(obj) in response.content.decode()


def _check_list(entry, url_name):
    owner = MemberFactory(password="!")
    obj = entry.make(owner)
    before = entry.snapshot(obj)
    url = reverse(url_name)
    owner_page = sign_in(Client(), owner).get(url)
    assert entry.on_list(obj) in owner_page.content.decode(), "the owner's list does not show it"
    other = _member_client()
    assert entry.on_list(obj) not in other.get(url).content.decode()
    other.post(url, {"id": obj.pk, "pk": obj.pk})
    assert entry.snapshot(obj) == before, "another member changed it from their list"


# --- The checks themselves catch a leak -----------------------------------------------------


def _notification_entry(url_name, *, post=False):
    from dataclasses import replace

    from tests.security.private_objects import Address

    (entry,) = [e for e in REGISTRY if e.label == "notifications.Notification"]
    address = Address(url_name, lambda n: {"public_id": n.public_id}, post=post)
    return replace(entry, addressed_by=(address,)), address


@pytest.mark.urls("tests.security.sample_urls")
@pytest.mark.parametrize("post", [False, True])
def test_the_checks_pass_a_view_that_scopes_to_the_owner(post):
    _check_address(*_notification_entry("owned", post=post))


@pytest.mark.urls("tests.security.sample_urls")
@pytest.mark.parametrize("post", [False, True])
def test_the_checks_catch_a_view_that_does_not(post):
    with pytest.raises(AssertionError):
        _check_address(*_notification_entry("leaky", post=post))


# --- Objects addressed through something shared ---------------------------------------------


def test_marking_an_article_read_or_unread_changes_only_ones_own_progress():
    from guidance.models import LearningProgress

    (entry,) = [e for e in REGISTRY if e.label == "guidance.LearningProgress"]
    owner = MemberFactory(password="!")
    progress = entry.make(owner)
    url = reverse("guidance:article_done", kwargs={"slug": progress.article.slug})
    other = _member_client()
    assert other.post(url, {"done": ""}).status_code == 302  # "not read", for themselves
    assert other.post(url, {"done": "on"}).status_code == 302
    assert entry.snapshot(progress) is not None, "another member's unread removed it"
    assert LearningProgress.objects.filter(article=progress.article).count() == 2
    other.post(url, {"done": ""})
    assert list(LearningProgress.objects.filter(article=progress.article)) == [progress]


def test_another_members_pending_review_is_not_on_the_tool_page():
    (entry,) = [e for e in REGISTRY if e.label == "catalog.ToolReview"]
    owner = MemberFactory(password="!")
    review = entry.make(owner)
    url = reverse("catalog:tool", kwargs={"slug": review.tool.slug})
    assert entry.marker(review) in sign_in(Client(), owner).get(url).content.decode()
    assert entry.marker(review) not in _member_client().get(url).content.decode()
