"""The classroom's web server: aiohttp serving the pages, the pictures and one websocket per screen.

``Classroom`` holds the rooms, their store and their open connections, and is the one place a
browser's message becomes a room command: it checks the message (``protocol.parse``), checks
that the sender may send it (a student acts only for their own seat, the teacher only with the
teacher's token, everything in its phase), applies it to the room, keeps it in the store, and
sends every screen of the room its new view (``views.view_for``). A bad message gets an error
frame in the sender's language and a log line, and changes nothing.

Everything runs on one asyncio loop, so rooms need no locks. aiohttp was chosen over Starlette
and uvicorn because one package brings the server, the websocket and a websocket client (the
tests and the benchmark play whole games with it), and it runs inside the window's own thread
as easily as from the command line.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hmac
import json
import logging
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable

import jinja2
from aiohttp import WSMsgType, web

from game import i18n, paths
from game.art.catalog import FACE_WINDOW
from game.engine.atomic import remove_orphans, write_atomically
from game.engine.log import render_lines
from game.classroom import codes, protocol
from game.classroom import commands as c
from game.classroom.debrief import ReportMaker
from game.classroom.protocol import Message, ProtocolError
from game.classroom.room import Member, Room, RoomError
from game.classroom.store import RoomRecord, RoomStore, StoreError
from game.classroom.views import PROJECTOR, TEACHER, view_pieces
from game.scenario.load import load_scenario
from game.scenario.model import Scenario, Text

log = logging.getLogger("brink.classroom")

WEB = Path(__file__).resolve().parent / "web"
RATE = 8.0  # messages a second a connection may keep up
BURST = 24  # ... and at once
CLOSE_AFTER_REFUSED = 200  # a connection refused this many times in a row for flooding is closed
MAX_WEBSOCKET_FRAME = 64 * 1024  # beyond this aiohttp closes the connection; below, protocol.parse refuses
TICK = 0.25  # seconds between two looks at the rooms' clocks and letters in transit


# --- the rooms ------------------------------------------------------------------------------------
class Classroom:
    """The rooms one host holds, their store, and the screens connected to each."""

    def __init__(self, store: RoomStore, clock: Callable[[], float] = time.time):
        self.store = store
        self.clock = clock
        self.rooms: dict[str, Room] = {}
        self.screens: dict[str, set[Screen]] = {}
        self._scenarios: dict[tuple[str, str], Scenario] = {}
        self.listeners: list[Callable[[Room], None]] = []  # told after every change (the window's projector)
        self._dirty: set[str] = set()  # rooms changed since their screens were last sent a view
        self._sending: set[str] = set()  # rooms whose views are on their way
        self.log_folder = store.path.parent / "logs"  # each room's session log, beside the room file
        self._logged: dict[str, int] = {}  # room -> the log lines last written
        self.reports = ReportMaker()  # the debrief reports the teacher asks for
        # while serving, logs are written on a thread of their own (in order), so a slow disk's
        # flush never holds up the rooms; without one (tests, restore) they are written at once
        self._writer: concurrent.futures.ThreadPoolExecutor | None = None

    # creating and restoring
    def create_room(self, scenario: Scenario, seed: int | None = None, minutes: float | None = None) -> Room:
        seed = seed if seed is not None else random.SystemRandom().randrange(1, 1_000_000)
        code = codes.new_code(self.rooms.keys() | {record.code for record in self.store.rooms()})
        record = RoomRecord(code, self.clock(), scenario.id, str(Path(scenario.path).resolve()), scenario.digest,
                            seed, codes.new_token())
        self.store.add_room(record)
        self._scenarios[(record.scenario_path, record.digest)] = scenario
        room = self.rooms[code] = self._new_room(record, scenario)
        if minutes is not None:
            self.act(room, c.Timing(minutes=minutes))
        log.info("room %s created: %s, seed %s", code, scenario.id, seed)
        return room

    def _new_room(self, record: RoomRecord, scenario: Scenario) -> Room:
        return Room(record.code, scenario, record.seed, record.teacher_token, record.created, self.clock)

    def restore(self) -> list[str]:
        """Every room of the store back in memory, each command replayed; returns what went wrong."""
        remove_orphans(self.log_folder)  # logs a host killed half-way through writing left behind
        problems = []
        for record in self.store.rooms():
            try:
                self.rooms[record.code] = self._replay(record)
            except (OSError, ValueError, RoomError) as error:
                problems.append(f"room {record.code} ({record.scenario_id}) could not be restored: {error}")
        return problems

    def _replay(self, record: RoomRecord) -> Room:
        scenario = self._scenario(record)
        room = self._new_room(record, scenario)
        for at, command in self.store.commands(record.code):
            room.apply(command, at)
        room.tick(self.clock())
        self.write_log(room)
        return room

    def _scenario(self, record: RoomRecord) -> Scenario:
        key = (record.scenario_path, record.digest)
        scenario = self._scenarios.get(key)
        if scenario is None:
            path = record.scenario_path if Path(record.scenario_path).is_file() else paths.find_scenario(record.scenario_id)
            if path is None:
                raise ValueError(f"its scenario {record.scenario_path} is gone")
            scenario = load_scenario(path)
            if scenario.digest != record.digest:
                log.warning("room %s: its scenario file has changed since the room was made; replaying on the new one",
                            record.code)
            self._scenarios[key] = scenario
        return scenario

    def room(self, typed_code: str | None) -> Room | None:
        code = codes.normalise_code(typed_code or "")
        return self.rooms.get(code) if code else None

    def open_rooms(self) -> list[Room]:
        """Rooms whose game has not ended, oldest first."""
        return [room for room in self.rooms.values() if room.phase != "ended"]

    # changing a room
    def act(self, room: Room, command: c.Command) -> None:
        """Apply a command and keep it; raises RoomError (nothing changed) or StoreError (the room
        is put back as the store has it)."""
        at = self.clock()
        room.apply(command, at)
        try:
            self.store.append(room.code, command, at)
        except StoreError:
            # the change is in memory but not on disk: undo it by replaying what the store holds
            self.rooms[room.code] = self._replay(next(r for r in self.store.rooms() if r.code == room.code))
            raise
        self.write_log(room)
        for listener in self.listeners:
            listener(room)

    def tick(self) -> list[str]:
        """The server's time moves on: a room whose clock has run out gets its default orders
        (a command, kept like any other), a letter whose time has come is delivered. Returns
        the rooms whose screens need a new view. The tests call it with a fake clock."""
        now = self.clock()
        changed = []
        for room in list(self.rooms.values()):
            if room.clock_ran_out(now):
                try:
                    self.act(room, c.Expire())
                except (RoomError, StoreError) as error:
                    log.error("room %s: the clock ran out but could not decide: %s", room.code, error)
                    continue
                changed.append(room.code)
            elif room.tick(now):
                changed.append(room.code)
        return changed

    async def keep_time(self) -> None:
        """Forever: tick, and send the changed rooms' screens their views."""
        while True:
            await asyncio.sleep(TICK)
            try:
                for code in self.tick():
                    await self.broadcast(code)
            except Exception:  # noqa: BLE001 - one bad tick must not stop the clock for every room
                log.exception("the rooms' clock stumbled")

    def log_path(self, room: Room) -> Path:
        return self.log_folder / f"{room.code}.jsonl"

    def write_log(self, room: Room) -> None:
        """The room's session log, rewritten atomically when a line has been added. A log that
        cannot be written is reported and the game goes on: the room file keeps everything, and
        the next change writes the whole log again."""
        lines = len(room.journal)
        if self._logged.get(room.code) == lines:
            return
        self._logged[room.code] = lines
        text = render_lines(room.log_lines())
        if self._writer is None:
            self._write_file(room.code, self.log_path(room), text)
        else:
            self._writer.submit(self._write_file, room.code, self.log_path(room), text)

    def _write_file(self, code: str, path: Path, text: str) -> None:
        try:
            write_atomically(path, text)
        except OSError as error:
            self._logged.pop(code, None)
            log.error("room %s: cannot write its log %s: %s", code, path, error)

    def write_in_background(self) -> None:
        if self._writer is None:
            self._writer = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="brink-logs")

    def finish_writes(self) -> None:
        """Every log written that was asked for (then written at once again)."""
        writer, self._writer = self._writer, None
        if writer is not None:
            writer.shutdown(wait=True)

    # the screens of a room
    async def broadcast(self, code: str) -> None:
        """Send every screen of a room its view. Changes that come while views are on their way
        (a whole class recommending at once) are sent together in the next round, never lost."""
        self._dirty.add(code)
        if code in self._sending:
            return
        self._sending.add(code)
        try:
            await asyncio.sleep(0)  # changes already waiting in this turn of the loop join this round
            while code in self._dirty:
                self._dirty.discard(code)
                room = self.rooms.get(code)
                screens = list(self.screens.get(code, ()))
                if room is not None and screens:
                    await asyncio.gather(*(screen.send_view(room) for screen in screens), return_exceptions=True)
        finally:
            self._sending.discard(code)


