"""Demo technology providers: one approved provider with a proposal waiting for the curators,
and one organisation whose application waits. Fictional, and marked as such."""

from __future__ import annotations

from django.conf import settings

from accounts.demo import PASSWORD, _user
from catalog.models import Provider, Tool
from hub import clock
from providers import changes
from providers.models import Proposal, ProviderAccount

APPROVED_EMAIL = "provider@northwind-forensics-demo.example.org"
APPLYING_EMAIL = "applying@kestrel-labs-demo.example.org"


def _account(email: str, name: str, organisation: str, website: str) -> ProviderAccount:
    user = _user(email, name, member=False)
    user.is_provider = True
    user.save(update_fields=["is_provider"])
    now = clock.now()
    account, _ = ProviderAccount.objects.get_or_create(
        user=user,
        defaults={
            "organisation": organisation,
            "website": website,
            "contact_name": name,
            "email": email,
            "tools_description": "Image and video triage for seized media (demo).",
            "terms_version": settings.PROVIDER_TERMS_VERSION,
            "terms_accepted_at": now,
            "submitted_at": now,
            "email_confirmed_at": now,
        },
    )
    return account


def seed(*, tools: int | None = None) -> str:
    provider = Provider.objects.filter(name="Northwind Forensics (demo)").first()
    if provider is None:  # the catalogue's demo did not run
        return "no demo provider organisation to link"
    approved = _account(
        APPROVED_EMAIL, "Parker Provider", provider.name, provider.website or "https://example.org"
    )
    if approved.state != ProviderAccount.State.APPROVED:
        approved.state = ProviderAccount.State.APPROVED
        approved.provider = provider
        approved.decided_at = clock.now()
        approved.decision_reason = "Demo decision: known supplier."
        approved.save()
    tool = Tool.objects.published().filter(provider=provider).order_by("name").first()
    if tool and not Proposal.objects.filter(account=approved).exists():
        Proposal.objects.create(
            provider=provider,
            account=approved,
            tool=tool,
            base=changes.current_values(tool),
            changes={"summary": f"{tool.summary} Now also reads video metadata (demo)."},
            note="See our release notes for version 4 (demo).",
            submitted_at=clock.now(),
        )
    _account(
        APPLYING_EMAIL,
        "Kim Kestrel",
        "Kestrel Labs (demo)",
        "https://kestrel-labs-demo.example.org/",
    )
    return f"2 provider accounts ({APPROVED_EMAIL} approved; password {PASSWORD!r})"
