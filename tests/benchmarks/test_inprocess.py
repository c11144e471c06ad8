"""The in-process measure requests each page in turn, as the member, and reports what it saw."""

import pytest

from benchmarks import inprocess
from catalog import demo

pytestmark = pytest.mark.django_db


def test_the_pages_are_requested_in_turn_each_new_search_with_a_new_word():
    asked = []
    words = iter(f"w{n}" for n in range(10))
    timings = inprocess.measure(
        {"floor": "/floor/", "fresh": "/catalog/?q=triage+-__FRESH__"},
        2,
        lambda url: asked.append(url) or 200,
        lambda: next(words),
    )
    assert asked == [
        "/floor/",
        "/catalog/?q=triage+-w0",  # the warm-up round: not counted
        "/floor/",
        "/catalog/?q=triage+-w1",
        "/floor/",
        "/catalog/?q=triage+-w2",
    ]
    assert [len(timings[key].wall) for key in ("floor", "fresh")] == [2, 2]
    assert timings["floor"].queries == [0, 0]


def test_a_page_that_does_not_answer_stops_the_measure():
    with pytest.raises(SystemExit, match="answered 302"):
        inprocess.measure({"floor": "/floor/"}, 1, lambda url: 302, str)


def test_it_measures_the_member_pages_of_a_seeded_catalogue(capsys, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1"]  # as `run.py` sets it
    demo.seed(tools=30)
    assert inprocess.main(["--requests", "2"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| ")]
    header, *pages = rows[:1] + rows[2:]
    assert header.startswith("| page | wall ms")
    assert [row.split(" | ")[0] for row in pages] == [
        "| Floor (notifications, none)",
        "| Catalogue, q + 3 facets",
        "| Catalogue, new search: q + 3 facets, uncached",
    ]
    floor, _search, fresh = (row.strip("| ").split(" | ") for row in pages)
    assert floor[2] == floor[4] == floor[6] == "1.00"  # every ratio is to the floor
    assert int(fresh[-1]) > int(floor[-1])  # a new search asks the database more


def test_only_the_floor_can_come_first():
    with pytest.raises(SystemExit, match="floor"):
        inprocess.main(["--pages", "search,floor", "--requests", "1"])
