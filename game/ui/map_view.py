"""The map: coastlines from Natural Earth (assets/map/geometry.json), ships, sites and the line.

The land and sea are painted once per size into a cached layer (or the painter's baked map is
used when it exists); each frame only the ships, sites and the quarantine line are drawn on
top. Ships glide to their new places over a couple of seconds when a day turns.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.geography import countries_within, geometry, region_rings
from game.i18n import N_
from game.ui import map_model
from game.ui.map_model import MapPicture
from game.ui.theme import Colour, Theme
from game.ui.widgets.base import Widget

# what each view frames: (west, south, east, north), and how it fills its rectangle


FRAMES = {"caribbean": ((-98.0, 8.0, -56.0, 40.0), "cover", (-78.5, 23.6)),
          "world": ((-128.0, 2.0, 180.0, 78.0), "contain", None)}
PLACE_NAMES = {"washington": N_("Washington"), "havana": N_("Havana"), "miami": N_("Miami"),
               "guantanamo": N_("Guant\u00e1namo"), "nassau": N_("Nassau"), "moscow": N_("Moscow"),
               "izmir": N_("\u0130zmir"), "ankara": N_("Ankara")}
# Labels in the order they claim their place; each tries its spots (longitude, latitude) in turn and
# is left out when none is free: a label is never drawn over another, a marker or the legend.
LABELS = {
    "caribbean": ((N_("CUBA"), "small_bold", ((-77.9, 21.45), (-79.2, 21.3), (-76.6, 20.9), (-77.6, 20.2), (-80.5, 21.1),
                                           (-81.5, 22.0))),
                  (N_("UNITED STATES"), "small_bold", ((-86.0, 33.0), (-84.0, 35.5))),
                  (N_("MEXICO"), "small_bold", ((-98.5, 19.0), (-99.5, 23.0))),
                  (N_("Atlantic Ocean"), "italic", ((-66.0, 31.5), (-68.0, 35.0), (-62.0, 28.5))),
                  (N_("Caribbean Sea"), "italic", ((-73.0, 14.5), (-78.0, 15.5), (-70.0, 13.0))),
                  (N_("Gulf of Mexico"), "italic", ((-91.5, 26.2), (-90.0, 24.0), (-92.0, 27.5)))),
    "world": ((N_("UNITED STATES"), "small_bold", ((-102.0, 47.0), (-100.0, 40.0))),
              (N_("SOVIET UNION"), "small_bold", ((95.0, 62.0), (110.0, 66.0), (70.0, 58.0))),
              (N_("Atlantic Ocean"), "italic", ((-40.0, 30.0), (-45.0, 24.0), (-35.0, 40.0)))),
}
# Where a label must not lie, so what it names stays in sight: (west, south, east, north)
KEEP_CLEAR = {"world": ((26.0, 35.8, 44.8, 42.1),)}  # Turkey, where the Jupiter missiles stood
QUARANTINE_LINE = N_("quarantine line")
ROUTE_INK = {"road": "ink_soft", "rail": "ink_soft", "sea": "united_states", "air": "united_states",
             "border": "soviet_union", "front": "soviet_union"}
WORLD_MARKS = (("moscow", N_("Moscow")), ("washington", N_("Washington")), ("havana", N_("Havana")),
               ("izmir", N_("Jupiter missiles")))


@dataclass(frozen=True, slots=True)
class Frame:
    """What a view shows: the frame it fits in its rectangle, how, and the extent of its painted sheet."""

    bounds: tuple[float, float, float, float]  # west, south, east, north
    mode: str  # "cover": fill the rectangle, cropping; "contain": show the whole frame
    focus: tuple[float, float] | None  # where a cropped view centres
    corrected: bool  # narrow longitude by the cosine of the middle latitude (off for the whole world)
    painted: tuple[float, float, float, float]  # the painted sheet's bounds


def frame_of(view: str, scenario_map=None) -> Frame:
    """The frame of a built-in view (``caribbean``, ``world``), or of a scenario's own map."""
    if view == "scenario" and scenario_map is not None:
        return Frame(scenario_map.bounds, "contain", None, True, scenario_map.bounds)
    bounds, mode, focus = FRAMES[view]
    return Frame(bounds, mode, focus, view != "world", tuple(geometry()["views"][view]["bounds"]))


