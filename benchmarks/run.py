"""`make bench`: the catalogue at 1,000 and 10,000 tools, side by side with the Django admin.

For each catalogue size: build a PostgreSQL database and seed it, start the hub under gunicorn
with production settings and Redis, sign a member and a curator in with verified sessions,
count each page's SQL queries in-process, load each page with wrk, and read the workers' peak
memory. Then write benchmarks/RESULTS.md, print the same, and judge the targets of issue 10.
See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from benchmarks import report
from benchmarks.django_side import PREPARED_MARKER

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "benchmarks"
BIN = Path(sys.executable).parent
LUA = HERE / "wrk.lua"
GUNICORN_CONF = HERE / "gunicorn_conf.py"
LOG_DIR = ROOT / "var" / "bench"


def log(message: str) -> None:
    print(f"[bench {datetime.now(UTC):%H:%M:%S}] {message}", flush=True)


def run(cmd: list[str], *, env: dict | None = None, timeout: float = 900) -> str:
    """Run `cmd` from the project's root; on failure stop with its output."""
    result = subprocess.run(
        cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        command = " ".join(cmd)
        sys.exit(f"Command failed ({result.returncode}): {command}\n{result.stdout}{result.stderr}")
    return result.stdout


# --- Services ------------------------------------------------------------------------------


class Postgres:
    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.url = url.rstrip("/")
        self.args = [
            "-h",
            parts.hostname or "127.0.0.1",
            "-p",
            str(parts.port or 5432),
            "-U",
            parts.username or "postgres",
        ]
        self.env = {**os.environ, **({"PGPASSWORD": parts.password} if parts.password else {})}

    def database_url(self, name: str) -> str:
        return f"{self.url}/{name}"

    def recreate(self, name: str, *, template: str | None = None) -> None:
        run(["dropdb", *self.args, "--if-exists", "--force", name], env=self.env)
        run(["createdb", *self.args, *(["-T", template] if template else []), name], env=self.env)

    def sql(self, database: str, statement: str) -> str:
        cmd = ["psql", *self.args, "-d", database, "-tAc", statement]
        return run(cmd, env=self.env).strip()


def flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def free_port(port: int = 0) -> int:
    """`port` when it is free (0: any free port)."""
    with socket.socket() as sock:
        # As gunicorn binds: a port the last hub left in TIME_WAIT is free.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        return sock.getsockname()[1]


def parent_pid(stat: str) -> int:
    """The parent's pid from /proc/<pid>/stat; the command name may hold spaces or ")"."""
    return int(stat.rsplit(")", 1)[1].split()[1])


def hub_env(database_url: str, redis_url: str, secret_key: str) -> dict[str, str]:
    """Production settings: DEBUG off, a key, Redis; no TLS proxy here, so no HTTPS redirect."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings",
        "DEBUG": "false",
        "SECRET_KEY": secret_key,
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        # Seeding may queue notifications: never let a benchmark send email.
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_LEVEL": "WARNING",
    }


class Hub:
    """The hub under gunicorn, on a free local port."""

    def __init__(self, env: dict[str, str], workers: int, log_path: Path, port: int = 0) -> None:
        self.port = free_port(port)
        self.workers = workers
        self.log = log_path.open("w")
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "hub.wsgi:application",
                "--config",
                str(GUNICORN_CONF),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.url = f"http://127.0.0.1:{self.port}"

    def wait_healthy(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn stopped (exit {self.process.returncode}); see {self.log.name}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        sys.exit(f"/healthz did not answer 200 within {seconds:.0f} s; see {self.log.name}")

    def drain(self) -> None:
        """Wait until the requests wrk left behind are served.

        wrk stops on time, but the requests it had sent still wait in the listen queue and the
        sync workers serve them: the next page's first requests would wait behind them. A probe
        sent now is served after them; one per worker.
        """
        for _ in range(self.workers):
            with urllib.request.urlopen(f"{self.url}/healthz", timeout=120) as response:  # noqa: S310
                response.read()

    def worker_pids(self) -> list[int]:
        """The gunicorn workers: the processes whose parent is the master."""
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if parent_pid(stat) == self.process.pid:
                pids.append(int(entry.name))
        return pids

    def worker_peak_mb(self) -> float | None:
        peaks = []
        for pid in self.worker_pids():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    peaks.append(int(line.split()[1]) / 1024)  # kB → MB
        return max(peaks) if peaks else None

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def wrk(
    url: str, cookie: str, keys: list[str], paths: list[str], seconds: int, connections: int
) -> report.WrkResult:
    """One wrk run: one thread, connection and session per connection; paths in turn."""
    cmd = [
        "wrk",
        "--latency",
        "--threads",
        str(connections),
        "--connections",
        str(connections),
        "--duration",
        f"{seconds}s",
        "--timeout",
        "30s",
        "--script",
        str(LUA),
        url,
        "--",
        cookie,
        ",".join(keys[:connections]),
        *paths,
    ]
    return report.parse_wrk_output(run(cmd, timeout=seconds + 120))


# --- The machine ------------------------------------------------------------------------


def _first_line(path: str, prefix: str) -> str:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def _os_name() -> str:
    for line in Path("/etc/os-release").read_text().splitlines():
        if line.startswith("PRETTY_NAME="):
            return line.split("=", 1)[1].strip('"')
    return platform.platform()


def machine(postgres: Postgres, database: str, redis_url: str) -> dict[str, str]:
    import redis

    mem_kb = _first_line("/proc/meminfo", "MemTotal").split()[0]
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True, check=False)
    git = run(["git", "rev-parse", "--abbrev-ref", "HEAD"]).strip()
    commit = run(["git", "rev-parse", "--short", "HEAD"]).strip()
    # Markdown (RESULTS.md itself, about to change; the README) does not change the code measured.
    changes = run(["git", "status", "--porcelain", "--", ".", ":(exclude)*.md"])
    dirty = " (with uncommitted changes)" if changes.strip() else ""
    return {
        "Date": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "Code": f"branch {git}, commit {commit}{dirty}",
        "CPU": f"{_first_line('/proc/cpuinfo', 'model name')}, {os.cpu_count()} cores "
        "(shared by the hub, PostgreSQL, Redis and wrk)",
        "RAM": f"{int(mem_kb) / 1024 / 1024:.1f} GB",
        "Load average (1, 5, 15 min) at the end": ", ".join(f"{n:.2f}" for n in os.getloadavg()),
        "Shared": "yes: other engineers' test runs and benchmarks may use the same two cores "
        "during a run (the load average above shows how busy it was); compare ratios, not "
        "absolute latencies, across runs",
        "OS": _os_name(),
        "Python": platform.python_version(),
        "PostgreSQL": postgres.sql(database, "SHOW server_version"),
        "Redis": str(redis.Redis.from_url(redis_url).info("server")["redis_version"]),
        "Django / gunicorn": f"{version('django')} / {version('gunicorn')}",
        "wrk": (wrk_version.stdout or wrk_version.stderr).splitlines()[0].split(" Copyright")[0],
    }


# --- One catalogue size -----------------------------------------------------------------


def build_database(
    args: argparse.Namespace,
    postgres: Postgres,
    template: str,
    tools: int,
    env_for: Callable[[str], dict[str, str]],
    result: report.Run,
) -> str:
    name = f"{args.db_prefix}_{tools}"
    log(f"{tools:,} tools: database {name}")
    postgres.recreate(name, template=template)
    env = env_for(postgres.database_url(name))
    manage = [str(BIN / "python"), "manage.py"]
    started = time.monotonic()
    log(run([*manage, "seed_demo", "--tools", str(tools)], env=env).strip() or "seed_demo: —")
    result.seed_seconds[tools] = time.monotonic() - started
    log(f"  seed_demo --tools {tools}: {result.seed_seconds[tools]:.0f} s")
    postgres.sql(name, "VACUUM ANALYZE")
    return name


def prepare(pages_file: Path, sessions: int, env: dict[str, str]) -> dict:
    cmd = [str(BIN / "python"), "-m", "benchmarks.django_side", "prepare"]
    out = run([*cmd, "--pages", str(pages_file), "--sessions", str(sessions)], env=env)
    lines = [line for line in out.splitlines() if line.startswith(PREPARED_MARKER)]
    if not lines:
        sys.exit(f"prepare printed no result:\n{out}")
    return json.loads(lines[-1][len(PREPARED_MARKER) :])


def measure_size(
    args: argparse.Namespace, tools: int, env: dict[str, str], result: report.Run
) -> dict:
    flush_redis(args.redis_url)
    prepared = prepare(args.pages, max(args.connections, args.soak_connections), env)
    refused = [user for user, ok in prepared["signed_in"].items() if not ok]
    if refused:
        sys.exit(
            f"The hub did not take the bench {' and '.join(refused)} as signed in, verified and "
            "an active member: nothing to measure."
        )
    floor = prepared["pages"][0]
    if floor["status"] != 200:
        sys.exit(
            f"The floor {floor['path']} answered {floor['status']} in-process: the bench "
            "member's verified session was refused. Nothing to measure."
        )
    log(
        f"{prepared['tools']['published']:,} of {prepared['tools']['all']:,} tools published; "
        f"tool page: {prepared['tool']['slug']} ({prepared['tool']['reviews']} reviews)"
    )
    hub = Hub(env, args.workers, LOG_DIR / f"gunicorn_{tools}.log", args.port)
    try:
        hub.wait_healthy()
        cookie, keys = prepared["cookie_name"], prepared["keys"]
        rounds: dict[str, list[report.WrkResult]] = {p["key"]: [] for p in prepared["pages"]}
        for number in range(args.rounds):
            log(f"  round {number + 1} of {args.rounds}")
            for page in prepared["pages"]:
                user_keys, paths = keys[page["user"]], [page["path"]]
                if args.warmup and number == 0:
                    wrk(hub.url, cookie, user_keys, paths, args.warmup, args.connections)
                    hub.drain()
                measured = wrk(hub.url, cookie, user_keys, paths, args.duration, args.connections)
                hub.drain()
                rounds[page["key"]].append(measured)
        for page in prepared["pages"]:
            measured = report.combine(rounds[page["key"]])
            result.pages.append(
                report.PageResult(
                    tools=tools,
                    key=page["key"],
                    role=page["role"],
                    label=page["label"],
                    path=page["path"],
                    status=page["status"],
                    queries=page["queries"],
                    queries_cold=page["queries_cold"],
                    wrk=measured,
                )
            )
            log(
                f"  {page['label']}: {measured.requests_per_s:.1f} req/s, median "
                f"{measured.p50_ms:.1f} ms, p95 {measured.p95_ms:.1f} ms, {measured.errors} "
                f"errors, {page['queries']} queries (in-process status {page['status']})"
            )
        if args.soak_seconds and tools == max(args.sizes):
            member_paths = [p["path"] for p in prepared["pages"] if p["user"] == "member"]
            log(f"  soak: {args.soak_connections} connections, {args.soak_seconds} s")
            hub.drain()
            result.soak = wrk(
                hub.url,
                cookie,
                keys["member"],
                member_paths,
                args.soak_seconds,
                args.soak_connections,
            )
            result.soak_connections, result.soak_seconds = args.soak_connections, args.soak_seconds
        peak = hub.worker_peak_mb()
        if peak is not None:
            result.worker_peak_mb[tools] = peak
    finally:
        hub.stop()
    return prepared


# --- The command ------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="catalogue sizes, comma-separated")
    parser.add_argument("--rounds", type=int, default=3, help="rounds over every page")
    parser.add_argument(
        "--duration", type=int, default=4, help="seconds of load per page in each round"
    )
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--soak-seconds", type=int, default=30, help="0: no soak run")
    parser.add_argument("--soak-connections", type=int, default=16)
    parser.add_argument("--pages", default=str(HERE / "pages.toml"), help="the pages file")
    parser.add_argument("--results", default=str(HERE / "RESULTS.md"))
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/8")
    parser.add_argument("--db-prefix", default="hub_bench")
    parser.add_argument("--port", type=int, default=0, help="the hub's port (0: any free one)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args(argv)
    args.sizes = sorted(int(size) for size in args.sizes.split(","))
    args.pages = Path(args.pages)
    return args


def setup_lines(args: argparse.Namespace, prepared: dict[str, Any]) -> list[str]:
    sizes = ", ".join(f"{n:,}" for n in args.sizes)
    tool = prepared["tool"]
    return [
        (
            f"Per catalogue size ({sizes} tools): a fresh PostgreSQL database "
            f"`{args.db_prefix}_<N>` (migrated once, copied from a template), "
            f"`manage.py seed_demo --tools N`, `VACUUM ANALYZE`; Redis db emptied."
        ),
        (
            f"Hub: gunicorn, {args.workers} sync workers (the Dockerfile's worker class; one per "
            "core, because wrk, PostgreSQL and Redis share the same cores and more workers would "
            "measure context switches), production settings (DEBUG off, a secret key, Redis cache "
            f"at `{args.redis_url}`, database sessions), SECURE_SSL_REDIRECT=false and "
            "ALLOWED_HOSTS=127.0.0.1 because no TLS proxy stands in front of it here."
        ),
        (
            "Signed in: sessions built as `django.contrib.auth.login` and `django_otp.login` "
            "store them (user id, backend, password hash, verified TOTP device); every request "
            "goes through the whole middleware stack and the access policy. Member pages as a "
            "vetted member in date; the admin as a staff curator with only `catalog.view_tool` "
            "(not a superuser)."
        ),
        (
            f"Load: wrk, {args.warmup} s warm-up per page, then {args.rounds} rounds of "
            f"{args.duration} s per page, each page in turn (so that load from elsewhere on the "
            f"machine falls on every page alike), {args.connections} connections (a thread and "
            "a session each), timeout 30 s. Requests and errors add up over the rounds; median "
            "and p95 are the median of the rounds'. Errors: responses outside 2xx (redirects "
            "included) and socket errors."
        ),
        (
            "SQL queries: the same page requested in-process (Django's test client, a session "
            "of the same kind, the same database and Redis), counted with "
            "`CaptureQueriesContext`: a warm request, and the first request after emptying the "
            "cache when that differs (cold)."
        ),
        "Memory: the highest VmHWM among the gunicorn workers after all runs at that size.",
        (
            f"Pages file: `{args.pages.resolve().relative_to(ROOT)}`; tool page: "
            f"`{tool['slug']}` ({tool['reviews']} reviews)."
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    started = time.monotonic()
    args = parse_args(argv)
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: `apt-get install -y wrk` (make bench does it).")
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    postgres = Postgres(args.postgres)
    secret_key = "bench-" + secrets.token_urlsafe(48)

    def env_for(database_url: str) -> dict[str, str]:
        return hub_env(database_url, args.redis_url, secret_key)

    template = f"{args.db_prefix}_template"
    log(f"migrating {template}")
    postgres.recreate(template)
    template_env = env_for(postgres.database_url(template))
    run([str(BIN / "python"), "manage.py", "migrate", "--noinput"], env=template_env)
    run([str(BIN / "python"), "manage.py", "collectstatic", "--noinput"], env=template_env)

    result = report.Run()
    prepared: dict = {}
    last_database = template
    for tools in args.sizes:
        last_database = build_database(args, postgres, template, tools, env_for, result)
        prepared = measure_size(args, tools, env_for(postgres.database_url(last_database)), result)
        result.load[tools] = ", ".join(f"{n:.2f}" for n in os.getloadavg())
        log(f"  load average after {tools:,} tools: {result.load[tools]}")

    text = report.render(
        result,
        machine=machine(postgres, last_database, args.redis_url),
        setup=setup_lines(args, prepared),
    )
    Path(args.results).write_text(text + "\n", encoding="utf-8")
    # The figures themselves, for the growth curve (`python -m benchmarks.report --svg`).
    Path(args.results).with_suffix(".json").write_text(
        json.dumps(dataclasses.asdict(result), indent=1) + "\n", encoding="utf-8"
    )
    print()
    print(text)
    checks = report.check_targets(result)
    print("Targets:")
    for check in checks:
        print(f"  {check.verdict:4}  {check.target}: {check.figure}")
    log(f"done in {time.monotonic() - started:.0f} s; written to {args.results}")
    return 1 if args.strict and any(check.passed is False for check in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
