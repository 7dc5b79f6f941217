"""Network play for a classroom: the teacher's machine hosts, students join from any browser.

One front end more, beside the window and the text mode. ``room`` holds one engine session per
room and the seats around it and applies the same engine commands they do; ``views`` decides,
in one function, what each seat may see; ``store`` keeps every room as an append-only list of
commands in SQLite; ``protocol`` checks every message a browser sends; ``server`` is the aiohttp
application; ``host`` is ``brink host`` and the window's "Host a class"; ``timer`` and
``letters`` keep the decision clock's and the letters' times. Nothing here imports pygame.
"""
