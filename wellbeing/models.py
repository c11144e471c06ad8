"""Wellbeing: resources and support services curators keep, and each member's private
self-checks and preferences.

Self-checks and preferences carry `PRIVATE = True` (the roles module gives no role any
permission on such models), are addressed by UUID or not at all, and have no admin page.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hub.content_languages import OriginalColumnsManager
from hub.markdown import render

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.utils.safestring import SafeString
    from django_stubs_ext import StrOrPromise

    from accounts.models import User


# Paths under /wellbeing/ that a resource slug must not shadow.
RESERVED_SLUGS = {"services", "checkin", "checkins", "preferences"}


def validate_not_reserved(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("“%(slug)s” is a reserved address."), params={"slug": value})


class Area(models.TextChoices):
    """What a self-check asks about, and what a resource helps with."""

    SLEEP = "sleep", _("Sleep")
    MOOD = "mood", _("Mood")
    INTRUSIVE_IMAGES = "intrusive_images", _("Intrusive images")
    WORKLOAD = "workload", _("Workload")
    SUPPORT = "support", _("Support")


class ResourceQuerySet(models.QuerySet):
    def published(self) -> ResourceQuerySet:
        return self.filter(is_published=True)


class Resource(models.Model):
    """An article or a short exercise for looking after oneself, in Markdown."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("Article")
        EXERCISE = "exercise", _("Exercise")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, validators=[validate_not_reserved]
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ARTICLE)
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(_("body"), help_text=_("Markdown. Start headings at level two (##)."))
    area = models.CharField(
        _("helps with"),
        max_length=20,
        choices=Area.choices,
        blank=True,
        help_text=_("Offered to members whose self-checks show this area getting worse."),
    )
    minutes = models.PositiveSmallIntegerField(
        _("minutes"), null=True, blank=True, help_text=_("For exercises: how long it takes.")
    )
    content_warning = models.BooleanField(
        _("content warning"),
        default=False,
        help_text=_("Describes distressing material; members who ask for it see a notice first."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    # Translated (wellbeing/translation.py): see hub.content_languages.OriginalColumnsManager.
    objects = OriginalColumnsManager.from_queryset(ResourceQuerySet)()
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("wellbeing resource")
        verbose_name_plural = _("wellbeing resources")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("wellbeing:resource", kwargs={"slug": self.slug})

    @cached_property
    def body_html(self) -> SafeString:
        return render(self.body)


class SupportServiceQuerySet(models.QuerySet):
    def listed(self) -> SupportServiceQuerySet:
        return self.filter(is_listed=True)

    def crisis_lines(self, country: str) -> SupportServiceQuerySet:
        """Crisis lines and helplines for `country`, and the international ones."""
        return (
            self.listed()
            .filter(
                models.Q(country=country) | models.Q(country=""),
                kind__in=[SupportService.Kind.CRISIS, SupportService.Kind.HELPLINE],
            )
            .order_by("-country", "kind", "name")
        )

    def countries(self) -> list[str]:
        return list(
            self.exclude(country="")
            .order_by("country")
            .values_list("country", flat=True)
            .distinct()
        )


class SupportService(models.Model):
    """Somewhere an investigator can turn for help: a helpline, counselling, peer support."""

    class Kind(models.TextChoices):
        HELPLINE = "helpline", _("Helpline")
        COUNSELLING = "counselling", _("Counselling")
        PEER_SUPPORT = "peer_support", _("Peer support")
        OCCUPATIONAL_HEALTH = "occupational_health", _("Occupational health")
        CRISIS = "crisis", _("Crisis line")
        ONLINE = "online", _("Online service")

    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(
        _("country"), max_length=100, blank=True, help_text=_("Leave empty for international.")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    how_to_reach = models.CharField(
        _("how to reach"), max_length=300, help_text=_("Phone, email, address or web page.")
    )
    hours = models.CharField(_("hours"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_listed = models.BooleanField(_("listed"), default=True)

    objects = OriginalColumnsManager.from_queryset(SupportServiceQuerySet)()  # see Resource
    history = HistoricalRecords()

    class Meta:
        ordering = ["country", "name"]
        verbose_name = _("support service")
        verbose_name_plural = _("support services")
        constraints = [
            models.UniqueConstraint(
                fields=["name", "country"], name="wellbeing_service_unique_per_country"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.country or _('international')})"


@dataclass(frozen=True)
class Scale:
    area: Area
    question: StrOrPromise
    low: StrOrPromise
    high: StrOrPromise


# The self-check: our own five questions, each 1-5 where 5 is always the better end, so that
# a falling line means things are getting harder. Not a clinical instrument.
SCALES = (
    Scale(Area.SLEEP, _("How well have you slept this week?"), _("Very badly"), _("Very well")),
    Scale(Area.MOOD, _("How has your mood been?"), _("Very low"), _("Very good")),
    Scale(
        Area.INTRUSIVE_IMAGES,
        _("How often have images or sounds from work come back to you when you did not want them?"),
        _("All the time"),
        _("Not at all"),
    ),
    Scale(
        Area.WORKLOAD,
        _("How manageable has your workload felt?"),
        _("Not at all"),
        _("Entirely"),
    ),
    Scale(Area.SUPPORT, _("How supported have you felt?"), _("Not at all"), _("Very")),
)

SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
# A check-in this low (of 25), or the lowest mood, puts the crisis lines first: a cautious line,
# not a diagnosis — reaching out early is never wrong.
VERY_LOW_TOTAL = 9


class SelfCheckQuerySet(models.QuerySet):
    def owned_by(self, user: User) -> SelfCheckQuerySet:
        return self.filter(owner=user)


class SelfCheck(models.Model):
    """One short check-in by a member about how they are doing; visible to them alone."""

    PRIVATE = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="self_checks"
    )
    created_at = models.DateTimeField(_("checked in at"), auto_now_add=True, db_index=True)
    sleep = models.PositiveSmallIntegerField(_("sleep"), validators=SCORE_VALIDATORS)
    mood = models.PositiveSmallIntegerField(_("mood"), validators=SCORE_VALIDATORS)
    intrusive_images = models.PositiveSmallIntegerField(
        _("intrusive images"), validators=SCORE_VALIDATORS
    )
    workload = models.PositiveSmallIntegerField(_("workload"), validators=SCORE_VALIDATORS)
    support = models.PositiveSmallIntegerField(_("support"), validators=SCORE_VALIDATORS)
    note = models.TextField(_("note"), max_length=2000, blank=True)

    objects = SelfCheckQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("self-check")
        verbose_name_plural = _("self-checks")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    sleep__range=(1, 5),
                    mood__range=(1, 5),
                    intrusive_images__range=(1, 5),
                    workload__range=(1, 5),
                    support__range=(1, 5),
                ),
                name="wellbeing_selfcheck_scores_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Self-check of %(date)s") % {"date": f"{self.created_at:%Y-%m-%d}"})

    def get_absolute_url(self) -> str:
        return reverse("wellbeing:checkin_detail", kwargs={"pk": self.pk})

    def scores(self) -> dict[str, int]:
        return {scale.area: getattr(self, scale.area) for scale in SCALES}

    @property
    def total(self) -> int:
        return sum(self.scores().values())

    @property
    def is_very_low(self) -> bool:
        return self.total <= VERY_LOW_TOTAL or self.mood == 1


class PreferencesQuerySet(models.QuerySet):
    def owned_by(self, user: User) -> PreferencesQuerySet:
        """The member's preferences (one row at most)."""
        return self.filter(owner=user)


class Preferences(models.Model):
    """How a member wants the hub to look after them: break reminders, content warnings."""

    PRIVATE = True

    MIN_REMINDER_MINUTES = 10
    MAX_REMINDER_MINUTES = 240

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="wellbeing_preferences"
    )
    break_reminder_minutes = models.PositiveSmallIntegerField(
        _("remind me to take a break every"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(MIN_REMINDER_MINUTES),
            MaxValueValidator(MAX_REMINDER_MINUTES),
        ],
    )
    content_warnings = models.BooleanField(_("content warnings"), default=True)

    objects = PreferencesQuerySet.as_manager()

    class Meta:
        verbose_name = _("wellbeing preferences")
        verbose_name_plural = _("wellbeing preferences")

    def __str__(self) -> str:
        return str(_("Wellbeing preferences"))

    @classmethod
    def for_user(cls, user: User | AnonymousUser) -> Preferences:
        """The member's preferences, or unsaved defaults if they never set any."""
        if not user.is_authenticated:
            return cls()
        return cls.objects.owned_by(user).first() or cls(owner=user)
