"""Optional sound: a few soft tones made in code. No audio device, or any mixer error, means silence."""

from __future__ import annotations

import array
import math

import pygame

RATE = 22050


def _tone(frequencies: tuple[float, ...], seconds: float, volume: float) -> bytes:
    samples = array.array("h")
    count = int(RATE * seconds)
    for index in range(count):
        t = index / RATE
        envelope = min(1.0, t * 200) * math.exp(-5.0 * t / seconds)
        value = sum(math.sin(2 * math.pi * f * t) for f in frequencies) / len(frequencies)
        samples.append(int(32767 * volume * envelope * value))
    return samples.tobytes()


class Sound:
    def __init__(self, enabled: bool = True):
        self.enabled = enabled
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._ready = False
        self._tried = False

    def _start(self) -> None:
        self._tried = True
        try:
            pygame.mixer.init(RATE, -16, 1, 512)
            self._sounds = {
                "click": pygame.mixer.Sound(buffer=_tone((880.0,), 0.05, 0.18)),
                "order": pygame.mixer.Sound(buffer=_tone((392.0, 587.3), 0.35, 0.22)),
                "news": pygame.mixer.Sound(buffer=_tone((261.6, 329.6, 392.0), 0.6, 0.2)),
                "alarm": pygame.mixer.Sound(buffer=_tone((196.0, 207.7), 0.8, 0.25)),
            }
            self._ready = True
        except (pygame.error, OSError, ValueError):
            self._ready = False

    def play(self, name: str) -> None:
        if not self.enabled:
            return
        if not self._tried:
            self._start()
        if not self._ready:
            return
        sound = self._sounds.get(name)
        try:
            if sound is not None:
                sound.play()
        except pygame.error:
            self._ready = False

    def close(self) -> None:
        if self._ready:
            try:
                pygame.mixer.quit()
            except pygame.error:
                pass
        self._ready = False
