"""The canvas the elements paint on: canvas fractions to pixels, and shapes placed where they stand.

Every element draws its shape in its own units (a ship one unit long, a figure one unit tall,
y downward) and lets ``Canvas.place`` put it on the page at its position, size, facing and angle.
Sizes follow the canvas height, so a composition reads the same at 320x180 and 1280x720.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from game.art.shapes import rectangle
from game.art.watercolor import Mix, Painting


class Canvas:
    def __init__(self, painting: Painting, people: dict | None = None):
        self.painting = painting
        self.people = people or {}  # who a scene can show: id -> portrait words
        self.time = "day"  # set by the sky or the room: the colour distance fades to
        self.light = "left"  # set by the sky or the room: where the scene's one light comes from
        self.floor: float | None = None  # set by a room: the pixel row where its floor meets the wall
        # What a solid element says it covers, beyond where its paint is dense (a face left nearly
        # white in its light still hides the curtain behind it): sheet-sized, 0..1, or None.
        self.claimed: np.ndarray | None = None
        # Whether the claim is the element's whole outline (a person's head and clothes): outside
        # it, the element's paint is only its washes' wobbling edges, which lie over what is behind.
        self.outlined = False
        self.width = painting.width
        self.height = painting.height
        self.rng = painting.rng
        # An ink line 1.6 px wide at 720 px high; thinner on a thumbnail, never invisible.
        self.line = max(0.6, 1.6 * self.height / 720)
        # How far a full-bleed wash reaches past the edges, so its wobbling border never shows.
        self.bleed = 0.06 * max(self.width, self.height)

    def claim(self, mask: np.ndarray, at: tuple[int, int]) -> None:
        """Note that the element being painted covers ``mask`` (placed with its corner ``at``)."""
        if self.claimed is None:
            self.claimed = np.zeros((self.height, self.width), dtype=np.float32)
        x0, y0 = at
        h, w = mask.shape
        region = self.claimed[y0:y0 + h, x0:x0 + w]
        np.maximum(region, mask[:region.shape[0], :region.shape[1]], out=region)

    def claim_outline(self, mask: np.ndarray, at: tuple[int, int]) -> None:
        """Claim ``mask`` as the whole of what the element being painted covers: its paint beyond it
        is the soft edge of its washes (see ``scenes.reserve``)."""
        self.claim(mask, at)
        self.outlined = True

    def cover(self, polygon) -> None:
        """Claim ``polygon`` as covered by the element being painted, however pale its paint is
        there: a sheet of paper on a desk hides the legs of the man behind the desk."""
        placed = self._soft_mask(polygon, 0.6)
        if placed is not None:
            self.claim(*placed)

    def band(self, top: float | None, bottom: float | None) -> np.ndarray:
        """A rectangle across the whole width from ``top`` to ``bottom`` px (None: past that edge)."""
        top = -self.bleed if top is None else top
        bottom = self.height + self.bleed if bottom is None else bottom
        return rectangle(-self.bleed, top, self.width + 2 * self.bleed, bottom - top)

    def x(self, fraction: float) -> float:
        return fraction * self.width

    def y(self, fraction: float) -> float:
        return fraction * self.height

    def point(self, at: Sequence[float]) -> tuple[float, float]:
        return at[0] * self.width, at[1] * self.height

    def place(self, shape, at: Sequence[float], size: float, *, mirror: bool = False,
              angle: float = 0.0) -> np.ndarray:
        """Local points (units of ``size`` canvas heights) to pixels around ``at``.

        ``angle`` turns the shape counter-clockwise as the eye sees it, in degrees.
        """
        points = np.asarray(shape, dtype=float).reshape(-1, 2) * (size * self.height)
        if mirror:
            points = points * (-1.0, 1.0)
        if angle:
            turn = math.radians(-angle)
            c, s = math.cos(turn), math.sin(turn)
            points = points @ np.array(((c, s), (-s, c)))
        return points + self.point(at)

    def visible(self, polygon: np.ndarray) -> bool:
        """Large enough to show and not wholly off the page: skips work a thumbnail cannot see."""
        if len(polygon) < 2:
            return False
        low, high = polygon.min(axis=0), polygon.max(axis=0)
        if high[0] < 0 or high[1] < 0 or low[0] > self.width or low[1] > self.height:
            return False
        return (high - low).max() >= 0.8

    def wash(self, polygon, pigment: str | Mix, strength: float = 0.5, **options) -> None:
        polygon = np.asarray(polygon, dtype=float)
        if len(polygon) >= 3 and self.visible(polygon):
            # a small shape cannot show twenty layers' worth of soft edge: fewer layers, same look
            size = float(np.ptp(polygon, axis=0).max())
            options.setdefault("layers", 12)
            options["layers"] = max(4, min(options["layers"], int(size / 6)))
            self.painting.wash(polygon, pigment, strength, **options)

    def lift(self, polygon, amount: float = 0.85, soften: float = 1.5) -> None:
        """Lift paint off the sheet inside ``polygon``, as a painter does with a damp brush or tissue.

        Watercolor has no white: light things (foam, a page, a searchlight's beam) are either
        left as bare paper or lifted out afterwards. The painter's core only adds pigment, so
        this takes density away from its sheet directly.
        """
        placed = self._soft_mask(polygon, soften)
        if placed is not None:
            mask, at = placed
            self.painting.lift(mask, amount, at=at)

    def _soft_mask(self, polygon, soften: float) -> tuple[np.ndarray, tuple[int, int]] | None:
        """``polygon`` as a softened mask on its own small box of the sheet, with the box's corner;
        None when it is too small to show or off the page."""
        polygon = np.asarray(polygon, dtype=float)
        if len(polygon) < 3 or not self.visible(polygon):
            return None
        margin = int(3 * soften) + 2
        x0 = max(0, int(polygon[:, 0].min()) - margin)
        y0 = max(0, int(polygon[:, 1].min()) - margin)
        x1 = min(self.width, int(polygon[:, 0].max()) + margin + 1)
        y1 = min(self.height, int(polygon[:, 1].max()) + margin + 1)
        if x1 <= x0 or y1 <= y0:
            return None
        return _soften(_coverage(polygon - (x0, y0), y1 - y0, x1 - x0), soften), (x0, y0)

    def ink(self, polyline, pigment: str = "sepia", width: float = 1.0, strength: float = 0.85,
            closed: bool = False, wobble: float = 0.6) -> None:
        polyline = np.asarray(polyline, dtype=float)
        if self.visible(polyline):
            self.painting.ink(polyline, pigment, width * self.line, strength, closed=closed, wobble=wobble)

    def jitter(self, amount: float) -> float:
        return float(self.rng.uniform(-amount, amount))


def _coverage(polygon: np.ndarray, height: int, width: int) -> np.ndarray:
    """1 inside the polygon, 0 outside (non-zero winding), sampled at pixel centres."""
    following = np.roll(polygon, -1, axis=0)
    steps = np.zeros((height, width + 1), dtype=np.float32)
    for (xa, y_a), (xb, y_b) in zip(polygon, following):
        if y_a == y_b:
            continue
        low, high = min(y_a, y_b), max(y_a, y_b)
        rows = np.arange(max(0, int(np.ceil(low - 0.5))), min(height, int(np.ceil(high - 0.5))))
        if not len(rows):
            continue
        xs = xa + (rows + 0.5 - y_a) / (y_b - y_a) * (xb - xa)
        columns = np.clip(np.ceil(xs - 0.5), 0, width).astype(np.int64)
        np.add.at(steps, (rows, columns), 1.0 if y_b > y_a else -1.0)
    return (np.cumsum(steps, axis=1)[:, :width] != 0).astype(np.float32)


def _soften(mask: np.ndarray, radius: float) -> np.ndarray:
    """A few box passes: a lifted edge is soft, never cut."""
    r = max(1, int(round(radius)))
    for axis in (0, 1):
        for _ in range(2):
            padded = np.pad(mask, [(r, r) if a == axis else (0, 0) for a in range(2)], mode="edge")
            summed = np.cumsum(padded, axis=axis, dtype=np.float32)
            summed = np.concatenate((np.zeros_like(np.take(summed, [0], axis=axis)), summed), axis=axis)
            n = mask.shape[axis]
            mask = (np.take(summed, np.arange(2 * r + 1, 2 * r + 1 + n), axis=axis)
                    - np.take(summed, np.arange(0, n), axis=axis)) / (2 * r + 1)
    return mask
