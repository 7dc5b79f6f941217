"""The ``brink`` command: one sub-command per job, each a thin call into the packages below.

Exit status: 0 on success, 1 when the work found problems (an invalid scenario, an unreadable
save), 2 for bad command-line arguments.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from game import __version__, paths
from game.engine.opponents import POLICIES, is_policy
from game.engine.strategist import DIFFICULTIES, with_difficulty

DEFAULT_SCENARIO = "cuban_missile_crisis_1962"
MAX_GAMES = 10_000_000  # about three hours of the 1962 scenario on one core
MAX_FRAMES = 100_000
MAX_JOBS = 64  # processes: a typo of a few extra digits must not start thousands
FALLBACK_SCENARIO = "demo"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    if arguments.command is None:
        arguments = parser.parse_args(["play", *(argv or sys.argv[1:])])
    from game.scenario.errors import FormulaError, format_diagnostic

    try:
        # the sub-command's own parser, so a bad argument found after parsing prints its usage
        return arguments.run(arguments, arguments.parser)
    except FormulaError as error:  # a scenario's formula that came to no usable number while it ran
        print(format_diagnostic(error.diagnostic), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `brink simulate ... | head`
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="brink",
        description="Brinkmanship: a crisis decision game. Without a command, starts the game.",
        epilog="Run 'brink COMMAND --help' for the options of one command.",
    )
    parser.add_argument("--version", action="version", version=f"brinkmanship {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = commands.add_parser("play", help="play a game (the window, or --text for the terminal)")
    play.add_argument("scenario", nargs="?", default=None,
                      help="scenario id, folder or file (default: the 1962 crisis)")
    play.add_argument("--text", action="store_true", help="play in the terminal instead of the window")
    play.add_argument("--role", help="the role you play, e.g. kennedy or khrushchev (default: the first role)")
    play.add_argument("--opponent", default="historical", choices=[*POLICIES, "human"],
                      help="who plays the other role: a computer policy, or 'human' for two players at one screen")
    play.add_argument("--difficulty", default=None, choices=list(DIFFICULTIES),
                      help="how far a strategist opponent thinks ahead (default normal)")
    play.add_argument("--no-estimates", action="store_true",
                      help="advisors keep their estimates of the odds to themselves (play in the fog)")
    play.add_argument("--voice", action="store_true",
                      help="the window speaks the focused button's words (self-voicing; needs 'pip install brinkmanship[voice]')")
    play.add_argument("--seed", type=_seed, default=None, help="seed for the dice (default: a random one, printed)")
    play.add_argument("--lang", default=None,
                      help="language of the scenario's text, e.g. en or ru (default: the window's setting; English in --text)")
    play.add_argument("--save", metavar="PATH", help="save file, written by the 's' command and when you quit "
                                                     "(in the window: the autosave, written after every day)")
    play.add_argument("--load", metavar="PATH", help="continue a saved game")
    play.add_argument("--log", metavar="PATH", help="write the session log (JSON lines) here, after every day")
    play.set_defaults(run=_play)

    host = commands.add_parser("host", help="host a classroom session: students join from their browsers with a room code")
    host.add_argument("scenario", nargs="?", default=None,
                      help="scenario id, folder or file for a new room (default: the 1962 crisis)")
    host.add_argument("--port", type=_port, default=None,
                      help="port to listen on (default 8765, or the next free one)")
    host.add_argument("--bind", default="0.0.0.0", metavar="ADDR",
                      help="address to listen on (default 0.0.0.0: every network of this machine)")
    host.add_argument("--seed", type=_seed, default=None, help="seed for a new room's dice (default: a random one)")
    host.add_argument("--new", action="store_true",
                      help="open a new room even when rooms from before are still open")
    host.add_argument("--minutes", type=_minutes, default=None,
                      help="a new room's decision time per day, in minutes (default 5; a scenario's day may set its own, "
                           "and the teacher's page changes it)")
    host.set_defaults(run=_host)

    validate = commands.add_parser("validate", help="check scenario files and list every problem")
    validate.add_argument("paths", nargs="+", metavar="SCENARIO", help="scenario ids, files or folders")
    validate.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    validate.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too, not only errors")
    validate.set_defaults(run=_validate)

    simulate = commands.add_parser("simulate", help="play many computer games and report what happened")
    simulate.add_argument("scenario", help="scenario id, folder or file")
    simulate.add_argument("--games", type=_at_most(MAX_GAMES), default=1000,
                          help=f"number of games (default 1000, at most {MAX_GAMES:,})")
    simulate.add_argument("--seed", type=_seed, default=1, help="seed (default 1)")
    simulate.add_argument("--policy", action="append", default=[], metavar="P or ROLE=P",
                          help=f"policy for both roles, or for one role as ROLE=P; one of {', '.join(POLICIES)} "
                               "(a strategist may add a difficulty, e.g. strategist:hard or strategist:dove:easy; "
                               "default random); may be repeated")
    simulate.add_argument("--workers", type=_at_most(MAX_JOBS), default=None, metavar="N",
                          help="processes to share the games among (default: the cores, up to 4, when a "
                               "strategist plays; else 1); the result is the same, only faster")
    simulate.add_argument("--json", action="store_true", help="print the report as JSON")
    simulate.add_argument("--html", metavar="PATH", help="also write the report as one self-contained HTML page")
    simulate.add_argument("--coverage-out", metavar="FILE", help="also write the coverage counts as JSON, for 'brink graph --coverage'")
    simulate.add_argument("--from-log", metavar="LOG",
                          help="play the games on from a logged game's state instead of from the start (with --day)")
    simulate.add_argument("--day", metavar="DAY_ID", help="with --from-log: the logged day whose orders to change")
    simulate.add_argument("--order", action="append", default=[], metavar="ROLE=CHOICE",
                          help="with --from-log: that day's order for a role instead of the logged one; may be repeated")
    simulate.set_defaults(run=_simulate)

    report = commands.add_parser("report", help="write the debrief of a played game (its session log) as a printable page")
    report.add_argument("log", metavar="LOG", help="a session log (brink play --log, the window's logs/, a classroom room)")
    report.add_argument("--out", metavar="PATH", help="the HTML page to write (default: the log's name with .html)")
    report.add_argument("--pdf", metavar="PATH", help="also print the page to this PDF with headless Chromium")
    report.add_argument("--scenario", metavar="PATH", help="the scenario file (default: found by the log's scenario id)")
    report.add_argument("--games", type=_at_most(100_000), default=None,
                        help="games played on per alternative of each decision (default: 500, or fewer, "
                             "down to 100 for a game of many decisions: about 25,000 games in all)")
    report.add_argument("--seed", type=_seed, default=1, help="seed of those games (default 1)")
    report.add_argument("--policy", action="append", default=[], metavar="ROLE=P",
                        help="who plays the remaining days for a role (default: a computer seat its own policy, "
                             "a seat people played 'historical')")
    report.add_argument("--jobs", type=_at_most(MAX_JOBS), default=None, metavar="N",
                        help="processes to play in (default: the number of cores); the figures are the same")
    report.add_argument("--lang", default="en", help="language of the scenario's texts (default en)")
    report.add_argument("--paper", choices=["A4", "letter"], default="A4", help="paper size when printed (default A4)")
    report.set_defaults(run=_report)

    cards = commands.add_parser("cards", help="write printable role cards: one per leader and advisor")
    cards.add_argument("scenario", metavar="SCENARIO", help="a scenario id, folder or file")
    cards.add_argument("--out", metavar="PATH", default="cards.html", help="the HTML page to write (default cards.html)")
    cards.add_argument("--lang", default="en", help="language of the scenario's texts (default en)")
    cards.add_argument("--paper", choices=["A4", "letter"], default="A4", help="paper size when printed (default A4)")
    cards.set_defaults(run=_cards)

    check = commands.add_parser("check", help="explore every way a scenario can go; report what can never happen")
    check.add_argument("scenario", metavar="SCENARIO", help="a scenario id, folder or file")
    check.add_argument("--max-states", type=_positive, default=20_000, metavar="N",
                       help="distinct states kept per day before sampling (default 20000)")
    check.add_argument("--max-resolutions", type=_positive, default=600_000, metavar="N",
                       help="resolved days in all before the search samples (default 600000)")
    check.add_argument("--directed", type=_count, default=300_000, metavar="N",
                       help="after a bounded search, resolved days spent looking on purpose for each ending and "
                            "event the sample missed (default 300000; 0 to skip)")
    check.add_argument("--seed", type=_seed, default=1, help="seed of the sampler for bounded searches")
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.set_defaults(run=_check)

    graph = commands.add_parser("graph", help="draw the day-by-day structure: choices, flags, endings")
    graph.add_argument("scenario", metavar="SCENARIO", help="a scenario id, folder or file")
    graph.add_argument("--format", choices=["dot", "mermaid", "svg"], default="dot", help="output format (default dot)")
    graph.add_argument("--coverage", metavar="FILE", help="counts from 'brink simulate --coverage-out': edge widths and counts")
    graph.add_argument("--out", metavar="PATH", help="write here instead of printing")
    graph.set_defaults(run=_graph)

    art = commands.add_parser("art", help="paint a scenario's maps, portraits and scenes as watercolor PNGs")
    art.add_argument("scenarios", nargs="*", metavar="SCENARIO",
                     help="scenario ids, folders or files (default: every shipped scenario)")
    art.add_argument("--out", metavar="DIR", help="art folder to write (default: the game's assets/art)")
    art.add_argument("--force", action="store_true", help="paint again even where a file or cache entry exists")
    art.add_argument("--only", choices=["maps", "portraits", "scenes"], help="paint only this kind")
    art.add_argument("--jobs", type=_at_most(MAX_JOBS), default=None, metavar="N",
                     help="paint in N processes at once (default: the number of cores, at most 4)")
    art.add_argument("--contact-sheet", metavar="PATH",
                     help="also write one PNG with every painting of the art folder as thumbnails")
    art.add_argument("--lineup", metavar="PATH",
                     help="also write one PNG with every portrait of these scenarios, each under its name")
    art.set_defaults(run=_art)

    schema = commands.add_parser("schema", help="print the JSON Schema of the scenario format")
    schema.add_argument("--path", action="store_true",
                        help="print where the schema file shipped with the game is, for an editor's modeline")
    schema.set_defaults(run=_schema)

    translate = commands.add_parser("translate", help="a scenario's texts to a PO file for translators, and back")
    steps = translate.add_subparsers(dest="step", metavar="STEP", required=True)
    export = steps.add_parser("export", help="write every text of a scenario as a PO file, translations so far filled in")
    export.add_argument("scenario", metavar="SCENARIO", help="scenario id, folder or file")
    export.add_argument("--lang", required=True, help="the language to translate into, e.g. ru, de, pt-BR")
    export.add_argument("-o", "--output", metavar="FILE",
                        help="the PO file to write (default: print it); an earlier one there is merged: "
                             "its translations are kept, fuzzy where the English changed")
    export.set_defaults(run=_translate_export)
    back = steps.add_parser("import", help="write a PO file's translations into the scenario's {en, ...} texts")
    back.add_argument("scenario", metavar="SCENARIO", help="scenario id, folder or file")
    back.add_argument("po_file", metavar="FILE.po", help="the translated PO file")
    back.add_argument("--allow-fuzzy", action="store_true",
                      help="also take entries marked fuzzy or made from English that has changed since")
    back.set_defaults(run=_translate_import)
    for step in steps.choices.values():
        step.set_defaults(parser=step)
    pack = commands.add_parser("pack", help="write a scenario and its pictures into one .brink file to share")
    pack.add_argument("scenario", metavar="SCENARIO", help="a scenario id, folder or file")
    pack.add_argument("-o", "--out", metavar="FILE.brink", help="the pack to write (default: ID.brink here)")
    pack.set_defaults(run=_pack)

    install = commands.add_parser("install", help="check a .brink pack and install its scenario into your scenarios")
    install.add_argument("pack", metavar="FILE.brink", help="a pack made by 'brink pack'")
    install.add_argument("--force", action="store_true", help="replace a scenario of the same id installed from a pack")
    install.set_defaults(run=_install)

    uninstall = commands.add_parser("uninstall", help="remove a scenario installed from a pack")
    uninstall.add_argument("id", metavar="ID", help="the scenario's id")
    uninstall.set_defaults(run=_uninstall)

    listing = commands.add_parser("scenarios", help="list the scenarios the game can find")
    listing.set_defaults(run=_scenarios)

    bench = commands.add_parser("bench", help="render every screen headless and print frame times")
    bench.add_argument("--frames", type=_at_most(MAX_FRAMES), default=300,
                       help=f"frames per screen (default 300, at most {MAX_FRAMES:,})")
    bench.add_argument("--size", type=_window_size, default="1280x720",
                       help="window size, WIDTHxHEIGHT (default 1280x720; from 640x360 to 7680x4320)")
    bench.set_defaults(run=lambda arguments, parser: __import__("game.ui.bench", fromlist=["main"]).main(arguments))
    for command in commands.choices.values():
        if command is not translate:
            command.set_defaults(parser=command)
    return parser


_MAX_DIGITS = 20  # more than any count or seed the game takes; Python refuses to read past 4,300


def _integer(text: str) -> int:
    shown = text if len(text) <= 40 else f"{text[:20]}\u2026 ({len(text):,} characters)"
    digits = text.strip().lstrip("+-")
    if digits.isdigit() and len(digits) > _MAX_DIGITS:
        raise argparse.ArgumentTypeError(f"'{shown}' has {len(digits):,} digits; no number here needs more than {_MAX_DIGITS}")
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{shown}' is not a whole number") from None


def _seed(text: str) -> int:
    """A seed fits in 64 bits, as a save stores it: a longer one would make a game no save can hold."""
    value = _integer(text)
    if not -2**63 <= value < 2**63:
        raise argparse.ArgumentTypeError(f"a seed is a whole number of at most 64 bits (up to {2**63 - 1:,}), "
                                         f"not one of {len(text.lstrip('+-'))} digits")
    return value


def _positive(text: str) -> int:
    value = _integer(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _minutes(text: str) -> float:
    """A time in minutes for a classroom's clock: more than 0, at most 240."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of minutes") from None
    if not 0 < value <= 240:
        raise argparse.ArgumentTypeError(f"a decision time is more than 0 and at most 240 minutes, not {text}")
    return value


