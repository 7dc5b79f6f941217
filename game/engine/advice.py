"""What each advisor says today: the first of their advice entries that fits the day and the situation."""

from __future__ import annotations

from game.engine.state import GameState
from game.scenario.model import Advice, Advisor, Scenario


def advice_for(scenario: Scenario, state: GameState, role_id: str) -> list[tuple[Advisor, Advice]]:
    """Each advisor at the table today with the advice that applies now; silent ones are left out.

    Entries are tried in file order; an entry applies when its ``day`` (if any) is today and its
    ``when`` (if any) holds. Authors put specific entries first and a general one last.
    """
    day = scenario.days[state.day_index]
    day_id = day.id
    result = []
    for advisor in day.advisors_present(scenario.roles[role_id]):
        for advice in advisor.advice:
            if advice.day is not None and advice.day != day_id:
                continue
            if advice.when is not None and not advice.when.test(state.values):
                continue
            result.append((advisor, advice))
            break
    return result
