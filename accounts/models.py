from __future__ import annotations

import calendar
import unicodedata
import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import F, Func, OuterRef, Subquery
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hub import clock

if TYPE_CHECKING:
    import datetime
    from typing import Any


class MembershipState(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    ACTIVE = "active", _("Active member")
    EXPIRED = "expired", _("Membership expired")
    SUSPENDED = "suspended", _("Suspended")


class UserQuerySet(models.QuerySet):
    """Membership as a query: the rule of `User.membership_state` and `User.is_active_member`,
    for many people at once. The two are written side by side and a test holds them equal."""

    def in_state(self, state: MembershipState) -> UserQuerySet:
        if state == MembershipState.SUSPENDED:
            return self.filter(suspended_at__isnull=False)
        not_suspended = self.filter(suspended_at__isnull=True)
        if state == MembershipState.APPLICANT:
            return not_suspended.filter(membership_valid_until__isnull=True)
        if state == MembershipState.EXPIRED:
            return not_suspended.filter(membership_valid_until__lte=clock.now())
        return not_suspended.filter(membership_valid_until__gt=clock.now())

    def active_members(self) -> UserQuerySet:
        """People whose membership lets them in: what the access policy calls a member."""
        return self.filter(is_active=True).in_state(MembershipState.ACTIVE)

    def ever_members(self) -> UserQuerySet:
        """Members, past and present: approved once, or suspended."""
        return self.exclude(suspended_at__isnull=True, membership_valid_until__isnull=True)


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):  # type: ignore[misc]
    # django-stubs cannot follow `from_queryset` on a generic base; the queryset's methods are
    # still checked where they are defined.
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **fields: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **fields)

    def get_by_natural_key(self, email: str) -> User:
        return self.get(email__iexact=email)


