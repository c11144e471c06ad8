"""Helpers for the technology providers' tests: form data as a page shows it, signed-in clients."""

import pytest
from django.core.cache import cache

from tests import factories
from tests.conftest import sign_in

PASSWORD = "a long passphrase nobody guesses 7"


@pytest.fixture(autouse=True)
def _fresh_limits(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    cache.clear()


def form_values(form) -> dict:
    """The data a browser would send for `form` as rendered (lists for multiple choices)."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        if isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = str(value)
    return data


@pytest.fixture
def provider_account(db):
    return factories.ApprovedProviderAccountFactory()


@pytest.fixture
def provider_client(client_factory, provider_account):
    return sign_in(client_factory(), provider_account.user)


@pytest.fixture
def curator(db):
    return factories.CuratorFactory()


@pytest.fixture
def curator_client(client_factory, curator):
    return sign_in(client_factory(), curator)