def _port(text: str) -> int:
    value = _integer(text)
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a port is from 1 to 65535, not {value}")
    return value


def _count(text: str) -> int:
    """A whole number of zero or more."""
    value = _integer(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def _at_most(largest: int):
    """A whole number from 1 to ``largest``: a typo of a few extra digits must not run for days."""
    def parse(text: str) -> int:
        value = _positive(text)
        if value > largest:
            raise argparse.ArgumentTypeError(f"must be at most {largest:,}, not {value:,}")
        return value
    parse.__name__ = "number"
    return parse


def _window_size(text: str) -> str:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and len(width) <= 5 and len(height) <= 5):
        raise argparse.ArgumentTypeError(f"'{text}' is not a size such as 1280x720")
    if not (640 <= int(width) <= 7680 and 360 <= int(height) <= 4320):
        raise argparse.ArgumentTypeError(f"{text} is outside 640x360 to 7680x4320")
    return f"{int(width)}x{int(height)}"


def _load_or_report(name: str | None, parser: argparse.ArgumentParser, freeze: bool = False,
                    language: str | None = None):
    """Find and load a scenario; on failure print why and return None.

    ``freeze`` for a command that loads once, works on the model and exits (see load_from_bytes);
    ``language``, when given, must be one the game or the scenario is written in. A name that
    finds no scenario is a bad argument: the sub-command's usage and exit status 2.
    """
    from game.scenario.errors import format_diagnostic
    from game.scenario.load import load_with_diagnostics

    if name is None:
        name = DEFAULT_SCENARIO if paths.find_scenario(DEFAULT_SCENARIO) else FALLBACK_SCENARIO
    path = paths.find_scenario(name)
    if path is None:  # a bad argument like any other: the command's usage, exit 2
        known = ", ".join(sorted(paths.scenario_ids()))
        parser.error(f"argument SCENARIO: no scenario '{name}' (known: {known})")
    for clash in paths.id_clashes():  # either side of a clash: the one loaded, or the one it hides
        if path in (clash.user, clash.shipped):
            print(f"brink: {clash.message()}", file=sys.stderr)
    scenario, diagnostics = load_with_diagnostics(path, freeze=freeze)
    for diagnostic in diagnostics.sorted():
        print(format_diagnostic(diagnostic), file=sys.stderr)
    if scenario is not None and language is not None:
        check_language(language, scenario, parser)
    return scenario


