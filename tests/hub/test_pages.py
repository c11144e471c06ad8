import pytest
from django.urls import get_resolver, reverse

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


def test_a_bad_request_gets_the_hubs_400_page(client):
    # A Host header outside ALLOWED_HOSTS is Django's SuspiciousOperation, answered by handler400.
    response = client.get(reverse("landing"), HTTP_HOST="attacker.example")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Bad request" in body and 'href="#main"' in body and "<footer" in body


def test_the_500_page_stands_alone_in_the_hubs_look(rf):
    handler = get_resolver().resolve_error_handler(500)
    response = handler(rf.get("/"))
    assert response.status_code == 500
    body = response.content.decode()
    assert "Sorry, something went wrong" in body and "Nothing you had already saved is lost" in body
    assert "/static/css/hub" in body and '<main id="main"' in body
    assert "<script" not in body and "style=" not in body
