"""What the map shows on a given day, as a pure function of the scenario, the date and the record.

No pygame here: positions are longitude and latitude in degrees, computed from the calendar,
the flags in force and the orders given, so the view only draws them (and eases between days).

Sources for the geography (see reference/): the quarantine line was announced 800 nautical
miles out and pulled back to 500 on 23-24 October, an arc drawn from Cape Maisi, Cuba's
eastern tip. The Soviet ships reached it on the morning of 24 October, eight days after the
photographs were first shown to Kennedy (16 October); most stopped or turned back there.
The four missile sites were near San Cristobal, Guanajay, Sagua la Grande and Remedios.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, replace
from collections.abc import Sequence

from game.engine.state import DayRecord
from game.engine.visibility import all_see, history_seen_by
from game.scenario.model import Flag, Scenario, Variable

CAPE_MAISI = (-74.13, 20.22)
QUARANTINE_RADIUS = 500 / 60  # 500 nautical miles in degrees of latitude
QUARANTINE_ARC = (125.0, -70.0)  # the Atlantic side, degrees counterclockwise from east
DAYS_TO_THE_LINE = 8  # 16 -> 24 October
SITES = (("san_cristobal", -83.05, 22.72), ("guanajay", -82.69, 22.92),
         ("sagua_la_grande", -80.08, 22.81), ("remedios", -79.54, 22.49))
# the convoy's way in: from the mid-Atlantic, north of Hispaniola, along Cuba's north coast to Mariel
ROUTE = ((-57.5, 26.6), (-64.0, 24.6), (-72.5, 22.9), (-78.0, 23.6), (-82.7, 23.05))
CONVOY_OFFSETS = ((0.0, 0.0), (-1.1, 0.55), (-2.0, -0.5), (-3.1, 0.2))  # along the route, across it
# before a quarantine: patrols off the Carolinas, in the Florida Straits, off Guantanamo, the Yucatan channel
PATROLS = ((-75.5, 31.0), (-80.6, 23.9), (-74.9, 19.3), (-70.5, 27.5), (-85.6, 21.0))
HALT_MARGIN = 0.6


@dataclass(frozen=True, slots=True)
class Ship:
    key: str  # stable across days, so the view can ease each ship to its new place
    lon: float
    lat: float
    side: str  # "soviet" or "us"
    heading: float  # degrees counterclockwise from east


@dataclass(frozen=True, slots=True)
class Site:
    key: str
    lon: float
    lat: float
    ready: bool


@dataclass(frozen=True, slots=True)
class MapPicture:
    quarantine: bool
    ships: tuple[Ship, ...]
    sites: tuple[Site, ...]


def flag_like(scenario: Scenario, *words: str) -> str | None:
    """The first flag whose id contains one of the words (scenarios name their flags freely)."""
    for flag_id in scenario.flags:
        if any(word in flag_id for word in words):
            return flag_id
    return None


def variable_like(scenario: Scenario, *words: str) -> str | None:
    for variable_id in scenario.variables:
        if any(word in variable_id for word in words):
            return variable_id
    return None


def is_caribbean(scenario: Scenario) -> bool:
    """Whether the Caribbean map and its ships tell this scenario's story (the Cuban crisis)."""
    return ("kennedy" in scenario.roles or "khrushchev" in scenario.roles
            or flag_like(scenario, "quarantine", "blockade") is not None
            or variable_like(scenario, "missile") is not None)


def soviet_role(scenario: Scenario) -> str | None:
    for role_id, role in scenario.roles.items():
        if "soviet" in role.side.get("en").lower() or "ussr" in role.side.get("en").lower() or role_id == "khrushchev":
            return role_id
    return None


def _date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def quarantine_arc(steps: int = 48) -> list[tuple[float, float]]:
    """The line as longitude and latitude points, a true-distance circle around Cape Maisi."""
    start, end = QUARANTINE_ARC
    points = []
    for index in range(steps + 1):
        angle = math.radians(start + (end - start) * index / steps)
        lat = CAPE_MAISI[1] + QUARANTINE_RADIUS * math.sin(angle)
        lon = CAPE_MAISI[0] + QUARANTINE_RADIUS * math.cos(angle) / math.cos(math.radians(lat))
        points.append((lon, lat))
    return points


