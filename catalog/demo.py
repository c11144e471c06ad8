"""Demo catalogue: fictional tools and providers, clearly marked, for local use and benchmarks.

Names are built from parts with a fixed seed, so every run makes the same catalogue; tools are
created in bulk so that `seed_demo --tools 10000` takes seconds. Running it again adds nothing.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import cast

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Avg, Count, ManyToManyField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.text import slugify

from catalog import caching, models
from catalog.search import refresh_search_vector
from hub import clock

DEMO_NOTE = "Fictional demo entry: this tool does not exist and no real product is described."

TAXONOMY = {
    models.Capability: [
        "Hash matching", "Image and video classification", "Age estimation", "Face matching",
        "Object and scene detection", "Deduplication", "Triage and prioritisation",
        "OCR and text analysis", "Grooming and chat analysis", "Audio analysis",
        "OSINT and dark-web monitoring", "Geolocation", "Network and metadata analysis",
        "Redaction and blurring", "Translation",
    ],
    models.InvestigationStage: [
        "Report intake and triage", "Lawful acquisition", "Analysis and triage of seized media",
        "Victim identification", "Offender identification",
        "Prioritisation and risk assessment", "Case preparation and disclosure",
        "Investigator wellbeing",
    ],
    models.DataType: [
        "Images", "Video", "Audio", "Text and chat", "Network and metadata", "Documents",
    ],
    models.Deployment: ["On-premises", "Cloud", "Hybrid", "Air-gapped"],
    models.Licence: ["Open source", "Free for law enforcement", "Commercial"],
    models.Language: [
        "English", "French", "German", "Spanish", "Portuguese", "Italian", "Dutch", "Polish",
        "Arabic", "Russian", "Ukrainian", "Turkish", "Hindi", "Mandarin Chinese", "Japanese",
        "Swahili", "Tagalog", "Thai",
    ],
    models.Platform: ["Windows", "Linux", "macOS", "Web browser", "Android", "iOS"],
    models.Country: [
        "Australia", "Austria", "Belgium", "Brazil", "Canada", "Denmark", "Finland", "France",
        "Germany", "India", "Ireland", "Italy", "Japan", "Kenya", "Netherlands", "New Zealand",
        "Norway", "Philippines", "Poland", "Portugal", "Spain", "Sweden", "Switzerland",
        "Thailand", "United Kingdom", "United States",
    ],
}  # fmt: skip

PROVIDER_PARTS = (
    ["Northwind", "Bluefield", "Harbour", "Meridian", "Lantern", "Kestrel", "Granite",
     "Tidewater", "Orchard", "Summit"],
    ["Forensics", "Labs", "Analytics", "Research Institute", "Collective"],
)  # fmt: skip
TOOL_PREFIXES = [
    "Aegis", "Beacon", "Cairn", "Delta", "Ember", "Fathom", "Glimmer", "Halo", "Iris", "Juniper",
    "Keystone", "Lumen", "Mosaic", "Nimbus", "Onyx", "Prism", "Quill", "Ridge", "Sentinel",
    "Tessera", "Umbra", "Vigil", "Warden", "Xylem", "Yarrow", "Zephyr", "Atlas", "Bastion",
    "Compass", "Drift",
]  # fmt: skip
TOOL_SUFFIXES = [
    "Scan", "Sight", "Triage", "Lens", "Trace", "Sort", "Match", "Map", "Guard", "Check",
    "Finder", "Sift", "Index", "Link", "Watch", "Shield", "Graph", "Reader", "Voice", "Blur",
]  # fmt: skip
PURPOSES = {
    "Hash matching": "matches seized media against known-material hash lists",
    "Image and video classification": "classifies images and video to speed up review",
    "Age estimation": "estimates the apparent age of people in images",
    "Face matching": "suggests possible matches between faces across a case",
    "Object and scene detection": "finds objects and scenes that help locate victims",
    "Deduplication": "removes duplicate and near-duplicate files from large seizures",
    "Triage and prioritisation": "ranks incoming reports so urgent ones come first",
    "OCR and text analysis": "reads text in images and documents",
    "Grooming and chat analysis": "flags grooming patterns in chat logs",
    "Audio analysis": "transcribes and searches audio recordings",
    "OSINT and dark-web monitoring": "monitors open sources and hidden services for leads",
    "Geolocation": "suggests where a photo or video was taken",
    "Network and metadata analysis": "links accounts and devices through their metadata",
    "Redaction and blurring": "blurs material so that investigators see less of it",
    "Translation": "translates chat and documents for review",
}


def _seed_taxonomy() -> dict[type[models.Term], list[models.Term]]:
    terms = {}
    for model, names in TAXONOMY.items():
        terms[model] = [
            model._default_manager.update_or_create(slug=slugify(name), defaults={"name": name})[0]
            for name in names
        ]
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
    new_tools, facets = [], []
    for i in range(count):
        name = _tool_name(i)
        slug = slugify(name)
        if slug in existing:
            continue
        rng = random.Random(i)  # noqa: S311 (demo data, not secrets)
        capabilities = rng.sample(terms[models.Capability], rng.randint(1, 3))
        purpose = PURPOSES[capabilities[0].name]
        status = _status(i)
        new_tools.append(
            models.Tool(
                name=name,
                slug=slug,
                summary=f"{name} {purpose}. (Demo entry.)",
                description=(
                    f"**{DEMO_NOTE}**\n\n{name} {purpose}. It is listed to show how the "
                    "catalogue works: search, facets, comparison and reviews.\n\n"
                    "- Runs where your data is\n- Keeps an audit trail of every action"
                ),
                website=f"https://{slug}.example.org/",
                status=status,
                maturity=rng.choice(models.Tool.Maturity.values),
                provider=providers[i % len(providers)],
                last_verified=today - timedelta(days=rng.randint(0, 600)),
                published_at=now - timedelta(days=rng.randint(8, 900))
                if status != models.Tool.Status.DRAFT
                else None,
                data_protection_notes="Processes personal data: a data-protection impact "
                "assessment is needed before use. (Demo text.)",
                human_rights_notes="Automated matches are leads, never evidence on their own. "
                "(Demo text.)",
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


REVIEW_TEXTS = [
    ("Used on a backlog of seized media in a regional unit.", "Fast and easy to set up.",
     "Needed a lot of manual checking of its suggestions."),
    ("Trialled during a three-month pilot.", "Clear audit log; good vendor support.",
     "No support for our case-management system."),
    ("Used for triage of incoming reports.", "Saved us hours every week.",
     "The licence is expensive for a small team."),
]  # fmt: skip


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


def seed(*, tools: int | None = None) -> str:
    terms = _seed_taxonomy()
    providers = _seed_providers()
    new_ids = _seed_tools(tools or 100, terms, providers)
    refresh_search_vector(new_ids)
    if new_ids and connection.vendor == "postgresql":
        # Fresh statistics, so the planner does not take a bulk-loaded catalogue for an empty one.
        with connection.cursor() as cursor:
            for model in (models.Tool, *TAXONOMY, *(f.remote_field.through for f in _m2m())):
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    reviews = _seed_reviews()
    if new_ids:
        caching.bump()  # bulk inserts send no signals: cached facet counts must go
    return f"{len(new_ids)} new tools, {len(providers)} providers, {reviews} reviews"
