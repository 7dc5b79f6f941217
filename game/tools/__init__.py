"""Authoring and analysis tools built on the engine: validate, simulate, and more to come."""