def _route_lengths() -> list[float]:
    lengths = [0.0]
    for (x1, y1), (x2, y2) in zip(ROUTE, ROUTE[1:]):
        lengths.append(lengths[-1] + math.hypot(x2 - x1, y2 - y1))
    return lengths


_LENGTHS = _route_lengths()
ROUTE_LENGTH = _LENGTHS[-1]


def route_point(distance: float) -> tuple[float, float, float]:
    """(lon, lat, heading) at a distance along the route, clamped to its ends."""
    distance = min(max(distance, 0.0), ROUTE_LENGTH)
    for index in range(len(ROUTE) - 1):
        if distance <= _LENGTHS[index + 1] or index == len(ROUTE) - 2:
            (x1, y1), (x2, y2) = ROUTE[index], ROUTE[index + 1]
            span = _LENGTHS[index + 1] - _LENGTHS[index]
            t = (distance - _LENGTHS[index]) / span if span else 0.0
            heading = math.degrees(math.atan2(y2 - y1, x2 - x1))
            return x1 + (x2 - x1) * t, y1 + (y2 - y1) * t, heading
    raise AssertionError("unreachable")


def _inside_line(lon: float, lat: float) -> bool:
    dy = lat - CAPE_MAISI[1]
    dx = (lon - CAPE_MAISI[0]) * math.cos(math.radians(lat))
    return math.hypot(dx, dy) <= QUARANTINE_RADIUS


def _line_distance() -> float:
    """How far along the route the convoy meets the quarantine line."""
    step = 0.05
    distance = 0.0
    while distance < ROUTE_LENGTH:
        lon, lat, _ = route_point(distance)
        if _inside_line(lon, lat):
            return distance
        distance += step
    return ROUTE_LENGTH


LINE_DISTANCE = _line_distance()
SPEED = LINE_DISTANCE / DAYS_TO_THE_LINE  # degrees a day


def _soviet_intent(choice_id: str | None) -> str | None:
    """What a Soviet order means for the ships at sea, read from the order's id."""
    if not choice_id:
        return None
    if "turn" in choice_id or "halt" in choice_id or "stop_ships" in choice_id:
        return "turn"
    if "run" in choice_id or "force" in choice_id or "escort" in choice_id:
        return "run"
    return None


def convoy_distance(scenario: Scenario, date: str, history: Sequence[DayRecord]) -> float:
    """How far along its route the convoy has come by the morning of ``date``."""
    quarantine_flag = flag_like(scenario, "quarantine", "blockade")
    soviet = soviet_role(scenario)
    by_date = {scenario.days[record.day_index].date: record for record in history}
    quarantine = bool(scenario.flags[quarantine_flag].initial) if quarantine_flag else False
    intent = None
    distance = 0.0
    day = _date(scenario.first_date)
    end = _date(date)
    while day < end:
        record = by_date.get(day.isoformat())
        if record is not None:
            if quarantine_flag:
                quarantine = bool(record.values_after[scenario.flags[quarantine_flag].slot])
            order_intent = _soviet_intent(record.order_of(soviet)) if soviet else None
            intent = order_intent or intent
        if intent == "turn":
            distance -= SPEED
        else:
            moved = distance + SPEED
            if quarantine and intent != "run" and moved > LINE_DISTANCE - HALT_MARGIN:
                moved = max(distance, LINE_DISTANCE - HALT_MARGIN)
            distance = min(moved, ROUTE_LENGTH)
        day += datetime.timedelta(days=1)
    return distance


def _flag_value(scenario: Scenario, values: tuple, flag_id: str | None) -> bool:
    return bool(values[scenario.flags[flag_id].slot]) if flag_id else False


def days_since_flag(scenario: Scenario, date: str, history: Sequence[DayRecord], flag_id: str | None) -> int | None:
    """Calendar days since the flag was first set in the record, or None if it never was."""
    if not flag_id:
        return None
    slot = scenario.flags[flag_id].slot
    for record in history:
        if record.values_after[slot]:
            set_on = _date(scenario.days[record.day_index].date)
            return max(0, (_date(date) - set_on).days)
    return None


