from collections.abc import Iterator

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="session", autouse=True)
def _compiled_catalogues() -> None:
    """The .mo files as `make test` compiles them, for a bare `pytest tests/i18n` too."""
    call_command("compile_translations", verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    # The catalogue caches by its version, which a rolled-back test resets: no stale pages.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _english_between_tests() -> Iterator[None]:
    # LocaleMiddleware activates a request's language for the thread and leaves it: without
    # this, a French page in one test would make the next test's factories write French.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
