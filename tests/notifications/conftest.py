import contextlib

import pytest

from tests.notifications.backends import FlakyBackend


@pytest.fixture(autouse=True)
def test_templates(settings):
    """The `test_kind` email templates live under tests/templates."""
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], "tests/templates"]}
    ]


@pytest.fixture
def test_kind_optional(monkeypatch):
    """Make `test_kind` a kind members may stop receiving by email."""
    from notifications import kinds

    monkeypatch.setitem(kinds.OPTIONAL_KINDS, "test_kind", "Test messages")


@pytest.fixture
def flaky_backend(settings):
    FlakyBackend.calls = 0
    settings.EMAIL_BACKEND = "tests.notifications.backends.FlakyBackend"
    return FlakyBackend


@pytest.fixture
def failing_backend(settings):
    settings.EMAIL_BACKEND = "tests.notifications.backends.FailingBackend"


@pytest.fixture
def no_backoff(monkeypatch):
    monkeypatch.setattr("notifications.tasks.backoff_seconds", lambda attempt: 0)


@contextlib.contextmanager
def broker_down():
    """Point the Celery app at a port where no broker listens, for real publish failures."""
    from hub.celery import app

    saved = (app.conf.task_always_eager, app.conf.broker_url, app._pool, app.amqp._producer_pool)
    app.conf.task_always_eager = False
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    app._pool = None
    app.amqp._producer_pool = None
    try:
        yield
    finally:
        (app.conf.task_always_eager, app.conf.broker_url, app._pool, app.amqp._producer_pool) = (
            saved
        )
