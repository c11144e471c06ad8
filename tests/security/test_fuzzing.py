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
from tests.security.access_table import Access, row_for
from tests.urlwalk import routes

pytestmark = pytest.mark.django_db

# Function views with a form, and list pages without a FilterSet the walk can see.
FORM_PAGES: set[str] = set()
LIST_PAGES: set[str] = {"catalog:index"}
# Form pages whose POST ends the visitor's session or needs a live emailed key.
NOT_FUZZED = {"account_logout": "signs the visitor out: nothing to fuzz"}

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


def _visitor_for(route) -> Client:
    """A visitor the policy lets in: anonymous for public pages, else a member."""
    client = Client()
    row = row_for(route.name)
    if row is not None and row.access is not Access.PUBLIC:
        sign_in(client, MemberFactory(password="!"))
    return client


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
    assert "catalog:index" in LISTS


@pytest.mark.parametrize("name", FORMS)
def test_no_form_input_causes_an_error_or_comes_back_unescaped(name):
    route = ROUTES[name]
    client = _visitor_for(route)
    page = client.get(route.url)
    parser = _PostFields()
    parser.feed(page.content.decode())
    # A page may show no form (a sample key that is not valid): its POST is fuzzed anyway.
    names = parser.names or ["anything"]

    @given(st.fixed_dictionaries(dict.fromkeys(names, nasty_text)))
    def post(data):
        cache.clear()  # rate limits would soon answer every example with a 429
        response = client.post(route.url, data)
        assert response.status_code < 500
        _assert_no_raw_markup(response, data.values())
        if response.status_code in {301, 302, 303} and response["Location"].startswith("/"):
            _assert_no_raw_markup(client.get(response["Location"]), data.values())

    post()


QUERY_KEYS = ["q", "page", "sort", "order", "o", "per_page", "category", "tag", "type"]


@pytest.mark.parametrize("name", LISTS)
def test_no_query_string_causes_an_error_or_comes_back_unescaped(name):
    route = ROUTES[name]
    client = _visitor_for(route)
    filterset = getattr(route.view_class, "filterset_class", None)
    keys = QUERY_KEYS + (list(filterset.base_filters) if filterset else [])

    @given(
        st.dictionaries(
            st.one_of(st.sampled_from(keys), st.text(min_size=1, max_size=10)),
            st.one_of(nasty_text, st.integers().map(str), st.just("-1"), st.just("9" * 30)),
            max_size=4,
        )
    )
    def get(params):
        response = client.get(route.url, params)
        assert response.status_code < 500
        _assert_no_raw_markup(response, params.values())

    get()
