"""How an eye reads in a painting: measured on the pixels where the solid head puts its parts."""

from __future__ import annotations

import numpy as np


def whites_over_iris(value: np.ndarray, head, build) -> list[float]:
    """For each eye, how many levels lighter than the iris the white beside it is (the darker of the
    two sides), ``value`` being the painting's lightness and ``head`` the sitter as it was painted."""
    steps = []
    for side in (-1, 1):
        centre, half = side * build.eye_x, 0.07 * build.eye_size
        points = [(centre - 0.62 * half, -0.004), (centre + 0.62 * half, -0.004), (centre - side * 0.004, -0.002)]
        pixels, _visible = head.project(head.surface(points))
        outer, inner, iris = (value[int(y), int(x)] for x, y in pixels)
        steps.append(min(outer, inner) - iris)
    return steps
