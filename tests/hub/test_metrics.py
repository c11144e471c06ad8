"""Prometheus metrics (issue 17): who may read them, and that they tell the truth."""

import importlib.util
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from hub import metrics
from hub.tasks import ping
from notifications.models import Notification
from tests.factories import NotificationFactory
from tests.production import run_here

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]

TOKEN = "metrics-token-for-tests-0123456789"
OUTSIDE = {"REMOTE_ADDR": "203.0.113.9"}


@pytest.fixture(autouse=True)
def _token(settings):
    settings.METRICS_TOKEN = TOKEN


def _scrape(client, **headers) -> str:
    response = client.get("/metrics", **{**OUTSIDE, **headers})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    return response.content.decode()


def _value(text: str, sample: str) -> float:
    (line,) = [line for line in text.splitlines() if line.startswith(sample + " ")]
    return float(line.split()[-1])


def test_outsiders_without_the_token_get_404(client, settings):
    assert client.get("/metrics", **OUTSIDE).status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong", **OUTSIDE).status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION=TOKEN, **OUTSIDE).status_code == 404
    # No token configured: an empty bearer is not a match.
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ", **OUTSIDE).status_code == 404


def test_this_host_and_the_token_may_read_them(client):
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="::1").status_code == 200
    _scrape(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}")


def test_requests_and_latencies_are_counted_per_view(client):
    client.get("/")
    text = _scrape(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert (
        'django_http_requests_latency_seconds_by_view_method_count{method="GET",view="landing"}'
        in text
    )
    assert (
        'django_http_responses_total_by_status_view_method_total{method="GET",status="200",view="landing"}'
        in text
    )


def test_the_outbox_backlog_its_oldest_email_and_failures(client, member):
    now = timezone.now()
    email = {"recipient": member, "channel": Notification.Channel.EMAIL}
    NotificationFactory(**email, created_at=now - timedelta(minutes=10))
    NotificationFactory(**email, created_at=now - timedelta(minutes=1))
    NotificationFactory(**email, created_at=now - timedelta(days=2), sent_at=now)
    NotificationFactory(**email, created_at=now - timedelta(days=3), failed_at=now)
    NotificationFactory(recipient=member, created_at=now - timedelta(days=9))  # centre only
    text = _scrape(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert _value(text, "hub_outbox_pending") == 2
    assert 600 <= _value(text, "hub_outbox_oldest_pending_age_seconds") < 700
    assert _value(text, "hub_outbox_failed") == 1


def test_an_empty_outbox_has_no_age(client):
    text = _scrape(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert _value(text, "hub_outbox_pending") == 0
    assert _value(text, "hub_outbox_oldest_pending_age_seconds") == 0


def test_task_runtimes_are_recorded_by_task_and_state(client):
    sample = 'hub_task_runtime_seconds_count{state="SUCCESS",task="hub.tasks.ping"}'
    text = _scrape(client, REMOTE_ADDR="127.0.0.1")
    before = _value(text, sample) if sample in text else 0
    ping.delay("metrics")
    assert _value(_scrape(client, REMOTE_ADDR="127.0.0.1"), sample) == before + 1


def test_the_worker_endpoint_asks_the_same(settings):
    server = metrics.serve_worker_metrics(0, "127.0.0.1")
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        with urllib.request.urlopen(f"{base}/metrics", timeout=5) as response:  # noqa: S310
            assert b"hub_task_runtime_seconds" in response.read()
        with pytest.raises(urllib.error.HTTPError) as not_found:
            urllib.request.urlopen(f"{base}/other", timeout=5)  # noqa: S310
        assert not_found.value.code == 404
    finally:
        server.shutdown()
        server.server_close()
    start = []
    environ = {"PATH_INFO": "/metrics", "REMOTE_ADDR": "203.0.113.9"}
    metrics.worker_metrics_app(environ, lambda status, headers: start.append(status))
    environ["HTTP_AUTHORIZATION"] = f"Bearer {TOKEN}"
    metrics.worker_metrics_app(environ, lambda status, headers: start.append(status))
    assert start == ["404 Not Found", "200 OK"]


def test_gunicorn_starts_every_run_with_an_empty_metrics_folder(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location(
        "gunicorn_conf", ROOT / "deploy" / "gunicorn.conf.py"
    )
    gunicorn_conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gunicorn_conf)
    folder = tmp_path / "prometheus"
    folder.mkdir()
    (folder / "counter_123.db").write_bytes(b"stale")
    monkeypatch.setattr(gunicorn_conf, "_metrics_dir", folder)
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    gunicorn_conf.on_starting(server=None)
    assert folder.is_dir() and not list(folder.iterdir())
    assert gunicorn_conf.os.environ["PROMETHEUS_MULTIPROC_DIR"] == str(folder)
    assert gunicorn_conf.bind == "0.0.0.0:8000" and gunicorn_conf.graceful_timeout == 50


def test_loading_gunicorns_config_imports_no_prometheus_client():
    """prometheus_client picks single- or multiprocess mode at import: not before on_starting."""
    code = (
        "import runpy, sys; runpy.run_path('deploy/gunicorn.conf.py'); "
        "print('prometheus_client' in sys.modules, 'hub' in sys.modules)"
    )
    result = run_here("-c", code, timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]
