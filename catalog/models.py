"""The catalogue of AI tools. Issue 5 grows this into the full model of the design."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ToolQuerySet(models.QuerySet):
    def published(self) -> "ToolQuerySet":
        return self.filter(status=Tool.Status.PUBLISHED)


class Tool(models.Model):
    """An AI tool an investigator might use, as curators describe it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )

    objects = ToolQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("tool")
        verbose_name_plural = _("tools")

    def __str__(self) -> str:
        return self.name
