"""The map: coastlines from Natural Earth (assets/map/geometry.json), ships, sites and the line.

The land and sea are painted once per size into a cached layer (or the painter's baked map is
used when it exists); each frame only the ships, sites and the quarantine line are drawn on
top. Ships glide to their new places over a couple of seconds when a day turns.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache

import pygame

from game import paths
from game.ui import map_model
from game.ui.map_model import MapPicture
from game.ui.theme import Theme
from game.ui.widgets.base import Widget

# what each view frames: (west, south, east, north), and how it fills its rectangle


FRAMES = {"caribbean": ((-98.0, 8.0, -56.0, 40.0), "cover", (-79.0, 24.5)),
          "world": ((-128.0, 2.0, 108.0, 76.0), "contain", None)}
PLACE_NAMES = {"washington": "Washington", "havana": "Havana", "miami": "Miami",
               "guantanamo": "Guant\u00e1namo", "nassau": "Nassau", "moscow": "Moscow", "izmir": "\u0130zmir",
               "ankara": "Ankara"}
LABELS = {"caribbean": (("CUBA", -79.2, 21.2, "small_bold"), ("UNITED STATES", -86.0, 33.0, "small_bold"),
                        ("MEXICO", -96.0, 19.5, "small_bold"), ("Atlantic Ocean", -66.0, 31.5, "italic"),
                        ("Caribbean Sea", -73.0, 14.5, "italic"), ("Gulf of Mexico", -90.5, 25.2, "italic")),
          "world": (("UNITED STATES", -102.0, 47.0, "small_bold"), ("SOVIET UNION", 92.0, 63.0, "small_bold"),
                    ("Atlantic Ocean", -40.0, 28.0, "italic"))}
WORLD_MARKS = (("moscow", "Moscow"), ("washington", "Washington"), ("havana", "Havana"),
               ("izmir", "Jupiter missiles"))


@lru_cache(maxsize=1)
def geometry() -> dict:
    with open(paths.assets_folder() / "map" / "geometry.json", encoding="utf-8") as file:
        return json.load(file)


class Projection:
    """Longitude and latitude to pixels in a rectangle, equirectangular with a latitude correction."""

    def __init__(self, view: str, rect: pygame.Rect):
        (west, south, east, north), mode, focus = FRAMES[view]
        self.rect = pygame.Rect(rect)
        middle = (south + north) / 2
        self.k = math.cos(math.radians(middle)) if view == "caribbean" else 1.0
        span_x = (east - west) * self.k
        span_y = north - south
        fit = max if mode == "cover" else min
        self.scale = fit(rect.w / span_x, rect.h / span_y)
        cx, cy = focus if focus else ((west + east) / 2, middle)
        if mode == "cover":  # keep the frame's edges outside the rectangle
            half_w = rect.w / (2 * self.scale * self.k)
            half_h = rect.h / (2 * self.scale)
            cx = min(max(cx, west + half_w), east - half_w)
            cy = min(max(cy, south + half_h), north - half_h)
        if mode == "contain":  # where the view has room, keep the painted bounds over the whole rectangle
            b_west, b_south, b_east, b_north = geometry()["views"][view]["bounds"]
            half_w = rect.w / (2 * self.scale * self.k)
            half_h = rect.h / (2 * self.scale)
            cx = _within(cx, b_west + half_w, b_east - half_w, east - half_w, west + half_w)
            cy = _within(cy, b_south + half_h, b_north - half_h, north - half_h, south + half_h)
        self.cx, self.cy = cx, cy

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (self.rect.x + self.rect.w / 2 + (lon - self.cx) * self.scale * self.k,
                self.rect.y + self.rect.h / 2 - (lat - self.cy) * self.scale)


def _ship_shape(x: float, y: float, heading: float, length: float) -> list[tuple[float, float]]:
    angle = math.radians(heading)
    cos, sin = math.cos(angle), -math.sin(angle)  # screen y grows downward
    body = ((1.0, 0.0), (0.35, 0.33), (-1.0, 0.28), (-1.0, -0.28), (0.35, -0.33))
    return [(x + (bx * cos - by * sin) * length, y + (bx * sin + by * cos) * length) for bx, by in body]


class MapView(Widget):
    focusable = False

    def __init__(self, rect, view: str, art, picture: MapPicture | None = None, start: MapPicture | None = None):
        super().__init__(rect, None, True, "map")
        self.view = view
        self.art = art
        self.picture = picture
        self._base: pygame.Surface | None = None
        self._base_key = None
        self.positions: dict[str, list[float]] = {}
        self.line_alpha = 0.0
        self._projection: Projection | None = None
        if start is not None:
            self.set_picture(start, animate=False)
        if picture is not None:
            self.set_picture(picture, animate=start is not None)

    def set_picture(self, picture: MapPicture, animate: bool = True) -> None:
        self.picture = picture
        targets = {ship.key: ship for ship in picture.ships}
        for key in list(self.positions):
            if key not in targets:
                del self.positions[key]
        for key, ship in targets.items():
            if key not in self.positions or not animate:
                self.positions[key] = [ship.lon, ship.lat]
        if not animate:
            self.line_alpha = 1.0 if picture.quarantine else 0.0

    @property
    def settled(self) -> bool:
        if self.picture is None:
            return True
        targets = {ship.key: ship for ship in self.picture.ships}
        return all(abs(pos[0] - targets[key].lon) < 0.01 and abs(pos[1] - targets[key].lat) < 0.01
                   for key, pos in self.positions.items())

    def update(self, dt: float) -> None:
        if self.picture is None:
            return
        rate = min(1.0, dt * 1.8)
        for ship in self.picture.ships:
            position = self.positions.get(ship.key)
            if position is None:
                continue
            position[0] += (ship.lon - position[0]) * rate
            position[1] += (ship.lat - position[1]) * rate
        target = 1.0 if self.picture.quarantine else 0.0
        self.line_alpha += (target - self.line_alpha) * min(1.0, dt * 2.0)

    # --- the painted base ------------------------------------------------------------------------
    def projection(self) -> Projection:
        if self._projection is None or self._projection.rect != self.rect:
            self._projection = Projection(self.view, self.rect)
        return self._projection

    def base(self, theme: Theme) -> pygame.Surface:
        key = ("map base", self.rect.size, self.view, theme.palette.name, theme.unit, theme.text_scale)
        if self._base is None or self._base_key != key:
            self._base = self.art.memo(key, lambda: self._paint_base(theme))
            self._base_key = key
        return self._base

    def _paint_base(self, theme: Theme) -> pygame.Surface:
        palette = theme.palette
        size = self.rect.size
        local = Projection(self.view, pygame.Rect((0, 0), size))
        painted = self.art.map_image(self.view)
        if painted is not None:  # the painter's map covers the view's bounds exactly
            west, south, east, north = geometry()["views"][self.view]["bounds"]
            x1, y1 = local(west, north)
            x2, y2 = local(east, south)
            surface = pygame.Surface(size)
            surface.fill(palette.sea)
            scaled = pygame.transform.smoothscale(painted, (max(1, round(x2 - x1)), max(1, round(y2 - y1))))
            surface.blit(scaled, (round(x1), round(y1)))
        else:
            surface = self.art.wash(f"sea/{self.view}", size, (palette.sea, palette.sea_deep, palette.sea),
                                    blots=18, paper=palette.sea)
            data = geometry()["views"][self.view]
            land = pygame.Surface(size, pygame.SRCALPHA)
            edge = (*palette.land_edge, 150)
            rings = [[local(lon, lat) for lon, lat in ring] for ring in data["land"]]
            for ring in rings:
                if len(ring) > 2:
                    pygame.draw.polygon(land, palette.land, ring)
            tints = {"cuba": palette.cuba}
            if self.view == "world":
                tints.update(usa=_mix(palette.land, palette.united_states, 0.25),
                             ussr=_mix(palette.land, palette.soviet_union, 0.22), turkey=_mix(palette.land, palette.cuba, 0.5))
            for country, colour in tints.items():
                for ring in data["countries"].get(country, []):
                    points = [local(lon, lat) for lon, lat in ring]
                    if len(points) > 2:
                        pygame.draw.polygon(land, colour, points)
            width = max(1, theme.px(1.6))
            for ring in rings:  # pigment gathers at the edge of a wash: a darker coastline
                if len(ring) > 2:
                    pygame.draw.lines(land, edge, True, ring, width)
            surface.blit(land, (0, 0))
            self.art.apply_grain(surface)
        for text, lon, lat, style in LABELS.get(self.view, ()):
            x, y = local(lon, lat)
            colour = palette.ink_soft if style != "italic" else palette.sea_deep
            if style == "italic":
                colour = _mix(palette.sea_deep, palette.ink, 0.45)
            label = theme.text(text, style, colour)
            rect = label.get_rect(center=(round(x), round(y)))
            if surface.get_rect().contains(rect):
                surface.blit(label, rect)
        places = geometry()["views"][self.view]["places"]
        names = PLACE_NAMES if self.view == "caribbean" else {}
        for key, name in names.items():
            if key not in places:
                continue
            x, y = local(*places[key])
            pygame.draw.circle(surface, palette.ink, (round(x), round(y)), theme.px(3))
            label = theme.text(name, "small", palette.ink)
            rect = label.get_rect(midleft=(round(x) + theme.px(6), round(y)))
            if key in ("havana", "miami"):
                rect = label.get_rect(bottomright=(round(x) - theme.px(4), round(y) - theme.px(2)))
            if surface.get_rect().contains(rect):
                surface.blit(label, rect)
        pygame.draw.rect(surface, palette.panel_edge, surface.get_rect(), max(1, theme.px(1.5)))
        return surface.convert() if pygame.display.get_surface() else surface

    # --- each frame ----------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        surface.blit(self.base(theme), self.rect)
        if self.picture is None:
            return
        previous = surface.get_clip()
        surface.set_clip(self.rect)
        project = self.projection()
        palette = theme.palette
        if self.view == "caribbean":
            if self.line_alpha > 0.02:
                self._draw_line(surface, theme, project)
            for site in self.picture.sites:
                x, y = project(site.lon, site.lat)
                size = theme.px(6)
                points = [(x, y - size), (x + size, y + size * 0.8), (x - size, y + size * 0.8)]
                if site.ready:
                    pygame.draw.polygon(surface, palette.missile, points)
                pygame.draw.polygon(surface, palette.ink, points, max(1, theme.px(1.5)))
            for ship in self.picture.ships:
                position = self.positions.get(ship.key)
                if position is None:
                    continue
                x, y = project(*position)
                if not self.rect.collidepoint(x, y):
                    continue
                colour = palette.soviet_union if ship.side == "soviet" else palette.united_states
                shape = _ship_shape(x, y, ship.heading, theme.px(9))
                pygame.draw.polygon(surface, colour, shape)
                pygame.draw.polygon(surface, palette.ink, shape, 1)
        else:
            self._draw_world_marks(surface, theme, project)
        surface.set_clip(previous)
        self._draw_legend(surface, theme)

    def _draw_line(self, surface, theme, project) -> None:
        palette = theme.palette
        points = [project(lon, lat) for lon, lat in map_model.quarantine_arc(60)]
        layer_rect = self.rect
        layer = pygame.Surface(layer_rect.size, pygame.SRCALPHA)
        alpha = round(230 * self.line_alpha)
        colour = (*palette.quarantine, alpha)
        dash = theme.px(9)
        width = max(2, theme.px(3))
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            length = math.hypot(x2 - x1, y2 - y1)
            steps = max(1, int(length // dash))
            for step in range(0, steps, 2):
                a = step / steps
                b = min(1.0, (step + 1) / steps)
                pygame.draw.line(layer, colour, (x1 + (x2 - x1) * a - layer_rect.x, y1 + (y2 - y1) * a - layer_rect.y),
                                 (x1 + (x2 - x1) * b - layer_rect.x, y1 + (y2 - y1) * b - layer_rect.y), width)
        surface.blit(layer, layer_rect)
        x, y = points[len(points) // 3]
        label = theme.text("quarantine line", "italic", palette.quarantine)
        label.set_alpha(alpha)
        surface.blit(label, label.get_rect(midleft=(x + theme.px(10), y)))

    def _draw_world_marks(self, surface, theme, project) -> None:
        palette = theme.palette
        places = geometry()["views"]["world"]["places"]
        for key, name in WORLD_MARKS:
            if key not in places:
                continue
            x, y = project(*places[key])
            missile = key in ("izmir", "havana")
            if missile:
                size = theme.px(7)
                pygame.draw.polygon(surface, palette.missile, [(x, y - size), (x + size, y + size * 0.8), (x - size, y + size * 0.8)])
            else:
                pygame.draw.circle(surface, palette.ink, (round(x), round(y)), theme.px(4))
            label = theme.text(name, "small_bold" if missile else "small", palette.ink)
            if key == "havana":
                spot = label.get_rect(midright=(round(x) - theme.px(10), round(y)))
            elif key == "izmir":
                spot = label.get_rect(midtop=(round(x), round(y) + theme.px(10)))
            elif key == "moscow":
                spot = label.get_rect(midbottom=(round(x), round(y) - theme.px(6)))
            else:
                spot = label.get_rect(midleft=(round(x) + theme.px(10), round(y)))
            surface.blit(label, spot)

    def _draw_legend(self, surface, theme) -> None:
        if self.view != "caribbean":
            return
        palette = theme.palette
        items = [("soviet", "Soviet ships"), ("us", "US Navy"), ("site", "missile site (filled: ready)")]
        line = theme.line_height("small")
        strip = pygame.Rect(self.rect.x + 1, self.rect.bottom - line - theme.px(6), self.rect.w - 2, line + theme.px(5))
        shade = pygame.Surface(strip.size, pygame.SRCALPHA)
        shade.fill((*palette.panel, 225))
        surface.blit(shade, strip)
        pygame.draw.line(surface, palette.panel_edge, strip.topleft, strip.topright)
        x = strip.x + theme.px(10)
        cy = strip.centery
        for kind, text in items:
            if kind == "site":
                size = theme.px(6)
                pygame.draw.polygon(surface, palette.missile, [(x + size, cy - size), (x + 2 * size, cy + size * 0.8), (x, cy + size * 0.8)])
            else:
                colour = palette.soviet_union if kind == "soviet" else palette.united_states
                pygame.draw.polygon(surface, colour, _ship_shape(x + theme.px(7), cy, 0, theme.px(8)))
            label = theme.text(text, "small", palette.ink)
            if x + theme.px(20) + label.get_width() > strip.right:
                break
            surface.blit(label, label.get_rect(midleft=(x + theme.px(20), cy)))
            x += theme.px(20) + label.get_width() + theme.px(16)

    def texts(self) -> list[str]:
        return ["quarantine line"] if self.picture and self.picture.quarantine else []


def _within(value: float, low: float, high: float, frame_low: float, frame_high: float) -> float:
    """``value`` moved into [low, high] (the painted bounds) if the frame still fits [frame_low, frame_high]."""
    target = min(max(value, low), high) if low <= high else value
    return target if frame_low <= target <= frame_high else value


def _mix(a, b, share: float):
    return tuple(round(x + (y - x) * share) for x, y in zip(a, b))
