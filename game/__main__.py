"""``python -m game`` is the same program as the ``brink`` console script."""

from game.cli import main

raise SystemExit(main())
