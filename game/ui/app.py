"""The window, the loop and the scene stack.

The loop updates the scenes in fixed steps of simulated time and draws once per frame, so
animation speed never depends on the frame rate (Nystrom, *Game Programming Patterns*: Game
Loop). Scenes live on a stack (push, pop, replace) and follow Tuxemon's lifecycle: ``resume``
when they come on top, ``pause`` when covered, ``process_event`` returning what they did not
use, ``update(dt)``, ``draw(surface)`` which never changes state, and ``shutdown``.

Scenes are registered by name in ``game.ui.scenes.registry`` and built with what they need;
nothing here is global, so tests run several apps in one process.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from collections.abc import Callable

import pygame

from game import i18n
from game.ui.art import ArtLibrary
from game.ui.keymap import KeyMap
from game.ui.settings import Settings, load_settings, save_settings
from game.ui.sound import Sound
from game.ui.speech import Speaker
from game.ui.theme import Theme

STEP = 1 / 120  # seconds of simulated time per update
MAX_STEPS = 12  # after a stall, catch up at most this many steps, then let time slip
MIN_SIZE = (960, 540)


class App:
    def __init__(self, settings: Settings | None = None, *, baked_art: bool = True,
                 persist_settings: bool = True, scenario_cache: dict | None = None):
        pygame.display.init()
        pygame.font.init()
        self.settings = settings or load_settings()
        self.persist_settings = persist_settings
        if persist_settings:  # the real player's folders, not a test's: tidy what a killed write left
            tidy_user_folders()
        self.window = self._open_window(self.settings)
        self.ledger = None  # a TextLedger when a test wants to know where every text landed
        self.theme = Theme(*self.window.get_size(), self.settings.text_scale, self.settings.palette,
                           words=i18n.words(self.settings.language))
        self.art = ArtLibrary(baked=baked_art)
        self.sound = Sound(enabled=self.settings.sound)
        self.scenario_cache: dict = scenario_cache if scenario_cache is not None else {}
        self.scenes: list = []
        self.running = True
        self.clock_time = 0.0  # seconds of simulated time since start
        self._accumulated = 0.0
        self.frames = 0
        self.notice: tuple[str, float] | None = None  # a short message and when it fades
        self.startup_seconds = 0.0  # from the start to the first screens open
        self.language = self.settings.language  # the scenario texts' language (Settings, or --lang for one run)
        self.estimates_allowed = True  # False for a run started with --no-estimates
        self.log_path: Path | None = None  # the session log asked for on the command line (--log)
        self.save_path: Path | None = None  # the file the game autosaves to, asked for on the command line (--save)
        self.keys = KeyMap.from_settings(self.settings.keys)
        self.speaker: Speaker | None = None  # opened when self-voicing is first wanted
        self.voicing_forced = False  # --voice: self-voicing for this run, whatever the Settings say
        from game.ui.scenes import registry

        self.registry: dict[str, Callable] = registry()
        pygame.display.set_caption("Brinkmanship")
        pygame.key.set_repeat(350, 40)

    @property
    def words(self) -> i18n.Words:
        """The interface's words in the player's language (``game.i18n``)."""
        return i18n.words(self.language)

    # --- the window -----------------------------------------------------------------------------
    def _open_window(self, settings: Settings) -> pygame.Surface:
        if settings.fullscreen:
            try:
                return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            except pygame.error:
                pass
        size = (max(MIN_SIZE[0], settings.width), max(MIN_SIZE[1], settings.height))
        return pygame.display.set_mode(size, pygame.RESIZABLE)

    @property
    def size(self) -> tuple[int, int]:
        return self.window.get_size()

    def resize(self, size: tuple[int, int]) -> None:
        size = (max(MIN_SIZE[0], int(size[0])), max(MIN_SIZE[1], int(size[1])))
        if self.window.get_size() != size or self.settings.fullscreen:
            self.window = pygame.display.set_mode(size, pygame.RESIZABLE)
        self._retheme()

    def apply_settings(self, settings: Settings) -> None:
        """Take new settings: reopen the window if its size or mode changed, redo every layout."""
        old = self.settings
        self.settings = settings
        unsaved = None
        if self.persist_settings:
            try:
                save_settings(settings)
            except OSError as error:  # they apply all the same; the player learns they will not last
                unsaved = error
        if (old.size, old.fullscreen) != (settings.size, settings.fullscreen):
            self.window = self._open_window(settings)
        self.sound.enabled = settings.sound
        self.keys = KeyMap.from_settings(settings.keys)
        if old.self_voicing and not settings.self_voicing and self.speaker is not None:
            self.speaker.stop()
        if settings.language != old.language:
            self._speak(settings.language)
        self._retheme()
        if unsaved is not None:
            from game.ui.settings import settings_path

            _ = self.words
            self.notify(_("The settings apply now, but could not be saved to {file}: {reason}",
                          file=str(unsaved.filename or settings_path()), reason=unsaved.strerror or unsaved), 8.0)

    # --- self-voicing and motion -------------------------------------------------------------------
    @property
    def voicing(self) -> bool:
        return self.settings.self_voicing or self.voicing_forced

    @property
    def reduced_motion(self) -> bool:
        return self.settings.reduced_motion

    def voice(self) -> Speaker:
        """The speaker, opened on first use (pyttsx3 when the [voice] extra is installed, else a silent one)."""
        if self.speaker is None:
            from game.ui.speech import open_speaker

            self.speaker = open_speaker(self.language)
        return self.speaker

    def speak(self, text: str) -> None:
        """Say ``text`` when self-voicing is on, in place of what is still waiting to be said; never waits for the voice."""
        if self.voicing and text and text.strip():
            self.voice().say(" ".join(text.split()))

    def set_language(self, language: str) -> None:
        """Speak ``language`` in the scenario's texts from now on, in the game on screen too."""
        if language != self.language:
            self._speak(language)
            self._retheme()

    def _speak(self, language: str) -> None:
        self.language = language
        if self.speaker is not None:  # a voice for the new language, found when next needed
            self.speaker.close()
            self.speaker = None
        for scene in self.scenes:
            if getattr(scene, "match", None) is not None:
                scene.match.language = language

    def _retheme(self) -> None:
        width, height = self.window.get_size()
        self.theme = Theme(width, height, self.settings.text_scale, self.settings.palette, self.ledger, self.words)
        for scene in self.scenes:
            scene.relayout()

    def keep_ledger(self, ledger) -> None:
        """Enter every text drawn from now on in ``ledger`` (the readability tests' eyes)."""
        self.ledger = ledger
        self._retheme()

    # --- the scene stack ------------------------------------------------------------------------
    def make(self, name: str, **needs):
        return self.registry[name](self, **needs)

    def push(self, name: str, **needs):
        if self.scenes:
            self.scenes[-1].pause()
        scene = self.make(name, **needs)
        self.scenes.append(scene)
        scene.resume()
        return scene

    def pop(self):
        scene = self.scenes.pop()
        scene.shutdown()
        if self.scenes:
            self.scenes[-1].resume()
        return scene

    def replace(self, name: str, **needs):
        """The top scene gives way to a new one."""
        if self.scenes:
            self.scenes.pop().shutdown()
        scene = self.make(name, **needs)
        self.scenes.append(scene)
        scene.resume()
        return scene

    def reset(self, name: str, **needs):
        """Empty the stack and start over with one scene (e.g. back to the title)."""
        while self.scenes:
            self.scenes.pop().shutdown()
        return self.push(name, **needs)

    @property
    def top(self):
        return self.scenes[-1] if self.scenes else None

    def quit(self) -> None:
        self.running = False

    def notify(self, text: str, seconds: float = 3.5) -> None:
        """A short message at the foot of the screen ("Saved", "Cannot load ...")."""
        self.notice = (text, self.clock_time + seconds)
        self.speak(text)

    # --- the loop -------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.quit()
            return
        if event.type == pygame.VIDEORESIZE:
            if not self.settings.fullscreen:
                self.resize((event.w, event.h))
            return
        if event.type == pygame.WINDOWSIZECHANGED:
            if self.window.get_size() != (self.theme.width, self.theme.height):
                self._retheme()
            return
        if event.type == pygame.KEYDOWN and self.keys.pressed(event, "fullscreen") \
                and not self.waiting_for_key():
            self.apply_settings(self.settings.changed(fullscreen=not self.settings.fullscreen))
            return
        from game.scenario.errors import FormulaError
        from game.ui.flow import reload_scenario, show_formula_error

        try:
            if event.type == pygame.KEYDOWN and self.keys.pressed(event, "reload") and not self.waiting_for_key():
                reload_scenario(self)
            elif self.scenes:
                self.scenes[-1].process_event(event)
        except FormulaError as error:
            # The rules stopped before the number reached the game, so the game stands where it was.
            show_formula_error(self, error)

    def waiting_for_key(self) -> bool:
        """True while the keys page waits for the new key of an action: every key goes to it."""
        return bool(self.scenes) and getattr(self.scenes[-1], "listening", None) is not None

    def update(self, dt: float) -> None:
        self.clock_time += dt
        for scene in list(self.scenes):
            scene.update(dt)
        match = next((scene.match for scene in self.scenes if getattr(scene, "match", None) is not None), None)
        if match is not None:
            from game.ui.flow import show_write_problems

            show_write_problems(self, match)

    def draw(self, surface: pygame.Surface | None = None) -> pygame.Surface:
        surface = surface or self.window
        ledger = self.theme.ledger
        if ledger is not None:
            ledger.begin_frame()
        if not self.scenes:
            surface.fill(self.theme.palette.paper)
            return surface
        first = len(self.scenes) - 1
        while first > 0 and not self.scenes[first].opaque:
            first -= 1
        for scene in self.scenes[first:]:
            if ledger is not None:
                ledger.layer = type(scene).__name__
            scene.draw(surface)
        if self.notice is not None:
            if ledger is not None:
                ledger.layer, ledger.owner = "notice", "notice"
            self._draw_notice(surface)
        return surface

    def _draw_notice(self, surface: pygame.Surface) -> None:
        assert self.notice is not None  # drawn only while there is one
        text, until = self.notice
        if self.clock_time >= until:
            self.notice = None
            return
        theme = self.theme
        palette = theme.palette
        lines = theme.wrap(text, "body", min(theme.px(900), surface.get_width() - theme.px(80)))
        height = len(lines) * theme.line_height("body") + theme.px(20)
        width = max(theme.measure(line, "body") for line in lines) + theme.px(40)
        box = pygame.Rect(0, 0, width, height)
        box.midbottom = (surface.get_width() // 2, surface.get_height() - theme.px(24))
        pygame.draw.rect(surface, palette.ink, box, border_radius=theme.px(8))
        y = box.y + theme.px(10)
        for line in lines:
            theme.draw_text(surface, line, "body", palette.panel, (box.centerx, y), "midtop", box)
            y += theme.line_height("body")

    def frame(self, dt: float) -> None:
        """One turn of the loop: input, fixed-step updates for ``dt`` seconds, one drawing."""
        for event in pygame.event.get():
            self.handle(event)
            if not self.running:
                return
        self._accumulated += min(dt, STEP * MAX_STEPS)
        while self._accumulated >= STEP:
            self.update(STEP)
            self._accumulated -= STEP
        self.draw()
        pygame.display.flip()
        self.frames += 1

    def run(self) -> int:
        """Play until the player quits (0); after an error, a crash report and its screen (1)."""
        clock = pygame.time.Clock()
        try:
            while self.running and self.scenes:
                dt = clock.tick(60) / 1000.0
                self.frame(dt)
        except Exception as error:  # noqa: BLE001  (any failure: reported, never a silent exit)
            return self.crashed(error)
        self.close()
        return 0

    def crashed(self, error: Exception) -> int:
        """Write the crash report, say where (terminal and screen), close; the exit status 1."""
        from game.ui.crash import report_crash, show_crash_screen

        show_crash_screen(self, report_crash(self, error))
        self.close(after_crash=True)
        return 1

    def close(self, after_crash: bool = False) -> None:
        while self.scenes:
            try:
                self.scenes.pop().shutdown()
            except Exception:  # noqa: BLE001  (after a crash, a broken screen must not stop the others closing)
                if not after_crash:
                    raise
        self.sound.close()
        if self.speaker is not None:
            self.speaker.close()
        pygame.quit()


def tidy_user_folders() -> None:
    from game import paths
    from game.engine.atomic import remove_orphans

    for folder in (paths.user_folder(), paths.config_folder(), paths.saves_folder(), paths.logs_folder()):
        remove_orphans(folder)
    from game.art.cache import ArtCache

    ArtCache().tidy()


HEADLESS_DRIVERS = ("offscreen", "dummy")


def no_display() -> str | None:
    """Why no window can be seen, or None: SDL fell back to drawing off screen on its own.

    Without a display (an SSH session, a server) SDL picks its offscreen driver and the game would
    run unseen until killed. A headless driver asked for by name (``SDL_VIDEODRIVER=dummy``, as the
    tests and the benchmark do) is meant, and is let be.
    """
    asked = os.environ.get("SDL_VIDEODRIVER", "").strip().lower()
    if asked in HEADLESS_DRIVERS:
        return None
    if (not asked and sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        return "there is no display to open a window on (no DISPLAY or WAYLAND_DISPLAY)"
    try:
        pygame.display.init()
        driver = pygame.display.get_driver()
    except pygame.error as error:
        return f"cannot open a window ({error})"
    if driver.lower() in HEADLESS_DRIVERS:
        pygame.display.quit()
        return "there is no display to open a window on (no DISPLAY or WAYLAND_DISPLAY)"
    return None


def launch(scenario: str | None = None, role: str | None = None, opponent: str | None = None,
           seed: int | None = None, load: str | None = None, language: str | None = None, log: str | None = None,
           estimates: bool | None = None, save: str | None = None, voice: bool = False) -> int:
    """Start the window on the title screen, or straight into a game when asked from the command line."""
    started = time.perf_counter()
    missing = no_display()
    if missing:
        print(f"brink: {missing}; play in the terminal with 'brink play --text'", file=sys.stderr)
        return 1
    try:
        app = App()
    except pygame.error as error:
        print(f"brink: cannot open a window ({error}); play in the terminal with 'brink play --text'", file=sys.stderr)
        return 1
    if language:  # asked for on the command line, for this run; otherwise the Settings choice holds
        app.language = language
    app.log_path = Path(log) if log else None
    app.save_path = Path(save) if save else None
    from game.engine.atomic import remove_orphans_beside

    for path in (save, log):
        if path:  # what a writer killed half-way left beside the file last time
            remove_orphans_beside(path)
    if estimates is False:  # --no-estimates: the fog for this run, whatever the Settings say
        app.estimates_allowed = False
    app.voicing_forced = voice  # --voice: self-voicing for this run, whatever the Settings say
    try:
        _open_first_screens(app, scenario, role, opponent, seed, load)
    except _StartRefused:
        return 1
    except Exception as error:  # noqa: BLE001  (a screen that fails to open: reported as in the loop)
        return app.crashed(error)
    app.startup_seconds = time.perf_counter() - started
    return app.run()


class _StartRefused(Exception):
    """A save or scenario asked for on the command line was refused; the terminal has been told why."""


def _open_first_screens(app: App, scenario: str | None, role: str | None, opponent: str | None,
                        seed: int | None, load: str | None) -> None:
    app.push("title")
    if load:
        from game.engine.saves import SaveError
        from game.ui.match import load_match

        from game.scenario.errors import FormulaError, format_diagnostic
        from game.ui.flow import continue_match

        try:
            match = load_match(Path(load), app.scenario_cache, Path(scenario) if scenario else None)
            match.log_path = app.log_path or match.log_path
            continue_match(app, match)
        except SaveError as error:
            print(f"brink: {load}: {error.reason}", file=sys.stderr)
            raise _StartRefused from error
        except FormulaError as error:
            print(format_diagnostic(error.diagnostic), file=sys.stderr)
            raise _StartRefused from error
    elif scenario or role or seed is not None or (opponent and opponent != "historical"):
        app.push("setup", scenario=scenario, role=role, opponent=opponent, seed=seed)
