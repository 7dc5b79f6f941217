"""Scenario packs: one ``.brink`` file that carries a scenario and its pictures from author to player.

A pack is a zip archive: ``manifest.json`` (the scenario's id and license, the formats, the
oldest game that can play it, a SHA-256 checksum of every file) and the scenario's folder,
``scenario.yaml`` at the top. ``pack`` writes one, byte for byte the same from the same
folder; ``install`` treats one as untrusted input (a pack comes from a stranger's email or a
shared drive) and installs it into the player's scenarios folder only when every check holds.
"""
