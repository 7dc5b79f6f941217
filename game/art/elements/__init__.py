"""The painters of the picture language's elements, one function per element kind.

Every painter takes the canvas and one checked ``Element`` (see game/art/scene_spec.py) and lays
its washes and ink in place; the order of a composition is the order of painting, so later
elements sit on top. ``paint`` also unrolls rows: an element with ``count`` copies is painted
once per copy, each ``step`` further on and ``recede`` smaller, far ones first.
"""

from __future__ import annotations

from types import MappingProxyType
from collections.abc import Callable

from game.art.elements import flags, machines, nature, people, places
from game.art.elements.canvas import Canvas
from game.art.scene_spec import ELEMENTS, Element

PAINTERS: dict[str, Callable[[Canvas, Element], None]] = {
    "sky": nature.sky, "sea": nature.sea, "land": nature.land, "trees": nature.trees, "cloud": nature.cloud,
    "smoke": nature.smoke, "light": nature.light,
    "ship": machines.ship, "aircraft": machines.aircraft, "missile": machines.missile, "tank": machines.tank,
    "truck": machines.truck,
    "building": places.building, "room": places.room, "window": places.window, "wire": places.wire,
    "wall": places.wall, "road": places.road, "flag": flags.flag, "mural": places.mural,
    "figure": people.figure, "table": people.table, "television": people.television, "letter": people.letter,
    "papers": people.papers, "podium": people.podium, "handshake": people.handshake,
    "text_plate": people.text_plate, "person": people.person, "hands": people.hands,
    "weather": nature.weather, "easel": people.easel, "prop": people.prop, "deck": machines.deck,
    "launcher": machines.launcher, "arcade": places.arcade,
}
assert set(PAINTERS) == set(ELEMENTS), "every element of the language needs its painter"


def copies(element: Element) -> list[Element]:
    """An element with a row (count, step, recede) as single elements, the farthest (smallest) first."""
    fields = element.fields
    if "step" not in fields or fields["count"] <= 1:
        return [element]
    row = []
    for index in range(fields["count"]):
        single = dict(fields)
        single["count"] = 1
        single["at"] = (fields["at"][0] + fields["step"][0] * index, fields["at"][1] + fields["step"][1] * index)
        single["scale"] = fields["scale"] * (1.0 - fields["recede"]) ** index
        row.append(Element(element.kind, MappingProxyType(single)))
    if fields["recede"]:
        row.reverse()
    return row


def paint(canvas: Canvas, element: Element) -> None:
    for single in copies(element):
        PAINTERS[single.kind](canvas, single)