def check_language(language: str, scenario, parser: argparse.ArgumentParser) -> None:
    """Refuse (usage, exit 2) a ``--lang`` that neither the game nor the scenario is written in."""
    from game.i18n import LANGUAGES
    from game.ui.languages import scenario_languages

    known = sorted(set(LANGUAGES) | set(scenario_languages(scenario)))
    if language not in known:
        parser.error(f"argument --lang: '{language}' is not a language of the game or of {scenario.id} "
                     f"(choose from {', '.join(known)})")


def _play(arguments, parser) -> int:
    import random

    from game.engine import machine
    from game.engine.atomic import remove_orphans_beside
    from game.engine.saves import SaveError, open_save, read_save, scenario_file
    from game.text.play import HUMAN, TextGame

    if arguments.load and not arguments.scenario:
        try:  # the scenario the save names, so that a bad one is reported as the save's
            arguments.scenario = str(scenario_file(read_save(arguments.load), arguments.load))
        except SaveError as error:
            print(f"brink: {arguments.load}: {error.reason}", file=sys.stderr)
            return 1
    scenario = _load_or_report(arguments.scenario, parser, language=arguments.lang)
    if scenario is None:
        return 1
    roles = list(scenario.roles)
    role = arguments.role or roles[0]
    if role not in scenario.roles:
        parser.error(f"argument --role: '{role}' is not a role of {scenario.id} (choose from {', '.join(roles)})")
    if arguments.difficulty:
        if not arguments.opponent.startswith("strategist"):
            parser.error("argument --difficulty: only a strategist opponent thinks ahead (e.g. --opponent strategist)")
        arguments.opponent = with_difficulty(arguments.opponent, arguments.difficulty)
    players = {r: (HUMAN if r == role else arguments.opponent) for r in roles}
    saved = None
    if arguments.load:
        try:  # the same checks as the window's, so a save it refuses never opens a window first
            saved = open_save(arguments.load, lambda path: scenario, scenario.path, players)
        except SaveError as error:
            print(f"brink: {error}", file=sys.stderr)
            return 1
    if not arguments.text:
        from game.ui.app import launch

        # The scenario as loaded here, by its file: an author's copy is never swapped for a shipped
        # scenario of the same id or folder name.
        named = scenario.path if arguments.scenario else None
        return launch(scenario=named, role=arguments.role, opponent=arguments.opponent,
                      seed=arguments.seed, load=arguments.load, language=arguments.lang, log=arguments.log,
                      estimates=False if arguments.no_estimates else None, save=arguments.save,
                      voice=arguments.voice)
    if saved is not None:
        session, players = saved.session, dict(saved.players)
    else:
        seed = arguments.seed if arguments.seed is not None else random.SystemRandom().randrange(1, 1_000_000)
        if arguments.seed is None:
            print(f"(seed {seed}: play it again with --seed {seed})")
        session = machine.start(scenario, seed)
    save_path = arguments.save or arguments.load
    for path in (save_path, arguments.log):
        if path:  # what a writer killed half-way left beside the file last time
            remove_orphans_beside(path)
    game = TextGame(session, players, sys.stdin, sys.stdout, language=arguments.lang or "en",
                    save_path=save_path, log_path=arguments.log, estimates=not arguments.no_estimates)
    return game.run()


