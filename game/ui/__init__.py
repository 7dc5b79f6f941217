"""The windowed game: pygame draws the engine's state and turns input into its commands."""