# django-otp's Device has no types, so django-stubs cannot name the reverse manager of
# twofactor.BackupCodeDevice.user (`backupcodedevice_set`).
class User(AbstractBaseUser, PermissionsMixin):  # type: ignore[django-manager-missing]
    """A person with an account: an applicant until vetted, then a member while in date.

    Membership is derived from two facts kept here so that the access policy can decide
    on every request without another query: until when the membership is valid, and
    whether it has been suspended. Nothing about a person is deleted when either lapses.
    """

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("official email address"), max_length=254)
    full_name = models.CharField(_("full name"), max_length=200)
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Unticked, the person cannot sign in at all. Prefer suspension."),
    )
    is_staff = models.BooleanField(
        _("staff"), default=False, help_text=_("Can sign in to the admin site.")
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    membership_valid_until = models.DateTimeField(
        _("membership valid until"), null=True, blank=True
    )
    suspended_at = models.DateTimeField(_("suspended at"), null=True, blank=True)
    # The terms of engagement this person accepted last, and when. A member whose version is
    # not `settings.TERMS_VERSION` is asked to accept the new one before any member's page.
    terms_version = models.CharField(_("terms version accepted"), max_length=40, blank=True)
    terms_accepted_at = models.DateTimeField(_("terms accepted at"), null=True, blank=True)
    # A new member sees a short welcome in the catalogue until they dismiss it.
    welcome_dismissed_at = models.DateTimeField(_("welcome dismissed at"), null=True, blank=True)
    # The language pages and emails are in for this person (issue 21); blank follows the
    # browser (pages) and the hub's default (emails).
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, blank=True, default=""
    )
    # Technology providers (issue 23): an account opened at /providers/apply/ is a provider's,
    # never a member's. The access policy reads this flag on every request (no query); the
    # organisation and the provider's own terms are `providers.ProviderAccount`'s.
    is_provider = models.BooleanField(
        _("technology provider account"), default=False, editable=False
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
            # One account is a provider's or a member's, never both (issue 23).
            models.CheckConstraint(
                condition=models.Q(is_provider=False)
                | models.Q(membership_valid_until__isnull=True, suspended_at__isnull=True),
                name="accounts_user_provider_is_never_a_member",
            ),
        ]
        # The vetting officer's powers; roles (groups) grant them, the access policy checks them.
        permissions = [
            ("vet_application", _("Can decide vetting applications")),
            ("suspend_member", _("Can suspend and reinstate members")),
            ("reset_second_factor", _("Can reset a member's second factor")),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def membership_state(self) -> MembershipState:
        if self.suspended_at is not None:
            return MembershipState.SUSPENDED
        if self.membership_valid_until is None:
            return MembershipState.APPLICANT
        if self.membership_valid_until <= clock.now():
            return MembershipState.EXPIRED
        return MembershipState.ACTIVE

    @property
    def is_active_member(self) -> bool:
        return self.is_active and self.membership_state == MembershipState.ACTIVE

    @property
    def has_accepted_current_terms(self) -> bool:
        return self.terms_version == settings.TERMS_VERSION

    def accept_terms(self) -> None:
        """Record that this person accepts the current terms of engagement, now."""
        self.terms_version = settings.TERMS_VERSION
        self.terms_accepted_at = clock.now()
        self.save(update_fields=["terms_version", "terms_accepted_at"])

    @property
    def shows_welcome(self) -> bool:
        """Whether the first-visit welcome is still shown to this member."""
        return self.is_active_member and self.welcome_dismissed_at is None

    def dismiss_welcome(self) -> None:
        """Stop showing the first-visit welcome; remembered on the account, on every device."""
        self.welcome_dismissed_at = clock.now()
        self.save(update_fields=["welcome_dismissed_at"])

    @property
    def latest_application(self) -> VettingApplication | None:
        return self.applications.order_by("-submitted_at").first()


def add_months(moment: datetime.datetime, months: int) -> datetime.datetime:
    """`moment` moved on by whole calendar months, clamped to the end of a shorter month."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def email_domain(email: str) -> str:
    return email.rpartition("@")[2].strip().lower()


# The longest applicant-typed name an email to someone else (the supervisor) carries.
NAME_FOR_OTHERS_LENGTH = 60
# Besides letters and marks: what names are written with (O'Brien, Smith-Jones).
NAME_PUNCTUATION = frozenset("-'\N{RIGHT SINGLE QUOTATION MARK}")


def name_for_others(name: str) -> str:
    """An applicant-typed name, fit to be quoted in an email the hub sends to someone else.

    Only letters (in any script), their marks, spaces, hyphens and apostrophes survive, and at
    most NAME_FOR_OTHERS_LENGTH characters: no link, domain, address, number or line break, so
    the hub's own sender cannot carry a phisher's words to a third party.
    """
    kept = "".join(
        char if unicodedata.category(char)[0] in "LM" or char in NAME_PUNCTUATION else " "
        for char in unicodedata.normalize("NFKC", name)
    )
    kept = " ".join(kept.split())
    if len(kept) > NAME_FOR_OTHERS_LENGTH:
        kept = kept[: NAME_FOR_OTHERS_LENGTH - 1].rstrip() + "\N{HORIZONTAL ELLIPSIS}"
    return kept


class Agency(models.Model):
    """A law-enforcement body whose officers may apply, with the email domains it uses.

    Curated in the admin. A match between an applicant's (or supervisor's) email domain and
    an agency's domains is a signal for vetting officers, never a decision on its own.
    """

    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(_("country"), max_length=100)

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"), "country", name="accounts_agency_name_country_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.country})"


class AgencyDomain(models.Model):
    """One email domain an agency's officers use, such as `police.example.org`."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="domains"
    )
    domain = models.CharField(
        _("email domain"), max_length=253, help_text=_("The part after @, e.g. police.example.org")
    )

    class Meta:
        verbose_name = _("email domain")
        verbose_name_plural = _("email domains")
        ordering = ["domain"]
        constraints = [
            models.UniqueConstraint(Lower("domain"), name="accounts_agencydomain_domain_unique"),
        ]

    def __str__(self) -> str:
        return self.domain

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.domain = self.domain.strip().lower().lstrip("@")
        super().save(*args, **kwargs)


class InvalidTransitionError(Exception):
    """A state change the application's state machine does not allow from where it is."""


