"""Technology providers (issue 23): the companies behind the tools, their accounts, the changes
they propose to their tools' entries, and their replies to members' reviews.

A provider's account is a kind apart (`User.is_provider`): never a member, it reaches only the
providers' pages, its own account security and the public pages (`hub.access`). Nothing a
provider proposes changes the catalogue until a curator accepts it (`providers.services`).
"""

from __future__ import annotations

import uuid
from typing import ClassVar
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import email_domain
from catalog.models import Provider, Tool, ToolReview

# The fields of a tool a provider may propose changes to, in the order curators see them.
PROPOSED_FIELDS = (
    "name",
    "summary",
    "description",
    "website",
    "maturity",
    "capabilities",
    "stages",
    "data_types",
    "deployments",
    "licences",
    "languages",
    "platforms",
    "countries",
    "data_protection_notes",
    "human_rights_notes",
)
# Of those, the facets: many-to-many fields, proposed as lists of term slugs.
PROPOSED_FACETS = tuple(field for _param, field, _label in Tool.FACETS)


def website_domain(url: str) -> str:
    """The host of a website address, without a leading `www.`: `https://www.x.org/` → `x.org`."""
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    return host.removeprefix("www.")


def domains_match(email: str, website: str) -> bool:
    """Whether an email address belongs to the website's domain (or one of its subdomains)."""
    mail, site = email_domain(email), website_domain(website)
    return bool(mail and site) and (mail == site or mail.endswith(f".{site}"))


class ProviderAccountQuerySet(models.QuerySet):
    def approved(self) -> ProviderAccountQuerySet:
        return self.filter(state=ProviderAccount.State.APPROVED, user__is_active=True)

    def ready(self) -> ProviderAccountQuerySet:
        """Applications curators can decide: the applicant has proved their email address."""
        return self.filter(email_confirmed_at__isnull=False)


class ProviderAccount(models.Model):
    """A technology provider's account: what the organisation told us when it applied, the
    curator's decision, and — once approved — the one `Provider` its person speaks for.

    applied → approved or rejected; an approved account can be revoked. The provider's own
    terms of engagement (`PROVIDER_TERMS_VERSION`) are accepted here, not on the user.
    """

    class State(models.TextChoices):
        APPLIED = "applied", _("Applied")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        REVOKED = "revoked", _("Revoked")

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="provider_account",
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    website = models.URLField(_("organisation's website"))
    contact_name = models.CharField(_("contact person"), max_length=200)
    email = models.EmailField(_("official email address"), max_length=254)
    tools_description = models.TextField(_("what their tools do"), max_length=4000)
    terms_version = models.CharField(_("provider terms version accepted"), max_length=40)
    terms_accepted_at = models.DateTimeField(_("provider terms accepted at"))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.APPLIED
    )
    provider = models.ForeignKey(
        Provider,
        verbose_name=_("provider organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="accounts",
        help_text=_("The organisation in the catalogue this person speaks for."),
    )
    submitted_at = models.DateTimeField(_("submitted"))
    email_confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)

    objects = ProviderAccountQuerySet.as_manager()

    # A curator's decision → (the states it may be taken from, the state it leads to).
    DECISIONS: ClassVar[dict[str, tuple[tuple[str, ...], str]]] = {
        "approve": ((State.APPLIED, State.REJECTED), State.APPROVED),
        "reject": ((State.APPLIED,), State.REJECTED),
        "revoke": ((State.APPROVED,), State.REVOKED),
    }

    class Meta:
        verbose_name = _("provider account")
        verbose_name_plural = _("provider accounts")
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(state="approved") | models.Q(provider__isnull=False),
                name="providers_account_approved_has_provider",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.contact_name} <{self.email}>"

    @classmethod
    def of(cls, user: object) -> ProviderAccount | None:
        """`user`'s provider account, or None; looked up once per user object (one request)."""
        if not getattr(user, "is_provider", False):
            return None
        cache = "_provider_account"
        if cache not in user.__dict__:
            user.__dict__[cache] = cls.objects.select_related("provider").filter(user=user).first()
        return user.__dict__[cache]

    @property
    def is_approved(self) -> bool:
        return (
            self.state == self.State.APPROVED
            and self.provider_id is not None
            and self.user.is_active
        )

    @property
    def approved_provider_id(self) -> int:
        """The id of the catalogue provider the account speaks for: an approved account has one
        (the check constraint `providers_account_approved_has_provider`); others are refused."""
        if self.provider_id is None:
            raise PermissionDenied
        return self.provider_id

    @property
    def approved_provider(self) -> Provider:
        """The provider of `approved_provider_id`, loaded."""
        if self.provider is None:
            raise PermissionDenied
        return self.provider

    @property
    def has_accepted_current_terms(self) -> bool:
        return self.terms_version == settings.PROVIDER_TERMS_VERSION

    # Signals for the curator who decides: facts, never a decision on their own.
    @property
    def email_matches_website(self) -> bool:
        return domains_match(self.email, self.website)

    @property
    def existing_provider(self) -> Provider | None:
        """The catalogue's provider of the same name, if there is one."""
        return Provider.objects.filter(name__iexact=self.organisation.strip()).first()


