"""The windowed game: pygame draws the engine's state and turns input into its commands.

Every module that imports pygame lives in this package, so setting the variable here, before
any of them runs, keeps pygame's "Hello from the pygame community" banner out of the output.
"""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
