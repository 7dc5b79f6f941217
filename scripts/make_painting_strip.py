"""Draw docs/painting-before-after.png: crops of paintings as the painter made them before the
watercolor and likeness work (read from a git revision) beside the same crops as baked now.

    python scripts/make_painting_strip.py [--before REV]
    python scripts/make_painting_strip.py --second-pass
    python scripts/make_painting_strip.py --third-pass
    python scripts/make_painting_strip.py --fourth-pass
    python scripts/make_painting_strip.py --fifth-pass
    python scripts/make_painting_strip.py --sixth-pass
    python scripts/make_painting_strip.py --seventh-pass
    python scripts/make_painting_strip.py --eighth-pass
    python scripts/make_painting_strip.py --ninth-pass
    python scripts/make_painting_strip.py --tenth-pass
    python scripts/make_painting_strip.py --eleventh-pass
    python scripts/make_painting_strip.py --twelfth-pass
    python scripts/make_painting_strip.py --thirteenth-pass
    python scripts/make_painting_strip.py --fourteenth-pass

REV is the revision whose assets/art holds the "before" paintings (default: the last one before
the portraits were built as solid heads). Each row is one crop: before on the left, now on the
right (or above and below, when the crop is too wide for both), with a caption.
``--second-pass`` draws docs/painting-second-pass.png instead: the cast and two scenes as the
first solid heads painted them and as they are painted now. ``--third-pass`` draws
docs/painting-third-pass.png: the sitters tuned in the third pass and Castro's cap, as the second
pass painted them and as they are painted now. ``--fourth-pass`` draws docs/painting-fourth-pass.png:
the principals as the third pass painted them and as the fourth (the head's planes, eyes, mouth,
neck and the principals' likeness) paints them. ``--fifth-pass`` draws docs/painting-fifth-pass.png:
the principals, a row of the lineup at chip size and the ExComm's heads as the fourth pass painted
them and as the fifth (neck and collar, one shadow shape, brows and lids, skin) paints them.
``--sixth-pass`` draws docs/painting-sixth-pass.png: the principals, the lineup and two scenes as
the fifth pass painted them and as the sixth (ears, jaw, neck, hairline, brows, the far cheek,
whole jackets, faces that hide what is behind them) paints them. ``--seventh-pass`` draws
docs/painting-seventh-pass.png: the principals and the lineup as the sixth pass painted them and
as the seventh (graded half-tones, lost and found edges, noses, the chin's light, lids, rimless
lenses, brows and hair) paints them. ``--eighth-pass`` draws docs/painting-eighth-pass.png: the
principals, the lineup and the ExComm as the seventh pass painted them and as the eighth (the chin
a rounded mass, a man's shoulders, a calmer neck, greyed whites of the eyes, one lamp for every
turn of the head) paints them. ``--ninth-pass`` draws docs/painting-ninth-pass.png: faces, the
lineup and the ExComm as the eighth pass painted them and as the ninth (brows longer than the eye,
tapered and arched, lighter than the lashes; a bald head's cropped fringe; smoke and a lamp's
light that lie over what is behind them) paints them. ``--tenth-pass`` draws
docs/painting-tenth-pass.png: eyes, faces, the Presidium, the ExComm, the Security Council and the
lineup as the ninth pass painted them and as the tenth (narrowed eyes, grey pale eyes, a worried
mouth shut, the nose's flank, a warm shadow core, soft creases, a jacket in one wash, figures seen
from behind with their shoulders, figures that stand in front of what is behind them) paints them.
``--eleventh-pass`` draws docs/painting-eleventh-pass.png: glasses, brows, a cigar, a bald man's
fringe, the ExComm, The Loneliest Job and the lineup as the tenth pass painted them and as the
eleventh (lenses as big as real ones, a cigar as big as a real one, brown brows that read, a fringe
over the scalp, heels seen from behind, a desk that covers, a palette that keeps faces) paints them.
``--twelfth-pass`` draws docs/painting-twelfth-pass.png: figures in the Kremlin, the Security
Council, the signing of the proclamation and the ExComm as the eleventh pass painted them and as
the twelfth (no pale rim round a figure, trousers and sleeves that do not fray, the crease between
arm and body, a jacket that turns toward its far side, sleeves that meet the body at the table, a
luminous shadow on the broad cheek, hair to the nape) paints them, with two portraits.
``--thirteenth-pass`` draws docs/painting-thirteenth-pass.png: eyes, mouths and a moustache in the
portraits, the heads of the ExComm, of Havana and of the President on television, as the twelfth
pass painted them and as the thirteenth (portraits painted on a larger sheet and averaged down,
scene heads on a sheet of their own, a clipped moustache, the fold from the nose, a grey face on a
grey screen, a microphone) paints them. ``--fourteenth-pass`` draws docs/painting-fourteenth-pass.png:
two faces, the quarantine line, its officer's cap and the Il-28s as the thirteenth pass painted
them and as the fourteenth (a warm shadow side of the nose, hollow cheeks, sailors in their working
dress, an officer's cap on the brow, aircraft parked on the ground, a man's legs and hands) paints them.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.art import png  # noqa: E402
from game.engine.atomic import write_bytes_atomically  # noqa: E402

BEFORE = "cd33bdc"
SECOND_PASS_BEFORE = "08f390d"  # the first pass of solid heads
THIRD_PASS_BEFORE = "f119c8f"  # the second pass
PAPER = (238, 227, 204)
# (file under assets/art, crop box x0, y0, x1, y1 in its pixels, scale, caption)
CROPS = (
    ("portraits/cuban_missile_crisis_1962/khrushchev.png", (0, 0, 256, 256), 1, "Khrushchev: a template face, then a solid head lit in planes"),
    ("portraits/cuban_missile_crisis_1962/mcnamara.png", (0, 0, 256, 256), 1, "McNamara: slicked hair, rimless glasses, a long face turned"),
    ("portraits/cuban_missile_crisis_1962/castro.png", (0, 0, 256, 256), 1, "Castro: beard, cap and fatigues"),
    ("scenes/cuban_missile_crisis_1962/excomm_table.png", (160, 120, 1120, 660), 0.5, "The ExComm: silhouettes, then the cast from their portrait words"),
    ("scenes/cuban_missile_crisis_1962/quarantine_line.png", (0, 0, 1280, 720), 0.4, "The quarantine line: flat bands, then a sky wetted first, haze and a deck"),
)


# The second pass: a row of the lineup (which lives in docs/), then scenes with people in them.
SECOND_PASS_CROPS = (
    ("docs/portraits-lineup.png", (0, 226, 976, 356), 1, "Kennedy, Khrushchev, RFK, McNamara, Rusk, Bundy, Taylor: necks, light and shadow, hair masses"),
    ("docs/portraits-lineup.png", (0, 550, 976, 680), 1, "Gromyko, Malinovsky, Mikoyan, Kozlov, Dobrynin, Pliyev, Castro: lit on the broad side"),
    ("assets/art/scenes/cuban_missile_crisis_1962/excomm_table.png", (100, 260, 1180, 620), 0.5, "The ExComm: busts cut off in mid-air, then seated down behind the table"),
    ("assets/art/scenes/berlin_1961/press_conference.png", (0, 160, 1280, 720), 0.5, "The press: a ghost at the lectern and black heads, then the President and an audience in two values"),
)

# The third pass: the faces' structure (side planes, sockets, sharp form accents), the sitters
# tuned to their photographs, and the Cuban patrol cap.
_FACE = (24, 0, 232, 208)
THIRD_PASS_CROPS = tuple(
    (f"portraits/cuban_missile_crisis_1962/{who}.png", _FACE, 1, caption) for who, caption in (
        ("kennedy", "Kennedy: square jaw, full cheeks, heavy lids, the thick swept hair"),
        ("rfk", "Robert Kennedy: long narrow face, hollow cheeks, forelock low on the brow, ears"),
        ("dobrynin", "Dobrynin: broad fleshy face, receding dark hair, small eyes behind glasses, smiling"),
        ("bundy", "Bundy: round boyish face, thin sandy hair parted, clear frames, thin mouth"),
        ("castro", "Castro: the box of a cap, then a soft patrol cap in olive drab"),
        ("mcnamara", "McNamara: the nose's side and the sockets stated with a small brush"),
    ))


# The fourth pass: the head modelled in a light side, a half-tone and a soft core shadow, eyes with
# whites, mouth and neck restated; the principals as the third pass left them and now.
FOURTH_PASS_BEFORE = "6aae8d3"  # the third pass, as merged
FOURTH_PASS_CROPS = tuple(
    (f"portraits/cuban_missile_crisis_1962/{who}.png", _FACE, 1, caption) for who, caption in (
        ("khrushchev", "Khrushchev: eyes with whites, the mole out on the cheek, the mouth open on a gap-toothed grin"),
        ("kennedy", "Kennedy: eyes with whites and a catchlight, the side planes of the face turning into half-tone"),
        ("mikoyan", "Mikoyan: the nose's cast shadow lighter (still too dark), eyes that read as eyes"),
        ("mcnamara", "McNamara: rimless glasses that show, the jaw rather than the skull drawing the lower face"),
        ("malinovsky", "Malinovsky: heavy lids, jowls, bushy brows, grey hair brushed back"),
        ("castro", "Castro: the beard one darker mass with a lit side, less mottled"),
    ))


# The fifth pass: the neck and collar, a light shape and one shadow shape, brows and lids that
# read at chip size, skin by sitter; the principals as the fourth pass left them and now.
FIFTH_PASS_BEFORE = "fec4d12"  # main when the fifth pass began
_HEAD_AND_COLLAR = (24, 0, 232, 232)


def _principals(box: tuple[int, int, int, int], captions: tuple[tuple[str, str], ...], scale: float = 1) -> tuple:
    """The crops of some 1962 portraits, each with its caption, at ``scale`` (2: enlarged pixel for pixel)."""
    return tuple((f"portraits/cuban_missile_crisis_1962/{who}.png", box, scale, caption) for who, caption in captions)


FIFTH_PASS_CROPS = _principals(_HEAD_AND_COLLAR, (
        ("kennedy", "Kennedy: a short neck into a collar that wraps it, the jaw's shadow on the throat"),
        ("khrushchev", "Khrushchev: the jowls melted into the face instead of lumps on its outline"),
        ("gromyko", "Gromyko: sallow, the far side of the long face one shadow shape, heavy brows"),
        ("mikoyan", "Mikoyan: no blot beside the nose (a crease in the solid), the shadow a shape"),
        ("mcnamara", "McNamara: pale, the far cheek in shadow, the hollow cheek a plane not a dimple"),
        ("lemay", "LeMay: ruddy, heavy brows, a thick neck under the heavy jaw"),
    )) + (
    ("docs/portraits-lineup.png", (0, 226, 976, 518), 1, "The 1962 principals at the size of the lineup: necks, brows, lids, skins"),
    ("assets/art/scenes/cuban_missile_crisis_1962/excomm_table.png", (260, 250, 1240, 480), 1, "The ExComm's heads: the same words, the same necks and collars"),
)


# The 1962 principals' rows of the lineup, as the passes since the sixth compare them.
LINEUP_1962 = ("docs/portraits-lineup.png", (0, 226, 976, 518), 1, "The 1962 principals at the size of the lineup")


# The sixth pass: ears that stand off the skull, the neck set back so the jaw's underside reads,
# narrower jaw angles (no box faces), a swept hairline, lighter irises and brows, lips through a
# beard, the far cheek's shadow one shape; a standing man's jacket in one wash, faces that hide
# what is behind them. The principals as the fifth pass left them and now.
SIXTH_PASS_BEFORE = "ff7b013"  # main when the sixth pass began
SIXTH_PASS_CROPS = _principals(_HEAD_AND_COLLAR, (
        ("kennedy", "Kennedy: the jaw no longer a box, the hair swept down over the far temple"),
        ("khrushchev", "Khrushchev: the ears stand off the round head"),
        ("mikoyan", "Mikoyan: the far cheek one shadow shape, not a stripe beside the nose"),
        ("castro", "Castro: the mouth shows through the beard"),
        ("malinovsky", "Malinovsky: dark hair and a darker complexion, as in 1962"),
        ("lemay", "LeMay: brows and lids that no longer join into a bar"),
    )) + (
    LINEUP_1962,
    ("assets/art/scenes/cuban_missile_crisis_1962/excomm_table.png", (260, 250, 1240, 480), 1,
     "The ExComm: no curtain showing through McNamara's forehead"),
    ("assets/art/scenes/cuban_missile_crisis_1962/photo_interpreters.png", (540, 140, 840, 680), 1,
     "The photo interpreter: one jacket from collar to hips, no seam at the waist"),
)

# The seventh pass: the half-tone graded and the shadow shape a lighter glaze with lost and found
# edges, the nose stated on its own, the chin kept in the shirt's light, lids without a tail,
# rimless lenses, brows and hair locks in the hair's own darks. The principals as the sixth pass
# left them and now.
SEVENTH_PASS_BEFORE = "6307ae3"  # main when the seventh pass began
SEVENTH_PASS_CROPS = _principals(_HEAD_AND_COLLAR, (
        ("kennedy", "Kennedy: a nose, and the chin in the light (the lower face read as a beard)"),
        ("gromyko", "Gromyko: the far side turns in a graded half-tone, no flat block"),
        ("mcnamara", "McNamara: rimless lenses, only their lower edge and the bridge"),
        ("khrushchev", "Khrushchev: the nose's shadow side, its base and the mole beside it"),
        ("rfk", "Robert Kennedy: lids without a tail, the chin and the forelock"),
        ("bundy", "Bundy: an oval face with full cheeks instead of a balloon"),
    )) + (
    LINEUP_1962,
)

# The eighth pass: the chin a rounded mass melted into the face (a square chin was a shelf), the
# shoulders as broad as a man's, the neck's half-tone laid soft and its sides not outlined, the
# whites of the eyes greyed, paler frown lines and hair sheen, one lamp to the left for every turn of
# the head. The principals as the seventh pass left them and now.
EIGHTH_PASS_BEFORE = "59eb8f2"  # main when the eighth pass began
EIGHTH_PASS_CROPS = _principals((0, 0, 256, 256), (
        ("kennedy", "Kennedy: the square chin a rounded mass, no shelf under the mouth; broad shoulders"),
        ("bundy", "Bundy: the neck a soft half-tone under the jaw, not a ragged dark patch"),
        ("rfk", "Robert Kennedy: greyed whites of the eyes, no white stare; a calmer neck"),
        ("mcnamara", "McNamara: a pale crease between the brows, not an orange scratch"),
        ("khrushchev", "Khrushchev: the Soviet cut's broad shoulders"),
        ("gromyko", "Gromyko, turned left: lit from the left like his jacket, the broad cheek in half-tone"),
        ("castro", "Castro: the beard's cheek line from the foot of the sideburn, lower and steeper"),
    )) + (
    LINEUP_1962,
    ("assets/art/scenes/cuban_missile_crisis_1962/excomm_table.png", (260, 250, 1240, 520), 1,
     "The ExComm: the same shoulders at the table"),
)

# The ninth pass: brows as long as the eye and a little more, a soft head, an arch over the outer
# iris and a thinning tail, lighter than the lash line (short near-black bars read as dark glasses
# at the chips' size); a bald head's fringe as cropped hair over the scalp. Faces as the eighth pass
# left them and now, the eyes at twice the size.
NINTH_PASS_BEFORE = "c4d6905"  # main when the ninth pass began
_EYES = (56, 40, 200, 136)
NINTH_PASS_CROPS = _principals(_EYES, (
        ("alekseev", "Alekseev: bushy brows that arch and thin, not two black bars over the eyes"),
        ("gromyko", "Gromyko: heavy brows still, with a head and a tail"),
        ("dobrynin", "Dobrynin: brows past the outer corner of the eye, behind the lenses"),
        ("kennedy", "Kennedy: the brows' arch over the outer iris"),
    ), scale=2) + _principals(_HEAD_AND_COLLAR, (
        ("rusk", "Rusk: the cropped fringe of a bald head as hair over the scalp, not a dark patch"),
    )) + (
    LINEUP_1962,
    ("assets/art/scenes/cuban_missile_crisis_1962/excomm_table.png", (260, 250, 1240, 520), 1,
     "The ExComm: the same brows, and Rusk's fringe, at a scene's size"),
    ("assets/art/scenes/cuban_missile_crisis_1962/mikoyan_in_havana.png", (640, 380, 1120, 640), 1,
     "Mikoyan in Havana: the cigar's smoke a soft wisp, not a pale crack down Castro's jacket"),
)

# The tenth pass: narrowed eyes in the lids' shadow and pale eyes grey, a worried mouth shut, the
# nose's flank out of the face's shadow, a warm core in the shadow and a found edge of the shadow's
# own colour, soft creases on the brow; a jacket in one wash; figures seen from behind with their
# shoulders. Paintings as the ninth pass left them and now.
TENTH_PASS_BEFORE = "960aeaf"  # main when the tenth pass began
_SCENES_1962 = "assets/art/scenes/cuban_missile_crisis_1962"
TENTH_PASS_CROPS = _principals(_EYES, (
        ("khrushchev", "Khrushchev: small eyes screwed up in a smile, grey in the lids' shadow, not a doll's blue stare"),
        ("rusk", "Rusk: narrowed eyes, less white"),
    ), scale=2) + _principals(_HEAD_AND_COLLAR, (
        ("mcnamara", "McNamara: a warm core in the far cheek's shadow, its edge the shadow's colour, not orange stitching"),
        ("gromyko", "Gromyko: the nose's flank lighter than the face's shadow"),
    )) + (
    (f"{_SCENES_1962}/presidium.png", (280, 360, 460, 540), 2,
     "The Presidium: Khrushchev worried with his mouth shut, no dark wedge by the nose, soft creases on the brow"),
    (f"{_SCENES_1962}/presidium.png", (180, 500, 580, 720), 1,
     "The Presidium: the jacket one garment, no pale seam from the tie to the hem"),
    (f"{_SCENES_1962}/excomm_table.png", (0, 400, 1280, 720), 0.5,
     "The ExComm: Robert Kennedy and Sorensen seen from behind with their shoulders, the collar higher at the back"),
    (f"{_SCENES_1962}/un_security_council.png", (280, 190, 430, 340), 2,
     "The Security Council: Stevenson's narrowed grey eyes instead of a blue stare"),
    ("assets/art/scenes/berlin_1961/after_vienna.png", (560, 100, 880, 720), 0.5,
     "After Vienna: the President stands in front of the window, not a ghost with its bars across him"),
    LINEUP_1962,
)

# The eleventh pass: glasses as big as real ones, with the bridge and arms at the lenses' tops; a
# cigar as big as a real one; brown brows that read; a bald man's fringe over his scalp; a figure
# seen from behind on his heels, a desk that covers what is behind it, a man leaning on a desk; a
# scene's palette that keeps the faces' shades. Paintings as the tenth pass left them and now.
ELEVENTH_PASS_BEFORE = "5ae72df"  # main when the eleventh pass began
ELEVENTH_PASS_CROPS = _principals(_EYES, (
        ("mcnamara", "McNamara: rimless lenses round the eyes, not a bar through the pupils"),
        ("sorensen", "Sorensen: horn-rims on the skin round the eyes, the eyes seen through them"),
        ("kennedy", "Kennedy: brown brows that read on the forehead"),
    ), scale=2) + _principals(_HEAD_AND_COLLAR, (
        ("lemay", "LeMay: a cigar as big as a real one, its end ash, not a stub"),
        ("khrushchev", "Khrushchev: the white fringe over the scalp, not bare paper like a bandage"),
    )) + (
    (f"{_SCENES_1962}/excomm_table.png", (540, 250, 740, 400), 2,
     "The ExComm: the scene's palette keeps the faces' shades (the soft highlight had become a white splinter)"),
    (f"{_SCENES_1962}/the_loneliest_job.png", (0, 0, 1280, 720), 0.5,
     "The Loneliest Job: the President leaning on the desk by the window, as in the photograph"),
    (f"{_SCENES_1962}/chiefs_press.png", (400, 100, 560, 260), 2, "The chiefs' press conference: LeMay's cigar at a scene's size"),
    (f"{_SCENES_1962}/un_security_council.png", (0, 0, 1280, 720), 0.5,
     "The Security Council: U Thant in sight at the head of the table, no longer hidden behind the easel"),
    LINEUP_1962,
)

# The twelfth pass: figures painted into their scenes. No pale rim round a figure, trousers and
# sleeves that do not fray into pale flags, the crease between arm and body, a jacket that turns
# toward its far side, sleeves that meet the body at the table. Paintings as the eleventh pass left
# them and now.
TWELFTH_PASS_BEFORE = "d7f891d"  # main when the twelfth pass began
TWELFTH_PASS_CROPS = _principals(_HEAD_AND_COLLAR, (
        ("gromyko", "Gromyko: the broad cheek facing us a luminous shadow, not a dark mask down half the face"),
        ("acheson", "Acheson: the same, and hair behind the ear where the back of the head turns away"),
    )) + (
    (f"{_SCENES_1962}/khrushchev_in_the_kremlin.png", (300, 230, 680, 600), 1,
     "Khrushchev in the Kremlin: painted into his room, no pale rim round him like a cut-out"),
    (f"{_SCENES_1962}/un_security_council.png", (60, 180, 420, 720), 1,
     "The Security Council: Stevenson's trousers whole, not frayed into pale flags"),
    (f"{_SCENES_1962}/signing_the_proclamation.png", (800, 60, 1240, 620), 1,
     "The proclamation: jackets that turn toward their far side, not a pale half and a dark half"),
    (f"{_SCENES_1962}/excomm_table.png", (520, 360, 760, 520), 2,
     "The ExComm: the President's sleeves meet his body at the table's edge"),
)

# The thirteenth pass: faces painted large enough for their features. Portraits on a 384 px sheet
# averaged down, a scene's small heads on a sheet of their own twice the size; a clipped moustache
# across the lip, the fold from the nose that stops at the mouth, a face on television in greys.
THIRTEENTH_PASS_BEFORE = "25fe5ab"  # main when the thirteenth pass began
THIRTEENTH_PASS_CROPS = _principals(_EYES, (
        ("kennedy", "Kennedy: eyes with their whites beside the iris, not two dark marks"),
        ("gromyko", "Gromyko: the same, under the heavy brows"),
    ), scale=2) + _principals((48, 96, 208, 208), (
        ("khrushchev", "Khrushchev: the grin's teeth, and no drip of the fold running down from the mouth"),
        ("mikoyan", "Mikoyan: a clipped moustache across the lip, not a block under the nose"),
    ), scale=2) + (
    (f"{_SCENES_1962}/excomm_table.png", (290, 250, 990, 430), 1,
     "The ExComm: heads painted on a sheet twice their size; the whites of the eyes, McNamara's glasses"),
    (f"{_SCENES_1962}/mikoyan_in_havana.png", (360, 240, 940, 420), 1,
     "Mikoyan in Havana: the faces at the scene's size, crisper"),
    (f"{_SCENES_1962}/president_on_tv.png", (660, 230, 820, 400), 2,
     "The President on television: a grey mouth on a grey face, not red lips"),
    (f"{_SCENES_1962}/khrushchev_in_the_kremlin.png", (400, 230, 820, 600), 1,
     "Khrushchev in the Kremlin: a microphone on his desk, not a sign on a stand"),
    LINEUP_1962,
)

# The fourteenth pass: people dressed and lit as what they are. Sailors in their working dress, an
# officer's cap down on the brow with its peak, the nose's shadow side a warm half-tone, a lean
# face's hollow cheeks, bombers parked on the ground seen from above.
FOURTEENTH_PASS_BEFORE = "0dd9efc"  # main when the fourteenth pass began
FOURTEENTH_PASS_CROPS = _principals((60, 52, 196, 188), (
        ("gromyko", "Gromyko: the side of the nose in shadow a warm half-tone, not a grey wedge parting the face"),
        ("mcnamara", "McNamara: the same, and the hollow under the cheekbones of a lean face"),
    ), scale=2) + (
    (f"{_SCENES_1962}/quarantine_line.png", (0, 0, 1280, 720), 0.5,
     "The quarantine line: sailors in white hats and chambray shirts over denim, the freighter clear on the horizon"),
    (f"{_SCENES_1962}/quarantine_line.png", (440, 300, 640, 480), 2,
     "The quarantine line's officer: his cap down on the brow, its black peak over the eyes"),
    (f"{_SCENES_1962}/il28s_on_the_airfield.png", (0, 0, 1280, 720), 0.5,
     "The Il-28s: bombers parked by the runway, seen from above, not thin side-on strips"),
    (f"{_SCENES_1962}/signing_the_proclamation.png", (300, 140, 1160, 600), 1,
     "The proclamation: men standing on full trouser legs, not stilts, with hands of a man's size"),
    LINEUP_1962,
)

# Each pass: its crops, the revision its "before" paintings come from, and the file it writes.
PASSES = {
    "first": (CROPS, BEFORE, "painting-before-after.png"),
    "second": (SECOND_PASS_CROPS, SECOND_PASS_BEFORE, "painting-second-pass.png"),
    "third": (THIRD_PASS_CROPS, THIRD_PASS_BEFORE, "painting-third-pass.png"),
    "fourth": (FOURTH_PASS_CROPS, FOURTH_PASS_BEFORE, "painting-fourth-pass.png"),
    "fifth": (FIFTH_PASS_CROPS, FIFTH_PASS_BEFORE, "painting-fifth-pass.png"),
    "sixth": (SIXTH_PASS_CROPS, SIXTH_PASS_BEFORE, "painting-sixth-pass.png"),
    "seventh": (SEVENTH_PASS_CROPS, SEVENTH_PASS_BEFORE, "painting-seventh-pass.png"),
    "eighth": (EIGHTH_PASS_CROPS, EIGHTH_PASS_BEFORE, "painting-eighth-pass.png"),
    "ninth": (NINTH_PASS_CROPS, NINTH_PASS_BEFORE, "painting-ninth-pass.png"),
    "tenth": (TENTH_PASS_CROPS, TENTH_PASS_BEFORE, "painting-tenth-pass.png"),
    "eleventh": (ELEVENTH_PASS_CROPS, ELEVENTH_PASS_BEFORE, "painting-eleventh-pass.png"),
    "twelfth": (TWELFTH_PASS_CROPS, TWELFTH_PASS_BEFORE, "painting-twelfth-pass.png"),
    "thirteenth": (THIRTEENTH_PASS_CROPS, THIRTEENTH_PASS_BEFORE, "painting-thirteenth-pass.png"),
    "fourteenth": (FOURTEENTH_PASS_CROPS, FOURTEENTH_PASS_BEFORE, "painting-fourteenth-pass.png"),
}


def _read(revision: str | None, relative: str) -> np.ndarray | None:
    path = relative if "/" in relative and relative.split("/")[0] in ("docs", "assets") else f"assets/art/{relative}"
    try:
        data = subprocess.run(["git", "show", f"{revision}:{path}"], cwd=ROOT, capture_output=True,
                              check=True).stdout if revision else (ROOT / path).read_bytes()
        return png.decode(data)
    except (subprocess.CalledProcessError, OSError, png.PNGError):
        return None


def _scaled(image: np.ndarray, scale: float) -> np.ndarray:
    if scale >= 2:  # enlarged pixel for pixel, to show small marks as they were painted
        factor = int(round(scale))
        return image.repeat(factor, axis=0).repeat(factor, axis=1)
    step = max(1, round(1 / scale))
    h, w = image.shape[0] // step * step, image.shape[1] // step * step
    return image[:h, :w].reshape(h // step, step, w // step, step, 3).mean(axis=(1, 3)).astype(np.uint8)


def _caption(text: str, width: int) -> np.ndarray:
    try:
        import os
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        import pygame
        pygame.font.init()
        font = pygame.font.Font(str(ROOT / "assets" / "fonts" / "Vollkorn-Regular.ttf"), 16)
        surface = pygame.Surface((width, font.get_linesize() + 4))
        surface.fill(PAPER)
        surface.blit(font.render(text, True, (60, 48, 36)), (4, 2))
        return pygame.surfarray.array3d(surface).swapaxes(0, 1)
    except Exception:
        return np.full((20, width, 3), PAPER, dtype=np.uint8)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default=None, help="the git revision of the 'before' paintings")
    parser.add_argument("--out", default=None, help="where to write the strip")
    for name in PASSES:
        if name != "first":
            parser.add_argument(f"--{name}-pass", action="store_true", help=f"the {name} pass (see the module's docstring)")
    arguments = parser.parse_args()
    chosen = next((name for name in reversed(PASSES) if name != "first" and getattr(arguments, f"{name}_pass")), "first")
    crops, before, file_name = PASSES[chosen]
    arguments.before = arguments.before or before
    arguments.out = arguments.out or str(ROOT / "docs" / file_name)
    gap, width = 10, 1040
    rows = []
    for relative, (x0, y0, x1, y1), scale, text in crops:
        pair = []
        for revision in (arguments.before, None):
            image = _read(revision, relative)
            if image is None:
                image = np.full((y1 - y0, x1 - x0, 3), PAPER, dtype=np.uint8)
            pair.append(_scaled(image[y0:y1, x0:x1], scale))
        side_by_side = sum(p.shape[1] for p in pair) + 3 * gap <= width
        if side_by_side:
            height = max(p.shape[0] for p in pair)
            row = np.empty((height + gap, width, 3), dtype=np.uint8)
            row[:] = PAPER
            x = gap
            for picture in pair:
                row[:picture.shape[0], x:x + picture.shape[1]] = picture[:, :width - x]
                x += picture.shape[1] + gap
            rows.append(_caption(f"{text}  (left: before, right: now)", width))
            rows.append(row)
            continue
        rows.append(_caption(f"{text}  (above: before, below: now)", width))
        for picture in pair:
            row = np.empty((picture.shape[0] + gap, width, 3), dtype=np.uint8)
            row[:] = PAPER
            row[:picture.shape[0], gap:gap + picture.shape[1]] = picture[:, :width - gap]
            rows.append(row)
    write_bytes_atomically(Path(arguments.out), png.encode(np.vstack(rows), palette=True))
    print(f"wrote {arguments.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
