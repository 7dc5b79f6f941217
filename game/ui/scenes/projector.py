"""Host a class: the window serves the classroom and becomes the projector.

While this screen is open the classroom server runs on a thread of its own (``BackgroundHost``).
Before the game it shows the address and the room code in type to read from the back of a
room, a QR code to scan, and who has joined where; during the game the date, the map, DEFCON
and the meters, the calendar, which teams have decided (never what), and each day's resolution;
at the end, the ending. The teacher at the window starts the game, lets teams vote, and opens
each next day (buttons, or S, V and N); pauses and resumes the decision clock (P), adds a minute
or five (A, F) and takes the last day back (U), each key shown on its button; the clock counts
down in the heading. Leaving the screen stops the server; every room is
kept, and "Host a class" brings the last one back.

The room lives on the server's thread: this screen reads it only through ``BackgroundHost.call``,
as a snapshot taken there (the public view and the engine's session, an immutable value).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pygame

from game import paths
from game.classroom import commands as c
from game.classroom.room import Room, RoomError
from game.classroom.views import PROJECTOR, view_for
from game.ui import layout, map_model
from game.ui.keymap import CLASSROOM
from game.ui.map_view import MapView
from game.ui.match import Match, load_cached
from game.ui.scenes.base import Scene
from game.ui.scenes.common import add_meters, add_status, meters_height, paint_in_force, stakes, status_height
from game.ui.scenes.resolution import resolution_blocks
from game.ui.theme import font_folder
from game.ui.widgets.base import blit_text, panel
from game.ui.widgets.button import Button, button_height, button_width
from game.ui.widgets.calendar import CalendarStrip, calendar_height
from game.ui.widgets.textbox import TextBox

if TYPE_CHECKING:  # imported when hosting starts: the server's packages load only then
    from game.classroom.host import BackgroundHost

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
        self.host: BackgroundHost | None = None
        self.code: str | None = None
        self.snapshot: Snapshot | None = None
        self.problem: str | None = None
        self.waited = 0.0
        self._shape: tuple | None = None  # what the layout was built for: a new phase or day lays the screen out again
        self._code_font: pygame.font.Font | None = None
        self._qr: pygame.Surface | None = None
        self._qr_for: tuple | None = None

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
            _ = self.app.words
            raise ValueError(_("no scenario was found"))
        return load_cached(path, self.app.scenario_cache)

    def _room_to_show(self, scenario) -> Room:
        """On the server's thread: the latest room still open, or a new one."""
        assert self.host is not None  # hosting
        classroom = self.host.classroom
        open_rooms = classroom.open_rooms()
        return open_rooms[-1] if open_rooms else classroom.create_room(scenario)

    def _refresh(self) -> None:
        host, code, language = self.host, self.code, self.app.language
        assert host is not None and code is not None  # hosting

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
        # the clock paused or not, and whether a day can be taken back, change the buttons too
        return view["phase"], day.get("index"), view["vote"], (view.get("clock") or {}).get("paused"), len(view["record"])

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.host is None:
            return
        self.waited += dt
        if self.waited < POLL_SECONDS:
            return
        self.waited = 0.0
        assert self.host is not None and self.code is not None  # hosting
        room = self.host.classroom.rooms.get(self.code)
        if room is not None and self.snapshot is not None and room.version != self.snapshot.version:
            self._refresh()  # reading one integer across threads is safe; the snapshot is taken there
        shown = self.clock_text()
        if shown != getattr(self, "_clock_shown", ""):
            self._clock_shown = shown
            self._background = None  # the heading's clock moves on a second

    def shutdown(self) -> None:
        if self.host is not None:
            self.host.stop()
            self.host = None

    def _teach(self, command) -> None:
        """Act as the teacher: the command goes through the classroom on the server's thread."""
        assert self.host is not None and self.code is not None  # hosting
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

    def toggle_pause(self) -> None:
        if self.snapshot is not None:
            paused = (self.snapshot.view.get("clock") or {}).get("paused")
            self._teach(c.Resume() if paused else c.Pause())

    def add_minute(self) -> None:
        self._teach(c.AddTime(60))

    def add_five_minutes(self) -> None:
        self._teach(c.AddTime(300))

    def undo_day(self) -> None:
        self._teach(c.Undo())

    def clock_text(self) -> str:
        """Today's time left as m:ss (the server runs in this process, so its clock is this one's)."""
        clock = (self.snapshot.view.get("clock") if self.snapshot is not None else None) or {}
        if self.snapshot is None or self.snapshot.view["phase"] != "deciding":
            return ""
        if clock.get("running") and clock.get("deadline") is not None:
            left = max(0.0, clock["deadline"] - time.time())
        elif clock.get("left") is not None:
            left = clock["left"]
        else:
            return ""
        whole = int(-(-left // 1))
        text = f"{whole // 60}:{whole % 60:02d}"
        return f"{self.app.words('Paused')} {text}" if clock.get("paused") else text

    def toggle_vote(self) -> None:
        if self.snapshot is not None:
            self._teach(c.Configure(not self.snapshot.view["vote"]))

    def new_room(self) -> None:
        host, code = self.host, self.code
        assert host is not None and code is not None  # hosting
        scenario = host.call(lambda: host.classroom.rooms[code].scenario)
        self.code = host.call(lambda: host.classroom.create_room(scenario)).code
        self._qr = None
        self._refresh()

    # --- layout -------------------------------------------------------------------------------------------
    def build(self, size) -> None:
        theme = self.theme
        _ = self.app.words
        m = layout.margin(theme)
        view = self.snapshot.view if self.snapshot is not None else None
        day = (view or {}).get("day")
        self.room_label = _("Room {code}", code=view["room"]) if view and view["phase"] != "lobby" else ""
        # while the teams decide, the clock stands where the room's code stands otherwise
        reserve = max(theme.measure(self.room_label, "subheading"), theme.measure(f"{_('Paused')} 00:00", "subheading")) \
            if self.room_label else 0
        if view is None:
            self.bar = self.plan_heading(_("Host a class"))
        elif view["phase"] == "lobby":
            self.bar = self.plan_heading(_("Host a class"), view["scenario"]["title"])
        elif day:
            self.bar = self.plan_heading(day["title"], f"{day['long_date']} \u00b7 "
                                         + _("Day {number} of {total}", number=day["number"], total=day["of"]), reserve)
        else:
            self.bar = self.plan_heading(view["scenario"]["title"], "", reserve)
        buttons = self._buttons()
        button_h = button_height(theme)
        self.footer = pygame.Rect(m, size[1] - m - button_h, size[0] - 2 * m, button_h)
        self.area = pygame.Rect(m, self.bar.bottom + m, size[0] - 2 * m, self.footer.y - self.bar.bottom - 2 * m)
        # the teacher's keys on buttons, as many as the footer holds (the least needed give way first);
        # every key works whether its button is shown or not
        spare = self.footer.w
        widths = [button_width(theme, button[0], "button", button[2]) + m for button in buttons]
        for dropped in sorted(range(len(buttons)), key=lambda i: buttons[i][4] if len(buttons[i]) > 4 else 0):
            if sum(widths) - m <= spare:
                break
            if buttons[dropped][3] == "primary" or buttons[dropped][1] == self.back:
                continue
            widths[dropped] = 0
        buttons = [button[:4] for button, width in zip(buttons, widths) if width]
        x = self.footer.right
        for label, action, hint, kind in reversed(buttons):
            width = button_width(theme, label, "button", hint)
            x -= width
            self.add(Button(pygame.Rect(x, self.footer.y, width, button_h), label, action, kind=kind, hint=hint))
            x -= m
        self.teams_rect: pygame.Rect | None = None
        self.text_rect: pygame.Rect | None = None
        self.meters_rect: pygame.Rect | None = None
        self.flags_rect: pygame.Rect | None = None
        if view is None:
            return
        if view["phase"] == "lobby":
            self._build_lobby(view)
        else:
            self._build_game(view)

    def _buttons(self) -> list[tuple]:
        _ = self.app.words
        key = self.app.keys.label
        stop = (_("Stop hosting"), self.back, key("back"), "secondary")
        if self.snapshot is None:
            return [stop]
        view = self.snapshot.view
        phase = view["phase"]
        buttons: list[tuple] = [stop]
        if phase == "lobby":
            vote = _("Teams vote: on") if view["vote"] else _("Teams vote: off")
            buttons += [(vote, self.toggle_vote, key("vote"), "secondary"), (_("Start the game"), self.start_game, key("start"), "primary")]
        elif phase in ("deciding", "resolved"):
            paused = (view.get("clock") or {}).get("paused")
            buttons.append((_("Resume the clock") if paused else _("Pause the clock"), self.toggle_pause, key("pause_clock"), "secondary", 3))
            if phase == "deciding":  # the fifth item: which button gives way first when the footer is short
                buttons += [(_("+1 min"), self.add_minute, key("add_minute"), "secondary", 2),
                            (_("+5 min"), self.add_five_minutes, key("add_five_minutes"), "secondary", 0)]
            if self.snapshot.session.earlier:
                buttons.append((_("Undo the last day"), self.undo_day, key("undo_day"), "secondary", 1))
            if phase == "resolved":
                ending = view.get("resolution", {}).get("ending")
                buttons.append((_("Show the ending") if ending else _("Open the next day"), self.next_day, key("next_day"), "primary"))
        elif phase == "ended":
            buttons.append((_("New room"), self.new_room, "", "primary"))
        return buttons

    def _build_lobby(self, view: dict) -> None:
        theme = self.theme
        left, right = layout.split_columns(self.area, [0.6, 0.4], layout.margin(theme) * 2)
        with theme.measuring():
            caption = len(theme.wrap(self.app.words("Or scan this code with a phone's camera."), "body", right.w))
        side = max(theme.px(80), min(right.w, right.h - caption * theme.line_height("body") - theme.px(10)))
        self.qr_rect = pygame.Rect(0, 0, side, side)
        self.qr_rect.midtop = (right.centerx, right.y)
        self.qr_column = right
        self.lobby_left = left

    def _build_game(self, view: dict) -> None:
        theme = self.theme
        m = layout.margin(theme)
        assert self.snapshot is not None  # built from a snapshot
        session = self.snapshot.session
        scenario = session.scenario
        # for the meters and the record, as every seat sees them (a secret of one seat stays off the wall):
        # not a game of the window
        self.shown = Match(session, {role: "human" for role in scenario.roles}, self.app.language, None, None)
        seats = self.seats = tuple(scenario.roles)
        values = session.state.values
        record = session.state.history[-1] if session.state.history else None
        deciding = view["phase"] == "deciding"
        start = record.values_before if view["phase"] == "resolved" and record else None
        # the gauge, the meters and what is in force take the right column, as wide as their words need;
        # in large type on a small window the calendar gives way to them
        for with_calendar in (True, False):
            top = self.area.y + (calendar_height(theme) + m if with_calendar else 0)
            main = pygame.Rect(self.area.x, top, self.area.w, self.area.bottom - top)
            for share in (0.52, 0.58, 0.64, 0.7):
                left, right = layout.split_columns(main, [1 - share, share], m * 2)
                status_h = status_height(theme, self.shown, right.w, values, seats=seats)
                meters_h = meters_height(theme, self.shown, right.w, values, start is not None, seats)
                panel_h = status_h + meters_h - theme.px(12)
                if panel_h <= right.h:
                    break
            if panel_h <= right.h:
                break
        if with_calendar:
            played = {scenario.days[r.day_index].date for r in session.state.history}
            today = (view.get("day") or {}).get("date") or scenario.days[-1].date
            self.add(CalendarStrip(pygame.Rect(self.area.x, self.area.y, self.area.w, calendar_height(theme)),
                                   scenario.first_date, scenario.last_date, [d.date for d in scenario.days], today, played))
        panel_h = min(panel_h, right.h)
        upper = pygame.Rect(right.x, right.y, right.w, max(0, right.h - panel_h - m))
        self.meters_rect = pygame.Rect(right.x, right.bottom - panel_h, right.w, panel_h)
        status = pygame.Rect(right.x, self.meters_rect.y, right.w, status_h)
        self.flags_rect = add_status(self, status, self.shown, values, start=start, seats=seats)
        add_meters(self, pygame.Rect(right.x, status.bottom - theme.px(12), right.w, meters_h), self.shown, values,
                   start=start, seats=seats)
        map_rect = None
        if deciding:
            # the teams where there is room for them (beside the meters, or else above the map)
            if upper.h >= self._teams_least(view, upper.w):
                self.teams_rect, map_rect = upper, left
            else:
                need = self._teams_least(view, left.w)
                self.teams_rect = pygame.Rect(left.x, left.y, left.w, min(left.h, max(need, left.h // 3)))
                map_rect = pygame.Rect(left.x, self.teams_rect.bottom + m, left.w, left.bottom - self.teams_rect.bottom - m)
        else:
            self.text_rect = left
            map_rect = upper
        if map_rect is not None and map_rect.h >= theme.px(120):
            if map_model.is_caribbean(scenario):
                date = view["day"]["date"] if view.get("day") else scenario.days[-1].date
                picture = map_model.map_picture(scenario, date, values, session.state.history,
                                                   None if session.state.ended else seats)
                self.add(MapView(map_rect, "caribbean", self.app.art, picture))
            else:
                self.add(MapView(map_rect, "world", self.app.art))
        inner = left.inflate(-theme.px(28), -theme.px(24))
        if view["phase"] == "resolved" and record is not None:
            self.add(TextBox(inner, resolution_blocks(self.shown, record), theme, gap=6, name="what happened"))
        elif view["phase"] == "ended" and view.get("ending"):
            ending = view["ending"]
            blocks = [(ending["title"], "title", "ink"), (ending["text"], "body", "ink")]
            if ending["history"]:
                blocks.append((ending["history"], "italic", "ink_soft"))
            self.add(TextBox(inner, blocks, theme, gap=10, name="ending"))

    def first_focus(self):
        primary = [w for w in self.widgets if isinstance(w, Button) and w.kind == "primary" and w.can_focus]
        return primary[-1] if primary else super().first_focus()

    def stakes(self) -> float:
        return stakes(self.snapshot.session.scenario, self.snapshot.session.state.values) \
            if self.snapshot is not None and self.snapshot.view["phase"] != "lobby" else 0.0

    # --- drawing ------------------------------------------------------------------------------------------
    def paint_static(self, surface: pygame.Surface) -> None:
        theme = self.theme
        palette = theme.palette
        _ = self.app.words
        bar = self.heading_bar(surface)
        if self.snapshot is None:
            message = self.problem or _("Starting the classroom server…")
            self._lines(surface, message, "heading", palette.bad if self.problem else palette.ink, self.area, self.area.y)
            return
        view = self.snapshot.view
        if view["phase"] == "lobby":
            self._paint_lobby(surface, view)
            return
        if self.room_label:
            label = self.clock_text() or self.room_label
            assert self.heading is not None  # the bar was just drawn from it
            blit_text(surface, theme, label, "subheading", palette.ink_soft,
                      (bar.right - layout.margin(theme), self.heading.first_line.centery), "midright", bar)
        # the game's layout has placed the meters, and a snapshot is shown
        assert self.meters_rect is not None and self.flags_rect is not None and self.snapshot is not None
        panel(surface, self.meters_rect, theme)
        paint_in_force(surface, theme, self.flags_rect, self.shown, self.snapshot.session.state.values, self.seats)
        if self.teams_rect is not None:
            self._paint_teams(surface, view)
        if self.text_rect is not None:
            panel(surface, self.text_rect, theme, fill=(251, 246, 234))

    def _lines(self, surface, text: str, style: str, colour, box: pygame.Rect, y: int) -> int:
        """Wrapped lines inside ``box`` from ``y``; returns the y under them (stops at the box's foot)."""
        theme = self.theme
        for line in theme.wrap(text, style, box.w):
            if y + theme.line_height(style) > box.bottom:
                break
            blit_text(surface, theme, line, style, colour, (box.x, y), "topleft", box)
            y += theme.line_height(style)
        return y

    def _paint_lobby(self, surface: pygame.Surface, view: dict) -> None:
        theme = self.theme
        palette = theme.palette
        _ = self.app.words
        left = self.lobby_left
        url = self.host.address.url if self.host and self.host.address else ""
        y = self._lines(surface, _("Students open {address} and type the code", address=url), "heading", palette.ink,
                        left, left.y)
        code = self._code_surface(view["room"], left.w)
        surface.blit(code, (left.x, y))
        y += code.get_height() + theme.px(6)
        if self.host and self.host.address and not self.host.address.on_network:
            y = self._lines(surface, _("This machine is on no network: students' devices cannot reach it. Connect "
                                       "it to the classroom's Wi-Fi, then host again."), "body", palette.bad, left, y)
            y += theme.px(6)
        how = _("Each team votes: the majority gives the order, the leader breaks a tie.") if view["vote"] \
            else _("Each team's leader gives the order; the advisors recommend.")
        y = self._lines(surface, how, "body", palette.ink_soft, left, y) + theme.px(12)
        if left.bottom - y >= theme.px(60):
            self._paint_roster(surface, view, pygame.Rect(left.x, y, left.w, left.bottom - y))
        qr = self._qr_surface(view["room"], self.qr_rect.w)
        spot = qr.get_rect(midtop=self.qr_rect.midtop)
        surface.blit(qr, spot)
        caption = pygame.Rect(self.qr_column.x, spot.bottom + theme.px(8), self.qr_column.w,
                              self.qr_column.bottom - spot.bottom - theme.px(8))
        for line in theme.wrap(_("Or scan this code with a phone's camera."), "body", caption.w):
            blit_text(surface, theme, line, "body", palette.ink_soft, (caption.centerx, caption.y), "midtop", caption)
            caption.y += theme.line_height("body")

    def _paint_roster(self, surface: pygame.Surface, view: dict, area: pygame.Rect) -> None:
        theme = self.theme
        palette = theme.palette
        _ = self.app.words
        columns = layout.split_columns(area, [1] * len(view["teams"]), layout.margin(theme))
        for team, column in zip(view["teams"], columns):
            panel(surface, column, theme)
            box = column.inflate(-theme.px(24), -theme.px(16))
            y = self._lines(surface, team["name"], "heading", palette.ink, box, box.y) + theme.px(2)
            if not team["members"]:
                self._lines(surface, _("Nobody has taken a seat yet."), "italic", palette.ink_faint, box, y)
                continue
            for index, member in enumerate(team["members"]):
                place = _("leader") if member["place"] == "leader" else member["place_name"]
                lines = theme.wrap(f"{member['name']} \u00b7 {place}", "body", box.w)
                left_over = len(team["members"]) - index
                if y + (len(lines) + 1) * theme.line_height("body") > box.bottom and left_over > 1:
                    self._lines(surface, _("and {count} more", count=left_over), "italic", palette.ink_soft, box, y)
                    break
                y = self._lines(surface, f"{member['name']} \u00b7 {place}", "body", palette.ink, box, y)

    def _teams_least(self, view: dict, width: int) -> int:
        """The height the teams' panels need at least: each name and whether it has decided, in small type."""
        theme = self.theme
        column = (width - layout.margin(theme) * (len(view["teams"]) - 1)) // max(1, len(view["teams"])) - theme.px(28)
        with theme.measuring():
            lines = max(len(theme.wrap(team["name"], "small_bold", column)) * theme.line_height("small_bold")
                        + 2 * theme.line_height("subheading") for team in view["teams"])
        return lines + theme.px(16)

    def _paint_teams(self, surface: pygame.Surface, view: dict) -> None:
        """Each team, and whether it has decided (never what), in the largest type that fits."""
        theme = self.theme
        palette = theme.palette
        _ = self.app.words
        assert self.teams_rect is not None  # laid out while the teams decide
        columns = layout.split_columns(self.teams_rect, [1] * len(view["teams"]), layout.margin(theme))
        for team, rect in zip(view["teams"], columns):
            if rect.h < theme.px(40):
                continue
            panel(surface, rect, theme)
            box = rect.inflate(-theme.px(28), -theme.px(16))
            if team["computer"]:
                state, colour = _("The computer plays this team"), palette.ink_soft
            elif team["decided"]:
                state, colour = "\u2713 " + _("has decided"), palette.good
            else:
                state, colour = _("is deciding…"), palette.ink_soft
            names = ", ".join(member["name"] for member in team["members"])
            with theme.measuring():
                for styles in (("heading", "title", "body"), ("subheading", "heading", "small"),
                               ("small_bold", "subheading", None)):
                    needed = sum(len(theme.wrap(text, style, box.w)) * theme.line_height(style)
                                 for text, style in ((team["name"], styles[0]), (state, styles[1]),
                                                     (names, styles[2] or styles[1])) if style and text)
                    if needed <= box.h:
                        break
            y = self._lines(surface, team["name"], styles[0], palette.ink, box, box.y)
            y = self._lines(surface, state, styles[1], colour, box, y)
            if styles[2] and names:
                self._lines(surface, names, styles[2], palette.ink_soft, box, y)

    def _code_surface(self, code: str, width: int) -> pygame.Surface:
        """The room code as large as the column allows, up to 150 pixels at 720p: read from the back row."""
        size = self.theme.px(150)
        path = font_folder() / "Vollkorn-Bold.ttf"
        spaced = " ".join(code)
        while True:
            font = pygame.font.Font(path, size) if os.path.exists(path) else pygame.font.Font(None, size)
            if font.size(spaced)[0] <= width or size <= 24:
                return font.render(spaced, True, self.theme.palette.accent)
            size = round(size * 0.9)

    def _qr_surface(self, code: str, side: int) -> pygame.Surface:
        """The join link as a QR code, dark modules on white, scaled by whole pixels so it stays sharp."""
        if self._qr is not None and self._qr_for == (code, side):
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
            actions = {}
            if phase == "lobby":
                actions = {"start": self.start_game, "vote": self.toggle_vote}
            if phase == "resolved":
                actions["next_day"] = self.next_day
            if phase in ("deciding", "resolved"):
                actions.update({"pause_clock": self.toggle_pause, "undo_day": self.undo_day})
                if phase == "deciding":
                    actions.update({"add_minute": self.add_minute, "add_five_minutes": self.add_five_minutes})
            action = self.app.keys.action_for(event, CLASSROOM)
            if action in actions:
                actions[action]()
                return True
        return super().on_key(event)

    def back(self) -> bool:
        self.app.pop()
        return True
