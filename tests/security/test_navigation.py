"""What the header offers follows the access policy: every link shown opens, none that opens is
missing. Proved for every persona of the access matrix by opening each link, not by asking the
policy (which renders the links), so a template that re-implements a rule cannot pass."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.security import personas
from tests.security.personas import PERSONAS

pytestmark = pytest.mark.django_db

# Every destination the header can offer.
NAVIGATION = [
    "catalog:index",
    "guidance:index",
    "wellbeing:index",
    "notifications:index",
    "vetting:queue",
    "admin:index",
    "accounts:application",
    "twofactor:security",
]


def suspended_with_role(role: str):
    def make(client):
        user = personas.suspended(client)
        personas.grant_role(user, role)
        return user

    return make


EVERYONE = PERSONAS | {
    "suspended-vetting-officer": suspended_with_role(personas.VETTING_OFFICER),
    "suspended-curator": suspended_with_role(personas.CURATOR),
}


def header_links(client) -> set[str]:
    page = client.get(reverse("landing")).content.decode()
    header = page.split("<header", 1)[1].split("</header>", 1)[0]
    return set(re.findall(r'href="([^"]+)"', header))


@pytest.mark.parametrize("persona", EVERYONE)
def test_the_header_offers_exactly_what_the_policy_opens(persona):
    client = Client()
    EVERYONE[persona](client)
    shown = header_links(client) & {reverse(name) for name in NAVIGATION}
    opens = {reverse(name) for name in NAVIGATION if client.get(reverse(name)).status_code == 200}
    assert shown == opens, (
        f"{persona}: shown but closed {shown - opens}, open but missing {opens - shown}"
    )


def test_a_suspended_officer_sees_no_vetting_link():
    client = Client()
    suspended_with_role(personas.VETTING_OFFICER)(client)
    assert reverse("vetting:queue") not in header_links(client)