def _host(arguments, parser) -> int:
    from game.classroom.host import run_host

    scenario = _load_or_report(arguments.scenario, parser)
    if scenario is None:
        return 1
    return run_host(scenario, arguments.seed, arguments.bind, arguments.port, arguments.new, arguments.minutes)


def _validate(arguments, parser) -> int:
    from game.tools.validate import validate_paths

    # an id names a scenario here as in every other command; a path that is not there stays itself,
    # so the report says the file cannot be read
    named = [str(paths.find_scenario(name) or name) if not os.path.exists(name) else name for name in arguments.paths]
    return validate_paths(named, sys.stdout, arguments.format, strict=arguments.strict)


def _simulate(arguments, parser) -> int:
    from game.engine.opponents import policy_named
    from game.tools.simulate import format_report, report_as_dict, simulate

    scenario = _load_or_report(arguments.scenario, parser, freeze=True)
    if scenario is None:
        return 1
    chosen = chosen_policies(arguments.policy, {role: "random" for role in scenario.roles}, scenario, parser)
    if arguments.from_log or arguments.day or arguments.order:
        from game.tools.debrief_cli import simulate_from_log

        return simulate_from_log(arguments, parser, scenario)
    policies = {role: policy_named(name) for role, name in chosen.items()}
    workers = arguments.workers
    if workers is None:
        thinking = any(name.startswith("strategist") for name in chosen.values())
        workers = min(4, os.cpu_count() or 1) if thinking and arguments.games >= 8 else 1
    if workers > 1:
        from game.tools.simulate_pool import simulate_split

        report = simulate_split(scenario, arguments.games, arguments.seed, chosen, min(workers, arguments.games))
    else:
        report = simulate(scenario, arguments.games, arguments.seed, policies)
    try:
        if arguments.html:
            from game.tools.report_html import write_report

            write_report(arguments.html, report, scenario)
        if arguments.coverage_out:
            from game.engine.atomic import write_atomically
            from game.tools.simulate import coverage

            write_atomically(arguments.coverage_out, json.dumps(coverage(report, scenario), indent=1, ensure_ascii=False) + "\n")
    except OSError as error:
        print(f"brink: cannot write {error.filename or 'the report'}: {error.strerror or error}", file=sys.stderr)
        return 1
    if arguments.json:
        print(json.dumps(report_as_dict(report, scenario), indent=2, ensure_ascii=False))
    else:
        print(format_report(report, scenario))
    return 0


