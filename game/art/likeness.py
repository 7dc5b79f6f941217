"""From portrait words to the numbers of a head: the proportions that make a likeness.

Likeness lives mostly in proportions (how wide the skull and the jaw, how long the face, where
the hairline sits, how far apart the eyes, how long the nose) and in the silhouette of the hair,
then in the few features a caricaturist keeps. Each word of ``portrait:`` moves some of these
numbers from an average head; words an author leaves out follow from the ones given (a square
face has a square jaw, an old face heavier lids). ``game.art.head`` builds the solid from a
``Build``; nothing here knows about pixels.

Sides (parting, mole) are as the viewer sees the portrait; a turn to the "left" shows the face
looking toward the viewer's left.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from game.art.portrait_spec import Portrait

# face: skull width, face length, cheekbone width, jaw width, jaw squareness, chin width,
# cheek fullness (negative hollow), jowls
FACE_BUILDS: dict[str, tuple[float, float, float, float, float, float, float, float]] = {
    "oval": (1.00, 1.00, 1.00, 0.95, 0.40, 1.00, 0.0, 0.0),
    "round": (1.1, 0.9, 1.12, 1.1, 0.1, 1.15, 1.0, 0.3),
    "long": (0.94, 1.13, 0.95, 0.88, 0.40, 0.95, -0.3, 0.0),
    "narrow": (0.9, 1.06, 0.88, 0.82, 0.30, 0.88, -0.2, 0.0),
    "lean": (0.96, 1.06, 1.00, 0.90, 0.60, 1.00, -1.0, 0.0),
    "square": (1.00, 1.00, 1.02, 1.08, 1.00, 1.15, 0.0, 0.0),
    "broad": (1.08, 0.98, 1.12, 1.10, 0.70, 1.15, 0.3, 0.2),
    "weathered": (1.00, 1.03, 1.04, 1.00, 0.60, 1.05, -0.7, 0.2),
    "heavy": (1.12, 0.93, 1.14, 1.2, 0.30, 1.2, 1.0, 1.3),
}

# hair style: (volume at the sides, volume on top, strokes, quiff, forelock, wave, falls, bun)
HAIR_CUTS: dict[str, tuple[float, float, str, float, float, float, float, bool]] = {
    "short_side_parted": (0.018, 0.030, "side", 0.0, 0.0, 0.0, 0.0, False),
    "full_side_parted": (0.030, 0.060, "side", 1.0, 0.0, 0.0, 0.0, False),
    "tousled_forelock": (0.030, 0.055, "tousled", 0.4, 1.0, 0.3, 0.0, False),
    "slicked_back": (0.012, 0.020, "back", 0.0, 0.0, 0.0, 0.0, False),
    "combed_back": (0.018, 0.034, "back", 0.0, 0.0, 0.0, 0.0, False),
    "wavy_combed_back": (0.026, 0.050, "wavy", 0.0, 0.0, 1.0, 0.0, False),
    "thin_combed": (0.008, 0.012, "thin", 0.0, 0.0, 0.0, 0.0, False),
    "short_combed": (0.016, 0.028, "back", 0.0, 0.0, 0.0, 0.0, False),
    "short_brushed": (0.014, 0.030, "up", 0.0, 0.0, 0.0, 0.0, False),
    "thick_wavy": (0.040, 0.080, "wavy", 0.3, 0.0, 1.3, 0.0, False),
    "fringe_at_sides": (0.014, 0.010, "fringe", 0.0, 0.0, 0.0, 0.0, False),
    "bob": (0.030, 0.050, "side", 0.0, 0.0, 0.2, 1.0, False),
    "bun": (0.016, 0.030, "back", 0.0, 0.0, 0.0, 0.0, True),
    "long": (0.030, 0.050, "side", 0.0, 0.0, 0.3, 2.0, False),
    "none": (0.0, 0.0, "none", 0.0, 0.0, 0.0, 0.0, False),
}
# Cuts whose sides stay trimmed however thick the hair (the side volume's cap): the full, side-parted
# cut of the early sixties, short over the ears with the length on top, combed up and across from
# the parting (Kennedy's); thick hair there shows as a higher front, and the ears stay in sight.
TRIMMED_SIDES = {"full_side_parted": 0.026}
QUIFF_BY_VOLUME = {"flat": 0.5, "close": 0.8, "full": 1.0, "thick": 1.5}
HAIR_VOLUMES = {"flat": (0.010, 0.015), "close": (0.018, 0.030), "full": (0.030, 0.062), "thick": (0.042, 0.090)}
HAIRLINES = {"low": (0.33, 0.03, 0.0), "straight": (0.37, 0.05, 0.0), "high": (0.42, 0.07, 0.0),
             "receding": (0.45, 0.13, 0.0), "widows_peak": (0.4, 0.07, 0.05)}
TURNS = {"front": 0.0, "left": 21.0, "right": -21.0}


@dataclass(frozen=True, slots=True)
class Build:
    """A head's measurements and features, in head units (chin to crown about 1, eye line y = 0)."""

    skull: float = 1.0
    length: float = 1.0
    cheekbones: float = 1.0
    jaw: float = 0.95
    square: float = 0.4
    chin_width: float = 1.0
    chin_jut: float = 0.0
    jowls: float = 0.0
    double_chin: float = 0.0
    cheeks: float = 0.0
    brow_ridge: float = 1.0
    brow_weight: float = 1.0
    brow_arch: float = 0.5
    eye_x: float = 0.138
    eye_open: float = 1.0
    eye_size: float = 1.0
    deep_eyes: float = 0.0
    hooded: float = 0.0
    eye_bags: float = 0.0
    nose_length: float = 1.0
    nose_width: float = 1.0
    nose_bulb: float = 1.0
    nose_hump: float = 0.0
    nose_up: float = 0.0
    mouth_width: float = 1.0
    lips: float = 0.0
    mouth_turn: float = 0.0
    ears_out: float = 0.3
    ear_size: float = 1.0
    neck: float = 1.0
    hair_side: float = 0.018
    hair_top: float = 0.03
    hair_volume: float = 1.0
    strokes: str = "side"
    part_x: float = -0.12
    quiff: float = 0.0
    forelock: float = 0.0
    wave: float = 0.0
    falls: float = 0.0
    bun: bool = False
    hairline_y: float = 0.37
    temples: float = 0.03
    widows_peak: float = 0.0
    sideburns: float = 0.5
    fringe_only: bool = False
    beard: str = "none"
    moustache: str = "none"
    cap: str = "none"
    cigar: bool = False
    mole: str = "none"
    teeth: str = "hidden"
    expression: str = "neutral"
    age: int = 50
    yaw: float = 0.0
    pitch: float = 0.0

    @property
    def nose_base_y(self) -> float:
        return -0.225 * self.length - 0.03 * (self.nose_length - 1.0)

    @property
    def mouth_y(self) -> float:
        return -0.31 * self.length - 0.015 * (self.nose_length - 1.0)

    @property
    def chin_y(self) -> float:
        return -0.52 * self.length

    @property
    def jaw_angle(self) -> tuple[float, float, float]:
        """The angle of the jaw under the ear (the viewer's right side), where the jaw's lower edge turns
        up toward the ear: narrower than the cheekbones even in a square jaw, about level with the mouth."""
        return 0.19 * self.jaw, -(0.29 + 0.04 * self.square) * self.length, -0.08


