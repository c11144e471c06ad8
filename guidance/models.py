"""Guidance: articles curators write, learning paths through them, and the responsible-use
assessments members write for themselves.

Assessments and learning progress are private to their owner: they carry `PRIVATE = True`
(the roles module gives no role any permission on such models), are addressed by UUID and
have no page in the admin.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from simple_history.models import HistoricalRecords

from hub import clock
from hub.content_languages import OriginalColumnsManager
from hub.markdown import render

if TYPE_CHECKING:
    from typing import Self

    from django.utils.safestring import SafeString
    from django_stubs_ext import StrOrPromise

    from accounts.models import User


# Paths under /guidance/ that an article slug must not shadow.
RESERVED_SLUGS = {"paths", "assessments"}


def validate_not_reserved(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("“%(slug)s” is a reserved address."), params={"slug": value})


class Category(models.Model):
    """A heading guidance is filed under, e.g. data protection. Curators add them as data."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()
    # Translated (guidance/translation.py): see hub.content_languages.OriginalColumnsManager.
    objects = OriginalColumnsManager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishedQuerySet(models.QuerySet):
    def published(self) -> Self:
        return self.filter(status=Status.PUBLISHED)


class ArticleQuerySet(PublishedQuerySet):
    def search(self, text: str, language: str | None = None) -> ArticleQuerySet:
        """Articles whose title, summary or body mention every word of `text`, in English (the
        original columns) or in the reader's `language` (else the active language)."""
        code = language or translation.get_language() or "en"
        suffixes = [""]
        if code in settings.MODELTRANSLATION_LANGUAGES and code != "en":
            suffixes.append(build_localized_fieldname("", code))
        query = self
        for word in text.split()[:10]:
            condition = Q()
            for suffix in suffixes:
                for field in ("title", "summary", "body"):
                    condition |= Q(**{f"{field}{suffix}__icontains": word})
            query = query.filter(condition)
        return query


class Article(models.Model):
    """A piece of guidance on using AI tools lawfully and ethically, in Markdown."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, validators=[validate_not_reserved]
    )
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(_("body"), help_text=_("Markdown. Start headings at level two (##)."))
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="articles", verbose_name=_("category")
    )
    related_tools = models.ManyToManyField(
        "catalog.Tool", related_name="articles", blank=True, verbose_name=_("related tools")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    reviewed_on = models.DateField(
        _("last reviewed on"), null=True, blank=True, help_text=_("When an expert last checked it.")
    )
    content_warning = models.BooleanField(
        _("content warning"),
        default=False,
        help_text=_("Describes distressing material; members who ask for it see a notice first."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = OriginalColumnsManager.from_queryset(ArticleQuerySet)()  # see Category.objects
    history = HistoricalRecords(m2m_fields=[related_tools])

    class Meta:
        ordering = ["title"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [models.Index(fields=["status", "category"], name="guidance_article_status_cat")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("guidance:article", kwargs={"slug": self.slug})

    @cached_property
    def body_html(self) -> SafeString:
        return render(self.body)


class LearningPath(models.Model):
    """An ordered set of articles to read one after the other."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.CharField(_("summary"), max_length=300)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    articles: models.ManyToManyField[Article, PathStep] = models.ManyToManyField(
        Article, through="PathStep", related_name="paths", verbose_name=_("articles")
    )

    objects = OriginalColumnsManager.from_queryset(PublishedQuerySet)()  # see Category.objects
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        verbose_name = _("learning path")
        verbose_name_plural = _("learning paths")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("guidance:path", kwargs={"slug": self.slug})


class PathStep(models.Model):
    """One article at one place in a learning path."""

    path = models.ForeignKey(
        LearningPath, on_delete=models.CASCADE, related_name="steps", verbose_name=_("path")
    )
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="steps", verbose_name=_("article")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["path", "position", "id"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        constraints = [
            models.UniqueConstraint(
                fields=["path", "article"], name="guidance_pathstep_article_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.path}: {self.position}. {self.article}"


class LearningProgressQuerySet(models.QuerySet):
    def owned_by(self, user: User) -> LearningProgressQuerySet:
        """The articles this member has read."""
        return self.filter(owner=user)


class LearningProgress(models.Model):
    """That a member has read an article. Progress in a path counts these; private."""

    PRIVATE = True

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_progress"
    )
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="progress")
    completed_at = models.DateTimeField(_("completed at"), default=clock.now)

    objects = LearningProgressQuerySet.as_manager()

    class Meta:
        verbose_name = _("learning progress")
        verbose_name_plural = _("learning progress")
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "article"], name="guidance_progress_once_per_article"
            ),
        ]

    def __str__(self) -> str:
        return str(self.article)


