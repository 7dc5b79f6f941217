"""A watercolor painter on numpy arrays: glazes mixed by Kubelka-Munk, wet edges, blooms, granulation.

The sheet keeps, per pixel and RGB channel, how much light the paint film absorbs (K) and how much
it scatters back (S): every stroke adds its pigment's K and S in proportion to how much pigment it
lays. ``pixels()`` turns the film into colour with Kubelka and Munk's two-flux model of a layer
over a ground (the paper), as Curtis et al. composite their glazes ("Computer-Generated
Watercolor", SIGGRAPH 1997). Transparent pigments (alizarin, the phthalos' cousins) behave like
coloured filters, so a blue glaze over a yellow one leaves green; opaque ones (the cadmiums,
Naples yellow, cerulean) scatter light back and lighten what they cover, as body colour does.

Washes follow Tyler Hobbs's generative watercolor ("A Guide to Simulating Watercolor Paint with
Generative Art", 2017): the outline is deformed by recursive midpoint displacement, each edge
carrying its own variance so some sides stay calm and others ripple; then many translucent
copies, each deformed again, are stacked. Where the copies agree the wash is dense; where they
disagree its edge fades. A wash laid from a field (``lay``) instead of an outline follows
Bousseau et al. ("Interactive watercolor rendering with temporal coherence and abstraction",
NPAR 2006): its edges wobble by a smooth displacement of the field and darken where it dried.

The water matters as much as the pigment. On dry paper a wash dries with a hard, darker rim
where pigment was carried to the wet edge (Curtis's edge darkening). ``wet`` dampens an area
first: a wash laid there spreads in soft fingers with no rim (wet-in-wet). A backrun (a bloom)
is water flowing back into a drying wash: it pushes pigment outward into a pale patch with a
dark, cauliflower edge. Granulating pigments (ultramarine, burnt sienna, the umbers) settle
into the paper's valleys; ultramarine also flocculates into small clumps. Paper left bare is
the only white: ``reserve`` keeps it in a wash, ``lift`` takes paint off again.

Everything random comes from the painting's own generator (seeded), so a painting is the same
on every run and machine; work is confined to each stroke's bounding box.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from game.art.shapes import blob, ellipse, rectangle

__all__ = ["PIGMENTS", "Pigment", "Painting", "seed_for", "soften", "block_mean", "channel_sum", "enlarge", "km_reflectance", "polygon_mask", "ellipse",
           "rectangle", "blob"]


def km_reflectance(absorption, scattering, ground):
    """Kubelka-Munk: the reflectance of a paint film (total K and S for its thickness) over a ground.

    The film alone reflects R and transmits T (two-flux solution for a layer of finite
    thickness); light bouncing between film and ground adds T^2 Rg / (1 - R Rg). With no
    scattering this is Beer-Lambert through the film and back: Rg * exp(-2K).
    """
    k = np.asarray(absorption, dtype=np.float32)
    s = np.asarray(scattering, dtype=np.float32)
    ground = np.asarray(ground, dtype=np.float32)
    if k.ndim == 3 and s.shape == k.shape and ground.shape == (k.shape[2],):
        # a sheet over one paper colour: channel by channel, each contiguous (numpy broadcasts a
        # colour against an (h, w, 3) film in inner loops three long, several times slower)
        sheet = np.empty_like(k)
        for channel in range(k.shape[2]):
            sheet[..., channel] = km_reflectance(np.ascontiguousarray(k[..., channel]),
                                                 np.ascontiguousarray(s[..., channel]), ground[channel])
        return sheet
    s = np.maximum(s, np.float32(1e-4))
    a = 1.0 + k / s
    b = np.sqrt(np.maximum(a * a - 1.0, 1e-12))
    grow = np.exp(np.minimum(b * s, np.float32(30.0)))  # sinh and cosh from one exponential
    shrink = 1.0 / grow
    sinh, cosh = 0.5 * (grow - shrink), 0.5 * (grow + shrink)
    c = a * sinh + b * cosh
    film_r = sinh / c
    film_t = b / c
    return film_r + film_t * film_t * ground / (1.0 - film_r * ground)


@dataclass(frozen=True, slots=True)
class Pigment:
    """A tube of paint: what a full-strength wash shows on white paper, and how it behaves.

    ``opacity`` sets its scattering (0 a pure filter such as alizarin, 1 a body colour such as
    Naples yellow); ``granulation`` how strongly it settles into the paper's valleys (ultramarine
    and burnt sienna are the classic granulators, the staining dyes none at all).
    """

    name: str
    masstone: tuple[float, float, float]
    opacity: float
    granulation: float
    absorption: tuple[float, float, float]
    scattering: tuple[float, float, float]


# Scattering of an opaque pigment per unit of opacity: chosen so Naples yellow or cerulean laid
# over a dark wash lightens it visibly, as they do on paper, while transparent ones never do.
_SCATTER = 1.4


def _km_over_white(k: float, s: float) -> float:
    """``km_reflectance`` for one channel over white paper, in plain floats (used at import)."""
    s = max(s, 1e-4)
    a = 1.0 + k / s
    b = math.sqrt(max(a * a - 1.0, 1e-12))
    bs = min(b * s, 30.0)
    c = a * math.sinh(bs) + b * math.cosh(bs)
    film_r, film_t = math.sinh(bs) / c, b / c
    return film_r + film_t * film_t / (1.0 - film_r)


def _solve_absorption(masstone: float, scattering: float) -> float:
    """The K that makes a unit film of this scattering show ``masstone`` over white paper (bisection)."""
    low, high = 0.0, 40.0
    for _ in range(50):
        middle = 0.5 * (low + high)
        if _km_over_white(middle, scattering) > masstone:
            low = middle
        else:
            high = middle
    return round(0.5 * (low + high), 5)


def _pigment_of(name: str, masstone: tuple[float, float, float], opacity: float, granulation: float) -> Pigment:
    red, green, blue = (round(opacity * _SCATTER * (0.25 + channel), 5) for channel in masstone)
    scattering = (red, green, blue)
    absorption = (_solve_absorption(masstone[0], red), _solve_absorption(masstone[1], green),
                  _solve_absorption(masstone[2], blue))
    return Pigment(name, masstone, opacity, granulation, absorption, scattering)


# name: (masstone on white paper at strength 1 as RGB reflectance, opacity, granulation).
# Masstones chosen by eye against artists' colour charts; opacity and granulation from the
# makers' ratings (and, for the scattering of the cadmiums, cerulean and the earths, the K/S
# measurements in Curtis et al. 1997, table 1).
_PALETTE: dict[str, tuple[tuple[float, float, float], float, float]] = {
    "ultramarine": ((0.15, 0.23, 0.58), 0.05, 1.0),
    "cobalt_blue": ((0.24, 0.36, 0.70), 0.25, 0.7),
    "cerulean": ((0.27, 0.55, 0.74), 0.45, 0.8),
    "prussian_blue": ((0.08, 0.19, 0.33), 0.02, 0.05),
    "indigo": ((0.14, 0.15, 0.25), 0.04, 0.1),
    "viridian": ((0.12, 0.46, 0.42), 0.05, 0.5),
    "hookers_green": ((0.17, 0.36, 0.17), 0.03, 0.1),
    "sap_green": ((0.33, 0.50, 0.13), 0.03, 0.15),
    "terre_verte": ((0.47, 0.56, 0.45), 0.2, 0.6),
    "olive": ((0.42, 0.43, 0.17), 0.06, 0.3),
    "lemon_yellow": ((0.96, 0.90, 0.20), 0.35, 0.0),
    "cadmium_yellow": ((0.97, 0.77, 0.07), 0.6, 0.1),
    "naples_yellow": ((0.96, 0.84, 0.56), 0.6, 0.1),
    "yellow_ochre": ((0.80, 0.60, 0.22), 0.4, 0.4),
    "raw_sienna": ((0.76, 0.46, 0.16), 0.15, 0.5),
    "burnt_sienna": ((0.60, 0.27, 0.13), 0.15, 0.8),
    "raw_umber": ((0.44, 0.36, 0.24), 0.2, 0.9),
    "burnt_umber": ((0.36, 0.23, 0.15), 0.2, 0.6),
    "sepia": ((0.28, 0.22, 0.17), 0.1, 0.3),
    "vermilion": ((0.86, 0.23, 0.12), 0.5, 0.2),
    "cadmium_red": ((0.78, 0.14, 0.10), 0.55, 0.1),
    "alizarin": ((0.62, 0.10, 0.21), 0.02, 0.0),
    "rose": ((0.91, 0.46, 0.56), 0.05, 0.0),
    "flesh": ((0.96, 0.78, 0.66), 0.3, 0.1),
    "payne_grey": ((0.20, 0.24, 0.30), 0.05, 0.2),
    "davy_grey": ((0.42, 0.43, 0.38), 0.3, 0.4),
    "neutral_tint": ((0.26, 0.24, 0.29), 0.03, 0.05),
    "ivory_black": ((0.10, 0.10, 0.10), 0.15, 0.3),
    "lamp_black": ((0.08, 0.08, 0.09), 0.2, 0.2),
}

PIGMENTS: dict[str, Pigment] = {name: _pigment_of(name, *entry) for name, entry in _PALETTE.items()}
Mix = Sequence[tuple[str, float]]  # a mixture on the palette: pigments and how much of each

# White is the paper left bare: a watercolorist reserves it or lifts paint back to it.


def seed_for(*parts: str | int) -> int:
    """A 63-bit seed from names and numbers, the same on every run and machine (unlike ``hash``)."""
    text = "\x1f".join(f"{type(part).__name__}:{part}" for part in parts)
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big") >> 1


# --- small numpy tools ---------------------------------------------------------------------------

def _box(values: np.ndarray, radius: int, axis: int) -> np.ndarray:
    """A running mean of width 2*radius+1 along one axis, edges extended.

    The painter's blurs are mostly narrow (a radius of one to three), where adding the shifted
    copies is two to four times faster than a running sum, and exact where a float32 running
    sum drifts along a long row; wide ones take the running sum.
    """
    n = values.shape[axis]
    if radius <= SHIFTED_SUM_RADIUS:
        if axis == 0:
            padded = np.empty((n + 2 * radius, values.shape[1]), dtype=np.float32)
            padded[radius:radius + n] = values
            padded[:radius] = values[:1]
            padded[radius + n:] = values[-1:]
            result = padded[0:n].copy()
            for shift in range(1, 2 * radius + 1):
                result += padded[shift:shift + n]
        else:
            padded = np.empty((values.shape[0], n + 2 * radius), dtype=np.float32)
            padded[:, radius:radius + n] = values
            padded[:, :radius] = values[:, :1]
            padded[:, radius + n:] = values[:, -1:]
            result = padded[:, 0:n].copy()
            for shift in range(1, 2 * radius + 1):
                result += padded[:, shift:shift + n]
    elif axis == 0:
        padded = np.concatenate((np.repeat(values[:1], radius + 1, axis=0), values,
                                 np.repeat(values[-1:], radius, axis=0)), axis=0)
        summed = np.cumsum(padded, axis=0, dtype=np.float32)
        result = summed[2 * radius + 1:2 * radius + 1 + n] - summed[:n]
    else:
        padded = np.concatenate((np.repeat(values[:, :1], radius + 1, axis=1), values,
                                 np.repeat(values[:, -1:], radius, axis=1)), axis=1)
        summed = np.cumsum(padded, axis=1, dtype=np.float32)
        result = summed[:, 2 * radius + 1:2 * radius + 1 + n] - summed[:, :n]
    result *= np.float32(1.0 / (2 * radius + 1))
    return result


SHIFTED_SUM_RADIUS = 4  # up to this radius a box is summed from shifted copies (see _box)


def _box_blur(values: np.ndarray, sigma: float) -> np.ndarray:
    radius = max(1, int(round((math.sqrt(4.0 * sigma * sigma + 1.0) - 1.0) / 2.0)))
    for axis in (0, 1):
        for _ in range(3):
            values = _box(values, radius, axis)
    return values


def _resample(values: np.ndarray, height: int, width: int, factor: int) -> np.ndarray:
    """Bilinear enlargement of a field shrunk by ``factor`` back to ``height`` x ``width``."""
    def axis(size: int, cells: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        position = np.clip((np.arange(size, dtype=np.float32) + 0.5) / factor - 0.5, 0, cells - 1)
        low = np.floor(position).astype(np.int64)
        high = np.minimum(low + 1, cells - 1)
        return low, high, (position - low).astype(np.float32)

    y0, y1, ty = axis(height, values.shape[0])
    x0, x1, tx = axis(width, values.shape[1])
    rows = values[y0] * (1.0 - ty)[:, None] + values[y1] * ty[:, None]
    return rows[:, x0] * (1.0 - tx)[None, :] + rows[:, x1] * tx[None, :]


def enlarge(values: np.ndarray, height: int, width: int, factor: int) -> np.ndarray:
    """A field computed at 1/``factor`` of the size, enlarged (bilinear) to ``height`` x ``width``."""
    return _resample(np.asarray(values, dtype=np.float32), height, width, factor)


def _blur(values: np.ndarray, sigma: float) -> np.ndarray:
    """Close to a Gaussian of ``sigma``: three box passes per axis, on a shrunk copy when sigma is wide.

    A wide blur has no fine detail to keep, so it is done at a half or a quarter of the size and
    enlarged again: the same softness at a fraction of the memory traffic.
    """
    if sigma < 0.35:
        return values
    factor = min(4, int(sigma / 2.0)) if min(values.shape) >= 16 else 1
    if factor < 2:
        return _box_blur(values, sigma)
    height, width = values.shape
    rows, cols = -(-height // factor), -(-width // factor)
    padded = np.pad(values, ((0, rows * factor - height), (0, cols * factor - width)), mode="edge")
    small = block_mean(padded, factor)
    inner = math.sqrt(max(sigma * sigma - (factor * factor) / 4.0, 0.25)) / factor
    return _resample(_box_blur(small, inner), height, width, factor)


def block_mean(values: np.ndarray, factor: int) -> np.ndarray:
    """Each ``factor`` x ``factor`` block of ``values`` (its sides a multiple of ``factor``) by its
    mean, summed from strided views (numpy's mean over two short axes of a reshape is ten times
    slower)."""
    total = values[0::factor, 0::factor].copy()
    for row in range(factor):
        for col in range(factor):
            if row or col:
                total += values[row::factor, col::factor]
    total *= np.float32(1.0 / (factor * factor))
    return total


def _edge_sigma(bleed: float) -> float:
    """How far a drying wash's rim spreads (see ``Painting._settle``)."""
    return 1.5 + 0.7 * bleed


