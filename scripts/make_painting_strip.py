"""Draw docs/painting-before-after.png: crops of paintings as the painter made them before the
watercolor and likeness work (read from a git revision) beside the same crops as baked now.

    python scripts/make_painting_strip.py [--before REV]

REV is the revision whose assets/art holds the "before" paintings (default: the last one before
the portraits were built as solid heads). Each row is one crop: before on the left, now on the
right, with a caption.
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
PAPER = (238, 227, 204)
# (file under assets/art, crop box x0, y0, x1, y1 in its pixels, scale, caption)
CROPS = (
    ("portraits/cuban_missile_crisis_1962/khrushchev.png", (0, 0, 256, 256), 1, "Khrushchev: a template face, then a solid head lit in planes"),
    ("portraits/cuban_missile_crisis_1962/mcnamara.png", (0, 0, 256, 256), 1, "McNamara: slicked hair, rimless glasses, a long face turned"),
    ("portraits/cuban_missile_crisis_1962/castro.png", (0, 0, 256, 256), 1, "Castro: beard, cap and fatigues"),
    ("scenes/cuban_missile_crisis_1962/excomm_table.png", (160, 120, 1120, 660), 0.5, "The ExComm: silhouettes, then the cast from their portrait words"),
    ("scenes/cuban_missile_crisis_1962/quarantine_line.png", (0, 0, 1280, 720), 0.4, "The quarantine line: flat bands, then a sky wetted first, haze and a deck"),
)


def _read(revision: str | None, relative: str) -> np.ndarray | None:
    path = f"assets/art/{relative}"
    try:
        data = subprocess.run(["git", "show", f"{revision}:{path}"], cwd=ROOT, capture_output=True,
                              check=True).stdout if revision else (ROOT / path).read_bytes()
        return png.decode(data)
    except (subprocess.CalledProcessError, OSError, png.PNGError):
        return None


def _scaled(image: np.ndarray, scale: float) -> np.ndarray:
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
    parser.add_argument("--before", default=BEFORE, help="the git revision of the 'before' paintings")
    parser.add_argument("--out", default=str(ROOT / "docs" / "painting-before-after.png"))
    arguments = parser.parse_args()
    gap, width = 10, 1040
    rows = []
    for relative, (x0, y0, x1, y1), scale, text in CROPS:
        pair = []
        for revision in (arguments.before, None):
            image = _read(revision, relative)
            if image is None:
                image = np.full((y1 - y0, x1 - x0, 3), PAPER, dtype=np.uint8)
            pair.append(_scaled(image[y0:y1, x0:x1], scale))
        height = max(p.shape[0] for p in pair)
        row = np.empty((height + gap, width, 3), dtype=np.uint8)
        row[:] = PAPER
        x = gap
        for picture in pair:
            row[:picture.shape[0], x:x + picture.shape[1]] = picture[:, :width - x]
            x += picture.shape[1] + gap
        rows.append(_caption(f"{text}  (left: before, right: now)", width))
        rows.append(row)
    write_bytes_atomically(Path(arguments.out), png.encode(np.vstack(rows), palette=True))
    print(f"wrote {arguments.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
