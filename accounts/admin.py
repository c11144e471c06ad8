from __future__ import annotations

from typing import TYPE_CHECKING

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from accounts.models import (
    Agency,
    AgencyDomain,
    ApplicationMessage,
    SupervisorAttestation,
    VettingApplication,
)
from hub.admin_site import SignInIdentityAdmin

if TYPE_CHECKING:
    from django.db.models import Model, QuerySet
    from django.http import HttpRequest


# allauth's own admins let an administrator give a member their own mailbox as a verified
# address (then reset the password to it), and show the session keys that are sign-ins.
admin.site.unregister(EmailAddress)
admin.site.unregister(UserSession)


@admin.register(EmailAddress)
class EmailAddressAdmin(SignInIdentityAdmin):
    """People's email addresses, to look up; each person changes their own, nobody else."""

    list_display = ["email", "user", "primary", "verified"]
    list_filter = ["primary", "verified"]
    search_fields = ["email", "user__full_name"]
    list_select_related = ["user"]
    fields = ["email", "user", "primary", "verified"]


@admin.register(UserSession)
class UserSessionAdmin(SignInIdentityAdmin):
    """Who is signed in from where; never the session key (it is the sign-in itself)."""

    list_display = ["user", "created_at", "last_seen_at", "ip", "user_agent"]
    search_fields = ["user__email", "ip"]
    list_select_related = ["user"]
    fields = ["user", "created_at", "last_seen_at", "ip", "user_agent"]


class AgencyDomainInline(admin.TabularInline):
    model = AgencyDomain
    extra = 1


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "domain_list"]
    list_filter = ["country"]
    search_fields = ["name", "domains__domain"]
    inlines = [AgencyDomainInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Agency]:
        return super().get_queryset(request).prefetch_related("domains")

    @admin.display(description=_("email domains"))
    def domain_list(self, obj: Agency) -> str:
        return ", ".join(domain.domain for domain in obj.domains.all())


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


class MessageInline(ReadOnlyInline):
    model = ApplicationMessage
    fields = readonly_fields = ("kind", "author", "body", "created_at")


class AttestationInline(ReadOnlyInline):
    model = SupervisorAttestation
    fields = readonly_fields = (
        "supervisor_email",
        "sent_at",
        "expires_at",
        "outcome",
        "answered_at",
        "comment",
    )


@admin.register(VettingApplication)
class VettingApplicationAdmin(admin.ModelAdmin):
    """Read-mostly: decisions are made on /vetting/, where they are audited and notified."""

    list_display = ["full_name", "email", "kind", "state", "country", "submitted_at"]
    list_filter = ["state", "kind", "country"]
    search_fields = ["full_name", "email", "agency_name", "agency__name", "supervisor_email"]
    date_hierarchy = "submitted_at"
    list_select_related = ["agency"]
    readonly_fields = [
        "public_id",
        "applicant",
        "kind",
        "state",
        "full_name",
        "email",
        "terms_version",
        "terms_accepted_at",
        "submitted_at",
        "email_confirmed_at",
        "decided_at",
        "decided_by",
        "decision_reason",
        "valid_until",
        # Where the attestation link goes: changed here, it would let an administrator send it
        # to a mailbox of theirs and answer as the supervisor.
        "supervisor_name",
        "supervisor_email",
    ]
    fields = [
        *readonly_fields,
        "agency",
        "agency_name",
        "country",
        "unit",
        "role_title",
        "reason",
    ]
    inlines = [AttestationInline, MessageInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
