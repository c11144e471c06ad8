"""The benchmark harness's arithmetic: reading wrk, ratios, tables and the targets of issue 10.

Pure functions: no load is generated here (the benchmark is `make bench`, never a timed test).
"""

import pytest

from benchmarks.report import (
    PageResult,
    Run,
    WrkOutputError,
    WrkResult,
    check_targets,
    combine,
    markdown_table,
    parse_wrk_output,
    ratio,
    render,
    results_table,
)

pytestmark = pytest.mark.django_db

# What wrk 4.1 prints with --latency and benchmarks/wrk.lua.
WRK_OUTPUT = """\
Running 10s test @ http://127.0.0.1:41234
  8 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    61.52ms   20.11ms 250.03ms   71.23%
    Req/Sec    16.40      5.12    30.00     60.00%
  Latency Distribution
     50%   59.90ms
     75%   70.10ms
     90%   88.00ms
     99%  140.00ms
  1308 requests in 10.04s, 9.87MB read
  Non-2xx or 3xx responses: 3
Requests/sec:    130.28
Transfer/sec:      0.98MB
BENCH_JSON {"requests": 1308, "duration_us": 10040000, "p50_us": 59900, "p95_us": 110250, \
"p99_us": 140000, "max_us": 250030, "non2xx": 5, "first_bad_status": 302, \
"socket_errors": {"connect": 0, "read": 1, "write": 0, "timeout": 2}}
""".replace("\\\n", "")


def wrk_result(median: float, *, errors: int = 0, requests: int = 1000) -> WrkResult:
    return WrkResult(
        requests=requests,
        duration_s=10.0,
        p50_ms=median,
        p95_ms=median * 2,
        p99_ms=median * 3,
        max_ms=median * 4,
        non2xx=errors,
        socket_errors=0,
    )


def page(tools, key, role, median, queries, *, errors=0) -> PageResult:
    return PageResult(
        tools=tools,
        key=key,
        role=role,
        label=key.title(),
        path=f"/{key}/",
        status=200,
        queries=queries,
        queries_cold=queries,
        wrk=wrk_result(median, errors=errors),
    )


def good_run(**overrides) -> Run:
    figures = {
        "floor": 10.0,
        "catalogue": 25.0,
        "search": 29.0,
        "tool": 19.0,
        "admin": 40.0,
        "catalogue_queries_small": 9,
        "catalogue_queries_large": 9,
        "peak": 150.0,
    }
    figures.update(overrides)
    run = Run(soak=wrk_result(30.0), soak_connections=16, soak_seconds=30)
    for tools in (1000, 10000):
        queries = figures[f"catalogue_queries_{'small' if tools == 1000 else 'large'}"]
        run.pages += [
            page(tools, "floor", "floor", figures["floor"], 6),
            page(tools, "catalogue", "catalogue", figures["catalogue"], queries),
            page(tools, "search", "catalogue", figures["search"], queries),
            page(tools, "tool", "tool", figures["tool"], 8),
            page(tools, "admin", "admin", figures["admin"], 20),
        ]
        run.worker_peak_mb[tools] = figures["peak"]
    return run


def verdicts(run: Run) -> dict[str, bool | None]:
    return {check.target: check.passed for check in check_targets(run)}


def test_wrk_summary_is_read_in_milliseconds_and_counts_every_error():
    result = parse_wrk_output(WRK_OUTPUT)
    assert result.requests == 1308
    assert result.duration_s == pytest.approx(10.04)
    assert result.requests_per_s == pytest.approx(130.28, abs=0.01)
    assert (result.p50_ms, result.p95_ms, result.p99_ms) == (59.9, 110.25, 140.0)
    assert result.max_ms == pytest.approx(250.03)
    # Our script's count (redirects included), not wrk's "Non-2xx or 3xx" line.
    assert result.non2xx == 5
    assert result.socket_errors == 3
    assert result.errors == 8
    assert result.first_bad_status == 302


def test_the_last_summary_wins_when_wrk_printed_two():
    second = WRK_OUTPUT.replace('"requests": 1308', '"requests": 7')
    assert parse_wrk_output(WRK_OUTPUT + second).requests == 7


@pytest.mark.parametrize(
    "text",
    [
        "Running 10s test @ http://127.0.0.1:1\nRequests/sec: 1.0\n",
        "BENCH_JSON {not json}\n",
        'BENCH_JSON {"requests": 1}\n',
    ],
    ids=["no summary", "not json", "missing fields"],
)
def test_unreadable_wrk_output_is_an_error_that_shows_it(text):
    with pytest.raises(WrkOutputError, match="wrk"):
        parse_wrk_output(text)


