"""The watercolor painter: descriptions in, numpy pixel arrays out. Knows nothing of pygame."""
