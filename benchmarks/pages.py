"""The list of pages the benchmark measures, read from a TOML file (data, not code).

See `benchmarks/pages.toml` for the format. Paths are templates; `run.py` fills them from the
bench database: `{tool}` (a published tool with the most reviews), `{catalog_query}` and
`{admin_query}` (the text query and the facets, in each page's own parameter names).
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROLES = ("floor", "catalogue", "tool", "admin", "other")
USERS = ("member", "curator")
PLACEHOLDERS = ("tool", "catalog_query", "admin_query")


class PagesError(ValueError):
    """The pages file is not usable; the message says where."""


@dataclass(frozen=True)
class Facet:
    """One facet selected on both the catalogue and the admin, each with its own parameter."""

    catalog_param: str
    admin_param: str
    # Either a literal value used for both pages...
    value: str = ""
    # ...or a term of a taxonomy model, picked by `term` (filter arguments), whose attributes
    # `catalog_value` and `admin_value` give each page's value (a slug here, a pk there).
    model: str = ""
    term: dict[str, str] = field(default_factory=dict)
    catalog_value: str = "slug"
    admin_value: str = "pk"


@dataclass(frozen=True)
class Page:
    key: str
    label: str
    role: str
    user: str
    path: str


@dataclass(frozen=True)
class Config:
    pages: list[Page]
    q: str = ""
    facets: list[Facet] = field(default_factory=list)
    admin_extra: dict[str, str] = field(default_factory=dict)
    tool: str = ""  # a fixed tool slug; empty: the published tool with the most reviews


def parse(text: str, source: str = "pages file") -> Config:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PagesError(f"{source}: {exc}") from exc
    search = data.get("search", {})
    try:
        facets = [Facet(**facet) for facet in search.get("facet", [])]
        pages = [Page(**page) for page in data.get("page", [])]
    except TypeError as exc:
        raise PagesError(f"{source}: {exc}") from exc
    for facet in facets:
        if bool(facet.value) == bool(facet.model):
            raise PagesError(
                f"{source}: facet {facet.catalog_param!r} needs either a value or a model"
            )
    if not pages:
        raise PagesError(f"{source}: no [[page]] entries")
    if pages[0].role != "floor":
        raise PagesError(f"{source}: the first page must be the floor (role = 'floor')")
    keys = [page.key for page in pages]
    if len(set(keys)) != len(keys):
        raise PagesError(f"{source}: page keys must be unique")
    for page in pages:
        if page.role not in ROLES:
            raise PagesError(f"{source}: page {page.key!r}: role must be one of {ROLES}")
        if page.user not in USERS:
            raise PagesError(f"{source}: page {page.key!r}: user must be one of {USERS}")
        unknown = placeholders(page.path) - set(PLACEHOLDERS)
        if unknown:
            raise PagesError(
                f"{source}: page {page.key!r}: unknown placeholder(s) {sorted(unknown)}; "
                f"known: {PLACEHOLDERS}"
            )
    return Config(
        pages=pages,
        q=str(search.get("q", "")),
        facets=facets,
        admin_extra={str(k): str(v) for k, v in search.get("admin_extra", {}).items()},
        tool=str(data.get("tool", {}).get("slug", "")),
    )


def load(path: Path | str) -> Config:
    path = Path(path)
    return parse(path.read_text(encoding="utf-8"), str(path))


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def query_strings(config: Config, values: list[tuple[str, str]]) -> dict[str, str]:
    """`catalog_query` and `admin_query` for the facets' resolved (catalogue, admin) values."""
    if len(values) != len(config.facets):
        raise PagesError("one (catalogue, admin) value is needed per facet")
    text = [("q", config.q)] if config.q else []
    catalog = text + [
        (f.catalog_param, cv) for f, (cv, _) in zip(config.facets, values, strict=True)
    ]
    admin = text + [(f.admin_param, av) for f, (_, av) in zip(config.facets, values, strict=True)]
    admin += list(config.admin_extra.items())
    return {"catalog_query": urlencode(catalog), "admin_query": urlencode(admin)}


def fill(template: str, values: dict[str, str]) -> str:
    return template.format_map(values)
