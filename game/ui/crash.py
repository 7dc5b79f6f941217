"""When the window's loop fails: a crash report in the player's log folder, and a word about where.

A game that vanishes mid-crisis leaves the player nothing to send and the author nothing to
fix. Instead the loop hands the exception here: the report (traceback, game version, scenario,
the last day's orders and the orders given so far today) is written atomically to the logs
folder, the terminal is told through ``logging``, and, if the display still works, a plain
screen says the same until a key is pressed.
"""

from __future__ import annotations

import datetime
import logging
import platform
import sys
import traceback
from pathlib import Path

import pygame

from game import __version__, paths
from game.engine.atomic import write_atomically

log = logging.getLogger("brinkmanship.crash")


def report_crash(app, error: BaseException) -> Path | None:
    """Write the crash report and say where on stderr; None when even the report could not be written."""
    _log_to_terminal()
    text = crash_report(app, error)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = paths.logs_folder() / f"crash-{stamp}.txt"
    try:
        write_atomically(path, text)
    except OSError as failure:
        log.critical("brink: the game stopped on an error, and its report could not be written (%s):\n%s",
                     failure, text)
        return None
    log.critical("brink: the game stopped on an error (%s: %s). A crash report is in %s",
                 type(error).__name__, error, path)
    return path


def crash_report(app, error: BaseException) -> str:
    """The report's text: what failed, in which game, and enough of the game to play it again."""
    lines = [
        f"Brinkmanship {__version__} crash report, {datetime.datetime.now().isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} on {platform.platform()}"
        f"{' (standalone build)' if getattr(sys, 'frozen', False) else ''}",
        f"Screens: {' > '.join(type(scene).__name__ for scene in getattr(app, 'scenes', [])) or 'none'}",
    ]
    match = current_match(app)
    if match is None:
        lines.append("Scenario: none (no game was being played)")
    else:
        try:
            lines.extend(_game_lines(match))
        except Exception as failure:  # noqa: BLE001  (the game may be what broke: the traceback still goes out)
            lines.append(f"Scenario: unreadable ({type(failure).__name__}: {failure})")
    lines.append("")
    lines.append("".join(traceback.format_exception(error)).rstrip())
    return "\n".join(lines) + "\n"


def current_match(app):
    """The game on the topmost screen that holds one, if any."""
    for scene in reversed(getattr(app, "scenes", [])):
        match = getattr(scene, "match", None)
        if match is not None:
            return match
    return None


def _game_lines(match) -> list[str]:
    session = match.session
    scenario = session.scenario
    state = session.state
    lines = [
        f"Scenario: {scenario.id} ({getattr(scenario, 'path', None) or 'no file'})",
        f"Seed: {state.seed}",
        f"Players: {', '.join(f'{role}={who}' for role, who in match.players.items())}",
        f"Day: {state.day_index + 1} of {len(scenario.days)}, phase {session.phase.value}",
    ]
    if state.history:
        last = state.history[-1]
        given = ", ".join(f"{role}={choice or '-'}" for role, choice in last.orders)
        lines.append(f"Last day's orders ({last.day_id}): {given}")
    else:
        lines.append("Last day's orders: none yet (the first day)")
    if session.orders:
        lines.append(f"Orders given today: {', '.join(f'{role}={choice}' for role, choice in session.orders)}")
    if state.history:
        lines.append("Every day's orders: " + "; ".join(
            f"{record.day_id}: " + ", ".join(f"{role}={choice or '-'}" for role, choice in record.orders)
            for record in state.history))
    return lines


def show_crash_screen(app, path: Path | None) -> None:
    """A plain screen saying what happened and where the report is, until a key, a click or closing.

    Drawn with pygame's own font, not the game's theme: whatever failed may be the theme.
    """
    try:
        surface = pygame.display.get_surface()
        if surface is None:
            return
        draw_crash_screen(surface, _words(app), path)
        pygame.display.flip()
        clock = pygame.time.Clock()
        while True:
            for event in pygame.event.get():
                if event.type in (pygame.QUIT, pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
                    return
            clock.tick(20)
    except pygame.error:  # the display went with the game: the terminal has been told
        return


def draw_crash_screen(surface: pygame.Surface, _, path: Path | None) -> None:
    pygame.font.init()  # idempotent; the report may come before or without the game's own fonts
    width, height = surface.get_size()
    surface.fill((244, 238, 226))
    size = max(18, height // 30)
    heading = pygame.font.Font(None, size * 2)
    body = pygame.font.Font(None, size)
    lines = [(heading, _("The game stopped on an error")), (body, "")]
    if path is not None:
        lines += [(body, _("A crash report was written to:")), (body, str(path)), (body, ""),
                  (body, _("Please send it with a few words on what you were doing."))]
    else:
        lines += [(body, _("The crash report could not be written; the terminal shows it."))]
    lines += [(body, ""), (body, _("Press any key to close."))]
    y = height // 4
    for font, text in lines:
        picture = font.render(text, True, (40, 36, 32))
        if picture.get_width() > width - 40:
            picture = pygame.transform.smoothscale(
                picture, (width - 40, max(1, picture.get_height() * (width - 40) // picture.get_width())))
        surface.blit(picture, picture.get_rect(midtop=(width // 2, y)))
        y += picture.get_height() + size // 3


def _words(app):
    try:
        return app.words
    except Exception:  # noqa: BLE001  (the crash screen must show, in English if need be)
        from game import i18n

        return i18n.words("en")


def _log_to_terminal() -> None:
    """Crash messages always reach the terminal, whatever else logging was told to do."""
    if not log.handlers:
        handler = _StandardError()
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
        log.propagate = False


class _StandardError(logging.StreamHandler):
    """Writes to ``sys.stderr`` as it is when a message comes, not as it was when logging was set up."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass
