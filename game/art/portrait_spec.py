"""What a scenario may say about a face, and what it means when it says nothing.

A ``portrait:`` mapping in a scenario is untrusted input: the loader, ``brink validate`` and the
schema all check it against the vocabulary here, so this module stays plain Python (no numpy)
and cheap to import. The painter (``game.art.portraits``) reads the same vocabulary through
``resolve``, which fills in every key an author left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from collections.abc import Mapping

from game.scenario.errors import did_you_mean

FACES = ("oval", "round", "long", "narrow", "lean", "square", "broad", "weathered", "heavy")
# The features a likeness hangs on, each a few words from an average head (game/art/likeness.py
# says what each word does to the solid). Sides are as the viewer sees the portrait.
JAWS = ("narrow", "tapered", "rounded", "square", "broad", "heavy")
CHINS = ("small", "rounded", "square", "jutting", "double", "receding")
CHEEKS = ("hollow", "flat", "full", "jowly")
BROWS = ("thin", "arched", "straight", "heavy", "bushy")
NOSES = ("small", "straight", "long", "broad", "aquiline", "snub", "bulbous")
EYES = ("round", "narrow", "deep_set", "hooded", "small", "wide_set", "close_set", "baggy")
MOUTHS = ("thin", "wide", "full", "small", "downturned")
EARS = ("small", "flat", "large", "protruding")
HAIRLINES = ("low", "straight", "high", "receding", "widows_peak")
PARTINGS = ("left", "right", "centre", "none")
HAIR_VOLUMES = ("flat", "close", "full", "thick")
EXPRESSIONS = ("neutral", "stern", "worried", "smiling", "tired")
TURNS = ("front", "left", "right")
MOLES = ("none", "left", "right")
# Whether a smile (or a face at rest) shows the upper teeth, and a gap between the front two
# (Khrushchev's grin); a stern, worried or tired face keeps its mouth shut (likeness.CLOSED_MOUTH).
TEETH = ("hidden", "showing", "gap")
HAIR_COLOURS = ("dark", "brown", "sandy", "auburn", "grey", "white")
# ``hair`` names a colour, or how much of it is left; a receding or bald head takes its colour
# from ``hair_colour`` (or from the sitter's age).
HAIR = HAIR_COLOURS + ("receding", "bald")
HAIR_STYLES = (
    "short_side_parted", "full_side_parted", "tousled_forelock", "slicked_back", "combed_back",
    "wavy_combed_back", "thin_combed", "short_combed", "short_brushed", "thick_wavy",
    "fringe_at_sides", "bob", "bun", "long", "none",
)
GLASSES_STYLES = ("clear_frames", "dark_frames", "rimless")
MOUSTACHE_STYLES = ("clipped", "full", "waxed_guardsman")
BEARDS = ("none", "goatee", "full")
# Civilian dress (``soviet_suit`` is the boxier Eastern-bloc cut, East Germany's too), then the
# services. ``uniform`` alone is a plain officer's tunic for sides the painter knows nothing about.
# ``dungarees`` is an American sailor's working dress: a pale blue chambray shirt tucked into dark
# denim trousers, and with ``cap`` the round white hat (an officer of the navy is ``uniform_navy``).
ATTIRES = (
    "suit", "soviet_suit", "coat", "blouse", "dress", "uniform", "uniform_army", "uniform_air",
    "uniform_navy", "soviet_uniform", "olive_fatigues", "dungarees",
)
TIES = ("dark", "dark_blue", "narrow_dark", "patterned", "red", "bow", "none")
SKINS = ("light", "pale", "sallow", "pink", "ruddy", "light_tan", "olive", "tan", "brown", "dark")

KEYS: dict[str, tuple[str, ...] | type] = {
    "face": FACES,
    "jaw": JAWS,
    "chin": CHINS,
    "cheeks": CHEEKS,
    "brow": BROWS,
    "nose": NOSES,
    "eyes": EYES,
    "mouth": MOUTHS,
    "ears": EARS,
    "hair": HAIR,
    "hair_colour": HAIR_COLOURS,
    "hair_style": HAIR_STYLES,
    "hairline": HAIRLINES,
    "parting": PARTINGS,
    "hair_volume": HAIR_VOLUMES,
    "glasses": bool,
    "glasses_style": GLASSES_STYLES,
    "moustache": bool,
    "moustache_style": MOUSTACHE_STYLES,
    "beard": BEARDS,
    "attire": ATTIRES,
    "tie": TIES,
    "medals": bool,
    "cap": bool,
    "cigar": bool,
    "lipstick": bool,
    "skin": SKINS,
    "age": int,
    "expression": EXPRESSIONS,
    "turn": TURNS,
    "mole": MOLES,
    "teeth": TEETH,
}

AGE_RANGE = (16, 100)

UNIFORMS = ("uniform", "uniform_army", "uniform_air", "uniform_navy", "soviet_uniform")


class PortraitError(ValueError):
    """Portrait parameters the painter refuses; carries every (key, message) problem at once."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = list(problems)
        super().__init__("bad portrait parameters: " + "; ".join(f"{key}: {message}" for key, message in problems))


