"""The terminal front end: the whole game as plain text on standard input and output."""