def _drying_reach(bleed: float) -> float:
    """How far past its shape a wash's paint can reach as it bleeds and dries to a rim."""
    return 3.0 * (_edge_sigma(bleed) + bleed)


def _wrapped_window(field: np.ndarray, top: int, left: int, height: int, width: int) -> np.ndarray:
    """A new (height, width) array of ``field`` from (top, left), wrapping round its edges: copied
    as up to four plain slices, several times faster than gathering it by index."""
    rows, cols = field.shape
    top, left = top % rows, left % cols
    window = np.empty((height, width), dtype=field.dtype)
    row_runs = [(0, top, min(height, rows - top))]
    if top + height > rows:
        row_runs.append((rows - top, 0, height - (rows - top)))
    col_runs = [(0, left, min(width, cols - left))]
    if left + width > cols:
        col_runs.append((cols - left, 0, width - (cols - left)))
    for at_row, from_row, count_rows in row_runs:
        for at_col, from_col, count_cols in col_runs:
            window[at_row:at_row + count_rows, at_col:at_col + count_cols] = \
                field[from_row:from_row + count_rows, from_col:from_col + count_cols]
    return window


def channel_sum(film: np.ndarray) -> np.ndarray:
    """A film's (h, w, channels) values added over its channels, as ``film.sum(axis=2)`` gives them
    but channel by channel: numpy reduces an axis three long in tiny inner loops, several times slower."""
    total = film[..., 0].copy()
    for channel in range(1, film.shape[2]):
        total += film[..., channel]
    return total


