"""The directory lists only published profiles of active members: an opted-out, suspended or
expired member is in no listing, search or count (issue 22)."""

from datetime import timedelta

import pytest
from django.urls import reverse

from community.models import Profile
from hub import clock
from tests import factories

pytestmark = pytest.mark.django_db

INDEX = reverse("community:index")


def _profile(**kwargs):
    capability = kwargs.pop("capability", None)
    tool = kwargs.pop("tool", None)
    profile = factories.ProfileFactory(**kwargs)
    if capability:
        profile.capabilities.add(capability)
    if tool:
        profile.tools.add(tool)
    return profile


@pytest.fixture
def expertise():
    return factories.CapabilityFactory(name="Zebra hashing", slug="zebra-hashing")


@pytest.fixture
def tool():
    return factories.ToolFactory(name="Zebra Tool", slug="zebra-tool")


def test_only_listed_profiles_are_in_the_directory_its_search_and_its_counts(
    browse, expertise, tool
):
    listed = _profile(display_name="Listed Zebra", capability=expertise, tool=tool)
    hidden = [
        _profile(display_name="Optedout Zebra", published=False, capability=expertise, tool=tool),
        _profile(
            display_name="Suspended Zebra",
            user=factories.SuspendedMemberFactory(),
            capability=expertise,
            tool=tool,
        ),
        _profile(
            display_name="Expired Zebra",
            user=factories.ExpiredMemberFactory(),
            capability=expertise,
            tool=tool,
        ),
        _profile(
            display_name="Applicant Zebra",
            user=factories.UserFactory(),
            capability=expertise,
            tool=tool,
        ),
    ]
    client = browse()
    pages = [
        client.get(INDEX),
        client.get(INDEX, {"q": "Zebra"}),
        client.get(INDEX, {"expertise": expertise.slug}),
        client.get(INDEX, {"tool": tool.slug}),
    ]
    for response in pages:
        body = response.content.decode()
        assert response.status_code == 200
        assert listed.display_name in body
        for profile in hidden:
            assert profile.display_name not in body
            assert str(profile.public_id) not in body
        assert response.context["page"].paginator.count == 1
        facets = {parameter: terms for parameter, _label, terms in response.context["facets"]}
        assert [term["count"] for term in facets["expertise"]] == [1]
        assert [term["count"] for term in facets["tool"]] == [1]
    for profile in hidden:
        url = reverse("community:member", kwargs={"public_id": profile.public_id})
        assert client.get(url).status_code == 404
        contact = reverse("community:contact", kwargs={"public_id": profile.public_id})
        assert client.post(contact, {"message": "Hello"}).status_code == 404
    # The tool page's "N members have used this" counts the listed member only.
    tool_page = client.get(tool.get_absolute_url()).content.decode()
    assert "1 member has used this" in tool_page
    assert f"{INDEX}?tool={tool.slug}" in tool_page


def test_a_member_vanishes_at_once_when_suspended_or_lapsed(browse):
    profile = _profile(display_name="Soon Gone")
    client = browse()
    url = profile.get_absolute_url()
    assert client.get(url).status_code == 200
    profile.user.suspended_at = clock.now()
    profile.user.save(update_fields=["suspended_at"])
    assert client.get(url).status_code == 404
    assert "Soon Gone" not in client.get(INDEX).content.decode()
    profile.user.suspended_at = None
    profile.user.membership_valid_until = clock.now() - timedelta(minutes=1)
    profile.user.save(update_fields=["suspended_at", "membership_valid_until"])
    assert client.get(url).status_code == 404
    assert Profile.objects.listed().count() == 0


def test_a_tool_page_without_listed_users_says_nothing(browse, tool):
    _profile(published=False, tool=tool)
    assert "— ask them" not in browse().get(tool.get_absolute_url()).content.decode()


