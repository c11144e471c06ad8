"""Facet terms read in the member's language, else English: in the catalogue's filters, on each
tool's card and on the tool's page."""

import pytest
from django.test import Client
from django.urls import reverse

from hub.content_languages import set_texts
from tests.conftest import sign_in
from tests.factories import CapabilityFactory, DeploymentFactory, MemberFactory, ToolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hashing():
    capability = CapabilityFactory(name="Hash matching", slug="hash-matching")
    set_texts(capability, {"name": {"fr": "Correspondance d'empreintes"}})
    capability.save()
    return capability


def _catalogue(client: Client, language: str) -> str:
    member = sign_in(client, MemberFactory(language=language))
    return member.get(reverse("catalog:index")).content.decode()


def test_the_filters_and_the_cards_name_terms_in_the_member_s_language(
    client: Client, hashing
) -> None:
    ToolFactory(name="Aegis", capabilities=[hashing])
    page = _catalogue(client, "fr")
    assert 'id="f-capability-hash-matching">' in page
    assert page.count("Correspondance d&#x27;empreintes") == 2  # the filter and the card
    assert "Hash matching" not in page


def test_each_language_has_its_own_names_in_the_cache(client: Client, hashing) -> None:
    ToolFactory(name="Aegis", capabilities=[hashing])
    assert "Correspondance d&#x27;empreintes" in _catalogue(Client(), "fr")
    english = _catalogue(client, "en")  # the same catalogue version, read after the French
    assert "Hash matching" in english
    assert "Correspondance" not in english


def test_a_term_not_yet_translated_is_named_in_english(client: Client) -> None:
    deployment = DeploymentFactory(name="On premises", slug="on-premises")
    ToolFactory(name="Aegis", deployments=[deployment])
    assert "On premises" in _catalogue(client, "fr")


def test_the_tool_page_names_its_terms_in_the_member_s_language(client: Client, hashing) -> None:
    tool = ToolFactory(name="Aegis", capabilities=[hashing])
    member = sign_in(client, MemberFactory(language="fr"))
    page = member.get(reverse("catalog:tool", args=[tool.slug])).content.decode()
    assert "Correspondance d&#x27;empreintes" in page
    assert "Hash matching" not in page


def test_a_term_s_name_is_escaped_in_the_filters(client: Client) -> None:
    CapabilityFactory(name='<img src=x onerror="alert(1)">', slug="odd")
    page = _catalogue(client, "en")
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
