"""Comparing a screenshot to its golden image with a tolerance, in pygame alone (no numpy needed).

Both images are reduced to half size first (so a glyph drawn a hair differently by another
FreeType does not count), then compared per channel: a pixel is bad when any channel differs
by more than ``threshold``; the test fails when more than ``max_bad`` of the pixels are bad,
and writes the actual image and a diff (bad pixels in red) under tests/_failures/.
BRINK_UPDATE_GOLDENS=1 writes the goldens instead.
"""

from __future__ import annotations

import os
from pathlib import Path

import pygame

GOLDENS = Path(__file__).parent / "goldens"
FAILURES = Path(__file__).parent.parent / "_failures"


def reduced(surface: pygame.Surface) -> pygame.Surface:
    width, height = surface.get_size()
    return pygame.transform.smoothscale(surface.convert(24) if surface.get_bitsize() != 24 else surface,
                                        (width // 2, height // 2))


def bad_pixels(actual: pygame.Surface, golden: pygame.Surface, threshold: int) -> tuple[int, pygame.Surface]:
    """How many pixels differ by more than the threshold in some channel, and a mask surface of them."""
    forward = actual.copy()
    forward.blit(golden, (0, 0), special_flags=pygame.BLEND_RGB_SUB)  # max(a - g, 0)
    backward = golden.copy()
    backward.blit(actual, (0, 0), special_flags=pygame.BLEND_RGB_SUB)  # max(g - a, 0)
    forward.blit(backward, (0, 0), special_flags=pygame.BLEND_RGB_ADD)  # |a - g| per channel
    forward.fill((threshold, threshold, threshold), special_flags=pygame.BLEND_RGB_SUB)
    same = pygame.mask.from_threshold(forward, (0, 0, 0), (1, 1, 1, 255))
    bad = same.copy()
    bad.invert()
    return bad.count(), bad.to_surface(setcolor=(255, 0, 0), unsetcolor=(0, 0, 0))


def check(surface: pygame.Surface, name: str, threshold: int = 24, max_bad: float = 0.01) -> None:
    small = reduced(surface)
    path = GOLDENS / f"{name}.png"
    if os.environ.get("BRINK_UPDATE_GOLDENS") == "1" or not path.exists():
        if os.environ.get("BRINK_UPDATE_GOLDENS") != "1":
            raise AssertionError(f"no golden {path.name}; run with BRINK_UPDATE_GOLDENS=1 to write it")
        GOLDENS.mkdir(parents=True, exist_ok=True)
        pygame.image.save(small, str(path))
        return
    golden = pygame.image.load(str(path))
    golden = golden.convert(24) if pygame.display.get_surface() else golden
    if golden.get_size() != small.get_size():
        raise AssertionError(f"{name}: size {small.get_size()} differs from the golden's {golden.get_size()}")
    count, mask = bad_pixels(small.convert(24), golden, threshold)
    share = count / (small.get_width() * small.get_height())
    if share > max_bad:
        FAILURES.mkdir(parents=True, exist_ok=True)
        pygame.image.save(small, str(FAILURES / f"{name}-actual.png"))
        diff = golden.copy()
        diff.blit(mask, (0, 0), special_flags=pygame.BLEND_RGB_MAX)
        pygame.image.save(diff, str(FAILURES / f"{name}-diff.png"))
        raise AssertionError(f"{name}: {share:.2%} of pixels differ by more than {threshold} "
                             f"(allowed {max_bad:.2%}); see {FAILURES}/{name}-diff.png")
