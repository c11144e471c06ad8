"""Django's admin, django-allauth and django-otp speak their own catalogues; we keep no copies."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.conftest import sign_in
from tests.factories import CuratorFactory

pytestmark = pytest.mark.django_db


def test_the_admin_is_in_the_curators_language(client: Client) -> None:
    sign_in(client, CuratorFactory(language="fr"))
    content = client.get(reverse("admin:index")).content.decode()
    assert 'lang="fr"' in content
    assert "Déconnexion" in content  # Django's admin: "Log out"


def test_allauths_pages_are_in_the_visitors_language(client: Client) -> None:
    content = client.get(reverse("account_reset_password"), HTTP_ACCEPT_LANGUAGE="es").content
    assert "Contraseña" in content.decode() or "contraseña" in content.decode()


def test_we_keep_one_catalogue_per_language_and_no_library_copies() -> None:
    locale = Path(settings.LOCALE_PATHS[0])
    catalogues = sorted(str(p.relative_to(locale)) for p in locale.rglob("*.po"))
    assert catalogues == [
        "ar/LC_MESSAGES/django.po",
        "es/LC_MESSAGES/django.po",
        "fr/LC_MESSAGES/django.po",
        "ru/LC_MESSAGES/django.po",
        "zh_Hans/LC_MESSAGES/django.po",
    ]
