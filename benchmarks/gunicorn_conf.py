"""Gunicorn settings for `make bench`; the command line (run.py) sets bind and workers."""

# Workers are Dockerfile's kind (sync); no access log, so that logging is not what is measured.
worker_class = "sync"
accesslog = None
loglevel = "warning"
# A slow page should be measured as slow, not killed as a timeout.
timeout = 120


def post_worker_init(worker):
    """TEMPORARY: registers a stand-in Tool admin while the catalogue (issue 5) has none.

    Runs after the worker loaded Django and before it serves (and so before the URLs are read).
    Does nothing once catalog/admin.py registers Tool.
    """
    from benchmarks.django_side import register_placeholder_admin

    register_placeholder_admin()
