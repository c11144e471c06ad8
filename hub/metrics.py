"""Prometheus metrics (issue 17): `/metrics` on the web app, and a worker's own endpoint.

Requests and latencies per view come from django-prometheus's middleware. The outbox's backlog,
its oldest pending email and the failed deliveries are read from the database at each scrape,
so every node answers the same, true numbers. Task runtimes are recorded by the worker that
runs the task and served by that worker (`CELERY_METRICS_PORT`).

Both endpoints answer only a request from the host itself or one carrying
`Authorization: Bearer <METRICS_TOKEN>`; anyone else gets 404. Nothing in them names a person.
With several processes (gunicorn's workers, Celery's prefork pool) prometheus_client's
multiprocess mode adds them up: `PROMETHEUS_MULTIPROC_DIR` (deploy/gunicorn.conf.py sets it).
"""

from __future__ import annotations

import hmac
import logging
import os
import threading
import time
from typing import TYPE_CHECKING
from wsgiref.simple_server import WSGIRequestHandler, make_server

import prometheus_client
from celery import signals
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import multiprocess
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any
    from wsgiref.simple_server import WSGIServer
    from wsgiref.types import StartResponse, WSGIEnvironment

    from celery import Task


logger = logging.getLogger(__name__)

LOCALHOST = {"127.0.0.1", "::1"}

TASK_RUNTIME = prometheus_client.Histogram(
    "hub_task_runtime_seconds",
    "How long Celery tasks ran, by task and final state.",
    ["task", "state"],
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120),
)


def authorised(remote_addr: str | None, authorization: str | None) -> bool:
    """From this host, or with the metrics token (compared in constant time)."""
    if remote_addr in LOCALHOST:
        return True
    token = settings.METRICS_TOKEN
    if not token or not authorization or not authorization.startswith("Bearer "):
        return False
    return hmac.compare_digest(authorization.removeprefix("Bearer ").encode(), token.encode())


class OutboxCollector(Collector):
    """The outbox as it stands, read at each scrape (two queries on the undelivered index)."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        from django.db.models import Min

        from hub import clock
        from notifications.models import Notification

        pending = Notification.objects.emailed().undelivered()
        summary = pending.aggregate(oldest=Min("created_at"))
        oldest = summary["oldest"]
        yield GaugeMetricFamily(
            "hub_outbox_pending", "Emails written but not yet sent.", value=pending.count()
        )
        yield GaugeMetricFamily(
            "hub_outbox_oldest_pending_age_seconds",
            "Age of the oldest email not yet sent (0 when none waits).",
            value=(clock.now() - oldest).total_seconds() if oldest else 0,
        )
        yield GaugeMetricFamily(
            "hub_outbox_failed",
            "Emails given up after their last attempt, waiting for an administrator's retry.",
            value=Notification.objects.emailed().failed().count(),
        )


def _process_metrics() -> bytes:
    """This process's metrics, or all the processes' in multiprocess mode."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = prometheus_client.CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return prometheus_client.generate_latest(registry)
    return prometheus_client.generate_latest(prometheus_client.REGISTRY)


@never_cache
@require_safe
def metrics(request: HttpRequest) -> HttpResponse:
    if not authorised(request.META.get("REMOTE_ADDR"), request.headers.get("Authorization")):
        raise Http404
    outbox = prometheus_client.CollectorRegistry()
    outbox.register(OutboxCollector())
    body = _process_metrics() + prometheus_client.generate_latest(outbox)
    return HttpResponse(body, content_type=prometheus_client.CONTENT_TYPE_LATEST)


# --- Celery ---------------------------------------------------------------------------------

_started: dict[str, float] = {}


@signals.task_prerun.connect
def _task_started(task_id: str, **_kwargs: Any) -> None:
    _started[task_id] = time.monotonic()


@signals.task_postrun.connect
def _task_finished(task_id: str, task: Task, state: str | None = None, **_kwargs: Any) -> None:
    started = _started.pop(task_id, None)
    if started is not None:
        TASK_RUNTIME.labels(task=task.name, state=state or "UNKNOWN").observe(
            time.monotonic() - started
        )


def worker_metrics_app(environ: WSGIEnvironment, start_response: StartResponse) -> list[bytes]:
    """The worker's endpoint: its task runtimes (and its pool's, in multiprocess mode)."""
    if environ.get("PATH_INFO") != "/metrics" or not authorised(
        environ.get("REMOTE_ADDR"), environ.get("HTTP_AUTHORIZATION")
    ):
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"Not found\n"]
    start_response("200 OK", [("Content-Type", prometheus_client.CONTENT_TYPE_LATEST)])
    return [_process_metrics()]


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base class's name)
        logger.debug("worker metrics: %s", format % args)


# On every interface: Prometheus scrapes the worker from outside its pod or container; the
# token (or this host) is still required.
def serve_worker_metrics(port: int, addr: str = "0.0.0.0") -> WSGIServer:  # noqa: S104  # nosec B104
    """Serve `worker_metrics_app` in a daemon thread; returns the server."""
    server = make_server(addr, port, worker_metrics_app, handler_class=_QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True, name="metrics").start()
    return server


@signals.worker_ready.connect
def _start_worker_metrics(**_kwargs: Any) -> None:
    if port := settings.CELERY_METRICS_PORT:
        serve_worker_metrics(port)
        logger.info("Worker metrics on port %s (/metrics)", port)
