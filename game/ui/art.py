"""Paintings as surfaces: the painter's baked PNGs where they exist, else a quiet watercolour wash.

The painter (game/art) bakes PNGs into assets/art/ (see game/art/catalog.py for where). Until a
picture exists, the screens show a paper-coloured wash made here in a few milliseconds: soft
blots of pigment drawn small and scaled up, with a paper grain, so a missing painting still
looks intended. Everything is cached by picture and size; surfaces are converted once.
"""

from __future__ import annotations

import io
import random
import zlib
from collections import OrderedDict
from pathlib import Path

import pygame

from game.art import catalog, png
from game.files import read_regular_file

PAPER = (238, 227, 204)
WASHES = {  # pigment families for placeholders, picked by the picture's id
    "sea": ((92, 128, 150), (140, 168, 176), (176, 190, 184)),
    "dusk": ((170, 110, 86), (196, 160, 110), (120, 110, 130)),
    "earth": ((150, 120, 80), (186, 160, 112), (112, 128, 96)),
    "smoke": ((110, 108, 104), (150, 140, 126), (90, 96, 110)),
}


# What the pictures held in memory may take, decoded: a few screens' worth at 4K. Bounded by
# bytes, not by count, since one 4096x4096 picture weighs as much as four hundred portraits.
PICTURE_BUDGET = 256 * 1024 * 1024
MAX_PICTURE_FILE = 32 * 1024 * 1024


def surface_bytes(surface: pygame.Surface | None) -> int:
    return surface.get_width() * surface.get_height() * surface.get_bytesize() if surface is not None else 0


class PictureCache:
    """Least recently used pictures, dropped oldest first once their bytes pass the budget."""

    def __init__(self, budget: int = PICTURE_BUDGET):
        self.budget = budget
        self.bytes = 0
        self._items: OrderedDict = OrderedDict()  # key -> (value, bytes)

    def __contains__(self, key) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, key):
        value, _ = self._items[key]
        self._items.move_to_end(key)
        return value

    def put(self, key, value, size: int):
        if key in self._items:
            self.bytes -= self._items.pop(key)[1]
        self._items[key] = (value, size)
        self.bytes += size
        while self.bytes > self.budget and len(self._items) > 1:
            _, (_, dropped) = self._items.popitem(last=False)
            self.bytes -= dropped
        return value