class Projection:
    """Longitude and latitude to pixels in a rectangle, equirectangular with a latitude correction."""

    def __init__(self, frame: Frame, rect: pygame.Rect):
        (west, south, east, north), mode, focus = frame.bounds, frame.mode, frame.focus
        self.rect = pygame.Rect(rect)
        middle = (south + north) / 2
        self.k = math.cos(math.radians(middle)) if frame.corrected else 1.0
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
            b_west, b_south, b_east, b_north = frame.painted
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

    def __init__(self, rect, view: str, art, picture: MapPicture | None = None, start: MapPicture | None = None,
                 scenario=None, language: str = "en"):
        super().__init__(rect, None, True, "map")
        self.view = view  # "caribbean", "world", or "scenario" for the scenario's own map
        self.art = art
        self.scenario = scenario  # whose map, when the view is "scenario"
        self.language = language
        self.frame = frame_of(view, scenario.map if scenario is not None else None)
        self.picture = picture
        self._base: pygame.Surface | None = None
        self._base_key: tuple | None = None
        self._labels_for: tuple | None = None
        self._labels: list[tuple[str, str, Colour | None, pygame.Rect]] = []
        self._legend: list[tuple[str, str, pygame.Rect]] = []
        self._legend_strip: pygame.Rect | None = None
        self.map_rect = pygame.Rect(rect)  # the painted map: the widget less the legend under it
        self._frame_for: tuple | None = None
        self.positions: dict[str, list[float]] = {}
        self.line_alpha = 0.0
        self._projection: Projection | None = None
        if start is not None:
            self.set_picture(start, animate=False)
        if picture is not None:
            self.set_picture(picture, animate=start is not None)

    def set_picture(self, picture: MapPicture, animate: bool = True) -> None:
        self.picture = picture
        self._labels_for = None  # the sites decide where labels may go
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

    def settle(self) -> None:
        # the ships at their new places and the line drawn whole; the labels' places stay worked out
        if self.picture is None:
            return
        for ship in self.picture.ships:
            self.positions[ship.key] = [ship.lon, ship.lat]
        self.line_alpha = 1.0 if self.picture.quarantine else 0.0

    # --- the painted base ------------------------------------------------------------------------
    def projection(self) -> Projection:
        if self._projection is None or self._projection.rect != self.map_rect:
            self._projection = Projection(self.frame, self.map_rect)
        return self._projection

    def _frame(self, theme: Theme) -> None:
        """Where the legend goes (a strip under the map, on as many rows as it needs), and so the map."""
        key = (tuple(self.rect), id(theme), bool(self.picture and self.picture.sites))
        if self._frame_for == key:
            return
        self._legend, self._legend_strip = self._lay_legend(theme)
        self.map_rect = pygame.Rect(self.rect)
        if self._legend_strip is not None:
            self.map_rect.h = self._legend_strip.y - self.rect.y
        self._frame_for = key
        self._labels_for = None

    def base(self, theme: Theme) -> pygame.Surface:
        key = ("map base", self.map_rect.size, self.view, theme.palette.name, theme.unit)
        if self._base is None or self._base_key != key:
            self._base = self.art.memo(key, lambda: self._paint_base(theme))
            self._base_key = key
        return self._base

    def _paint_base(self, theme: Theme) -> pygame.Surface:
        palette = theme.palette
        size = self.map_rect.size
        local = Projection(self.frame, pygame.Rect((0, 0), size))
        painted = self.art.scenario_map_image(self.scenario.id) if self.view == "scenario" else self.art.map_image(self.view)
        if painted is not None:  # the painter's map covers the view's bounds exactly
            west, south, east, north = self.frame.painted
            x1, y1 = local(west, north)
            x2, y2 = local(east, south)
            surface = pygame.Surface(size)
            surface.fill(palette.panel)  # beyond the painted sheet: the atlas page's margin
            sheet = pygame.Rect(round(x1), round(y1), max(1, round(x2 - x1)), max(1, round(y2 - y1)))
            surface.blit(pygame.transform.smoothscale(painted, sheet.size), sheet)
            if not sheet.contains(surface.get_rect()):
                pygame.draw.rect(surface, palette.panel_edge, sheet, max(1, theme.px(1)))
        else:
            surface = self.art.wash(f"sea/{self.view}", size, (palette.sea, palette.sea_deep, palette.sea),
                                    blots=18, paper=palette.sea)
            land = pygame.Surface(size, pygame.SRCALPHA)
            edge = (*palette.land_edge, 150)
            outlines, tinted = self._plain_map(palette)
            rings = [[local(lon, lat) for lon, lat in ring] for ring in outlines]
            for ring in rings:
                if len(ring) > 2:
                    pygame.draw.polygon(land, palette.land, ring)
            for ring, colour in tinted:
                points = [local(lon, lat) for lon, lat in ring]
                if len(points) > 2:
                    pygame.draw.polygon(land, colour, points)
            width = max(1, theme.px(1.6))
            for ring in rings:  # pigment gathers at the edge of a wash: a darker coastline
                if len(ring) > 2:
                    pygame.draw.lines(land, edge, True, ring, width)
            surface.blit(land, (0, 0))
            self.art.apply_grain(surface)
        pygame.draw.rect(surface, palette.panel_edge, surface.get_rect(), max(1, theme.px(1.5)))
        return surface.convert() if pygame.display.get_surface() else surface

    def _plain_map(self, palette):
        """Until the painter's map is baked: the land's outlines, and the tinted shapes with their colours."""
        if self.view == "scenario":
            chart = self.scenario.map
            outlines = [ring for country in countries_within(chart.bounds) for ring in region_rings(country)]
            tinted = [(ring, _mix(palette.land, _pigment_colour(tint, palette.cuba), 0.45))
                      for region, tint in chart.countries for ring in region_rings(region)]
            tinted += [(area.points, _mix(palette.land, _pigment_colour(area.kind, palette.soviet_union), 0.35))
                       for area in chart.areas]
            return outlines, tinted
        data = geometry()["views"][self.view]
        tints = {"cuba": palette.cuba}
        if self.view == "world":
            tints.update(usa=_mix(palette.land, palette.united_states, 0.25),
                         ussr=_mix(palette.land, palette.soviet_union, 0.22), turkey=_mix(palette.land, palette.cuba, 0.5))
        tinted = [(ring, colour) for country, colour in tints.items() for ring in data["countries"].get(country, [])]
        return data["land"], tinted

    # --- where the words go ------------------------------------------------------------------------
    def t(self, text) -> str:
        return text.get(self.language)

    def _places(self) -> list[tuple[str, float, float, str, str]]:
        """(name, longitude, latitude, style, mark) of the places the view names: a town's dot or a missile's triangle."""
        if self.view == "scenario":
            return [(self.t(place.name), place.lon, place.lat, "small", "dot") for place in self.scenario.map.places]
        places = geometry()["views"][self.view]["places"]
        if self.view == "caribbean":
            return [(name, *places[key], "small", "dot") for key, name in PLACE_NAMES.items() if key in places]
        return [(name, *places[key], "small_bold" if key in ("izmir", "havana") else "small",
                 "missile" if key in ("izmir", "havana") else "dot") for key, name in WORLD_MARKS if key in places]

    def _region_labels(self) -> list[tuple[str, str, tuple]]:
        """(text, style, spots to try) of the names written across land and sea."""
        if self.view == "scenario":
            return [(self.t(label.name), "small_bold", ((label.lon, label.lat),)) for label in self.scenario.map.labels]
        return list(LABELS.get(self.view, ()))

    def _markers(self, theme: Theme) -> list[pygame.Rect]:
        """Rectangles of the fixed marks (towns, sites, the Jupiter base) that labels keep clear of."""
        project = self.projection()
        size = theme.px(8)
        found = []
        for _, lon, lat, _, _ in self._places():
            x, y = project(lon, lat)
            found.append(pygame.Rect(round(x) - size, round(y) - size, 2 * size, 2 * size))
        if self.view == "caribbean" and self.picture is not None:
            for site in self.picture.sites:
                x, y = project(site.lon, site.lat)
                found.append(pygame.Rect(round(x) - size, round(y) - size, 2 * size, 2 * size))
        for west, south, east, north in KEEP_CLEAR.get(self.view, ()):
            x1, y1 = project(west, north)
            x2, y2 = project(east, south)
            found.append(pygame.Rect(round(x1), round(y1), round(x2 - x1), round(y2 - y1)))
        return found

    def _place_words(self, theme: Theme) -> None:
        """Lay out the place names, the routes' names and the region names once per size: none over another."""
        palette = theme.palette
        taken = self._markers(theme)
        inner = self.map_rect.inflate(-theme.px(8), -theme.px(8))
        project = self.projection()
        labels: list[tuple[str, str, str | Colour, pygame.Rect]] = []  # a colour, or its name in the palette

        def claim(text: str, style: str, colour, spots) -> bool:
            width, height = theme.measure(text, style), theme.line_height(style)
            for anchor, (x, y) in spots:
                rect = pygame.Rect(0, 0, width, height)
                setattr(rect, anchor, (round(x), round(y)))
                if inner.contains(rect) and not any(rect.colliderect(other) for other in taken):
                    labels.append((text, style, colour, rect))
                    taken.append(rect)
                    return True
            return False

        gap = theme.px(6)
        # the game's own names are in its catalogs; a scenario's are written in its languages already
        words = (lambda text: text) if self.view == "scenario" else theme.words
        for name, lon, lat, style, mark in self._places():
            name = words(name)
            x, y = project(lon, lat)
            if mark == "dot":
                dot = pygame.Rect(round(x) - theme.px(8), round(y) - theme.px(8), theme.px(16), theme.px(16))
                taken[:] = [rect for rect in taken if rect != dot]  # a town's own dot does not push its name away
                claim(name, style, palette.ink, _around(x, y, gap, theme.px(14)))
                taken.append(dot)
            else:
                clear = theme.px(10)
                claim(name, style, palette.ink, [("midtop", (x, y + clear)), ("topright", (x - gap, y + gap)),
                                                  ("midright", (x - clear, y)), ("midleft", (x + clear, y)),
                                                  ("midbottom", (x, y - clear)), ("topleft", (x + gap, y + gap))])
        for text, style, spots in self._region_labels():
            colour = palette.ink if style != "italic" else _mix(palette.sea_deep, palette.ink, 0.55)
            claim(words(text), style, colour, [("center", project(lon, lat)) for lon, lat in spots])
        self._labels = [(text, style, getattr(palette, colour) if isinstance(colour, str) else colour, rect)
                        for text, style, colour, rect in labels]

    def _lay_legend(self, theme: Theme):
        """The legend's items across the foot of the map, on as many rows as they need: the
        Caribbean's ships and sites, or a scenario's named routes (a name along a short line reads
        as the name of whatever lies beside it, so routes are named here, by a sample of their line)."""
        _ = theme.words
        if self.view == "caribbean":
            items = [("soviet", _("Soviet ships")), ("us", _("US Navy"))]
            if self.picture is not None and self.picture.sites:
                items.append(("site", _("missile site (filled: ready)")))
            mark = theme.px(20)
        elif self.view == "scenario":
            items = list(dict.fromkeys(("route:" + route.kind, self.t(route.name))
                                       for route in self.scenario.map.routes if self.t(route.name)))
            mark = theme.px(34)
        else:
            items = []
        if not items:
            return [], None
        line = theme.line_height("small")
        rows: list[list[tuple[str, str, int]]] = [[]]
        x = theme.px(10)
        for kind, text in items:
            width = mark + theme.measure(text, "small")
            if rows[-1] and x + width > self.rect.w - theme.px(10):
                rows.append([])
                x = theme.px(10)
            rows[-1].append((kind, text, x))
            x += width + theme.px(16)
        height = len(rows) * line + theme.px(5)
        strip = pygame.Rect(self.rect.x, self.rect.bottom - height, self.rect.w, height)
        placed = []
        for number, row in enumerate(rows):
            for kind, text, dx in row:
                rect = pygame.Rect(strip.x + dx, strip.y + theme.px(2) + number * line, mark + theme.measure(text, "small"), line)
                placed.append((kind, text, rect))
        return placed, strip

    # --- each frame ----------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        self._frame(theme)
        surface.blit(self.base(theme), self.map_rect)
        words_key = (tuple(self.map_rect), id(theme))
        if self._labels_for != words_key:
            self._place_words(theme)
            self._labels_for = words_key
        previous = surface.get_clip()
        surface.set_clip(self.map_rect)
        project = self.projection()
        palette = theme.palette
        if self.view == "scenario":
            self._draw_routes(surface, theme, project)
        self._draw_marks(surface, theme, project)
        if self.view == "caribbean":
            if self.picture is not None:
                if self.line_alpha > 0.02:
                    self._draw_line(surface, theme, project)
                for site in self.picture.sites:
                    x, y = project(site.lon, site.lat)
                    size = theme.px(6)
                    points = [(x, y - size), (x + size, y + size * 0.8), (x - size, y + size * 0.8)]
                    if site.ready:
                        pygame.draw.polygon(surface, palette.missile, points)
                    pygame.draw.polygon(surface, palette.ink, points, max(1, theme.px(1.5)))
                self._draw_ships(surface, theme, project)
        for text, style, colour, rect in self._labels:
            _halo(surface, theme, text, style, rect)
            theme.draw_text(surface, text, style, colour, rect.topleft, "topleft", self.map_rect)
        surface.set_clip(previous)
        self._draw_legend(surface, theme)

    def _draw_marks(self, surface, theme, project) -> None:
        """Each named place's mark: a town's dot, a missile base's triangle."""
        palette = theme.palette
        for _, lon, lat, _, mark in self._places():
            x, y = project(lon, lat)
            if mark == "missile":
                size = theme.px(7)
                pygame.draw.polygon(surface, palette.missile, [(x, y - size), (x + size, y + size * 0.8), (x - size, y + size * 0.8)])
            else:
                pygame.draw.circle(surface, palette.ink, (round(x), round(y)), theme.px(3 if self.view != "world" else 4))

    def _draw_routes(self, surface, theme, project) -> None:
        """A scenario's routes, each in its kind's style (``_stroke``); their names are in the legend."""
        for route in self.scenario.map.routes:
            _stroke(surface, theme, route.kind, [project(lon, lat) for lon, lat in route.points])

    def _draw_ships(self, surface, theme, project) -> None:
        """Each ship where it is; one just beyond the frame is drawn at its edge, so none is cut in half."""
        assert self.picture is not None  # drawn only over a picture
        palette = theme.palette
        length = theme.px(9)
        inner = self.map_rect.inflate(-2 * length - theme.px(4), -2 * length - theme.px(4))
        for ship in self.picture.ships:
            position = self.positions.get(ship.key)
            if position is None:
                continue
            x, y = project(*position)
            if not self.map_rect.inflate(8 * length, 8 * length).collidepoint(x, y):
                continue  # far away: out of this picture
            x = min(max(x, inner.left), inner.right)
            y = min(max(y, inner.top), inner.bottom)
            colour = palette.soviet_union if ship.side == "soviet" else palette.united_states
            shape = _ship_shape(x, y, ship.heading, length)
            pygame.draw.polygon(surface, colour, shape)
            pygame.draw.polygon(surface, palette.ink, shape, 1)

    def _draw_line(self, surface, theme, project) -> None:
        palette = theme.palette
        points = [project(lon, lat) for lon, lat in map_model.quarantine_arc(60)]
        layer_rect = self.map_rect
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
        if self.line_alpha > 0.5:  # the line's name, where it is free of the other words
            label = self._line_label(theme, points)
            if label is not None:
                theme.draw_text(surface, theme.words(QUARANTINE_LINE), "italic", palette.quarantine, label.topleft, "topleft",
                                self.map_rect)

    def _line_label(self, theme: Theme, points) -> pygame.Rect | None:
        assert self.picture is not None  # the line is drawn only over a picture
        width, height = theme.measure(theme.words(QUARANTINE_LINE), "italic"), theme.line_height("italic")
        taken = [rect for _, _, _, rect in self._labels] + self._markers(theme)
        project = self.projection()
        reach = theme.px(12)
        for ship in self.picture.ships:  # where the ships are bound: the name must not sit under one
            x, y = project(ship.lon, ship.lat)
            taken.append(pygame.Rect(round(x) - reach, round(y) - reach, 2 * reach, 2 * reach))
        inner = self.map_rect.inflate(-theme.px(8), -theme.px(8))
        for share in (1 / 3, 1 / 2, 1 / 4, 2 / 3, 1 / 6, 3 / 4):
            x, y = points[int(len(points) * share)]
            for anchor in ("midleft", "midright"):
                rect = pygame.Rect(0, 0, width, height)
                setattr(rect, anchor, (round(x + (theme.px(10) if anchor == "midleft" else -theme.px(10))), round(y)))
                if inner.contains(rect) and not any(rect.colliderect(other) for other in taken):
                    return rect
        return None

    def _draw_legend(self, surface, theme) -> None:
        if self._legend_strip is None:
            return
        palette = theme.palette
        strip = self._legend_strip
        pygame.draw.rect(surface, palette.panel, strip)
        pygame.draw.rect(surface, palette.panel_edge, strip, max(1, theme.px(1)))
        for kind, text, rect in self._legend:
            cy = rect.centery
            x = rect.x
            if kind.startswith("route:"):
                sample = theme.px(26)
                _stroke(surface, theme, kind[6:], [(x, cy), (x + sample, cy)])
                theme.draw_text(surface, text, "small", palette.ink, (x + sample + theme.px(8), cy), "midleft", strip)
                continue
            if kind == "site":
                size = theme.px(6)
                pygame.draw.polygon(surface, palette.missile, [(x + size, cy - size), (x + 2 * size, cy + size * 0.8), (x, cy + size * 0.8)])
            else:
                colour = palette.soviet_union if kind == "soviet" else palette.united_states
                pygame.draw.polygon(surface, colour, _ship_shape(x + theme.px(7), cy, 0, theme.px(8)))
            theme.draw_text(surface, text, "small", palette.ink, (x + theme.px(20), cy), "midleft", strip)

    def texts(self) -> list[str]:
        shown = [text for text, _, _, _ in self._labels] + [text for _, text, _ in self._legend]
        if self.picture and self.picture.quarantine:
            shown.append("quarantine line")
        return shown


