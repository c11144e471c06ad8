from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django import forms
from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts import services
from accounts.models import Agency, ApplicationState, SupervisorAttestation, User

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from django.http import HttpRequest

    from accounts.models import User, VettingApplication


REASON_HINT = _("The applicant reads this. Say what you decided and why, plainly.")


class ApplicationSignupForm(forms.Form):
    """The application fields of sign-up, added to allauth's form (ACCOUNT_SIGNUP_FORM_CLASS).

    allauth calls `signup()` once it has created the user, in the same request.
    """

    field_order = [
        "full_name",
        "email",
        "password1",
        "password2",
        "agency",
        "agency_name",
        "country",
        "unit",
        "role_title",
        "supervisor_name",
        "supervisor_email",
        "reason",
        "accept_terms",
    ]

    full_name = forms.CharField(label=_("Full name"), max_length=200)
    agency = forms.ModelChoiceField(
        label=_("Agency"),
        queryset=Agency.objects.all(),
        required=False,
        empty_label=_("My agency is not in the list"),
        help_text=_("Choose your agency. If it is not listed, type its name below."),
    )
    agency_name = forms.CharField(
        label=_("Agency name, if not in the list"), max_length=200, required=False
    )
    country = forms.CharField(label=_("Country"), max_length=100)
    unit = forms.CharField(label=_("Unit or team"), max_length=200)
    role_title = forms.CharField(label=_("Your role"), max_length=200)
    supervisor_name = forms.CharField(label=_("Your supervisor's full name"), max_length=200)
    supervisor_email = forms.EmailField(
        label=_("Your supervisor's official email address"),
        help_text=_("We email your supervisor a link to confirm that you work for them."),
    )
    reason = forms.CharField(
        label=_("Why do you need access?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Describe your work on online child sexual exploitation and abuse cases."),
    )
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of engagement"),
        help_text=_("Version %(version)s.") % {"version": settings.TERMS_VERSION},
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("agency") and not cleaned.get("agency_name", "").strip():
            self.add_error("agency_name", _("Choose your agency from the list or type its name."))
        supervisor = (cleaned.get("supervisor_email") or "").lower()
        if supervisor and supervisor == (cleaned.get("email") or "").lower():
            self.add_error(
                "supervisor_email", _("Your supervisor's email must be different from yours.")
            )
        return cleaned

    def signup(self, request: HttpRequest, user: User) -> None:
        data = self.cleaned_data
        user.full_name = data["full_name"].strip()
        # Someone who applies in another language than English is written to in it (issue 21):
        # their decision and reminders are emails long after this page.
        language = translation.get_language()
        if language != settings.LANGUAGE_CODE and language in dict(settings.LANGUAGES):
            user.language = language
        user.save(update_fields=["full_name", "language"])
        services.submit_application(
            user,
            agency=data["agency"],
            agency_name="" if data["agency"] else data["agency_name"].strip(),
            country=data["country"].strip(),
            unit=data["unit"].strip(),
            role_title=data["role_title"].strip(),
            supervisor_name=data["supervisor_name"].strip(),
            supervisor_email=data["supervisor_email"],
            reason=data["reason"].strip(),
        )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Answer the vetting officer's question. Your application goes back to them."),
    )


class ContactForm(forms.Form):
    """A message to the vetting officers from a signed-in person (member or not)."""

    class Topic(models.TextChoices):
        SECOND_FACTOR = "second_factor", _("I lost my phone or cannot use my second factor")
        APPLICATION = "application", _("My application")
        MEMBERSHIP = "membership", _("My membership, suspension or renewal")
        OTHER = "other", _("Something else")

    topic = forms.ChoiceField(
        label=_("What is it about?"), choices=Topic.choices, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Do not include case details, evidence or anything about a child. "
            "An officer answers by email, to your account's address."
        ),
    )


class RenewalForm(forms.Form):
    supervisor_name = forms.CharField(label=_("Your supervisor's full name"), max_length=200)
    supervisor_email = forms.EmailField(
        label=_("Your supervisor's official email address"),
        help_text=_("We ask them again to confirm that you work for them."),
    )

    def __init__(self, *args: Any, user: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_supervisor_email(self) -> str:
        value = self.cleaned_data["supervisor_email"]
        if self.user is not None and value.lower() == self.user.email.lower():
            raise forms.ValidationError(_("Your supervisor's email must be different from yours."))
        return value


class AttestationForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Does this person work for you in the role they describe?"),
        choices=[
            (SupervisorAttestation.Outcome.CONFIRMED, _("Yes, I confirm it")),
            (SupervisorAttestation.Outcome.DENIED, _("No, I do not confirm it")),
        ],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Anything the vetting officers should know"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("approve", _("Approve: make them a member")),
            ("request_information", _("Ask for more information")),
            ("reject", _("Reject")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason or question"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=REASON_HINT,
    )

    def __init__(
        self, *args: Any, application: VettingApplication | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.application = application

    def clean_decision(self) -> str:
        decision = self.cleaned_data["decision"]
        if (
            decision == "request_information"
            and self.application is not None
            and self.application.state == ApplicationState.INFORMATION_REQUESTED
        ):
            raise forms.ValidationError(_("The applicant has not answered the last question yet."))
        return decision


class QueueFilterForm(forms.Form):
    """The queue's filters: by state (open ones by default) and by country."""

    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[
            ("", _("Open (waiting for an officer or the applicant)")),
            *ApplicationState.choices,
        ],
    )
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args: Any, countries: Iterable[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast("forms.ChoiceField", self.fields["country"]).choices = [
            ("", _("All countries")),
            *[(c, c) for c in countries],
        ]


class MemberFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or email"), required=False, max_length=200)
    state = forms.ChoiceField(
        label=_("Membership"),
        required=False,
        choices=[
            ("", _("All")),
            ("active", _("Active")),
            ("expired", _("Expired")),
            ("suspended", _("Suspended")),
        ],
    )


class SuspendForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Recorded in the audit log."),
    )


class AcceptTermsForm(forms.Form):
    """A member accepts the terms of engagement in force now (`settings.TERMS_VERSION`)."""

    accept_terms = forms.BooleanField(
        label=_("I accept the terms of engagement"),
        error_messages={"required": _("Tick the box to accept the terms of engagement.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["accept_terms"].help_text = _("Version %(version)s.") % {
            "version": settings.TERMS_VERSION
        }
