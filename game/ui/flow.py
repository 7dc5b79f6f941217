"""Which screen comes next, read from the match's phase: the one place that sequences a game.

Game screens call ``show_current`` after each command; it puts on screen whatever the match
needs now (a briefing, a player's orders, the pass-the-screen cover between two players, the
resolution, the ending). Computer players give their orders here, through the match.
"""

from __future__ import annotations

from game.engine.machine import Phase
from game.ui.match import Match


def show_current(app, match: Match) -> None:
    phase = match.phase
    if phase is Phase.DAY_END:
        match.finish_day()
        phase = match.phase
    if phase is Phase.ENDED:
        app.reset("ending", match=match)
        return
    if phase is Phase.RESOLUTION:
        app.reset("resolution", match=match, record=match.session.state.history[-1])
        return
    humans = match.humans
    if phase is Phase.BRIEFING and humans:
        role = humans[0]
        if match.hot_seat:
            app.reset("pass_screen", match=match, role=role)
        else:
            app.reset("briefing", match=match, role=role)
        return
    match.computer_orders()
    waiting = match.humans_waiting()
    if waiting:
        role = waiting[0]
        if match.hot_seat:
            app.reset("pass_screen", match=match, role=role)
        else:
            app.reset("day", match=match, role=role)
        return
    record = match.resolve()
    app.reset("resolution", match=match, record=record)


def continue_match(app, match: Match) -> None:
    """Open a loaded or continued game where it stands."""
    show_current(app, match)
