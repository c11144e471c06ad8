import os

import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The security tests sign people in by form many times; a slow hash proves nothing here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth counts attempts in the cache: every test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


# Hypothesis: modest and deterministic in CI (the whole `make test` must stay well under ten
# minutes on two cores), a little wider locally. `HYPOTHESIS_PROFILE=thorough` for a long run.
from hypothesis import HealthCheck  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402

_common = {
    "deadline": None,  # a shared CI machine is slow at times: speed is not what is tested
    "database": None,  # no .hypothesis/ folder in the checkout
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
}
hypothesis_settings.register_profile("ci", max_examples=25, derandomize=True, **_common)
hypothesis_settings.register_profile("dev", max_examples=25, **_common)
hypothesis_settings.register_profile("thorough", max_examples=500, **_common)
hypothesis_settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)
