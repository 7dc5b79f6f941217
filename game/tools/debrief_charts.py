"""The debrief report's charts as geometry: numbers the template draws as inline SVG.

Only coordinates and short labels come out of here; the template writes the SVG elements, so
every word in a chart (a meter's name, an inject's reason) goes through the page's autoescaping
like any other text.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Mapping, Sequence

# DEFCON 5 (peace) to 1 (war): pale to dark, readable under a line and a number
DEFCON_FILL = {5: "#e8f1e4", 4: "#f6efcf", 3: "#f8dcb4", 2: "#f1b49a", 1: "#d9826f"}
ENDING_COLOURS = ("#b2182b", "#ef8a62", "#2166ac", "#67a9cf", "#1b7837", "#7fbf7b", "#762a83", "#c2a5cf",
                  "#8c510a", "#d8b365", "#01665e", "#5ab4ac", "#4d4d4d", "#999999")


@dataclass(frozen=True, slots=True)
class Band:
    x: float
    width: float
    level: int
    fill: str


@dataclass(frozen=True, slots=True)
class Marker:
    x: float
    y: float
    number: int
    kind: str  # "inject" or "message"


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class LineChart:
    width: int
    height: int
    left: int
    top: int
    bottom: int  # y of the axis
    right: int
    points: str  # "x,y x,y ..." of the line
    dots: tuple[tuple[float, float], ...]
    ticks: tuple[Tick, ...]
    y_ticks: tuple[tuple[float, str], ...]
    bands: tuple[Band, ...] = ()
    markers: tuple[Marker, ...] = ()
    title: str = ""


def _x(index: int, count: int, left: int, right: int) -> float:
    return left + (right - left) * (index / max(count - 1, 1))


def _y(value: float, low: float, high: float, top: int, bottom: int) -> float:
    span = (high - low) or 1.0
    return bottom - (bottom - top) * ((float(value) - low) / span)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def tension_chart(series: Sequence[float], low: float, high: float, levels: Sequence[int | None],
                  day_labels: Sequence[str], marks: Sequence[tuple[int, str]]) -> LineChart:
    """Tension before the first day and after each day, over each day's alert level.

    ``series`` has one value more than ``day_labels`` (the start); ``levels`` is the alert level
    after each day; ``marks`` are (day position 0.., kind) for injects and messages, numbered in order.
    """
    width, height, left, right, top, bottom = 860, 300, 44, 844, 16, 250
    count = len(series)
    xs = [_x(i, count, left, right) for i in range(count)]
    ys = [_y(v, low, high, top, bottom) for v in series]
    bands = tuple(Band(xs[i], xs[i + 1] - xs[i], level, DEFCON_FILL.get(level, "#eee"))
                  for i, level in enumerate(levels[:count - 1]) if level is not None)
    ticks = tuple(Tick((xs[i] + xs[i + 1]) / 2, label) for i, label in enumerate(day_labels) if i + 1 < count)
    markers: list[Marker] = []
    seen: dict[int, int] = {}  # markers already at a position, stacked upwards
    for number, (position, kind) in enumerate(marks, start=1):
        stack = seen.get(position, 0)
        seen[position] = stack + 1
        x = xs[min(position, count - 1)] + (xs[1] - xs[0] if count > 1 else 0) / 2
        markers.append(Marker(min(x, right), top + 10 + 16 * stack, number, kind))
    y_ticks = tuple((_y(v, low, high, top, bottom), _number(v)) for v in _steps(low, high))
    return LineChart(width, height, left, top, bottom, right, " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys)),
                     tuple(zip(xs, ys)), ticks, y_ticks, bands, tuple(markers))


def meter_chart(title: str, series: Sequence[float], low: float, high: float, ends: tuple[str, str]) -> LineChart:
    """One meter over the days: a small chart for a grid of them; ``ends`` label its first and last point."""
    width, height, left, right, top, bottom = 270, 130, 34, 260, 22, 110
    count = len(series)
    xs = [_x(i, count, left, right) for i in range(count)]
    ys = [_y(v, low, high, top, bottom) for v in series]
    y_ticks = ((bottom, _number(low)), (top, _number(high)))
    ticks = (Tick(xs[0], ends[0]), Tick(xs[-1], ends[1])) if count > 1 else (Tick(xs[0], ends[0]),)
    return LineChart(width, height, left, top, bottom, right, " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys)),
                     tuple(zip(xs, ys)), ticks, y_ticks, title=title)


def _steps(low: float, high: float) -> list[float]:
    span = high - low
    step = next((s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000) if span / s <= 5), span / 5 or 1)
    first = low - (low % step) if low % step else low
    values, value = [], first
    while value <= high + 1e-9:
        if value >= low:
            values.append(value)
        value += step
    return values


@dataclass(frozen=True, slots=True)
class Segment:
    x: float
    width: float
    colour: str
    ending: str
    share: float


def odds_bar(endings: Mapping[str, int], games: int, order: Sequence[str], colours: Mapping[str, str],
             width: float = 320) -> tuple[Segment, ...]:
    """A stacked bar of the endings' shares, in the scenario's order of endings."""
    segments, x = [], 0.0
    for ending in order:
        count = endings.get(ending, 0)
        if count:
            share = count / games
            segments.append(Segment(x, width * share, colours[ending], ending, share))
            x += width * share
    return tuple(segments)


def ending_colours(ending_ids: Sequence[str]) -> dict[str, str]:
    return {ending: ENDING_COLOURS[index % len(ENDING_COLOURS)] for index, ending in enumerate(ending_ids)}
