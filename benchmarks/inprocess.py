"""Where a page's time goes, in-process: Python and SQL, each page beside the floor (issue 18).

    DATABASE_URL=postgres://…/hub_bench_10000 python -m benchmarks.inprocess
        [--pages floor,search,fresh] [--requests 40] [--language en]

Against a database `run.py` left behind (or any seeded one), as a verified member (the same
people and sessions as `run.py`: `django_side`), it requests the pages of `pages.toml` with
Django's test client in turn, one request of each page per round, so that the machine's moods
fall on every page alike; a path holding `__FRESH__` gets a new word each time, as under wrk.
For each page it prints the medians of a request's wall time, of this process's CPU time
(Python, the template and psycopg's work) and of the time spent in SQL (measured around each
statement: the database's share, with the round trip), and their ratios to the floor's.

Unlike `run.py`, nothing runs concurrently: the ratios of wall time here are a page's latency on
an idle machine; under wrk's load, where PostgreSQL and the workers share the two cores, a page
costs about its CPU time plus its SQL time.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks import django_side
from benchmarks.django_side import FRESH

if TYPE_CHECKING:
    from collections.abc import Callable

PAGES_FILE = Path(__file__).with_name("pages.toml")


@dataclass
class Timings:
    """One page's requests: milliseconds each."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    sql: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)


class SqlClock:
    """Times every statement of this process's database connection (an execute wrapper)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.statements = 0

    def __call__(self, execute: Callable, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.statements += 1


def measure(
    paths: dict[str, str], requests: int, get: Callable[[str], int], fresh: Callable[[], str]
) -> dict[str, Timings]:
    """{page: its timings}, the pages requested in turn `requests` times (after one warm-up
    round, not counted). `get` requests a path and returns its status; `fresh()` gives the
    word that takes the place of `FRESH` in a path."""
    from django.db import connection

    clock = SqlClock()
    timings = {key: Timings() for key in paths}
    with connection.execute_wrapper(clock):
        for round_number in range(requests + 1):
            for key, path in paths.items():
                url = path.replace(FRESH, fresh()) if FRESH in path else path
                clock.seconds, clock.statements = 0.0, 0
                cpu, wall = time.process_time(), time.perf_counter()
                status = get(url)
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                if status != 200:
                    sys.exit(f"{url} answered {status}: is the database seeded?")
                if round_number:  # the first round warms the caches and the connection
                    timings[key].wall.append(wall * 1000)
                    timings[key].cpu.append(cpu * 1000)
                    timings[key].sql.append(clock.seconds * 1000)
                    timings[key].queries.append(clock.statements)
    return timings


def table(timings: dict[str, Timings], labels: dict[str, str]) -> list[str]:
    """A Markdown table: each page's medians and their ratios to the first page's (the floor)."""
    floor = next(iter(timings.values()))
    base = {part: statistics.median(getattr(floor, part)) for part in ("wall", "cpu", "sql")}
    lines = [
        "| page | wall ms | to floor | CPU ms | to floor | SQL ms | CPU + SQL to floor | queries |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for key, page in timings.items():
        wall, cpu, sql = (statistics.median(getattr(page, p)) for p in ("wall", "cpu", "sql"))
        lines.append(
            f"| {labels[key]} | {wall:.1f} | {wall / base['wall']:.2f} | {cpu:.1f}"
            f" | {cpu / base['cpu']:.2f} | {sql:.1f}"
            f" | {(cpu + sql) / (base['cpu'] + base['sql']):.2f}"
            f" | {statistics.median(page.queries):.0f} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="floor,search,fresh", help="keys in pages.toml")
    parser.add_argument("--requests", type=int, default=40, help="of each page")
    parser.add_argument("--language", default="en", help="the member's language")
    parser.add_argument("--pages-file", default=str(PAGES_FILE))
    args = parser.parse_args(argv)
    django_side.setup()
    from django.conf import settings
    from django.test import Client

    from benchmarks import pages as pages_module

    config = pages_module.load(args.pages_file)
    by_key = {page.key: page for page in config.pages}
    keys = args.pages.split(",")
    if unknown := [key for key in keys if key not in by_key]:
        sys.exit(f"No such page in {args.pages_file}: {', '.join(unknown)}")
    if by_key[keys[0]].role != "floor":
        sys.exit("The first page must be the floor: every ratio is to it.")
    if any(by_key[key].user != "member" for key in keys):
        sys.exit("Only the member's pages are measured here.")
    tool, _reviews = django_side.pick_tool(config.tool)
    values = {"tool": tool, **pages_module.query_strings(config, django_side.facet_values(config))}
    member = django_side.bench_user(django_side.MEMBER_EMAIL)
    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE=args.language)
    client.cookies[settings.SESSION_COOKIE_NAME] = django_side.verified_session(*member)
    run = f"zq{time.time_ns():x}x"  # a word no earlier run has used, as `wrk.lua` makes them
    words = (f"{run}{n}" for n in itertools.count())
    timings = measure(
        {key: pages_module.fill(by_key[key].path, values) for key in keys},
        args.requests,
        lambda url: client.get(url).status_code,
        lambda: next(words),
    )
    print("\n".join(table(timings, {key: by_key[key].label for key in keys})))
    return 0


if __name__ == "__main__":
    sys.exit(main())
