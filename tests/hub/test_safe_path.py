import pytest
from django.test import RequestFactory

from hub.redirects import safe_path


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/catalog/?q=hash", "/catalog/?q=hash"),
        ("", None),
        (None, None),
        ("catalog:index", None),  # a view name: redirect() would reverse it
        ("https://evil.example/", None),
        ("//evil.example/", None),
        ("/\\evil.example/", None),
        ("http://testserver/catalog/", None),  # only a path, even on this host
    ],
)
def test_only_paths_on_this_site_pass(target, expected):
    assert safe_path(RequestFactory().get("/"), target) == expected
