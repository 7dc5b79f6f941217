"""A classroom under load: 10 rooms of 12 websocket clients each playing the 1962 scenario at once.

Each room holds two leaders, four advisors a team, the teacher and the projector (12 clients; 120
in all), all scripted (``game.classroom.rehearsal``) over real websockets on loopback. The host
runs in a process of its own, as ``brink host`` does. Latency runs from the order that completes
a day (the later of the two leaders') to the last client of the room receiving the resolution.
Targets on a 2-core machine: p99 under 100 ms, the host's memory (peak RSS) under 300 MB.

    python benchmarks/bench_classroom.py [--rooms 10] [--days 18]

The last line reads ``classroom: clients=N p50_ms=X p99_ms=Y rss_mb=Z``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCENARIO = ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml"


def serve(port: int, rooms: int) -> None:
    """The host's side, in its own process as ``brink host`` runs: make the rooms, say their codes,
    serve until the benchmark closes this process's standard input."""
    from game.classroom import host
    from game.classroom.server import Classroom
    from game.classroom.store import RoomStore
    from game.scenario.load import load_scenario

    classroom = Classroom(RoomStore(Path(os.environ["BRINK_HOME"]) / "rooms.sqlite3"))
    scenario = load_scenario(SCENARIO)
    made = [classroom.create_room(scenario, seed) for seed in range(1, rooms + 1)]

    async def run() -> None:
        stop = asyncio.Event()

        def started(address) -> None:
            print(json.dumps({"port": address.url.rsplit(":", 1)[1].strip("/"),
                              "rooms": [[room.code, room.teacher_token] for room in made]}), flush=True)
            loop = asyncio.get_running_loop()
            loop.run_in_executor(None, sys.stdin.read).add_done_callback(lambda _: loop.call_soon_threadsafe(stop.set))
        await host.host(classroom, "127.0.0.1", port, True, sys.stderr, started, stop)

    if os.environ.get("BENCH_PROFILE"):  # where the host's time goes: BENCH_PROFILE=file.prof
        import cProfile

        cProfile.runctx("asyncio.run(run())", globals(), locals(), os.environ["BENCH_PROFILE"])
    else:
        asyncio.run(run())


async def play(url: str, rooms: list[list[str]], days: int) -> tuple[list[float], int]:
    import aiohttp

    from game.classroom.rehearsal import Bot, class_of
    from game.scenario.load import load_scenario

    scenario = load_scenario(SCENARIO)
    classes = []
    for code, token in rooms:
        bots = class_of(scenario, advisors_per_team=4, teacher_token=token)
        bots.append(Bot("Projector", watcher=True))
        classes.append((code, bots))
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http:
        tasks = []
        for code, bots in classes:
            for bot in bots:
                tasks.append(asyncio.create_task(bot.play(http, url, code)))
        await asyncio.gather(*tasks)
    latencies = []
    for _, bots in classes:
        leaders = [bot for bot in bots if bot.place == "leader"]
        for day in range(days):
            orders = [leader.ordered_at[day] for leader in leaders if day in leader.ordered_at]
            arrivals = [bot.resolved_at[day] for bot in bots if day in bot.resolved_at]
            if orders and len(arrivals) == len(bots):
                latencies.append((max(arrivals) - max(orders)) * 1000)
    return latencies, sum(len(bots) for _, bots in classes)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rooms", type=int, default=10)
    parser.add_argument("--days", type=int, default=18, help="days of each game to count (a game may end sooner)")
    parser.add_argument("--serve", type=int, metavar="PORT", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.serve is not None:
        serve(arguments.serve, arguments.rooms)
        return 0
    home = tempfile.mkdtemp(prefix="brink-bench-")
    server = subprocess.Popen([sys.executable, __file__, "--serve", "0", "--rooms", str(arguments.rooms)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "BRINK_HOME": home})
    assert server.stdin is not None and server.stdout is not None  # both are pipes
    try:
        started = json.loads(server.stdout.readline())
        url = f"http://127.0.0.1:{started['port']}/ws"
        began, began_cpu = time.perf_counter(), time.process_time()
        latencies, clients = asyncio.run(play(url, started["rooms"], arguments.days))
        elapsed, client_cpu = time.perf_counter() - began, time.process_time() - began_cpu
        rss = peak_rss_mb(server.pid)
        server_cpu = cpu_seconds(server.pid)
    finally:
        server.stdin.close()
        server.wait(10)
    latencies.sort()
    p50 = statistics.median(latencies)
    p99 = latencies[min(len(latencies) - 1, round(0.99 * (len(latencies) - 1)))]
    print(f"{arguments.rooms} rooms played {len(latencies)} days in {elapsed:.1f} s; "
          f"worst day {latencies[-1]:.1f} ms; CPU: the host {server_cpu:.1f} s, the clients {client_cpu:.1f} s; "
          "targets: p99 < 100 ms, RSS < 300 MB")
    print(f"classroom: clients={clients} p50_ms={p50:.1f} p99_ms={p99:.1f} rss_mb={rss:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
