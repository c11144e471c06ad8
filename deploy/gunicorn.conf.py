"""gunicorn's settings for the hub: `gunicorn -c deploy/gunicorn.conf.py hub.wsgi:application`.

Metrics (hub/metrics.py) are per process; with several gunicorn workers each scrape would see
one of them. prometheus_client's multiprocess mode adds them up through files in one folder,
emptied at each start so that a restart begins from zero. prometheus_client reads the folder's
name once, when it is first imported: this file is a path, not a module of the `hub` package,
so that loading it imports nothing of the hub (whose Celery app imports prometheus_client)
before `on_starting` has set the name for the workers.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gunicorn.arbiter import Arbiter
    from gunicorn.http.wsgi import Response
    from gunicorn.workers.base import Worker


bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")  # inside the container
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
# Shorter than the stop grace period (60 s) of docker-compose.yml and Kubernetes.
graceful_timeout = 50
accesslog = "-"

_metrics_dir = Path(
    os.environ.get("PROMETHEUS_MULTIPROC_DIR") or Path(tempfile.gettempdir()) / "hub-prometheus"
)


def on_starting(server: Arbiter) -> None:
    _drop_server_header()
    shutil.rmtree(_metrics_dir, ignore_errors=True)
    _metrics_dir.mkdir(parents=True)
    # Set before any worker imports prometheus_client: it reads this once, at import.
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(_metrics_dir)


def child_exit(server: Arbiter, worker: Worker) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def _drop_server_header() -> None:
    """Send no `Server:` header at all (issue 16): it names the server software to scanners.

    Gunicorn has no setting for it and writes the header itself, before the app's own, so a
    Django middleware cannot remove it. This runs in the master before any worker is forked,
    so every worker inherits it. tests/hub/test_gunicorn.py starts gunicorn as the image does
    and reads the headers: a gunicorn that renames the method fails there, not in production.
    """
    from gunicorn.http.wsgi import Response

    if getattr(Response.default_headers, "drops_server_header", False):
        return
    default_headers = Response.default_headers

    def without_server_header(self: Response) -> list[str]:
        return [line for line in default_headers(self) if not line.lower().startswith("server:")]

    # A mark on the function, so that a second call leaves it alone (functions take attributes).
    without_server_header.drops_server_header = True  # type: ignore[attr-defined]
    Response.default_headers = without_server_header