def _seed(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def cover(image: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    """Scale to fill ``size`` keeping proportions, cropping the overflow evenly."""
    width, height = size
    iw, ih = image.get_size()
    scale = max(width / iw, height / ih)
    scaled = pygame.transform.smoothscale(image, (max(1, round(iw * scale)), max(1, round(ih * scale))))
    x = (scaled.get_width() - width) // 2
    y = (scaled.get_height() - height) // 2
    return scaled.subsurface(pygame.Rect(x, y, width, height)).copy()


def _read_picture(path: Path) -> pygame.Surface | None:
    """A picture file as a surface, or None: only a plain file, and only one whose header (read
    before anything is decoded) gives a size the game can hold (see png.MAX_PIXELS)."""
    try:
        data = read_regular_file(path, MAX_PICTURE_FILE)
    except (OSError, ValueError):
        return None
    size = png.dimensions(data[:png.HEADER_BYTES])
    if size is None or size[0] * size[1] > png.MAX_PIXELS or 0 in size:
        return None
    try:
        surface = pygame.image.load(io.BytesIO(data), path.name)
        return surface.convert_alpha() if surface.get_alpha() else surface.convert()
    except (pygame.error, OSError, ValueError):
        return None


class ArtLibrary:
    def __init__(self, baked: bool = True):
        self.baked = baked  # False in tests, so goldens do not change as paintings are added
        self._files = PictureCache()  # str(path) -> the decoded file, or None
        self._cache = PictureCache()  # key -> (surface at a size, placeholder?)
        self._grain: pygame.Surface | None = None

    # --- files ---------------------------------------------------------------------------------
    def _file(self, path: Path | None) -> pygame.Surface | None:
        if path is None or not self.baked:
            return None
        key = str(path)
        if key not in self._files:
            surface = _read_picture(path)
            self._files.put(key, surface, surface_bytes(surface))
        return self._files[key]

    def _remember(self, key: tuple, value: tuple[pygame.Surface, bool]) -> tuple[pygame.Surface, bool]:
        return self._cache.put(key, value, surface_bytes(value[0]))

    def memo(self, key: tuple, make) -> pygame.Surface:
        """A surface made once per key (e.g. a map's painted base at one size), kept with the paintings."""
        if key not in self._cache:
            return self._remember(key, (make(), False))[0]
        return self._cache[key][0]

    # --- pictures ------------------------------------------------------------------------------
    def scene(self, scenario, picture_id: str, art_value, size: tuple[int, int]) -> tuple[pygame.Surface, bool]:
        """A day's or an ending's painting at ``size``; the flag says it is a placeholder."""
        key = ("scene", scenario.id, picture_id, size)
        if key in self._cache:
            return self._cache[key]
        image = None
        try:
            image = self._file(catalog.authors_image(scenario.folder, art_value))
        except catalog.UnsafeArtPath:
            image = None
        if image is None:
            image = self._file(catalog.picture_path(scenario.id, picture_id, art_value))
        if image is not None:
            return self._remember(key, (cover(image, size), False))
        families = list(WASHES)
        family = families[_seed(picture_id) % len(families)]
        return self._remember(key, (self.wash(f"{scenario.id}/{picture_id}", size, WASHES[family]), True))

    def portrait(self, scenario_id: str, person_id: str, size: tuple[int, int],
                 window: tuple[float, float, float, float] | None = None) -> tuple[pygame.Surface, bool]:
        """A sitter's portrait filling ``size`` (True: a wash stands in until it is painted);
        ``window`` (shares of the portrait: x0, y0, x1, y1) shows only that part of it."""
        key = ("portrait", scenario_id, person_id, size, window)
        if key in self._cache:
            return self._cache[key]
        image = self._file(catalog.portrait_path(scenario_id, person_id))
        if image is not None:
            if window is not None:
                width, height = image.get_size()
                x0, y0, x1, y1 = window
                image = image.subsurface(pygame.Rect(round(x0 * width), round(y0 * height),
                                                     round((x1 - x0) * width), round((y1 - y0) * height)))
            return self._remember(key, (cover(image, size), False))
        hues = ((190, 170, 140), (170, 150, 120), (205, 190, 160))
        return self._remember(key, (self.wash(f"portrait/{person_id}", size, hues, blots=14), True))

    def map_image(self, view: str) -> pygame.Surface | None:
        """The painter's base map for a view, painted edge to edge over the view's bounds."""
        return self._file(catalog.map_path(view))

    def scenario_map_image(self, scenario_id: str) -> pygame.Surface | None:
        """The painter's map of a scenario's own ``map:``, painted edge to edge over its bounds."""
        return self._file(catalog.scenario_map_path(scenario_id))

    def title(self, size: tuple[int, int]) -> pygame.Surface:
        key = ("title", size)
        if key in self._cache:
            return self._cache[key][0]
        image = self._file(catalog.art_folder() / "title.png") or self._file(
            catalog.scene_path("cuban_missile_crisis_1962", "title"))
        surface = cover(image, size) if image is not None else self._title_wash(size)
        return self._remember(key, (surface, image is None))[0]

    def paper(self, size: tuple[int, int], palette) -> pygame.Surface:
        """The screens' paper: a faint wash with grain, shared by every scene of that size."""
        key = ("paper", size, palette.name)
        if key not in self._cache:
            return self._remember(key, (self.wash("paper", size, (palette.paper_deep, (232, 220, 196)), blots=12,
                                                  paper=palette.paper), True))[0]
        return self._cache[key][0]

    def stakes_veil(self, size: tuple[int, int], stakes: float) -> pygame.Surface | None:
        """A shadow that gathers at the paper's edges as the crisis nears war (0 calm .. 1 war), to multiply.

        The middle of the sheet, where the panels stand, darkens only a little; the margins and
        corners most. Made small and smoothed up, so it costs one blit a layout.
        """
        level = max(0, min(4, round(stakes * 4)))
        if level == 0:
            return None
        key = ("veil", size, level)
        if key not in self._cache:
            small = pygame.Surface((64, 36))
            overall = 255 - 9 * level  # the whole sheet a shade darker at each level
            edge = 255 - 34 * level
            small.fill((edge, edge - 4, edge - 10))
            rings = 18
            for ring in range(rings):
                share = ring / (rings - 1)
                shade = round(edge + (overall - edge) * share ** 0.7)
                inset = round(share * 15)
                pygame.draw.ellipse(small, (shade, max(0, shade - 2), max(0, shade - 5)),
                                    pygame.Rect(inset * 64 // 36 - 12, inset - 6, 64 - 2 * (inset * 64 // 36) + 24,
                                                36 - 2 * inset + 12))
            veil = pygame.transform.smoothscale(pygame.transform.smoothscale(small, (32, 18)), size)
            self._remember(key, (veil, False))
        return self._cache[key][0]

    # --- the placeholder washes ----------------------------------------------------------------
    def grain(self) -> pygame.Surface:
        """A small tile of paper grain, multiplied over washes."""
        if self._grain is None:
            rng = random.Random(7)
            tile = pygame.Surface((96, 96))
            tile.fill((255, 255, 255))
            for _ in range(2600):
                shade = rng.randint(228, 250)
                tile.set_at((rng.randrange(96), rng.randrange(96)), (shade, shade, shade - 4))
            self._grain = pygame.transform.smoothscale(pygame.transform.smoothscale(tile, (48, 48)), (96, 96))
        return self._grain

    def apply_grain(self, surface: pygame.Surface) -> None:
        grain = self.grain()
        width, height = surface.get_size()
        for y in range(0, height, grain.get_height()):
            for x in range(0, width, grain.get_width()):
                surface.blit(grain, (x, y), special_flags=pygame.BLEND_RGB_MULT)

    def wash(self, seed_text: str, size: tuple[int, int], hues, blots: int = 26,
             paper: tuple[int, int, int] = PAPER) -> pygame.Surface:
        rng = random.Random(_seed(seed_text))
        width, height = size
        small = (max(24, width // 10), max(16, height // 10))
        canvas = pygame.Surface(small)
        canvas.fill(paper)
        layer = pygame.Surface(small, pygame.SRCALPHA)
        for _ in range(blots):
            layer.fill((0, 0, 0, 0))
            colour = rng.choice(hues)
            w = rng.uniform(0.25, 0.8) * small[0]
            h = rng.uniform(0.2, 0.6) * small[1]
            x = rng.uniform(-0.2, 1.0) * small[0] - w / 3
            y = rng.uniform(-0.2, 1.0) * small[1] - h / 3
            alpha = rng.randint(22, 52)
            pygame.draw.ellipse(layer, (*colour, alpha), pygame.Rect(x, y, w, h))
            pygame.draw.ellipse(layer, (*[c * 3 // 4 for c in colour], alpha // 2), pygame.Rect(x, y, w, h), 1)
            canvas.blit(layer, (0, 0))
        for inset in range(3):  # a soft darker margin, as pigment pools at the edge of a wet sheet
            pygame.draw.rect(canvas, [c - 10 + inset * 3 for c in paper], canvas.get_rect(), 1 + 2 - inset)
        surface = pygame.transform.smoothscale(canvas, size)
        self.apply_grain(surface)
        return surface.convert() if pygame.display.get_surface() else surface

    def _title_wash(self, size: tuple[int, int]) -> pygame.Surface:
        """A grey sea at dawn, a destroyer and a freighter on the horizon: the title's stand-in painting."""
        rng = random.Random(1962)
        small = (480, 270)
        canvas = pygame.Surface(small)
        horizon = 170
        for y in range(small[1]):  # sky from grey-blue to a pale gold at the horizon, sea below
            if y < horizon:
                t = (y / horizon) ** 1.4
                colour = (int(142 + 100 * t), int(154 + 70 * t), int(170 + 22 * t))
            else:
                t = (y - horizon) / (small[1] - horizon)
                colour = (int(118 - 42 * t), int(136 - 38 * t), int(146 - 30 * t))
            pygame.draw.line(canvas, colour, (0, y), (small[0], y))
        layer = pygame.Surface(small, pygame.SRCALPHA)
        for _ in range(70):  # clouds and swell, laid on as translucent strokes
            layer.fill((0, 0, 0, 0))
            if rng.random() < 0.45:
                stroke_y = rng.uniform(8, horizon - 24)
                stroke = (rng.randint(205, 245), rng.randint(178, 214), rng.randint(158, 190), rng.randint(26, 60))
                h = rng.uniform(8, 26)
                w = rng.uniform(70, 240)
            else:
                stroke_y = rng.uniform(horizon + 3, small[1])
                stroke = (rng.randint(46, 86), rng.randint(74, 104), rng.randint(96, 120), rng.randint(26, 56))
                h = rng.uniform(2, 7)
                w = rng.uniform(50, 220)
            pygame.draw.ellipse(layer, stroke, pygame.Rect(rng.uniform(-60, small[0]), stroke_y, w, h))
            canvas.blit(layer, (0, 0))
        layer.fill((0, 0, 0, 0))
        for radius, alpha in ((34, 30), (24, 60), (16, 150)):  # the low sun, bleeding into the haze
            pygame.draw.circle(layer, (240, 214, 150, alpha), (330, horizon - 20), radius)
        canvas.blit(layer, (0, 0))
        destroyer = [(262, horizon + 1), (266, horizon - 6), (300, horizon - 6), (303, horizon - 15), (309, horizon - 15),
                     (311, horizon - 24), (314, horizon - 24), (316, horizon - 15), (322, horizon - 15), (324, horizon - 8),
                     (338, horizon - 8), (341, horizon - 19), (344, horizon - 19), (346, horizon - 8), (362, horizon - 7),
                     (372, horizon + 1)]
        freighter = [(410, horizon + 1), (413, horizon - 5), (424, horizon - 5), (425, horizon - 16), (427, horizon - 5),
                     (438, horizon - 5), (440, horizon - 11), (447, horizon - 11), (448, horizon - 5), (458, horizon - 5),
                     (462, horizon + 1)]
        for hull, colour in ((destroyer, (60, 62, 72)), (freighter, (88, 84, 90))):
            pygame.draw.polygon(canvas, colour, hull)
            reflection = pygame.Surface(small, pygame.SRCALPHA)
            xs = [x for x, _ in hull]
            pygame.draw.ellipse(reflection, (*colour, 70), pygame.Rect(min(xs), horizon + 2, max(xs) - min(xs), 7))
            canvas.blit(reflection, (0, 0))
        soft = pygame.transform.smoothscale(pygame.transform.smoothscale(canvas, (240, 135)), size)
        self.apply_grain(soft)
        return soft.convert() if pygame.display.get_surface() else soft