def _stroke(surface: pygame.Surface, theme: Theme, kind: str, points) -> None:
    """A route's line in its kind's style: a road solid, a railway solid with sleepers across it, sea
    and air lanes dashed, borders and fronts heavy."""
    colour = getattr(theme.palette, ROUTE_INK.get(kind, "ink_soft"))
    width = max(2, theme.px(4 if kind in ("border", "front") else 2.5))
    if kind in ("sea", "air"):
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            steps = max(1, int(math.hypot(x2 - x1, y2 - y1) // theme.px(8)))
            for step in range(0, steps, 2):
                a, b = step / steps, min(1.0, (step + 1) / steps)
                pygame.draw.line(surface, colour, (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a),
                                 (x1 + (x2 - x1) * b, y1 + (y2 - y1) * b), width)
        return
    pygame.draw.lines(surface, colour, False, points, width)
    if kind == "rail":
        tick, spacing = theme.px(4), theme.px(7)
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            length = math.hypot(x2 - x1, y2 - y1)
            if length == 0:
                continue
            nx, ny = -(y2 - y1) / length * tick, (x2 - x1) / length * tick
            for step in range(int(length // spacing) + 1):
                share = min(1.0, step * spacing / length)
                x, y = x1 + (x2 - x1) * share, y1 + (y2 - y1) * share
                pygame.draw.line(surface, colour, (x - nx, y - ny), (x + nx, y + ny), max(1, theme.px(1.5)))


def _around(x: float, y: float, near: int, far: int) -> list[tuple[str, tuple[float, float]]]:
    """Spots for a town's name round its dot: beside it first, then above and below, then further off."""
    spots = []
    for d in (near, far):
        spots += [("midleft", (x + d, y)), ("midright", (x - d, y)), ("midbottom", (x, y - d)), ("midtop", (x, y + d)),
                  ("bottomright", (x - d, y - d)), ("bottomleft", (x + d, y - d)), ("topright", (x - d, y + d)),
                  ("topleft", (x + d, y + d))]
    return spots


def _halo(surface: pygame.Surface, theme: Theme, text: str, style: str, rect: pygame.Rect) -> None:
    """A pale rim round a map label, so it reads over coast, sea and colour alike."""
    rim = theme.text(text, style, theme.palette.panel)
    rim.set_alpha(170)
    step = max(1, theme.px(1.5))
    for dx, dy in ((-step, 0), (step, 0), (0, -step), (0, step)):
        surface.blit(rim, rect.move(dx, dy))


def _within(value: float, low: float, high: float, frame_low: float, frame_high: float) -> float:
    """``value`` moved into [low, high] (the painted bounds) if the frame still fits [frame_low, frame_high]."""
    target = min(max(value, low), high) if low <= high else value
    return target if frame_low <= target <= frame_high else value


def _pigment_colour(name: str | None, fallback: tuple) -> tuple:
    """A pigment's full-strength colour on white paper, so the plain map washes an author's tint
    in roughly the colour the painter will give it."""
    from game.art.watercolor import PIGMENTS  # numpy: only when a scenario's own map is drawn plainly

    pigment = PIGMENTS.get(name) if name else None
    return tuple(round(255 * channel) for channel in pigment.masstone) if pigment is not None else fallback


def _mix(a, b, share: float):
    return tuple(round(x + (y - x) * share) for x, y in zip(a, b))
