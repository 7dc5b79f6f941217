"""Brinkmanship: a crisis decision simulation game.

The packages form one-way layers: ``scenario`` (model and loading) <- ``engine`` (rules) <-
``tools``, ``text``, ``ui`` and ``cli``. Nothing below ``ui`` imports pygame.
"""

__version__ = "0.1.0"
