"""The SQLite fallback's worst cases at N tools, in-process and uncached (issue 15).

    python -m benchmarks.sqlite_search --tools 10000      # seeds var/bench_sqlite_10000.sqlite3

Each query is answered the way `catalog.views.index` answers a search no cache has seen: the
facet counts with the number of matching tools, then the first page, sorted by relevance. The
cache is emptied before every request. Prints one line per query: the median and the slowest
of `--repeat` runs, in milliseconds, and the words the fallback used. The target: under 2 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

QUERIES = {
    "one letter": "a",
    "two letters": "ab",
    "one word": "image",
    "ten short words": "an of to in is it on by at or",
    "ten words": "image hash video chat age face text voice scan web",
    "a pasted paragraph": " ".join(["investigation seized media triage"] * 25),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tools", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    database = root / "var" / f"bench_sqlite_{args.tools}.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.pop("REDIS_URL", None)  # a local-memory cache, emptied before every request
    os.environ.setdefault("SECRET_KEY", "bench-only-key-not-for-production")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    if not database.exists():
        database.parent.mkdir(exist_ok=True)
        manage = [sys.executable, str(root / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], check=True)
        subprocess.run([*manage, "seed_demo", "--tools", str(args.tools)], check=True)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.paginator import Paginator
    from django.http import QueryDict

    from catalog.filters import ToolFilter
    from catalog.models import Tool

    print(f"SQLite fallback at {Tool.objects.published().count()} published tools")
    worst = 0.0
    for label, query in QUERIES.items():
        timings = []
        for _ in range(args.repeat):
            cache.clear()
            started = time.perf_counter()
            filterset = ToolFilter(QueryDict(f"q={query}"), queryset=Tool.objects.published())
            filterset.counts()
            list(Paginator(filterset.qs, 20).get_page(1).object_list)
            timings.append((time.perf_counter() - started) * 1000)
        words = Tool.objects.all().fallback_words(query)
        worst = max(worst, *timings)
        print(
            f"{label:>20}: median {statistics.median(timings):7.1f} ms,"
            f" slowest {max(timings):7.1f} ms, words used {words}"
        )
    print(f"slowest of all: {worst:.0f} ms ({'PASS' if worst < 2000 else 'FAIL'}: under 2 s)")
    return 0 if worst < 2000 else 1


if __name__ == "__main__":
    sys.exit(main())
