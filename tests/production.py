"""Start-up checks in a fresh process: production's environment, `manage.py check`, code."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def production_env() -> dict[str, str]:
    """Production's environment: PostgreSQL and Redis, named, never reached by `check`."""
    unset = {"DEBUG", "SECURE_SSL_REDIRECT", "ALLOW_SINGLE_PROCESS"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="hub.example.org",
        SITE_URL="https://hub.example.org",
        DATABASE_URL="postgres://hub@127.0.0.1:5432/hub",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    return env


def run_here(
    *arguments: str, env: dict[str, str] | None = None, timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    """`python *arguments` in a new process in this checkout (with `env`, or this one's)."""
    return subprocess.run(  # noqa: S603 (our own interpreter; arguments from the tests)
        [sys.executable, *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def manage_check(env: dict[str, str], *options: str) -> subprocess.CompletedProcess[str]:
    """`manage.py check` (with `options`) run in a new process with `env` as its environment."""
    return run_here("manage.py", "check", *options, env=env)
