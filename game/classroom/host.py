"""``brink host`` and the window's "Host a class": a classroom server on the teacher's machine.

Students' phones and laptops reach the teacher's machine over the classroom's network, so the
address to give them is the machine's address on that network, never 127.0.0.1; when the
machine has no network the host says so and serves this machine alone (the projector page
still works) until it has one. Every room of the store comes back when the host starts, so a
host that crashed or was restarted is started again with the same command.
"""

from __future__ import annotations

import asyncio
import errno
import io
import ipaddress
import logging
import signal
import socket
import sys
import threading
from dataclasses import dataclass
from typing import TextIO
from collections.abc import Callable

from aiohttp import web

from game.classroom.room import Room
from game.classroom.server import Classroom, JoinAddress, join_link, make_app
from game.classroom.store import RoomStore
from game.scenario.model import Scenario

DEFAULT_PORT = 8765
PORTS_TO_TRY = 20  # when the default port is taken, the next ones are tried
log = logging.getLogger("brink.classroom")


# --- the address students type ------------------------------------------------------------------
def lan_address() -> str | None:
    """This machine's address on its local network, or None when it has none.

    A UDP socket "connected" to an address outside this machine makes the system choose the
    interface it would route through; nothing is sent (UDP connect only records the peer). The
    address used is from the documentation range (RFC 5737), so it is nobody's machine.
    """
    for probe in ("192.0.2.1", "198.51.100.1"):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
                udp.connect((probe, 9))
                address = udp.getsockname()[0]
        except OSError:
            continue
        if _reachable(address):
            return address
    try:
        for address in socket.gethostbyname_ex(socket.gethostname())[2]:
            if _reachable(address):
                return address
    except OSError:
        pass
    return None


def _reachable(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_unspecified or ip.is_link_local)


@dataclass(frozen=True, slots=True)
class Address:
    url: str  # what students type, e.g. http://192.168.1.20:8765/
    on_network: bool  # False: only this machine can reach it
    port: int = 0  # the port listened on


def address_for(bind: str, port: int) -> Address:
    if bind not in ("0.0.0.0", "::", ""):
        return Address(f"http://{_host(bind)}:{port}/", _reachable(bind), port)
    found = lan_address()
    if found is None:
        return Address(f"http://127.0.0.1:{port}/", False, port)
    return Address(f"http://{found}:{port}/", True, port)


def _host(address: str) -> str:
    return f"[{address}]" if ":" in address else address


# --- serving --------------------------------------------------------------------------------------
async def start_site(app: web.Application, bind: str, port: int, fixed_port: bool) -> tuple[web.AppRunner, int]:
    """Start listening; when the port is taken and none was asked for, try the next ones."""
    runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=2.0)
    await runner.setup()
    last_error: OSError | None = None
    for candidate in [port] if fixed_port else range(port, port + PORTS_TO_TRY):
        try:
            site = web.TCPSite(runner, bind or None, candidate, reuse_address=True)
            await site.start()
            return runner, runner.addresses[0][1]  # the port taken (port 0 asks the system for a free one)
        except OSError as error:
            last_error = error
            if error.errno not in (errno.EADDRINUSE, errno.EACCES):
                break
    await runner.cleanup()
    raise last_error or OSError("cannot listen")


def print_room(room: Room, address: Address, out: TextIO, show_token: bool = True, log_path=None) -> None:
    """What the teacher reads on the host's terminal: the address, the code, a QR code, the token."""
    link = join_link(address.url, room.code)
    out.write(f"\n  Room {room.code}: {room.scenario.title} (seed {room.seed}, {describe(room)})\n")
    out.write(f"    Students open    {address.url}  and type the code {room.code}\n")
    out.write(f"    or scan          (the QR code below opens {link})\n")
    out.write(terminal_qr(link, out))
    out.write(f"    Projector        {address.url}projector?room={room.code}\n")
    out.write(f"    Decision time    {room.minutes:g} minutes a day; the session log is written to {log_path}\n"
              if log_path else f"    Decision time    {room.minutes:g} minutes a day\n")
    if show_token:
        out.write(f"    Teacher's page   {address.url}teacher#{room.code}.{room.teacher_token}\n")
        out.write("                     (keep this address to yourself: it carries the teacher's token)\n")
    out.flush()


def describe(room: Room) -> str:
    students = len(room.members)
    if room.phase == "lobby":
        return f"waiting to start, {students} joined"
    if room.phase == "ended":
        return "ended"
    day = room.session.state.day_index + 1
    return f"day {min(day, len(room.scenario.days))} of {len(room.scenario.days)}, {students} students"