def map_picture(scenario: Scenario, date: str, values: tuple, history: Sequence[DayRecord],
                seats: Sequence[str] | None = None) -> MapPicture:
    """What the map shows on ``date``, as the seats know it (None: everything, as at the ending):
    an order kept from them does not move the ships, and a meter or flag kept from them shows
    as it stood when the crisis began."""
    values, history = _seen_by(scenario, values, history, seats)
    quarantine = _flag_value(scenario, values, flag_like(scenario, "quarantine", "blockade"))
    ships: list[Ship] = []
    convoy = convoy_distance(scenario, date, history)
    for index, (along, across) in enumerate(CONVOY_OFFSETS):
        distance = convoy + along
        if distance < -6.0:
            continue  # well out of the map, on the way home
        lon, lat, heading = route_point(max(distance, 0.0))
        if distance < 0:
            lon -= distance  # beyond the route's start: further east, out in the Atlantic
        if convoy <= 0 and distance < 0 and _soviet_turned(scenario, history):
            heading = 0.0
        ships.append(Ship(f"convoy{index}", lon, lat + across * 0.6, "soviet", heading))
    removed_days = days_since_flag(scenario, date, history, flag_like(scenario, "removed", "withdraw", "dismantl"))
    if removed_days is not None:
        for index in range(2):
            distance = ROUTE_LENGTH - SPEED * (removed_days + 0.5) - index * 1.2
            lon, lat, heading = route_point(distance)
            ships.append(Ship(f"homeward{index}", lon, lat - 0.5, "soviet", heading + 180))
    ships.extend(_us_fleet(quarantine))
    ready_variable = variable_like(scenario, "missile")
    ready = 0
    if ready_variable:
        variable = scenario.variables[ready_variable]
        share = (values[variable.slot] - variable.minimum) / max(1e-9, variable.maximum - variable.minimum)
        ready = round(share * len(SITES))
        if values[variable.slot] > variable.minimum:
            ready = max(ready, 1)
    if removed_days is not None:  # dismantled: the sites are bare ground, not empty launchers
        return MapPicture(quarantine, tuple(ships), ())
    sites = tuple(Site(key, lon, lat, index < ready) for index, (key, lon, lat) in enumerate(SITES))
    return MapPicture(quarantine, tuple(ships), sites)


def _soviet_turned(scenario: Scenario, history: Sequence[DayRecord]) -> bool:
    soviet = soviet_role(scenario)
    return any(_soviet_intent(record.order_of(soviet)) == "turn" for record in history) if soviet else False


def _us_fleet(quarantine: bool) -> list[Ship]:
    if quarantine:
        arc = quarantine_arc(10)
        picks = (1, 3, 5, 7, 9)
        return [Ship(f"navy{index}", arc[pick][0], arc[pick][1], "us", 90.0) for index, pick in enumerate(picks)]
    return [Ship(f"navy{index}", lon, lat, "us", 0.0) for index, (lon, lat) in enumerate(PATROLS)]


def _seen_by(scenario: Scenario, values: tuple, history: Sequence[DayRecord],
             seats: Sequence[str] | None) -> tuple[tuple, tuple[DayRecord, ...]]:
    """The values and record with what the seats may not know put back to how it began."""
    if seats is None:
        return values, tuple(history)
    history = history_seen_by(scenario, history, seats, values)
    holders: tuple[Variable | Flag, ...] = (*scenario.variables.values(), *scenario.flags.values())
    hidden = [(item.slot, item.initial) for item in holders if not all_see(item.visible_to, seats, values)]
    if hidden:
        values = _masked(values, hidden)
        history = tuple(replace(record, values_after=_masked(record.values_after, hidden)) for record in history)
    return values, history


def _masked(values: tuple, hidden: list) -> tuple:
    masked = list(values)
    for slot, initial in hidden:
        masked[slot] = initial
    return tuple(masked)