def soften(field: np.ndarray, sigma: float) -> np.ndarray:
    """A Gaussian-like blur of a 2-D field (a mask, an amount): how far wet paint creeps."""
    return _blur(np.asarray(field, dtype=np.float32), sigma)


def _periodic_noise(rng: np.random.Generator, height: int, width: int, cell: float) -> np.ndarray:
    """Smooth value noise with features about ``cell`` pixels wide, wrapping at the edges."""
    rows = max(2, int(round(height / cell)))
    cols = max(2, int(round(width / cell)))
    grid = rng.standard_normal((rows, cols)).astype(np.float32)

    def axis_weights(size: int, cells: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        position = (np.arange(size, dtype=np.float32) + 0.5) * (cells / size)
        index = np.floor(position).astype(np.int64)
        t = position - index
        t = t * t * (3.0 - 2.0 * t)
        return index % cells, (index + 1) % cells, t.astype(np.float32)

    y0, y1, ty = axis_weights(height, rows)
    x0, x1, tx = axis_weights(width, cols)
    along = grid[y0] * (1.0 - ty)[:, None] + grid[y1] * ty[:, None]
    return along[:, x0] * (1.0 - tx)[None, :] + along[:, x1] * tx[None, :]


def _fractal_noise(rng: np.random.Generator, height: int, width: int,
                   cells: Sequence[float], weights: Sequence[float]) -> np.ndarray:
    field = np.zeros((height, width), dtype=np.float32)
    for cell, weight in zip(cells, weights):
        field += np.float32(weight) * _periodic_noise(rng, height, width, cell)
    spread = float(field.std()) or 1.0
    return (field - field.mean()) / np.float32(spread)


def _smooth_1d(rng: np.random.Generator, positions: np.ndarray, spacing: float) -> np.ndarray:
    """Smooth noise along a line (for tremor and pressure), about one swing per ``spacing``."""
    count = int(positions[-1] / spacing) + 3 if len(positions) else 3
    knots = rng.standard_normal(count)
    return np.interp(positions / spacing, np.arange(count), knots)


def _as_points(points) -> np.ndarray:
    array = np.asarray(points, dtype=np.float64)
    if array.ndim != 2 or array.shape[1] != 2:
        raise ValueError(f"expected an (N, 2) array of points, got shape {array.shape}")
    return array


class _Box:
    """A stroke's working rectangle on the sheet: rows y0:y1, columns x0:x1."""

    __slots__ = ("x0", "y0", "x1", "y1")

    def __init__(self, x0: int, y0: int, x1: int, y1: int):
        self.x0, self.y0, self.x1, self.y1 = x0, y0, x1, y1

    @property
    def width(self) -> int:
        return self.x1 - self.x0

    @property
    def height(self) -> int:
        return self.y1 - self.y0

    @property
    def empty(self) -> bool:
        return self.width <= 0 or self.height <= 0

    @property
    def slices(self) -> tuple[slice, slice]:
        return slice(self.y0, self.y1), slice(self.x0, self.x1)


# --- the painting --------------------------------------------------------------------------------

class Painting:
    """One sheet of paper; strokes accumulate pigment on it, ``pixels()`` shows the result."""

    def __init__(self, width: int, height: int, seed: int,
                 paper: tuple[int, int, int] = (244, 236, 220)) -> None:
        if width < 1 or height < 1:
            raise ValueError(f"a painting needs a positive size, not {width}x{height}")
        self.width = int(width)
        self.height = int(height)
        self.seed = int(seed)
        self.paper = tuple(int(c) for c in paper)
        self.rng = np.random.default_rng(self.seed)
        # the paint film: absorption (K) and scattering (S) per channel, summed over every stroke
        self.density = np.zeros((self.height, self.width, 3), dtype=np.float32)
        self.scatter = np.zeros((self.height, self.width, 3), dtype=np.float32)
        self.wetness: np.ndarray | None = None
        # how far pigment creeps into damp paper: a fixed share of the sheet, so wet-in-wet
        # looks the same on a portrait and on a scene
        self.wet_spread = max(1.5, 0.012 * min(self.width, self.height))
        # the paper's tooth: fine bumps (granulation settles in their valleys, the grain shows
        # through every wash) and a slower mottle that makes a flat wash flow unevenly
        texture_rng = np.random.default_rng(self.rng.integers(2**63))
        self.tooth = _fractal_noise(texture_rng, self.height, self.width, (1.6, 3.2, 7.0), (0.6, 0.3, 0.12))
        # the mottle has no detail finer than a few pixels: made at a quarter of the size
        quarter_h, quarter_w = -(-self.height // 4), -(-self.width // 4)
        self.mottle = _resample(_fractal_noise(texture_rng, quarter_h, quarter_w, (4.5, 10.5, 27.5), (0.35, 0.4, 0.45)),
                                self.height, self.width, 4)
        self._warp_seed = int(texture_rng.integers(2**63))
        self._warp: tuple[np.ndarray, np.ndarray] | None = None
        self._laid: tuple[np.ndarray, np.ndarray] | None = None  # see ``keep_track``

    def keep_track(self) -> None:
        """From now on, also note every bit of paint laid (not what is lifted), until ``laid`` is asked.

        A scene uses it to treat one element's own paint apart from what lay under it: to let a
        solid thing cover what is behind it, or to fade a distant thing into the air.
        """
        self._laid = (np.zeros_like(self.density), np.zeros_like(self.scatter))

    def laid(self) -> tuple[np.ndarray, np.ndarray]:
        """The absorption and scattering laid since ``keep_track``; stops keeping track."""
        laid, self._laid = self._laid, None
        if laid is None:
            raise RuntimeError("laid() without keep_track()")
        return laid

    @contextlib.contextmanager
    def untracked(self) -> Iterator[None]:
        """Paint laid inside this block lies on what is under it rather than being the element's own
        (a shadow cast on the floor): ``laid`` will not count it, so a solid element does not take
        away what lies under its shadow."""
        kept, self._laid = self._laid, None
        try:
            yield
        finally:
            self._laid = kept

    def take_in(self, other: Painting, at: tuple[int, int], factor: int) -> None:
        """Lay here the paint of ``other``, a sheet painted ``factor`` times larger than the place
        ``at`` (x, y) it goes: its films averaged down, as the paint it would have left on a
        reduced print. While this sheet keeps track, it counts as laid."""
        x0, y0 = int(at[0]), int(at[1])
        height, width = other.height // factor, other.width // factor
        box = _Box(max(0, x0), max(0, y0), min(self.width, x0 + width), min(self.height, y0 + height))
        if box.empty:
            return
        theirs = [other.density, other.scatter] * (2 if self._laid is not None else 1)
        for film, source in zip(self._films(), theirs):
            reduced = block_mean(source[:height * factor, :width * factor], factor)
            film[box.slices] += reduced[box.y0 - y0:box.y1 - y0, box.x0 - x0:box.x1 - x0]

    def drain_colour(self) -> None:
        """Make every pixel's paint a neutral grey as deep as it was (each film's three channels set
        to their mean): what a black-and-white screen shows of a painted face."""
        for film in self._films():
            film[...] = film.mean(axis=2, keepdims=True)

    def _films(self) -> list[np.ndarray]:
        """The arrays the paint lies in: absorption, scattering and, while keeping track, what was laid of each."""
        return [self.density, self.scatter] + (list(self._laid) if self._laid is not None else [])

    def snapshot(self) -> tuple[np.ndarray, ...]:
        """A copy of the paint film (and of what is being kept track of), for ``keep_inside``."""
        return tuple(film.copy() for film in self._films())

    def keep_inside(self, snapshot: tuple[np.ndarray, ...], inside: np.ndarray) -> None:
        """Keep what was painted since ``snapshot`` only where ``inside`` (0..1, sheet-sized) says:
        a figure on a television screen, with nothing of it past the screen's edge."""
        mask = np.asarray(inside, dtype=np.float32)[..., None]
        for film, before in zip(self._films(), snapshot):
            film[:] = before + (film - before) * mask

    # --- geometry ----------------------------------------------------------------------------
    def _clip_box(self, points: np.ndarray, margin: float) -> _Box:
        x0 = max(0, int(math.floor(points[:, 0].min() - margin)))
        y0 = max(0, int(math.floor(points[:, 1].min() - margin)))
        x1 = min(self.width, int(math.ceil(points[:, 0].max() + margin)) + 1)
        y1 = min(self.height, int(math.ceil(points[:, 1].max() + margin)) + 1)
        return _Box(x0, y0, x1, y1)

    def _deform(self, points: np.ndarray, variance: np.ndarray, reach: float, finest: float,
                depth: int) -> tuple[np.ndarray, np.ndarray, float]:
        """Recursive midpoint displacement: each edge's midpoint moves by ``reach`` times its variance.

        ``points`` is (copies, N, 2): all layers of a wash are deformed at once. ``reach``
        halves at each level, so the outline is rough at every scale (a fractal edge), and no
        move exceeds a quarter of its edge, so an outline that already has many points (a
        coastline) wavers instead of bristling. Stops once edges are shorter than ``finest``
        pixels: a big wash does not grow millions of vertices, a tiny one is not refined past
        what a pixel can show. Returns the points, their edges' variances and the next reach.
        """
        rng = self.rng
        for _ in range(depth):
            following = np.roll(points, -1, axis=1)
            step = following - points
            length = np.hypot(step[..., 0], step[..., 1])
            if length.mean() < finest:
                break
            middle = (points + following) * 0.5
            sigma = np.minimum(reach, 0.25 * length) * variance
            middle += rng.standard_normal(middle.shape) * sigma[..., None]
            child = variance * rng.uniform(0.7, 1.15, variance.shape)
            copies, count = points.shape[:2]
            merged = np.empty((copies, 2 * count, 2))
            merged[:, 0::2], merged[:, 1::2] = points, middle
            variances = np.empty((copies, 2 * count))
            variances[:, 0::2], variances[:, 1::2] = variance, child
            points, variance, reach = merged, variances, reach * 0.5
        return points, variance, reach

    def _layered_coverage(self, polygon: np.ndarray, box: _Box, layers: int, wobble: float) -> np.ndarray:
        """How many of ``layers`` deformed copies of ``polygon`` cover each pixel of ``box``, as a fraction."""
        layers = max(1, layers)
        size = float(max(np.ptp(polygon[:, 0]), np.ptp(polygon[:, 1]), 1.0))
        variance = self.rng.uniform(0.25, 1.6, (1, len(polygon)))
        base, base_variance, reach = self._deform(polygon[None], variance, wobble * size,
                                                  finest=size / 12 + 6.0, depth=4)
        copies = np.repeat(base, layers, axis=0)
        copy_variance = np.repeat(base_variance, layers, axis=0)
        stack, _variance, _reach = self._deform(copies, copy_variance, 0.5 * reach, finest=3.5, depth=6)
        rows, cols, weights = _winding_crossings(stack, box)
        return _fill(rows, cols, weights, box, limit=float(layers)) / np.float32(layers)

    def _offset_field(self, field: np.ndarray, box: _Box) -> np.ndarray:
        """A window of a wrapping texture at a random offset, so two washes do not mottle alike."""
        dy = int(self.rng.integers(self.height))
        dx = int(self.rng.integers(self.width))
        return _wrapped_window(field, box.y0 + dy, box.x0 + dx, box.height, box.width)

    def _lay(self, box: _Box, amount: np.ndarray, pigment: str) -> None:
        # channel by channel: numpy broadcasts an (h, w, 1) field against three channels in inner
        # loops three long, four times slower than three plain passes over the field
        paint = _pigment(pigment)
        amount = np.maximum(amount, 0.0)
        films = [(self.density[box.slices], paint.absorption)]
        if self._laid is not None:
            films.append((self._laid[0][box.slices], paint.absorption))
        if paint.opacity > 0.0:
            films.append((self.scatter[box.slices], paint.scattering))
            if self._laid is not None:
                films.append((self._laid[1][box.slices], paint.scattering))
        for film, per_channel in films:
            for channel, value in enumerate(np.asarray(per_channel, dtype=np.float32)):
                film[..., channel] += amount * value

    def _texture(self, amount: np.ndarray, box: _Box, granulation: float, flow: float,
                 strength: float = 1.0, pigment: str | None = None, mottle: np.ndarray | None = None) -> np.ndarray:
        """Granulation into the paper's valleys and an uneven flow across the wash.

        How much a wash granulates is the stroke's ``granulation`` times its pigment's own
        tendency (ultramarine settles, alizarin stains evenly); ultramarine and the other
        strong granulators also flocculate into small clumps. Both show most in pale and middle
        tones: a heavy, saturated wash fills the paper's valleys and lies evenly, so the
        texture is calmed where the wash is dense.
        """
        settling = 0.4 + 1.3 * _pigment(pigment).granulation if pigment else 1.0
        grain = granulation * settling
        tooth = self.tooth[box.slices]
        if mottle is None:
            mottle = self._offset_field(self.mottle, box)
        calm = 1.0 / (1.0 + np.float32(1.5 * strength) * np.maximum(amount, 0.0))
        texture = np.float32(0.2 * grain) * (-tooth) + np.float32(0.55 * flow) * mottle
        if grain > 0.6:  # flocculation: clumps a few grains wide
            texture += np.float32(0.18 * (grain - 0.6)) * self._offset_field(self.tooth, box)
        factor = 1.0 + texture * calm + np.float32(0.25 * flow) * mottle
        return amount * np.clip(factor, 0.15, 2.5)

    def _settle(self, box: _Box, coverage: np.ndarray, mix: list[tuple[str, float]], *, edge: float,
                bleed: float, granulation: float, flow: float, reserve: np.ndarray | None,
                backruns: int) -> None:
        """Turn a wash's coverage (0..1 over ``box``) into pigment on the paper, as the water dries.

        Reserved paper is painted around, so the wash's rim runs along it too. On dry paper the
        pigment carried to the wet edge dries as a darker rim (Curtis's edge darkening); where
        the paper is damp the wash spreads in soft fingers and leaves no rim (wet-in-wet).
        Backruns come last: water flowing back into the drying wash. The pigments of a mixture
        travel together (one flow, one rim) but each granulates as it does.
        """
        if reserve is not None:
            coverage = coverage * (1.0 - np.clip(reserve[box.slices], 0.0, 1.0))
        edge_sigma = _edge_sigma(bleed)
        soft = _blur(coverage, bleed)
        if edge > 0.0:
            dried = np.clip((coverage - 0.3) * 2.5, 0.0, 1.0)
            rim = np.maximum(dried - _blur(dried, edge_sigma), 0.0)
        else:  # a wash let go soft everywhere (a glow, a shadow melted in) has no dried line to find
            rim = np.zeros_like(soft)
        if self.wetness is not None:
            damp = self.wetness[box.slices]
            if damp.max() > 0.0:
                # past its edge the pigment creeps out unevenly, in soft fingers; inside it stays
                creep = _blur(coverage, self.wet_spread)
                fingers = np.clip(1.0 + 0.6 * self._offset_field(self.mottle, box) + 0.2 * self.tooth[box.slices],
                                  0.2, 1.8)
                spread = soft + np.maximum(creep - soft, 0.0) * fingers
                soft = soft * (1.0 - damp) + spread * damp
                rim = rim * (1.0 - damp)
        amount = soft + np.float32(2.4 * edge) * _blur(rim, 0.35 * bleed) if edge > 0.0 else soft
        for _ in range(backruns):
            amount = self._backrun(amount, box, coverage)
        mottle = self._offset_field(self.mottle, box)
        total = sum(strength for _pigment_name, strength in mix)
        for pigment, strength in mix:
            textured = self._texture(amount, box, granulation, flow=flow, strength=total, pigment=pigment,
                                     mottle=mottle)
            self._lay(box, textured * np.float32(strength), pigment)

    def _backrun(self, amount: np.ndarray, box: _Box, coverage: np.ndarray) -> np.ndarray:
        """A bloom: water creeps back into the drying wash and shoves its pigment outward.

        The water's front is a fractal outline (midpoint displacement with a large variance); it
        leaves a paler patch inside and deposits what it carried along its edge, which dries
        dark and ragged, the cauliflower edge painters know (Curtis et al. 1997, section 4.3).
        """
        inside = np.argwhere(coverage > 0.8)
        if len(inside) < 16:
            return amount
        y, x = inside[int(self.rng.integers(len(inside)))]
        radius = float(self.rng.uniform(0.08, 0.2)) * min(box.width, box.height)
        if radius < 3.0:
            return amount
        angles = np.linspace(0.0, 2.0 * np.pi, 14, endpoint=False)
        ring = np.column_stack((x + box.x0 + radius * np.cos(angles), y + box.y0 + radius * np.sin(angles)))
        variance = self.rng.uniform(0.8, 2.2, (1, len(ring)))
        front, _variance, _reach = self._deform(ring[None], variance, 0.35 * radius, finest=2.0, depth=6)
        rows, cols, weights = _winding_crossings(front, box)
        patch = _fill(rows, cols, weights, box, limit=1.0) * np.clip(coverage * 1.4, 0.0, 1.0)
        if patch.sum() < 4.0:
            return amount
        carried = _blur(patch, 0.25 * radius)
        front_line = np.maximum(patch - _blur(patch, 1.2), 0.0)
        load = float((amount * patch).sum() / max(patch.sum(), 1.0))
        return amount * (1.0 - 0.55 * carried) + np.float32(1.3 * load) * front_line

    # --- strokes -----------------------------------------------------------------------------
    def wash(self, polygon, pigment: str | Mix, strength: float = 0.5, *, layers: int = 20, wobble: float = 0.06,
             edge: float = 0.6, granulation: float = 0.4, bleed: float = 1.5, reserve: np.ndarray | None = None,
             backruns: int = 0) -> None:
        """A flat wash over ``polygon``: stacked deformed copies, a darker wet edge, granulation, bleed.

        ``pigment`` is a pigment's name, or a mixture: (name, strength) pairs, each strength
        multiplied by ``strength``. ``reserve`` (a sheet-sized 0..1 field) is paper the brush goes
        around; ``backruns`` lets that many blooms form as the wash dries.
        """
        outline = _as_points(polygon)
        if len(outline) < 3:
            return
        mix = _mixture(pigment, strength)
        size = max(np.ptp(outline[:, 0]), np.ptp(outline[:, 1]))
        margin = _drying_reach(bleed) + 0.8 * wobble * size + 4.0
        if self.wetness is not None:
            margin += 3.0 * self.wet_spread
        box = self._clip_box(outline, margin=margin)
        if box.empty:
            return
        coverage = self._layered_coverage(outline, box, layers, wobble)
        self._settle(box, coverage, mix, edge=edge, bleed=bleed, granulation=granulation,
                     flow=0.22, reserve=reserve, backruns=backruns)

    def lay(self, field: np.ndarray, pigment: str | Mix, strength: float = 0.5, *, at: tuple[int, int] = (0, 0),
            wobble: float = 1.5, edge: float = 0.6, granulation: float = 0.4, bleed: float = 1.0,
            reserve: np.ndarray | None = None, backruns: int = 0, flow: float = 0.2) -> None:
        """A wash shaped by a field (0..1) rather than an outline: a plane of a face, a shadow.

        ``field`` covers the sheet from ``at`` (x, y). Its edges are made to wobble by displacing
        the field with smooth noise of about ``wobble`` pixels, then the wash dries like any
        other: rim, wet-in-wet, granulation, backruns (the image-space route of Bousseau et al.
        2006). ``pigment`` may be a mixture, as for ``wash``.
        """
        mix = _mixture(pigment, strength)
        values = np.asarray(field, dtype=np.float32)
        x0, y0 = int(at[0]), int(at[1])
        box = _Box(max(0, x0), max(0, y0), min(self.width, x0 + values.shape[1]),
                   min(self.height, y0 + values.shape[0]))
        if box.empty or values.max() <= 0.0:
            return
        values = values[box.y0 - y0:box.y1 - y0, box.x0 - x0:box.x1 - x0]
        if not backruns:  # (a bloom's size follows the box's, so a wash with blooms keeps its box)
            values, box = self._trimmed(values, box, wobble, bleed)
        if wobble > 0.0:
            values = self._wobbled(values, box, wobble)
        self._settle(box, np.clip(values, 0.0, 1.0), mix, edge=edge, bleed=bleed,
                     granulation=granulation, flow=flow, reserve=reserve, backruns=backruns)

    def _trimmed(self, values: np.ndarray, box: _Box, wobble: float, bleed: float) -> tuple[np.ndarray, _Box]:
        """The field cut down to where it has paint, with room for its edge to waver, bleed, dry to a
        rim and creep into damp paper (as a wash's box is made round its outline): fields are often
        given on a whole head's or sheet's box for a patch of shadow, and every step of the drying
        costs the box's size."""
        inked = values > 0.0
        rows = np.flatnonzero(inked.any(axis=1))
        cols = np.flatnonzero(inked.any(axis=0))
        margin = _drying_reach(bleed) + 3.5 * wobble + 4.0
        if self.wetness is not None:
            margin += 3.0 * self.wet_spread
        reach = int(math.ceil(margin))
        r0, r1 = max(0, int(rows[0]) - reach), min(values.shape[0], int(rows[-1]) + 1 + reach)
        c0, c1 = max(0, int(cols[0]) - reach), min(values.shape[1], int(cols[-1]) + 1 + reach)
        if (r1 - r0) * (c1 - c0) > 0.8 * values.size:  # not worth a new box
            return values, box
        return values[r0:r1, c0:c1], _Box(box.x0 + c0, box.y0 + r0, box.x0 + c1, box.y0 + r1)

    def _wobbled(self, values: np.ndarray, box: _Box, amplitude: float) -> np.ndarray:
        """The field sampled at points displaced by smooth noise: edges waver as a brush's do."""
        if self._warp is None:
            rng = np.random.default_rng(self._warp_seed)
            across = _fractal_noise(rng, self.height, self.width, (7.0, 16.0), (0.5, 0.5))
            self._warp = (across, _fractal_noise(rng, self.height, self.width, (7.0, 16.0), (0.5, 0.5)))
        dx = self._offset_field(self._warp[0], box) * np.float32(amplitude)
        dy = self._offset_field(self._warp[1], box) * np.float32(amplitude)
        rows = np.arange(box.height, dtype=np.float32)[:, None] + dy
        cols = np.arange(box.width, dtype=np.float32)[None, :] + dx
        return _sample(values, rows, cols)

    def wet(self, region, amount: float = 1.0) -> None:
        """Dampen the paper over ``region`` (an outline, or a sheet-sized 0..1 field) before a wash."""
        if self.wetness is None:
            self.wetness = np.zeros((self.height, self.width), dtype=np.float32)
        if isinstance(region, np.ndarray) and region.shape == (self.height, self.width):
            field = np.clip(region, 0.0, 1.0)
        else:
            field = _blur(self.coverage([region]), 2.0)
        np.maximum(self.wetness, np.float32(amount) * field, out=self.wetness)

    def dry(self) -> None:
        """Wait for the sheet to dry: the next washes have hard edges again."""
        self.wetness = None

    def lift(self, field: np.ndarray, amount: float = 0.85, at: tuple[int, int] = (0, 0)) -> None:
        """Take paint back off with a damp brush or tissue where ``field`` (0..1) says, from ``at``."""
        values = np.asarray(field, dtype=np.float32)
        x0, y0 = int(at[0]), int(at[1])
        box = _Box(max(0, x0), max(0, y0), min(self.width, x0 + values.shape[1]),
                   min(self.height, y0 + values.shape[0]))
        if box.empty:
            return
        keep = 1.0 - np.float32(amount) * np.clip(values[box.y0 - y0:box.y1 - y0, box.x0 - x0:box.x1 - x0],
                                                  0.0, 1.0)
        self._take_off(box, keep)

    def _take_off(self, box: _Box, keep: np.ndarray) -> None:
        """Scale the film (and what is being kept track of) by ``keep`` (h, w) over ``box``: paint lifted."""
        for film in self._films():
            region = film[box.slices]
            for channel in range(region.shape[2]):  # channel by channel, as in ``_lay``
                region[..., channel] *= keep

    def gradient_wash(self, pigment: str, strength: float, *, top: float = 1.0, bottom: float = 0.0,
                      region=None, layers: int = 6) -> None:
        """A graded wash (a sky, a sea): strength runs from ``top`` to ``bottom`` of its region.

        Each layer's ramp is shifted and gently waved so the gradation shows the horizontal
        streaks of a wash laid with a loaded brush, rather than a smooth computer ramp.
        """
        _pigment(pigment)
        if region is None:
            box = _Box(0, 0, self.width, self.height)
            mask = None
        else:
            outline = _as_points(region)
            box = self._clip_box(outline, margin=10.0)
            if box.empty:
                return
            mask = _blur(self._layered_coverage(outline, box, max(layers, 8), wobble=0.02), 1.2)
            mask = mask + np.float32(1.2) * np.maximum(mask - _blur(mask, 3.0), 0.0)
            top_y, bottom_y = outline[:, 1].min(), outline[:, 1].max()
        if region is None:
            top_y, bottom_y = 0.0, float(self.height)
        span = max(1.0, bottom_y - top_y)
        # the ramps are smooth: sum them on a grid four times coarser, then enlarge
        coarse = 4 if min(box.height, box.width) >= 16 else 1
        rows, cols = -(-box.height // coarse), -(-box.width // coarse)
        ys = box.y0 + (np.arange(rows, dtype=np.float32)[:, None] + 0.5) * coarse
        xs = box.x0 + (np.arange(cols, dtype=np.float32)[None, :] + 0.5) * coarse
        ramp = np.zeros((rows, cols), dtype=np.float32)
        for _ in range(max(1, layers)):
            wave = 0.02 * span * np.sin(xs * self.rng.uniform(0.004, 0.015) + self.rng.uniform(0, 2 * np.pi))
            shift = self.rng.normal(0.0, 0.03) * span
            t = np.clip((ys - top_y + shift + wave) / span, 0.0, 1.0)
            ramp += top + (bottom - top) * t
        ramp /= np.float32(max(1, layers))
        amount = _resample(ramp, box.height, box.width, coarse) if coarse > 1 else ramp
        if mask is not None:
            amount = amount * mask
        amount = self._texture(amount, box, granulation=0.15, flow=0.18, strength=strength, pigment=pigment)
        self._lay(box, amount * np.float32(strength), pigment)

    def ink(self, polyline, pigment: str = "sepia", width: float = 1.6, strength: float = 0.85,
            closed: bool = False, wobble: float = 0.6) -> None:
        """A pen line: a slight tremor across it, pressure swelling along it, tapered open ends.

        The line is deposited as dense points and blurred to its width, so crossings darken as
        ink does, and a faint halo bleeds into the paper around it.
        """
        self._stroke(polyline, pigment, width, strength, closed, wobble, dryness=0.0)

    def dry_brush(self, polyline, pigment: str, width: float = 3.0, strength: float = 0.6,
                  dryness: float = 0.5, wobble: float = 0.8) -> None:
        """A nearly dry brush dragged over the paper: paint catches on the tooth's peaks and skips
        its valleys, so the stroke breaks up (hair, bark, the light on water)."""
        self._stroke(polyline, pigment, width, strength, False, wobble, dryness=dryness)

    def scrub(self, polyline, width: float = 3.0, amount: float = 0.6, dryness: float = 0.45) -> None:
        """Lift paint back off along a stroke with a damp, stiff brush, catching on the paper's tooth:
        the broken white of foam, the glitter of light on water."""
        self._stroke(polyline, None, width, amount, False, 0.6, dryness=dryness)

    def _stroke(self, polyline, pigment: str | None, width: float, strength: float, closed: bool, wobble: float,
                dryness: float) -> None:
        line = _as_points(polyline)
        if len(line) < 2:
            return
        if pigment is not None:
            _pigment(pigment)
        path = np.vstack((line, line[:1])) if closed else line
        segment = np.hypot(*np.diff(path, axis=0).T)
        along = np.concatenate(([0.0], np.cumsum(segment)))
        total = float(along[-1])
        if total <= 0.0:
            return
        step = 0.5
        s = np.arange(0.0, total + step * 0.5, step)
        if len(s) < 3:  # a stroke shorter than a pixel leaves no mark
            return
        points = np.column_stack((np.interp(s, along, path[:, 0]), np.interp(s, along, path[:, 1])))
        tangent = np.gradient(points, axis=0)
        norm = np.hypot(*tangent.T)
        norm[norm == 0] = 1.0
        normal = np.column_stack((-tangent[:, 1], tangent[:, 0])) / norm[:, None]
        tremor = wobble * (0.8 * _smooth_1d(self.rng, s, 14.0) + 0.3 * _smooth_1d(self.rng, s, 3.5))
        points = points + normal * tremor[:, None]
        pressure = 0.82 + 0.2 * _smooth_1d(self.rng, s, 45.0)
        if not closed:
            taper = np.clip(np.minimum(s, total - s) / max(3.0 * width, 1.0), 0.0, 1.0)
            pressure *= 0.35 + 0.65 * taper
        pressure = np.clip(pressure, 0.2, 1.4)
        sigma = max(0.45, width / 2.4)
        box = self._clip_box(points, margin=6.0 * sigma + 4.0)
        if box.empty:
            return
        deposit = _splat(points - (box.x0, box.y0), pressure * step, box)
        core = _blur(deposit, sigma) * np.float32(math.sqrt(2.0 * math.pi) * sigma)
        if dryness > 0.0:
            # the brush runs out along the stroke and touches only the peaks of the tooth
            peaks = self._offset_field(self.tooth, box) + 0.5 * self.tooth[box.slices]
            threshold = np.float32(1.6 * dryness - 0.6)
            catch = np.clip((peaks - threshold) * 1.8 + 0.5, 0.0, 1.0)
            amount = (1.0 - np.exp(-1.4 * core)) / np.float32(1.0 - math.exp(-1.4)) * catch
        else:
            halo = _blur(deposit, 3.0 * sigma + 1.0) * np.float32(math.sqrt(2.0 * math.pi) * (3.0 * sigma + 1.0))
            amount = (1.0 - np.exp(-1.7 * core)) / np.float32(1.0 - math.exp(-1.7)) + np.float32(0.1) * halo
            amount = amount * np.clip(1.0 - 0.12 * self.tooth[box.slices], 0.6, 1.3)
        if pigment is None:  # a lift, not a stroke of paint
            self._take_off(box, 1.0 - np.float32(strength) * np.clip(amount, 0.0, 1.0))
            return
        self._lay(box, amount * np.float32(strength), pigment)

    def spatter(self, pigment: str, count: int, box=None, size: float = 1.5, strength: float = 0.5) -> None:
        """Drops flicked from a loaded brush: round spots of varied size, soft-edged, some tiny."""
        paint = _pigment(pigment)
        x, y, w, h = box if box is not None else (0, 0, self.width, self.height)
        centres = np.column_stack((self.rng.uniform(x, x + w, count), self.rng.uniform(y, y + h, count)))
        radii = size * self.rng.lognormal(0.0, 0.45, count)
        loads = strength * self.rng.uniform(0.5, 1.0, count)
        absorption = np.asarray(paint.absorption, dtype=np.float32)
        scattering = np.asarray(paint.scattering, dtype=np.float32)
        for (cx, cy), radius, load in zip(centres, radii, loads):
            reach = radius + 1.5
            x0, x1 = max(0, int(cx - reach)), min(self.width, int(cx + reach) + 2)
            y0, y1 = max(0, int(cy - reach)), min(self.height, int(cy + reach) + 2)
            if x0 >= x1 or y0 >= y1:
                continue
            yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
            distance = np.hypot(xx + 0.5 - cx, yy + 0.5 - cy)
            spot = np.clip(radius + 0.5 - distance, 0.0, 1.0)
            spot *= 1.0 + 0.5 * np.clip(distance / max(radius, 0.5), 0.0, 1.0)  # a drop dries darker at its rim
            spot = (spot * np.float32(load))[..., None]
            self.density[y0:y1, x0:x1] += spot * absorption
            self.scatter[y0:y1, x0:x1] += spot * scattering
            if self._laid is not None:
                self._laid[0][y0:y1, x0:x1] += spot * absorption
                self._laid[1][y0:y1, x0:x1] += spot * scattering

    # --- whole-sheet fields (maps, masks) -----------------------------------------------------
    def coverage(self, polygons: Sequence) -> np.ndarray:
        """The exact, undeformed union of ``polygons`` over the sheet (0..1): a mask to shape a glaze."""
        box = _Box(0, 0, self.width, self.height)
        crossings = [_winding_crossings(outline, box) for outline in map(_as_points, polygons)
                     if len(outline) >= 3]
        if not crossings:
            return np.zeros((self.height, self.width), dtype=np.float32)
        rows, cols, weights = (np.concatenate(part) for part in zip(*crossings))
        return _fill(rows, cols, weights, box, limit=1.0)

    def glaze(self, amount: np.ndarray, pigment: str, *, granulation: float = 0.3, flow: float = 0.2) -> None:
        """Lay pigment over the whole sheet in proportion to ``amount`` (H, W), with the wash's texture.

        For washes whose shape is a field rather than an outline: a sea that pales towards every
        coast, a sky masked by a mountain range.
        """
        _pigment(pigment)
        field = np.asarray(amount, dtype=np.float32)
        if field.shape != (self.height, self.width):
            raise ValueError(f"a glaze needs an amount per pixel {(self.height, self.width)}, got {field.shape}")
        box = _Box(0, 0, self.width, self.height)
        self._lay(box, self._texture(field, box, granulation, flow, pigment=pigment), pigment)

    # --- the result --------------------------------------------------------------------------
    def reflectance(self) -> np.ndarray:
        """The sheet's reflectance per channel (H, W, 3), 0..1: the paint film over the paper."""
        paper = np.asarray(self.paper, dtype=np.float32) / 255.0
        return km_reflectance(self.density, self.scatter, paper)

    def pixels(self) -> np.ndarray:
        """The sheet as uint8 RGB (H, W, 3): the film over the paper by Kubelka-Munk, grain on top."""
        light = self.reflectance() * np.float32(255.0)
        # the tooth catches light from the upper left: a faint relief over paper and paint alike
        relief = self.tooth - np.roll(np.roll(self.tooth, 1, axis=0), 1, axis=1)
        shade = 1.0 + np.float32(0.012) * relief + np.float32(0.012) * self.tooth
        for channel in range(light.shape[2]):  # channel by channel: see km_reflectance
            light[..., channel] *= shade
        return np.clip(light + 0.5, 0, 255).astype(np.uint8)


def _mixture(pigment, strength: float) -> list[tuple[str, float]]:
    """A pigment's name or a mixture of (name, strength) pairs, as pairs scaled by ``strength``."""
    if isinstance(pigment, str):
        _pigment(pigment)
        return [(pigment, float(strength))]
    mix = [(name, float(amount) * strength) for name, amount in pigment]
    for name, _amount in mix:
        _pigment(name)
    return mix


def _pigment(name: str) -> Pigment:
    try:
        return PIGMENTS[name]
    except KeyError:
        if isinstance(name, str) and HEX_COLOUR.fullmatch(name):
            return _colour(name)
        known = ", ".join(sorted(PIGMENTS))
        raise KeyError(f"unknown pigment '{name}'; the palette has: {known}") from None


def _sample(values: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Bilinear samples of a 2-D field at fractional (row, column) positions, clamped at its edges."""
    # (every lay wobbles its field through here: the four corners are read from the flat field by
    # one index moved right, down and back, half the time of four two-dimensional lookups)
    height, width = values.shape
    rows = np.clip(rows, 0.0, height - 1.0)
    cols = np.clip(cols, 0.0, width - 1.0)
    row_floor, col_floor = np.floor(rows), np.floor(cols)
    tr = (rows - row_floor).astype(np.float32, copy=False)
    tc = (cols - col_floor).astype(np.float32, copy=False)
    r0, c0 = row_floor.astype(np.intp), col_floor.astype(np.intp)
    down = np.where(r0 < height - 1, width, 0)
    right = (c0 < width - 1).astype(np.intp)
    flat = values.ravel()
    index = r0 * width
    index += c0
    top_left = flat.take(index)
    index += right
    top_right = flat.take(index)
    index += down
    bottom_right = flat.take(index)
    index -= right
    bottom_left = flat.take(index)
    top = top_left * (1.0 - tc) + top_right * tc
    bottom = bottom_left * (1.0 - tc) + bottom_right * tc
    return top * (1.0 - tr) + bottom * tr


def _winding_crossings(polygons: np.ndarray, box: _Box) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where each edge crosses each row's centre inside ``box``, with the edge's direction as weight.

    ``polygons`` is one (N, 2) outline or a stack (copies, N, 2). Summing the crossings along a
    row (``_fill``) gives the winding number, so a polygon is filled by one cumulative sum; the
    crossing's fractional x is split between two pixels, which anti-aliases the fill
    horizontally. Each outline is turned counter-clockwise first, so a stack of layers is summed
    into one fill.
    """
    stack = polygons[None] if polygons.ndim == 2 else polygons
    stack = stack - np.array((box.x0, box.y0), dtype=np.float64)
    ahead = np.roll(stack, -1, axis=1)
    area = np.sum(stack[..., 0] * ahead[..., 1] - ahead[..., 0] * stack[..., 1], axis=1)
    orientation = np.repeat(np.where(area >= 0, 1.0, -1.0), stack.shape[1])
    points, following = stack.reshape(-1, 2), ahead.reshape(-1, 2)
    ya, yb = points[:, 1], following[:, 1]
    low, high = np.minimum(ya, yb), np.maximum(ya, yb)
    first = np.clip(np.ceil(low - 0.5), 0, box.height).astype(np.int64)
    stop = np.clip(np.ceil(high - 0.5), 0, box.height).astype(np.int64)
    counts = np.maximum(stop - first, 0)
    total = int(counts.sum())
    if total == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    edge = np.repeat(np.arange(len(points)), counts)
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    rows = first[edge] + offsets
    centre = rows + 0.5
    t = (centre - ya[edge]) / (yb[edge] - ya[edge])
    xs = points[edge, 0] + t * (following[edge, 0] - points[edge, 0])
    xs = np.clip(xs, 0.0, box.width + 0.0)
    columns = np.floor(xs).astype(np.int64)
    fraction = xs - columns
    sign = np.where(yb[edge] > ya[edge], 1.0, -1.0) * orientation[edge]
    return (np.concatenate((rows, rows)), np.concatenate((columns, columns + 1)),
            np.concatenate((sign * (1.0 - fraction), sign * fraction)))


def _fill(rows: np.ndarray, columns: np.ndarray, weights: np.ndarray, box: _Box, limit: float) -> np.ndarray:
    stride = box.width + 2
    steps = np.bincount(rows * stride + columns, weights=weights, minlength=box.height * stride)
    winding = np.cumsum(steps.reshape(box.height, stride), axis=1)[:, :box.width]
    return np.minimum(np.abs(winding.astype(np.float32)), np.float32(limit))


def _splat(points: np.ndarray, weights: np.ndarray, box: _Box) -> np.ndarray:
    """Deposit weighted points into a (height, width) grid, each shared bilinearly by four pixels."""
    x = points[:, 0] - 0.5
    y = points[:, 1] - 0.5
    ix, iy = np.floor(x).astype(np.int64), np.floor(y).astype(np.int64)
    fx, fy = x - ix, y - iy
    grid = np.zeros(box.height * box.width, dtype=np.float64)
    for dx, dy, share in ((0, 0, (1 - fx) * (1 - fy)), (1, 0, fx * (1 - fy)),
                          (0, 1, (1 - fx) * fy), (1, 1, fx * fy)):
        cx, cy = ix + dx, iy + dy
        inside = (cx >= 0) & (cx < box.width) & (cy >= 0) & (cy < box.height)
        grid += np.bincount(cy[inside] * box.width + cx[inside], weights=(weights * share)[inside],
                            minlength=box.height * box.width)
    return grid.reshape(box.height, box.width).astype(np.float32)



def polygon_mask(polygons: Sequence, x0: int, y0: int, x1: int, y1: int) -> np.ndarray:
    """The exact union of outlines (pixel coordinates) over the box x0..x1, y0..y1: a 0..1 mask."""
    box = _Box(int(x0), int(y0), int(x1), int(y1))
    if box.empty:
        return np.zeros((max(0, box.height), max(0, box.width)), dtype=np.float32)
    crossings = [_winding_crossings(outline, box) for outline in map(_as_points, polygons) if len(outline) >= 3]
    if not crossings:
        return np.zeros((box.height, box.width), dtype=np.float32)
    rows, cols, weights = (np.concatenate(part) for part in zip(*crossings))
    return _fill(rows, cols, weights, box, limit=1.0)


HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@functools.lru_cache(maxsize=64)
def _colour(code: str) -> Pigment:
    """A colour an author names as ``#rrggbb`` (a flag's stripe) made into a tube of paint: its
    masstone is that colour, a little short of pure white and black as any paint is."""
    red, green, blue = (min(0.97, max(0.03, int(code[i:i + 2], 16) / 255)) for i in (1, 3, 5))
    masstone = (red, green, blue)
    return _pigment_of(code, masstone, 0.3, 0.2)

