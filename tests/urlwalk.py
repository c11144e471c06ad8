"""Every URL pattern of the hub, with a concrete URL that resolves to it.

`walk()` yields (view name, sample URL); `routes()` yields `Route`s, which also know the view
behind the pattern (and its form class, for the fuzzing tests) and can build the URL for
real parameters.
"""

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name"
    pattern: URLPattern
    sample_kwargs: dict
    # Unnamed groups (django-simple-history's admin history view) take positional arguments.
    positional: int = 0

    @property
    def url(self) -> str:
        return self.reverse()

    def reverse(self, **kwargs) -> str:
        """The URL with `kwargs` for its parameters, sample values for the rest."""
        if self.positional and not self.sample_kwargs:
            return reverse(self.name, args=[kwargs.get("object_id", "1")] * self.positional)
        values = self.sample_kwargs | kwargs
        return reverse(self.name, kwargs=values or None)

    @property
    def view_class(self) -> type | None:
        return getattr(self.pattern.callback, "view_class", None)

    @property
    def form_class(self) -> type | None:
        """The form a class-based view handles, where it declares one."""
        return getattr(self.view_class, "form_class", None)

    @property
    def parameters(self) -> tuple[str, ...]:
        return tuple(self.sample_kwargs)


def routes(resolver: URLResolver | None = None, namespace: str = "") -> Iterator[Route]:
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from routes(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names = list(entry.pattern.regex.groupindex)
            unnamed = entry.pattern.regex.groups - len(names)
            yield Route(
                f"{namespace}{entry.name}", entry, _sample_kwargs(entry.pattern, names), unnamed
            )


def walk(resolver: URLResolver | None = None, namespace: str = "") -> Iterator[tuple[str, str]]:
    for route in routes(resolver, namespace):
        yield route.name, route.url
