"""Wellbeing resources and the support-services directory."""

import pytest
from django.urls import reverse

from tests import factories
from tests.conftest import sign_in
from tests.guidance.conftest import queries_for

pytestmark = pytest.mark.django_db


def test_the_index_lists_published_resources(member_client):
    factories.ResourceFactory(title="Box breathing", kind="exercise", minutes=3)
    factories.ResourceFactory(title="Secondary stress explained", kind="article")
    factories.ResourceFactory(title="Unpublished", is_published=False)
    response = member_client.get(reverse("wellbeing:index"))
    assert response.status_code == 200
    assert "Box breathing" in response.text
    assert "Secondary stress explained" in response.text
    assert "Unpublished" not in response.text


def test_the_index_query_count_stays_flat(member_client, django_assert_max_num_queries):
    factories.ResourceFactory()
    few = queries_for(member_client, reverse("wellbeing:index"))
    factories.ResourceFactory.create_batch(10)
    assert queries_for(member_client, reverse("wellbeing:index")) == few
    with django_assert_max_num_queries(10):
        member_client.get(reverse("wellbeing:index"))


def test_a_resource_page_renders_sanitised_markdown(member_client):
    item = factories.ResourceFactory(body="**Breathe** <script>x()</script>")
    response = member_client.get(item.get_absolute_url())
    assert response.status_code == 200
    assert "<strong>Breathe</strong>" in response.text
    assert "<script>x()" not in response.text


def test_unpublished_and_unknown_resources_are_404(member_client):
    hidden = factories.ResourceFactory(is_published=False)
    assert member_client.get(hidden.get_absolute_url()).status_code == 404
    assert member_client.get("/wellbeing/no-such-resource/").status_code == 404


def test_a_flagged_resource_shows_a_content_warning_first(member_client):
    item = factories.ResourceFactory(content_warning=True, body="Hard detail")
    response = member_client.get(item.get_absolute_url())
    assert "Content warning" in response.text
    assert "Hard detail" not in response.text
    assert "Hard detail" in member_client.get(item.get_absolute_url(), {"proceed": "1"}).text


class TestServices:
    def test_filtering_by_country_keeps_international_services(self, member_client):
        factories.SupportServiceFactory(name="UK line", country="United Kingdom")
        factories.SupportServiceFactory(name="Dutch line", country="Netherlands")
        factories.SupportServiceFactory(name="Global line", country="")
        response = member_client.get(reverse("wellbeing:services"), {"country": "Netherlands"})
        names = [service.name for service in response.context["services"]]
        assert sorted(names) == ["Dutch line", "Global line"]

    def test_all_countries_and_kind_filter(self, member_client):
        factories.SupportServiceFactory(name="UK line", kind="helpline")
        factories.SupportServiceFactory(name="UK peers", kind="peer_support")
        factories.SupportServiceFactory(name="Unlisted", is_listed=False)
        response = member_client.get(reverse("wellbeing:services"))
        assert sorted(s.name for s in response.context["services"]) == ["UK line", "UK peers"]
        response = member_client.get(reverse("wellbeing:services"), {"kind": "peer_support"})
        assert [s.name for s in response.context["services"]] == ["UK peers"]

    def test_the_country_choices_come_from_the_directory(self, member_client):
        factories.SupportServiceFactory(country="Germany")
        response = member_client.get(reverse("wellbeing:services"))
        assert '<option value="Germany">Germany</option>' in response.text

    def test_an_unknown_country_is_a_clear_error(self, member_client):
        factories.SupportServiceFactory()
        response = member_client.get(reverse("wellbeing:services"), {"country": "Atlantis"})
        assert response.status_code == 200
        assert "There is a problem" in response.text
        assert list(response.context["services"]) == []

    def test_the_query_count_stays_flat(self, member_client, django_assert_max_num_queries):
        factories.SupportServiceFactory()
        few = queries_for(member_client, reverse("wellbeing:services"))
        factories.SupportServiceFactory.create_batch(10, country="Canada")
        assert queries_for(member_client, reverse("wellbeing:services")) == few
        with django_assert_max_num_queries(11):
            member_client.get(reverse("wellbeing:services"))


def test_anonymous_and_applicants_are_kept_out_of_the_resources(client_factory, applicant):
    response = client_factory().get(reverse("wellbeing:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert sign_in(client_factory(), applicant).get(reverse("wellbeing:index")).status_code == 403


@pytest.mark.parametrize(
    "make", [None, factories.UserFactory, factories.SuspendedMemberFactory], ids=str
)
def test_the_support_directory_is_open_to_everyone(client_factory, make):
    factories.SupportServiceFactory(name="Crisis line", kind="crisis")
    client = client_factory()
    if make:
        sign_in(client, make())
    response = client.get(reverse("wellbeing:services"))
    assert response.status_code == 200
    assert "Crisis line" in response.text


def test_phone_numbers_and_emails_are_links(client):
    factories.SupportServiceFactory(
        how_to_reach="+44 (0)20 7946 0000 · help@line.example.org · open 8:00-18:00 <b>",
    )
    body = client.get(reverse("wellbeing:services")).text
    assert '<a href="tel:+4402079460000">+44 (0)20 7946 0000</a>' in body
    assert '<a href="mailto:help@line.example.org">help@line.example.org</a>' in body
    assert "open 8:00-18:00 &lt;b&gt;" in body


def test_the_directory_starts_on_the_persons_own_country(client):
    factories.SupportServiceFactory(name="Dutch line", country="Netherlands")
    factories.SupportServiceFactory(name="German line", country="Germany")
    member = factories.MemberFactory()
    factories.VettingApplicationFactory(applicant=member, country="Netherlands")
    sign_in(client, member)
    names = [s.name for s in client.get(reverse("wellbeing:services")).context["services"]]
    assert names == ["Dutch line"]
    everywhere = client.get(reverse("wellbeing:services"), {"country": ""}).context["services"]
    assert {s.name for s in everywhere} == {"Dutch line", "German line"}


def test_a_resource_slug_may_not_shadow_wellbeing_pages():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        factories.ResourceFactory.build(slug="checkins").full_clean()
