"""The command-line ends of the debrief: ``brink report``, ``brink cards`` and ``brink simulate --from-log``.

Each reads untrusted files (a log, a scenario), so each turns every problem into located lines
on stderr and an exit status, never a traceback: 0 done, 1 a file could not be used (or a PDF
was asked for and could not be made), 2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from game import paths
from game.engine.atomic import write_atomically
from game.engine.log_read import LogError, SessionLog, read_log
from game.engine.log_replay import Replay, ReplayError, replay_log
from game.engine.opponents import policy_named
from game.scenario.model import Scenario

PRINT_BY_HAND = ("open {page} in a browser and print it (Ctrl+P or Cmd+P), choosing \"Save as PDF\"; "
                 "or install Chromium (apt-get install chromium) and run the command again")


def _load_log(path: str) -> SessionLog | None:
    try:
        return read_log(path)
    except LogError as error:
        for message in error.messages:
            print(message, file=sys.stderr)
        print(f"{path}: {len(error.messages)} error{'s' if len(error.messages) != 1 else ''}", file=sys.stderr)
        return None


def _scenario_for(log: SessionLog, named: str | None, parser: argparse.ArgumentParser) -> Scenario | None:
    """The log's scenario; a ``--scenario`` that names none is a bad argument (usage, exit 2)."""
    from game.scenario.errors import format_diagnostic
    from game.scenario.load import load_with_diagnostics

    path = paths.find_scenario(named or log.scenario)
    if path is None and named:
        parser.error(f"argument --scenario: no scenario '{named}'")
    if path is None:
        print(f"brink: no scenario '{named or log.scenario}' for {log.path}; name its file with --scenario PATH",
              file=sys.stderr)
        return None
    scenario, diagnostics = load_with_diagnostics(path, freeze=True)
    for diagnostic in diagnostics.sorted():
        print(format_diagnostic(diagnostic), file=sys.stderr)
    return scenario


def _replay(scenario: Scenario, log: SessionLog) -> Replay | None:
    try:
        replay = replay_log(scenario, log)
    except ReplayError as error:
        for message in error.messages:
            print(message, file=sys.stderr)
        return None
    for warning in replay.warnings:
        print(warning, file=sys.stderr)
    return replay


def report(arguments: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """``brink report LOG``: the page, and the PDF when asked for."""
    from game.cli import check_language, chosen_policies
    from game.tools.debrief_report import make_report
    from game.tools.turning_points import default_policies

    started = time.perf_counter()
    log = _load_log(arguments.log)
    if log is None:
        return 1
    scenario = _scenario_for(log, arguments.scenario, parser)
    if scenario is None:
        return 1
    check_language(arguments.lang, scenario, parser)
    replay = _replay(scenario, log)
    if replay is None:
        return 1
    chosen = chosen_policies(arguments.policy, default_policies(log, scenario), scenario, parser)
    page, settings, points = make_report(scenario, log, replay, games=arguments.games, seed=arguments.seed,
                                         policies=chosen, language=arguments.lang, paper=arguments.paper,
                                         processes=arguments.jobs)
    out = arguments.out or str(Path(arguments.log).with_suffix(".html"))
    try:
        write_atomically(out, page)
    except OSError as error:
        print(f"brink: cannot write {out}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"wrote {out} ({len(points)} decisions, {settings.games} games per alternative, "
          f"{time.perf_counter() - started:.1f} s)")
    if arguments.pdf:
        from game.tools.pdf import PdfError, find_browser, print_to_pdf

        if find_browser() is None:
            print("brink: no Chromium to print the PDF with: " + PRINT_BY_HAND.format(page=out), file=sys.stderr)
            return 1
        try:
            print_to_pdf(out, arguments.pdf)
        except (PdfError, OSError) as error:
            print(f"brink: {error}; " + PRINT_BY_HAND.format(page=out), file=sys.stderr)
            return 1
        print(f"wrote {arguments.pdf}")
    return 0


def cards(arguments: argparse.Namespace, scenario: Scenario) -> int:
    """``brink cards SCENARIO``: one printable card per leader and advisor."""
    from game.tools.role_cards import render_cards

    try:
        write_atomically(arguments.out, render_cards(scenario, arguments.lang, arguments.paper))
    except OSError as error:
        print(f"brink: cannot write {arguments.out}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"wrote {arguments.out}")
    return 0


def simulate_from_log(arguments: argparse.Namespace, parser: argparse.ArgumentParser, scenario: Scenario) -> int:
    """``brink simulate SCENARIO --from-log LOG --day DAY --order ROLE=CHOICE``: games from a logged state.

    The games are the report's turning points for that day and order, played here on their own:
    the same seed and policies give the same counts.
    """
    from game.cli import chosen_policies
    from game.engine.resolve import find_legal
    from game.tools.from_state import endings_from, game_seeds, war_endings
    from game.tools.turning_points import default_policies

    if not (arguments.from_log and arguments.day):
        parser.error("--day and --order go with --from-log LOG, and --from-log needs --day")
    log = _load_log(arguments.from_log)
    if log is None:
        return 1
    replay = _replay(scenario, log)
    if replay is None:
        return 1
    decision = next((d for d in replay.decisions if d.day.day == arguments.day), None)
    if decision is None:
        played = ", ".join(d.day.day for d in replay.decisions)
        parser.error(f"argument --day: the log has no day '{arguments.day}' (its days: {played})")
    orders = {role: decision.day.orders.get(role) for role in scenario.roles}
    for item in arguments.order:
        role, _, choice = item.partition("=")
        if role not in scenario.roles:
            parser.error(f"argument --order: '{role}' is not a role of {scenario.id} (choose from {', '.join(scenario.roles)})")
        if find_legal(scenario, decision.state, role, choice) is None:
            parser.error(f"argument --order: '{choice}' is not open to {role} on {arguments.day}")
        orders[role] = choice
    chosen = chosen_policies(arguments.policy, default_policies(log, scenario), scenario, parser)
    policies = {role: policy_named(name) for role, name in chosen.items()}
    started = time.perf_counter()
    counts = endings_from(scenario, decision.state, orders, policies, game_seeds(arguments.seed, arguments.games))
    seconds = time.perf_counter() - started
    wars = war_endings(scenario)
    war = sum(n for ending, n in counts.items() if ending in wars) / arguments.games
    result = {"scenario": scenario.id, "log": arguments.from_log, "day": arguments.day, "orders": orders,
              "games": arguments.games, "seed": arguments.seed, "policies": chosen,
              "endings": {e.id: {"games": counts.get(e.id, 0), "share": counts.get(e.id, 0) / arguments.games}
                          for e in scenario.endings},
              "war": war, "war_endings": sorted(wars), "seconds": round(seconds, 3)}
    if arguments.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(f"{scenario.title} from {arguments.from_log} on {arguments.day}, orders "
          + ", ".join(f"{role}={choice}" for role, choice in orders.items())
          + f": {arguments.games} games, seed {arguments.seed}, "
          + ", ".join(f"{role} plays {name}" for role, name in chosen.items()))
    for ending in scenario.endings:
        games = counts.get(ending.id, 0)
        if games:
            print(f"  {ending.id:<28} {games:>7}  {games / arguments.games:6.1%}" + ("  (war)" if ending.id in wars else ""))
    print(f"  odds of war: {war:.1%}   ({seconds:.2f} s)")
    return 0
