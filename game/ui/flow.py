"""Which screen comes next, read from the match's phase: the one place that sequences a game.

Game screens call ``show_current`` after each command; it puts on screen whatever the match
needs now (a briefing, a player's orders, the pass-the-screen cover between two players, the
resolution, the ending). Computer players give their orders here, through the match.
"""

from __future__ import annotations

from game.engine.machine import Phase
from game.ui.match import Match


def show_current(app, match: Match) -> None:
    match.language = app.language  # a loaded or continued game speaks the player's chosen language too
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
    """Open a loaded or continued game where it stands (autosaved to ``--save`` when one was given)."""
    match.autosave = getattr(app, "save_path", None) or match.autosave
    show_current(app, match)


def reload_scenario(app) -> None:
    """F5: read the game's scenario file again and go on from the same day on the new version.

    A file with errors leaves the game as it was and lists the errors over it; a good file
    replaces the session under every screen that shows this match, and the screen the player
    was on is put back, with the card they had marked on the day screen still marked.
    """
    from pathlib import Path

    from game.ui.reload import reload_session
    from game.ui.scenes.problems import ProblemsScene

    game = next((scene for scene in app.scenes if getattr(scene, "match", None) is not None), None)
    if game is None:
        app.notify(app.words.gettext("F5 reloads the scenario file during a game"))
        return
    match = game.match
    reloaded = reload_session(match.session)
    if not reloaded.ok:
        if isinstance(app.top, ProblemsScene):
            app.pop()
        app.notice = None
        app.push("problems", reloaded=reloaded)
        return
    assert reloaded.session is not None  # ok: there is a new session
    scenario = reloaded.session.scenario
    gone = [role for role in match.humans if role not in scenario.roles]
    if gone:
        app.notify(app.words.gettext("{file} was not reloaded: the seat '{seat}' you play is no longer in it")
                   .format(file=reloaded.file_name, seat=gone[0]), 6.0)
        return
    marked = [(scene.role, scene.selected, scene.tab, scene.page) for scene in app.scenes if hasattr(scene, "selected")]
    match.session = reloaded.session
    match.players = {role: match.players.get(role, "historical") for role in scenario.roles}
    app.scenario_cache[str(Path(scenario.path).resolve())] = scenario
    match.write_autosave()
    if match.phase is Phase.RESOLUTION:
        app.reset("resolution", match=match, record=match.session.state.history[-1])
    else:
        show_current(app, match)
    top = app.top
    for role, selected, tab, page in marked:
        if getattr(top, "role", None) == role and hasattr(top, "selected"):
            top.selected = selected if selected in {c.id for c in match.legal(role)} else None
            top.tab = tab
            top.page = page
            top.relayout()
    app.notify(reloaded.summary(app.words), 6.0 if reloaded.stopped else 3.5)


def show_formula_error(app, error) -> None:
    """A formula of the scenario came to no usable number: its line, over the screen the game is on."""
    from game.scenario.errors import format_diagnostic
    from game.ui.reload import Reloaded
    from game.ui.scenes.problems import ProblemsScene

    if isinstance(app.top, ProblemsScene):
        app.pop()
    path = error.location.path if error.location is not None else "the scenario"
    app.push("problems", reloaded=Reloaded(path, None, (format_diagnostic(error.diagnostic),)))


def show_write_problems(app, match: Match) -> None:
    """Say at the foot of the screen, once, that the autosave or the log could not be written.

    The game goes on either way; the player learns that quitting now would lose it (the autosave)
    or that there will be no record to debrief from (the log), and where the write failed.
    """
    problems = match.take_write_problems()
    if not problems:
        return
    _ = app.words
    lines = []
    for problem in problems:
        if problem.what == "autosave":
            lines.append(_("The game goes on, but it could not be autosaved to {file}: {reason}",
                           file=str(problem.path), reason=problem.reason))
        else:
            lines.append(_("The game goes on, but its log could not be written to {file}: {reason}",
                           file=str(problem.path), reason=problem.reason))
    app.notify("\n".join(lines), 8.0)