# --- one browser's connection ---------------------------------------------------------------------
@dataclass(eq=False)
class Screen:
    """One websocket: whose screen it is (a member, the projector or the teacher) and its manners."""

    socket: web.WebSocketResponse
    peer: str
    room: str | None = None
    member: str | None = None  # the member id, for a student's screen
    kind: str | None = None  # "student", PROJECTOR or TEACHER
    language: str = i18n.SOURCE_LANGUAGE
    allowance: float = BURST
    checked_at: float = field(default_factory=time.monotonic)
    refused_in_a_row: int = 0
    warned_at: float = 0.0
    sent: dict = field(default_factory=dict)  # each field of the view as last sent (JSON text)

    def viewer(self, room: Room) -> Member | str:
        assert self.kind is not None  # a screen says who it is before it is shown a room
        if self.kind != "student":
            return self.kind
        assert self.member is not None  # a student's screen carries the member
        return room.members[self.member]

    def words(self) -> i18n.Words:
        return i18n.words(self.language)

    async def send_view(self, room: Room) -> None:
        """The screen's view: in full the first time, then only the fields that changed (a field
        gone is sent as null); nothing at all when the change is one this screen cannot see."""
        viewer = self.viewer(room)
        pieces = view_pieces(room, viewer, None if isinstance(viewer, Member) else self.language)
        if self.sent:
            changed = {key: text for key, text in pieces.items() if self.sent.get(key) != text}
            changed.update({key: "null" for key in self.sent if key not in pieces})
            if not changed:
                return
            changed = {"type": pieces["type"], "v": pieces["v"], "delta": "true", **changed}
        else:
            changed = pieces
        self.sent = pieces
        await self._send_text("{" + ",".join(f"{json.dumps(key)}:{text}" for key, text in changed.items()) + "}")

    async def send(self, payload: dict) -> None:
        await self._send_text(_json(payload))

    async def _send_text(self, text: str) -> None:
        if not self.socket.closed:
            await self.socket.send_str(text)

    async def refuse(self, message: str, values: dict) -> None:
        words = self.words()
        # a scenario's text among the values (a seat's name) is read in this screen's language too
        shown = {key: value.get(words.language) if isinstance(value, Text) else value for key, value in values.items()}
        await self.send({"type": "error", "v": protocol.VERSION, "message": words(message, **shown)})

    def take_allowance(self) -> bool:
        """A token bucket: RATE messages a second, BURST at once."""
        now = time.monotonic()
        self.allowance = min(BURST, self.allowance + (now - self.checked_at) * RATE)
        self.checked_at = now
        if self.allowance < 1:
            return False
        self.allowance -= 1
        return True

    def who(self) -> str:
        return f"{self.room or '-'} {self.kind or 'stranger'}{' ' + self.member if self.member else ''} from {self.peer}"