def test_zero_duration_gives_zero_rate_not_a_crash():
    assert wrk_result(1.0).requests_per_s == 100.0
    empty = WrkResult(0, 0.0, 0, 0, 0, 0, 0, 0)
    assert empty.requests_per_s == 0.0


@pytest.mark.parametrize(
    ("value", "base", "expected"),
    [(30.0, 10.0, 3.0), (5.0, 10.0, 0.5), (None, 10.0, None), (3.0, None, None), (3.0, 0, None)],
)
def test_ratio(value, base, expected):
    assert ratio(value, base) == expected


def test_ratios_are_to_the_floor_of_the_same_catalogue_size():
    run = good_run()
    run.pages[5] = page(10000, "floor", "floor", 20.0, 6)  # the larger catalogue's floor
    catalogue_small, catalogue_large = run.pages[1], run.pages[6]
    assert run.to_floor(catalogue_small) == 2.5
    assert run.to_floor(catalogue_large) == 1.25


def test_markdown_table_aligns_numbers_right():
    table = markdown_table(["page", "req/s"], [["floor", "1.0"]], "lr")
    assert table.splitlines() == ["| page | req/s |", "| --- | ---: |", "| floor | 1.0 |"]


def test_results_table_has_a_row_per_page_and_size_with_its_figures():
    run = good_run()
    run.pages[1].queries_cold = 12
    run.pages[3].wrk = WrkResult(500, 10.0, 19.0, 38.0, 50.0, 60.0, 4, 1, first_bad_status=404)
    lines = results_table(run).splitlines()
    assert len(lines) == 2 + 10
    assert lines[2] == ("| 1,000 | Floor | `/floor/` | 100.0 | 10.0 | 20.0 | 0 | 6 | 1.00 |")
    assert "| 9 (cold 12) | 2.50 |" in lines[3]
    assert "| 5 (first: 404) |" in lines[5]
    assert lines[-1].startswith("| 10,000 | Admin |")


def test_a_run_that_meets_every_target_passes_them_all():
    checks = check_targets(good_run())
    assert len(checks) == 10
    assert all(check.passed for check in checks), [c for c in checks if not c.passed]


def test_queries_that_grow_with_the_catalogue_fail():
    result = verdicts(good_run(catalogue_queries_small=9, catalogue_queries_large=10))
    growth = [passed for target, passed in result.items() if "same SQL queries" in target]
    assert growth == [False, False]


def test_more_than_twelve_queries_fail_even_when_flat():
    result = verdicts(good_run(catalogue_queries_small=13, catalogue_queries_large=13))
    assert not any(passed for target, passed in result.items() if "SQL" in target)


@pytest.mark.parametrize(
    ("overrides", "failing"),
    [
        ({"catalogue": 31.0}, "Catalogue: median ≤ 3x the floor"),
        ({"tool": 21.0}, "Tool: median ≤ 2x the floor"),
        ({"admin": 28.0}, "Search: faster than the admin's list (median ratio < 1)"),
        (
            {"catalogue": 27.0, "search": 20.0, "admin": 26.0},
            "Catalogue: faster than the admin's list (median ratio < 1)",
        ),
        ({"peak": 200.0}, "Web worker peak memory < 200 MB"),
    ],
)
def test_each_target_fails_on_its_own(overrides, failing):
    result = verdicts(good_run(**overrides))
    assert result[failing] is False
    assert [target for target, passed in result.items() if not passed] == [failing]


def test_targets_are_judged_at_the_largest_catalogue():
    run = good_run()
    slow_small_catalogue = page(1000, "catalogue", "catalogue", 100.0, 9)
    run.pages[1] = slow_small_catalogue
    assert verdicts(run)["Catalogue: median ≤ 3x the floor"] is True


def test_errors_under_load_fail():
    run = good_run()
    run.soak = wrk_result(30.0, errors=1)
    run.pages[0] = page(1000, "floor", "floor", 10.0, 6, errors=2)
    result = verdicts(run)
    assert result["No errors under 16 connections for 30 s"] is False
    assert result["No errors in any page's run"] is False


def test_what_was_not_measured_is_not_a_pass():
    run = good_run()
    run.pages = [p for p in run.pages if p.role != "admin"]
    run.worker_peak_mb = {}
    run.pages[1].queries = None
    result = verdicts(run)
    assert result["Catalogue: faster than the admin's list (median ratio < 1)"] is None
    assert result["Web worker peak memory < 200 MB"] is None
    assert result["Catalogue: same SQL queries at 1,000 and 10,000 tools, ≤ 12"] is None
    assert check_targets(Run()) == []