class ApplicationState(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    INFORMATION_REQUESTED = "information_requested", _("More information requested")
    RESUBMITTED = "resubmitted", _("Resubmitted")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


# Waiting for a vetting officer, or for the applicant's answer.
OPEN_STATES = (
    ApplicationState.SUBMITTED,
    ApplicationState.INFORMATION_REQUESTED,
    ApplicationState.RESUBMITTED,
)
# Where an officer can act: the applicant has said all they have to say for now.
AWAITING_OFFICER = (ApplicationState.SUBMITTED, ApplicationState.RESUBMITTED)


class VettingApplicationQuerySet(models.QuerySet):
    def open(self) -> VettingApplicationQuerySet:
        return self.filter(state__in=OPEN_STATES)

    def ready(self) -> VettingApplicationQuerySet:
        """Applications officers can see: the applicant has proved their email address."""
        return self.filter(email_confirmed_at__isnull=False)

    def oldest_first(self) -> VettingApplicationQuerySet:
        return self.order_by("submitted_at", "pk")

    def with_signals(self) -> VettingApplicationQuerySet:
        """Annotate how many earlier applications share this one's email or name."""
        earlier = VettingApplication.objects.filter(
            submitted_at__lt=OuterRef("submitted_at")
        ).exclude(applicant=OuterRef("applicant"))
        same_email = earlier.filter(email__iexact=OuterRef("email"))
        same_name = earlier.filter(full_name__iexact=OuterRef("full_name"))
        return self.annotate(
            earlier_same_email=_count(same_email),
            earlier_same_name=_count(same_name),
        )


def _count(queryset: models.QuerySet) -> Coalesce:
    """A correlated COUNT(*) of `queryset`, as an annotation (0 when none)."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted[:1]), 0)


class VettingApplication(models.Model):
    """One request to be a member, or to stay one (a renewal), and its vetting.

    The state machine: submitted → (information requested ⇄ resubmitted) → approved or
    rejected. Each transition is a method here; workflows that also touch the user, send
    notifications or write the audit log live in `accounts.services`.
    """

    class Kind(models.TextChoices):
        INITIAL = "initial", _("First application")
        RENEWAL = "renewal", _("Renewal")

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.INITIAL)
    state = models.CharField(
        _("state"),
        max_length=24,
        choices=ApplicationState.choices,
        default=ApplicationState.SUBMITTED,
    )
    # What the applicant told us, as they told it (a snapshot: the account may change later).
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("official email address"), max_length=254)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    agency_name = models.CharField(
        _("agency (as typed)"),
        max_length=200,
        blank=True,
        help_text=_("Filled in when the agency is not in the list."),
    )
    country = models.CharField(_("country"), max_length=100)
    unit = models.CharField(_("unit"), max_length=200)
    role_title = models.CharField(_("role"), max_length=200)
    supervisor_name = models.CharField(_("supervisor's name"), max_length=200)
    supervisor_email = models.EmailField(_("supervisor's official email address"), max_length=254)
    reason = models.TextField(_("why access is needed"), max_length=4000)
    terms_version = models.CharField(_("terms version accepted"), max_length=40)
    terms_accepted_at = models.DateTimeField(_("terms accepted at"))

    submitted_at = models.DateTimeField(_("submitted"), db_index=True)
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
    valid_until = models.DateTimeField(_("membership valid until"), null=True, blank=True)

    objects = VettingApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("vetting application")
        verbose_name_plural = _("vetting applications")
        ordering = ["-submitted_at"]
        indexes = [
            models.Index(fields=["state", "submitted_at"], name="accounts_app_state_submitted"),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} <{self.email}> — {self.get_state_display()}"

    @property
    def agency_label(self) -> str:
        return self.agency.name if self.agency else self.agency_name

    @property
    def name_for_supervisor(self) -> str:
        """The applicant's name as the supervisor's email may quote it (see `name_for_others`)."""
        return name_for_others(self.full_name)

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def awaits_applicant(self) -> bool:
        return self.state == ApplicationState.INFORMATION_REQUESTED

    def _require(self, allowed: tuple[str, ...], action: str) -> None:
        if self.state not in allowed:
            raise InvalidTransitionError(f"Cannot {action} an application that is {self.state}.")

    def request_information(self, *, officer: User, question: str) -> ApplicationMessage:
        self._require(AWAITING_OFFICER, "ask about")
        self.state = ApplicationState.INFORMATION_REQUESTED
        self.save(update_fields=["state"])
        return self.messages.create(
            author=officer, kind=ApplicationMessage.Kind.QUESTION, body=question
        )

    def resubmit(self, *, answer: str) -> ApplicationMessage:
        self._require((ApplicationState.INFORMATION_REQUESTED,), "resubmit")
        self.state = ApplicationState.RESUBMITTED
        self.save(update_fields=["state"])
        return self.messages.create(
            author=self.applicant, kind=ApplicationMessage.Kind.ANSWER, body=answer
        )

    def approve(self, *, officer: User, reason: str, valid_until: datetime.datetime) -> None:
        self._require(OPEN_STATES, "approve")
        self._decide(ApplicationState.APPROVED, officer, reason)
        self.valid_until = valid_until
        self.save(
            update_fields=["state", "decided_at", "decided_by", "decision_reason", "valid_until"]
        )

    def reject(self, *, officer: User, reason: str) -> None:
        self._require(OPEN_STATES, "reject")
        self._decide(ApplicationState.REJECTED, officer, reason)
        self.save(update_fields=["state", "decided_at", "decided_by", "decision_reason"])

    def _decide(self, state: str, officer: User, reason: str) -> None:
        self.state = state
        self.decided_at = clock.now()
        self.decided_by = officer
        self.decision_reason = reason

    @property
    def latest_attestation(self) -> SupervisorAttestation | None:
        attestations = list(self.attestations.all())  # prefetched in lists
        return max(attestations, key=lambda a: a.sent_at) if attestations else None


class ApplicationMessage(models.Model):
    """An officer's question about an application, or the applicant's answer."""

    class Kind(models.TextChoices):
        QUESTION = "question", _("Question from a vetting officer")
        ANSWER = "answer", _("Answer from the applicant")

    application = models.ForeignKey(
        VettingApplication,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    body = models.TextField(_("message"), max_length=4000)
    created_at = models.DateTimeField(_("written"), default=clock.now)

    class Meta:
        verbose_name = _("application message")
        verbose_name_plural = _("application messages")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"


class SupervisorAttestation(models.Model):
    """A request to an applicant's supervisor to confirm that the applicant works for them.

    The supervisor gets a signed link that expires after `ATTESTATION_DAYS` and works once:
    answering claims the row with a conditional update, so a second use changes nothing.
    """

    class Outcome(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        DENIED = "denied", _("Denied")

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(
        VettingApplication,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="attestations",
    )
    supervisor_name = models.CharField(_("supervisor's name"), max_length=200)
    supervisor_email = models.EmailField(_("supervisor's email address"), max_length=254)
    sent_at = models.DateTimeField(_("sent"), default=clock.now)
    expires_at = models.DateTimeField(_("expires"))
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    outcome = models.CharField(_("answer"), max_length=10, choices=Outcome.choices, blank=True)
    comment = models.TextField(_("supervisor's comment"), max_length=2000, blank=True)
    answered_from = models.GenericIPAddressField(_("answered from"), null=True, blank=True)

    class Meta:
        verbose_name = _("supervisor attestation")
        verbose_name_plural = _("supervisor attestations")
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.supervisor_email}: {self.get_outcome_display() or _('no answer yet')}"

    @property
    def is_expired(self) -> bool:
        return self.answered_at is None and self.expires_at <= clock.now()

    @property
    def status(self) -> str:
        if self.outcome:
            return self.outcome
        return "expired" if self.is_expired else "pending"


def agencies_by_domain(*emails: str) -> dict[str, list[Agency]]:
    """The known agencies for each email address's domain, in one query."""
    domains = {email_domain(email) for email in emails if email}
    found: dict[str, list[Agency]] = {domain: [] for domain in domains}
    for row in AgencyDomain.objects.filter(domain__in=domains).select_related("agency"):
        found[row.domain].append(row.agency)
    return found
