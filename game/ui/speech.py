"""Self-voicing: the focused widget's words spoken aloud, as Ren'Py does, for players who cannot read the screen.

Speech is an optional extra (``pip install brinkmanship[voice]`` brings pyttsx3, which speaks through
the system's engine: espeak-ng on Linux, SAPI5 on Windows, NSSpeechSynthesizer on macOS). The window
talks to one small interface, ``Speaker``; the engine runs on a thread of its own, so a long
sentence never holds up a frame, and only the newest sentence waiting is spoken: when the focus
walks past five buttons while one is being said, the four in between are skipped. Without the
extra, or without an engine under it, a ``SilentSpeaker`` says why (Settings shows it) and the
game plays on.
"""

from __future__ import annotations

import importlib.util
import queue
import shutil
import sys
import threading
from typing import Protocol

NO_EXTRA = "no_extra"  # pyttsx3 is not installed
NO_ENGINE = "no_engine"  # pyttsx3 is, but the system's speech engine (espeak-ng) is not
NO_PLAYER = "no_player"  # on Linux, pyttsx3 plays what espeak-ng says with aplay (alsa-utils), which is missing


class Speaker(Protocol):
    """What the window needs of a voice: say a text (in place of any still waiting), be quiet, close."""

    problem: str | None  # why nothing can be heard (NO_EXTRA, NO_ENGINE), or None

    def say(self, text: str) -> None: ...

    def stop(self) -> None: ...

    def close(self) -> None: ...


class RecordingSpeaker:
    """Keeps what it is asked to say: the tests' ears."""

    problem = None

    def __init__(self) -> None:
        self.spoken: list[str] = []

    def say(self, text: str) -> None:
        self.spoken.append(text)

    def stop(self) -> None:
        pass

    def close(self) -> None:
        pass


class SilentSpeaker:
    """No voice to be had; ``problem`` says why."""

    def __init__(self, problem: str, detail: str = ""):
        self.problem: str | None = problem  # as a Speaker's: always set here
        self.detail = detail

    def say(self, text: str) -> None:
        pass

    def stop(self) -> None:
        pass

    def close(self) -> None:
        pass


class EngineSpeaker:
    """pyttsx3 on a thread of its own: the frame hands over a sentence and goes on drawing.

    Only the newest sentence matters (the focus has moved past the others), so the queue is
    drained before each one is spoken. The engine is only ever touched from its own thread:
    pyttsx3's espeak driver can deadlock inside espeak-ng when it is stopped from another thread
    in the middle of a sentence, so a sentence under way is let finish. If the engine cannot
    start (no espeak-ng), ``problem`` becomes NO_ENGINE and every later ``say`` is a no-op.
    """

    def __init__(self, language: str = "en"):
        self.problem: str | None = None
        self.detail = ""
        self.language = language
        self._sentences: queue.Queue[str | None] = queue.Queue()
        self._started = threading.Event()
        self._thread = threading.Thread(target=self._run, name="speech", daemon=True)
        self._thread.start()

    def say(self, text: str) -> None:
        if self.problem is None and text:
            self._sentences.put(text)

    def stop(self) -> None:
        """Nothing more is said: the sentences waiting are dropped (the one under way finishes)."""
        try:
            while True:
                self._sentences.get_nowait()
        except queue.Empty:
            pass

    def close(self) -> None:
        self.stop()
        self._sentences.put(None)

    def wait_ready(self, seconds: float = 5.0) -> bool:
        """Wait until the engine started or failed (Settings does not wait: it looks again each frame)."""
        return self._started.wait(seconds)

    def _run(self) -> None:
        try:
            import pyttsx3

            engine = pyttsx3.init()
            choose_voice(engine, self.language)
        except Exception as error:  # noqa: BLE001  (any engine failure: a silent game, never a crash)
            self.problem, self.detail = NO_ENGINE, str(error)
            self._started.set()
            return
        if sys.platform.startswith("linux") and shutil.which("aplay") is None:
            # pyttsx3 would say nothing and print "aplay: not found" for every sentence
            self.problem, self.detail = NO_PLAYER, "aplay is not installed"
            self._started.set()
            return
        self._started.set()
        while True:
            text = self._sentences.get()
            while text is not None and not self._sentences.empty():
                text = self._sentences.get_nowait()  # only the newest: the focus has moved past the rest
            if text is None:
                return
            try:
                engine.say(text)
                engine.runAndWait()
            except Exception as error:  # noqa: BLE001
                self.problem, self.detail = NO_ENGINE, str(error)
                return


def sentences(*parts: str) -> str:
    """Parts read one after another, each ended by a full stop unless it already ends a sentence,
    so a voice pauses between a title and a button without reading "screen.." oddly."""
    said = []
    for part in parts:
        part = " ".join(str(part).split())
        if not part:
            continue
        said.append(part if part[-1] in ".!?:;…”\"" else part + ".")
    return " ".join(said)


def choose_voice(engine, language: str) -> None:
    """A voice that speaks ``language``, when the engine has one; else the engine's default."""
    chosen = voice_for(engine.getProperty("voices") or [], language)
    if chosen is not None:
        engine.setProperty("voice", chosen)


def voice_for(voices, language: str):
    """The id of a voice for ``language``: one for the language itself first ("ru" finds espeak-ng's
    "zle/ru"), else one for a region of it ("en" finds "en-us" when there is no plain "en")."""
    def names(voice) -> list[str]:
        return [str(voice.id).lower(), *(str(item).lower() for item in (getattr(voice, "languages", None) or []))]

    for voice in voices:
        if any(name == language or name.endswith("/" + language) for name in names(voice)):
            return voice.id
    for voice in voices:
        if any(name.startswith(language + "-") or ("/" + language + "-") in name for name in names(voice)):
            return voice.id
    return None


def open_speaker(language: str = "en") -> Speaker:
    """The voice the machine can offer: pyttsx3's engine, or a silent speaker that says what is missing."""
    if importlib.util.find_spec("pyttsx3") is None:
        return SilentSpeaker(NO_EXTRA)
    return EngineSpeaker(language)  # finds its engine on its own thread; a failure shows in ``problem``
