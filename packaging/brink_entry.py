"""The frozen program's entry: the same ``brink`` command as the console script.

``freeze_support`` must run first: a frozen program is its own Python, so the worker processes
of ``brink art --jobs`` and the debrief report start this same executable, which has to turn
into a worker instead of parsing the command line again.
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from game.cli import main

    raise SystemExit(main())
