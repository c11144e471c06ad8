"""The access matrix: every URL pattern, as every persona, by GET and by POST.

The expected outcomes come from one declared table, `access_table.TABLE`. A URL pattern
without a row fails here with the line to add.
"""

from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import NoReverseMatch, resolve, reverse

from hub.access import (
    ACCEPT_PROVIDER_TERMS,
    ACCEPT_TERMS,
    POLICY,
    SECOND_FACTOR_SETUP,
    SECOND_FACTOR_VERIFY,
    Access,
    rule_for,
)
from tests.security.access_table import TABLE, Outcome, Visitor, row_for
from tests.security.personas import PERSONAS
from tests.urlwalk import routes

pytestmark = pytest.mark.django_db

ROUTES = sorted(routes(), key=lambda route: route.name)
# One client for the whole matrix, its cookies cleared for every cell: a new client loads the
# middleware again, and WhiteNoise's scan of the static files would dominate the run.
BROWSER = Client()
CELLS = [(route, persona) for route in ROUTES for persona in PERSONAS]


def _path(name: str) -> str | None:
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


REDIRECTS = {301, 302, 303, 307, 308}
# Sign-in → second factor → the page is the longest honest chain; anything longer is a bug.
MAX_HOPS = 3


def classify(response) -> Outcome:
    status = response.status_code
    if status in REDIRECTS:
        path = urlsplit(response["Location"]).path
        if path in {reverse(settings.LOGIN_URL), reverse("admin:login")}:
            return Outcome.SIGN_IN
        if path in {_path(SECOND_FACTOR_SETUP), _path(SECOND_FACTOR_VERIFY)} - {None}:
            return Outcome.SECOND_FACTOR
        if path == reverse(ACCEPT_TERMS):
            return Outcome.ACCEPT_TERMS
        if path == reverse(ACCEPT_PROVIDER_TERMS):
            return Outcome.ACCEPT_PROVIDER_TERMS
        return Outcome.ALLOWED
    if status == 403:
        return Outcome.FORBIDDEN
    if status == 404:
        return Outcome.NOT_FOUND
    # 405: the policy let the request through and the view does not take the method; 400 and
    # 410: the view answered the (empty) request itself.
    if 200 <= status < 300 or status in {400, 405, 410}:
        return Outcome.ALLOWED
    raise AssertionError(f"unexpected status {status}")


def test_every_url_has_a_row_in_the_access_table():
    missing = [route.name for route in ROUTES if row_for(route.name) is None]
    assert not missing, (
        "These URL names have no row in tests/security/access_table.py TABLE: add one each, "
        "e.g. `'" + missing[0] + "': member(),` — " + ", ".join(missing)
    )


def test_every_row_names_a_real_url():
    names = {route.name for route in ROUTES}
    wildcards = {name.rsplit(":", 1)[0] + ":*" for name in names if ":" in name}
    assert set(TABLE) <= names | wildcards, set(TABLE) - names - wildcards


@pytest.mark.parametrize("route", ROUTES, ids=[route.name for route in ROUTES])
def test_the_table_agrees_with_the_policy(route):
    rule = rule_for(resolve(route.url))
    row = row_for(route.name)
    assert row is not None, f"add {route.name!r} to tests/security/access_table.py"
    assert (row.access, row.permission, row.staff, row.audience) == (
        rule.access,
        rule.permission,
        rule.staff,
        rule.audience,
    ), (
        f"{route.name}: POLICY says {rule}, the access table says "
        f"Rule({row.access!r}, {row.permission!r}, staff={row.staff}, "
        f"audience={row.audience}): change both or neither"
    )


def test_every_policy_exception_is_declared_in_the_table():
    undeclared = [name for name in POLICY if row_for(name.replace(":*", ":index")) is None]
    assert not undeclared, f"POLICY entries with no row in the access table: {undeclared}"


@pytest.mark.parametrize(
    ("route", "persona"), CELLS, ids=[f"{route.name}-{persona}" for route, persona in CELLS]
)
def test_access(route, persona):
    row = row_for(route.name)
    assert row is not None, f"add {route.name!r} to tests/security/access_table.py"
    client = BROWSER
    client.cookies.clear()
    user = PERSONAS[persona](client)
    visitor = Visitor(persona, user, verified=persona not in {"anonymous", "unverified"})
    url = route.reverse(**row.kwargs(user)) if row.kwargs else route.url
    expected = row.outcome(visitor)
    allowed = {expected}
    if expected is Outcome.ADMIN_DECIDES:
        allowed = {Outcome.ALLOWED, Outcome.FORBIDDEN, Outcome.NOT_FOUND}
    elif expected is Outcome.ALLOWED and (
        row.view_may_404 or (route.parameters and not row.kwargs)
    ):
        # Past the policy, a view may not know a sample id or key: a 404 still means "let in".
        allowed.add(Outcome.NOT_FOUND)
    private = persona != "anonymous" or row.access is not Access.PUBLIC
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        got = classify(response)
        assert got in allowed, (
            f"{method.upper()} {url} as {persona}: expected {expected}, got {got}"
        )
        if private:
            # Behind sign-in nothing may be kept by a proxy or the browser's cache (issue 16).
            assert "no-store" in response.get("Cache-Control", ""), (
                f"{method.upper()} {url} as {persona}: Cache-Control "
                f"{response.get('Cache-Control')!r}, not no-store"
            )
        if method == "get":
            assert_redirects_end(client, url, response, persona)


def assert_redirects_end(client, url: str, response, persona: str) -> None:
    """Following `response`'s redirects reaches a page within `MAX_HOPS`, never a loop."""
    chain = [url]
    while response.status_code in REDIRECTS:
        location = urlsplit(urljoin(chain[-1], response["Location"]))
        target = location.path + (f"?{location.query}" if location.query else "")
        assert target not in chain, f"{persona}: redirect loop {' → '.join([*chain, target])}"
        chain.append(target)
        assert len(chain) - 1 <= MAX_HOPS, f"{persona}: {len(chain) - 1} redirects: {chain}"
        response = client.get(target)
