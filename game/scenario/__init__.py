"""The scenario model and its loading: pure Python, no pygame."""
