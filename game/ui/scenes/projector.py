"""Host a class: the window serves the classroom and becomes the projector.

While this screen is open the classroom server runs on a thread of its own (``BackgroundHost``).
Before the game it shows the address and the room code in type to read from the back of a
room, a QR code to scan, and who has joined where; during the game the date, the map, DEFCON
and the meters, the calendar, which teams have decided (never what), and each day's resolution;
at the end, the ending. The teacher at the window starts the game, lets teams vote, and opens
each next day (buttons, or S, V and N). Leaving the screen stops the server; every room is
kept, and "Host a class" brings the last one back.

The room lives on the server's thread: this screen reads it only through ``BackgroundHost.call``,
as a snapshot taken there (the public view and the engine's session, an immutable value).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import pygame

from game import paths
from game.classroom import commands as c
from game.classroom.room import Room, RoomError
from game.classroom.views import PROJECTOR, view_for
from game.ui import layout, map_model
from game.ui.map_view import MapView
from game.ui.match import Match, load_cached
from game.ui.scenes.base import Scene
from game.ui.scenes.common import add_meters, meters_height, paint_meters_panel
from game.ui.scenes.resolution import resolution_blocks
from game.ui.theme import font_folder
from game.ui.widgets.base import blit_text, panel
from game.ui.widgets.button import Button
from game.ui.widgets.calendar import CalendarStrip
from game.ui.widgets.textbox import TextBox

DEFAULT_SCENARIO = "cuban_missile_crisis_1962"
POLL_SECONDS = 0.25


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the projector shows of a room at one moment, taken on the server's thread."""

    version: int
    view: dict[str, Any]
    session: Any  # the engine's session: an immutable value, safe to read from this thread


