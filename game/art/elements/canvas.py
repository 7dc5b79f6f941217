"""The canvas the elements paint on: canvas fractions to pixels, and shapes placed where they stand.

Every element draws its shape in its own units (a ship one unit long, a figure one unit tall,
y downward) and lets ``Canvas.place`` put it on the page at its position, size, facing and angle.
Sizes follow the canvas height, so a composition reads the same at 320x180 and 1280x720.
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np

from game.art.watercolor import Painting


class Canvas:
    def __init__(self, painting: Painting):
        self.painting = painting
        self.width = painting.width
        self.height = painting.height
        self.rng = painting.rng
        # An ink line 1.6 px wide at 720 px high; thinner on a thumbnail, never invisible.
        self.line = max(0.6, 1.6 * self.height / 720)

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

    def wash(self, polygon, pigment: str, strength: float = 0.5, **options) -> None:
        polygon = np.asarray(polygon, dtype=float)
        if len(polygon) >= 3 and self.visible(polygon):
            self.painting.wash(polygon, pigment, strength, **options)

    def ink(self, polyline, pigment: str = "sepia", width: float = 1.0, strength: float = 0.85,
            closed: bool = False, wobble: float = 0.6) -> None:
        polyline = np.asarray(polyline, dtype=float)
        if self.visible(polyline):
            self.painting.ink(polyline, pigment, width * self.line, strength, closed=closed, wobble=wobble)

    def jitter(self, amount: float) -> float:
        return float(self.rng.uniform(-amount, amount))