def test_publishing_a_profile_lists_it_and_unpublishing_takes_it_down(browse, expertise):
    me = factories.MemberFactory(password="!")
    client = browse(me)
    other = browse()
    page = client.get(reverse("community:profile"))
    assert page.status_code == 200
    data = {
        "published": "on",
        "display_name": "Robin Example",
        "capabilities": [expertise.pk],
        "bio": "Hashes.",
        "agency": "Secret Unit Agency",
        "unit": "Unit 7",
    }
    assert client.post(reverse("community:profile"), data).status_code == 302
    profile = Profile.objects.get(user=me)
    assert "Robin Example" in other.get(INDEX, {"expertise": expertise.slug}).content.decode()
    # Agency and unit only when the member says so.
    assert "Secret Unit Agency" not in other.get(profile.get_absolute_url()).content.decode()
    client.post(reverse("community:profile"), {**data, "show_agency": "on"})
    assert "Secret Unit Agency" in other.get(profile.get_absolute_url()).content.decode()
    del data["published"]
    client.post(reverse("community:profile"), data)
    assert "Robin Example" not in other.get(INDEX).content.decode()
    assert other.get(profile.get_absolute_url()).status_code == 404


def test_unknown_filters_are_reported_and_ignored(browse):
    _profile(display_name="Still Here")
    response = browse().get(INDEX, {"expertise": "no-such-term", "page": "x"})
    assert response.status_code == 200
    assert "Still Here" in response.content.decode()
    assert "not recognised" in response.content.decode()


def test_a_member_says_from_the_tool_page_that_they_used_it(browse, tool):
    me = factories.MemberFactory(password="!")
    client = browse(me)
    used = reverse("community:used_tool", kwargs={"slug": tool.slug})
    assert client.post(used).status_code == 302
    profile = Profile.objects.get(user=me)
    assert not profile.published  # made for the tool, never listed without opting in
    assert list(profile.tools.all()) == [tool]
    other = browse()
    assert "— ask them" not in other.get(tool.get_absolute_url()).content.decode()
    assert "Remove this tool" in client.get(tool.get_absolute_url()).content.decode()
    profile.published = True
    profile.save()
    assert "1 member has used this" in other.get(tool.get_absolute_url()).content.decode()
    form = client.get(reverse("community:profile")).content.decode()
    assert f'value="{tool.pk}"' in form and "checked" in form
    client.post(used)
    assert not profile.tools.exists()
    # Another member's tick changes only their own profile.
    assert browse().post(used).status_code == 302
    assert not profile.tools.exists()
    assert browse().post(reverse("community:used_tool", kwargs={"slug": "nope"})).status_code == 404


def test_the_tool_page_count_folds_into_the_tool_query(client, django_assert_num_queries):
    """The annotations community registers in catalog.tool_page give what the tag counts."""
    from django.template import Context, Template
    from django.test import RequestFactory

    from catalog import tool_page
    from catalog.models import Tool

    tool = factories.ToolFactory()
    visitor = factories.MemberFactory()
    for user in (factories.MemberFactory(), factories.MemberFactory(), visitor):
        factories.ProfileFactory(user=user, published=user != visitor).tools.add(tool)
    factories.ProfileFactory(user=factories.SuspendedMemberFactory(), published=True).tools.add(
        tool
    )
    request = RequestFactory().get("/")
    request.user = visitor
    page = Template(
        "{% load community %}{% members_who_used tool as used %}{{ used.count }} {{ used.mine }}"
    )
    plain = page.render(Context({"tool": tool, "request": request}))
    assert plain == "2 True"
    annotated = Tool.objects.annotate(**tool_page.for_visitor(visitor)).get(pk=tool.pk)
    with django_assert_num_queries(0):
        assert page.render(Context({"tool": annotated, "request": request})) == plain
    stranger = factories.MemberFactory()
    annotated = Tool.objects.annotate(**tool_page.for_visitor(stranger)).get(pk=tool.pk)
    request.user = stranger
    assert page.render(Context({"tool": annotated, "request": request})) == "2 False"
