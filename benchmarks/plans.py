"""EXPLAIN ANALYZE of the catalogue's facet counts for a search no cache has seen (issue 18).

    DATABASE_URL=postgres://…/bench_search_10000 python -m benchmarks.plans [--old FILE]

Prints the plan of the one statement that counts every facet for `q=triage` and three facets
(those of `benchmarks/pages.toml`), with its execution time; `--old` loads another version of
`catalog/filters.py` (for instance `git show <commit>:catalog/filters.py`) to compare with.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys

QUERY = (
    "q=triage&capability=triage-and-prioritisation&licence=free-for-law-enforcement"
    "&deployment=on-premises&sort=relevance"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", help="another catalog/filters.py to compare with")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    import django

    django.setup()
    from django.db import connection
    from django.http import QueryDict
    from django.test.utils import CaptureQueriesContext

    from catalog.models import Tool

    if args.old:
        spec = importlib.util.spec_from_file_location("old_filters", args.old)
        filters = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(filters)
    else:
        from catalog import filters

    filterset = filters.ToolFilter(QueryDict(QUERY), queryset=Tool.objects.published())
    with CaptureQueriesContext(connection) as queries:
        if hasattr(filterset, "counts_and_page"):  # since issue 18: counts and page, one pass
            filterset.counts_and_page(offset=0, limit=20)
        else:
            filterset._count()
    sql = queries.captured_queries[-1]["sql"]
    with connection.cursor() as cursor:
        for _ in range(3):  # warm the buffers; the last plan is printed
            cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) " + sql)
        plan = [row[0] for row in cursor.fetchall()]
    print(f"-- {Tool.objects.published().count()} published tools, {args.old or 'this commit'}")
    print("\n".join(plan))
    return 0


if __name__ == "__main__":
    sys.exit(main())
