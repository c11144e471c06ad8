"""Demo catalogue: fictional tools and providers, clearly marked, for local use and benchmarks.

Names are built from parts with a fixed seed, so every run makes the same catalogue; tools are
created in bulk so that `seed_demo --tools 10000` takes seconds. Running it again adds nothing,
and finishes what an interrupted run left: tools are committed a batch at a time (`ATOMIC`), and
any tool without a search vector gets one.
"""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import cast

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Avg, Count, ManyToManyField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.text import slugify

from catalog import caching, demo_content, demo_content_i18n, models
from catalog.demo_content import (
    DEMO_NOTE,
    PROVIDER_PARTS,
    PURPOSES,
    REVIEW_TEXTS,
    TAXONOMY,
    TOOL_PREFIXES,
    TOOL_SUFFIXES,
)
from catalog.search import refresh_search_vector
from hub import clock, demo_translations
from hub.content_languages import set_texts

# The texts and terms live in demo_content; these names stay importable from here.
__all__ = ["DEMO_NOTE", "PURPOSES", "TAXONOMY", "seed"]

# Tools are described and inserted this many at a time: each holds its texts in six languages,
# and a catalogue of 100,000 tools at once would hold gigabytes of them.
BATCH = 2000
# `seed_demo` runs this seed outside one transaction: each batch of tools commits on its own, so
# that 100,000 tools need not be held in one, and their search vectors can be built by two
# connections at once (one per core: `_index`).
ATOMIC = False
# From this many tools without a search vector, two connections build them (when no transaction
# is open: inside one, as in tests, other connections could not see the new tools).
PARALLEL_FROM = 2000


def _seed_taxonomy() -> dict[type[models.Term], list[models.Term]]:
    """The demo terms, named in the six languages (issue 21) when they are made.

    A term that exists is saved only if its names changed: each save rebuilds the search
    vector of all its tools.
    """
    terms: dict[type[models.Term], list[models.Term]] = {}
    for model, names in TAXONOMY.items():
        label = model._meta.label
        terms[model] = []
        for name in names:
            names_in_six = {"en": name, **demo_translations.names_of(label, name)}
            term = model._default_manager.filter(slug=slugify(name)).first()
            if term is None:
                term = model(slug=slugify(name))
            if term.pk is None or not demo_translations.is_named(term, names_in_six):
                set_texts(term, {"name": names_in_six})
                term.save()
            terms[model].append(term)
    return terms


def _seed_providers() -> list[models.Provider]:
    firsts, seconds = PROVIDER_PARTS
    providers = []
    for i in range(20):
        name = f"{firsts[i % len(firsts)]} {seconds[(i + i // len(firsts)) % len(seconds)]} (demo)"
        slug = slugify(name)
        providers.append(
            models.Provider.objects.update_or_create(
                name=name,
                defaults={
                    "website": f"https://{slug}.example.org/",
                    "law_enforcement_contact": f"le-liaison@{slug}.example.org",
                },
            )[0]
        )
    return providers


