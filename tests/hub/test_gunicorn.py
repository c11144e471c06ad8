"""The image's gunicorn sends no `Server:` banner (issue 16, item 10).

Starts gunicorn on 127.0.0.1 the way docker-compose.yml's web service does (its own arguments,
from the project's root, where the image's WORKDIR puts gunicorn.conf.py) and reads a response.
"""

import http.client
import os
import shlex
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def _compose_gunicorn_args() -> list[str]:
    """The web service's gunicorn arguments, after `exec gunicorn`."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    command = " ".join(compose["services"]["web"]["command"])
    words = shlex.split(command.rpartition("exec gunicorn")[2])
    assert words[0] == "hub.wsgi:application", command
    assert "-c" not in words and "--config" not in words, "the config is read from WORKDIR"
    return words


def test_the_image_runs_gunicorn_where_its_config_file_is():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "WORKDIR /app" in dockerfile and "COPY --chown=hub:hub . ." in dockerfile
    assert (ROOT / "gunicorn.conf.py").is_file()
    assert "gunicorn.conf.py" not in (ROOT / ".gitignore").read_text()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _first_response(port: int, process: subprocess.Popen, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stdout.read()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/about/", headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            response.read()
            return response
        except OSError:
            time.sleep(0.1)  # gunicorn is still starting: poll, with a deadline
        finally:
            connection.close()
    raise AssertionError(f"gunicorn did not answer within {seconds} s")


@pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is not installed beside python")
def test_gunicorn_sends_no_server_header(tmp_path):
    args = _compose_gunicorn_args()
    port = _free_port()
    bind = args.index("--bind")
    args[bind + 1] = f"127.0.0.1:{port}"
    args[args.index("--workers") + 1] = "1"
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "test-only-key-not-for-production",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'gunicorn.sqlite3'}",
    }
    env.pop("REDIS_URL", None)
    process = subprocess.Popen(  # noqa: S603 - our own gunicorn, on 127.0.0.1
        [str(GUNICORN), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        response = _first_response(port, process)
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert response.status < 500, response.status
    assert response.getheader("Server") is None, response.getheaders()
    assert "gunicorn" not in str(response.getheaders()).lower()
