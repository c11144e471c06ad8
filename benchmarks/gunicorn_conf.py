"""Gunicorn settings for `make bench`; the command line (run.py) sets bind and workers."""

# Workers are Dockerfile's kind (sync); no access log, so that logging is not what is measured.
worker_class = "sync"
accesslog = None
loglevel = "warning"
# A slow page should be measured as slow, not killed as a timeout.
timeout = 120
