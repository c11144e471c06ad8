import pytest
from django.core.management import call_command


@pytest.fixture(scope="session", autouse=True)
def _compiled_catalogues() -> None:
    """The .mo files as `make test` compiles them, for a bare `pytest tests/i18n` too."""
    call_command("compile_translations", verbosity=0)
