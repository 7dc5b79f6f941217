"""A scripted classroom session of the 1962 crisis, written as a version 2 log line by line.

The report's tests need a log with everything a real classroom writes (recommendations with
reasons, a decision the clock made, injects of each kind, letters and statements, an undo);
this plays the engine for the Kennedy team and writes exactly what docs/log-format.md asks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from game.engine.injects import FireEvent, MoveMeter, apply_inject
from game.engine.log import named_values
from game.engine.opponents import HistoricalPolicy
from game.engine.resolve import day_random, legal_choices, resolve_day
from game.engine.state import new_game
from game.scenario.model import LEANING_SCORE

HOSTILE_NAME = "<script>alert('x')</script> Ada"
SEED = 1962


@dataclass(frozen=True)
class ScriptedSession:
    text: str  # the log
    days: int  # days resolved (after the undo)
    ending: str
    clock_day: str  # the day the clock decided for Kennedy
    undone_choice: str  # what the team ordered on the day it took back


def _time(minute: int) -> str:
    return f"2026-12-05T{9 + minute // 60:02d}:{minute % 60:02d}:00Z"


def script_session(scenario, hawkish_from: int = 6) -> ScriptedSession:
    """Kennedy's team follows history for a few days, then reaches for force; Khrushchev is the computer."""
    historical = HistoricalPolicy()
    state = new_game(scenario, SEED)
    kennedy_advisors = [advisor.id for advisor in scenario.roles["kennedy"].advisors]
    lines = [{"format": "brinkmanship-log", "version": 2, "scenario": scenario.id, "digest": scenario.digest,
              "seed": SEED, "front_end": "classroom", "room": "KXMPTA", "started": _time(0),
              "players": {"kennedy": "team", "khrushchev": "historical"},
              "initial": named_values(scenario, state.values)}]
    minute, clock_day, undone_choice, undone = 1, "", "", False
    event_injected = False
    while state.ending is None:
        index = state.day_index
        day = scenario.days[index]
        opened = _time(minute)
        if index == 2:  # the teacher moves a meter and sends news before the orders
            inject = MoveMeter("tension", 7, "A rumour of a second U-2 over Cuba")
            state = apply_inject(scenario, state, inject)
            lines.append({"kind": "inject", "at": _time(minute), "day": day.id, "inject": "meter", "meter": "tension",
                          "by": 7, "reason": inject.reason, "values": named_values(scenario, state.values)})
            lines.append({"kind": "inject", "at": _time(minute), "day": day.id, "inject": "news",
                          "text": "Radio Moscow: <b>all is calm</b> in Havana"})
        if index == 4 and not event_injected:
            event = next(e for e in scenario.events if e.id == "press_leak")
            state = apply_inject(scenario, state, FireEvent(event.id))
            event_injected = True
            lines.append({"kind": "inject", "at": _time(minute), "day": day.id, "inject": "event",
                          "event": event.id, "values": named_values(scenario, state.values)})
        if index == 3:
            lines.append({"kind": "message", "at": _time(minute), "day": day.id, "from": "kennedy",
                          "to": "khrushchev", "public": False, "text": "We ask you to halt the ships.",
                          "arrives_at": _time(minute + 30), "author": HOSTILE_NAME})
            lines.append({"kind": "message", "at": _time(minute), "day": day.id, "from": "khrushchev",
                          "to": "all", "public": True, "text": "The Soviet Union will defend Cuba.",
                          "arrives_at": _time(minute), "author": "Boris"})
        legal = legal_choices(scenario, state, "kennedy")
        if index < hawkish_from:
            recorded = day.historical.get("kennedy")
            kennedy = recorded if any(c.id == recorded for c in legal) else legal[0].id
        else:
            kennedy = max(legal, key=lambda c: (LEANING_SCORE[c.leaning], c.id)).id
        decided = "team"
        if index == 1:  # the clock ran out: the most cautious open choice was given
            kennedy = min(legal, key=lambda c: (LEANING_SCORE[c.leaning], c.id)).id
            decided, clock_day = "clock", day.id
        khrushchev_legal = legal_choices(scenario, state, "khrushchev")
        khrushchev = (historical.choose(scenario, state, "khrushchev", khrushchev_legal, day_random(SEED, index, 2))
                      if khrushchev_legal else None)
        recommendations = []
        for number, choice in enumerate(legal[:3]):
            student = HOSTILE_NAME if number == 0 else f"Student {number}"
            recommendations.append({"role": "kennedy", "advisor": kennedy_advisors[number % len(kennedy_advisors)],
                                    "student": student, "choice": choice.id,
                                    "reason": f"Because <i>{choice.id}</i> keeps options open & day {index + 1}.",
                                    "at": _time(minute + 2)})
        orders = {"kennedy": kennedy, "khrushchev": khrushchev}
        if index == 3 and not undone:  # the team orders something else first, and the teacher takes it back
            first = next(c.id for c in legal if c.id != kennedy)
            undone_choice, undone = first, True
            taken_back = resolve_day(scenario, state, {"kennedy": first, "khrushchev": khrushchev})
            lines.append(_day_line(scenario, day, taken_back, {"kennedy": first, "khrushchev": khrushchev},
                                   {"kennedy": "team", "khrushchev": "computer"}, recommendations, opened, _time(minute + 4)))
            if not taken_back.ended:  # an inject on the next day, taken back with the day
                inject = MoveMeter("tension", 20, "taken back with the day")
                lines.append({"kind": "inject", "at": _time(minute + 5), "day": scenario.days[index + 1].id,
                              "inject": "meter", "meter": "tension", "by": 20, "reason": inject.reason,
                              "values": named_values(scenario, apply_inject(scenario, taken_back, inject).values)})
            lines.append({"kind": "control", "at": _time(minute + 6), "day": day.id, "action": "undo"})
            minute += 7
        state = resolve_day(scenario, state, orders)
        lines.append(_day_line(scenario, day, state, orders, {"kennedy": decided, "khrushchev": "computer"},
                               recommendations, opened, _time(minute + 5)))
        minute += 6
    lines.append({"kind": "ending", "at": _time(minute), "ending": state.ending, "early": False})
    text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    return ScriptedSession(text, len(state.history), state.ending, clock_day, undone_choice)


def _day_line(scenario, day, state, orders, decided_by, recommendations, opened, resolved):
    record = state.history[-1]
    return {"kind": "day", "day": day.id, "date": day.date, "opened_at": opened, "resolved_at": resolved,
            "orders": orders, "decided_by": decided_by, "recommendations": recommendations,
            "interactions": list(record.interactions), "events": list(record.events), "delayed": list(record.delayed),
            "values": named_values(scenario, record.values_after), "ending": record.ending, "off_record": {}}
