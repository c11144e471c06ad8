"""The providers' forms: the organisation's application, a proposal, a reply, the terms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from catalog.models import Tool
from providers.models import PROPOSED_FACETS, PROPOSED_FIELDS, domains_match


class ProviderApplicationForm(forms.Form):
    """An organisation applies for a provider's account (at /providers/apply/)."""

    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    website = forms.URLField(
        label=_("Organisation's website"),
        assume_scheme="https",
        max_length=200,
        help_text=_("For example https://www.example.com"),
    )
    contact_name = forms.CharField(label=_("Contact person's full name"), max_length=200)
    email = forms.EmailField(
        label=_("Official email address"),
        max_length=254,
        help_text=_("An address at your organisation's own domain, not a personal one."),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    tools_description = forms.CharField(
        label=_("What do your tools do?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Describe the tools you make for law enforcement. No case data."),
    )
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of engagement for technology providers"),
        error_messages={"required": _("Tick the box to accept the providers' terms.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["accept_terms"].help_text = _("Version %(version)s.") % {
            "version": settings.PROVIDER_TERMS_VERSION
        }

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        password, again = cleaned.get("password1"), cleaned.get("password2")
        if password and again and password != again:
            self.add_error("password2", _("You must type the same password each time."))
        elif password:
            user = get_user_model()(
                email=cleaned.get("email", ""), full_name=cleaned.get("contact_name", "")
            )
            try:
                password_validation.validate_password(password, user)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    @property
    def email_matches_website(self) -> bool:
        data = self.cleaned_data
        return domains_match(data.get("email", ""), data.get("website", ""))


class ProposalForm(forms.ModelForm):
    """A provider's proposed entry for a tool: the tool's fields, prefilled with what it says now.

    Never saved as a tool: the view turns what changed into a change set
    (`providers.changes.from_cleaned_data`) for the curators.
    """

    website = forms.URLField(
        label=_("Website"), assume_scheme="https", required=False, max_length=200
    )
    note = forms.CharField(
        label=_("Anything the curators should know"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Where to check what you changed, for example release notes."),
    )

    class Meta:
        model = Tool
        fields = PROPOSED_FIELDS
        widgets = {
            **dict.fromkeys(PROPOSED_FACETS, forms.CheckboxSelectMultiple),
            "description": forms.Textarea(attrs={"rows": 8}),
            "data_protection_notes": forms.Textarea(attrs={"rows": 4}),
            "human_rights_notes": forms.Textarea(attrs={"rows": 4}),
        }


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your public reply"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One reply per review, shown under it once a curator has published it. "
            "Members' names are never shown to providers."
        ),
    )


class AcceptProviderTermsForm(forms.Form):
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of engagement for technology providers"),
        error_messages={"required": _("Tick the box to accept the providers' terms.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["accept_terms"].help_text = _("Version %(version)s.") % {
            "version": settings.PROVIDER_TERMS_VERSION
        }
