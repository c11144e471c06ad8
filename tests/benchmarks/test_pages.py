"""The benchmark's pages file: its format, its checks and the query strings it builds."""

from pathlib import Path

import pytest

from benchmarks import pages
from benchmarks.run import parent_pid

pytestmark = pytest.mark.django_db

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"

MINIMAL = """
[search]
q = "hash matching"
admin_extra = { status__exact = "published" }

[[search.facet]]
catalog_param = "capability"
admin_param = "capabilities__id__exact"
model = "catalog.Capability"
term = { slug = "ocr" }

[[search.facet]]
catalog_param = "licence"
admin_param = "licence__exact"
value = "open-source"

[[page]]
key = "floor"
label = "Floor"
role = "floor"
user = "member"
path = "/about/"

[[page]]
key = "admin"
label = "Admin"
role = "admin"
user = "curator"
path = "/admin/catalog/tool/?{admin_query}&_facets=True"
"""


def test_the_shipped_pages_file_is_valid():
    config = pages.load(BENCHMARKS / "pages.toml")
    assert [page.role for page in config.pages] == [
        "floor",
        "catalogue",
        "catalogue",
        "catalogue",
        "tool",
        "admin",
    ]
    assert config.pages[-1].user == "curator"
    assert "_facets=True" in config.pages[-1].path
    fresh = next(page for page in config.pages if page.key == "fresh")
    assert "__FRESH__" in fresh.path and fresh.role == "catalogue"


def test_the_real_pages_file_selects_three_facets():
    assert len(pages.load(BENCHMARKS / "pages.toml").facets) == 3


def test_a_pages_file_is_read_with_its_facets():
    config = pages.parse(MINIMAL)
    assert config.q == "hash matching"
    assert config.facets[0].term == {"slug": "ocr"}
    assert (config.facets[0].catalog_value, config.facets[0].admin_value) == ("slug", "pk")
    assert config.facets[1].value == "open-source"
    assert config.admin_extra == {"status__exact": "published"}
    assert config.tool == ""


def test_query_strings_use_each_pages_own_parameter_names():
    config = pages.parse(MINIMAL)
    queries = pages.query_strings(config, [("ocr", "7"), ("open-source", "open-source")])
    assert queries == {
        "catalog_query": "q=hash+matching&capability=ocr&licence=open-source",
        "admin_query": "q=hash+matching&capabilities__id__exact=7&licence__exact=open-source"
        "&status__exact=published",
    }
    path = pages.fill(config.pages[1].path, {"tool": "x", **queries})
    assert path.startswith("/admin/catalog/tool/?q=hash+matching&capabilities__id__exact=7")
    assert path.endswith("&_facets=True")


def test_without_a_text_query_there_is_no_q():
    config = pages.parse(MINIMAL.replace('q = "hash matching"', ""))
    queries = pages.query_strings(config, [("ocr", "7"), ("open-source", "open-source")])
    assert queries["catalog_query"] == "capability=ocr&licence=open-source"


def test_query_strings_need_a_value_per_facet():
    with pytest.raises(pages.PagesError):
        pages.query_strings(pages.parse(MINIMAL), [("ocr", "7")])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('role = "floor"', 'role = "catalogue"'), "first page must be the floor"),
        (('key = "admin"', 'key = "floor"'), "unique"),
        (('user = "curator"', 'user = "superuser"'), "user must be one of"),
        (('role = "admin"', 'role = "fast"'), "role must be one of"),
        (("{admin_query}", "{facets}"), "unknown placeholder"),
        (('value = "open-source"', ""), "either a value or a model"),
        (('label = "Floor"', 'label = "Floor"\ncolour = "red"'), "colour"),
        (("[[page]]", "[[page]"), "pages file"),
    ],
)
def test_a_broken_pages_file_says_what_is_wrong(change, message):
    with pytest.raises(pages.PagesError, match=message):
        pages.parse(MINIMAL.replace(*change, 1))


def test_a_pages_file_without_pages_is_refused():
    with pytest.raises(pages.PagesError, match="no \\[\\[page\\]\\]"):
        pages.parse('[search]\nq = "x"\n')


@pytest.mark.parametrize(
    ("stat", "expected"),
    [
        ("4321 (gunicorn) S 4000 4321 4000 0 -1", 4000),
        ("4321 (gunicorn: worker [hub.wsgi:application]) S 4000 4321", 4000),
        ("77 (odd) name) (x) R 1 77 77", 1),
    ],
)
def test_a_process_parent_is_read_after_the_command_name(stat, expected):
    assert parent_pid(stat) == expected