def chosen_policies(items: Sequence[str], defaults: dict[str, str], scenario, parser: argparse.ArgumentParser) -> dict[str, str]:
    """Each role's policy: ``defaults``, changed by ``--policy P`` (every role) or ``--policy ROLE=P`` items."""
    chosen = dict(defaults)
    for item in items:
        role, _, name = item.rpartition("=")
        if not is_policy(name):
            parser.error(f"argument --policy: unknown policy '{name}' (choose from {', '.join(POLICIES)}; "
                         "a strategist may add :easy, :normal or :hard)")
        if role and role not in scenario.roles:
            parser.error(f"argument --policy: '{role}' is not a role of {scenario.id} (choose from {', '.join(scenario.roles)})")
        for target in ([role] if role else scenario.roles):
            chosen[target] = name
    return chosen


def _report(arguments, parser) -> int:
    from game.tools.debrief_cli import report

    return report(arguments, parser)


def _cards(arguments, parser) -> int:
    from game.tools.debrief_cli import cards

    scenario = _load_or_report(arguments.scenario, parser, freeze=True, language=arguments.lang)
    if scenario is None:
        return 1
    return cards(arguments, scenario)


def _check(arguments, parser) -> int:
    """Exit 1 when a seat can be left with no legal choice: that dead end is an error in the scenario."""
    from game.tools.check import check, check_as_dict, format_check

    scenario = _load_or_report(arguments.scenario, parser, freeze=True)
    if scenario is None:
        return 1
    report = check(scenario, max_states=arguments.max_states, seed=arguments.seed,
                   max_resolutions=arguments.max_resolutions, directed=arguments.directed)
    if arguments.json:
        print(json.dumps(check_as_dict(report), indent=2, ensure_ascii=False))
    else:
        print(format_check(report))
    return 1 if report.dead_ends else 0


