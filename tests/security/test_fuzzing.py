"""Property-based fuzzing: no input to any form or list page gives a 500, and no script comes
back unescaped.

Forms are found through the URL walk (every class-based view with a `form_class`, plus
FORM_PAGES for function views), and their fields are read from the page itself, so fields a
form adds at run time are fuzzed too. List pages are the views with a django-filter FilterSet,
plus LIST_PAGES; their query parameters are the FilterSet's and a few usual ones.
"""

import re
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import sign_in
from tests.factories import MemberFactory
from tests.security.access_table import Access, Audience, row_for
from tests.urlwalk import routes

pytestmark = pytest.mark.django_db

# Function views that show a POST form on GET (its fields are read from the page), and POST-only
# views with the form fields they take. Who visits, and with which real object, comes from the
# access table (`_visitor_for`), or from SETUP below.
FORM_PAGES: set[str] = {
    "twofactor:verify",
    "twofactor:setup",
    "twofactor:reset",
    "vetting:application",
    "catalog:review_create",
    "catalog:review_edit",
    "guidance:assessment_start",
    "guidance:assessment",
    "wellbeing:checkin",
    "wellbeing:preferences",
    "notifications:preferences",
    # Technology providers (issue 23)
    "providers:apply",
    "providers:accept_terms",
    "providers:propose_update",
    "providers:propose_tool",
    # Community (issue 22)
    "community:profile",
    "community:contact",
    "community:report_profile",
    "community:conversation",
    "community:report_message",
    "community:thread_create",
    "community:thread",
    "community:report_post",
    "community:report",
}
POST_ONLY_FORMS: dict[str, tuple[str, ...]] = {
    "accounts:answer": ("answer",),
    "accounts:renew": ("supervisor_name", "supervisor_email"),
    "vetting:suspend": ("reason",),
    "vetting:reinstate": ("reason",),
    "twofactor:end_session": ("session",),
    "catalog:saved_search_update": ("weekly_digest",),
    "guidance:article_done": ("done", "next"),
    "catalog:bookmark": ("next",),
    # The form to save a search is on the catalogue's index; it posts here.
    "catalog:saved_searches": ("name", "query_string", "weekly_digest"),
    "providers:reply": ("body",),
    # Community (issue 22)
    "community:request_answer": ("answer",),
    "community:block": ("unblock", "next"),
    "community:thread_follow": ("next",),
    "community:moderate_post": ("action", "note"),
    "community:moderate_thread": ("action", "category", "note"),
    "community:conversation_delete": ("confirm",),
    "community:used_tool": ("next",),
}
# List pages and GET forms, with the query parameters each reads (besides QUERY_KEYS and a
# FilterSet's own, which the walk finds).
LIST_PAGES: dict[str, tuple[str, ...]] = {
    "catalog:index": (),
    "catalog:compare": ("tools",),
    "catalog:finder": ("stage", "data_types", "budget", "deployment", "platform", "language"),
    "guidance:index": (),
    "wellbeing:services": (),
    "vetting:queue": ("state", "country"),
    "vetting:members": ("q", "state"),
    "notifications:index": (),
    "community:index": (),
    "community:external_link": ("to",),
    "community:category": (),
    "community:moderation": (),
}
# Form pages whose POST ends the visitor's session: nothing to fuzz.
NOT_FUZZED = {"account_logout": "signs the visitor out: nothing to fuzz"}
# The FilterSets behind function views (the walk sees class-based views' only).
FILTERSETS = {
    "catalog:index": "catalog.filters.ToolFilter",
    "guidance:index": "guidance.filters.ArticleFilter",
    "wellbeing:services": "wellbeing.filters.SupportServiceFilter",
    "community:index": "community.filters.ProfileFilter",
}
XSS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "'\"><iframe src=javascript:alert(1)>",
    "{{ 7|add:7 }}{% debug %}",
]
# Text that makes trouble: markup, control characters, very long and odd Unicode.
nasty_text = st.one_of(
    st.sampled_from(XSS),
    st.text(st.characters(codec="utf-8"), max_size=60),
    st.text(st.characters(codec="utf-8", categories=["Cc", "Zl", "Zp", "Cf"]), max_size=8),
    st.just("x" * 5000),
    st.from_regex(r"[\w.+-]{1,20}@[\w-]{1,20}\.[a-z]{2,6}", fullmatch=True),
)

ROUTES = {route.name: route for route in routes()}


def _is_form_page(route) -> bool:
    return (route.form_class is not None or route.name in FORM_PAGES) and (
        route.name not in NOT_FUZZED and not route.name.startswith("admin:")
    )


def _is_list_page(route) -> bool:
    return route.name in LIST_PAGES or getattr(route.view_class, "filterset_class", None)


FORMS = sorted(name for name, route in ROUTES.items() if _is_form_page(route))
LISTS = sorted(name for name, route in ROUTES.items() if _is_list_page(route))


def _awaiting_an_answer(user) -> None:
    from accounts.models import ApplicationState
    from tests.factories import VettingApplicationFactory

    VettingApplicationFactory(applicant=user, state=ApplicationState.INFORMATION_REQUESTED)


def _due_for_renewal(user) -> None:
    from datetime import timedelta

    from hub import clock

    user.membership_valid_until = clock.now() + timedelta(days=5)
    user.save(update_fields=["membership_valid_until"])


def _old_provider_terms(user) -> None:
    from providers.models import ProviderAccount

    ProviderAccount.objects.filter(user=user).update(terms_version="2000-01")


# Pages whose form shows only in a certain state: the visitor is put in it first.
SETUP = {
    "accounts:answer": _awaiting_an_answer,
    "accounts:renew": _due_for_renewal,
    "providers:accept_terms": _old_provider_terms,
}


