import uuid

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hub import clock


class MembershipState(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    ACTIVE = "active", _("Active member")
    EXPIRED = "expired", _("Membership expired")
    SUSPENDED = "suspended", _("Suspended")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **fields) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        fields.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **fields)

    def get_by_natural_key(self, email: str) -> "User":
        return self.get(email__iexact=email)


class User(AbstractBaseUser, PermissionsMixin):
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

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
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
