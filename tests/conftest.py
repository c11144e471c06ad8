"""Fixtures shared by the whole suite.

Services: the suite runs on SQLite with in-process jobs by default. Where DATABASE_URL and
REDIS_URL are set (the second pass of CI), it runs on PostgreSQL and Redis, and tests marked
`worker` use a real Celery worker. In CI a service that is configured but unreachable fails
the run; it is never skipped.
"""

import os
import uuid

import pytest
from allauth.usersessions.models import UserSession
from django.conf import settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories

IN_CI = os.environ.get("CI", "").lower() == "true"


def sign_in(client, user, *, verified: bool = True):
    """Sign `user` in on `client`, with a second factor verified the way django-otp records it."""
    client.force_login(user)
    # allauth records a session at its own sign-in; force_login bypasses it, so do it here.
    UserSession.objects.get_or_create(
        session_key=client.session.session_key,
        defaults={"user": user, "ip": "127.0.0.1", "user_agent": "test client"},
    )
    if verified:
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Test phone", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def member(db):
    return factories.MemberFactory()


@pytest.fixture
def applicant(db):
    return factories.UserFactory()


@pytest.fixture
def member_client(client, member):
    return sign_in(client, member)


@pytest.fixture
def applicant_client(client, applicant):
    return sign_in(client, applicant)


def pytest_collection_modifyitems(config, items):
    redis_url = os.environ.get("REDIS_URL")
    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    for item in items:
        if "worker" in item.keywords and not redis_url:
            item.add_marker(
                pytest.mark.skip(reason="needs REDIS_URL: runs in the PostgreSQL + Redis pass")
            )
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(
                pytest.mark.skip(reason="needs DATABASE_URL=postgres://…: runs in the second pass")
            )


def pytest_configure(config):
    if not settings.REDIS_URL:
        return
    worker = getattr(config, "workerinput", {}).get("workerid")  # "gw0", "gw1"…: pytest-xdist
    if worker:
        _own_redis_databases(int(worker.removeprefix("gw")))
    elif workers := config.getoption("numprocesses", None):
        _check_worker_databases(int(workers))


def _worker_redis_urls(number: int) -> tuple[str, str]:
    """pytest-xdist worker `number`'s cache and broker: 2(number + 1) databases on from the
    configured ones (REDIS_URL's /0 and /1 become /2 and /3 for gw0, /4 and /5 for gw1)."""
    from hub.settings import redis_url_with_db

    offset = 2 * (number + 1)
    return (
        redis_url_with_db(settings.CACHE_REDIS_URL, offset),
        redis_url_with_db(settings.CELERY_BROKER_URL, offset),
    )


def _check_worker_databases(workers: int) -> None:
    """Before any worker starts: every worker's databases exist (a Redis server has 16 unless
    configured otherwise). A worker that stopped on it would leave a run that passes empty."""
    import redis

    for number in range(workers):
        for url in _worker_redis_urls(number):
            try:
                redis.Redis.from_url(url, socket_connect_timeout=3).ping()
            except redis.RedisError as exc:
                pytest.exit(f"test worker {number} cannot use Redis at {url}: {exc}", returncode=3)


def _own_redis_databases(number: int) -> None:
    """A pytest-xdist worker's own Redis databases, as it has its own test database.

    Workers share one Redis server: without this, one worker's `cache.clear()` would empty the
    other's cache mid-test, and its Celery worker would take the other's tasks.
    """
    from django.test.utils import override_settings

    from hub.celery import app

    location, broker = _worker_redis_urls(number)
    cache = {**settings.CACHES["default"], "LOCATION": location}
    # Never disabled: it holds for the worker's whole run. It also drops any cache connection.
    override_settings(
        CACHE_REDIS_URL=location,
        CACHES={**settings.CACHES, "default": cache},
        CELERY_BROKER_URL=broker,
    ).enable()
    app.conf.broker_url = broker


def pytest_sessionstart(session):
    """Tests run with production's hashed static files: collected once per run, before any
    pytest-xdist worker starts (two collecting at once would rewrite files the other reads)."""
    if hasattr(session.config, "workerinput"):
        return  # a worker: the run's first process collected them
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def _configured_services_answer():
    """Fail at once, with a plain message, when a configured service does not answer."""
    redis_url = os.environ.get("REDIS_URL")
    if redis_url:
        import redis

        try:
            redis.Redis.from_url(redis_url, socket_connect_timeout=3).ping()
        except redis.RedisError as exc:
            pytest.exit(f"REDIS_URL is set but Redis does not answer: {exc}", returncode=3)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Factories hash a password for every person they make; key stretching proves nothing here.

    Browser tests' live server runs in this process, so it sees the same setting.
    """
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _eager_tasks():
    """Unit tests run tasks in-process at commit; `celery_worker` turns this off."""
    from hub.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = True


@pytest.fixture
def celery_worker(transactional_db, _eager_tasks):
    """A real Celery worker, on the Redis broker, in a thread of this process.

    It shares the test database (committed data only: hence `transactional_db`).
    """
    from celery.contrib.testing.worker import start_worker

    from hub.celery import app

    app.conf.task_always_eager = False
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as worker:
        yield worker


@pytest.fixture
def unique_token():
    return uuid.uuid4().hex


@pytest.fixture
def client_factory():
    """Separate browsers: each call returns a new test client with its own cookies."""
    from django.test import Client

    return Client
