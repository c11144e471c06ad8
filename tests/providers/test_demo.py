import pytest
from django.core.management import call_command
from django.urls import reverse

from providers import demo
from providers.models import Proposal, ProviderAccount
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_seed_demo_makes_an_approved_provider_from_an_empty_database(client, capsys):
    call_command("seed_demo", tools=30)
    call_command("seed_demo", tools=30)  # again: nothing doubles
    assert "providers:" in capsys.readouterr().out
    account = ProviderAccount.objects.get(email=demo.APPROVED_EMAIL)
    assert account.is_approved and account.user.is_provider
    assert not account.user.is_active_member
    assert account.email_matches_website
    assert Proposal.objects.filter(account=account).count() == 1
    assert ProviderAccount.objects.get(email=demo.APPLYING_EMAIL).state == "applied"
    sign_in(client, account.user)
    portal = client.get(reverse("providers:portal"))
    assert portal.status_code == 200
    assert account.provider.name.encode() in portal.content