def terminal_qr(text: str, out: TextIO) -> str:
    """A QR code drawn with half blocks, two rows of modules to a line; plain '#' where the
    terminal cannot show block characters."""
    import qrcode

    code = qrcode.QRCode(border=2)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    encoding = getattr(out, "encoding", None) or "ascii"
    try:
        "\u2580\u2584\u2588".encode(encoding)
        blocks = True
    except (UnicodeEncodeError, LookupError):
        blocks = False
    lines = []
    if blocks:  # dark modules drawn as light-on-dark terminals expect: a space for dark, a block for light
        for top, bottom in zip(matrix[::2], matrix[1::2] + [[False] * len(matrix[0])]):
            row = "".join({(False, False): "\u2588", (True, False): "\u2584", (False, True): "\u2580",
                           (True, True): " "}[(a, b)] for a, b in zip(top, bottom))
            lines.append("    " + row)
    else:
        for row in matrix:
            lines.append("    " + "".join("  " if cell else "##" for cell in row))
    return "\n".join(lines) + "\n"


async def host(classroom: Classroom, bind: str, port: int, fixed_port: bool, out: TextIO,
               started: Callable[[Address], None] | None = None, stop: asyncio.Event | None = None) -> int:
    """Serve until ``stop`` is set (Ctrl-C or SIGTERM on the command line)."""
    stop = stop or asyncio.Event()
    join = JoinAddress()
    app = make_app(classroom, join)
    try:
        runner, port = await start_site(app, bind, port, fixed_port)
    except OSError as error:
        out.write(f"brink host: cannot listen on port {port}: {error.strerror or error}"
                  + (" (choose another with --port)" if fixed_port else "") + "\n")
        return 1
    address = address_for(bind, port)
    join.url = address.url
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(signal_number, stop.set)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # Windows, or not the main thread: Ctrl-C arrives as KeyboardInterrupt instead
    if started is not None:
        started(address)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
    return 0


def run_host(scenario: Scenario, seed: int | None, bind: str, port: int | None, new_room: bool,
             minutes: float | None = None, out: TextIO = sys.stdout) -> int:
    """``brink host``: restore the rooms, make one if none is open, serve until Ctrl-C."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S", stream=sys.stderr)
    store = RoomStore()
    classroom = Classroom(store)
    for problem in classroom.restore():
        out.write(f"brink host: {problem}\n")
    rooms = classroom.open_rooms()
    if rooms and not new_room:
        out.write(f"{len(rooms)} room{'s' if len(rooms) != 1 else ''} from before {'are' if len(rooms) != 1 else 'is'} "
                  "back, as they were (use --new for a fresh room).\n")
    else:
        rooms = [classroom.create_room(scenario, seed, minutes)]

    def started(address: Address) -> None:
        out.write(f"Brinkmanship is hosting a class on {address.url}\n")
        if not address.on_network:
            out.write("  This machine is on no network, so students' devices cannot reach it yet: connect it to the\n"
                      "  classroom's Wi-Fi (or open a hotspot on it), then run 'brink host' again. Until then it\n"
                      "  serves this machine only: the projector page works here.\n")
        for room in rooms:
            print_room(room, address, out, log_path=classroom.log_path(room))
        out.write(f"\n  Rooms are kept in {store.path}; if this machine stops, run 'brink host' again\n"
                  "  and every room comes back where it was. Press Ctrl-C to stop.\n")
        out.flush()

    try:
        status = asyncio.run(host(classroom, bind, port or DEFAULT_PORT, port is not None, out, started))
    except KeyboardInterrupt:
        status = 0
    finally:
        store.close()
    if status == 0:
        out.write("\nThe host has stopped; every room is kept.\n")
    return status


# --- hosting from the window ----------------------------------------------------------------------
class BackgroundHost:
    """The server on a thread of its own, for the window: the pygame loop stays in charge of the
    screen while aiohttp's loop serves the browsers. The window reads rooms only through
    ``call``, which runs a function on the server's thread, so nothing is read half-changed."""

    def __init__(self, store: RoomStore | None = None, bind: str = "0.0.0.0", port: int = DEFAULT_PORT):
        self.store = store or RoomStore()
        self.classroom = Classroom(self.store)
        self.problems = self.classroom.restore()
        self.bind = bind
        self.port = port
        self.address: Address | None = None
        self.error: str | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="brink-host", daemon=True)

    def start(self, timeout: float = 10.0) -> bool:
        self._thread.start()
        self._ready.wait(timeout)
        return self.address is not None

    def _run(self) -> None:
        self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self._loop)
        self._stop = asyncio.Event()

        def started(address: Address) -> None:
            self.address = address
            self._ready.set()

        said = io.StringIO()  # where the command line would print why it cannot listen
        try:
            self._loop.run_until_complete(host(self.classroom, self.bind, self.port, False, said, started,
                                               self._stop))
        finally:
            self.error = said.getvalue().strip() or None
            self._ready.set()
            self._loop.close()

    def call(self, function: Callable, timeout: float = 5.0):
        """Run ``function()`` on the server's thread and return what it returns."""
        if self._loop is None or not self._thread.is_alive():
            raise RuntimeError("the host is not running")

        async def run():
            result = function()
            if asyncio.iscoroutine(result):
                result = await result
            return result
        return asyncio.run_coroutine_threadsafe(run(), self._loop).result(timeout)

    def stop(self, timeout: float = 5.0) -> None:
        if self._loop is not None and self._stop is not None and self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._stop.set)
            self._thread.join(timeout)
        try:
            self.store.close()
        except Exception:  # noqa: BLE001 - closing on the way out
            pass