def problems(params: Any) -> list[tuple[str, str]]:
    """Every problem in a portrait mapping, so an author fixes them all in one pass."""
    if not isinstance(params, Mapping):
        return [("portrait", f"must be a mapping of drawing parameters, not {_kind(params)}")]
    found: list[tuple[str, str]] = []
    for key, value in params.items():
        if not isinstance(key, str):
            found.append((str(key), f"a portrait key must be a word, not {_kind(key)}"))
        elif key not in KEYS:
            found.append((key, f"unknown portrait key '{key}'{did_you_mean(key, KEYS)}"))
        else:
            found.extend(_value_problems(key, value, KEYS[key]))
    return found


def _value_problems(key: str, value: Any, allowed: tuple[str, ...] | type) -> list[tuple[str, str]]:
    if allowed is bool:
        if not isinstance(value, bool):
            return [(key, f"'{key}' must be true or false, not {_kind(value)}")]
        return []
    if allowed is int:
        # YAML reads 'true' as a bool, and bool is an int to Python: refuse it explicitly.
        low, high = AGE_RANGE
        if isinstance(value, bool) or not isinstance(value, int):
            return [(key, f"'{key}' must be a whole number from {low} to {high}, not {_kind(value)}")]
        if not low <= value <= high:
            return [(key, f"'{key}' must be a whole number from {low} to {high}, not {value}")]
        return []
    assert isinstance(allowed, tuple)
    if not isinstance(value, str):
        hint = f" (write {key}: none)" if value is False and "none" in allowed else ""
        return [(key, f"'{key}' must be one of {', '.join(allowed)}, not {_kind(value)}{hint}")]
    if value not in allowed:
        return [(key, f"unknown {key} '{value}'{_suggestion(value, allowed)}")]
    return []


def _suggestion(value: str, allowed: tuple[str, ...]) -> str:
    hint = did_you_mean(value, allowed)
    return hint if hint else " (known: " + ", ".join(allowed) + ")"


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"the text '{value}'"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    return type(value).__name__


@dataclass(frozen=True, slots=True)
class Portrait:
    """A sitter with every parameter decided: what the painter works from."""

    face: str
    jaw: str
    chin: str
    cheeks: str
    brow: str
    nose: str
    eyes: str
    mouth: str
    ears: str
    hair: str            # dark ... white, receding or bald
    hair_colour: str     # the colour of whatever hair there is
    hair_style: str
    hairline: str
    parting: str
    hair_volume: str
    glasses: bool
    glasses_style: str
    moustache: bool
    moustache_style: str
    beard: str
    attire: str
    tie: str
    medals: bool
    cap: bool
    cigar: bool
    lipstick: bool
    skin: str
    age: int
    expression: str
    turn: str
    mole: str
    teeth: str = "hidden"

    @property
    def soviet(self) -> bool:
        return self.attire.startswith("soviet")

    @property
    def uniformed(self) -> bool:
        return self.attire in UNIFORMS