@dataclass(frozen=True)
class Question:
    field: str
    title: StrOrPromise
    question: StrOrPromise
    guidance: StrOrPromise


# The questionnaire, in order. Each question is one text field on `Assessment`.
QUESTIONS = (
    Question(
        "purpose",
        _("Purpose"),
        _("What do you want the tool to do, in which investigations, and why?"),
        _(
            "Describe the task and the problem it solves. A precise purpose makes every later "
            "answer easier to judge, and stops the use of the tool drifting to other tasks."
        ),
    ),
    Question(
        "legal_basis",
        _("Legal basis"),
        _("Which law allows this use, and will its results be admissible?"),
        _(
            "Name the statute or power, any authorisation needed and who grants it. Ask how "
            "the tool's output will be disclosed and challenged in court."
        ),
    ),
    Question(
        "necessity",
        _("Necessity and proportionality"),
        _("Is the tool necessary, and is its intrusion proportionate to the aim?"),
        _(
            "Say what less intrusive ways you considered and why they are not enough. Weigh "
            "the intrusion into the privacy of victims, suspects and bystanders."
        ),
    ),
    Question(
        "data_protection",
        _("Data protection"),
        _("What personal data will the tool process, where, and for how long?"),
        _(
            "Cover where the data is processed (on premises or a supplier's cloud), who can "
            "reach it, retention and deletion, and whether a data protection impact "
            "assessment is required."
        ),
    ),
    Question(
        "bias_accuracy",
        _("Bias and accuracy"),
        _("How accurate is the tool, for whom, and how will you notice its errors?"),
        _(
            "Ask for independent evaluation results, error rates across ages, skin tones and "
            "languages, and plan how false positives and negatives will be caught."
        ),
    ),
    Question(
        "human_oversight",
        _("Human oversight"),
        _("Who reviews the tool's output before anyone acts on it?"),
        _(
            "No decision about a person should rest on the tool alone. Say who checks, with "
            "what training, and how they can overrule it."
        ),
    ),
    Question(
        "security",
        _("Security"),
        _("How is the tool and the material it touches kept secure?"),
        _(
            "Consider access control, logging, supplier access, updates, and whether the "
            "tool can run disconnected from the internet."
        ),
    ),
    Question(
        "wellbeing_impact",
        _("Impact on investigator wellbeing"),
        _("How will the tool change what investigators have to see and hear?"),
        _(
            "Good tools reduce exposure to distressing material, for instance by blurring or "
            "greyscale previews. Plan support for those who still review it."
        ),
    ),
)


class AssessmentQuerySet(models.QuerySet):
    def owned_by(self, user: User) -> AssessmentQuerySet:
        return self.filter(owner=user)


class Assessment(models.Model):
    """A member's own responsible-use assessment of a tool they consider; private to them."""

    PRIVATE = True

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        FINISHED = "finished", _("Finished")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessments"
    )
    tool = models.ForeignKey(
        "catalog.Tool",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tool"),
    )
    # Kept apart from `tool` so the document still names it if the tool leaves the catalogue.
    tool_name = models.CharField(_("tool"), max_length=200)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    purpose = models.TextField(_("purpose"), blank=True)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    necessity = models.TextField(_("necessity and proportionality"), blank=True)
    data_protection = models.TextField(_("data protection"), blank=True)
    bias_accuracy = models.TextField(_("bias and accuracy"), blank=True)
    human_oversight = models.TextField(_("human oversight"), blank=True)
    security = models.TextField(_("security"), blank=True)
    wellbeing_impact = models.TextField(_("impact on investigator wellbeing"), blank=True)
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("responsible-use assessment")
        verbose_name_plural = _("responsible-use assessments")
        indexes = [models.Index(fields=["owner", "-updated_at"], name="guidance_assess_owner")]

    def __str__(self) -> str:
        return str(_("Assessment of %(tool)s") % {"tool": self.tool_name})

    def get_absolute_url(self) -> str:
        return reverse("guidance:assessment", kwargs={"pk": self.pk})

    @property
    def is_finished(self) -> bool:
        return self.state == self.State.FINISHED

    def answers(self) -> list[tuple[Question, str]]:
        return [(question, getattr(self, question.field)) for question in QUESTIONS]

    def finish(self) -> None:
        self.state = self.State.FINISHED
        self.finished_at = clock.now()

    def reopen(self) -> None:
        self.state = self.State.DRAFT
        self.finished_at = None
