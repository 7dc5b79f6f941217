"""A room's decision clock: when today's time runs out, paused or running, and time added.

Plain numbers of server time (seconds), never a browser's clock: the room hands in the time of
each command, so the clock is the same after a replay and a test moves it with a fake clock.
The room decides what may happen when (a clock exists only while orders are open); this
keeps the arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MINUTES = 5.0  # a day's decision time when neither the host nor the scenario says
DEFAULT_LETTER_MINUTES = 3.0  # a letter's delay when neither the scenario nor the teacher says


@dataclass(slots=True)
class DecisionClock:
    deadline: float | None = None  # when today's time runs out, while the clock runs
    left: float | None = None  # seconds left, while the clock is paused
    total: float = 0.0  # today's time, with any time added
    paused: bool = False  # the teacher's pause: also holds a day that opens meanwhile

    @property
    def ticking(self) -> bool:
        """Whether there is a clock today (running or paused)."""
        return self.deadline is not None or self.left is not None

    def start(self, seconds: float, at: float) -> None:
        self.total = seconds
        if self.paused:
            self.deadline, self.left = None, seconds
        else:
            self.deadline, self.left = at + seconds, None

    def stop(self) -> None:
        self.deadline, self.left, self.total = None, None, 0.0

    def pause(self, at: float) -> None:
        self.paused = True
        if self.deadline is not None:
            self.left, self.deadline = max(0.0, self.deadline - at), None

    def resume(self, at: float) -> None:
        self.paused = False
        if self.left is not None:
            self.deadline, self.left = at + self.left, None

    def add(self, seconds: float) -> None:
        self.total += seconds
        if self.deadline is not None:
            self.deadline += seconds
        elif self.left is not None:
            self.left += seconds

    def remaining(self, now: float) -> float | None:
        """Seconds left at ``now`` (never below zero), or None without a clock today."""
        if self.deadline is not None:
            return max(0.0, self.deadline - now)
        return self.left

    def run_out(self, now: float) -> bool:
        return self.deadline is not None and now >= self.deadline
