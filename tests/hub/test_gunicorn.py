"""The image's gunicorn sends no `Server:` banner (issue 16, item 10).

Starts gunicorn on 127.0.0.1 the way docker-compose.yml's web service does (its own arguments,
its config file `deploy/gunicorn.conf.py`, from the project's root, the image's WORKDIR) and
reads a response.
"""

import http.client
import os
import re
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
    """The web service's gunicorn arguments (whatever runs before `gunicorn` in its command)."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    command = compose["services"]["web"]["command"]
    words = shlex.split(command if isinstance(command, str) else " ".join(command))
    return words[words.index("gunicorn") + 1 :]


def _with_option(args: list[str], option: str, value: str) -> list[str]:
    """`args` with `option` set to `value`, whether the command gave it or not."""
    if option in args:
        args = list(args)
        args[args.index(option) + 1] = value
        return args
    return [*args, option, value]


def test_the_image_and_compose_run_gunicorn_with_its_config_file():
    dockerfile = (ROOT / "Dockerfile").read_text()
    # The whole checkout (so deploy/gunicorn.conf.py) is copied into the WORKDIR gunicorn starts in.
    assert "WORKDIR /app" in dockerfile
    assert re.search(r"^COPY\b.* \. \.$", dockerfile, re.MULTILINE), "COPY . . into /app"
    args = _compose_gunicorn_args()
    assert args[args.index("--config") + 1] == "deploy/gunicorn.conf.py"
    assert (ROOT / "deploy" / "gunicorn.conf.py").is_file()
    assert '"--config", "deploy/gunicorn.conf.py"' in dockerfile


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
    port = _free_port()
    args = _with_option(_compose_gunicorn_args(), "--bind", f"127.0.0.1:{port}")
    args = _with_option(args, "--workers", "1")
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "test-only-key-not-for-production",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "ALLOW_SINGLE_PROCESS": "true",
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
