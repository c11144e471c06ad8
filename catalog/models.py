"""The catalogue of AI tools: tools, their providers, the taxonomies that describe them,
and what members do with them (bookmarks, reviews, saved searches)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from catalog.querysets import ToolQuerySet, ToolReviewQuerySet, verification_cutoff
from hub.content_languages import OriginalColumnsManager

if TYPE_CHECKING:
    from collections.abc import Sequence

    from django.db.backends.base.schema import BaseDatabaseSchemaEditor
    from django.db.backends.ddl_references import Statement
    from django.db.models import Model

    from accounts.models import User

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


class SearchVectorIndex(GinIndex):
    """A GIN index on PostgreSQL; a plain index elsewhere, where full-text search is not used."""

    def create_sql(
        self,
        model: type[Model],
        schema_editor: BaseDatabaseSchemaEditor,
        using: str = "",
        **kwargs: Any,
    ) -> Statement:
        if schema_editor.connection.vendor != "postgresql":
            return models.Index.create_sql(self, model, schema_editor, using=using, **kwargs)
        return super().create_sql(model, schema_editor, using=using, **kwargs)


class TrigramIndex(SearchVectorIndex):
    """A GIN trigram index on PostgreSQL (pg_trgm, created with it when missing: the tests build
    their tables without migrations); a plain index elsewhere."""

    def __init__(self, *, fields: list[str], name: str) -> None:
        super().__init__(fields=fields, name=name, opclasses=["gin_trgm_ops"])

    def deconstruct(self) -> tuple[str, Sequence[Any], dict[str, Any]]:
        path, args, kwargs = super().deconstruct()
        kwargs.pop("opclasses", None)
        return path, args, kwargs

    def create_sql(
        self,
        model: type[Model],
        schema_editor: BaseDatabaseSchemaEditor,
        using: str = "",
        **kwargs: Any,
    ) -> Statement:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        return super().create_sql(model, schema_editor, using=using, **kwargs)


class TermNumbers(ArrayField):
    """An array of numbers on PostgreSQL; elsewhere a column that always holds NULL.

    `Tool.facet_terms` is filled in SQL on PostgreSQL only (see `catalog.search`): SQLite has no
    arrays, and a value is never sent there, so the cast PostgreSQL's arrays need is left out.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("base_field", models.BigIntegerField())
        super().__init__(**kwargs)

    def get_placeholder(self, value: Any, compiler: Any, connection: Any) -> str:
        if connection.vendor != "postgresql":
            return "%s"
        return super().get_placeholder(value, compiler, connection)

    def db_type(self, connection: Any) -> str | None:
        if connection.vendor != "postgresql":
            return "text"
        return super().db_type(connection)


