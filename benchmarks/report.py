"""The benchmark's arithmetic and its Markdown, kept free of I/O so that tests can prove them.

`run.py` measures; this module reads wrk's output, works out ratios, checks the targets of
issue 10 and writes the tables that go to the terminal and to RESULTS.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from statistics import median

# What `benchmarks/wrk.lua` writes at the end of a run, before its JSON summary.
WRK_MARKER = "BENCH_JSON "

# The targets of issue 10 (at the largest catalogue measured).
MAX_CATALOGUE_QUERIES = 12
MAX_CATALOGUE_TO_FLOOR = 3.0
MAX_TOOL_TO_FLOOR = 2.0
MAX_WORKER_PEAK_MB = 200.0


class WrkOutputError(ValueError):
    """wrk's output does not hold the summary our script writes."""


@dataclass(frozen=True)
class WrkResult:
    requests: int
    duration_s: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    # Responses outside 2xx, redirects included: a redirect means the session was refused.
    non2xx: int
    socket_errors: int
    first_bad_status: int = 0

    @property
    def requests_per_s(self) -> float:
        return self.requests / self.duration_s if self.duration_s else 0.0

    @property
    def errors(self) -> int:
        return self.non2xx + self.socket_errors


def parse_wrk_output(text: str) -> WrkResult:
    """Read the summary `wrk.lua` prints (latencies in microseconds) from wrk's whole output."""
    lines = [line for line in text.splitlines() if line.startswith(WRK_MARKER)]
    if not lines:
        raise WrkOutputError(f"no {WRK_MARKER.strip()} line in wrk's output:\n{text}")
    try:
        data = json.loads(lines[-1][len(WRK_MARKER) :])
        socket = data["socket_errors"]
        return WrkResult(
            requests=int(data["requests"]),
            duration_s=int(data["duration_us"]) / 1e6,
            p50_ms=int(data["p50_us"]) / 1000,
            p95_ms=int(data["p95_us"]) / 1000,
            p99_ms=int(data["p99_us"]) / 1000,
            max_ms=int(data["max_us"]) / 1000,
            non2xx=int(data["non2xx"]),
            socket_errors=sum(
                int(socket[kind]) for kind in ("connect", "read", "write", "timeout")
            ),
            first_bad_status=int(data.get("first_bad_status", 0)),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise WrkOutputError(f"unreadable wrk summary {lines[-1]!r}: {exc}") from exc


def combine(rounds: list[WrkResult]) -> WrkResult:
    """Several rounds of one page as one result: counts add up, latencies are the rounds' median.

    Pages are measured in rounds, each page in turn, so that a burst of load from elsewhere on
    the machine falls on every page alike instead of on one page's only run.
    """
    if not rounds:
        raise ValueError("no rounds to combine")
    return WrkResult(
        requests=sum(r.requests for r in rounds),
        duration_s=sum(r.duration_s for r in rounds),
        p50_ms=median(r.p50_ms for r in rounds),
        p95_ms=median(r.p95_ms for r in rounds),
        p99_ms=median(r.p99_ms for r in rounds),
        max_ms=max(r.max_ms for r in rounds),
        non2xx=sum(r.non2xx for r in rounds),
        socket_errors=sum(r.socket_errors for r in rounds),
        first_bad_status=next((r.first_bad_status for r in rounds if r.first_bad_status), 0),
    )


def ratio(value: float | None, base: float | None) -> float | None:
    """value / base, or None when either is unknown or the base is zero."""
    if value is None or base is None or base <= 0:
        return None
    return value / base


@dataclass
class PageResult:
    """One page measured at one catalogue size."""

    tools: int
    key: str
    role: str  # floor | catalogue | tool | admin | other: which targets apply
    label: str
    path: str
    status: int  # of the in-process request
    queries: int | None  # SQL queries of a warm request, in-process
    queries_cold: int | None  # of the first request after the cache was emptied
    wrk: WrkResult | None = None

    @property
    def median_ms(self) -> float | None:
        return self.wrk.p50_ms if self.wrk else None


@dataclass
class Run:
    """Everything one `make bench` measured."""

    pages: list[PageResult] = field(default_factory=list)
    worker_peak_mb: dict[int, float] = field(default_factory=dict)  # by catalogue size
    soak: WrkResult | None = None
    soak_connections: int = 0
    soak_seconds: int = 0
    seed_seconds: dict[int, float] = field(default_factory=dict)  # `seed_demo`, by size
    load: dict[int, str] = field(default_factory=dict)  # the load average after each size

    @property
    def sizes(self) -> list[int]:
        return sorted({page.tools for page in self.pages})

    def page(self, tools: int, role: str) -> list[PageResult]:
        return [page for page in self.pages if page.tools == tools and page.role == role]

    def floor(self, tools: int) -> PageResult | None:
        floors = self.page(tools, "floor")
        return floors[0] if floors else None

    def to_floor(self, page: PageResult) -> float | None:
        floor = self.floor(page.tools)
        return ratio(page.median_ms, floor.median_ms if floor else None)


def _number(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def _count(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def markdown_table(header: list[str], rows: list[list[str]], align: str = "") -> str:
    """A GitHub Markdown table; `align` holds one of l/r per column (default: left)."""
    align = align or "l" * len(header)
    rule = ["---:" if a == "r" else "---" for a in align]
    lines = [header, rule, *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


def results_table(run: Run) -> str:
    rows = []
    for page in sorted(run.pages, key=lambda p: (p.tools, run.pages.index(p))):
        wrk = page.wrk
        errors = "—" if wrk is None else _count(wrk.errors)
        if wrk and wrk.first_bad_status:
            errors += f" (first: {wrk.first_bad_status})"
        queries = _count(page.queries)
        if page.queries_cold is not None and page.queries_cold != page.queries:
            queries += f" (cold {page.queries_cold})"
        rows.append(
            [
                _count(page.tools),
                page.label,
                f"`{page.path}`",
                _number(wrk.requests_per_s if wrk else None),
                _number(page.median_ms),
                _number(wrk.p95_ms if wrk else None),
                errors,
                queries,
                _number(run.to_floor(page), 2),
            ]
        )
    header = [
        "tools",
        "page",
        "path",
        "req/s",
        "median ms",
        "p95 ms",
        "errors",
        "SQL queries",
        "to floor",
    ]
    return markdown_table(header, rows, "rllrrrrrr")


@dataclass(frozen=True)
class Check:
    target: str
    figure: str
    passed: bool | None  # None: could not be measured

    @property
    def verdict(self) -> str:
        return {True: "PASS", False: "FAIL", None: "n/a"}[self.passed]


def _refused(*pages: PageResult | None) -> str:
    """Why a figure means nothing: a page that did not answer 200 (it does not exist yet)."""
    for page in pages:
        if page is not None and page.status != 200:
            return f"— ({page.label} answered {page.status})"
    return ""


def check_targets(run: Run) -> list[Check]:
    """The targets of issue 10, judged at the largest catalogue size measured.

    A figure from a page that did not answer 200 in-process judges nothing (n/a).
    """
    checks: list[Check] = []
    if not run.sizes:
        return checks
    largest, smallest = max(run.sizes), min(run.sizes)

    for page in run.page(largest, "catalogue"):
        counts = {p.tools: p.queries for p in run.pages if p.key == page.key}
        known = [count for count in counts.values() if count is not None]
        figure = ", ".join(f"{_count(n)}: {_count(counts[n])}" for n in sorted(counts))
        passed = (
            None
            if len(known) != len(counts)
            else len(set(known)) == 1 and known[0] <= MAX_CATALOGUE_QUERIES
        )
        sizes = f"{_count(smallest)} and {_count(largest)}" if smallest != largest else "one size"
        refused = _refused(*(p for p in run.pages if p.key == page.key))
        checks.append(
            Check(
                f"{page.label}: same SQL queries at {sizes} tools, ≤ {MAX_CATALOGUE_QUERIES}",
                refused or figure,
                None if refused else passed,
            )
        )

    for role, limit in (("catalogue", MAX_CATALOGUE_TO_FLOOR), ("tool", MAX_TOOL_TO_FLOOR)):
        for page in run.page(largest, role):
            value = run.to_floor(page)
            refused = _refused(page, run.floor(largest))
            checks.append(
                Check(
                    f"{page.label}: median ≤ {limit:g}x the floor",
                    refused or f"{_number(value, 2)}x",
                    None if value is None or refused else value <= limit,
                )
            )

    admins = run.page(largest, "admin")
    admin = admins[0] if admins else None
    for page in run.page(largest, "catalogue"):
        value = ratio(page.median_ms, admin.median_ms if admin else None)
        refused = _refused(page, admin)
        checks.append(
            Check(
                f"{page.label}: faster than the admin's list (median ratio < 1)",
                refused or f"{_number(value, 2)}",
                None if value is None or refused else value < 1,
            )
        )

    if run.soak is not None:
        checks.append(
            Check(
                f"No errors under {run.soak_connections} connections for {run.soak_seconds} s",
                f"{_count(run.soak.errors)} errors in {_count(run.soak.requests)} requests",
                run.soak.errors == 0,
            )
        )
    measured = [p.wrk.errors for p in run.pages if p.wrk is not None]
    checks.append(
        Check(
            "No errors in any page's run",
            f"{_count(sum(measured))} errors",
            None if not measured else sum(measured) == 0,
        )
    )

    peak = max(run.worker_peak_mb.values()) if run.worker_peak_mb else None
    checks.append(
        Check(
            f"Web worker peak memory < {MAX_WORKER_PEAK_MB:g} MB",
            f"{_number(peak)} MB",
            None if peak is None else peak < MAX_WORKER_PEAK_MB,
        )
    )
    return checks


def targets_table(checks: list[Check]) -> str:
    rows = [[check.target, check.figure, f"**{check.verdict}**"] for check in checks]
    return markdown_table(["target (issue 10)", "measured", "result"], rows, "lrl")


def memory_table(run: Run) -> str:
    rows = [[_count(n), _number(mb)] for n, mb in sorted(run.worker_peak_mb.items())]
    return markdown_table(["tools", "web worker peak RSS (VmHWM), MB"], rows, "rr")


def render(run: Run, *, machine: dict[str, str], setup: list[str], banner: str = "") -> str:
    """The whole of RESULTS.md."""
    parts = ["# Benchmark results (issue 10)", ""]
    if banner:
        parts += [f"> {line}" if line else ">" for line in banner.splitlines()] + [""]
    parts += ["## Machine", ""]
    parts += [f"- {name}: {value}" for name, value in machine.items()] + [""]
    parts += ["## How it was measured", ""]
    parts += [f"- {line}" for line in setup] + [""]
    parts += ["## Pages", "", results_table(run), ""]
    if run.soak is not None:
        soak = run.soak
        line = (
            f"Soak: every member page in turn, {run.soak_connections} connections, "
            f"{run.soak_seconds} s, {_count(max(run.sizes))} tools: "
            f"{_number(soak.requests_per_s)} req/s, median {_number(soak.p50_ms)} ms, "
            f"p95 {_number(soak.p95_ms)} ms, {_count(soak.errors)} errors."
        )
        parts += [line, ""]
    parts += ["## Memory", "", memory_table(run), ""]
    parts += ["## Targets", "", targets_table(check_targets(run)), ""]
    return "\n".join(parts)


# --- The growth curve (issue 18) ----------------------------------------------------------------


def run_from_dict(data: dict) -> Run:
    """A `Run` from the JSON `run.py` writes beside RESULTS.md (`dataclasses.asdict`)."""

    def wrk(value: dict | None) -> WrkResult | None:
        return WrkResult(**value) if value else None

    pages = [PageResult(**{**p, "wrk": wrk(p.get("wrk"))}) for p in data.get("pages", [])]
    return Run(
        pages=pages,
        worker_peak_mb={int(k): v for k, v in data.get("worker_peak_mb", {}).items()},
        soak=wrk(data.get("soak")),
        soak_connections=data.get("soak_connections", 0),
        soak_seconds=data.get("soak_seconds", 0),
        seed_seconds={int(k): v for k, v in data.get("seed_seconds", {}).items()},
        load={int(k): v for k, v in data.get("load", {}).items()},
    )


# Distinct for each line, and told apart by their markers too (not by colour alone).
_COLOURS = ("#1b5e20", "#0d47a1", "#b71c1c", "#4a148c", "#e65100", "#006064", "#3e2723")
_MARKERS = ("circle", "square", "diamond", "triangle", "circle", "square", "diamond")


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'
    if kind == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if kind == "diamond":
        points = f"{x:.1f},{y - 5:.1f} {x + 5:.1f},{y:.1f} {x:.1f},{y + 5:.1f} {x - 5:.1f},{y:.1f}"
    else:
        points = f"{x:.1f},{y - 5:.1f} {x + 5:.1f},{y + 4:.1f} {x - 5:.1f},{y + 4:.1f}"
    return f'<polygon points="{points}" fill="{colour}"/>'


# The ratio axis's ticks (logarithmic): up to the first one above the highest ratio.
_RATIO_TICKS = (1, 2, 3, 4, 5, 10, 20, 50, 100, 200, 500, 1000)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def growth_svg(run: Run, *, title: str = "Median latency x the floor, by catalogue size") -> str:
    """An SVG line chart: each page's median over the floor's (same run, same size), against
    the number of tools, both axes logarithmic (the admin's ratio can be 50 while the catalogue's
    stay near 2), with the 3x and 4x lines of issue 18."""
    import math

    width, height, left, right, top, bottom = 760, 420, 60, 250, 40, 50
    sizes = run.sizes
    lines: dict[str, tuple[str, list[tuple[int, float]]]] = {}
    for page in run.pages:
        if page.role == "floor":
            continue
        value = run.to_floor(page)
        if value is not None:
            lines.setdefault(page.key, (page.label, []))[1].append((page.tools, value))
    highest = max([4.5, *(v for _l, points in lines.values() for _t, v in points)])
    ticks = [t for t in _RATIO_TICKS if t <= highest] + [
        next((t for t in _RATIO_TICKS if t > highest), math.ceil(highest))
    ]
    top_value = ticks[-1]
    low, high = math.log10(min(sizes or [1000])), math.log10(max(sizes or [1000]))
    span = (high - low) or 1.0
    plot_w, plot_h = width - left - right, height - top - bottom

    def x_of(tools: int) -> float:
        return left + (math.log10(tools) - low) / span * plot_w if high > low else left + plot_w / 2

    def y_of(value: float) -> float:
        # From 1x (the floor itself) at the bottom; a page faster than the floor sits on it.
        share = math.log10(max(value, 1.0)) / math.log10(top_value)
        return top + plot_h - share * plot_h

    out = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
            f' viewBox="0 0 {width} {height}" role="img" aria-labelledby="growth-title">'
        ),
        f'<title id="growth-title">{_escape(title)}</title>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{left}" y="24" font-family="sans-serif" font-size="15">{_escape(title)}</text>',
    ]
    for value in ticks:
        y = y_of(value)
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#e0e0e0"/>'
        )
        out.append(
            f'<text x="{left - 8}" y="{y + 4:.1f}" font-family="sans-serif" font-size="12"'
            f' text-anchor="end">{value}x</text>'
        )
    for limit, label in ((3, "3x (10,000)"), (4, "4x (100,000)")):
        y = y_of(limit)
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#9e9e9e"'
            ' stroke-dasharray="6 4"/>'
        )
        out.append(
            f'<text x="{left + plot_w - 4}" y="{y - 4:.1f}" font-family="sans-serif"'
            f' font-size="11" text-anchor="end" fill="#616161">target {label}</text>'
        )
    for tools in sizes:
        x = x_of(tools)
        out.append(
            f'<text x="{x:.1f}" y="{top + plot_h + 18}" font-family="sans-serif" font-size="12"'
            f' text-anchor="middle">{tools:,}</text>'
        )
    out.append(
        f'<text x="{left + plot_w / 2:.1f}" y="{height - 10}" font-family="sans-serif"'
        ' font-size="12" text-anchor="middle">tools in the catalogue (logarithmic)</text>'
    )
    out.append(
        f'<text x="14" y="{top + plot_h / 2:.1f}" font-family="sans-serif" font-size="12"'
        f' text-anchor="middle" transform="rotate(-90 14 {top + plot_h / 2:.1f})">'
        "x the floor (logarithmic)</text>"
    )
    out.append(
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}"'
        ' stroke="#424242"/>'
    )
    for number, (key, (label, points)) in enumerate(lines.items()):
        colour = _COLOURS[number % len(_COLOURS)]
        kind = _MARKERS[number % len(_MARKERS)]
        points.sort()
        path = " ".join(f"{x_of(t):.1f},{y_of(v):.1f}" for t, v in points)
        out.append(
            f'<polyline data-page="{_escape(key)}" points="{path}" fill="none"'
            f' stroke="{colour}" stroke-width="2"/>'
        )
        out += [_marker(kind, x_of(t), y_of(v), colour) for t, v in points]
        legend_y = top + 14 + number * 22
        legend_x = left + plot_w + 16
        out.append(_marker(kind, legend_x, legend_y - 4, colour))
        short = label if len(label) <= 34 else label[:33] + "…"
        out.append(
            f'<text x="{legend_x + 10}" y="{legend_y}" font-family="sans-serif"'
            f' font-size="11">{_escape(short)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    """`python -m benchmarks.report RESULTS.json OUT.svg`: the growth curve of a run."""
    import sys
    from pathlib import Path

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(main.__doc__)
        return 2
    run = run_from_dict(json.loads(Path(args[0]).read_text(encoding="utf-8")))
    Path(args[1]).write_text(growth_svg(run), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
