"""A sitter's head as a solid: signed distance functions, ray-marched into light and shadow planes.

A portrait painter builds a head as a ball with the face's planes cut into it (Loomis, "Drawing
the Head and Hands", 1956; John Asaro's planar head): the brow, the cheekbones, the barrel of the
mouth, the jaw and the chin are masses that catch the light or turn from it. This module builds
the same masses as a signed distance field (the smooth union of ellipsoids and rounded cones, as
in Inigo Quilez's distance-function modelling), so turning the head to three-quarter view is a
rotation of one solid: the far eye foreshortens, the far cheek overlaps it, the nose breaks the
silhouette, and the same person stays the same person at every turn.

``render`` casts one ray per pixel (orthographic, sphere tracing) and returns, for every pixel
the head covers, what it hit (skin, hair, beard, cap...), how squarely it faces the light, whether
another part of the head shades it (the nose's shadow on the cheek, the jaw's on the neck) and
how enclosed it is (ambient occlusion: the eye sockets, the corners of the mouth). The painter
(``game.art.head_paint``) turns those fields into washes. Feature lines (lids, brows, the mouth,
wrinkles) are 3-D curves on the surface, projected with the same rotation and hidden where the
head covers them.

Units: the head from chin to crown is about one unit; x runs to the viewer's right, y up, z
toward the viewer; the eye line is y = 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from game.art.likeness import Build
from game.art.watercolor import enlarge

# Materials: what a ray hit. The painter gives each its pigments.
SKIN, LIP, HAIR, BEARD, MOUSTACHE, CAP, CAP_BAND, PEAK, CIGAR, BROW = range(1, 11)
MATERIAL_NAMES = {SKIN: "skin", LIP: "lip", HAIR: "hair", BEARD: "beard", MOUSTACHE: "moustache", CAP: "cap",
                  CAP_BAND: "cap_band", PEAK: "peak", CIGAR: "cigar", BROW: "brow"}

def _unit(vector: tuple[float, float, float]) -> np.ndarray:
    found = np.array(vector, dtype=np.float32)
    return found / np.float32(np.linalg.norm(found))


# The key light: high, from the viewer's left and a little in front (the portrait studio's
# "loop" lighting, which puts the nose's shadow down and to the right).
LIGHT = _unit((-0.6, 0.52, 0.6))
# Where an officer's cap's band comes down to on the brow (head units, the eyes at 0).
SERVICE_CAP_BAND = 0.25
# Other lights a scene may set: from the right, a lamp overhead, the flat light of a camera, or
# the glow behind a sitter against a window (his face in shadow, a rim of light round it). The
# lamp overhead hangs a little in front of the sitter and to the left: straight above, it put
# the whole face below the cheekbones in one shadow shape, which on a scene's small heads read
# as a beard.
LIGHTS = {"left": LIGHT, "right": LIGHT * np.array((-1.0, 1.0, 1.0), dtype=np.float32),
          "above": _unit((-0.25, 0.6, 0.76)), "front": np.array((-0.1, 0.25, 0.96), dtype=np.float32),
          "behind": np.array((0.45, 0.35, -0.82), dtype=np.float32)}


# The neck's axis, from under the skull down into the collar (head units).
NECK_TOP, NECK_BOTTOM = (0.0, -0.24, -0.14), (0.0, -1.0, -0.19)


# -- distance functions ----------------------------------------------------------------------------

def _ellipsoid(p: np.ndarray, centre, radii, x_scale: np.ndarray | float = 1.0) -> np.ndarray:
    """Quilez's bound for an ellipsoid: exact on the surface, close enough off it.

    Points come as an (..., 3) array; the arithmetic runs per axis, which numpy does far faster
    than reductions over a last axis of three. ``x_scale`` stretches x point by point first
    (a solid that narrows along its height) without copying the points.
    """
    cx, cy, cz = centre
    rx, ry, rz = radii
    qx = (p[..., 0] * x_scale - cx) * (1.0 / rx)
    qy = (p[..., 1] - cy) * (1.0 / ry)
    qz = (p[..., 2] - cz) * (1.0 / rz)
    qx, qy, qz = qx * qx, qy * qy, qz * qz  # only the squares are needed from here on
    k0 = np.sqrt(qx + qy + qz)
    k1 = np.sqrt(qx * (1.0 / (rx * rx)) + qy * (1.0 / (ry * ry)) + qz * (1.0 / (rz * rz)))
    return k0 * (k0 - 1.0) / np.maximum(k1, 1e-6)


def _dot(p: np.ndarray, v) -> np.ndarray:
    return p[..., 0] * v[0] + p[..., 1] * v[1] + p[..., 2] * v[2]


def _round_cone(p: np.ndarray, a, b, ra: float, rb: float) -> np.ndarray:
    """A cone between two spheres (radius ``ra`` at a, ``rb`` at b), its sides tangent to both."""
    a = np.asarray(a, dtype=np.float32)
    ba = np.asarray(b, dtype=np.float32) - a
    length2 = float(ba @ ba)
    rr = ra - rb
    a2 = length2 - rr * rr
    il2 = 1.0 / length2
    pa = p - a
    y = _dot(pa, ba)
    z = y - length2
    px, py, pz = pa[..., 0] * length2 - y * ba[0], pa[..., 1] * length2 - y * ba[1], pa[..., 2] * length2 - y * ba[2]
    x2 = px * px + py * py + pz * pz
    y2 = y * y * length2
    z2 = z * z * length2
    k = math.copysign(1.0, rr) * rr * rr * x2
    near_b = np.sign(z) * a2 * z2 > k
    near_a = np.sign(y) * a2 * y2 < k
    middle = (np.sqrt(x2 * a2 * il2) + y * rr) * il2 - ra
    return np.where(near_b, np.sqrt(x2 + z2) * il2 - rb, np.where(near_a, np.sqrt(x2 + y2) * il2 - ra, middle))


def _capsule(p: np.ndarray, a, b, r: float) -> np.ndarray:
    a = np.asarray(a, dtype=np.float32)
    ba = np.asarray(b, dtype=np.float32) - a
    pa = p - a
    h = np.clip(_dot(pa, ba) / float(ba @ ba), 0.0, 1.0)
    dx, dy, dz = pa[..., 0] - h * ba[0], pa[..., 1] - h * ba[1], pa[..., 2] - h * ba[2]
    return np.sqrt(dx * dx + dy * dy + dz * dz) - r


# A cigar as big as a real one to a face (about 18 mm across and a hand long), not a stub.
CIGAR_RADIUS = 0.03


def cigar_ends(b: Build) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """Where a cigar is held (the corner of the mouth) and where its lit end is: down and out
    and a little toward the viewer, so it shows its length from the front and from either side."""
    return (0.06, b.mouth_y, 0.38), (0.3, b.mouth_y - 0.1, 0.6)


def _smin(a: np.ndarray, b: np.ndarray, k: float) -> np.ndarray:
    """Smooth union: the two masses flow into each other over about ``k``, as flesh does."""
    h = np.maximum(k - np.abs(a - b), 0.0) / k
    return np.minimum(a, b) - h * h * k * 0.25


def _smax(a: np.ndarray, b: np.ndarray, k: float) -> np.ndarray:
    """Smooth intersection (and, with ``b`` negated, smooth subtraction)."""
    return -_smin(-a, -b, k)


def _mirror_x(p: np.ndarray) -> np.ndarray:
    q = p.copy(order="K")  # keeps the column-major layout ``Head.distance`` gives the points
    q[..., 0] = np.abs(q[..., 0])
    return q


def cheek_hollow(b: Build, across: np.ndarray, up: np.ndarray) -> np.ndarray:
    """How deep in the hollow under a lean face's cheekbones a point of the face lies (1 at its
    middle, fading out), from its distance across the face either side of the middle and its
    height: the solid is dented there, and the painter lays a half-tone over the same place."""
    return np.exp(-((across - 0.23 * b.cheekbones) / 0.08) ** 2 - ((up + 0.22 * b.length) / 0.12) ** 2)


# -- the head --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Head:
    """One sitter's solid: ``distance`` and ``material`` are what the ray marcher asks."""

    build: Build

    def skin(self, p: np.ndarray) -> np.ndarray:
        """The skin's solid: the cranium, the face's masses flowing into it, the features, the neck.

        Built as a sculptor roughs out a head: the egg of the cranium, the lower face hung under it,
        the jaw as two bars from the angle under each ear to the chin (wide and low for a square
        jaw, short and soft for a rounded one), the cheeks as pads over it (full, flat or hollow),
        then the brow, the sockets with the eyeballs in them, the nose, the mouth and the ears.
        """
        b = self.build
        L = b.length
        m = _mirror_x(p)  # the face is symmetric; what differs side to side is painted
        # the cranium is a ball whose sides narrow below the cheekbones (Loomis slices them off): the
        # lower face's own masses, not the skull, make the outline from the cheekbones to the chin,
        # so a heavy jaw, a long tapered one or full cheeks change the head's shape
        below = np.clip(-0.02 - p[..., 1], 0.0, None)
        squeeze = 1.0 + 3.5 * below * below  # begins gently, so no crease runs across the face
        d = _ellipsoid(p, (0.0, 0.08, -0.07), (0.35 * b.skull, 0.42, 0.44), x_scale=squeeze) / squeeze
        # the lower face: tapering from the cheekbones to the chin, as wide at the chin as the chin is
        chin_y = b.chin_y
        top = (0.0, -0.06, -0.02)
        bottom = (0.0, chin_y + 0.16, 0.06 + 0.03 * b.chin_jut)
        upper, lower = 0.3 * b.cheekbones, 0.115 * b.chin_width + 0.03 * b.square
        span = math.dist(top, bottom)
        lower = max(lower, upper - 0.8 * span)  # a short, broad face: the cone must not swallow its end
        face = _round_cone(p, top, bottom, upper, lower)
        d = _smin(d, face, 0.2)
        # the jaw from the angle below each ear to the chin: a square jaw is wide and low, and its
        # edge stays firm; a rounded one melts into the cheek
        angle = b.jaw_angle
        chin = (0.04 * b.chin_width, chin_y + 0.05, 0.2 + 0.03 * b.chin_jut)
        bar = 0.045 + 0.01 * b.square
        d = _smin(d, _round_cone(m, angle, chin, bar, bar), 0.13 - 0.04 * min(b.square, 1.3))
        # the side plane of the face, from under the cheekbone back and down to the jaw's angle (the
        # masseter): it joins the two, so the jaw reads as the edge of one plane, not a bar on a ball
        d = _smin(d, _capsule(m, (0.2 * b.cheekbones, -0.07, 0.05), (angle[0] - 0.02, angle[1] + 0.03, angle[2] + 0.04),
                              0.085), 0.12)
        d = _smin(d, _ellipsoid(p, (0.0, chin_y + 0.07, 0.25 + 0.03 * b.chin_jut),
                                (0.06 * b.chin_width + 0.03 * b.square, 0.08, 0.08)), 0.11)
        # cheeks: full pads, or the hollow under the cheekbone of a lean face; jowls below them
        full = max(b.cheeks, -0.4)
        # (the pads sit forward on the face and melt wide into it, so a full cheek swells the face
        # and never stands out of its outline as a lump)
        d = _smin(d, _ellipsoid(m, (0.13 * b.cheekbones, -0.16 * L, 0.17 + 0.03 * full),
                                (0.1 + 0.015 * full, 0.11, 0.12 + 0.02 * full)), 0.2)
        if b.jowls > 0.25:  # flesh hanging at the jaw line either side of the chin
            j = min(b.jowls, 2.0)
            d = _smin(d, _ellipsoid(m, (0.12 * b.jaw, -0.41 * L, 0.13),
                                    (0.06 + 0.015 * j, 0.05 + 0.012 * j, 0.09)), 0.2)
        if b.double_chin > 0.0:
            d = _smin(d, _ellipsoid(p, (0.0, b.chin_y - 0.02, 0.12), (0.13, 0.055 * b.double_chin, 0.13)), 0.08)
        if b.cheeks < 0.0:  # hollow under the cheekbones: a long, shallow plane pressed in, not a dimple
            # (a displacement of the surface: carving with a thin ellipsoid, whose distance bound is
            # poor, left a crease the rays fell into)
            hollow = cheek_hollow(b, m[..., 0], m[..., 1])
            d = d + 0.012 * min(-b.cheeks, 1.6) * hollow * np.clip((m[..., 2] + 0.05) / 0.2, 0.0, 1.0)
        # brow ridge and cheekbones: the planes that catch the light above and below the eyes
        d = _smin(d, _ellipsoid(m, (b.eye_x * 0.85, 0.085, 0.3), (0.1, 0.045 * b.brow_ridge, 0.075)), 0.07)
        d = _smin(d, _ellipsoid(p, (0.0, 0.065, 0.3), (0.05, 0.045, 0.06)), 0.05)
        d = _smin(d, _ellipsoid(m, (0.19 * b.cheekbones, -0.06, 0.13), (0.09, 0.06, 0.11)), 0.1)
        # the barrel of the mouth and the lips
        mouth_y = b.mouth_y
        d = _smin(d, _ellipsoid(p, (0.0, mouth_y + 0.01, 0.26), (0.13, 0.11 * L, 0.13)), 0.06)
        d = _smin(d, _ellipsoid(p, (0.0, mouth_y + 0.02, 0.352 + 0.004 * b.lips),
                                (0.095 * b.mouth_width, 0.017 + 0.004 * b.lips, 0.03)), 0.025)
        d = _smin(d, _ellipsoid(p, (0.0, mouth_y - 0.022, 0.345 + 0.005 * b.lips),
                                (0.085 * b.mouth_width, 0.02 + 0.006 * b.lips, 0.03)), 0.025)
        # eye sockets carved under the brow, the eyeballs (under their lids) in them
        d = _smax(d, -_ellipsoid(m, (b.eye_x, -0.005, 0.355 + 0.012 * b.deep_eyes),
                                 (0.06, 0.05 + 0.008 * b.deep_eyes, 0.05)), 0.05)
        d = _smin(d, _ellipsoid(m, (b.eye_x, -0.008, 0.29 - 0.012 * b.deep_eyes), (0.057, 0.046, 0.05)), 0.04)
        if b.eye_bags > 0.0:
            d = _smin(d, _ellipsoid(m, (b.eye_x + 0.005, -0.06, 0.29 - 0.01 * b.deep_eyes),
                                    (0.045, 0.014 + 0.007 * b.eye_bags, 0.03)), 0.025)
        d = _smin(d, self.nose(p, m), 0.04)
        d = _smin(d, self.ears(m), 0.02)
        # the neck, from under the skull down into the collar, the throat well behind the chin
        d = _smin(d, self.neck(p), 0.1)
        return d

    def neck(self, p: np.ndarray, grow: float = 0.0) -> np.ndarray:
        """The neck: a column from under the skull into the collar, nearly as wide as the jaw (a man's
        neck in a collar is no stalk), set back under the skull and leaning forward as it rises: the
        throat stands well behind the chin, so the jaw's underside is a plane of its own and the jaw
        line reads."""
        b = self.build
        return _round_cone(p, NECK_TOP, NECK_BOTTOM, 0.235 * b.neck + grow, 0.26 * b.neck + grow)

    def nose(self, p: np.ndarray, m: np.ndarray) -> np.ndarray:
        b = self.build
        base = b.nose_base_y
        tip_y = base + 0.035 + 0.03 * b.nose_up
        tip_z = 0.425 + 0.055 * b.nose_length - 0.02 * b.nose_up
        d = _round_cone(p, (0.0, 0.03, 0.34), (0.0, tip_y, tip_z), 0.03 * b.nose_width, 0.036 * b.nose_width)
        d = _smin(d, _ellipsoid(p, (0.0, tip_y - 0.004, tip_z - 0.012),
                                (0.04 * b.nose_width * b.nose_bulb, 0.036 * b.nose_bulb, 0.036 * b.nose_bulb)), 0.02)
        d = _smin(d, _ellipsoid(m, (0.04 * b.nose_width, base + 0.022, tip_z - 0.07),
                                (0.034 * b.nose_width, 0.028, 0.036)), 0.02)
        if b.nose_hump > 0.0:  # the bridge of an aquiline nose
            d = _smin(d, _ellipsoid(p, (0.0, 0.5 * (0.03 + tip_y), 0.5 * (0.345 + tip_z) + 0.012),
                                    (0.022 * b.nose_width, 0.05, 0.02 + 0.012 * b.nose_hump)), 0.02)
        return d

    def ears(self, m: np.ndarray) -> np.ndarray:
        b = self.build
        # a flap standing off the side of the skull, so it shows in the outline seen from the
        # front and as the landmark of a profile (flat ears lie close, never inside the head)
        out = min(max(b.ears_out, 0.0), 1.3)
        x = 0.37 * b.skull + 0.03 * out
        return _ellipsoid(m, (x, -0.02, -0.06), (0.032 + 0.015 * out, 0.095 * b.ear_size, 0.06 * b.ear_size))

    def hair(self, p: np.ndarray) -> np.ndarray:
        b = self.build
        if b.hair_volume <= 0.0 and not b.fringe_only:
            return np.full(p.shape[:-1], 10.0, dtype=np.float32)
        side, top = b.hair_side, b.hair_top
        part = b.part_x
        # thicker on the side the hair is swept to than on the parting's side
        swell = 0.0 if part == 0.0 else 0.018 * np.clip(-np.sign(part) * p[..., 0] / 0.3, -1.0, 1.0)
        d = _ellipsoid(p, (0.0, 0.08 + 0.5 * top, -0.07),
                       (0.355 * b.skull + side, 0.42 + 0.5 * top, 0.44 + side + 0.01)) - swell
        # the back of the head down to the nape: the mass above, round the crown, thins out low at
        # the back, and from behind a man's hair ended in a line across the back of his skull with
        # bare skin below it down to the collar
        d = _smin(d, _ellipsoid(p, (0.0, -0.1, -0.24), (0.3 * b.skull + side, 0.24, 0.24 + side)), 0.06)
        if b.quiff > 0.0:  # a full front swept up and over from the parting
            # (it crests above the forehead, higher than the crown, and leans toward the side it
            # is swept to: the silhouette a thick head of hair like Kennedy's is known by; as broad
            # as the top of the head, for a narrower crest stood on it like a bun from the front)
            x = -0.07 * np.sign(part) if part else 0.0
            d = _smin(d, _ellipsoid(p, (x, b.hairline_y + 0.13 + 0.02 * b.quiff, 0.2),
                                    (0.3, 0.08 + 0.03 * b.quiff, 0.17 + 0.02 * b.quiff)), 0.08)
        if b.wave > 0.0:  # thick, wavy hair: the mass ripples across the head
            d = d - 0.012 * b.wave * np.sin(p[..., 0] * 22.0 + p[..., 2] * 9.0) * np.clip(p[..., 1] * 3.0, 0.0, 1.0)
        # locks, not a helmet: the mass's surface rises and falls in tufts along the way it is combed
        x, y, z = p[..., 0], p[..., 1], p[..., 2]
        tufts = np.sin(x * 31.0 + z * 17.0 + 3.0 * np.sin(y * 11.0)) * np.sin(z * 23.0 - y * 13.0 + x * 7.0)
        d = d - (0.006 + 0.1 * side) * tufts
        d = np.maximum(d, self.hairline(p) + 0.004 * tufts)
        if b.bun:
            d = np.minimum(d, _ellipsoid(p, (0.0, 0.5, -0.3), (0.14, 0.12, 0.12)))
        if b.falls > 0.0:  # hair hanging to the jaw or the shoulders, behind the face
            drop = -0.42 - 0.45 * (b.falls - 1.0) if b.falls > 1.0 else -0.3
            hang = _ellipsoid(p, (0.0, (0.4 + drop) / 2, -0.12), (0.39 * b.skull + side, (0.4 - drop) / 2 + 0.05, 0.42))
            hang = np.maximum(hang, p[..., 2] - 0.16 - 0.25 * np.clip(-p[..., 1], 0.0, 1.0))
            d = np.minimum(d, np.maximum(hang, 0.08 - np.abs(p[..., 0]) - 0.3 * (p[..., 2] < 0.0)))
        if b.forelock > 0.0:  # a lock fallen across the forehead
            x = 0.05 * np.sign(part) if part else 0.03
            d = np.minimum(d, _ellipsoid(p, (x, b.hairline_y - 0.03, 0.345), (0.12, 0.055 * b.forelock, 0.05)))
        return d

    def hairline(self, p: np.ndarray) -> np.ndarray:
        """Where hair may grow, as a distance: negative above the hairline, the sideburns and the nape."""
        b = self.build
        x, y, z = p[..., 0], p[..., 1], p[..., 2]
        ax = np.abs(x)
        front = b.hairline_y + b.temples * np.clip((ax - 0.07) / 0.16, 0.0, 1.0) ** 2 \
            - b.widows_peak * np.exp(-(x / 0.05) ** 2)
        if b.quiff > 0.0 and b.part_x:  # swept across: it comes down over the far temple, up at the parting
            swept = -math.copysign(1.0, b.part_x) * x
            front = front - 0.06 * b.quiff * np.clip(swept / 0.22, -0.5, 1.0)
        # from the front of the head to behind the ears the limit falls to the top of the ear,
        # then to the nape
        t = np.clip((0.3 - z) / 0.32, 0.0, 1.0)
        t = t * t * (3.0 - 2.0 * t)
        # above the ear; in front of it the sideburn comes lower
        sideburn = np.clip((z - 0.0) / 0.08, 0.0, 1.0) * np.clip((0.2 - z) / 0.06, 0.0, 1.0)
        sides = 0.09 - (0.05 + 0.1 * b.sideburns) * sideburn
        limit = front * (1.0 - t) + sides * t
        behind = np.clip((-0.08 - z) / 0.1, 0.0, 1.0)  # behind the ears, down to the nape
        limit = limit * (1.0 - behind) - 0.32 * behind
        below = limit - y
        if b.fringe_only:  # a bald head keeps a band of hair round the sides and back
            band_top = 0.21 + 0.09 * np.clip(-z / 0.4, 0.0, 1.0)
            around = np.maximum(y - band_top, (0.12 - z) * (ax < 0.28) - 0.02 * (ax >= 0.28))
            below = np.maximum(below, around)
        return below

    def beard(self, p: np.ndarray, skin: np.ndarray) -> np.ndarray:
        b = self.build
        if b.beard == "none":
            return np.full(p.shape[:-1], 10.0, dtype=np.float32)
        x, y, z = p[..., 0], p[..., 1], p[..., 2]
        thickness = 0.03 if b.beard == "full" else 0.02
        # a beard's surface is curls, its edge ragged
        curls = np.sin(x * 53.0 + y * 11.0) * np.sin(y * 47.0 - z * 19.0)
        shell = skin - thickness - 0.008 * curls
        mouth = _ellipsoid(p, (0.0, b.mouth_y, 0.4), (0.095 * b.mouth_width, 0.03, 0.1))
        if b.beard == "full":
            # down the cheeks from the sideburns, leaving the upper cheek bare
            # (the cheek line starts at the foot of the sideburn and falls steeply across the cheek
            # to the corners of the moustache: kept level with the eyes further in, it covered the
            # cheek and read as a mask)
            region = np.maximum(y - (0.0 - 0.65 * np.clip(z - 0.12, 0.0, 1.0) - 0.08 * (np.abs(x) < 0.2)), -z - 0.1)
            # it hangs a little below the chin and stops short of the collar
            region = np.maximum(region, b.chin_y - 0.09 - y + 0.25 * np.clip(0.2 - z, 0.0, None))
        else:  # a goatee: the chin and a line from the mouth
            region = np.maximum(np.maximum(y - b.mouth_y + 0.02, np.abs(x) - 0.07), 0.15 - z)
            region = np.maximum(region, b.chin_y - 0.04 - y)  # a point at the chin, not down the throat
        return np.maximum(np.maximum(shell, region), -mouth)

    def moustache(self, p: np.ndarray) -> np.ndarray:
        b = self.build
        if b.moustache == "none":
            return np.full(p.shape[:-1], 10.0, dtype=np.float32)
        y0 = b.mouth_y + 0.045
        if b.moustache == "clipped":
            # trimmed short and thin, but across the whole upper lip to the mouth's corners, where
            # it turns down a little: a block under the nose two thirds of the mouth wide (as it
            # was) is the toothbrush, and with the crisp features of a 512 px sheet it read as one
            middle = _ellipsoid(p, (0.0, y0, 0.4), (0.05, 0.018, 0.032))
            return _smin(middle, _ellipsoid(_mirror_x(p), (0.05, y0 - 0.006, 0.385), (0.04, 0.015, 0.03)), 0.02)
        if b.moustache == "waxed_guardsman":
            m = _mirror_x(p)
            d = _ellipsoid(p, (0.0, y0, 0.41), (0.07, 0.02, 0.035))
            return _smin(d, _ellipsoid(m, (0.1, y0 + 0.012, 0.37), (0.05, 0.018, 0.03)), 0.03)
        return _ellipsoid(p, (0.0, y0 - 0.005, 0.405), (0.085, 0.026, 0.035))

    def cap(self, p: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """An officer's peaked cap, a patrol cap or a sailor's white hat: crown (or stiff top), band, peak."""
        b = self.build
        far = np.full(p.shape[:-1], 10.0, dtype=np.float32)
        if b.cap == "none":
            return far, far, far
        x, y, z = p[..., 0], p[..., 1], p[..., 2]
        zc = z + 0.06
        ring = np.sqrt((x / (0.37 * b.skull + 0.02)) ** 2 + (zc / 0.45) ** 2)
        if b.cap == "patrol":
            return self._patrol_cap(p, far)
        if b.cap == "white_hat":
            return self._white_hat(p, ring, far)
        # the band sits low on the brow, the peak just above the eyebrows, the stiff crown standing
        # up over the skull (set higher, a hand's width of bare forehead showed under the peak: a
        # paper bag for a head)
        low = SERVICE_CAP_BAND
        band = np.maximum((ring - 1.02) * 0.37, np.maximum(y - low - 0.12, low - y))
        top = _ellipsoid(p, (0.0, 0.47, -0.02), (0.47, 0.075, 0.52))
        top = _smin(top, np.maximum((ring - 1.0) * 0.37, np.maximum(y - 0.47, low + 0.08 - y)), 0.04)
        # the peak: black leather from the band's lower edge, tipped down over the eyes as it comes forward
        forward = zc - 0.42
        tipped = np.stack([x, y - low + 0.5 * np.maximum(forward, 0.0), forward], axis=-1)
        peak = np.maximum(_ellipsoid(tipped, (0.0, 0.0, 0.02), (0.23 * b.skull + 0.02, 0.015, 0.13)), -forward)
        return top, band, peak

    def _patrol_cap(self, p: np.ndarray, far: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """A Cuban patrol cap: a soft cloth crown, its flat top tipped up and a little wider at the
        front, the sides sagging in shallow folds, and a short visor angled down over the eyes.

        The crown is a flared oval tube cut by the tilted top with rounded (smooth) edges, so it
        reads as cloth over a head rather than a box; the folds are a slow ripple round its side.
        """
        b = self.build
        x, y, z = p[..., 0], p[..., 1], p[..., 2]
        zc = z + 0.05
        rise = np.clip((y - 0.3) / 0.28, 0.0, 1.0)
        # wider toward the front and a little toward the top, as the stiffened front panel holds it
        half_width = (0.36 * b.skull + 0.02) * (1.0 + 0.1 * np.clip(zc / 0.45, -1.0, 1.0)) * (1.0 + 0.06 * rise)
        half_depth = 0.44 * (1.0 + 0.03 * rise)
        angle = np.arctan2(x, zc)
        # the cloth bellies out a little at mid-height and falls in shallow folds round the side
        belly = 1.0 + 0.05 * np.sin(np.pi * rise) - 0.03 * rise
        folds = 1.0 + 0.03 * np.sin(5.0 * angle + 1.3) * rise + 0.018 * np.sin(9.0 * angle + 0.4) * rise
        ring = np.sqrt((x / half_width) ** 2 + (zc / half_depth) ** 2) / (folds * belly)
        side = (ring - 1.0) * 0.36
        top_y = 0.57 + 0.12 * zc  # a flat top, tipped up toward the front
        crown = _smax(side, y - top_y, 0.08)
        crown = np.maximum(crown, 0.29 - y)
        # the visor: short and stiff, tipped down about 20 degrees from the front of the band
        visor_z = zc - 0.43
        tipped = np.stack([x, y + 0.36 * np.maximum(visor_z, 0.0) - 0.325, visor_z], axis=-1)
        peak = np.maximum(_ellipsoid(tipped, (0.0, 0.0, 0.02), (0.22 * b.skull, 0.013, 0.12)), -visor_z)
        return crown, far, peak

    def _white_hat(self, p: np.ndarray, ring: np.ndarray, far: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """An American sailor's white hat: a low domed crown of white cotton, its brim turned up all
        round into a wall that flares a little outward, worn square on the head (the brim's lower
        edge level across the forehead, a little lower at the front than at the back).

        The brim is a thin shell of revolution round the head, its top rolled (rounded); the crown
        a flattened dome rising out of it. Both are one cloth (the painter tells them apart by how
        each turns to the light: the brim's wall stands upright, the dome lies back).
        """
        y, zc = p[..., 1], p[..., 2] + 0.06
        lower = 0.2 - 0.035 * np.clip(zc / 0.45, -1.0, 1.0)  # the brim's lower edge, tipped down at the front
        height = 0.13
        up = np.clip((y - lower) / height, 0.0, 1.0)
        flare = 1.06 + 0.1 * up  # the brim's wall leans out as it rises
        wall = np.abs(ring - flare) * 0.37 - 0.016
        brim = _smax(wall, np.maximum(lower - y, y - lower - height), 0.012)
        b = self.build
        crown = _ellipsoid(p, (0.0, 0.33, -0.06), (0.37 * b.skull + 0.04, 0.21, 0.47))
        crown = np.maximum(crown, lower + 0.02 - y)
        return _smin(brim, crown, 0.015), far, far

    def cigar(self, p: np.ndarray) -> np.ndarray:
        b = self.build
        if not b.cigar:
            return np.full(p.shape[:-1], 10.0, dtype=np.float32)
        return _capsule(p, *cigar_ends(b), CIGAR_RADIUS)

    def parts(self, p: np.ndarray) -> dict[int, np.ndarray]:
        skin = self.skin(p)
        top, band, peak = self.cap(p)
        hair = self.hair(p)
        if self.build.cap != "none":  # no hair through the cap
            hair = np.maximum(hair, p[..., 1] - (SERVICE_CAP_BAND + 0.01 if self.build.cap == "service" else 0.31))
        return {SKIN: skin, HAIR: hair, BEARD: self.beard(p, skin), MOUSTACHE: self.moustache(p),
                CAP: top, CAP_BAND: band, PEAK: peak, CIGAR: self.cigar(p)}

    def bound(self, p: np.ndarray) -> np.ndarray:
        """A cheap distance to a solid that holds the whole head (hair, cap, nose, cigar, neck).

        Far from the head the marcher needs no more than this, so the features are only worked
        out for the points close to it.
        """
        b = self.build
        top = 0.78 if b.cap != "none" else 0.62
        bottom = -0.75 if b.falls > 1.0 else -0.62
        d = _ellipsoid(p, (0.0, (top + bottom) / 2, 0.0), (0.52 if b.cap == "none" else 0.6, (top - bottom) / 2, 0.66))
        # the neck's own column, a little grown (its smooth join to the jaw lies inside the ellipsoid)
        d = np.minimum(d, self.neck(p, 0.035))
        if b.cigar:  # it reaches out past the head's ellipsoid toward the viewer
            d = np.minimum(d, _capsule(p, *cigar_ends(b), CIGAR_RADIUS + 0.035))
        return d

    def distance(self, p: np.ndarray) -> np.ndarray:
        # The points column by column (x, then y, then z, each contiguous): every solid reads one
        # coordinate at a time, which numpy does faster from contiguous memory (same results).
        p = np.asfortranarray(p)
        d = self.bound(p)
        near = d < 0.03
        if near.any():
            parts = self.parts(np.asfortranarray(p[near]))
            exact = parts.pop(SKIN)
            for value in parts.values():
                exact = np.minimum(exact, value)
            d[near] = exact
        return d

    def material(self, p: np.ndarray) -> np.ndarray:
        p = np.asfortranarray(p)  # as in ``distance``
        parts = self.parts(p)
        names = list(parts)
        stack = np.stack([parts[name] for name in names])
        found = np.asarray(names, dtype=np.int8)[stack.argmin(axis=0)]
        # the lips: skin near the mouth's line, in front
        b = self.build
        lips = (found == SKIN) & (((p[..., 1] - b.mouth_y) / (0.03 + 0.006 * b.lips)) ** 2
                                  + (p[..., 0] / (0.09 * b.mouth_width)) ** 2 < 1.0) & (p[..., 2] > 0.33)
        found[lips] = LIP
        return found


NORMAL_SPAN = 0.03

# -- the view --------------------------------------------------------------------------------------

def rotation(yaw_degrees: float, pitch_degrees: float = 0.0, roll_degrees: float = 0.0) -> np.ndarray:
    """Head space to view space: turn (about y, positive to the viewer's left), nod, tilt."""
    yaw, pitch, roll = (math.radians(a) for a in (yaw_degrees, pitch_degrees, roll_degrees))
    turn = np.array(((math.cos(yaw), 0.0, -math.sin(yaw)), (0.0, 1.0, 0.0), (math.sin(yaw), 0.0, math.cos(yaw))))
    nod = np.array(((1.0, 0.0, 0.0), (0.0, math.cos(pitch), -math.sin(pitch)), (0.0, math.sin(pitch), math.cos(pitch))))
    tilt = np.array(((math.cos(roll), -math.sin(roll), 0.0), (math.sin(roll), math.cos(roll), 0.0), (0.0, 0.0, 1.0)))
    return (tilt @ nod @ turn).astype(np.float32)


@dataclass(frozen=True)
class Frame:
    """Where the head sits on the sheet: the pixel of the head's origin and pixels per head unit."""

    x: float
    y: float
    scale: float

    def to_pixels(self, view_points: np.ndarray) -> np.ndarray:
        points = np.asarray(view_points, dtype=np.float64)
        return np.column_stack((self.x + points[:, 0] * self.scale, self.y - points[:, 1] * self.scale))


@dataclass
class Render:
    """What the rays found, over a box of the sheet (rows y0.., columns x0..)."""

    x0: int
    y0: int
    hit: np.ndarray          # bool (h, w)
    material: np.ndarray     # int8 (h, w), 0 where nothing was hit
    lit: np.ndarray          # float (h, w): the cosine toward the key light, times the cast shadow
    facing: np.ndarray       # float (h, w): the cosine toward the viewer (1 square on, 0 at the silhouette)
    occlusion: np.ndarray    # float (h, w): 1 open, toward 0 in hollows and creases
    depth: np.ndarray        # float (h, w): view z of the surface (toward the viewer is larger)
    position: np.ndarray     # float (h, w, 3): the surface point in head space
    rotation: np.ndarray
    frame: Frame
    build: Build


class Sitter:
    """A head, its pose and its frame: the ray marcher and the projector for feature lines."""

    def __init__(self, build: Build, frame: Frame, yaw: float, pitch: float = 0.0, roll: float = 0.0,
                 light: np.ndarray = LIGHT):
        self.head = Head(build)
        self.build = build
        self.frame = frame
        self.rotation = rotation(yaw, pitch, roll)
        self.light = np.asarray(light, dtype=np.float32) / float(np.linalg.norm(light))

    # view space <-> head space
    def to_head(self, view: np.ndarray) -> np.ndarray:
        return view @ self.rotation  # rotation is orthonormal: its transpose undoes it

    def to_view(self, head: np.ndarray) -> np.ndarray:
        return np.asarray(head, dtype=np.float32) @ self.rotation.T

    def render(self, box: tuple[int, int, int, int], step: int | None = None,
               covered: np.ndarray | None = None) -> Render:
        """Cast rays into the head over ``box`` (x0, y0, x1, y1 on the sheet).

        A large head is cast at every ``step``-th pixel and enlarged again: the light over a face
        changes slowly, the washes soften every edge anyway, and a quarter of the rays costs a
        quarter of the time. Which part was hit is enlarged by a vote, so outlines stay smooth.
        ``covered`` (a bool array over the box) marks what will be painted over (the clothes over
        the neck): no ray is cast there, except within a ray or two of its edge.
        """
        x0, y0, x1, y1 = box
        if step is None:
            step = ray_step(self.frame.scale)
        h, w = y1 - y0, x1 - x0
        rows, cols = -(-h // step), -(-w // step)
        frame = self.frame
        origins = self._rays(box, step)
        open_cells = None if covered is None else ~_cells_covered(covered, rows, cols, step)
        t = _march_grid(self.head.distance, self.to_head, origins, rows, cols, step / frame.scale, open_cells)
        hit_flat = np.isfinite(t)
        points_view = origins[hit_flat].copy()
        points_view[:, 2] -= t[hit_flat]
        points_head = self.to_head(points_view)
        normals_head = _normals(self.head.distance, points_head, NORMAL_SPAN)
        normals_view = normals_head @ self.rotation.T
        lambert = np.clip(normals_view @ self.light, 0.0, 1.0)
        # a shadow ray only where the lamp could reach: a plane turned from it is dark whatever lies
        # between (on a face lit from one side, that spares the rays of nearly half the points)
        cast = np.ones_like(lambert)
        facing_lamp = lambert > 0.0
        cast[facing_lamp] = _shadow(self.head.distance, points_head[facing_lamp] + normals_head[facing_lamp] * 0.01,
                                    self.light @ self.rotation, steps=18 if self.frame.scale > 100 else 11)
        occlusion = _occlusion(self.head.distance, points_head, normals_head)
        materials = self.head.material(points_head)

        def spread(values: np.ndarray, fill: float, dtype=np.float32) -> np.ndarray:
            out = np.full((rows * cols,) + values.shape[1:], fill, dtype=dtype)
            out[hit_flat] = values
            return out.reshape((rows, cols) + values.shape[1:])

        material = spread(materials, 0, np.int8)
        # a cast shadow (the nose's on the cheek, the jaw's on the neck) is lit by the room: it
        # darkens a plane by a half-tone, it does not blacken it as the turn away from the lamp does
        fields = [spread(lambert * (0.4 + 0.6 * cast), 0.0), spread(np.clip(normals_view[:, 2], 0.0, 1.0), 0.0),
                  spread(occlusion, 1.0)]
        depth, position = spread(points_view[:, 2], -9.0), spread(points_head, 0.0)
        if step > 1:
            material = _vote(material, h, w, step)
            fields = [enlarge(field, h, w, step) for field in fields]
            depth = np.repeat(np.repeat(depth, step, axis=0), step, axis=1)[:h, :w]
            position = np.repeat(np.repeat(position, step, axis=0), step, axis=1)[:h, :w]
        lit, facing, occlusion_field = fields
        return Render(x0, y0, material > 0, material, lit, facing, occlusion_field, depth, position,
                      self.rotation, frame, self.build)

    def silhouette(self, box: tuple[int, int, int, int]) -> np.ndarray:
        """Which pixels of ``box`` the head covers, a ray cast through each: the same outline as
        ``render(box, step=1).hit`` without the light, the shadows and the parts, which cost
        several times the casting."""
        x0, y0, x1, y1 = box
        h, w = y1 - y0, x1 - x0
        t = _march_grid(self.head.distance, self.to_head, self._rays(box, 1), h, w, 1.0 / self.frame.scale)
        return np.isfinite(t).reshape(h, w)

    def _rays(self, box: tuple[int, int, int, int], step: int) -> np.ndarray:
        """The origins (view space, in front of the head) of rays through every ``step``-th pixel's
        centre of ``box``, row by row."""
        x0, y0, x1, y1 = box
        rows, cols = -(-(y1 - y0) // step), -(-(x1 - x0) // step)
        frame = self.frame
        xs = (x0 + (np.arange(cols, dtype=np.float32) + 0.5) * step - frame.x) / frame.scale
        ys = (frame.y - (y0 + (np.arange(rows, dtype=np.float32) + 0.5) * step)) / frame.scale
        grid = np.zeros((rows, cols, 3), dtype=np.float32)
        grid[..., 0] = xs[None, :]
        grid[..., 1] = ys[:, None]
        origins = grid.reshape(-1, 3).copy()
        origins[:, 2] = 0.8
        return origins

    def surface(self, head_xy: np.ndarray | Sequence[tuple[float, float]]) -> np.ndarray:
        """Points on the face's surface in head space, for (x, y) given in head space.

        The face seen straight on is cast on a grid, and each query reads the depth from it:
        features ask for hundreds of points, line by line, and one cast serves them all. The
        features' region is cast at the first query, in one march; a block outside it only when a
        query reaches it (the features keep to about a sixth of the grid).
        """
        xy = np.asarray(head_xy, dtype=np.float32).reshape(-1, 2)
        front = self._front_depth()
        cols = np.clip((xy[:, 0] - front.x0) / front.step, 0.0, front.depth.shape[1] - 1.001)
        rows = np.clip((xy[:, 1] - front.y0) / front.step, 0.0, front.depth.shape[0] - 1.001)
        c0, r0 = cols.astype(int), rows.astype(int)
        front.cast(self.head, r0, c0)
        grid = front.depth
        tc, tr = cols - c0, rows - r0
        z = (grid[r0, c0] * (1 - tc) + grid[r0, c0 + 1] * tc) * (1 - tr) + \
            (grid[r0 + 1, c0] * (1 - tc) + grid[r0 + 1, c0 + 1] * tc) * tr
        return np.column_stack((xy, z)).astype(np.float32)

    def _front_depth(self) -> FrontDepth:
        front = getattr(self, "_front", None)
        if front is None:
            front = self._front = FrontDepth.for_scale(self.frame.scale)
            front.cast_region(self.head, FEATURES_REGION)  # in one march: a march has a cost per step
        return front

    def project(self, head_points: np.ndarray, render: Render | None = None,
                tolerance: float = 0.02) -> tuple[np.ndarray, np.ndarray]:
        """Pixels of head-space points, and which of them the head does not hide."""
        view = self.to_view(np.asarray(head_points, dtype=np.float32).reshape(-1, 3))
        pixels = self.frame.to_pixels(view)
        visible = np.ones(len(view), dtype=bool)
        if render is not None:
            h, w = render.depth.shape
            cols = np.clip(np.round(pixels[:, 0] - render.x0 - 0.5).astype(int), 0, w - 1)
            rows = np.clip(np.round(pixels[:, 1] - render.y0 - 0.5).astype(int), 0, h - 1)
            visible = view[:, 2] >= render.depth[rows, cols] - tolerance
        return pixels, visible


def ray_step(scale: float) -> int:
    """Every how many pixels a head ``scale`` px tall is cast: every other one once it is large."""
    return 2 if scale > 60 else 1


# Where the feature lines of a face lie, in head space (x0, y0, x1, y1): the eyes and brows, the
# nose, the mouth, the lines of the forehead and round the mouth; the depth under them is cast at once.
FEATURES_REGION = (-0.26, -0.46, 0.26, 0.3)
# The front depth's march is short: a face seen straight on is met in a few steps, and the few rays
# still creeping along a surface they graze are taken as arrived (64 steps changed nothing visible).
FRONT_STEPS = 24


class FrontDepth:
    """The depth of the face seen straight on, over a grid in head space, cast by blocks as asked.

    Each ray is marched on its own, so a block cast when first asked for holds exactly what a
    cast of the whole grid would.
    """

    BLOCK = 8  # cells a side

    def __init__(self, xs: np.ndarray, ys: np.ndarray, step: float):
        self.xs, self.ys, self.step = xs, ys, step
        self.x0, self.y0 = float(xs[0]), float(ys[0])
        self.depth = np.zeros((len(ys), len(xs)), dtype=np.float32)
        self.done = np.zeros((-(-len(ys) // self.BLOCK), -(-len(xs) // self.BLOCK)), dtype=bool)

    @classmethod
    def for_scale(cls, scale: float) -> FrontDepth:
        step = 0.008 if scale > 100 else 0.016  # about a pixel of the head in its picture
        xs = np.arange(-0.44, 0.44 + step, step, dtype=np.float32)
        ys = np.arange(-0.64, 0.56 + step, step, dtype=np.float32)
        return cls(xs, ys, step)

    def cast_region(self, head: Head, region: tuple[float, float, float, float]) -> None:
        """Cast every block over ``region`` (x0, y0, x1, y1 in head space)."""
        x0, y0, x1, y1 = region
        cols = np.arange(int((x0 - self.x0) / self.step), int((x1 - self.x0) / self.step) + 1)
        rows = np.arange(int((y0 - self.y0) / self.step), int((y1 - self.y0) / self.step) + 1)
        cols = np.clip(cols, 0, self.depth.shape[1] - 2)
        rows = np.clip(rows, 0, self.depth.shape[0] - 2)
        grid_rows, grid_cols = np.meshgrid(rows, cols, indexing="ij")
        self.cast(head, grid_rows.ravel(), grid_cols.ravel())

    def cast(self, head: Head, rows: np.ndarray, cols: np.ndarray) -> None:
        """Cast the blocks holding the cells (rows, cols) and their neighbours below and right."""
        wanted = np.zeros_like(self.done)
        for dr in (0, 1):
            for dc in (0, 1):
                wanted[(rows + dr) // self.BLOCK, (cols + dc) // self.BLOCK] = True
        wanted &= ~self.done
        if not wanted.any():
            return
        cells = np.zeros(self.depth.shape, dtype=bool)
        for br, bc in np.argwhere(wanted):
            cells[br * self.BLOCK:(br + 1) * self.BLOCK, bc * self.BLOCK:(bc + 1) * self.BLOCK] = True
        r, c = np.nonzero(cells)
        rays = np.column_stack((self.xs[c], self.ys[r], np.full(len(r), 0.62, dtype=np.float32)))
        t = _march(head.skin, np.asfortranarray, rays, far=1.2, steps=FRONT_STEPS, land_stragglers=True)
        self.depth[r, c] = np.where(np.isfinite(t), 0.62 - t, 0.32)
        self.done |= wanted


def _cells_covered(covered: np.ndarray, rows: int, cols: int, step: int) -> np.ndarray:
    """Which cells of the ray grid lie inside ``covered`` by more than a cell's width, flattened."""
    mask = np.asarray(covered, dtype=bool)
    for _ in range(step + 1):  # shrink by a cell and a pixel: the enlarged fields near the edge keep their rays
        inner = mask.copy()
        inner[1:] &= mask[:-1]
        inner[:-1] &= mask[1:]
        inner[:, 1:] &= mask[:, :-1]
        inner[:, :-1] &= mask[:, 1:]
        mask = inner
    h, w = mask.shape
    row_at = np.minimum(np.arange(rows) * step + step // 2, h - 1)
    col_at = np.minimum(np.arange(cols) * step + step // 2, w - 1)
    return mask[np.ix_(row_at, col_at)].ravel()


def _vote(material: np.ndarray, height: int, width: int, step: int) -> np.ndarray:
    """A coarse map of parts enlarged: each pixel takes the part whose smoothed share is largest."""
    kinds = [int(k) for k in np.unique(material)]
    shares = np.stack([enlarge((material == k).astype(np.float32), height, width, step) for k in kinds])
    return np.asarray(kinds, dtype=np.int8)[shares.argmax(axis=0)]


# -- the ray marcher -------------------------------------------------------------------------------

def _along(points: np.ndarray, t: np.ndarray | np.float32, direction: np.ndarray) -> np.ndarray:
    """``points + t * direction`` for (n, 3) points, worked column by column into a column-major
    array (numpy broadcasts a direction against (n, 3) points in inner loops three long, slowly,
    and the solids read the points a column at a time)."""
    moved = np.empty(points.shape, dtype=np.float32, order="F")
    for axis in range(3):
        moved[:, axis] = points[:, axis] + t * direction[axis]
    return moved


# Rays are first marched as beams, each standing for a square of BEAM x BEAM rays (see _march_grid),
# a little wider than the square: the hair's and the beard's solids are rough (their strands are
# bumps on the surface, not exact distances), and a beam stopped just short of them lets each ray
# find its own way in.
BEAM = 4
BEAM_ROOM = 0.02


def _march_grid(distance, to_head, origins: np.ndarray, rows: int, cols: int, spacing: float,
                cast: np.ndarray | None = None) -> np.ndarray:
    """Sphere tracing for a grid of parallel rays ``spacing`` apart (head units), row by row; inf
    where nothing is hit, and for the rays ``cast`` leaves out.

    Most of a ray's steps are spent creeping up on the surface, and neighbouring rays creep up on
    it alike. So each square of BEAM x BEAM rays is first marched as one beam, a cylinder round
    their middle: it advances only as far as the distance field shows the whole cylinder empty
    (the distance at its axis less its radius), and stops when the surface comes within its
    radius. Every ray of the square starts where its beam stopped, with nothing in front of it
    there, and finishes alone in a few steps; a beam that runs out of the box spares its rays
    altogether. Each ray still lands on the first surface it meets, as when marched from the start.
    """
    count = rows * cols
    cast = np.ones(count, dtype=bool) if cast is None else cast
    beam_rows, beam_cols = -(-rows // BEAM), -(-cols // BEAM)
    grid = origins.reshape(rows, cols, 3)
    # each beam's axis through the middle of its square (a square cut by the grid's edge is smaller)
    centres = np.zeros((beam_rows, beam_cols, 3), dtype=np.float32)
    centres[..., 0] = _middles(grid[0, :, 0])[None, :]
    centres[..., 1] = _middles(grid[:, 0, 1])[:, None]
    centres[..., 2] = origins[0, 2]
    wanted = np.pad(cast.reshape(rows, cols), ((0, beam_rows * BEAM - rows), (0, beam_cols * BEAM - cols)))
    wanted = wanted.reshape(beam_rows, BEAM, beam_cols, BEAM).any(axis=(1, 3)).ravel()
    radius = spacing * (BEAM - 1) * math.sqrt(0.5) + BEAM_ROOM
    beams = np.full(beam_rows * beam_cols, np.inf, dtype=np.float32)
    beams[wanted] = _march(distance, to_head, centres.reshape(-1, 3)[wanted], radius=radius,
                           land_stragglers=True)
    start = np.repeat(np.repeat(beams.reshape(beam_rows, beam_cols), BEAM, axis=0), BEAM, axis=1)[:rows, :cols].ravel()
    rays = cast & np.isfinite(start)
    t = np.full(count, np.inf, dtype=np.float32)
    t[rays] = _march(distance, to_head, origins[rays], start=start[rays])
    return t


def _middles(line: np.ndarray) -> np.ndarray:
    """The middle of each run of BEAM values along ``line`` (the last run may be shorter)."""
    first = np.arange(0, len(line), BEAM)
    last = np.minimum(first + BEAM, len(line)) - 1
    return 0.5 * (line[first] + line[last])


def _march(distance, to_head, origins: np.ndarray, far: float = 1.6, steps: int = 64,
           land_stragglers: bool = False, start: np.ndarray | None = None, radius: float = 0.0) -> np.ndarray:
    """Sphere tracing along -z from each origin (view space); inf where nothing is hit.

    Rays that miss or arrive drop out of the working set, so each step costs only the rays still
    travelling. The step is shortened a little because smooth unions and the ellipsoid bound
    are not exact distances. With ``land_stragglers`` the rays still travelling after the last
    step (those creeping along a surface they graze) are taken as arrived where they are.
    ``start`` is how far along its ray each begins. With a ``radius`` each ray is a beam of that
    radius round its axis, and it arrives where the surface comes within the radius.
    """
    count = len(origins)
    t = np.zeros(count, dtype=np.float32) if start is None else start.astype(np.float32)
    result = np.full(count, np.inf, dtype=np.float32)
    active = np.arange(count)
    direction = np.array((0.0, 0.0, -1.0), dtype=np.float32)
    for _ in range(steps):
        if not len(active):
            break
        points = _along(origins[active], t[active], direction)
        d = distance(to_head(points))
        if radius:
            d = d - radius
        arrived = d < 1.5e-3
        result[active[arrived]] = t[active[arrived]]
        t[active] += np.maximum(d, 1e-3) * 0.85
        keep = ~arrived & (t[active] < far)
        active = active[keep]
    if land_stragglers and len(active):
        result[active] = t[active]
    return result


def _normals(distance, points: np.ndarray, e: float = 2e-3) -> np.ndarray:
    """The surface's normals by the tetrahedron of four distance samples."""
    if not len(points):
        return np.zeros((0, 3), dtype=np.float32)
    offsets = np.array(((1, -1, -1), (-1, -1, 1), (-1, 1, -1), (1, 1, 1)), dtype=np.float32)
    gradient = np.zeros_like(points)
    for k in offsets:
        d = distance(_along(points, np.float32(e), k))
        for axis in range(3):
            gradient[:, axis] += k[axis] * d
    return gradient / np.maximum(np.linalg.norm(gradient, axis=1, keepdims=True), 1e-6)


def _shadow(distance, points: np.ndarray, light_head: np.ndarray, steps: int = 18) -> np.ndarray:
    """How much of the key light reaches each point (soft shadow by the nearest miss along the ray)."""
    if not len(points):
        return np.zeros(0, dtype=np.float32)
    light = np.asarray(light_head, dtype=np.float32)
    shade = np.ones(len(points), dtype=np.float32)
    t = np.full(len(points), 0.035, dtype=np.float32)
    for _ in range(steps):
        d = distance(_along(points, t, light))
        shade = np.minimum(shade, np.clip(10.0 * d / t, 0.0, 1.0))
        t += np.clip(d, 0.01, 0.08)
    return shade * shade * (3.0 - 2.0 * shade)


def _occlusion(distance, points: np.ndarray, normals: np.ndarray) -> np.ndarray:
    """Ambient occlusion from five samples along the normal: how open the surface is to the room."""
    if not len(points):
        return np.zeros(0, dtype=np.float32)
    hidden = np.zeros(len(points), dtype=np.float32)
    weight = 1.0
    for k in range(1, 6):
        h = 0.015 * k
        hidden += weight * np.maximum(h - distance(points + normals * h), 0.0) / h
        weight *= 0.7
    return np.clip(1.0 - 0.45 * hidden, 0.0, 1.0)