def _graph(arguments, parser) -> int:
    from game.tools.graph import CoverageError, build, read_coverage, render

    scenario = _load_or_report(arguments.scenario, parser)
    if scenario is None:
        return 1
    try:
        coverage = read_coverage(arguments.coverage, scenario) if arguments.coverage else None
    except CoverageError as error:
        print(f"brink: {error}", file=sys.stderr)
        return 1
    text = render(build(scenario, coverage), arguments.format)
    if not arguments.out:
        sys.stdout.write(text)
        return 0
    from game.engine.atomic import write_atomically

    try:
        write_atomically(arguments.out, text)
    except OSError as error:
        print(f"brink: cannot write {error.filename or arguments.out}: {error.strerror or error}", file=sys.stderr)
        return 1
    return 0


def _art(arguments, parser) -> int:
    """Exit 1 when a painting could not be made (a bad description, an image path outside its folder)."""
    try:
        return _paint(arguments, parser)
    except OSError as error:  # a folder or sheet that cannot be written: one line naming it, like the other commands
        print(f"brink: cannot write {error.filename or arguments.out or 'the paintings'}: {error.strerror or error}",
              file=sys.stderr)
        return 1


def _paint(arguments, parser) -> int:
    from pathlib import Path

    from game.art import bake, catalog, png
    from game.art.cache import write_bytes_atomically

    if arguments.scenarios:
        scenarios = [_load_or_report(name, parser) for name in arguments.scenarios]
        if any(scenario is None for scenario in scenarios):
            return 1
    else:
        from game.scenario.load import load_scenario

        scenarios = [load_scenario(path) for path in paths.available_scenarios()
                     if path.is_relative_to(paths.scenarios_folder())]
    from game.art.cache import ArtCache

    ArtCache().tidy()  # what a painter killed half-way left in the cache last time
    report = bake.BakeReport()
    jobs = bake.plan(scenarios, arguments.only, report)
    for note in report.notes:
        print(f"brink art: {note}", file=sys.stderr)
    bake.bake(jobs, Path(arguments.out) if arguments.out else None, arguments.force,
              progress=bake.progress_bar(sys.stderr), report=report,
              workers=arguments.jobs or bake.default_workers())
    root = Path(arguments.out) if arguments.out else catalog.art_folder()
    for path in report.changed:
        print(f"painted again, its description having changed: {path.relative_to(root).as_posix()}")
    print(f"{report.summary()} (--force paints every one again)")
    if arguments.contact_sheet:
        sheet = bake.contact_sheet(bake.baked_files(Path(arguments.out) if arguments.out else None),
                                   label=_caption_renderer())
        write_bytes_atomically(Path(arguments.contact_sheet), png.encode(sheet, palette=True))
        print(f"contact sheet: {arguments.contact_sheet}")
    if arguments.lineup:
        groups = []
        for scenario in scenarios:
            people = [(role.name.get("en"), role.id) for role in scenario.roles.values()]
            people += [(advisor.name.get("en"), advisor.id) for role in scenario.roles.values() for advisor in role.advisors]
            groups.append((scenario.title.get("en"),
                           [(name, root / catalog.portrait_path(scenario.id, person).relative_to(catalog.art_folder()))
                            for name, person in people]))
        picture = bake.lineup(groups, label=_caption_renderer())
        write_bytes_atomically(Path(arguments.lineup), png.encode(picture, palette=True))
        print(f"lineup: {arguments.lineup}")
    for problem in report.problems:
        print(f"brink art: {problem}", file=sys.stderr)
    return 1 if report.problems else 0