def resolve(params: Mapping[str, Any]) -> Portrait:
    """The full description behind a checked mapping; raises ``PortraitError`` on a bad one.

    Defaults follow the sitters of the period: a dark suit and tie, short side-parted hair, and
    hair that greys with age when the author only said it recedes. Naming a style of glasses or
    moustache implies wearing them. Features left unsaid follow the face (a square face has a
    square jaw and chin), the hairline follows the hair (a receding head recedes at the
    temples), the parting follows the cut (combed-back hair has none).
    """
    found = problems(params)
    if found:
        raise PortraitError(found)
    age = params.get("age", 50)
    hair = params.get("hair", "dark")
    if "hair_colour" in params:
        hair_colour = params["hair_colour"]
    elif hair in HAIR_COLOURS:
        hair_colour = hair
    else:
        hair_colour = "white" if age >= 68 else "grey" if age >= 55 else "brown"
    default_style = {"bald": "fringe_at_sides", "receding": "combed_back"}.get(hair, "short_side_parted")
    attire = params.get("attire", "suit")
    default_tie = "none" if attire in ("olive_fatigues", "dungarees", "blouse", "dress") else "dark"
    glasses_style = params.get("glasses_style", "clear_frames")
    moustache_style = params.get("moustache_style", "full" if params.get("beard") == "full" else "clipped")
    face = params.get("face", "oval")
    hair_style = params.get("hair_style", default_style)
    return Portrait(
        face=face,
        jaw=params.get("jaw", FACE_JAWS.get(face, "rounded")),
        chin=params.get("chin", "square" if face in ("square", "broad") else "rounded"),
        cheeks=params.get("cheeks", FACE_CHEEKS.get(face, "flat")),
        brow=params.get("brow", "straight"),
        nose=params.get("nose", "straight"),
        eyes=params.get("eyes", "baggy" if age >= 62 else "round"),
        mouth=params.get("mouth", "downturned" if age >= 64 else "thin" if face in ("lean", "narrow") else "full"),
        ears=params.get("ears", "flat"),
        hair=hair,
        hair_colour=hair_colour,
        hair_style=hair_style,
        hairline=params.get("hairline", "receding" if hair in ("receding", "bald") else "straight"),
        parting=params.get("parting", "left" if hair_style in PARTED else "none"),
        hair_volume=params.get("hair_volume", "natural"),
        glasses=params.get("glasses", "glasses_style" in params),
        glasses_style=glasses_style,
        moustache=params.get("moustache", "moustache_style" in params),
        moustache_style=moustache_style,
        beard=params.get("beard", "none"),
        attire=attire,
        tie=params.get("tie", default_tie),
        medals=params.get("medals", False),
        cap=params.get("cap", False),
        cigar=params.get("cigar", False),
        lipstick=params.get("lipstick", False),
        skin=params.get("skin", "light"),
        age=age,
        expression=params.get("expression", "neutral"),
        turn=params.get("turn", "front"),
        mole=params.get("mole", "none"),
        teeth=params.get("teeth", "hidden"),
    )


# What a face implies about the features an author does not name.
FACE_JAWS = {"oval": "rounded", "round": "rounded", "long": "tapered", "narrow": "narrow", "lean": "square",
             "square": "square", "broad": "broad", "weathered": "square", "heavy": "heavy"}
FACE_CHEEKS = {"round": "full", "lean": "hollow", "weathered": "hollow", "heavy": "jowly", "broad": "full"}
# Cuts that are combed from a parting.
PARTED = ("short_side_parted", "full_side_parted", "tousled_forelock", "bob", "long", "short_combed")