# How far a likeness is pushed past the plain facts: each measurement's distance from the average
# head is multiplied by this, as Brennan's caricature generator does ("Caricature Generator:
# The Dynamic Exaggeration of Faces by Computer", Leonardo 18(3), 1985). A little exaggeration
# makes a face read as itself at a glance, which a 64 px chip needs.
EXAGGERATION = 1.6
# The measurements that are exaggerated; the rest (hair, expression, turn) are words, not sizes.
_PROPORTIONS = ("skull", "length", "cheekbones", "jaw", "square", "chin_width", "chin_jut", "jowls",
                "double_chin", "cheeks", "brow_ridge", "brow_weight", "eye_x", "eye_open", "eye_size", "deep_eyes",
                "nose_length", "nose_width", "nose_bulb", "nose_hump", "nose_up", "mouth_width", "lips", "ears_out",
                "ear_size", "hair_side", "hair_top")
_AVERAGE = Build()


def exaggerate(build: Build, amount: float = EXAGGERATION) -> Build:
    """The same face with every proportion pushed further from the average head."""
    changes = {}
    for name in _PROPORTIONS:
        mean = getattr(_AVERAGE, name)
        changes[name] = mean + amount * (getattr(build, name) - mean)
    changes["skull"] = min(max(changes["skull"], 0.86), 1.16)
    changes["length"] = min(max(changes["length"], 0.86), 1.2)
    changes["eye_open"] = max(changes["eye_open"], 0.56)  # small eyes, but eyes: a slit reads as a line
    changes["eye_size"] = max(changes["eye_size"], 0.72)
    changes["hair_side"] = max(changes["hair_side"], 0.0)
    changes["hair_top"] = max(changes["hair_top"], 0.0)
    return replace(build, **changes)