def _caption_renderer():
    """Captions for the contact sheet, drawn with pygame's fonts when pygame is there."""
    try:
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        import pygame

        pygame.font.init()
        face = str(paths.assets_folder() / "fonts" / "Vollkorn-Regular.ttf")
        fonts = [pygame.font.Font(face, size) for size in (15, 14, 13, 12)]
    except Exception:
        return None

    def caption(text: str, width: int):
        # a long name steps down a size or two rather than losing its last letters under the tile
        font = next((f for f in fonts if f.size(text)[0] <= width - 3), fonts[-1])
        surface = pygame.Surface((width, fonts[0].get_linesize() + 2))
        surface.fill((238, 227, 204))
        words = font.render(text, True, (60, 48, 36))
        surface.blit(words, (2, 1 + (fonts[0].get_linesize() - font.get_linesize()) // 2))
        return pygame.surfarray.array3d(surface).swapaxes(0, 1)
    return caption


def _scenario_path_or_usage(name: str, parser: argparse.ArgumentParser) -> str:
    """The file a SCENARIO argument names; an unknown one is a bad argument (usage, exit 2)."""
    path = paths.find_scenario(name)
    if path is None:
        parser.error(f"argument SCENARIO: no scenario '{name}' (known: {', '.join(sorted(paths.scenario_ids()))})")
    return str(path)


def _translate_export(arguments, parser) -> int:
    from game.tools.translate import export, language_problem

    problem = language_problem(arguments.lang)
    if problem:
        parser.error(f"argument --lang: {problem}")
    path = _scenario_path_or_usage(arguments.scenario, parser)
    return export(path, arguments.lang, arguments.output, sys.stdout, sys.stderr)


def _translate_import(arguments, parser) -> int:
    from game.tools.translate import import_translations

    path = _scenario_path_or_usage(arguments.scenario, parser)
    return import_translations(path, arguments.po_file, arguments.allow_fuzzy, sys.stderr)


def _schema(arguments, parser) -> int:
    from game.scenario.schema import schema_path, schema_text

    if arguments.path:
        print(schema_path())
        return 0
    sys.stdout.write(schema_text())
    return 0


def _pack(arguments, parser) -> int:
    """Exit 1 when the scenario has errors or cannot be packed; nothing is written then."""
    from pathlib import Path

    from game.packs.limits import PackRefused
    from game.packs.pack import write_pack

    scenario = _load_or_report(arguments.scenario, parser, freeze=True)
    if scenario is None:
        print(f"brink pack: {arguments.scenario}: not packed: the scenario has errors", file=sys.stderr)
        return 1
    out = Path(arguments.out or f"{scenario.id}.brink")
    try:
        made = write_pack(scenario, out)
    except PackRefused as error:
        print(f"brink pack: {scenario.path}: not packed: {error}", file=sys.stderr)
        return 1
    for note in made.left_out:
        print(f"left out: {note}")
    print(f"packed {scenario.id} ({len(made.files)} file{'s' if len(made.files) != 1 else ''}, "
          f"license: {scenario.license or 'none given'}) into {out}")
    if not scenario.license:
        print("brink pack: the scenario names no license, so whoever receives it cannot tell what they may do "
              "with it; add one at its top, e.g. 'license: CC-BY-4.0'", file=sys.stderr)
    return 0


def _install(arguments, parser) -> int:
    """Exit 1 for any refusal: one line saying why (and a scenario's own errors, located, above it)."""
    from pathlib import Path

    from game.packs.install import InvalidScenario, install
    from game.packs.limits import PackRefused
    from game.scenario.errors import format_diagnostic

    try:
        done = install(Path(arguments.pack), force=arguments.force)
    except PackRefused as error:
        for diagnostic in getattr(error, "diagnostics", ()) if isinstance(error, InvalidScenario) else ():
            print(format_diagnostic(diagnostic), file=sys.stderr)
        print(f"brink install: {arguments.pack}: {error}", file=sys.stderr)
        return 1
    print(f"{'replaced' if done.replaced else 'installed'} {done.id} ({done.title}; "
          f"license: {done.license or 'none given'}) in {done.folder}")
    print(f"play it with: brink play {done.id}")
    return 0


def _uninstall(arguments, parser) -> int:
    from game.packs.install import uninstall
    from game.packs.limits import PackRefused

    try:
        folder = uninstall(arguments.id)
    except PackRefused as error:
        print(f"brink uninstall: {error}", file=sys.stderr)
        return 1
    print(f"uninstalled {arguments.id} (removed {folder})")
    return 0


def _scenarios(arguments, parser) -> int:
    from game.scenario.load import load_with_diagnostics

    hidden = {clash.user: clash for clash in paths.id_clashes()}
    for path in paths.available_scenarios():
        if path in hidden:
            print(f"{path.parent.name:<28} (hidden by the shipped scenario of the same id: {path})")
            print(f"brink: {hidden[path].message()}", file=sys.stderr)
            continue
        scenario, diagnostics = load_with_diagnostics(path)
        if scenario is None:
            print(f"{path.parent.name:<28} (invalid: run 'brink validate {path}')")
        else:
            from game.packs.install import RECORD_NAME

            packed = ", installed from a pack" if (path.parent / RECORD_NAME).is_file() else ""
            print(f"{path.parent.name:<28} {scenario.title}  [{len(scenario.days)} days, roles: "
                  f"{', '.join(scenario.roles)}{packed}]")
    return 0
