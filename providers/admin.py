"""The curators' side: provider applications with their signals, the queue of proposals with a
field-by-field diff (accept, edit then accept, or return with a comment), and replies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.http import signed_in_user
from catalog.models import Provider, Tool
from providers import changes, services
from providers.models import (
    PROPOSED_FACETS,
    PROPOSED_FIELDS,
    Proposal,
    ProviderAccount,
    ProviderReply,
)

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import HttpRequest
    from django_stubs_ext import StrOrPromise

# --- Applications ----------------------------------------------------------------------------


class ProviderAccountForm(forms.ModelForm):
    """The curator's decision on an organisation's application (nothing else is editable)."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        required=False,
        choices=[
            ("", _("No decision now")),
            ("approve", _("Approve: link to the provider organisation")),
            ("reject", _("Reject")),
            ("revoke", _("Revoke an approved provider's access")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The provider reads this. Say what you decided and why, plainly."),
    )

    class Meta:
        model = ProviderAccount
        fields = ["provider"]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        decision = cleaned.get("decision")
        if not decision:
            return cleaned
        stored = ProviderAccount.objects.get(pk=self.instance.pk)
        if stored.state not in ProviderAccount.DECISIONS[decision][0]:
            raise forms.ValidationError(
                _("This application cannot take that decision from its state (%(state)s).")
                % {"state": stored.get_state_display()}
            )
        if decision == "approve" and stored.email_confirmed_at is None:
            raise forms.ValidationError(_("The applicant has not confirmed their email yet."))
        if not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Give a reason: the provider reads it."))
        return cleaned


@admin.register(ProviderAccount)
class ProviderAccountAdmin(admin.ModelAdmin):
    form = ProviderAccountForm
    list_display = [
        "organisation",
        "contact_name",
        "state",
        "email_domain_matches",
        "organisation_known",
        "email_confirmed_at",
        "submitted_at",
    ]
    list_filter = ["state"]
    search_fields = ["organisation", "contact_name", "email"]
    list_select_related = ["provider"]
    autocomplete_fields = ["provider"]
    readonly_fields = [
        "organisation",
        "website",
        "contact_name",
        "email",
        "tools_description",
        "terms_version",
        "terms_accepted_at",
        "state",
        "submitted_at",
        "email_confirmed_at",
        "decided_at",
        "decided_by",
        "decision_reason",
        "email_domain_matches",
        "organisation_known",
    ]
    fieldsets = [
        (
            _("The application"),
            {
                "fields": [
                    "organisation",
                    "website",
                    "contact_name",
                    "email",
                    "tools_description",
                    "terms_version",
                    "terms_accepted_at",
                    "submitted_at",
                    "email_confirmed_at",
                ]
            },
        ),
        (_("Signals"), {"fields": ["email_domain_matches", "organisation_known"]}),
        (
            _("Decision"),
            {
                "fields": [
                    "state",
                    "provider",
                    "decision",
                    "reason",
                    "decided_at",
                    "decided_by",
                    "decision_reason",
                ]
            },
        ),
    ]

    @admin.display(boolean=True, description=_("email domain matches the website"))
    def email_domain_matches(self, obj: ProviderAccount) -> bool:
        return obj.email_matches_website

    @admin.display(description=_("organisation already a provider"))
    def organisation_known(self, obj: ProviderAccount) -> StrOrPromise:
        known = obj.existing_provider
        return known.name if known else _("No: approving makes it one")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # organisations apply at /providers/apply/

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(
        self, request: HttpRequest, obj: ProviderAccount, form: ProviderAccountForm, change: bool
    ) -> None:
        decision, reason = form.cleaned_data.get("decision"), form.cleaned_data.get("reason", "")
        if decision == "approve":
            provider = form.cleaned_data.get("provider") or obj.existing_provider
            if provider is None:
                provider = Provider.objects.create(
                    name=obj.organisation.strip(), website=obj.website
                )
            services.approve(
                obj,
                curator=signed_in_user(request),
                provider=provider,
                reason=reason,
                request=request,
            )
        elif decision == "reject":
            services.reject(obj, curator=signed_in_user(request), reason=reason, request=request)
        elif decision == "revoke":
            services.revoke(obj, curator=signed_in_user(request), reason=reason, request=request)
        # Without a decision nothing changes: the application is what the provider sent.


# --- Proposals -------------------------------------------------------------------------------


def _tool_fields() -> dict[str, forms.Field]:
    """The proposed fields as form fields; facets by slug, as the change sets keep them."""
    scalars = [f for f in PROPOSED_FIELDS if f not in PROPOSED_FACETS and f != "website"]
    fields: dict[str, forms.Field] = dict(forms.fields_for_model(Tool, fields=scalars))
    fields["website"] = forms.URLField(
        label=_("Website"), assume_scheme="https", required=False, max_length=200
    )
    for name in PROPOSED_FACETS:
        fields[name] = forms.ModelMultipleChoiceField(
            changes.facet_model(name)._default_manager.all(),
            to_field_name="slug",
            required=False,
            label=changes.label(name),
            widget=forms.CheckboxSelectMultiple,
        )
    return fields


class ProposalDecisionBase(forms.ModelForm):
    """The entry as the proposal would make it, editable, and the curator's decision."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        required=False,
        choices=[
            ("", _("No decision now")),
            ("accept", _("Accept the entry as shown above (with any edits you made)")),
            ("return", _("Return it to the provider with a comment")),
        ],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Proposal
        fields = ["curator_comment"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.update(changes.proposed_values(self.instance.tool, self.instance.changes))
        self.edits: dict | None = None

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        decision = cleaned.get("decision")
        if decision == "return" and not (cleaned.get("curator_comment") or "").strip():
            self.add_error("curator_comment", _("Say why: the provider reads this comment."))
        if decision == "accept" and not self.errors:
            edits = changes.from_cleaned_data(cleaned, changes.current_values(self.instance.tool))
            if self.instance.tool is None and not edits.get("name"):
                self.add_error("name", _("A new tool needs a name."))
            self.edits = None if edits == self.instance.changes else edits
        return cleaned


ProposalDecisionForm = type("ProposalDecisionForm", (ProposalDecisionBase,), _tool_fields())


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    form = ProposalDecisionForm
    list_display = ["__str__", "provider", "state", "submitted_at", "decided_at"]
    list_filter = ["state", "provider"]
    list_select_related = ["tool", "provider"]
    search_fields = ["tool__name", "provider__name"]
    ordering = ["state", "submitted_at"]
    readonly_fields = [
        "provider",
        "proposed_by",
        "tool",
        "submitted_at",
        "state",
        "note",
        "field_by_field",
        "decided_at",
        "decided_by",
        "curator_comment_shown",
    ]

    def get_fieldsets(self, request: HttpRequest, obj: Proposal | None = None) -> list:
        summary = (
            None,
            {
                "fields": [
                    "provider",
                    "proposed_by",
                    "tool",
                    "submitted_at",
                    "state",
                    "note",
                    "field_by_field",
                ]
            },
        )
        if obj is not None and obj.state != Proposal.State.SUBMITTED:
            return [
                summary,
                (_("Decision"), {"fields": ["decided_at", "decided_by", "curator_comment_shown"]}),
            ]
        return [
            summary,
            (
                _("The entry as it would be: edit it before accepting if needed"),
                {"fields": list(PROPOSED_FIELDS)},
            ),
            (_("Decision"), {"fields": ["decision", "curator_comment"]}),
        ]

    @admin.display(description=_("proposed by"))
    def proposed_by(self, obj: Proposal) -> str:
        return f"{obj.account.contact_name} <{obj.account.email}>"

    @admin.display(description=_("comment to the provider"))
    def curator_comment_shown(self, obj: Proposal) -> str:
        return obj.curator_comment or "—"

    @admin.display(description=_("field by field"))
    def field_by_field(self, obj: Proposal) -> StrOrPromise:
        before = (
            obj.base
            if obj.state != Proposal.State.SUBMITTED
            else (changes.current_values(obj.tool) if obj.tool else {})
        )
        rows = changes.diff(before, obj.changes)
        if not rows:
            return _("Nothing differs from the entry as it is now.")
        return format_html(
            '<table class="proposal-diff"><thead><tr><th scope="col">{}</th><th scope="col">{}'
            '</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>',
            _("Field"),
            _("Now") if obj.state == Proposal.State.SUBMITTED else _("Before"),
            _("Proposed"),
            format_html_join(
                "",
                '<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>',
                ((row.label, row.before, row.after) for row in rows),
            ),
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # proposals come from providers

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # A decided proposal is a record: it can be read, not decided again.
        if obj is not None and obj.state != Proposal.State.SUBMITTED:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(
        self, request: HttpRequest, obj: Proposal, form: ProposalDecisionBase, change: bool
    ) -> None:
        decision = form.cleaned_data.get("decision")
        comment = (form.cleaned_data.get("curator_comment") or "").strip()
        try:
            if decision == "accept":
                services.accept_proposal(
                    obj,
                    curator=signed_in_user(request),
                    edits=form.edits,
                    comment=comment,
                    request=request,
                )
            elif decision == "return":
                services.return_proposal(
                    obj, curator=signed_in_user(request), comment=comment, request=request
                )
        except services.AlreadyDecidedError:
            self.message_user(
                request, _("Another curator decided this proposal first."), messages.WARNING
            )
        # Without a decision nothing is saved: the proposal is what the provider sent.


# --- Replies ---------------------------------------------------------------------------------


@admin.register(ProviderReply)
class ProviderReplyAdmin(admin.ModelAdmin):
    list_display = ["__str__", "provider", "status", "created_at", "moderated_at"]
    list_filter = ["status"]
    list_select_related = ["provider", "review__tool"]
    readonly_fields = ["review", "provider", "body", "status", "created_at", "moderated_at"]
    fields = [*readonly_fields, "moderation_note"]
    actions = ["publish_replies", "decline_replies"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # replies come from providers

    def _moderate(self, request: HttpRequest, queryset: QuerySet, *, publish: bool) -> None:
        done = sum(
            services.moderate_reply(
                reply,
                publish=publish,
                by=signed_in_user(request),
                note=reply.moderation_note,
                request=request,
            )
            for reply in queryset.filter(status=ProviderReply.Status.PENDING)
        )
        self.message_user(
            request,
            ngettext("%(count)d reply moderated.", "%(count)d replies moderated.", done)
            % {"count": done},
            messages.SUCCESS,
        )

    @admin.action(description=_("Publish the selected replies"), permissions=["change"])
    def publish_replies(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._moderate(request, queryset, publish=True)

    @admin.action(description=_("Decline the selected replies"), permissions=["change"])
    def decline_replies(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._moderate(request, queryset, publish=False)