class ProposalQuerySet(models.QuerySet):
    def waiting(self) -> ProposalQuerySet:
        return self.filter(state=Proposal.State.SUBMITTED)

    def of_provider(self, provider: Provider) -> ProposalQuerySet:
        return self.filter(provider=provider)


class Proposal(models.Model):
    """A provider's change set against one tool's entry (or a new tool): a draft revision.

    `changes` holds only the fields it changes, as the provider typed them (facets as lists of
    term slugs). Nothing public changes until a curator accepts it, in one transaction, with
    the tool's history naming the provider; a returned proposal changes nothing.
    """

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for a curator")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned with a comment")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    provider = models.ForeignKey(
        Provider,
        verbose_name=_("provider organisation"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    account = models.ForeignKey(
        ProviderAccount,
        verbose_name=_("proposed by"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    tool = models.ForeignKey(
        Tool,
        verbose_name=_("tool"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="provider_proposals",
        help_text=_("Empty for a new tool until it is accepted."),
    )
    changes = models.JSONField(_("proposed changes"), default=dict)
    # The proposed fields' values when it was made: what the provider saw and changed.
    base = models.JSONField(_("the entry as it was"), default=dict, editable=False)
    note = models.TextField(_("note to the curators"), max_length=2000, blank=True, default="")
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("submitted"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    curator_comment = models.TextField(
        _("comment to the provider"), max_length=4000, blank=True, default=""
    )

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("provider proposal")
        verbose_name_plural = _("provider proposals")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["state", "submitted_at"], name="providers_proposal_state")]

    def __str__(self) -> str:
        if self.tool_id:
            return _("Update to %(tool)s from %(provider)s") % {
                "tool": self.tool,
                "provider": self.provider,
            }
        return _("New tool %(name)s from %(provider)s") % {
            "name": self.changes.get("name", ""),
            "provider": self.provider,
        }

    def get_absolute_url(self) -> str:
        return reverse("providers:proposal", args=[self.uuid])

    @property
    def is_new_tool(self) -> bool:
        return self.tool_id is None


class ProviderReply(models.Model):
    """A provider's one public reply to a member's review of their tool. Moderated like reviews:
    pending → published or declined. Members see it under the review once published; the
    review's author stays "a vetted member" to the provider."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending moderation")
        PUBLISHED = "published", _("Published")
        DECLINED = "declined", _("Declined")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    review = models.OneToOneField(
        ToolReview,
        verbose_name=_("review"),
        on_delete=models.CASCADE,
        related_name="provider_reply",
    )
    provider = models.ForeignKey(
        Provider,
        verbose_name=_("provider organisation"),
        on_delete=models.CASCADE,
        related_name="replies",
    )
    account = models.ForeignKey(
        ProviderAccount,
        verbose_name=_("written by"),
        on_delete=models.CASCADE,
        related_name="replies",
    )
    body = models.TextField(_("reply"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    moderation_note = models.TextField(
        _("moderation note"), blank=True, help_text=_("Sent to the provider when declined.")
    )
    created_at = models.DateTimeField(_("written at"))
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)

    class Meta:
        verbose_name = _("provider reply")
        verbose_name_plural = _("provider replies")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return _("Reply from %(provider)s to a review of %(tool)s") % {
            "provider": self.provider,
            "tool": self.review.tool,
        }
