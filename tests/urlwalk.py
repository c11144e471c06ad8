"""Every URL pattern of the hub, as (view name, a concrete URL that resolves to it)."""

import uuid
from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, PathConverter, SlugConverter, UUIDConverter

# Sample values for captured parameters, by converter or, for regex patterns, by name.
SAMPLE_BY_CONVERTER = {
    IntConverter: 1,
    UUIDConverter: uuid.UUID("00000000-0000-4000-8000-000000000000"),
    SlugConverter: "sample",
    PathConverter: "sample",
}
SAMPLE_BY_NAME = {
    "app_label": "auth",
    "uidb36": "1",
    "key": "sample-key",
    "object_id": "1",
    "content_type_id": "1",
    "url": "sample",
}


def _sample_kwargs(pattern, names: list[str]) -> dict:
    converters = getattr(pattern, "converters", {})
    kwargs = {}
    for name in names:
        converter = converters.get(name)
        if converter is not None:
            kwargs[name] = SAMPLE_BY_CONVERTER.get(type(converter), "sample")
        else:
            kwargs[name] = SAMPLE_BY_NAME.get(name, "sample")
    return kwargs


def walk(resolver: URLResolver | None = None, namespace: str = "") -> Iterator[tuple[str, str]]:
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            view_name = f"{namespace}{entry.name}"
            names = list(entry.pattern.regex.groupindex)
            kwargs = _sample_kwargs(entry.pattern, names)
            # Unnamed groups (django-simple-history's admin history view) take positional args.
            unnamed = entry.pattern.regex.groups - len(names)
            if unnamed and not names:
                yield view_name, reverse(view_name, args=["1"] * unnamed)
                continue
            yield view_name, reverse(view_name, kwargs=kwargs or None)