class _PostFields(HTMLParser):
    """The names of the fields of the page's POST forms."""

    def __init__(self) -> None:
        super().__init__()
        self.in_post_form = False
        self.names: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_post_form = (attrs.get("method") or "").lower() == "post"
        elif self.in_post_form and tag in {"input", "textarea", "select"}:
            name = attrs.get("name")
            if name and name != "csrfmiddlewaretoken" and name not in self.names:
                self.names.append(name)

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_post_form = False


def _role_holding(permission: str) -> str:
    """The first role (in `roles.ROLES`' order) whose permissions include `permission`."""
    from accounts import roles

    app_label, codename = permission.split(".", 1)
    return next(
        role
        for role, permissions in roles.ROLES.items()
        if permissions().filter(content_type__app_label=app_label, codename=codename).exists()
    )


def _visitor_for(route) -> tuple[Client, str]:
    """A visitor the policy lets in, and the URL to fuzz (with a real object of theirs).

    Anonymous for public pages; someone with no device yet for setting one up; for pages
    that need a permission, a member holding the role that grants it; else a member.
    """
    from accounts import roles

    client = Client()
    row = row_for(route.name)
    user = None
    if route.name == "twofactor:setup":
        user = MemberFactory(password="!")
        sign_in(client, user, verified=False)
    elif row is not None and row.audience is Audience.PROVIDERS:  # an approved provider
        from tests.factories import ApprovedProviderAccountFactory

        user = ApprovedProviderAccountFactory(user__password="!").user
        sign_in(client, user)
    elif row is not None and row.access is not Access.PUBLIC:
        user = MemberFactory(password="!")
        if row.permission:
            roles.grant_role(user, _role_holding(row.permission))
        sign_in(client, user)
    if route.name in SETUP:
        SETUP[route.name](user)
    url = route.reverse(**row.kwargs(user)) if row is not None and row.kwargs else route.url
    return client, url


def _assert_no_raw_markup(response, values) -> None:
    body = response.content.decode(errors="replace")
    for value in values:
        if isinstance(value, str) and re.search(r"<[a-z/!]", value, re.I):
            assert value not in body, f"unescaped: {value!r}"


def test_the_markup_check_catches_what_is_not_escaped():
    from django.http import HttpResponse
    from django.utils.html import escape

    payload = XSS[1]
    _assert_no_raw_markup(HttpResponse(f"<p>{escape(payload)}</p>"), [payload])
    with pytest.raises(AssertionError, match="unescaped"):
        _assert_no_raw_markup(HttpResponse(f"<p>{payload}</p>"), [payload])


def test_the_walk_finds_the_forms_and_list_pages():
    assert {"account_login", "account_signup", "account_reset_password"} <= set(FORMS)
    assert set(FORMS) >= FORM_PAGES, "a name in FORM_PAGES is not a URL name any more"
    assert set(POST_ONLY_FORMS) <= set(ROUTES)
    assert set(LIST_PAGES) <= set(LISTS)


def test_every_form_page_shows_a_form_to_its_visitor():
    """Otherwise its fuzzing would post to a page that never reads the fields."""
    for name in FORMS:
        client, url = _visitor_for(ROUTES[name])
        parser = _PostFields()
        parser.feed(client.get(url).content.decode())
        assert parser.names or name in NO_FORM_FOR_SAMPLE, f"{name}: no POST form at {url}"


# Pages that show no form to the fuzzing visitor: their POST is fuzzed anyway.
NO_FORM_FOR_SAMPLE = {
    "account_reset_password_from_key": "a made-up emailed key",
    "account_confirm_email": "a made-up emailed key",
    "account_confirm_login_code": "sign-in by code is off: no code is pending",
    "account_set_password": "every account has a password: the page sends one to change it",
    "usersessions_list": "the visitor has no other session to end",
}


@pytest.mark.parametrize("name", FORMS + sorted(POST_ONLY_FORMS))
def test_no_form_input_causes_an_error_or_comes_back_unescaped(name):
    route = ROUTES[name]
    client, url = _visitor_for(route)
    if name in POST_ONLY_FORMS:
        names = list(POST_ONLY_FORMS[name])
    else:
        parser = _PostFields()
        parser.feed(client.get(url).content.decode())
        names = parser.names or ["anything"]

    @given(st.fixed_dictionaries(dict.fromkeys(names, nasty_text)))
    def post(data):
        cache.clear()  # rate limits would soon answer every example with a 429
        response = client.post(url, data)
        assert response.status_code < 500
        _assert_no_raw_markup(response, data.values())
        if response.status_code in {301, 302, 303} and response["Location"].startswith("/"):
            _assert_no_raw_markup(client.get(response["Location"]), data.values())

    post()


QUERY_KEYS = ["q", "page", "sort", "order", "o", "per_page", "category", "tag", "type"]


@pytest.mark.parametrize("name", LISTS)
def test_no_query_string_causes_an_error_or_comes_back_unescaped(name):
    from django.utils.module_loading import import_string

    route = ROUTES[name]
    client, url = _visitor_for(route)
    filterset = getattr(route.view_class, "filterset_class", None)
    if name in FILTERSETS:
        filterset = import_string(FILTERSETS[name])
    keys = (
        QUERY_KEYS
        + list(LIST_PAGES.get(name, ()))
        + (list(filterset.base_filters) if filterset else [])
    )

    @given(
        st.dictionaries(
            st.one_of(st.sampled_from(keys), st.text(min_size=1, max_size=10)),
            st.one_of(nasty_text, st.integers().map(str), st.just("-1"), st.just("9" * 30)),
            max_size=4,
        )
    )
    def get(params):
        response = client.get(url, params)
        assert response.status_code < 500
        _assert_no_raw_markup(response, params.values())

    get()