def test_results_markdown_describes_the_machine_and_carries_the_banner():
    text = render(
        good_run(),
        machine={"CPU": "Test CPU, 2 cores", "PostgreSQL": "15.20"},
        setup=["wrk, 10 s per page"],
        banner="HARNESS DRY RUN\non the placeholder",
    )
    assert text.startswith("# Benchmark results (issue 10)\n\n> HARNESS DRY RUN\n> on the")
    assert "- CPU: Test CPU, 2 cores" in text
    assert "- PostgreSQL: 15.20" in text
    assert "Soak: every member page in turn, 16 connections, 30 s, 10,000 tools" in text
    assert "| 10,000 | 150.0 |" in text
    assert text.count("**PASS**") == 10


def test_rounds_add_up_counts_and_take_the_median_latency():
    rounds = [
        WrkResult(100, 4.0, 10.0, 20.0, 30.0, 40.0, 0, 0),
        WrkResult(50, 4.0, 90.0, 150.0, 300.0, 900.0, 2, 1, first_bad_status=502),
        WrkResult(120, 4.0, 12.0, 22.0, 33.0, 44.0, 1, 0, first_bad_status=404),
    ]
    combined = combine(rounds)
    assert combined.requests == 270
    assert combined.duration_s == 12.0
    assert combined.requests_per_s == 22.5
    # One slow round (a burst of load elsewhere) does not make the page look slow.
    assert (combined.p50_ms, combined.p95_ms, combined.p99_ms) == (12.0, 22.0, 33.0)
    assert combined.max_ms == 900.0
    assert (combined.non2xx, combined.socket_errors, combined.errors) == (3, 1, 4)
    assert combined.first_bad_status == 502


def test_one_round_is_itself_and_none_is_an_error():
    single = wrk_result(5.0)
    assert combine([single]) == single
    with pytest.raises(ValueError, match="no rounds"):
        combine([])


def test_a_page_that_does_not_answer_200_judges_nothing():
    run = good_run()
    for missing in (run.pages[3], run.pages[8]):  # the tool pages: not built yet
        missing.status = 404
    run.pages[9].status = 302  # the admin at 10,000 refused the curator
    checks = {check.target: check for check in check_targets(run)}
    tool = checks["Tool: median ≤ 2x the floor"]
    assert tool.passed is None
    assert tool.figure == "— (Tool answered 404)"
    assert tool.verdict == "n/a"
    admin = checks["Catalogue: faster than the admin's list (median ratio < 1)"]
    assert (admin.passed, admin.figure) == (None, "— (Admin answered 302)")
    assert checks["Catalogue: median ≤ 3x the floor"].passed is True


def test_queries_of_a_page_that_did_not_answer_judge_nothing():
    run = good_run()
    run.pages[1].status = 500
    check = check_targets(run)[0]
    assert check.passed is None
    assert "answered 500" in check.figure


def test_the_growth_curve_has_a_line_per_page_and_a_point_per_size():
    from benchmarks.report import growth_svg

    run = good_run()
    for old in [p for p in run.pages if p.tools == 10000]:
        run.pages.append(PageResult(**{**old.__dict__, "tools": 100000}))
    svg = growth_svg(run)
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    lines = [line for line in svg.splitlines() if line.startswith("<polyline")]
    assert [line.split('"')[1] for line in lines] == ["catalogue", "search", "tool", "admin"]
    assert all(line.count(",") == 3 for line in lines)  # three sizes, three points each
    assert "floor" not in svg.split("<polyline", 1)[1].split('"')[1]  # the floor is the unit
    for label in ("1,000", "10,000", "100,000", "target 3x", "target 4x"):
        assert label in svg


def test_a_run_survives_its_json():
    import dataclasses
    import json

    from benchmarks.report import run_from_dict

    run = good_run()
    run.seed_seconds, run.load = {1000: 4.0}, {1000: "1.00, 2.00, 3.00"}
    assert run_from_dict(json.loads(json.dumps(dataclasses.asdict(run)))) == run


def test_the_growth_curve_keeps_the_targets_readable_beside_a_slow_admin():
    """The ratio axis is logarithmic: an admin list at 50x leaves the 1x to 4x band a third of the
    chart, not a sliver at its foot."""
    import re

    from benchmarks.report import growth_svg

    svg = growth_svg(good_run(admin=500.0))  # the floor is 10 ms
    tick = {
        label: float(y)
        for y, label in re.findall(r'y="([\d.]+)"[^>]*text-anchor="end">(\d+)x<', svg)
    }
    assert {"1", "2", "3", "4", "10", "50"} <= set(tick) and "100" in tick
    band = tick["1"] - tick["4"]
    assert band > (tick["1"] - tick["100"]) / 4
