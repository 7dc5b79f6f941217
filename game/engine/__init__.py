"""The rules: pure and deterministic from a seed; imports ``game.scenario`` and nothing above it."""
