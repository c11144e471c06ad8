"""Gunicorn settings for the hub's image: gunicorn reads ./gunicorn.conf.py from /app by itself.

The command line (docker-compose.yml, the Dockerfile) still sets bind, workers and the log; this
file holds what the command line cannot say.
"""


def on_starting(server) -> None:
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

    def without_server_header(self) -> list[str]:
        return [line for line in default_headers(self) if not line.lower().startswith("server:")]

    without_server_header.drops_server_header = True
    Response.default_headers = without_server_header
