"""Redis killed while members search, sign in and sign up: no 5xx, and every email goes once.

A private redis-server on a free port of 127.0.0.1 holds the cache and the broker for this test
(never the machine's shared Redis); the test kills it with everything queued in it, and starts
it again empty, as after a crash without persistence.
"""

import shutil
import socket
import subprocess
import time
from collections import Counter
from datetime import timedelta

import pytest
import redis
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from notifications.tasks import sweep
from tests import factories
from tests.accounts.test_signup import form_data
from tests.conftest import sign_in

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateRedis:
    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def url(self, db: int) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - Debian's redis-server, our arguments
            [
                shutil.which("redis-server") or "redis-server",
                *("--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no"),
            ],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url(0), socket_connect_timeout=0.2)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        pytest.fail("the private redis-server did not start")

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=5)
            self.process = None


@pytest.fixture
def private_redis(settings):
    """The hub's cache and broker on a redis-server of this test's own."""
    from hub.celery import app

    server = PrivateRedis()
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "hub.cache.DegradingRedisCache",
            "LOCATION": server.url(0),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1, "RETRY_AFTER": 0},
        }
    }
    settings.CELERY_BROKER_URL = server.url(1)
    saved = (app.conf.task_always_eager, app.conf.broker_url, app._pool, app.amqp._producer_pool)
    app.conf.task_always_eager = False
    app.conf.broker_url = server.url(1)
    app._pool = None
    app.amqp._producer_pool = None
    try:
        yield server
    finally:
        server.kill()
        (app.conf.task_always_eager, app.conf.broker_url, app._pool, app.amqp._producer_pool) = (
            saved
        )


def wait_for(condition, what: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"{what} did not happen within {seconds} seconds")


def test_members_notice_nothing_when_redis_dies_and_every_email_goes_once(
    private_redis, client_factory
):
    from celery.contrib.testing.worker import start_worker

    from hub.celery import app

    factories.ToolFactory(name="Hashmatch", summary="Matches seized media against hash lists.")
    member = factories.MemberFactory()
    member_browser = sign_in(client_factory(raise_request_exception=False), member)
    visitor = client_factory(raise_request_exception=False)
    search = reverse("catalog:index") + "?q=hash"

    # Before: two people sign up; their confirmations wait in Redis for a worker.
    for name in ("ana", "ben"):
        response = visitor.post(
            reverse("account_signup"), form_data(email=f"{name}@police.example.org")
        )
        assert response.status_code == 302
    assert member_browser.get(search).status_code == 200  # and the page is cached

    private_redis.kill()  # with the queued deliveries in it
    started = time.monotonic()
    statuses = {
        "search": member_browser.get(search).status_code,
        "tool page": member_browser.get(
            factories.ToolFactory(name="Agelens").get_absolute_url()
        ).status_code,
        "sign-in": client_factory(raise_request_exception=False)
        .post(reverse("account_login"), {"login": member.email, "password": "wrong" * 4})
        .status_code,
        "sign-up": visitor.post(
            reverse("account_signup"), form_data(email="cat@police.example.org")
        ).status_code,
    }
    outage = time.monotonic() - started
    assert all(status < 500 for status in statuses.values()), statuses
    # Sign-in and sign-up answer as usual: their limits are counted in PostgreSQL (hub.ratelimit).
    assert statuses["search"] == statuses["tool page"] == 200
    assert statuses["sign-in"] == 200  # the form again, "wrong password"
    assert statuses["sign-up"] == 302
    results = member_browser.get(search)
    assert [tool.name for tool in results.context["tools"]] == ["Hashmatch"]
    assert outage < 15  # a request during the outage is not left hanging

    # Redis is back, empty: the queued deliveries are gone. The sweep sends every row once.
    private_redis.start()
    rows = Notification.objects.filter(channel=Notification.Channel.EMAIL)
    addresses = set(rows.values_list("to_email", flat=True))
    assert {
        "ana@police.example.org",
        "ben@police.example.org",
        "cat@police.example.org",
    } <= addresses
    app.conf.task_always_eager = False
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        later = timezone.now()
        for round_ in range(1, 6):
            if not rows.undelivered().exists():
                break
            sweep(now=later + timedelta(minutes=10 * round_))
            wait_for(
                lambda: not rows.undelivered().filter(claimed_at__isnull=False).exists(),
                "the worker finishing what it claimed",
            )
            time.sleep(0.2)
        wait_for(lambda: not rows.undelivered().exists(), "every email delivered")
    sent = Counter(address for message in mail.outbox for address in message.to)
    assert sent == Counter(rows.values_list("to_email", flat=True))
    assert set(sent.values()) == {1}
    # And the cache works again, on its own.
    assert member_browser.get(search).status_code == 200
