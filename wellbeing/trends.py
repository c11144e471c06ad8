"""A member's self-check trend: the chart's geometry, and which areas are getting worse.

The chart is drawn on the server as SVG from these numbers (no script, no external library),
and the page gives the same numbers as a table for those who cannot see it.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from wellbeing.models import SCALES, SelfCheck

# The drawing area, in SVG user units; the SVG scales to the page with its viewBox.
WIDTH = 640
HEIGHT = 260
MARGIN_LEFT = 48
MARGIN_RIGHT = 16
MARGIN_TOP = 16
MARGIN_BOTTOM = 40

LOWEST = len(SCALES) * 1
HIGHEST = len(SCALES) * 5

# How many of the latest check-ins the chart shows; the table shows them all.
CHART_POINTS = 12


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    check: SelfCheck


@dataclass(frozen=True)
class Chart:
    points: list[Point]
    polyline: str
    y_ticks: list[tuple[float, int]]
    width: int = WIDTH
    height: int = HEIGHT
    left: int = MARGIN_LEFT
    right: int = WIDTH - MARGIN_RIGHT
    top: int = MARGIN_TOP
    bottom: int = HEIGHT - MARGIN_BOTTOM


def _y(total: int) -> float:
    span = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    return round(MARGIN_TOP + span * (HIGHEST - total) / (HIGHEST - LOWEST), 1)


def chart(checks: Sequence[SelfCheck]) -> Chart:
    """The chart of total scores for `checks`, oldest first, evenly spaced left to right."""
    shown = list(checks)[-CHART_POINTS:]
    span = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    step = span / (len(shown) - 1) if len(shown) > 1 else 0
    points = [
        Point(
            x=round(MARGIN_LEFT + (step * index if len(shown) > 1 else span / 2), 1),
            y=_y(check.total),
            check=check,
        )
        for index, check in enumerate(shown)
    ]
    ticks = [(_y(value), value) for value in range(LOWEST, HIGHEST + 1, 5)]
    return Chart(
        points=points,
        polyline=" ".join(f"{point.x},{point.y}" for point in points),
        y_ticks=ticks,
    )


def worsening_areas(checks: Sequence[SelfCheck]) -> list[str]:
    """The areas (see `Area`) where the latest check-in is worse than the one before.

    Worse means two points lower, or one point lower to a score of 2 or less: small
    week-to-week wobbles are normal and should not alarm anybody.
    """
    if len(checks) < 2:
        return []
    previous, latest = checks[-2].scores(), checks[-1].scores()
    worse: list[str] = []
    for scale in SCALES:
        drop = previous[scale.area] - latest[scale.area]
        if drop >= 2 or (drop >= 1 and latest[scale.area] <= 2):
            worse.append(scale.area)
    return worse


def total_dropped(checks: Sequence[SelfCheck], by: int = 3) -> bool:
    """Whether the latest total is at least `by` points below the one before."""
    return len(checks) >= 2 and checks[-2].total - checks[-1].total >= by