class ProjectorScene(Scene):
    def __init__(self, app, scenario: str | None = None):
        super().__init__(app)
        self.scenario_name = scenario
        self.host = None
        self.code: str | None = None
        self.snapshot: Snapshot | None = None
        self.problem: str | None = None
        self.waited = 0.0
        self._shape = None  # what the layout was built for: a new phase or day lays the screen out again
        self._code_font: pygame.font.Font | None = None
        self._qr: pygame.Surface | None = None

    # --- the server ------------------------------------------------------------------------------------
    def resume(self) -> None:
        if self.host is None and self.problem is None:
            self._start_hosting()
        super().resume()

    def _start_hosting(self) -> None:
        from game.classroom.host import BackgroundHost
        from game.classroom.store import StoreError

        _ = self.app.words
        try:
            scenario = self._scenario()
            host = BackgroundHost()
        except (StoreError, OSError, ValueError) as error:
            self.problem = _("Cannot host a class: {error}", error=error)
            return
        if not host.start():
            self.problem = _("Cannot host a class: {error}", error=host.error or _("the server did not start"))
            host.stop()
            return
        self.host = host
        self.code = host.call(lambda: self._room_to_show(scenario)).code
        self._refresh()

    def _scenario(self):
        name = self.scenario_name or DEFAULT_SCENARIO
        path = paths.find_scenario(name) or paths.find_scenario("demo")
        if path is None:
            raise ValueError(self.app.words("no scenario was found"))
        return load_cached(path, self.app.scenario_cache)

    def _room_to_show(self, scenario) -> Room:
        """On the server's thread: the latest room still open, or a new one."""
        classroom = self.host.classroom
        open_rooms = classroom.open_rooms()
        return open_rooms[-1] if open_rooms else classroom.create_room(scenario)

    def _refresh(self) -> None:
        host, code, language = self.host, self.code, self.app.language

        def take() -> Snapshot:
            room = host.classroom.rooms[code]
            return Snapshot(room.version, view_for(room, PROJECTOR, language), room.session)
        self.snapshot = host.call(take)
        shape = self._shape_of(self.snapshot.view)
        if shape != self._shape:
            self._shape = shape
            self.relayout()
        else:
            self._background = None  # the same layout, new words in it (a team decided, someone joined)

    @staticmethod
    def _shape_of(view: dict) -> tuple:
        day = view.get("day") or {}
        return view["phase"], day.get("index"), view["vote"]

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.host is None:
            return
        self.waited += dt
        if self.waited < POLL_SECONDS:
            return
        self.waited = 0.0
        room = self.host.classroom.rooms.get(self.code)
        if room is not None and self.snapshot is not None and room.version != self.snapshot.version:
            self._refresh()  # reading one integer across threads is safe; the snapshot is taken there

    def shutdown(self) -> None:
        if self.host is not None:
            self.host.stop()
            self.host = None

    def _teach(self, command) -> None:
        """Act as the teacher: the command goes through the classroom on the server's thread."""
        classroom, code = self.host.classroom, self.code

        async def act() -> None:
            classroom.act(classroom.rooms[code], command)
            await classroom.broadcast(code)
        try:
            self.host.call(act)
        except RoomError as error:
            self.app.notify(self.app.words(error.message, **error.values))
            return
        self._refresh()

    def start_game(self) -> None:
        self._teach(c.Start())

    def next_day(self) -> None:
        self._teach(c.NextDay())

    def toggle_vote(self) -> None:
        if self.snapshot is not None:
            self._teach(c.Configure(not self.snapshot.view["vote"]))

    def new_room(self) -> None:
        scenario = self.host.call(lambda: self.host.classroom.rooms[self.code].scenario)
        self.code = self.host.call(lambda: self.host.classroom.create_room(scenario)).code
        self._qr = None
        self._refresh()

    # --- layout -------------------------------------------------------------------------------------------
    def build(self, size) -> None:
        theme = self.theme
        _ = self.app.words
        m = layout.margin(theme)
        button_h = theme.px(48)
        self.bar = layout.top_bar(size, theme)
        self.footer = pygame.Rect(m, size[1] - m - button_h, size[0] - 2 * m, button_h)
        self.area = pygame.Rect(m, self.bar.bottom + m, size[0] - 2 * m, self.footer.y - self.bar.bottom - 2 * m)
        buttons = self._buttons()
        widths = [max(theme.px(150), theme.measure(label, "button") + theme.px(70)) for label, *_ in buttons]
        x = self.footer.right
        for (label, action, hint, kind), width in reversed(list(zip(buttons, widths))):
            x -= width
            self.add(Button(pygame.Rect(x, self.footer.y, width, button_h), label, action, kind=kind, hint=hint))
            x -= m
        if self.snapshot is None:
            return
        view = self.snapshot.view
        if view["phase"] == "lobby":
            self._build_lobby(view)
        else:
            self._build_game(view)

    def _buttons(self) -> list[tuple[str, Any, str, str]]:
        _ = self.app.words
        stop = (_("Stop hosting"), self.back, "Esc", "secondary")
        if self.snapshot is None:
            return [stop]
        view = self.snapshot.view
        phase = view["phase"]
        buttons = [stop]
        if phase == "lobby":
            vote = _("Teams vote: on") if view["vote"] else _("Teams vote: off")
            buttons += [(vote, self.toggle_vote, "V", "secondary"), (_("Start the game"), self.start_game, "S", "primary")]
        elif phase == "resolved":
            ending = view.get("resolution", {}).get("ending")
            buttons.append((_("Show the ending") if ending else _("Open the next day"), self.next_day, "N", "primary"))
        elif phase == "ended":
            buttons.append((_("New room"), self.new_room, "", "primary"))
        return buttons

    def _build_lobby(self, view: dict) -> None:
        theme = self.theme
        left, right = layout.split_columns(self.area, [0.6, 0.4], layout.margin(theme) * 2)
        self.qr_rect = pygame.Rect(0, 0, min(right.w, right.h - theme.px(40)), min(right.w, right.h - theme.px(40)))
        self.qr_rect.midtop = (right.centerx, right.y)
        self.lobby_left = left

    def _build_game(self, view: dict) -> None:
        theme = self.theme
        m = layout.margin(theme)
        snapshot = self.snapshot
        session = snapshot.session
        scenario = session.scenario
        self.shown = Match(session, {}, self.app.language, None, None)  # for the meters and the record: not a game of the window
        calendar = pygame.Rect(self.area.x, self.area.y, self.area.w, theme.px(30))
        played = {scenario.days[record.day_index].date for record in session.state.history}
        today = (view.get("day") or {}).get("date") or scenario.days[-1].date
        self.add(CalendarStrip(calendar, scenario.first_date, scenario.last_date, [d.date for d in scenario.days],
                               today, played))
        main = pygame.Rect(self.area.x, calendar.bottom + m, self.area.w, self.area.bottom - calendar.bottom - m)
        left, right = layout.split_columns(main, [0.5, 0.5], m * 2)
        # the meters always at the foot of the right column; above them the teams while they decide,
        # or the map while the left column tells what happened
        meters_h = min(meters_height(theme, scenario, right.w), round(right.h * 0.62))
        upper, self.meters_rect = layout.split_rows(right, [None, meters_h], m)
        deciding = view["phase"] == "deciding"
        self.teams_rect = upper if deciding else None
        self.text_rect = None if deciding else left
        values = session.state.values
        record = session.state.history[-1] if session.state.history else None
        map_rect = left if deciding else upper
        if map_model.is_caribbean(scenario):
            date = view["day"]["date"] if view.get("day") else today
            picture = map_model.map_picture(scenario, date, values, session.state.history)
            self.add(MapView(map_rect, "caribbean", self.app.art, picture))
        else:
            self.add(MapView(map_rect, "world", self.app.art))
        start = record.values_before if view["phase"] == "resolved" and record else None
        self.flags_rect = add_meters(self, self.meters_rect, self.shown, values, start=start)
        if view["phase"] == "resolved" and view.get("resolution"):
            self.add(TextBox(left.inflate(-theme.px(28), -theme.px(24)), resolution_blocks(self.shown, record),
                             theme, gap=6, name="what happened"))
        elif view["phase"] == "ended" and view.get("ending"):
            ending = view["ending"]
            blocks = [(ending["title"], "title", "ink"), (ending["text"], "body", "ink")]
            if ending["history"]:
                blocks.append((ending["history"], "italic", "ink_soft"))
            self.add(TextBox(left.inflate(-theme.px(28), -theme.px(24)), blocks, theme, gap=10, name="ending"))

    def first_focus(self):
        primary = [w for w in self.widgets if isinstance(w, Button) and w.kind == "primary" and w.can_focus]
        return primary[-1] if primary else super().first_focus()

    # --- drawing ------------------------------------------------------------------------------------------
    def paint_static(self, surface: pygame.Surface) -> None:
        theme = self.theme
        palette = theme.palette
        _ = self.app.words
        if self.snapshot is None:
            self.heading_bar(surface, _("Host a class"))
            message = self.problem or _("Starting the classroom server…")
            lines = theme.wrap(message, "heading", self.area.w)
            y = self.area.y
            for line in lines:
                blit_text(surface, theme, line, "heading", palette.bad if self.problem else palette.ink, (self.area.x, y))
                y += theme.line_height("heading")
            return
        view = self.snapshot.view
        if view["phase"] == "lobby":
            self.heading_bar(surface, _("Host a class"), view["scenario"]["title"])
            self._paint_lobby(surface, view)
            return
        day = view.get("day")
        if day:
            self.heading_bar(surface, day["title"], f"{day['long_date']} \u00b7 "
                             + _("Day {number} of {total}", number=day["number"], total=day["of"]))
        else:
            self.heading_bar(surface, view["scenario"]["title"])
        blit_text(surface, theme, _("Room {code}", code=view["room"]), "subheading", palette.ink_soft,
                  (self.bar.right - layout.margin(theme), self.bar.centery), "midright")
        self.flag_texts = paint_meters_panel(surface, theme, self.meters_rect, self.flags_rect, self.shown,
                                             self.snapshot.session.state.values)
        if self.teams_rect is not None:
            self._paint_teams(surface, view)
        if self.text_rect is not None:
            panel(surface, self.text_rect, theme, fill=(251, 246, 234))

    def _paint_lobby(self, surface: pygame.Surface, view: dict) -> None:
        theme = self.theme
        palette = theme.palette
        _ = self.app.words
        left = self.lobby_left
        y = left.y
        url = self.host.address.url if self.host and self.host.address else ""
        blit_text(surface, theme, theme.fit(_("Students open {address} and type the code", address=url), "heading", left.w),
                  "heading", palette.ink, (left.x, y))
        y += theme.line_height("heading") + theme.px(4)
        code = self._code_surface(view["room"], left.w)
        surface.blit(code, (left.x - theme.px(4), y))
        y += code.get_height() + theme.px(6)
        if self.host and self.host.address and not self.host.address.on_network:
            for line in theme.wrap(_("This machine is on no network: students' devices cannot reach it. Connect it to "
                                     "the classroom's Wi-Fi, then host again."), "body", left.w):
                blit_text(surface, theme, line, "body", palette.bad, (left.x, y))
                y += theme.line_height("body")
            y += theme.px(6)
        how = _("Each team votes: the majority gives the order, the leader breaks a tie.") if view["vote"] \
            else _("Each team's leader gives the order; the advisors recommend.")
        blit_text(surface, theme, theme.fit(how, "body", left.w), "body", palette.ink_soft, (left.x, y))
        y += theme.line_height("body") + theme.px(12)
        self._paint_roster(surface, view, pygame.Rect(left.x, y, left.w, left.bottom - y))
        qr = self._qr_surface(view["room"], self.qr_rect.w)
        spot = qr.get_rect(midtop=self.qr_rect.midtop)
        surface.blit(qr, spot)
        blit_text(surface, theme, _("Or scan this code with a phone's camera."), "body", palette.ink_soft,
                  (spot.centerx, spot.bottom + theme.px(8)), "midtop")

    def _paint_roster(self, surface: pygame.Surface, view: dict, area: pygame.Rect) -> None:
        theme = self.theme
        palette = theme.palette
        _ = self.app.words
        columns = layout.split_columns(area, [1] * len(view["teams"]), layout.margin(theme))
        for team, column in zip(view["teams"], columns):
            panel(surface, column, theme)
            x, y = column.x + theme.px(12), column.y + theme.px(8)
            blit_text(surface, theme, theme.fit(team["name"], "heading", column.w - theme.px(24)), "heading",
                      palette.ink, (x, y))
            y += theme.line_height("heading") + theme.px(2)
            if not team["members"]:
                blit_text(surface, theme, _("Nobody has taken a seat yet."), "italic", palette.ink_faint, (x, y))
                continue
            for member in team["members"]:
                if y + theme.line_height("body") > column.bottom - theme.px(6):
                    break
                place = _("leader") if member["place"] == "leader" else member["place_name"]
                line = theme.fit(f"{member['name']} \u00b7 {place}", "body", column.w - theme.px(24))
                blit_text(surface, theme, line, "body", palette.ink, (x, y))
                y += theme.line_height("body")

    def _paint_teams(self, surface: pygame.Surface, view: dict) -> None:
        theme = self.theme
        palette = theme.palette
        _ = self.app.words
        columns = layout.split_columns(self.teams_rect, [1] * len(view["teams"]), layout.margin(theme))
        for team, rect in zip(view["teams"], columns):
            panel(surface, rect, theme)
            x, y, width = rect.x + theme.px(16), rect.y + theme.px(10), rect.w - theme.px(32)
            if team["computer"]:
                state, colour = _("The computer plays this team"), palette.ink_soft
            elif team["decided"]:
                state, colour = "\u2713 " + _("has decided"), palette.good
            else:
                state, colour = _("is deciding…"), palette.ink_soft
            names = ", ".join(member["name"] for member in team["members"])
            for text, style, ink in ((team["name"], "heading", palette.ink), (state, "title", colour),
                                     (names, "body", palette.ink_soft)):
                for line in theme.wrap(text, style, width):  # wrapped, never cut: read from the back row
                    if y + theme.line_height(style) > rect.bottom - theme.px(6):
                        break
                    blit_text(surface, theme, line, style, ink, (x, y))
                    y += theme.line_height(style)
                y += theme.px(4)

    def _code_surface(self, code: str, width: int) -> pygame.Surface:
        """The room code as large as the column allows, up to 150 pixels at 720p: read from the back row."""
        size = self.theme.px(150)
        path = font_folder() / "Vollkorn-Bold.ttf"
        while True:
            font = pygame.font.Font(path, size) if os.path.exists(path) else pygame.font.Font(None, size)
            spaced = " ".join(code)
            if font.size(spaced)[0] <= width or size <= 24:
                return font.render(spaced, True, self.theme.palette.accent)
            size = round(size * 0.9)

    def _qr_surface(self, code: str, side: int) -> pygame.Surface:
        """The join link as a QR code, dark modules on white, scaled by whole pixels so it stays sharp."""
        if self._qr is not None and self._qr.get_width() <= side and self._qr_for == (code, side):
            return self._qr
        import qrcode

        from game.classroom.server import join_link

        link = join_link(self.host.address.url if self.host and self.host.address else "", code)
        maker = qrcode.QRCode(border=2)
        maker.add_data(link)
        maker.make(fit=True)
        matrix = maker.get_matrix()
        modules = len(matrix)
        small = pygame.Surface((modules, modules))
        small.fill((255, 255, 255))
        for row, cells in enumerate(matrix):
            for column, dark in enumerate(cells):
                if dark:
                    small.set_at((column, row), (20, 20, 20))
        scale = max(1, side // modules)
        self._qr = pygame.transform.scale(small, (modules * scale, modules * scale))
        self._qr_for = (code, side)
        return self._qr

    def static_texts(self) -> list[str]:
        if self.snapshot is None:
            return [self.problem or ""]
        view = self.snapshot.view
        texts = [view["room"], *(team["name"] for team in view["teams"])]
        texts += [member["name"] for team in view["teams"] for member in team["members"]]
        return texts

    # --- keys ---------------------------------------------------------------------------------------------
    def on_key(self, event) -> bool:
        if self.snapshot is not None:
            phase = self.snapshot.view["phase"]
            if event.key == pygame.K_s and phase == "lobby":
                self.start_game()
                return True
            if event.key == pygame.K_v and phase == "lobby":
                self.toggle_vote()
                return True
            if event.key == pygame.K_n and phase == "resolved":
                self.next_day()
                return True
        return super().on_key(event)

    def back(self) -> bool:
        self.app.pop()
        return True