class Term(models.Model):
    """A term of one of the catalogue's taxonomies. Curators add terms; they are data, not code."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)

    # Translated (catalog/translation.py): see hub.content_languages.OriginalColumnsManager.
    objects = OriginalColumnsManager()

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Capability(Term):
    """What a tool does: hash matching, age estimation, OCR…"""

    class Meta(Term.Meta):
        verbose_name = _("capability")
        verbose_name_plural = _("capabilities")


class InvestigationStage(Term):
    """Where in an investigation a tool helps: intake, victim identification…"""

    class Meta(Term.Meta):
        verbose_name = _("investigation stage")
        verbose_name_plural = _("investigation stages")


class DataType(Term):
    """The kind of data a tool works on: images, video, chat…"""

    class Meta(Term.Meta):
        verbose_name = _("data type")
        verbose_name_plural = _("data types")


class Deployment(Term):
    """How a tool can be run: on premises, cloud, hybrid, air-gapped."""

    class Meta(Term.Meta):
        verbose_name = _("deployment")
        verbose_name_plural = _("deployments")


class Licence(Term):
    """Licence and cost: open source, free for law enforcement, commercial."""

    class Meta(Term.Meta):
        verbose_name = _("licence and cost")
        verbose_name_plural = _("licences and costs")


class Language(Term):
    """A language a tool supports (in its interface or in the content it analyses)."""

    class Meta(Term.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")


class Platform(Term):
    """An operating system or environment a tool runs on."""

    class Meta(Term.Meta):
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")


class Country(Term):
    """A country where a tool is available to law enforcement."""

    class Meta(Term.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")


class Provider(models.Model):
    """The organisation that makes or distributes a tool."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    website = models.URLField(_("website"), blank=True)
    law_enforcement_contact = models.CharField(
        _("law-enforcement contact"),
        max_length=300,
        blank=True,
        help_text=_("Who agencies should contact, e.g. a dedicated email address."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("provider")
        verbose_name_plural = _("providers")

    def __str__(self) -> str:
        return self.name


class InvalidStatusChangeError(Exception):
    """A status change the publishing workflow does not allow, from there or for that person."""


class Tool(models.Model):
    """An AI tool an investigator might use, as curators describe it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    class Maturity(models.TextChoices):
        RESEARCH = "research", _("Research prototype")
        PILOT = "pilot", _("Pilot")
        PRODUCTION = "production", _("Production")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    provider = models.ForeignKey(
        Provider,
        verbose_name=_("provider"),
        on_delete=models.PROTECT,
        related_name="tools",
        null=True,
        blank=True,
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Markdown. Links and basic formatting only.")
    )
    website = models.URLField(_("website"), blank=True)
    maturity = models.CharField(
        _("maturity"), max_length=20, choices=Maturity.choices, default=Maturity.PILOT
    )
    last_verified = models.DateField(_("last verified on"), null=True, blank=True)
    published_at = models.DateTimeField(_("first published at"), null=True, blank=True)
    data_protection_notes = models.TextField(_("data-protection notes"), blank=True)
    human_rights_notes = models.TextField(_("human-rights notes"), blank=True)

    capabilities = models.ManyToManyField(
        Capability, verbose_name=_("capabilities"), related_name="tools", blank=True
    )
    stages = models.ManyToManyField(
        InvestigationStage,
        verbose_name=_("investigation stages"),
        related_name="tools",
        blank=True,
    )
    data_types = models.ManyToManyField(
        DataType, verbose_name=_("data types"), related_name="tools", blank=True
    )
    deployments = models.ManyToManyField(
        Deployment, verbose_name=_("deployment"), related_name="tools", blank=True
    )
    licences = models.ManyToManyField(
        Licence, verbose_name=_("licence and cost"), related_name="tools", blank=True
    )
    languages = models.ManyToManyField(
        Language, verbose_name=_("languages"), related_name="tools", blank=True
    )
    platforms = models.ManyToManyField(
        Platform, verbose_name=_("platforms"), related_name="tools", blank=True
    )
    countries = models.ManyToManyField(
        Country, verbose_name=_("countries where available"), related_name="tools", blank=True
    )

    # Denormalised for the list: kept by ToolReview.save/delete through `refresh_rating`.
    rating_average = models.DecimalField(
        _("average rating"), max_digits=3, decimal_places=2, null=True, blank=True, editable=False
    )
    rating_count = models.PositiveIntegerField(_("published reviews"), default=0, editable=False)
    # PostgreSQL full-text search; kept up to date by `catalog.search.refresh_search_vector`.
    search_vector = SearchVectorField(null=True, editable=False)
    # PostgreSQL: every term of the tool, each as (facet number << 32) | term id (see
    # `catalog.search.facet_term`), so that the facet counts read one row per tool. Kept with
    # the search vector, by the same statement; NULL elsewhere (SQLite reads the link tables).
    facet_terms = TermNumbers(null=True, editable=False)
    # PostgreSQL: the tool's Chinese text (summary, description, terms), for substring search:
    # Chinese has no spaces between words, and PostgreSQL no Chinese parser. Kept with the
    # search vector, by the same statement; empty elsewhere.
    search_text_zh = models.TextField(default="", editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords(
        excluded_fields=[
            "search_vector",
            "facet_terms",
            "search_text_zh",
            "rating_average",
            "rating_count",
        ]
    )
    objects = OriginalColumnsManager.from_queryset(ToolQuerySet)()  # see Term.objects

    # The facets, in display order: (filter and URL parameter, M2M field name, heading).
    FACETS = (
        ("capability", "capabilities", _("Capability")),
        ("stage", "stages", _("Investigation stage")),
        ("data_type", "data_types", _("Data type")),
        ("deployment", "deployments", _("Deployment")),
        ("licence", "licences", _("Licence and cost")),
        ("language", "languages", _("Language")),
        ("platform", "platforms", _("Platform")),
        ("country", "countries", _("Country")),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("tool")
        verbose_name_plural = _("tools")
        permissions = [("publish_tool", _("Can publish and archive tools"))]
        indexes = [
            models.Index(fields=["status", "name"], name="catalog_tool_status_idx"),
            models.Index(fields=["status", "-last_verified"], name="catalog_tool_verified_idx"),
            SearchVectorIndex(fields=["search_vector"], name="catalog_tool_search_idx"),
            SearchVectorIndex(fields=["facet_terms"], name="catalog_tool_facet_terms_idx"),
            TrigramIndex(fields=["search_text_zh"], name="catalog_tool_zh_trgm_idx"),
            # A search matches the text OR the exact name (`ToolQuerySet.search`): with both
            # indexed, PostgreSQL ANDs the search's bitmap with the facets' and reads only the
            # tools matching both, never the vectors of those matching the facets alone.
            models.Index(Upper("name"), name="catalog_tool_name_upper_idx"),
        ]

    # The publishing workflow: where a tool may go from each status. Moves that touch what
    # members see (into or out of published or archived) need `catalog.publish_tool`.
    TRANSITIONS: dict[str, tuple[str, ...]] = {
        Status.DRAFT: (Status.IN_REVIEW,),
        Status.IN_REVIEW: (Status.PUBLISHED, Status.DRAFT),
        Status.PUBLISHED: (Status.ARCHIVED, Status.DRAFT),
        Status.ARCHIVED: (Status.DRAFT,),
    }
    PUBLIC_STATUSES: frozenset[str] = frozenset({Status.PUBLISHED, Status.ARCHIVED})

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            from hub.clock import now

            self.published_at = now()
        super().save(*args, **kwargs)  # `catalog.signals` refreshes the search vector

    def get_absolute_url(self) -> str:
        return reverse("catalog:tool", args=[self.slug])

    @classmethod
    def facet_link(cls, field_name: str) -> models.ManyToManyField[Term, Any]:
        """The many-to-many field of a facet (`FACETS`): its link table and columns."""
        field = cls._meta.get_field(field_name)
        if not isinstance(field, models.ManyToManyField):
            raise TypeError(f"{field_name} is not a facet")
        return field

    @classmethod
    def term_model(cls, field_name: str) -> type[Term]:
        """The term model of a facet (`FACETS`)."""
        model = cls.facet_link(field_name).related_model
        if not (isinstance(model, type) and issubclass(model, Term)):
            raise TypeError(f"{field_name} is not a facet")
        return model

    @property
    def verification_overdue(self) -> bool:
        """Not verified for twelve months, or never: members are warned, curators reminded."""
        from hub.clock import today

        return self.last_verified is None or self.last_verified < verification_cutoff(today())

    def may_move_to(self, status: str, user: User) -> bool:
        """Whether `user` may move this tool from its status to `status`."""
        if status not in self.TRANSITIONS.get(self.status, ()):
            return False
        touches_public = {status, self.status} & self.PUBLIC_STATUSES
        return not touches_public or user.has_perm("catalog.publish_tool")

    def next_statuses(self, user: User) -> list[str]:
        """The statuses `user` may move this tool to from where it is."""
        return [
            status for status in self.TRANSITIONS[self.status] if self.may_move_to(status, user)
        ]

    def move_to(self, status: str, *, by: User, reason: str) -> None:
        """Change the status, kept in the tool's history with who did it and why."""
        if not self.may_move_to(status, by):
            raise InvalidStatusChangeError(
                f"{by} cannot move {self} from {self.status} to {status}."
            )
        self.status = status
        self._change_reason = reason
        self._history_user = by
        self.save()

    def refresh_rating(self) -> None:
        stats = self.reviews.published().aggregate(
            average=models.Avg("rating"), count=models.Count("pk")
        )
        Tool.objects.filter(pk=self.pk).update(
            rating_average=stats["average"], rating_count=stats["count"]
        )
        self.rating_average, self.rating_count = stats["average"], stats["count"]
        # The catalogue shows and sorts by rating: its cached pages must go (no signal here).
        CatalogueVersion.bump()


class ReviewsWithReplies(ToolReviewQuerySet):
    """The reviews a visitor may see come with their provider's reply, if any (issue 23): one
    join in the tool page's one query for its reviews, no query more. Only `visible_to` joins:
    other review queries (locking ones among them) stay as they were."""

    def visible_to(self, user: User | AnonymousUser) -> ToolReviewQuerySet:
        return super().visible_to(user).select_related("provider_reply__provider")


class ToolReview(models.Model):
    """A member's experience with a tool. Moderated: pending → published or declined.

    Not PRIVATE: curators moderate reviews in the admin. Among members, only the author sees a
    review before it is published (`ToolReviewQuerySet.visible_to`), and only the author may
    change or delete it (by UUID; others get 404).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending moderation")
        PUBLISHED = "published", _("Published")
        DECLINED = "declined", _("Declined")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    tool = models.ForeignKey(
        Tool, verbose_name=_("tool"), on_delete=models.CASCADE, related_name="reviews"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="tool_reviews",
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    context = models.TextField(
        _("context"), help_text=_("How you used the tool, without any case details.")
    )
    what_worked = models.TextField(_("what worked"), blank=True)
    limits = models.TextField(_("limits"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    moderation_note = models.TextField(
        _("moderation note"), blank=True, help_text=_("Sent to the author when declined.")
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)

    objects = ReviewsWithReplies.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("tool review")
        verbose_name_plural = _("tool reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["tool", "author"], name="catalog_review_one_per_tool_and_author"
            ),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5),
                name="catalog_review_rating_1_to_5",
            ),
        ]
        indexes = [
            models.Index(fields=["tool", "status"], name="catalog_review_status_idx"),
        ]

    def __str__(self) -> str:
        return _("Review of %(tool)s by %(author)s") % {"tool": self.tool, "author": self.author}


class BookmarkQuerySet(models.QuerySet):
    def owned_by(self, user: User) -> BookmarkQuerySet:
        """The member's own bookmarks."""
        return self.filter(user=user)


class Bookmark(models.Model):
    """A tool a member keeps for later. Private to the member."""

    PRIVATE = True

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tool_bookmarks"
    )
    tool = models.ForeignKey(Tool, on_delete=models.CASCADE, related_name="bookmarks")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BookmarkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("bookmark")
        verbose_name_plural = _("bookmarks")
        constraints = [
            models.UniqueConstraint(fields=["user", "tool"], name="catalog_bookmark_once_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.tool}"


class SavedSearchQuerySet(models.QuerySet):
    def owned_by(self, user: User) -> SavedSearchQuerySet:
        """The member's own saved searches."""
        return self.filter(user=user)


class SavedSearch(models.Model):
    """A named catalogue search a member keeps, optionally with a weekly digest of new tools."""

    PRIVATE = True

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=120)
    query_string = models.CharField(_("search"), max_length=2000, blank=True)
    weekly_digest = models.BooleanField(_("email me new matching tools each week"), default=False)
    last_notified_at = models.DateTimeField(_("last digest at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SavedSearchQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "name"], name="catalog_saved_search_name_per_user"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        url = reverse("catalog:index")
        return f"{url}?{self.query_string}" if self.query_string else url


class CatalogueVersion(models.Model):
    """One row whose token changes, in the same transaction, whenever curation changes what
    the catalogue lists or how its tools are described (see `catalog.caching`).

    Cached facet counts and the cached taxonomy are keyed by this token: a change makes them
    unreachable at once, in every worker, and only once the change is committed. It lives in the
    database rather than in the cache so that it commits and rolls back with the change; it is
    random rather than a counter so that a rolled-back or restored database never meets entries
    made for another state under the same token.
    """

    version = models.CharField(max_length=32, default="")

    class Meta:
        verbose_name = _("catalogue version")
        verbose_name_plural = _("catalogue versions")

    def __str__(self) -> str:
        return str(self.version)

    @classmethod
    def current(cls) -> str:
        return cls.objects.filter(pk=1).values_list("version", flat=True).first() or "-"

    @classmethod
    def bump(cls) -> None:
        """A new catalogue version, in the current transaction."""
        cls.objects.update_or_create(pk=1, defaults={"version": uuid.uuid4().hex})