# The moods that set the mouth shut: the teeth a sitter shows in a grin (Khrushchev's gap) are not
# shown by the same man worried or stern in a scene, where an open mouth read as a gape.
CLOSED_MOUTH = ("stern", "worried", "tired")


def build_for(sitter: Portrait) -> Build:
    """The head behind a resolved portrait: face, then each feature word, then age and expression."""
    skull, length, cheekbones, jaw, square, chin, cheeks, jowls = FACE_BUILDS[sitter.face]
    b = Build(skull=skull, length=length, cheekbones=cheekbones, jaw=jaw, square=square, chin_width=chin,
              cheeks=cheeks, jowls=jowls, age=sitter.age, expression=sitter.expression,
              yaw=TURNS[sitter.turn], neck=0.92 + 0.12 * (skull - 0.9) / 0.2)
    b = _jaw(b, sitter.jaw)
    b = _chin(b, sitter.chin)
    b = _cheeks(b, sitter.cheeks)
    b = _brow(b, sitter.brow)
    b = _nose(b, sitter.nose)
    b = _eyes(b, sitter.eyes)
    b = _mouth(b, sitter.mouth)
    b = _ears(b, sitter.ears)
    b = _hair(b, sitter)
    # a heavy jaw sits on a thick neck, a narrow one on a slimmer neck: the neck is never a stalk
    # under a wide face (Stevenson, LeMay, Khrushchev)
    b = replace(b, neck=b.neck + 0.3 * (b.jaw - 0.95) + 0.05 * min(b.jowls, 2.0))
    b = _age(b, sitter.age)
    b = _expression(b, sitter.expression)
    cap = "none"
    if sitter.cap:
        cap = "service" if sitter.uniformed else "white_hat" if sitter.attire == "dungarees" else "patrol"
    b = replace(b, beard=sitter.beard, moustache=sitter.moustache_style if sitter.moustache else "none",
                cap=cap, cigar=sitter.cigar, mole=sitter.mole,
                teeth="hidden" if sitter.expression in CLOSED_MOUTH else sitter.teeth)
    return exaggerate(b)



def _jaw(b: Build, jaw: str) -> Build:
    changes: dict[str, Any] = {
        "narrow": dict(jaw=b.jaw * 0.88, square=0.2), "tapered": dict(jaw=b.jaw * 0.9, square=0.1, chin_width=0.85),
        "rounded": dict(square=0.2), "square": dict(jaw=max(b.jaw, 1.0) * 1.04, square=1.0),
        "broad": dict(jaw=b.jaw * 1.12, square=max(b.square, 0.7)), "heavy": dict(jaw=b.jaw * 1.08, jowls=max(b.jowls, 1.2)),
    }.get(jaw, {})
    return replace(b, **changes)


def _chin(b: Build, chin: str) -> Build:
    changes: dict[str, Any] = {
        "small": dict(chin_width=0.8, chin_jut=-0.3), "rounded": dict(chin_width=1.0),
        "square": dict(chin_width=1.25), "jutting": dict(chin_jut=1.0, chin_width=1.1),
        "double": dict(double_chin=1.0), "receding": dict(chin_jut=-0.8, chin_width=0.9),
    }.get(chin, {})
    return replace(b, **changes)


def _cheeks(b: Build, cheeks: str) -> Build:
    changes: dict[str, Any] = {"hollow": dict(cheeks=-1.0), "flat": dict(cheeks=0.0), "full": dict(cheeks=1.0),
               "jowly": dict(cheeks=0.6, jowls=max(b.jowls, 1.0))}.get(cheeks, {})
    return replace(b, **changes)


def _brow(b: Build, brow: str) -> Build:
    changes: dict[str, Any] = {"thin": dict(brow_weight=0.6), "arched": dict(brow_arch=1.0), "straight": dict(brow_arch=0.0),
               "heavy": dict(brow_ridge=1.35, brow_weight=1.5, brow_arch=0.2),
               "bushy": dict(brow_ridge=1.2, brow_weight=1.9, brow_arch=0.3)}.get(brow, {})
    return replace(b, **changes)


