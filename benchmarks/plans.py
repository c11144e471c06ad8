"""EXPLAIN ANALYZE of what a search no cache has seen costs the database (issue 18).

    DATABASE_URL=postgres://…/hub_bench_10000 python -m benchmarks.plans [--before]
        [--language fr] [--query "q=…&sort=relevance"]

Prints the plan of the one statement that finds the facet counts, the total and the first page
of `q=triage` with three facets (those of `benchmarks/pages.toml`), sorted by relevance, with
its execution time. `--before` prints instead the two statements the catalogue made for the
same work before (as of commit 78ca608's parent): the facet counts over the link tables (the
SQLite fallback's statement today) and the ORM's first page, each searching the text.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

QUERY = (
    "q=triage&capability=triage-and-prioritisation&licence=free-for-law-enforcement"
    "&deployment=on-premises&sort=relevance"
)


def explain(sql: str, params: tuple | list) -> list[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        for _ in range(3):  # warm the buffers; the last plan is printed
            cursor.execute("EXPLAIN (ANALYZE, COSTS OFF) " + sql, params or None)
            plan = [row[0] for row in cursor.fetchall()]
    return plan


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", action="store_true", help="the two statements of before")
    parser.add_argument("--language", default="en", help="the reader's language (issue 21)")
    parser.add_argument("--query", default=QUERY, help="the catalogue's query string")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.http import QueryDict
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from catalog.filters import ToolFilter
    from catalog.models import Tool

    translation.activate(args.language)
    filterset = ToolFilter(QueryDict(args.query), queryset=Tool.objects.published())
    statements: list[tuple[str, str, Any]] = []
    if args.before:
        chosen = {field: ids for field, ids in filterset.chosen().items() if ids}
        with CaptureQueriesContext(connection) as queries:
            filterset._base()._facet_counts_by_link_tables(chosen)
        sql = queries.captured_queries[-1]["sql"]
        statements.append(("facet counts over the link tables", sql, []))
        page = filterset.qs.for_listing(get_user_model().objects.order_by("pk").first())[:20]
        sql, params = page.query.sql_with_params()
        statements.append(("the first page (ORM)", sql, params))
    else:
        with CaptureQueriesContext(connection) as queries:
            filterset.counts_and_page(offset=0, limit=20)
        statements.append(("counts, total and first page", queries.captured_queries[-1]["sql"], []))
    print(f"-- {Tool.objects.published().count()} published tools")
    for label, sql, params in statements:
        print(f"-- {label}")
        print("\n".join(explain(sql, params)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
