"""A proposal's change set: made from a form, shown as a field-by-field diff, applied to a tool.

Values are kept as the provider typed them: text as text, maturity as its value, facets as
sorted lists of term slugs (stable across databases, readable in the admin).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from catalog.models import Tool
from providers.models import PROPOSED_FACETS, PROPOSED_FIELDS

if TYPE_CHECKING:
    from django.db.models import Field, ManyToManyField

    from catalog.models import Term

Value = str | list[str]


def facet_field(field: str) -> ManyToManyField[Term, Term]:
    """The tool's many-to-many field `field` of PROPOSED_FACETS (each to a catalogue term)."""
    return cast("ManyToManyField[Term, Term]", Tool._meta.get_field(field))


def facet_model(field: str) -> type[Term]:
    return cast("type[Term]", facet_field(field).related_model)


def label(field: str) -> str:
    """How the form and the diff name a proposed field."""
    return str(cast("Field[object, object]", Tool._meta.get_field(field)).verbose_name).capitalize()


def current_values(tool: Tool | None) -> dict[str, Value]:
    """The tool's values of the proposed fields (a new tool's: empty)."""
    values: dict[str, Value] = {}
    for field in PROPOSED_FIELDS:
        if field in PROPOSED_FACETS:
            values[field] = (
                sorted(getattr(tool, field).values_list("slug", flat=True)) if tool else []
            )
        else:
            values[field] = str(getattr(tool, field)) if tool else ""
    return values


def from_cleaned_data(cleaned: dict, before: dict[str, Value]) -> dict[str, Value]:
    """The fields of a valid form whose value differs from `before`: the change set."""
    changes: dict[str, Value] = {}
    for field in PROPOSED_FIELDS:
        if field not in cleaned:
            continue
        raw = cleaned[field]
        value: Value = (
            sorted(term.slug for term in raw) if field in PROPOSED_FACETS else str(raw or "")
        )
        if value != before.get(field):
            changes[field] = value
    return changes


def proposed_values(tool: Tool | None, changes: dict[str, Value]) -> dict[str, Value]:
    """The tool as it would be with the changes: what a curator's edit form starts from."""
    return current_values(tool) | {k: v for k, v in changes.items() if k in PROPOSED_FIELDS}


@dataclass(frozen=True)
class Row:
    field: str
    label: str
    before: str
    after: str


def _display(field: str, value: Value, names: dict[str, dict[str, str]]) -> str:
    if field in PROPOSED_FACETS:
        return ", ".join(names[field].get(slug, slug) for slug in value) or "—"
    if field == "maturity":
        return str(dict(Tool.Maturity.choices).get(str(value), value)) or "—"
    return str(value) or "—"


def diff(before: dict[str, Value], changes: dict[str, Value]) -> list[Row]:
    """Field by field, what the changes change: the value `before` (the tool's now, or when it
    was proposed), and the proposed one."""
    before = {
        field: before.get(field, [] if field in PROPOSED_FACETS else "")
        for field in PROPOSED_FIELDS
    }
    names: dict[str, dict[str, str]] = {}
    for field in PROPOSED_FACETS:
        slugs = set(before[field]) | set(changes.get(field, []))
        names[field] = dict(
            facet_model(field)._default_manager.filter(slug__in=slugs).values_list("slug", "name")
        )
    rows = []
    for field in PROPOSED_FIELDS:
        if field not in changes or changes[field] == before[field]:
            continue
        rows.append(
            Row(
                field=field,
                label=label(field),
                before=_display(field, before[field], names),
                after=_display(field, changes[field], names),
            )
        )
    return rows


def apply(tool: Tool, changes: dict[str, Value]) -> list[str]:
    """Set the changed fields on `tool` and save it (the caller holds the transaction and sets
    the history's user and reason first); returns the names of the fields changed."""
    for field in PROPOSED_FIELDS:
        if field in changes and field not in PROPOSED_FACETS:
            setattr(tool, field, changes[field])
    tool.save()
    for field in PROPOSED_FACETS:
        if field in changes:
            terms = facet_model(field)._default_manager.filter(slug__in=changes[field])
            getattr(tool, field).set(terms)
    return [field for field in PROPOSED_FIELDS if field in changes]
