"""Outlines to paint: plain (N, 2) arrays of pixel coordinates, x to the right and y downward.

The painter deforms whatever it is given, so these stay simple: a wash laid over an ellipse
already comes out irregular. ``blob`` is for shapes that should be lumpy before any wash
(a cloud, a tree's crown, a puff of smoke).
"""

from __future__ import annotations

import numpy as np


def ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 48) -> np.ndarray:
    angles = np.linspace(0.0, 2.0 * np.pi, n, endpoint=False)
    return np.column_stack((cx + rx * np.cos(angles), cy + ry * np.sin(angles)))


def rectangle(x: float, y: float, w: float, h: float) -> np.ndarray:
    return np.array([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], dtype=float)


def blob(cx: float, cy: float, r: float, rng: np.random.Generator, irregularity: float = 0.3,
         n: int = 32) -> np.ndarray:
    """A round shape with a smoothly varying radius: a few low harmonics with random phases.

    Low harmonics only, so the outline swells and dents like a cloud rather than bristling.
    """
    angles = np.linspace(0.0, 2.0 * np.pi, n, endpoint=False)
    radius = np.ones(n)
    for harmonic in range(2, 6):
        amplitude = irregularity * rng.uniform(0.2, 1.0) / harmonic
        radius += amplitude * np.sin(harmonic * angles + rng.uniform(0.0, 2.0 * np.pi))
    radius = np.maximum(radius, 0.2) * r
    return np.column_stack((cx + radius * np.cos(angles), cy + radius * np.sin(angles)))


def catmull_rom(points, steps: int = 6) -> np.ndarray:
    """A smooth curve through hand-placed points (Catmull-Rom, an open run), ``steps`` samples a span."""
    points = np.asarray(points, dtype=float)
    padded = np.vstack((points[:1], points, points[-1:]))
    t = np.linspace(0.0, 1.0, steps, endpoint=False)[:, None]
    curve = []
    for i in range(len(points) - 1):
        p0, p1, p2, p3 = padded[i], padded[i + 1], padded[i + 2], padded[i + 3]
        curve.append(0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t ** 2
                            + (3 * p1 - p0 - 3 * p2 + p3) * t ** 3))
    curve.append(points[-1:])
    return np.vstack(curve)


def convex_hull(points) -> np.ndarray:
    """The convex outline round some points, counter-clockwise (Andrew's monotone chain): the
    silhouette of a flat convex shape lifted through a height (an engine pod, a fuselage) is the
    hull of its outline at the bottom and at the top."""
    ordered = sorted(set(map(tuple, np.asarray(points, dtype=float).tolist())))
    if len(ordered) < 3:
        return np.array(ordered, dtype=float).reshape(-1, 2)

    def turn(o, a, b) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    def chain(run) -> list:
        kept: list = []
        for point in run:
            while len(kept) >= 2 and turn(kept[-2], kept[-1], point) <= 0:
                kept.pop()
            kept.append(point)
        return kept[:-1]

    return np.array(chain(ordered) + chain(ordered[::-1]), dtype=float)


def polyline_length(points: np.ndarray, closed: bool = False) -> float:
    points = np.asarray(points, dtype=float)
    if closed:
        points = np.vstack((points, points[:1]))
    return float(np.hypot(*np.diff(points, axis=0).T).sum())


def clip_to_box(ring, west: float, south: float, east: float, north: float) -> list:
    """The part of a closed ring of (x, y) points inside a box (Sutherland-Hodgman): land cut to a
    map view, or to what lies before the eye in a scene."""
    points = [tuple(p) for p in ring]
    for inside, cut in (
            (lambda p: p[0] >= west, lambda a, b: (west, a[1] + (b[1] - a[1]) * (west - a[0]) / (b[0] - a[0]))),
            (lambda p: p[0] <= east, lambda a, b: (east, a[1] + (b[1] - a[1]) * (east - a[0]) / (b[0] - a[0]))),
            (lambda p: p[1] >= south, lambda a, b: (a[0] + (b[0] - a[0]) * (south - a[1]) / (b[1] - a[1]), south)),
            (lambda p: p[1] <= north, lambda a, b: (a[0] + (b[0] - a[0]) * (north - a[1]) / (b[1] - a[1]), north))):
        kept = []
        for index, current in enumerate(points):
            previous = points[index - 1]
            if inside(current):
                if not inside(previous):
                    kept.append(cut(previous, current))
                kept.append(current)
            elif inside(previous):
                kept.append(cut(previous, current))
        points = kept
        if not points:
            break
    return points
