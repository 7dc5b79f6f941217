"""The painter's vocabulary as JSON Schema, for the scenario schema editors read.

The portrait words and the picture language are defined once, in ``portrait_spec`` and
``scene_spec``; ``scripts/sync_schema_vocabulary.py`` writes these definitions into
``game/scenario/scenario.schema.json`` and ``tests/test_schema.py`` fails when the two drift,
so an editor completes exactly the words the painter knows.
"""

from __future__ import annotations

from typing import Any

from game import geography
from game.art import portrait_spec, scene_spec


PORTRAIT_WORDS = {
    "face": "The shape of the face: its outline seen from the front.",
    "jaw": "The jaw: narrow, tapered to the chin, rounded, square, broad, or heavy with jowls.",
    "chin": "The chin: small, rounded, square, jutting, double, or receding.",
    "cheeks": "The cheeks: hollow under the cheekbones, flat, full, or jowly.",
    "brow": "The eyebrows and the ridge under them.",
    "nose": "The nose's length and shape.",
    "eyes": "The eyes: their opening, spacing, depth, lids and bags.",
    "mouth": "The mouth: its width, the fullness of the lips, the set of its corners.",
    "ears": "The ears: their size and how far they stand out.",
    "hairline": "Where the hair starts on the forehead (receding at the temples, a widow's peak...).",
    "parting": "Which side the hair is parted on, as the viewer sees the portrait.",
    "hair_volume": "How much hair stands off the head, beyond what the cut gives.",
    "expression": "The face's expression, in the brows, eyes and mouth.",
    "turn": "Which way the head is turned, as the viewer sees it (three-quarter view to the left or right).",
    "mole": "A mole beside the nose, on the viewer's left or right.",
    "teeth": "Whether the mouth opens on the upper teeth (showing), with a gap between the front two (gap), when the sitter smiles or is at rest; a stern, worried or tired face keeps it shut.",
    "hair": "The hair's colour, or how much is left (receding, bald).",
    "hair_colour": "The colour of what hair a receding or bald head keeps.",
    "hair_style": "How the hair is cut and combed.",
    "glasses": "Whether the sitter wears glasses.",
    "glasses_style": "The kind of frames.",
    "moustache": "Whether the sitter has a moustache.",
    "moustache_style": "The cut of the moustache.",
    "beard": "A beard, if any.",
    "attire": "Clothes: a suit, a coat, a uniform of a service, fatigues, a sailor's dungarees...",
    "tie": "The tie with a suit, or none.",
    "medals": "Ribbons and medals on the chest.",
    "cap": "A cap on the head: an officer's peaked cap with a uniform, a patrol cap with fatigues, a sailor's "
           "round white hat with dungarees.",
    "cigar": "A cigar at the mouth.",
    "lipstick": "Lipstick.",
    "skin": "The skin's tone.",
    "age": "The sitter's age in years: lines and grey come with it.",
}

FIELD_WORDS = {
    "at": "Where it stands: [x, y] as fractions of the picture, from the left and from the top.",
    "to": "Where it runs to: [x, y] as fractions of the picture.",
    "scale": "Its size, 1 being the usual size.",
    "pigment": "The paint it is laid in.",
    "count": "How many stand in a row.",
    "step": "The distance from one in the row to the next: [x, y] as fractions of the picture.",
    "recede": "How much each one in the row shrinks, as if further away.",
    "time": "The time of day, which sets the light and colours.",
    "horizon": "The height of the horizon, as a fraction of the picture from the top.",
    "kind": "Which kind it is.",
    "text": "The words, short.",
    "who": "Whom to paint: a role or advisor of the scenario, or one of the library's people.",
    "depth": "How far off it stands: 0 near, 1 far; distance pales it into the colour of the air.",
    "pose": "How the person is shown (a bust, seated, writing, standing, speaking, pointing, or leaning on his "
            "hands on a table), or how their hands rest on the table (folded, apart, holding a page, writing).",
    "light": "Where the light comes from. On a room or a sky: the side of the scene's one light, which people "
             "are modelled by and cast their shadows away from. On a person: 'scene' (the default) takes the "
             "scene's light.",
    "colour": "Natural colours, or black and white (a face on a television screen).",
    "region": "A country of the map (or usa, britain, ussr, yugoslavia, czechoslovakia) to tint; "
              "with no view or box, the map is framed round it.",
    "box": "The map's frame: [west, south, east, north] in degrees.",
    "stripes": "A flag of your own: its stripes' colours, each a pigment, white (the paper) or '#rrggbb' in quotes.",
    "direction": "Which way a flag's own stripes run: horizontal (top to bottom) or vertical (from the pole).",
}


def portrait_definition() -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for key, allowed in portrait_spec.KEYS.items():
        if allowed is bool:
            properties[key] = {"type": "boolean"}
        elif allowed is int:
            low, high = portrait_spec.AGE_RANGE
            properties[key] = {"type": "integer", "minimum": low, "maximum": high}
        else:
            assert isinstance(allowed, tuple)  # the names allowed
            properties[key] = {"enum": list(allowed)}
        properties[key]["description"] = PORTRAIT_WORDS.get(key, f"Portrait: {key.replace('_', ' ')}.")
    return {
        "description": "Drawing parameters for the painted portrait; every key is optional and has a default. "
                       "A baked portrait in assets/art/portraits/<scenario id>/<id>.png is used when present.",
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        "examples": [{"face": "long", "jaw": "tapered", "hair": "dark", "hair_style": "slicked_back",
                      "parting": "right", "glasses": True, "glasses_style": "rimless", "attire": "suit",
                      "tie": "dark", "skin": "light", "age": 46, "expression": "stern", "turn": "front"}],
    }


