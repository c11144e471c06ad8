"""One account is a provider's or a member's, never both; the policy keeps providers to their
own pages, including URLs nobody has written yet; the providers' own terms."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts import services as accounts_services
from hub import access
from hub.access import Access, Rule
from providers import services
from providers.models import ProviderAccount
from tests import factories
from tests.conftest import sign_in
from tests.providers.test_flow import APPLICATION

pytestmark = pytest.mark.django_db


def test_a_member_cannot_become_a_provider():
    member = factories.MemberFactory()
    with pytest.raises(services.NotAllowedError):
        services.submit_application(
            member, organisation="X", website="https://x.example", contact_name="X",
            tools_description="X",
        )  # fmt: skip
    member.refresh_from_db()
    assert not member.is_provider and not ProviderAccount.objects.exists()


def test_an_applicant_for_membership_cannot_become_a_provider():
    application = factories.VettingApplicationFactory()
    with pytest.raises(services.NotAllowedError):
        services.submit_application(
            application.applicant, organisation="X", website="https://x.example",
            contact_name="X", tools_description="X",
        )  # fmt: skip


def test_a_provider_cannot_be_made_a_member(provider_account):
    with pytest.raises(accounts_services.NotAllowedError):
        accounts_services.grant_membership(provider_account.user, reason="Trying")
    provider_account.user.refresh_from_db()
    assert provider_account.user.membership_valid_until is None


def test_the_database_refuses_a_provider_with_a_membership(provider_account):
    from django.utils import timezone

    user = provider_account.user
    user.membership_valid_until = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        user.save()


def test_a_signed_in_member_cannot_apply_as_a_provider(member_client, member):
    response = member_client.post(reverse("providers:apply"), APPLICATION)
    assert response.status_code == 302
    assert not ProviderAccount.objects.exists()
    member.refresh_from_db()
    assert not member.is_provider


def test_applying_with_a_members_address_opens_no_account(client, member):
    response = client.post(reverse("providers:apply"), APPLICATION | {"email": member.email})
    assert response.status_code == 302  # the usual answer: nothing revealed
    assert not ProviderAccount.objects.exists()
    member.refresh_from_db()
    assert not member.is_provider


def test_the_application_form_shows_errors_and_keeps_nothing(client):
    response = client.post(reverse("providers:apply"), APPLICATION | {"accept_terms": ""})
    assert response.status_code == 400
    assert b"There is a problem" in response.content
    assert not ProviderAccount.objects.exists()


@pytest.mark.parametrize(
    "name",
    ["community:directory", "community:profile", "people:anything", "catalog:new_page"],
)
def test_urls_nobody_has_written_yet_refuse_a_provider(provider_account, name):
    # An unknown name falls to the default rule: members only, never a provider.
    assert access.refusal(provider_account.user, access.rule_named(name)) is not None
    assert not access.may(provider_account.user, name)


def test_every_rule_but_public_and_the_providers_own_refuses_a_provider(provider_account):
    user = provider_account.user
    user.is_verified = lambda: True
    for access_level in Access:
        for permission in (None, "catalog.publish_tool"):
            for staff in (False, True):
                rule = Rule(access_level, permission, staff)
                got = access.refusal(user, rule)
                if access_level is Access.PUBLIC:
                    assert got is None
                else:
                    assert got is access.Refusal.NOT_FOR_PROVIDERS, rule


def test_members_are_refused_at_the_providers_pages(member_client):
    response = member_client.get(reverse("providers:portal"))
    assert response.status_code == 403
    assert b"for technology providers" in response.content


def test_signing_in_sends_a_provider_to_their_portal(provider_client):
    response = provider_client.get(reverse("home"))
    assert response["Location"] == reverse("providers:portal")


def test_the_header_shows_a_provider_no_members_link(provider_client):
    body = provider_client.get(reverse("providers:portal")).content.decode()
    for name in ("catalog:index", "guidance:index", "wellbeing:index", "notifications:index"):
        assert f'href="{reverse(name)}"' not in body
    assert f'href="{reverse("twofactor:security")}"' in body


def test_new_provider_terms_are_accepted_before_the_portal(
    provider_client, provider_account, settings
):
    settings.PROVIDER_TERMS_VERSION = "2099-01"
    response = provider_client.get(reverse("providers:portal"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("providers:accept_terms"))
    # Account security stays open meanwhile.
    assert provider_client.get(reverse("twofactor:security")).status_code == 200
    response = provider_client.post(
        reverse("providers:accept_terms"),
        {"accept_terms": "on", "next": reverse("providers:portal")},
    )
    assert response["Location"] == reverse("providers:portal")
    provider_account.refresh_from_db()
    assert provider_account.terms_version == "2099-01"
    assert provider_client.get(reverse("providers:portal")).status_code == 200


def test_a_revoked_provider_is_out_at_once(client_factory, provider_account):
    client = sign_in(client_factory(), provider_account.user)
    assert client.get(reverse("providers:portal")).status_code == 200
    services.revoke(provider_account, curator=factories.CuratorFactory(), reason="Left")
    # Every session ended: the next request is sent to sign in.
    response = client.get(reverse("providers:portal"))
    assert response.status_code == 302
    again = sign_in(client_factory(), provider_account.user)
    assert again.get(reverse("providers:portal")).status_code == 403


def test_applying_is_limited_per_address_like_signing_up(client, settings):
    settings.HUB_RATE_LIMITS = settings.HUB_RATE_LIMITS | {"signup_address": (2, 3600)}
    answers = [
        client.post(
            reverse("providers:apply"), {"organisation": "X"}, REMOTE_ADDR="198.51.100.9"
        ).status_code
        for _ in range(3)
    ]
    assert answers == [400, 400, 429]
    assert client.get(reverse("providers:apply"), REMOTE_ADDR="198.51.100.9").status_code == 200


SCRIPT = '<script>alert("x")</script>'


def test_what_providers_type_comes_back_escaped(
    provider_account, provider_client, curator_client, client_factory
):
    tool = factories.ToolFactory(provider=provider_account.provider)
    proposal = factories.ProposalFactory(
        account=provider_account, tool=tool, changes={"summary": SCRIPT}, note=SCRIPT
    )
    reply = factories.ProviderReplyFactory(account=provider_account, body=SCRIPT)
    services.moderate_reply(reply, publish=True, by=factories.CuratorFactory())
    reader = sign_in(client_factory(), factories.MemberFactory())
    pages = [
        curator_client.get(reverse("admin:providers_proposal_change", args=[proposal.pk])),
        curator_client.get(reverse("admin:providers_providerreply_change", args=[reply.pk])),
        provider_client.get(proposal.get_absolute_url()),
        provider_client.get(reverse("providers:reviews")),
        reader.get(reply.review.tool.get_absolute_url()),
    ]
    for response in pages:
        assert response.status_code == 200
        body = response.content.decode()
        assert SCRIPT not in body
        assert "&lt;script&gt;" in body


def test_a_provider_keeps_the_address_the_curators_approved(client, provider_account):
    """The domain signal holds after approval: a provider cannot add or swap addresses."""
    sign_in(client, provider_account.user)
    assert client.get(reverse("account_email")).status_code == 403
    response = client.post(reverse("account_email"), {"action_add": "", "email": "me@free.example"})
    assert response.status_code == 403
    assert provider_account.user.emailaddress_set.filter(email="me@free.example").count() == 0
    page = client.get(reverse("twofactor:security")).content.decode()
    assert reverse("account_email") not in page
    assert reverse("contact") in page
