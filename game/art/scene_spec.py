"""The picture language: a scene is a list of elements (sky, sea, ship, table...) laid in order.

A scenario's ``art:`` value is untrusted input, so this module only reads plain values: it imports
no numpy and evaluates nothing. ``problems`` lists every mistake with its path inside the
description, so ``brink validate`` and the painter report the same words; ``composition`` turns a
checked description into ``Element`` values with every default filled in, which is all the
painter ever sees.

Forms of ``art:`` this module understands::

    {scene: excomm_table}                         a composition from assets/art/library.yaml
    {scene: quarantine_line, sky: {time: dawn}}   the same, with fields of its sky changed
    {scene: settlement, add: [{flag: {kind: un}}]}  the same, with elements laid on top
    {paint: [{sky: {time: dusk}}, sea, {ship: {kind: destroyer}}]}   an inline composition
    {paint: [room, {person: {who: kennedy, pose: seated}}]}   a scenario's person, from their portrait words
    {image: pictures/dawn.png}                    the author's own file; nothing to paint
    "a sketch of the harbour"                     a note in words: nothing to paint, unless it is
                                                  exactly the name of a library scene

An element is written ``{kind: {field: value, ...}}``, or just ``kind`` to take every default.
Positions (``at``, ``to``) are fractions of the canvas, x from the left and y from the top, so a
composition paints the same at any size. Every element takes ``depth`` (0 near, 1 far): the
further off, the paler and the more it takes the colour of the air (atmospheric perspective).

A ``person`` names someone by id: a role or advisor of the scenario being painted, whose portrait
words paint their head, or one of the library's own people (``people:`` in the library file: U
Thant, a sailor...). The same words that paint a portrait paint the person in a scene.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any
from collections.abc import Iterable, Mapping

from game import geography
from game.art import lettering
from game.scenario.errors import did_you_mean

MAX_ELEMENTS = 64
MAX_COPIES = 600  # every element's count added up: bounds the painting time of any file
MAX_TEXT = 48

# The painter's palette by name; tests check it against game.art.watercolor.PIGMENTS, which this
# module may not import (it pulls in numpy).
PIGMENTS = frozenset((
    "ultramarine", "cerulean", "prussian_blue", "viridian", "sap_green", "olive", "yellow_ochre",
    "raw_sienna", "burnt_sienna", "burnt_umber", "sepia", "vermilion", "alizarin", "rose", "payne_grey",
    "indigo", "ivory_black", "lamp_black", "naples_yellow", "cadmium_yellow", "flesh",
))

TIMES = ("dawn", "day", "dusk", "night", "storm")
POSES = ("bust", "seated", "standing", "speaking", "pointing", "writing", "leaning")
TURNS = ("as_portrait", "front", "left", "right", "away")
EXPRESSIONS = ("as_portrait", "neutral", "stern", "worried", "smiling", "tired")
LIGHTS = ("scene", "left", "right", "above", "front", "behind")
# Where a scene's one light comes from (a room's windows or lamp, the sun): people are modelled by
# it and cast their shadows away from it. "above" is a lamp overhead or a high sun.
SCENE_LIGHTS = ("left", "right", "above", "front", "behind")
HANDS = ("folded", "apart", "holding", "writing")
# The flags the painter draws (game/art/elements/flags.py holds their designs; a test keeps the two
# in step). Named by the map's region words where a country has one.
FLAGS = ("generic", "usa", "ussr", "un", "cuba", "gdr", "frg", "white", "turkey", "germany", "france", "italy",
         "britain", "united_kingdom", "egypt", "uar", "israel", "japan", "china", "poland", "hungary",
         "czechoslovakia", "yugoslavia", "romania", "bulgaria", "netherlands", "belgium", "ireland", "austria",
         "switzerland", "sweden", "norway", "denmark", "finland", "greece", "spain", "russia", "ukraine",
         "estonia", "latvia", "lithuania", "india", "pakistan", "vietnam", "iran", "nigeria", "mexico", "brazil",
         "argentina", "colombia", "lebanon", "jordan", "algeria", "tunisia", "morocco")
# A colour an author gives a flag's stripe: a pigment, the paper left bare, or #rrggbb.
WHITE = "white"
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MAX_STRIPES = 9


@dataclass(frozen=True, slots=True)
class Field:
    """One field of an element: its type, default and limits.

    ``type`` is one of number, count, choice, pigment, point, box, flag, text, person, region
    (a region word of the map) or colours (a list of pigments, ``white`` or ``#rrggbb``).
    """

    type: str
    default: Any
    low: float = 0.0
    high: float = 1.0
    choices: tuple[str, ...] = ()

    def describe(self) -> str:
        """What the field takes, with its range: said in every error about a value out of it."""
        if self.type == "number":
            return f"a number from {self.low:g} to {self.high:g}"
        if self.type == "count":
            return f"a whole number from {self.low:g} to {self.high:g}"
        if self.type == "point":
            return f"[x, y]: two numbers, each from {self.low:g} to {self.high:g}"
        if self.type == "box":
            return ("[west, south, east, north] in degrees: longitudes from -180 to 180, latitudes from -90 to 90, "
                    "west before east and south before north")
        if self.type == "colours":
            return (f"a list of up to {MAX_STRIPES} colours, each a pigment, '{WHITE}' (the paper left bare) "
                    "or '#rrggbb' in quotes")
        return self.type


def _number(default: float, low: float = 0.0, high: float = 1.0) -> Field:
    return Field("number", default, low, high)


def _count(default: int, low: int = 0, high: int = 40) -> Field:
    return Field("count", default, low, high)


def _choice(default: str, *choices: str) -> Field:
    return Field("choice", default, choices=(default, *choices))


def _pigment(default: str | None) -> Field:
    return Field("pigment", default)


def _point(x: float, y: float) -> Field:
    return Field("point", (x, y), -0.5, 1.5)


def _flag(default: bool) -> Field:
    return Field("flag", default)


_SCALE = _number(1.0, 0.05, 4.0)
# Fields shared by everything that can stand in a row: a line of destroyers, a crowd, a convoy.
_ROW = {"count": _count(1, 1, 40), "step": Field("point", (0.1, 0.0), -1.0, 1.0), "recede": _number(0.0, 0.0, 0.5)}

_ELEMENTS: dict[str, dict[str, Field]] = {
    "sky": {"time": _choice("day", *TIMES[:1], *TIMES[2:]), "cloud": _number(0.3), "horizon": _number(0.62),
            "stars": _count(0, 0, 400), "pigment": _pigment(None), "light": _choice(*SCENE_LIGHTS)},
    "sea": {"time": _choice("day", *TIMES[:1], *TIMES[2:]), "horizon": _number(0.62), "swell": _number(0.3),
            "pigment": _pigment(None)},
    "land": {"shape": _choice("map", "coast", "hills", "beach", "plain", "city"),
             "view": _choice("auto", "caribbean", "world"), "region": Field("region", ""),
             "box": Field("box", None, -180.0, 180.0), "tilt": _number(0.0, 0.0, 0.9),
             "horizon": _number(0.62), "side": _choice("left", "right"), "extent": _number(0.5),
             "pigment": _pigment(None), "sea": _pigment("cerulean")},
    "room": {"wall": _pigment("yellow_ochre"), "floor": _pigment("burnt_umber"), "horizon": _number(0.7),
             "time": _choice("day", *TIMES[:1], *TIMES[2:]), "panels": _count(6, 0, 20),
             "light": _choice(*SCENE_LIGHTS)},
    "window": {"at": _point(0.2, 0.35), "scale": _SCALE, "time": _choice("day", *TIMES[:1], *TIMES[2:]),
               "curtains": _flag(True), "view": _choice("sky", "kremlin", "palms", "city"),
               "pigment": _pigment("burnt_umber")},
    "ship": {"kind": _choice("freighter", "destroyer", "carrier", "submarine", "landing_craft"),
             "at": _point(0.5, 0.66), "scale": _SCALE, "heading": _choice("right", "left"),
             "wake": _number(0.4), "turn": _number(0.0, -1.0, 1.0), "pigment": _pigment("payne_grey"),
             "cargo": _flag(False), **_ROW},
    "aircraft": {"kind": _choice("u2", "bomber", "fighter", "helicopter", "il28", "patrol"), "at": _point(0.5, 0.3),
                 "scale": _SCALE, "angle": _number(0.0, -180.0, 180.0), "view": _choice("side", "top", "parked"),
                 "pigment": _pigment("payne_grey"), **_ROW},
    "missile": {"at": _point(0.5, 0.7), "scale": _SCALE, "mount": _choice("erector", "launcher", "trailer"),
                "raised": _number(80.0, 0.0, 90.0), "trucks": _count(2, 0, 8), "tents": _count(3, 0, 8),
                "pigment": _pigment("olive")},
    "building": {"kind": _choice("generic", "white_house", "kremlin", "un_building", "capitol", "apartment",
                                 "checkpoint"),
                 "at": _point(0.5, 0.7), "scale": _SCALE, "lit": _number(0.0), "pigment": _pigment(None), **_ROW},
    "figure": {"pose": _choice("standing", "seated", "speaking", "waving", "soldier"), "at": _point(0.5, 0.8),
               "scale": _SCALE, "spread": _number(0.0), "rows": _count(1, 1, 6),
               "pigment": _pigment("sepia"), **_ROW},
    "table": {"shape": _choice("long", "horseshoe", "desk", "small", "side"), "at": _point(0.5, 0.72), "scale": _SCALE,
              "seats": _count(8, 0, 24), "lamp": _flag(True), "papers": _flag(True),
              "pigment": _pigment("burnt_umber")},
    "television": {"at": _point(0.5, 0.55), "scale": _SCALE, "screen": _choice("president", "speaker", "blank"),
                   "who": Field("person", ""), "glow": _number(0.5), "pigment": _pigment("burnt_umber")},
    "letter": {"at": _point(0.5, 0.6), "scale": _SCALE, "angle": _number(0.0, -90.0, 90.0),
               "lines": _count(9, 0, 24), "seal": _flag(False), "pen": _flag(False), "pigment": _pigment("sepia"),
               **_ROW},
    "papers": {"at": _point(0.5, 0.7), "scale": _SCALE, "count": _count(5, 1, 20), "spread": _number(0.3),
               "pigment": _pigment("sepia")},
    "cloud": {"kind": _choice("mushroom", "puff"), "at": _point(0.5, 0.62), "scale": _SCALE, "glow": _number(0.6),
              "pigment": _pigment("burnt_sienna")},
    "smoke": {"at": _point(0.5, 0.5), "to": _point(0.3, 0.1), "scale": _SCALE, "strength": _number(0.5),
              "pigment": _pigment("payne_grey")},
    "flag": {"kind": _choice(*FLAGS), "at": _point(0.5, 0.6), "scale": _SCALE, "wave": _number(0.4),
             "pole": _flag(True), "stripes": Field("colours", ()), "direction": _choice("horizontal", "vertical")},
    "text_plate": {"text": Field("text", ""), "at": _point(0.5, 0.92), "scale": _SCALE,
                   "pigment": _pigment("sepia")},
    "light": {"at": _point(0.5, 0.3), "radius": _number(0.3, 0.02, 2.0), "strength": _number(0.5),
              "beam": _number(0.0, 0.0, 2.0), "angle": _number(-90.0, -180.0, 180.0),
              "pigment": _pigment("naples_yellow")},
    "tank": {"at": _point(0.5, 0.75), "scale": _SCALE, "heading": _choice("right", "left"),
             "pigment": _pigment("olive"), **_ROW},
    "truck": {"at": _point(0.5, 0.75), "scale": _SCALE, "heading": _choice("right", "left"), "canvas": _flag(True),
              "pigment": _pigment("olive"), **_ROW},
    "wire": {"at": _point(0.0, 0.75), "to": _point(1.0, 0.75), "height": _number(0.12, 0.01, 0.6),
             "posts": _count(9, 2, 60), "strands": _count(4, 1, 8), "pigment": _pigment("sepia")},
    "wall": {"at": _point(0.0, 0.78), "to": _point(1.0, 0.78), "height": _number(0.12, 0.01, 0.6),
             "pigment": _pigment("payne_grey")},
    "road": {"at": _point(0.5, 1.0), "to": _point(0.5, 0.62), "width": _number(0.6, 0.02, 2.0),
             "taper": _number(0.96),
             "lines": _flag(True), "pigment": _pigment("payne_grey")},
    "trees": {"kind": _choice("round", "pine", "palm"), "at": _point(0.0, 0.7), "to": _point(1.0, 0.7),
              "count": _count(8, 1, 60), "scale": _SCALE, "pigment": _pigment(None)},
    "podium": {"at": _point(0.5, 0.8), "scale": _SCALE, "microphones": _count(4, 0, 12),
               "pigment": _pigment("burnt_umber")},
    "handshake": {"at": _point(0.5, 0.5), "scale": _SCALE, "pigment": _pigment("flesh")},
    "mural": {"at": _point(0.5, 0.25), "scale": _SCALE, "pigment": _pigment("burnt_umber")},
    "person": {"who": Field("person", None), "pose": _choice("bust", *POSES[1:]), "turn": _choice(*TURNS),
               "expression": _choice(*EXPRESSIONS), "at": _point(0.5, 0.5), "scale": _SCALE,
               "light": _choice(*LIGHTS), "colour": _choice("natural", "monochrome")},
    "hands": {"who": Field("person", None), "pose": _choice(*HANDS), "at": _point(0.5, 0.7), "scale": _SCALE},
    "weather": {"kind": _choice("haze", "fog", "rain", "drizzle", "snow", "showers", "cloud_shadows"), "strength": _number(0.5),
                "horizon": _number(0.62), "time": _choice("day", *TIMES[:1], *TIMES[2:])},
    "easel": {"at": _point(0.5, 0.7), "scale": _SCALE, "photos": _count(2, 1, 4), "pigment": _pigment("burnt_umber")},
    "prop": {"kind": _choice("microphone", "radio", "telephone", "typewriter", "lamp", "teletype", "globe",
                             "ashtray", "chair"),
             "at": _point(0.5, 0.7), "scale": _SCALE, "pigment": _pigment(None), **_ROW},
    "deck": {"kind": _choice("destroyer", "freighter"), "rail": _flag(True), "gun": _flag(True),
             "horizon": _number(0.55), "pigment": _pigment("payne_grey")},
    "launcher": {"kind": _choice("jupiter", "sa2"), "at": _point(0.5, 0.75), "scale": _SCALE,
                 "raised": _number(85.0, 0.0, 90.0), "shelter": _flag(True), "firing": _flag(False),
                 "pigment": _pigment(None), **_ROW},
    "arcade": {"at": _point(0.5, 0.75), "scale": _SCALE, "arches": _count(5, 1, 12), "pigment": _pigment("naples_yellow")},
}
# every element can stand off in the distance
for _fields in _ELEMENTS.values():
    _fields["depth"] = _number(0.0)
ELEMENTS: Mapping[str, Mapping[str, Field]] = MappingProxyType(_ELEMENTS)

# One sentence per element for the format reference and for "did you mean".
ABOUT = MappingProxyType({
    "sky": "the sky down to the horizon, by time of day, with clouds and stars",
    "sea": "the sea from the horizon down, with swell",
    "land": "land from the map (a view, a box of longitude and latitude, a country) or a generic silhouette",
    "room": "an interior: wall, wainscot and floor",
    "window": "a window onto the sky (or the Kremlin's towers, palms, roofs), with curtains",
    "ship": "a freighter, destroyer, carrier, submarine or landing craft, in profile, with a wake",
    "aircraft": "a U-2, bomber, fighter, helicopter, Il-28 or patrol plane, from the side, from above or parked on "
                "the ground",
    "missile": "a missile on an erector, launcher or trailer, with the trucks and tents of a site",
    "building": "the White House, the Kremlin, the UN, the Capitol, apartments, a checkpoint hut",
    "figure": "standing or seated people, one or a crowd, painted in two values",
    "table": "a long meeting table (from its end, or across it), the Security Council's horseshoe, or a desk",
    "television": "a 1960s set with a figure on its screen (``who``: a person, in black and white)",
    "letter": "a written page on a desk, with a seal or a pen",
    "papers": "a scatter of papers",
    "cloud": "a mushroom cloud, or a white puff of cloud seen from above or afar",
    "smoke": "a trail of smoke from one point to another",
    "flag": "a flag on a pole: a country's (as the map names it), or stripes of colours you choose",
    "text_plate": "a short caption in ink lettering",
    "light": "a glow, or a searchlight's beam",
    "tank": "a tank in profile",
    "truck": "an army truck in profile",
    "wire": "a barbed-wire fence on posts",
    "wall": "a wall of blocks",
    "road": "a road running to the horizon",
    "trees": "a row of trees: round, pine or palm",
    "podium": "a lectern with microphones",
    "handshake": "two hands meeting",
    "mural": "a great painted panel on a wall, like the one behind the Security Council",
    "person": "someone of the scenario (or of the library's people), painted from their portrait words",
    "hands": "a seated person's forearms and hands resting on the table before them, in their own sleeves",
    "weather": "haze, fog, rain, drizzle or snow over everything laid before it; showers hanging from far clouds, "
               "or the shadows of clouds passing over the land",
    "easel": "an easel with enlarged photographs, as shown to the ExComm and the Security Council",
    "prop": "a thing in a room: a microphone, radio, telephone, typewriter, lamp, teletype, globe, ashtray or chair",
    "deck": "the deck of a ship seen from on board, its rail and a gun mount in the foreground",
    "launcher": "a Jupiter missile on its stand with the petal shelter open, or an SA-2 on its launcher",
    "arcade": "a colonnade of round arches, as on the old buildings of Havana",
})

TOP_LEVEL = ("scene", "paint", "add", "image")
PERSON_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True, slots=True)
class Element:
    """One checked element: its kind and every field, defaults filled in."""

    kind: str
    fields: Mapping[str, Any]

    def __getitem__(self, name: str) -> Any:
        return self.fields[name]


class SceneDescriptionError(ValueError):
    """A description the painter refuses; carries every problem found."""

    def __init__(self, found: list[tuple[tuple, str]]):
        self.problems = found
        super().__init__("the picture description has problems:\n" + "\n".join(
            f"  {format_path(path)}: {message}" for path, message in found))


def format_path(path: tuple) -> str:
    text = "art"
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def library_path() -> Path:
    from game import paths  # late: keeps this module importable on its own
    return paths.assets_folder() / "art" / "library.yaml"


_library_cache: dict[str, tuple[Mapping[str, Any], Mapping[str, Any]]] = {}


def _library_file() -> tuple[Mapping[str, Any], Mapping[str, Any]]:
    key = str(library_path())
    if key not in _library_cache:
        import yaml
        try:
            with open(key, encoding="utf-8") as handle:
                data = yaml.safe_load(handle) or {}
        except (OSError, yaml.YAMLError):  # no library: every scene name is then reported unknown
            data = {}
        data = data if isinstance(data, dict) else {}
        scenes, people = data.get("scenes", {}), data.get("people", {})
        _library_cache[key] = (scenes if isinstance(scenes, dict) else {}, people if isinstance(people, dict) else {})
    return _library_cache[key]


def library() -> Mapping[str, Any]:
    """The named compositions of assets/art/library.yaml, read once."""
    return _library_file()[0]


def library_people() -> Mapping[str, Any]:
    """The library's own people (id: portrait words): who a scene may show besides a scenario's cast."""
    return _library_file()[1]


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    return type(value).__name__


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _shown(value: Any) -> str:
    """A wrong value as an error quotes it: a number as written, anything else by its kind."""
    return f"{value:g}" if _is_number(value) else _kind_of(value)


def field_problem(field: Field, value: Any) -> str | None:
    """What is wrong with one field's value, or None. A number's message says its range."""
    if field.type in ("number", "count"):
        whole = field.type == "count"
        if not _is_number(value) or (whole and not isinstance(value, int)):
            return f"must be {field.describe()}, not {_shown(value)}"
        if not field.low <= value <= field.high:
            return f"{value:g} is out of range: {field.describe()}"
    elif field.type in ("choice", "pigment"):
        if not isinstance(value, str):
            return f"must be a name, not {_kind_of(value)}"
        known = field.choices if field.type == "choice" else PIGMENTS
        if value not in known:
            what = "pigment" if field.type == "pigment" else "choice"
            return _unknown(what, value, known)
    elif field.type == "region":
        if not isinstance(value, str):
            return f"must be a region word of the map (egypt, united_kingdom, ussr...), not {_kind_of(value)}"
        if value and value not in geography.regions():
            return geography.unknown_region(value)
    elif field.type == "colours":
        return _colours_problem(field, value)
    elif field.type == "flag":
        if not isinstance(value, bool):
            return f"must be true or false, not {_kind_of(value)}"
    elif field.type == "person":
        if not isinstance(value, str) or not (PERSON_ID.match(value) or (value == "" and field.default == "")):
            return f"must be a person's id (a role, an advisor or one of the library's people), not {_kind_of(value)}"
    elif field.type == "text":
        if not isinstance(value, str):
            return f"must be text, not {_kind_of(value)}"
        if len(value) > MAX_TEXT:
            return f"is {len(value)} characters long; keep it to {MAX_TEXT}"
        missing = lettering.unletterable(value)
        if missing:
            listed = " ".join(f"'{char}' (U+{ord(char):04X})" for char in missing)
            return f"the pen cannot letter {listed}; it letters {lettering.ABOUT}"
    elif field.type in ("point", "box"):
        return _numbers_problem(field, value)
    return None


def _unknown(what: str, value: str, known: Iterable[str]) -> str:
    """An unknown word with a did-you-mean, or every word it could be when nothing is close."""
    guess = did_you_mean(value, known)
    if guess:
        return f"unknown {what} '{value}'{guess}"
    return f"unknown {what} '{value}'; use one of {', '.join(sorted(known))}"


def _numbers_problem(field: Field, value: Any) -> str | None:
    size = 2 if field.type == "point" else 4
    if not isinstance(value, (list, tuple)) or len(value) != size or not all(_is_number(v) for v in value):
        shown = f"{len(value)} values" if isinstance(value, (list, tuple)) else _kind_of(value)
        return f"must be {field.describe()}, not {shown}"
    if field.type == "point":
        if not all(field.low <= v <= field.high for v in value):
            return f"[{', '.join(f'{v:g}' for v in value)}] is out of range: {field.describe()}"
        return None
    west, south, east, north = value
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        return f"[{west:g}, {south:g}, {east:g}, {north:g}] is not a box: {field.describe()}"
    return None


def _colours_problem(field: Field, value: Any) -> str | None:
    if not isinstance(value, (list, tuple)) or len(value) > MAX_STRIPES:
        shown = f"{len(value)} colours" if isinstance(value, (list, tuple)) else _kind_of(value)
        return f"must be {field.describe()}, not {shown}"
    for colour in value:
        if not isinstance(colour, str):
            return f"a colour must be a name or '#rrggbb' in quotes, not {_kind_of(colour)}"
        if colour != WHITE and colour not in PIGMENTS and not HEX_COLOUR.match(colour):
            return _unknown("colour", colour, sorted(PIGMENTS | {WHITE}))
    return None


def element_problems(item: Any, path: tuple) -> list[tuple[tuple, str]]:
    """Problems of one element, written ``{kind: {fields}}`` or a bare ``kind``."""
    given: Mapping[str, Any]
    if isinstance(item, str):
        kind, given = item, {}
    elif isinstance(item, Mapping) and len(item) == 1:
        kind, given = next(iter(item.items()))
        given = {} if given is None else given
    elif isinstance(item, Mapping):
        return [(path, f"an element is one name with its fields, like {{ship: {{kind: destroyer}}}}; "
                       f"this mapping has {len(item)} keys")]
    else:
        return [(path, f"an element must be a name or a mapping, not {_kind_of(item)}")]
    if not isinstance(kind, str) or kind not in ELEMENTS:
        return [(path, f"unknown element '{kind}'{did_you_mean(str(kind), ELEMENTS)}")]
    path = (*path, kind)
    if not isinstance(given, Mapping):
        return [(path, f"the fields of '{kind}' must be a mapping, not {_kind_of(given)}")]
    fields = ELEMENTS[kind]
    found = []
    for name, field in fields.items():  # a field with no default must be given
        if field.default is None and field.type == "person" and name not in given:
            found.append(((*path, name), f"'{kind}' needs '{name}': whom to paint (a role, an advisor or one of "
                                         "the library's people)"))
    for name, value in given.items():
        if name not in fields:
            found.append(((*path, str(name)), f"unknown field '{name}' of '{kind}'{did_you_mean(str(name), fields)}"))
            continue
        if isinstance(value, Mapping) or (isinstance(value, (list, tuple)) and any(
                isinstance(v, (Mapping, list, tuple)) for v in value)):
            found.append(((*path, name), "elements do not nest: a field holds a value, not a mapping or a list of lists"))
            continue
        message = field_problem(fields[name], value)
        if message:
            found.append(((*path, name), message))
    if kind == "flag" and given.get("stripes") and "kind" in given:
        found.append(((*path, "stripes"), "give either 'kind' (a country's flag) or 'stripes' (colours of your own), "
                                          "not both"))
    if kind == "land" and given.get("shape", "map") != "map":
        found.extend(((*path, name), f"'{name}' draws from the map: it needs shape: map (the default), not "
                                     f"{given['shape']}")
                     for name in ("view", "region", "box", "tilt") if name in given)
    return found


def _elements_problems(items: Any, path: tuple) -> list[tuple[tuple, str]]:
    if not isinstance(items, (list, tuple)):
        return [(path, f"must be a list of elements, not {_kind_of(items)}")]
    if len(items) > MAX_ELEMENTS:
        return [(path, f"{len(items)} elements is too many; a picture holds at most {MAX_ELEMENTS}")]
    found = []
    for index, item in enumerate(items):
        found.extend(element_problems(item, (*path, index)))
    return found


def problems(description: Any, scenes: Mapping[str, Any] | None = None,
             people: Iterable[str] | None = None) -> list[tuple[tuple, str]]:
    """Every problem of an ``art:`` value, as (path inside it, message); [] when it can be painted.

    ``scenes`` is the library to resolve ``scene:`` names against (default: assets/art/library.yaml).
    ``people`` are the ids of the scenario's cast: when given, every person a picture shows must
    be one of them or one of the library's people.
    """
    if isinstance(description, str):  # the short form of {scene: NAME}; the schema offers the same names
        known = library() if scenes is None else scenes
        return [] if description in known else [((), f"unknown scene '{description}'{did_you_mean(description, known)}")]
    if not isinstance(description, Mapping):
        return [((), f"a picture must be a mapping such as {{scene: excomm_table}}, not {_kind_of(description)}")]
    if "image" in description:
        others = [k for k in description if k != "image"]
        if not isinstance(description["image"], str):
            return [(("image",), f"must be a file name, not {_kind_of(description['image'])}")]
        return [((k,), "an author's image is shown as it is; it takes no other fields") for k in others]
    if ("scene" in description) == ("paint" in description):
        return [((), "give either 'scene' (a name from the library) or 'paint' (a list of elements)")]
    found: list[tuple[tuple, str]]
    if "paint" in description:
        found = [((str(k),), f"unknown field '{k}' beside 'paint'") for k in description if k != "paint"]
        found.extend(_elements_problems(description["paint"], ("paint",)))
    else:
        found = _scene_problems(description, library() if scenes is None else scenes)
    if not found:
        elements = composition(description, scenes)
        total = sum(element["count"] for element in elements if "count" in element.fields)
        if total > MAX_COPIES:
            found.append(((), f"the elements' counts add up to {total}; a picture holds at most {MAX_COPIES}"))
        found.extend(_frame_problems(description, elements, scenes))
        if people is not None:
            found.extend(_cast_problems(description, elements, set(people)))
    return found


def _element_paths(description: Any, scenes: Mapping[str, Any] | None) -> list[tuple]:
    """Where each element of a composition was written: the path an error about it points to."""
    if isinstance(description, Mapping) and "paint" in description:
        return [("paint", index, _element_kind(item)) for index, item in enumerate(description["paint"])]
    description = {"scene": description} if isinstance(description, str) else description
    base = (library() if scenes is None else scenes)[description["scene"]].get("paint", [])
    return ([(_element_kind(item),) if _element_kind(item) in description else () for item in base]
            + [("add", index, _element_kind(item)) for index, item in enumerate(description.get("add", []))])


def _frame_problems(description: Any, elements: list[Element], scenes: Mapping[str, Any] | None
                    ) -> list[tuple[tuple, str]]:
    """A map's region that its frame (a box, or the Caribbean or world view) leaves out."""
    found = []
    for path, element in zip(_element_paths(description, scenes), elements):
        if element.kind != "land" or element["shape"] != "map" or not element["region"]:
            continue
        frame = element["box"] or (geography.view_bounds(element["view"]) if element["view"] != "auto" else None)
        if frame and not geography.region_reaches(element["region"], frame):
            where = f"the box {list(frame)}" if element["box"] else f"the {element['view']} view"
            found.append(((*path, "region") if path else (), f"the region '{element['region']}' lies outside "
                          f"{where}; leave out 'view' and 'box' to frame it"))
    return found


def _cast_problems(description: Any, elements: list[Element], cast: set[str]) -> list[tuple[tuple, str]]:
    """People a picture shows who are neither in the scenario nor among the library's people."""
    known = cast | set(library_people())
    found: list[tuple[tuple, str]] = []
    named: set[str] = set()
    inline = isinstance(description, Mapping) and "paint" in description
    for index, element in enumerate(elements):
        who = element.fields.get("who")
        if not who or who in known or (not inline and who in named):
            continue  # a library scene names each stranger once, however many elements show them
        named.add(who)
        hint = did_you_mean(who, sorted(known))
        if inline:
            found.append((("paint", index, "person", "who"), f"'{who}' is not a person of this scenario nor one of "
                                                             f"the library's people{hint}"))
        else:
            name = description if isinstance(description, str) else description.get("scene")
            found.append(((), f"the scene '{name}' shows '{who}', who is not a person of this scenario nor one of "
                              f"the library's people{hint}"))
    return found


def people_shown(elements: Iterable[Element]) -> list[str]:
    """The ids of the people a composition paints, in order, each once."""
    seen: dict[str, None] = {}
    for element in elements:
        if element.fields.get("who"):
            seen.setdefault(element.fields["who"], None)
    return list(seen)


def _scene_problems(description: Mapping, scenes: Mapping[str, Any]) -> list[tuple[tuple, str]]:
    name = description["scene"]
    if not isinstance(name, str):
        return [(("scene",), f"must be a scene name, not {_kind_of(name)}")]
    if name not in scenes:
        return [(("scene",), f"unknown scene '{name}'{did_you_mean(name, scenes)}")]
    base = scenes[name].get("paint", []) if isinstance(scenes[name], Mapping) else []
    present = {_element_kind(item) for item in base}
    found = []
    for key, value in description.items():
        if key == "scene":
            continue
        if key == "add":
            found.extend(_elements_problems(value, ("add",)))
        elif key in ELEMENTS:
            if key not in present:
                found.append(((key,), f"the scene '{name}' has no '{key}' to change; use 'add' to lay a new one"))
            else:
                found.extend(element_problems({key: value}, ())[:])
        else:
            known = (*TOP_LEVEL, *ELEMENTS)
            found.append(((str(key),), f"unknown field '{key}'{did_you_mean(str(key), known)}"))
    return found


def _element_kind(item: Any) -> str:
    return item if isinstance(item, str) else next(iter(item))


def _element(item: Any, overrides: Mapping[str, Any] | None = None) -> Element:
    kind = _element_kind(item)
    given = {} if isinstance(item, str) else (item[kind] or {})
    fields = {name: field.default for name, field in ELEMENTS[kind].items()}
    fields.update(given)
    fields.update(overrides or {})
    for name, value in fields.items():  # points arrive as lists from YAML; keep elements hashable
        if isinstance(value, list):
            fields[name] = tuple(value)
    return Element(kind, MappingProxyType(fields))


def composition(description: Any, scenes: Mapping[str, Any] | None = None) -> list[Element]:
    """The elements to paint, in order, for a description that ``problems`` found no fault with."""
    if isinstance(description, str):
        description = {"scene": description}
    if "paint" in description:
        return [_element(item) for item in description["paint"]]
    scenes = library() if scenes is None else scenes
    base = scenes[description["scene"]].get("paint", [])
    changes = {k: v or {} for k, v in description.items() if k in ELEMENTS}
    return ([_element(item, changes.get(_element_kind(item))) for item in base]
            + [_element(item) for item in description.get("add", [])])


def checked_composition(description: Any, scenes: Mapping[str, Any] | None = None,
                        people: Iterable[str] | None = None) -> list[Element]:
    """``composition`` after ``problems``: raises ``SceneDescriptionError`` listing every problem."""
    found = problems(description, scenes, people)
    if found:
        raise SceneDescriptionError(found)
    if isinstance(description, Mapping) and "image" in description:
        raise SceneDescriptionError([(("image",), "an author's image is not painted; show the file itself")])
    return composition(description, scenes)


def names_used(values: Iterable[Any]) -> set[str]:
    """The library scene names a set of ``art:`` values asks for."""
    found = set()
    for value in values:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, Mapping) and isinstance(value.get("scene"), str):
            found.add(value["scene"])
    return found