def _json(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


async def serve_socket(request: web.Request) -> web.WebSocketResponse:
    classroom = request.app[CLASSROOM]
    socket = web.WebSocketResponse(heartbeat=20, max_msg_size=MAX_WEBSOCKET_FRAME)
    await socket.prepare(request)
    screen = Screen(socket, request.remote or "?")
    try:
        async for frame in socket:
            if frame.type is WSMsgType.TEXT:
                await _receive(classroom, screen, frame.data)
            elif frame.type is WSMsgType.BINARY:
                await _refuse(screen, i18n.N_("That message is not JSON."), {}, "binary frame")
            elif frame.type is WSMsgType.ERROR:
                log.warning("%s: connection error %s", screen.who(), socket.exception())
            if screen.refused_in_a_row >= CLOSE_AFTER_REFUSED:
                log.warning("%s: closed for flooding", screen.who())
                await socket.close(code=1008, message=b"too many messages")
                break
    finally:
        if screen.room is not None:
            classroom.screens.get(screen.room, set()).discard(screen)
    return socket


async def _receive(classroom: Classroom, screen: Screen, frame: str) -> None:
    if not screen.take_allowance():
        screen.refused_in_a_row += 1
        now = time.monotonic()
        if now - screen.warned_at > 1.0:  # one error frame and one log line a second, not one per message
            screen.warned_at = now
            await _refuse(screen, i18n.N_("Too many messages: slow down."), {}, "flooding")
        return
    try:
        message = protocol.parse(frame)
        await _handle(classroom, screen, message)
        screen.refused_in_a_row = 0
    except ProtocolError as error:
        await _refuse(screen, error.message, error.values, f"bad message ({len(frame)} characters): {error}")
    except RoomError as error:
        await _refuse(screen, error.message, error.values, f"refused: {error}")
    except StoreError as error:
        log.error("%s: %s", screen.who(), error)
        await screen.refuse(i18n.N_("The host could not save that. Try again in a moment."), {})


async def _refuse(screen: Screen, message: str, values: dict, why: str) -> None:
    log.warning("%s: %s", screen.who(), why)
    await screen.refuse(message, values)


async def _handle(classroom: Classroom, screen: Screen, message: Message) -> None:
    kind = message.type
    if kind in protocol.OPENING:
        await _open(classroom, screen, message)
        return
    room = classroom.rooms.get(screen.room) if screen.room else None
    if room is None:
        raise ProtocolError(i18n.N_("Join a room first."))
    if kind == "lang":
        await _change_language(classroom, screen, room, message["lang"])
        return
    if kind == "get_log":
        if screen.kind != TEACHER:
            raise ProtocolError(i18n.N_("Only the teacher can do that."))
        await screen.send({"type": "log", "v": protocol.VERSION, "name": f"brinkmanship-{room.code}.jsonl",
                           "text": render_lines(room.log_lines())})
        return
    if kind == "get_report":
        await _send_report(classroom, screen, room)
        return
    command = _command(screen, room, message)
    classroom.act(room, command)
    await classroom.broadcast(room.code)


async def _send_report(classroom: Classroom, screen: Screen, room: Room) -> None:
    """The debrief report of the game so far, for the teacher to save or print."""
    if screen.kind != TEACHER:
        raise ProtocolError(i18n.N_("Only the teacher can do that."))
    if not room.session.state.history:
        raise RoomError(i18n.N_("The report needs at least one day played."))
    if classroom.reports.making(room.code):
        raise RoomError(i18n.N_("The report is being made; it will arrive in a moment."))
    await screen.send({"type": "report_started", "v": protocol.VERSION})
    try:
        page = await classroom.reports.make(room.code, room.scenario, room.log_lines(), screen.language)
    except Exception:  # a report that cannot be made must not take the room down with it
        log.exception("room %s: the report could not be made", room.code)
        raise RoomError(i18n.N_("The report could not be made; the host's terminal says why.")) from None
    await screen.send({"type": "report", "v": protocol.VERSION, "name": f"brinkmanship-{room.code}-report.html",
                       "text": page})


def _command(screen: Screen, room: Room, message: Message) -> c.Command:
    """The room command a screen's message stands for, for the screen's own seat only."""
    kind = message.type
    if kind in protocol.TEACHER_ONLY:
        if screen.kind != TEACHER:
            raise ProtocolError(i18n.N_("Only the teacher can do that."))
        if kind == "seat":
            if message["member"] not in room.members:
                raise RoomError(i18n.N_("There is no such student in this room."))
            return c.Sit(message["member"], message["team"], message["place"], by_teacher=True)
        if kind == "configure":
            return c.Configure(message["vote"])
        return _teacher_command(message)
    if screen.kind != "student":
        raise ProtocolError(i18n.N_("Only a student in a seat can do that."))
    member = screen.member
    assert member is not None  # a student's screen carries the member
    if kind == "sit":
        return c.Sit(member, message["team"], message["place"])
    if kind == "recommend":
        return c.Recommend(member, message["choice"], message["reason"] or "")
    if kind == "order":
        return c.Order(member, message["choice"])
    if kind == "send":
        return c.Send(member, message["text"], message["public"], message["to"])
    return c.Withdraw(member) if kind == "withdraw" else c.Decide(member)


def _teacher_command(message: Message) -> c.Command:
    """The command of one of the teacher's buttons (the message's shape already checked)."""
    kind = message.type
    simple: dict[str, Callable[[], c.Command]] = {"start": c.Start, "next_day": c.NextDay, "pause": c.Pause, "resume_clock": c.Resume, "undo": c.Undo,
              "end": c.End}
    if kind in simple:
        return simple[kind]()
    if kind == "add_time":
        return c.AddTime(message["seconds"])
    if kind == "timing":
        return c.Timing(message["minutes"], message["letter_minutes"])
    if kind == "inject_event":
        return c.InjectEvent(message["event"])
    if kind == "inject_news":
        return c.InjectNews(message["text"])
    return c.InjectMeter(message["meter"], message["by"], message["reason"])


async def _open(classroom: Classroom, screen: Screen, message: Message) -> None:
    if screen.room is not None:
        raise ProtocolError(i18n.N_("This connection is already in a room."))
    room = classroom.room(message["room"])
    if room is None:
        raise RoomError(i18n.N_("There is no room {code} on this server. Check the code on the projector."),
                        code=(message["room"] or "")[:16])
    language = i18n.supported(message["lang"])
    kind = message.type
    if kind == "join":
        member_id = f"m{len(room.members) + 1}"
        token = codes.new_token()
        classroom.act(room, c.Join(member_id, token, message["name"], language))
        screen.kind, screen.member, screen.language = "student", member_id, language
        await screen.send({"type": "welcome", "v": protocol.VERSION, "room": room.code, "member": member_id,
                           "token": token})
        log.info("%s: joined as %s", screen.who(), room.members[member_id].name)
    elif kind == "resume":
        token = message["token"]
        if hmac.compare_digest(token.encode(), room.teacher_token.encode()):
            screen.kind, screen.language = TEACHER, language
        else:
            member = _member_with_token(room, token)
            if member is None:
                raise RoomError(i18n.N_("That seat is not in this room any more: join again with your name."))
            screen.kind, screen.member, screen.language = "student", member.id, member.language
            if message["lang"] and language != member.language:
                classroom.act(room, c.Speak(member.id, language))
                screen.language = language
        await screen.send({"type": "welcome", "v": protocol.VERSION, "room": room.code, "member": screen.member})
    else:
        screen.kind, screen.language = PROJECTOR, language
    screen.room = room.code
    classroom.screens.setdefault(room.code, set()).add(screen)
    await classroom.broadcast(room.code)


def _member_with_token(room: Room, token: str) -> Member | None:
    found = None
    for member in room.members.values():  # compare every token, so the time taken tells nothing
        if hmac.compare_digest(member.token.encode(), token.encode()):
            found = member
    return found


async def _change_language(classroom: Classroom, screen: Screen, room: Room, requested: str) -> None:
    language = i18n.supported(requested)
    if screen.kind == "student":
        assert screen.member is not None  # a student's screen carries the member
        classroom.act(room, c.Speak(screen.member, language))
    screen.language = language
    await classroom.broadcast(room.code)


# --- pages ----------------------------------------------------------------------------------------
PAGES = {"/": "play.html", "/projector": "projector.html", "/teacher": "teacher.html"}


def page_language(request: web.Request) -> str:
    """?lang= first, then the language the browser last chose (a cookie), then the browser's own."""
    asked = request.query.get("lang") or request.cookies.get("brink_lang")
    if asked:
        return i18n.supported(asked)
    for part in request.headers.get("Accept-Language", "").split(","):
        code = i18n.supported(part.split(";")[0].strip())
        if code != i18n.SOURCE_LANGUAGE or part.strip().lower().startswith("en"):
            return code
    return i18n.SOURCE_LANGUAGE


class Pages:
    """The HTML pages, from Jinja2 templates with autoescaping, one environment per language."""

    def __init__(self):
        self._environments: dict[str, jinja2.Environment] = {}

    def environment(self, language: str) -> jinja2.Environment:
        environment = self._environments.get(language)
        if environment is None:
            environment = jinja2.Environment(loader=jinja2.FileSystemLoader(WEB / "templates"), autoescape=True,
                                             extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True)
            words = i18n.words(language)
            # added by the i18n extension at run time, so Jinja2's types do not know it
            environment.install_gettext_callables(words.gettext, words.ngettext, newstyle=True)  # type: ignore[attr-defined]
            self._environments[language] = environment
        return environment

    def render(self, name: str, language: str, **values) -> str:
        words = i18n.words(language)
        return self.environment(language).get_template(name).render(
            language=language, languages=i18n.LANGUAGES, catalog=words.catalog(),
            face_window=" ".join(str(share) for share in FACE_WINDOW), **values)


async def serve_page(request: web.Request) -> web.Response:
    language = page_language(request)
    room = request.query.get("room", "")
    code = codes.normalise_code(room) or ""
    html = request.app[PAGE_MAKER].render(PAGES[request.path], language, room=code, join_url=request.app[JOIN].url)
    return web.Response(text=html, content_type="text/html", charset="utf-8")


async def serve_qr(request: web.Request) -> web.Response:
    """The join address of a room as a QR code (an SVG), for the projector page."""
    import qrcode
    import qrcode.image.svg

    code = codes.normalise_code(request.match_info["code"])
    if code is None or code not in request.app[CLASSROOM].rooms:
        raise web.HTTPNotFound()
    image = qrcode.make(join_link(request.app[JOIN].url, code), image_factory=qrcode.image.svg.SvgPathImage,
                        border=2)
    return web.Response(body=image.to_string(), content_type="image/svg+xml")


def join_link(join_url: str, code: str) -> str:
    return f"{join_url.rstrip('/')}/?room={code}"


@web.middleware
async def careful_headers(request: web.Request, handler):
    """Pages may run only their own scripts and load only their own files (nothing from the
    internet, no inline script): a name that slipped through as HTML still could not run."""
    response = await handler(request)
    if isinstance(response, web.StreamResponse):
        response.headers.setdefault("Content-Security-Policy",
                                    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response


@dataclass
class JoinAddress:
    """The address students type, known once the host listens (the port may be chosen then)."""

    url: str = ""


CLASSROOM = web.AppKey("classroom", Classroom)
JOIN = web.AppKey("join", JoinAddress)
PAGE_MAKER = web.AppKey("pages", Pages)


def make_app(classroom: Classroom, join: JoinAddress) -> web.Application:
    """The web application of a host: pages, the websocket, the QR codes and the game's own files."""
    app = web.Application(middlewares=[careful_headers], client_max_size=64 * 1024)
    app[CLASSROOM] = classroom
    app[JOIN] = join
    app[PAGE_MAKER] = Pages()
    for path in PAGES:
        app.router.add_get(path, serve_page)
    app.router.add_get("/ws", serve_socket)
    app.router.add_get("/qr/{code}.svg", serve_qr)
    app.router.add_static("/static", WEB / "static")
    app.router.add_static("/fonts", paths.assets_folder() / "fonts")
    app.router.add_static("/art", paths.assets_folder() / "art")
    app.on_startup.append(_start_clock)
    app.on_cleanup.append(_stop_clock)
    app.on_shutdown.append(_close_screens)
    return app


CLOCK_TASK = web.AppKey("clock", asyncio.Task)


async def _start_clock(app: web.Application) -> None:
    app[CLASSROOM].write_in_background()
    app[CLOCK_TASK] = asyncio.get_running_loop().create_task(app[CLASSROOM].keep_time())


async def _stop_clock(app: web.Application) -> None:
    task = app.get(CLOCK_TASK)
    if task is not None:
        task.cancel()
    app[CLASSROOM].finish_writes()


async def _close_screens(app: web.Application) -> None:
    """On Ctrl-C, every browser is told the host is going away (code 1001), so it retries later."""
    for screens in app[CLASSROOM].screens.values():
        for screen in list(screens):
            await screen.socket.close(code=1001, message=b"the host is stopping")