def _tool_name(i: int) -> str:
    prefix = TOOL_PREFIXES[i % len(TOOL_PREFIXES)]
    suffix = TOOL_SUFFIXES[(i // len(TOOL_PREFIXES)) % len(TOOL_SUFFIXES)]
    edition = i // (len(TOOL_PREFIXES) * len(TOOL_SUFFIXES))
    return f"{prefix} {suffix}" + (f" {edition + 1}" if edition else "")


def _status(i: int) -> str:
    if i % 25 == 7:
        return models.Tool.Status.DRAFT
    if i % 25 == 13:
        return models.Tool.Status.IN_REVIEW
    if i % 50 == 21:
        return models.Tool.Status.ARCHIVED
    return models.Tool.Status.PUBLISHED


def _seed_tools(count: int, terms: dict, providers: list) -> list[int]:
    """Create the tools that do not exist yet, with their facets. Returns the new tools' ids."""
    now = clock.now()
    today = clock.today()
    existing = set(models.Tool.objects.values_list("slug", flat=True))
    new_ids: list[int] = []
    new_tools: list[models.Tool] = []
    facets: list[dict] = []
    for i in range(count):
        name = _tool_name(i)
        slug = slugify(name)
        if slug in existing:
            continue
        rng = random.Random(i)  # noqa: S311 (demo data, not secrets)
        capabilities = rng.sample(terms[models.Capability], rng.randint(1, 3))
        status = _status(i)
        new_tools.append(
            models.Tool(
                name=name,
                slug=slug,
                website=f"https://{slug}.example.org/",
                status=status,
                maturity=rng.choice(models.Tool.Maturity.values),
                provider=providers[i % len(providers)],
                last_verified=today - timedelta(days=rng.randint(0, 600)),
                published_at=now - timedelta(days=rng.randint(8, 900))
                if status != models.Tool.Status.DRAFT
                else None,
            )
        )
        facets.append(
            {
                "capabilities": capabilities,
                "stages": rng.sample(terms[models.InvestigationStage], rng.randint(1, 3)),
                "data_types": rng.sample(terms[models.DataType], rng.randint(1, 3)),
                "deployments": rng.sample(terms[models.Deployment], rng.randint(1, 2)),
                "licences": [rng.choice(terms[models.Licence])],
                "languages": rng.sample(terms[models.Language], rng.randint(1, 5)),
                "platforms": rng.sample(terms[models.Platform], rng.randint(1, 3)),
                "countries": rng.sample(terms[models.Country], rng.randint(2, 8)),
            }
        )
        if len(new_tools) == BATCH:
            new_ids += _create(new_tools, facets, terms)
            new_tools, facets = [], []
    if new_tools:
        new_ids += _create(new_tools, facets, terms)
    return new_ids


def _create(new_tools: list[models.Tool], facets: list[dict], terms: dict) -> list[int]:
    """Describe and insert one batch of new tools with their facets. Returns their ids."""
    _describe(new_tools, facets, terms)
    with transaction.atomic():  # a tool is never committed without its facets
        return _insert(new_tools, facets)


def _insert(new_tools: list[models.Tool], facets: list[dict]) -> list[int]:
    if connection.vendor == "postgresql":
        created = _copy(new_tools)
    else:
        created = models.Tool.objects.bulk_create(new_tools, batch_size=1000)
    # The links are plain rows: insert them directly, which is many times faster than
    # building a model instance for each of the ~20 links of every tool.
    with connection.cursor() as cursor:
        for _param, field_name, _label in models.Tool.FACETS:
            field = cast("ManyToManyField", models.Tool._meta.get_field(field_name))
            table = connection.ops.quote_name(field.m2m_db_table())
            columns = f"{field.m2m_column_name()}, {field.m2m_reverse_name()}"
            rows = [
                (tool.pk, term.pk)
                for tool, chosen in zip(created, facets, strict=True)
                for term in chosen[field_name]
            ]
            # S608: table and column names come from the models.
            if connection.vendor == "postgresql" and rows:
                tool_ids, term_ids = zip(*rows, strict=True)
                cursor.execute(
                    f"INSERT INTO {table} ({columns})"  # noqa: S608  # nosec B608
                    " SELECT * FROM unnest(%s::bigint[], %s::bigint[])",
                    [list(tool_ids), list(term_ids)],
                )
            else:
                cursor.executemany(
                    f"INSERT INTO {table} ({columns}) VALUES (%s, %s)",  # noqa: S608  # nosec B608
                    rows,
                )
    return [tool.pk for tool in created]


def _copy(tools: list[models.Tool]) -> list[models.Tool]:
    """Insert `tools` with COPY (PostgreSQL), their ids drawn from the table's sequence first.

    What `bulk_create` would store (each field's value as saved, `auto_now` included), without
    its one INSERT statement quoting the six languages' texts of a thousand tools: at 10,000
    tools the insert took 8.4 s instead of 16.6. Like `bulk_create`, it sends no signals.
    """
    meta = models.Tool._meta
    fields = meta.concrete_fields
    table = connection.ops.quote_name(meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(tools)],
        )
        for tool, (pk,) in zip(tools, cursor.fetchall(), strict=True):
            tool.pk = pk
        with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for tool in tools:
                copy.write_row(
                    [
                        field.get_db_prep_save(field.pre_save(tool, True), connection)
                        for field in fields
                    ]
                )
    for tool in tools:
        tool._state.adding = False
        tool._state.db = connection.alias
    return tools


def _describe(tools: list[models.Tool], facets: list[dict], terms: dict) -> None:
    """Give each tool texts that agree with its facets, and only data types and stages that fit."""
    data_types = {term.name: term for term in terms[models.DataType]}
    stages = {term.name: term for term in terms[models.InvestigationStage]}
    for tool, chosen in zip(tools, facets, strict=True):
        capabilities = [term.name for term in chosen["capabilities"]]
        drawn = [term.name for term in chosen["data_types"]]
        chosen["data_types"] = [
            data_types[name] for name in demo_content.fitting_data_types(capabilities, drawn)
        ]
        drawn = [term.name for term in chosen["stages"]]
        chosen["stages"] = [
            stages[name] for name in demo_content.fitting_stages(capabilities, drawn)
        ]
        names = {field: [term.name for term in chosen[field]] for field in chosen}
        # Issue 21: every demo tool's texts in the six languages.
        for field, by_language in demo_content_i18n.texts(tool.name, tool.maturity, names).items():
            setattr(tool, field, by_language["en"])
            set_texts(tool, {field: by_language})


def _seed_reviews() -> int:
    authors = list(
        get_user_model().objects.filter(email__iendswith="@demo.example.org").order_by("email")
    )
    authors = [a for a in authors if a.is_active_member]
    if not authors:
        return 0
    tools = list(models.Tool.objects.published().order_by("pk")[:40])
    made = 0
    for i, tool in enumerate(tools):
        for j, author in enumerate(authors[:3]):
            if (i + j) % 3 == 2:
                continue
            context, worked, limits = REVIEW_TEXTS[(i + j) % len(REVIEW_TEXTS)]
            models.ToolReview.objects.update_or_create(
                tool=tool,
                author=author,
                defaults={
                    "rating": 2 + (i * 7 + j) % 4,
                    "context": f"{context} (Demo review.)",
                    "what_worked": worked,
                    "limits": limits,
                    "status": models.ToolReview.Status.PUBLISHED,
                },
            )
            made += 1
    stats = models.ToolReview.objects.published().filter(tool=OuterRef("pk")).values("tool")
    models.Tool.objects.filter(pk__in=[t.pk for t in tools]).update(
        rating_average=Subquery(stats.annotate(a=Avg("rating")).values("a")),
        rating_count=Coalesce(Subquery(stats.annotate(c=Count("pk")).values("c")), 0),
    )
    return made


def _m2m() -> list:
    return [models.Tool._meta.get_field(field) for _p, field, _l in models.Tool.FACETS]


def _refresh_apart(tool_ids: list[int]) -> None:
    """`refresh_search_vector` in this thread's own connection and transaction."""
    try:
        with transaction.atomic():
            refresh_search_vector(tool_ids)
    finally:
        connection.close()


def _index() -> int:
    """Build the search vectors the bulk inserts left empty (and any an interrupted run left).
    Returns how many tools it indexed."""
    if connection.vendor != "postgresql":
        return 0  # no search vectors: SQLite searches the text itself
    _restore_bulk_indexes()  # a run killed while building left them out
    pending = list(
        models.Tool.objects.filter(search_vector__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if len(pending) < PARALLEL_FROM or connection.in_atomic_block:
        refresh_search_vector(pending)
        return len(pending)
    # PostgreSQL runs one statement on one core: two halves, two connections, both cores. The
    # text indexes are built once afterwards rather than updated tool by tool (PostgreSQL's
    # advice for populating a database): at 100,000 tools they outgrow the shared buffers.
    half = len(pending) // 2
    _drop_bulk_indexes()
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            for _done in pool.map(_refresh_apart, (pending[:half], pending[half:])):
                pass  # re-raises a half's error here
    finally:
        _restore_bulk_indexes()
    return len(pending)


# The indexes on what `refresh_search_vector` writes: the search vector, the Chinese text and
# the facet terms (GIN indexes, each entry of each tool inserted one by one on an update).
BULK_INDEXES = (
    "catalog_tool_search_idx",
    "catalog_tool_zh_trgm_idx",
    "catalog_tool_facet_terms_idx",
)
# Memory for building them (PostgreSQL's default, 64 MB, makes a 100,000-tool build spill).
BUILD_MEMORY = "512MB"


def _bulk_indexes() -> list:
    return [index for index in models.Tool._meta.indexes if index.name in BULK_INDEXES]


def _drop_bulk_indexes() -> None:
    with connection.schema_editor() as editor:
        for index in _bulk_indexes():
            editor.remove_index(models.Tool, index)


def _restore_bulk_indexes() -> None:
    """Create those of `BULK_INDEXES` that are missing, as the models (and migrations) define
    them."""
    with connection.cursor() as cursor:
        present = connection.introspection.get_constraints(cursor, models.Tool._meta.db_table)
    missing = [index for index in _bulk_indexes() if index.name not in present]
    if not missing:
        return
    with connection.schema_editor() as editor:  # one transaction: SET LOCAL holds for it
        editor.execute("SET LOCAL maintenance_work_mem = %s", [BUILD_MEMORY])
        # Inside a transaction that inserted tools (a test), their deferred foreign key checks
        # would stop CREATE INDEX: run them now.
        editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for index in missing:
            editor.add_index(models.Tool, index)


def seed(*, tools: int | None = None) -> str:
    terms = _seed_taxonomy()
    providers = _seed_providers()
    new_ids = _seed_tools(tools or 100, terms, providers)
    indexed = _index()
    if indexed:
        # Fresh statistics, so the planner does not take a bulk-loaded catalogue for an empty one.
        with connection.cursor() as cursor:
            for model in (models.Tool, *TAXONOMY, *(f.remote_field.through for f in _m2m())):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    reviews = _seed_reviews()
    if new_ids or indexed:
        caching.bump()  # bulk inserts send no signals: cached facet counts must go
    return f"{len(new_ids)} new tools, {len(providers)} providers, {reviews} reviews"