def _nose(b: Build, nose: str) -> Build:
    changes: dict[str, Any] = {"small": dict(nose_length=0.82, nose_width=0.9), "straight": {},
               "long": dict(nose_length=1.25), "broad": dict(nose_width=1.3, nose_bulb=1.1),
               "aquiline": dict(nose_hump=1.0, nose_length=1.12), "snub": dict(nose_up=1.0, nose_length=0.8),
               "bulbous": dict(nose_bulb=1.35, nose_width=1.22)}.get(nose, {})
    return replace(b, **changes)


def _eyes(b: Build, eyes: str) -> Build:
    changes: dict[str, Any] = {"round": dict(eye_open=1.15), "narrow": dict(eye_open=0.7), "deep_set": dict(deep_eyes=1.0),
               "hooded": dict(hooded=1.0, eye_open=0.85), "small": dict(eye_size=0.8, eye_open=0.8),
               "wide_set": dict(eye_x=0.152), "close_set": dict(eye_x=0.124),
               "baggy": dict(eye_bags=1.0)}.get(eyes, {})
    return replace(b, **changes)


def _mouth(b: Build, mouth: str) -> Build:
    changes: dict[str, Any] = {"thin": dict(lips=-1.0), "wide": dict(mouth_width=1.2), "full": dict(lips=1.0),
               "small": dict(mouth_width=0.85), "downturned": dict(mouth_turn=-1.0)}.get(mouth, {})
    return replace(b, **changes)


def _ears(b: Build, ears: str) -> Build:
    changes: dict[str, Any] = {"small": dict(ear_size=0.85), "flat": dict(ears_out=0.0), "large": dict(ear_size=1.2, ears_out=0.7),
               "protruding": dict(ears_out=1.2)}.get(ears, {})
    return replace(b, **changes)


def _hair(b: Build, sitter: Portrait) -> Build:
    side, top, strokes, quiff, forelock, wave, falls, bun = HAIR_CUTS[sitter.hair_style]
    if sitter.hair_volume in HAIR_VOLUMES and strokes not in ("none", "fringe"):
        side, top = HAIR_VOLUMES[sitter.hair_volume]
        if sitter.hair_style in TRIMMED_SIDES:  # more hair goes to the top and the swept front, not the sides
            side = min(side, TRIMMED_SIDES[sitter.hair_style])
            quiff *= QUIFF_BY_VOLUME[sitter.hair_volume]
    hairline_y, temples, peak = HAIRLINES[sitter.hairline]
    part = {"left": -0.12, "right": 0.12, "centre": 0.0, "none": 0.0}[sitter.parting]
    fringe_only = sitter.hair == "bald" or strokes == "fringe"
    if fringe_only:  # the band left round the sides and back: cropped close, but thick enough to show
        strokes = "fringe"
        side = max(side, 0.024)
    return replace(b, hair_side=side, hair_top=top, hair_volume=0.0 if strokes == "none" else 1.0, strokes=strokes,
                   part_x=part if sitter.parting != "none" else 0.0, quiff=quiff, forelock=forelock, wave=wave,
                   falls=falls, bun=bun, hairline_y=hairline_y, temples=temples, widows_peak=peak,
                   fringe_only=fringe_only)


def _age(b: Build, age: int) -> Build:
    """Age settles the face: heavier lids and bags, a softer jaw line, a thinner top."""
    years = max(0.0, (age - 40) / 30.0)
    return replace(b, eye_bags=max(b.eye_bags, 0.6 * years), jowls=b.jowls + 0.3 * years,
                   hooded=max(b.hooded, 0.4 * years), mouth_turn=b.mouth_turn - 0.2 * years)


def _expression(b: Build, expression: str) -> Build:
    if expression == "smiling":
        return replace(b, cheeks=b.cheeks + 0.4, eye_open=b.eye_open * 0.85, mouth_width=b.mouth_width * 1.08)
    if expression == "tired":
        return replace(b, eye_open=b.eye_open * 0.8, eye_bags=b.eye_bags + 0.5, pitch=-5.0)
    if expression == "stern":
        return replace(b, eye_open=b.eye_open * 0.9, brow_arch=b.brow_arch * 0.5)
    if expression == "worried":
        return replace(b, eye_open=b.eye_open * 1.05)
    return b
