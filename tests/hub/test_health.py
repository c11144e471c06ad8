import pytest
from django.urls import reverse

from hub import views

pytestmark = pytest.mark.django_db


def test_healthy_hub_reports_each_dependency(client, settings):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"] == "ok"
    assert ("broker" in body["checks"]) == bool(settings.CELERY_BROKER_URL)
    assert response["Cache-Control"].startswith("max-age=0")


def test_a_dependency_down_makes_it_503(client, monkeypatch):
    def broken():
        raise ConnectionError("database is gone")

    monkeypatch.setattr(views, "_check_database", broken)
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json() == {
        "status": "down",
        "checks": {**response.json()["checks"], "database": "down"},
    }


def test_an_unreachable_broker_is_reported(client, settings, monkeypatch):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["checks"]["broker"] == "down"
