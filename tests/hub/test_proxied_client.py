"""Behind one proxy of ours, limits and the audit trail count the client, not the proxy."""

import pytest
from django.test import RequestFactory

from hub.middleware import ProxiedClientMiddleware


def address_seen(forwarded: str | None, remote: str = "10.0.0.2") -> str:
    seen = {}

    def view(request):
        seen["address"] = request.META["REMOTE_ADDR"]

    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    ProxiedClientMiddleware(view)(RequestFactory().get("/", REMOTE_ADDR=remote, **headers))
    return seen["address"]


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        ("203.0.113.7", "203.0.113.7"),
        # A client's own claim comes first; the proxy appends the address it saw, last.
        ("198.51.100.1, 203.0.113.7", "203.0.113.7"),
        ("2001:db8::1", "2001:db8::1"),
        ("not an address", "10.0.0.2"),
        (None, "10.0.0.2"),
    ],
)
def test_the_client_is_the_address_the_proxy_appended(settings, forwarded, expected):
    settings.TRUST_X_FORWARDED_FOR = True
    assert address_seen(forwarded) == expected


def test_without_the_setting_the_header_is_ignored(settings):
    settings.TRUST_X_FORWARDED_FOR = False
    assert address_seen("203.0.113.7") == "10.0.0.2"