def _field_schema(key: str, field: scene_spec.Field) -> dict[str, Any]:
    schema = _field_shape(field)
    schema["description"] = FIELD_WORDS.get(key, key.replace("_", " ").capitalize() + ".")
    return schema


def _field_shape(field: scene_spec.Field) -> dict[str, Any]:
    if field.type in ("number", "count"):
        kind = "number" if field.type == "number" else "integer"
        return {"type": kind, "minimum": field.low, "maximum": field.high, "default": field.default}
    if field.type == "choice":
        return {"enum": list(field.choices), "default": field.default}
    if field.type == "pigment":
        return {"enum": sorted(scene_spec.PIGMENTS)}
    if field.type == "person":
        return {"type": "string", "pattern": scene_spec.PERSON_ID.pattern if field.default is None else
                "^([a-z][a-z0-9_]*)?$"}
    if field.type == "flag":
        return {"type": "boolean", "default": field.default}
    if field.type == "region":
        return {"$ref": "#/definitions/region"}
    if field.type == "colours":
        colour = {"anyOf": [{"enum": sorted(scene_spec.PIGMENTS | {scene_spec.WHITE})},
                            {"type": "string", "pattern": scene_spec.HEX_COLOUR.pattern}]}
        return {"type": "array", "maxItems": scene_spec.MAX_STRIPES, "items": colour}
    if field.type == "point":
        return {"type": "array", "minItems": 2, "maxItems": 2,
                "items": {"type": "number", "minimum": field.low, "maximum": field.high}}
    if field.type == "box":
        longitude, latitude = {"type": "number", "minimum": -180, "maximum": 180}, {"type": "number", "minimum": -90,
                                                                                   "maximum": 90}
        return {"type": "array", "minItems": 4, "maxItems": 4, "items": [longitude, latitude, longitude, latitude]}
    return {"type": "string", "maxLength": scene_spec.MAX_TEXT}


def element_definition() -> dict[str, Any]:
    """One element of a composition: a bare name, or {name: {field: value}}."""
    forms: list[dict[str, Any]] = [{"enum": list(scene_spec.ELEMENTS)}]
    for name, fields in scene_spec.ELEMENTS.items():
        inner: dict[str, Any] = {"type": ["object", "null"], "additionalProperties": False,
                                 "description": scene_spec.ABOUT.get(name, name),
                                 "properties": {key: _field_schema(key, field) for key, field in fields.items()}}
        required = [key for key, field in fields.items() if field.type == "person" and field.default is None]
        if required:  # whom to paint cannot be left out
            inner = {**inner, "type": "object", "required": required}
        forms.append({
            "type": "object", "additionalProperties": False, "minProperties": 1, "maxProperties": 1,
            "description": scene_spec.ABOUT.get(name, name), "properties": {name: inner},
        })
    return {"description": "One element of a picture, laid over the ones before it.", "anyOf": forms}


def art_definition(scene_names: list[str]) -> dict[str, Any]:
    elements = {"type": "array", "maxItems": scene_spec.MAX_ELEMENTS, "items": {"$ref": "#/definitions/art_element"}}
    overrides = {name: {"type": ["object", "null"], "description": f"Changes to the scene's {name}."}
                 for name in scene_spec.ELEMENTS}
    return {
        "description": "A picture: a scene from the painter's library ({scene: excomm_table}, or just its name), "
                       "that scene with changes ({scene: quarantine_line, sky: {time: dawn}, add: [...]}), "
                       "a composition of your own ({paint: [sky, sea, {ship: {kind: destroyer}}]}), or your own "
                       "PNG ({image: pictures/dawn.png}, inside the scenario's folder).",
        "anyOf": [
            {"enum": scene_names},
            {"type": "object", "additionalProperties": False, "required": ["image"],
             "properties": {"image": {"type": "string", "description": "A PNG of your own, relative to the "
                                      "scenario's folder (it must stay inside that folder or the game's assets/)."}}},
            {"type": "object", "additionalProperties": False, "required": ["paint"],
             "properties": {"paint": {**elements, "description": "The elements, laid in order."}}},
            {"type": "object", "additionalProperties": False, "required": ["scene"],
             "properties": {"scene": {"enum": scene_names, "description": "A scene of the painter's library."},
                            "add": {**elements, "description": "Elements laid on top of the scene."},
                            **overrides}},
        ],
        "examples": [{"scene": "excomm_table"}, {"paint": ["sky", "sea", {"ship": {"kind": "destroyer"}}]},
                     {"image": "pictures/dawn.png"}],
    }


def region_definition() -> dict[str, Any]:
    return {"description": "A region word of the map: a country's id (egypt, united_kingdom...) or usa, britain, "
                           "ussr, yugoslavia, czechoslovakia; empty for none.",
            "enum": ["", *geography.regions()]}


def definitions() -> dict[str, Any]:
    names = sorted(scene_spec.library())
    return {"portrait": portrait_definition(), "art": art_definition(names), "art_element": element_definition(),
            "region": region_definition()}
