"""/healthz (liveness: the process and the database) and /healthz/ready (every dependency).

Strangers read "ok" or "unavailable" on /healthz and get 404 on /healthz/ready; the operator (a
request with HEALTH_TOKEN, or one from this host not through a proxy) reads the checks.
"""

import pytest
from django.urls import reverse

from hub import views

pytestmark = pytest.mark.django_db

STRANGER = {"REMOTE_ADDR": "203.0.113.7"}
TOKEN = "t" * 40


@pytest.fixture
def health_token(settings):
    settings.HEALTH_TOKEN = TOKEN
    return {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}", **STRANGER}


@pytest.fixture
def database_down(monkeypatch):
    def broken():
        raise ConnectionError("database is gone")

    monkeypatch.setattr(views, "_check_database", broken)


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {"BACKEND": "hub.cache.DegradingRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/1"  # nothing listens on port 1


def test_strangers_read_only_ok(client):
    response = client.get(reverse("healthz"), **STRANGER)
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert response["Cache-Control"].startswith("max-age=0")


def test_strangers_read_only_unavailable_when_the_database_is_down(client, database_down):
    response = client.get(reverse("healthz"), **STRANGER)
    assert response.status_code == 503
    assert response.content == b"unavailable"


def test_liveness_ignores_redis(client, redis_down):
    """A load balancer on /healthz must keep every node while only Redis is down."""
    response = client.get(reverse("healthz"), **STRANGER)
    assert response.status_code == 200
    assert response.content == b"ok"


def test_the_operator_reads_the_liveness_checks(client, health_token):
    response = client.get(reverse("healthz"), **health_token)
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}


def test_from_this_host_the_checks_are_shown(client):
    response = client.get(reverse("healthz"), REMOTE_ADDR="127.0.0.1")
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}


def test_through_a_proxy_on_this_host_a_request_is_a_strangers(client):
    response = client.get(
        reverse("healthz"), REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7"
    )
    assert response.content == b"ok"
    assert (
        client.get(
            reverse("healthz_ready"), REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7"
        ).status_code
        == 404
    )


@pytest.mark.parametrize("sent", ["", "Bearer ", f"Bearer {TOKEN}x", TOKEN, "Bearer wrong"])
def test_a_wrong_token_is_a_strangers(client, settings, sent):
    settings.HEALTH_TOKEN = TOKEN
    assert (
        client.get(reverse("healthz_ready"), HTTP_AUTHORIZATION=sent, **STRANGER).status_code == 404
    )
    assert client.get(reverse("healthz"), HTTP_AUTHORIZATION=sent, **STRANGER).content == b"ok"


def test_no_token_configured_lets_no_bearer_in(client, settings):
    settings.HEALTH_TOKEN = ""
    response = client.get(reverse("healthz_ready"), HTTP_AUTHORIZATION="Bearer ", **STRANGER)
    assert response.status_code == 404


def test_readiness_reports_each_dependency(client, settings, health_token):
    response = client.get(reverse("healthz_ready"), **health_token)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"] == "ok"
    assert ("broker" in body["checks"]) == bool(settings.CELERY_BROKER_URL)
    assert response["Cache-Control"].startswith("max-age=0")


def test_readiness_is_degraded_not_down_when_redis_is(client, redis_down, health_token, caplog):
    response = client.get(reverse("healthz_ready"), **health_token)
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "down", "broker": "down"},
    }
    assert not [record for record in caplog.records if record.levelname == "ERROR"]


def test_readiness_is_503_when_the_database_is_down(client, database_down, health_token):
    response = client.get(reverse("healthz_ready"), **health_token)
    assert response.status_code == 503
    assert response.json() == {
        "status": "down",
        "checks": {**response.json()["checks"], "database": "down"},
    }


def test_a_short_health_token_stops_start_up():
    import os

    from tests.production import run_here

    result = run_here("-c", "import hub.settings", env={**os.environ, "HEALTH_TOKEN": "short"})
    assert result.returncode != 0
    assert "HEALTH_TOKEN must be at least 32 characters" in result.stderr
