"""The benchmark's work inside Django, run by `run.py` against one bench database.

    python -m benchmarks.django_side prepare --pages benchmarks/pages.toml --sessions 8

`prepare` makes a verified member and a curator, builds verified sessions for them the way
django-otp records a verified second factor (no policy is turned off: every request still goes
through the whole middleware stack), resolves the pages' paths, requests each page once
in-process to count its SQL queries, and prints one line `PREPARED {json}`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import timedelta
from importlib import import_module
from typing import TYPE_CHECKING, Any

import django

if TYPE_CHECKING:
    from django.db.models import Model
    from django.test import Client

    from accounts.models import User
    from benchmarks.pages import Config

PREPARED_MARKER = "PREPARED "
MEMBER_EMAIL = "bench-member@example.org"
CURATOR_EMAIL = "bench-curator@example.org"
# The curator's only powers: reading tools in the admin. Not a superuser.
CURATOR_PERMISSIONS = ("catalog.view_tool",)


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    django.setup()


# --- People and their sessions ----------------------------------------------------------------


def bench_user(
    email: str, *, staff: bool = False, permissions: tuple[str, ...] = ()
) -> tuple[User, Any]:
    """A vetted member in date (a staff curator with `permissions` when asked) and its device."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user_model = get_user_model()
    user, created = user_model.objects.update_or_create(
        email=email,
        defaults={
            "full_name": "Bench Curator" if staff else "Bench Member",
            "is_active": True,
            "is_staff": staff,
            "is_superuser": False,
            "membership_valid_until": timezone.now() + timedelta(days=365),
            "suspended_at": None,
            "terms_version": settings.TERMS_VERSION,
            "terms_accepted_at": timezone.now(),
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    for name in permissions:
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="Bench phone", defaults={"confirmed": True}
    )
    return user, device


def verified_session(user: User, device: Any) -> str:
    """A new session in which `user` signed in and verified `device`; returns its key.

    It holds what `django.contrib.auth.login` and `django_otp.login` store: the user's id,
    backend and password hash, and the device's persistent id.
    """
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django_otp import DEVICE_ID_SESSION_KEY

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return str(session.session_key)


# --- The pages' paths ---------------------------------------------------------------------------


def _review_model(tool_model: type[Model]) -> tuple[type[Model], str] | None:
    """The catalogue's review model (a model whose name ends in Review with a key to Tool), and
    the name of that key."""
    from django.apps import apps

    for model in apps.get_app_config(tool_model._meta.app_label).get_models():
        if not model.__name__.endswith("Review"):
            continue
        for field in model._meta.get_fields():
            if getattr(field, "many_to_one", False) and field.related_model is tool_model:
                return model, field.name
    return None


def pick_tool(slug: str = "") -> tuple[str, int]:
    """The slug of `slug`'s tool, else of the published tool with most reviews; and its reviews."""
    from django.db.models import Count

    from catalog.models import Tool

    published = Tool.objects.filter(status=Tool.Status.PUBLISHED)
    review = _review_model(Tool)
    if slug:
        chosen = Tool.objects.get(slug=slug)
        if review is None:
            return chosen.slug, 0
        model, key = review
        return chosen.slug, model._default_manager.filter(**{key: chosen}).count()
    if review is not None:
        model, key = review
        top = (
            model._default_manager.filter(**{f"{key}__in": published})
            .values(key)
            .annotate(n=Count("pk"))
            .order_by("-n", key)
            .first()
        )
        if top:
            return Tool.objects.get(pk=top[key]).slug, top["n"]
    tool = published.order_by("pk").first()
    if tool is None:
        sys.exit("The bench database has no published tool: did seeding work?")
    return tool.slug, 0


def facet_values(config: Config) -> list[tuple[str, str]]:
    from django.apps import apps

    values = []
    for facet in config.facets:
        if facet.value:
            values.append((facet.value, facet.value))
            continue
        model = apps.get_model(facet.model)
        term = model._default_manager.filter(**facet.term).order_by("pk").first()
        if term is None:
            sys.exit(f"No {facet.model} matches {facet.term}: edit the pages file.")
        values.append(
            (str(getattr(term, facet.catalog_value)), str(getattr(term, facet.admin_value)))
        )
    return values


# --- Query counts ---------------------------------------------------------------------------------


FRESH = "__FRESH__"  # in a path: a word no request has used before (as `wrk.lua` fills it)


def count_queries(client: Client, path: str) -> tuple[int, int, int]:
    """(status, queries of a cold request, queries of a warm one) for `path`.

    A path holding `FRESH` gets a new word on each request, as under load: its warm request is
    a new search in a warm process, not a repeat of the cold one."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        client.get(path.replace(FRESH, "zqcold"))
    with CaptureQueriesContext(connection) as warm:
        response = client.get(path.replace(FRESH, "zqwarm"))
    return response.status_code, len(cold.captured_queries), len(warm.captured_queries)


def prepare(pages_file: str, sessions: int) -> dict[str, Any]:
    from django.conf import settings
    from django.test import Client

    from benchmarks import pages as pages_module

    config = pages_module.load(pages_file)
    member = bench_user(MEMBER_EMAIL)
    curator = bench_user(CURATOR_EMAIL, staff=True, permissions=CURATOR_PERMISSIONS)
    keys = {
        "member": [verified_session(*member) for _ in range(sessions)],
        "curator": [verified_session(*curator) for _ in range(sessions)],
    }
    tool, reviews = pick_tool(config.tool)
    values = {"tool": tool, **pages_module.query_strings(config, facet_values(config))}

    cookie = settings.SESSION_COOKIE_NAME
    clients, signed_in = {}, {}
    for user in keys:
        # A session of its own, so that the load's sessions stay untouched.
        clients[user] = Client(HTTP_HOST="127.0.0.1")
        clients[user].cookies[cookie] = verified_session(*(member if user == "member" else curator))
        # Starts the session, and proves that the hub took it as a verified, active member's.
        seen = clients[user].get(pages_module.fill(config.pages[0].path, values)).wsgi_request.user
        signed_in[user] = bool(
            seen.is_authenticated
            # `is_verified` is set on the user by django-otp's middleware, untyped.
            and seen.is_verified()  # type: ignore[attr-defined]
            and seen.is_active_member
        )

    measured = []
    for page in config.pages:
        path = pages_module.fill(page.path, values)
        status, cold, warm = count_queries(clients[page.user], path)
        measured.append(
            {
                "key": page.key,
                "label": page.label,
                "role": page.role,
                "user": page.user,
                "path": path,
                "status": status,
                "queries_cold": cold,
                "queries": warm,
            }
        )
    from catalog.models import Tool

    return {
        "cookie_name": cookie,
        "keys": keys,
        "signed_in": signed_in,
        "pages": measured,
        "tool": {"slug": tool, "reviews": reviews},
        "tools": {
            "all": Tool.objects.count(),
            "published": Tool.objects.filter(status=Tool.Status.PUBLISHED).count(),
        },
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    prep = commands.add_parser("prepare")
    prep.add_argument("--pages", required=True)
    prep.add_argument("--sessions", type=int, default=8)
    args = parser.parse_args(argv)

    setup()
    print(PREPARED_MARKER + json.dumps(prepare(args.pages, args.sessions)), flush=True)


if __name__ == "__main__":
    main()
