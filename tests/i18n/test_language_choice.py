"""Which language a page is in: saved preference → cookie → Accept-Language → English."""

import re

import pytest
from django.conf import settings
from django.test import Client

from tests.conftest import sign_in
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

# django-allauth's own French for its sign-in form's "Password" label: French text that does not
# depend on our catalogues, which translators fill.
ALLAUTH_FRENCH_PASSWORD = "Mot de passe"


def html_tag(content: bytes) -> str:
    match = re.search(r"<html[^>]*>", content.decode())
    assert match, "no <html> tag"
    return match.group(0)


def test_accept_language_french_gives_a_french_page(client: Client) -> None:
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9,en;q=0.5")
    assert response.status_code == 200
    assert response["Content-Language"] == "fr"
    assert 'lang="fr"' in html_tag(response.content)
    assert 'dir="ltr"' in html_tag(response.content)
    assert ALLAUTH_FRENCH_PASSWORD in response.content.decode()


def test_without_a_preference_the_page_is_english(client: Client) -> None:
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="de, ja")
    assert response["Content-Language"] == "en"
    assert 'lang="en"' in html_tag(response.content)


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_every_language_has_its_lang_and_direction(client: Client, code: str) -> None:
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=code)
    tag = html_tag(response.content)
    assert f'lang="{code}"' in tag
    assert f'dir="{"rtl" if code == "ar" else "ltr"}"' in tag


def test_arabic_pages_are_right_to_left(client: Client) -> None:
    response = client.get("/about/", HTTP_ACCEPT_LANGUAGE="ar")
    assert 'dir="rtl"' in html_tag(response.content)
    assert 'lang="ar"' in html_tag(response.content)


def test_the_picker_names_each_language_in_itself(client: Client) -> None:
    content = client.get("/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    for code, name in settings.LANGUAGES:
        assert re.search(rf'<option value="{code}" lang="{code}"[^>]*>{name}</option>', content)
    assert '<option value="ru" lang="ru" selected>' in content
    assert 'action="/i18n/setlang/"' in content


def test_the_cookie_wins_over_the_browser(client: Client) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response["Content-Language"] == "es"


def test_the_saved_preference_wins_over_cookie_and_browser(client: Client) -> None:
    sign_in(client, MemberFactory(language="ru"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    response = client.get("/catalog/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert response["Content-Language"] == "ru"
    assert 'lang="ru"' in html_tag(response.content)


def test_a_blank_preference_follows_the_browser(client: Client) -> None:
    sign_in(client, MemberFactory(language=""))
    response = client.get("/catalog/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response["Content-Language"] == "fr"


def test_the_picker_saves_the_choice_on_the_account_and_goes_back(client: Client) -> None:
    member = MemberFactory(language="")
    sign_in(client, member)
    response = client.post("/i18n/setlang/", {"language": "ar", "next": "/catalog/?q=hash"})
    assert response.status_code == 302
    assert response["Location"] == "/catalog/?q=hash"
    member.refresh_from_db()
    assert member.language == "ar"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"
    # A new browser, signed in as the same person, gets Arabic too.
    other = Client()
    sign_in(other, member)
    page = other.get("/catalog/", HTTP_ACCEPT_LANGUAGE="en")
    assert 'dir="rtl"' in html_tag(page.content)


def test_the_picker_sets_the_cookie_for_a_visitor(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/about/"})
    assert response["Location"] == "/about/"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "zh-hans"
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert client.get("/about/")["Content-Language"] == "zh-hans"


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "/\\evil.example/", ""]
)
def test_the_picker_never_sends_one_elsewhere(client: Client, next_url: str) -> None:
    response = client.post("/i18n/setlang/", {"language": "fr", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_an_unknown_language_changes_nothing(client: Client) -> None:
    member = MemberFactory(language="es")
    sign_in(client, member)
    response = client.post("/i18n/setlang/", {"language": "xx", "next": "/catalog/"})
    assert response.status_code == 302
    assert response["Location"] == "/catalog/"
    member.refresh_from_db()
    assert member.language == "es"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_the_picker_takes_only_post(client: Client) -> None:
    assert client.get("/i18n/setlang/", {"language": "fr"}).status_code == 405
