import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["landing", "about", "terms", "privacy"])
def test_public_pages_render_in_the_hub_layout(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'href="#main"' in body  # skip link
    assert "<main" in body and "<footer" in body
    assert "<script>" not in body and "style=" not in body


def test_the_landing_page_says_who_may_join_and_how_to_apply(client):
    body = client.get(reverse("landing")).content.decode()
    assert "Who may join" in body
    assert reverse("account_signup") in body
    assert reverse("account_login") in body


def test_terms_show_their_version(client, settings):
    settings.TERMS_VERSION = "2031-04"
    assert "2031-04" in client.get(reverse("terms")).content.decode()


def test_signed_in_people_land_on_the_catalogue_when_members(member_client):
    response = member_client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("catalog:index")


def test_post_to_a_read_only_page_is_refused(client):
    assert client.post(reverse("landing")).status_code == 405
