"""The frozen program's entry: the same ``brink`` command as the console script.

``freeze_support`` must run first: a frozen program is its own Python, so the worker processes
of ``brink art --jobs`` and the debrief report start this same executable, which has to turn
into a worker instead of parsing the command line again.
"""

import multiprocessing
import os
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    # The windowed program (no console on Windows) has no standard streams: what the game would
    # print there goes nowhere instead of failing. The crash report still reaches its file.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
    from game.cli import main

    raise SystemExit(main())
