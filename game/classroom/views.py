"""What each screen of a room may see: ``view_for`` is the one place that decides it.

Every state the server sends a browser is made here, for that browser's viewer: a student (a
``Member``, seated or not), the projector, or the teacher. Hidden information is decided in
this module and nowhere else:

- everyone sees the public game: the date, the meters, the map, the calendar, who sits where,
  whether each team has decided (never what), and, once a day resolves, both orders, what
  happened and what really happened in 1962;
- a seated student also sees their own team's briefing, choices, advisors, the recommendations
  and reasons of their teammates and their team's order; an advisor also sees their role card
  with what that advisor would push for today (the scenario's ``brief:``);
- nobody is ever sent the other team's briefing, choices, briefs, recommendations, reasons or
  votes, nor its order before the day resolves;
- a meter, a flag in force, a piece of news or an order the scenario keeps from a seat
  (``visible_to``, see ``game.engine.visibility``) is in the public view only when every seat may
  see it, and in a team's own part (its meters, record, map and resolution) when that team may;
  once the game has ended, everything is public.

Scenario texts come in the viewer's language where the scenario has it; the interface's own
words are worded here only where the server knows better than the browser (dates, counts).
"""

from __future__ import annotations

import functools
import json
from typing import Any

from game import i18n
from game.art import catalog
from game.classroom.room import LEADER, Member, Room
from game.engine.advice import advice_for
from game.engine.alert import LEVEL_WORDS, alert_level, alert_parts
from game.engine.news import day_news
from game.engine.resolve import choice_on_day
from game.engine.visibility import shown_flags, shown_names, shown_orders, shown_variables
from game.scenario.model import Choice, Scenario, Text
# the map's ships and sites are a pure function of the record; the module lives beside the window's
# map but imports no pygame
from game.ui import map_model

PROJECTOR = "projector"
TEACHER = "teacher"
PROTOCOL_VERSION = 1


def view_for(room: Room, viewer: Member | str, language: str | None = None) -> dict[str, Any]:
    """The state of ``room`` as ``viewer`` may see it, as plain JSON-ready values."""
    view: dict[str, Any] = {}
    for key, value in _parts(room, viewer, language):
        if key is None:
            view.update(value)
        else:
            view[key] = value
    return view


def view_json(room: Room, viewer: Member | str, language: str | None = None) -> str:
    """``view_for`` as JSON text."""
    return "{" + ",".join(f"{json.dumps(key)}:{text}" for key, text in view_pieces(room, viewer, language).items()) + "}"


def view_pieces(room: Room, viewer: Member | str, language: str | None = None) -> dict[str, str]:
    """``view_for``'s top-level fields, each as JSON text, encoded once per change of the room when
    screens share it (a room's dozen screens share the public fields, a team's the team's): the
    server sends a screen only the fields that changed since it last sent it."""
    pieces = {}
    for key, value in _parts(room, viewer, language):
        if key is None:
            for name, item in value.items():
                pieces[name] = _encoded(room, value, name, item)
        else:
            pieces[key] = _encoded(room, value, None, value)
    return pieces


def _parts(room: Room, viewer: Member | str, language: str | None) -> list[tuple[str | None, Any]]:
    """The view as (key, value) parts in order; a None key is a mapping merged in whole. The
    values shared between screens are made once per version of the room."""
    if isinstance(viewer, Member):
        language = viewer.language
    language = language or i18n.SOURCE_LANGUAGE
    words = i18n.words(language)
    parts: list[tuple[str | None, Any]] = [(None, _once(room, ("public", language), lambda: _public(room, language, words)))]
    # the clock carries the server's time as the view is made (to a tenth of a second, so the
    # screens of one round of sending share it and its JSON)
    now = round(room.clock(), 1)
    parts.append(("clock", _once(room, ("clock", now), lambda: _clock(room, now))))
    if isinstance(viewer, Member):
        mine = _own_recommendation(room, viewer)
        parts.append(("you", {"id": viewer.id, "name": viewer.name, "language": viewer.language,
                              "seat": _seat(viewer, room, language), "recommendation": mine}))
        if viewer.seat is None or not room.started:  # the seats to pick from, while there is picking to do
            parts.append(("seats", _once(room, ("seats", language), lambda: _free_seats(room, language))))
        if viewer.seat is not None:
            seat = viewer.seat
            if room.started:
                parts.append(("team", _once(room, ("team", seat.team, language),
                                            lambda: _team(room, seat.team, language, words))))
                # the meters and the news as this team sees them: its own secrets besides the public ones
                parts.append(("meters", _once(room, ("meters", seat.team, language),
                                              lambda: _meters(room.scenario, room.session.state.values, language,
                                                              words, (seat.team,)))))
                # the record and the map: the team's own orders, and the other's once it may know them
                parts.append(("record", _once(room, ("record", seat.team, language),
                                              lambda: _record(room, language, words, (seat.team,)))))
                if map_model.is_caribbean(room.scenario):
                    parts.append(("map", _once(room, ("map", seat.team), lambda: _map(room, (seat.team,)))))
                if room.phase in ("resolved", "ended") and room.session.state.history:
                    parts.append(("resolution", _once(room, ("resolution", seat.team, language),
                                                      lambda: _resolution(room, room.session.state.history[-1],
                                                                          language, words, (seat.team,)))))
                parts.append(("correspondence", _once(room, ("letters", seat.team, language),
                                                      lambda: _correspondence(room, seat.team, language))))
            if not seat.is_leader:
                parts.append(("card", _once(room, ("card", seat.team, seat.place, language),
                                            lambda: _card(room, seat.team, seat.place, language))))
    elif viewer == TEACHER:
        parts.append(("members", [{"id": m.id, "name": m.name, "seat": _seat(m, room, language)} for m in room.members.values()]))
        parts.append(("seats", _once(room, ("seats", language), lambda: _free_seats(room, language))))
        parts.append(("console", _console(room, language)))
    return parts


def _once(room: Room, key: tuple, make) -> Any:
    """A part of the views made once per version of the room (and kept until the next change)."""
    memo = room.view_memo
    if memo.get("version") != room.version:
        memo.clear()
        memo["version"] = room.version
        memo["shared"] = set()
    if key not in memo:
        memo[key] = made = make()
        memo["shared"].add(id(made))
    return memo[key]


def _encoded(room: Room, whole: Any, name: str | None, value: Any) -> str:
    """A part (or one field of a merged part) as JSON text; a part made by ``_once`` is shared
    between screens, so its text is kept with it until the room changes."""
    memo = room.view_memo
    shared = id(whole) in memo.get("shared", ())
    key = ("json", id(whole), name)
    if shared and key in memo:
        return memo[key]
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if shared:
        memo[key] = text
    return text


def _own_recommendation(room: Room, member: Member) -> dict[str, str] | None:
    """What this student recommended (or voted for) today, if anything."""
    if member.seat is None or room.phase != "deciding":
        return None
    advice = room.advice.get(member.seat.team)
    found = next((r for r in advice.recommendations if r.member == member.id), None) if advice else None
    return {"choice": found.choice, "reason": found.reason} if found else None


# --- what everyone sees ---------------------------------------------------------------------------
def _public(room: Room, language: str, words: i18n.Words) -> dict[str, Any]:
    scenario = room.scenario
    session = room.session
    state = session.state
    t = _translator(language)
    everyone = tuple(scenario.roles)  # the public view shows only what every seat may see
    view: dict[str, Any] = {
        "type": "state", "v": PROTOCOL_VERSION, "room": room.code, "phase": room.phase,
        "vote": room.vote, "language": words.language,
        "scenario": {"id": scenario.id, "title": t(scenario.title), "days": len(scenario.days)},
        "teams": [_team_status(room, team, language) for team in scenario.roles],
        "meters": _meters(scenario, state.values, language, words, everyone),
        "calendar": _calendar(room, words),
        "record": _record(room, language, words, everyone),
    }
    if room.started and not state.ended or room.phase == "resolved":
        index = _shown_day_index(room)
        day = scenario.days[index]
        view["day"] = {"index": index, "number": index + 1, "of": len(scenario.days), "id": day.id,
                       "date": day.date, "long_date": i18n.long_date(day.date, words),
                       "title": t(day.title_shared(None if state.ended else everyone)) or i18n.long_date(day.date, words),
                       "picture": _picture_url(scenario, day.id, day.art)}
    view["map"] = _map(room, everyone) if map_model.is_caribbean(scenario) else None
    view["news"] = _news(room, language, words)
    view["statements"] = [_letter(room, letter, language) for letter in room.letters if letter.public]
    view["ended_early"] = room.ended_early
    if room.phase in ("resolved", "ended") and state.history:
        view["resolution"] = _resolution(room, state.history[-1], language, words, everyone)
    if state.ending is not None:
        ending = scenario.ending(state.ending)
        view["ending"] = {"id": ending.id, "title": t(ending.title), "text": t(ending.text),
                          "history": t(ending.history_note), "picture": _picture_url(scenario, ending.id, ending.art)}
    return view


def _shown_day_index(room: Room) -> int:
    """The day on screen: the one being decided, or the one whose resolution is shown."""
    state = room.session.state
    if room.phase == "resolved" and state.history:
        return state.history[-1].day_index
    return min(state.day_index, len(room.scenario.days) - 1)


def _translator(language: str):
    def t(text: Text | None) -> str:
        return text.get(language) if text is not None else ""
    return t


def _team_status(room: Room, team: str, language: str) -> dict[str, Any]:
    role = room.scenario.roles[team]
    leader = room.leader_of(team)
    return {"id": team, "name": role.name.get(language), "title": role.title.get(language), "side": role.side.get(language),
            "portrait": _portrait_url(room.scenario, team), "computer": team in room.computer,
            "decided": room.started and room.phase == "deciding" and room.has_decided(team),
            "leader": leader.name if leader else None,
            "members": [{"name": m.name, "place": m.seat.place, "place_name": _place_name(room, team, m.seat.place, language)}
                        for m in room.seated(team) if m.seat is not None]}


def _place_name(room: Room, team: str, place: str, language: str) -> str:
    """Who sits at a place of a team (its leader, or an advisor), named in the viewer's language."""
    if place == LEADER:
        return room.scenario.roles[team].name.get(language)
    return next((a.name.get(language) for a in room.scenario.roles[team].advisors if a.id == place), place)


def _meters(scenario: Scenario, values: tuple, language: str, words: i18n.Words, seats: tuple[str, ...]) -> dict[str, Any]:
    """The meters and what is in force, as ``seats`` (every one of them) may see them."""
    bars = [{"id": v.id, "label": v.label.get(language), "value": _number(values[v.slot]),
             "min": _number(v.minimum), "max": _number(v.maximum)} for v in shown_variables(scenario, values, seats)]
    meters: dict[str, Any] = {"bars": bars,
                              "in_force": [f.label.get(language) for f in shown_flags(scenario, values, seats)
                                           if values[f.slot]]}
    parts = alert_parts(scenario)
    if parts.level is not None:
        level = alert_level(scenario, values)
        assert level is not None  # the scenario has a level and the values are given
        meters["defcon"] = {"level": level, "words": words(LEVEL_WORDS[level]), "title": parts.level.label.get(language)}
        behind = parts.variable.id if parts.variable is not None else None
        tension = next((bar for bar in bars if bar["id"] == behind), None)
        if tension is not None:
            meters["bars"] = [bar for bar in bars if bar is not tension]
            meters["tension"] = tension
    return meters


def _calendar(room: Room, words: i18n.Words) -> list[dict[str, Any]]:
    scenario = room.scenario
    state = room.session.state
    played = {record.day_index for record in state.history}
    today = _shown_day_index(room) if room.started else None
    return [{"date": day.date, "short": i18n.short_date(day.date, words), "played": day.index in played,
             "today": day.index == today} for day in scenario.days]


def _record(room: Room, language: str, words: i18n.Words, seats: tuple[str, ...]) -> list[dict[str, Any]]:
    """Every resolved day: both orders once the day has resolved, those kept from ``seats`` (any of
    them) shown as unknown until they may know them; everything once the game has ended."""
    scenario = room.scenario
    state = room.session.state
    t = _translator(language)
    seen_by = None if state.ended else seats
    return [{"date": scenario.days[record.day_index].date,
             "title": t(scenario.days[record.day_index].title_shared(seen_by))
             or i18n.long_date(scenario.days[record.day_index].date, words),
             "orders": [_order(scenario, record.day_index, order, language, words)
                        for order in shown_orders(scenario, record, seen_by, state.values)]}
            for record in state.history]


def _order(scenario: Scenario, day_index: int, order, language: str, words: i18n.Words) -> dict[str, Any]:
    """One order as a screen shows it: its label, or words saying an order was given but not which."""
    if not order.seen:
        return {"team": order.role_id, "name": scenario.roles[order.role_id].name.get(language),
                "label": words("an order not yet known"), "hidden": True}
    return {"team": order.role_id, "name": scenario.roles[order.role_id].name.get(language),
            "label": _label(scenario, day_index, order.role_id, order.choice_id, language)}


def _label(scenario: Scenario, day_index: int, team: str, choice_id: str | None, language: str) -> str | None:
    if choice_id is None:
        return None
    choice = choice_on_day(scenario, day_index, team, choice_id)
    return choice.label.get(language) if choice else choice_id


def _map(room: Room, seats: tuple[str, ...]) -> dict[str, Any]:
    """The ships and sites as ``seats`` know them (an order or meter kept from them does not show)."""
    scenario = room.scenario
    state = room.session.state
    day = scenario.days[_shown_day_index(room)] if room.started else scenario.days[0]
    picture = map_model.map_picture(scenario, day.date, state.values, state.history, None if state.ended else seats)
    return {"image": "/art/map/caribbean.png", "quarantine": picture.quarantine,
            "line": [[round(lon, 2), round(lat, 2)] for lon, lat in map_model.quarantine_arc(24)],
            "ships": [{"lon": round(s.lon, 2), "lat": round(s.lat, 2), "side": s.side, "heading": round(s.heading)}
                      for s in picture.ships],
            "sites": [{"lon": s.lon, "lat": s.lat, "ready": s.ready} for s in picture.sites]}


def _resolution(room: Room, record, language: str, words: i18n.Words, seats: tuple[str, ...]) -> dict[str, Any]:
    """A resolved day as ``seats`` may see it: both orders, the news they may hear, what moved."""
    scenario = room.scenario
    t = _translator(language)
    happened = []
    moved = []
    for variable in shown_variables(scenario, record.values_after, seats):
        before, after = record.values_before[variable.slot], record.values_after[variable.slot]
        if before != after:
            moved.append({"label": t(variable.label), "before": _number(before), "after": _number(after)})
    for news in day_news(scenario, record, seats):
        if news.kind == "event":
            happened.append({"kind": "event", "title": t(news.title), "text": t(news.text)})
        elif news.kind == "flag":
            moved.append({"label": t(news.title), "now": bool(news.in_force)})
        else:
            happened.append({"kind": news.kind, "text": t(news.text)})
    day = scenario.days[record.day_index]
    deciders = {advice.team: advice.decided_by for advice in room.past_advice if advice.day_index == record.day_index}
    return {"day_index": record.day_index, "date": day.date, "long_date": i18n.long_date(day.date, words),
            "title": t(day.title_shared(None if room.session.state.ended else seats)) or i18n.long_date(day.date, words),
            "orders": [{**_with_history(_order(scenario, record.day_index, order, language, words), scenario, day,
                                        order, language),
                        "clock": deciders.get(order.role_id) == "clock"}
                       for order in shown_orders(scenario, record, None if room.session.state.ended else seats,
                                                 record.values_after)],
            "happened": happened, "moved": moved, "history": t(day.history_for(None if room.session.state.ended else seats)), "ending": record.ending}


def _with_history(shown: dict[str, Any], scenario: Scenario, day, order, language: str) -> dict[str, Any]:
    """An order with what was decided on its day in 1962 beside it; not beside an order the screen
    may not know, where the record's choice would read as a guess at it."""
    if order.seen:
        shown["historical"] = _label(scenario, day.index, order.role_id, day.historical.get(order.role_id), language)
    return shown


# --- what a seated student's team sees ------------------------------------------------------------
def _team(room: Room, team: str, language: str, words: i18n.Words) -> dict[str, Any]:
    scenario = room.scenario
    session = room.session
    t = _translator(language)
    role = scenario.roles[team]
    result: dict[str, Any] = {"id": team, "name": t(role.name), "title": t(role.title),
                              "description": t(role.description), "computer": team in room.computer}
    if room.phase != "deciding":
        return result
    day = session.day
    values = session.state.values
    legal = session.legal_choices(team)
    played = room.played_advisors(team)
    scripted = {advisor.id: advice for advisor, advice in advice_for(scenario, session.state, team)}
    labels = {choice.id: t(choice.label) for choice in legal}
    result["briefing"] = t(day.briefing_for(team, values))
    result["day_title"] = t(day.title_for(team))  # a seat may see the day under a title of its own
    picture_id, art = day.picture_for(team)
    result["day_picture"] = _picture_url(scenario, picture_id, art)
    result["choices"] = [_choice(scenario, choice, language, values, team) for choice in legal]
    result["advisors"] = []
    for advisor in day.advisors_present(role):
        entry = {"id": advisor.id, "name": t(advisor.name), "office": t(advisor.office_on(day.date)), "leaning": advisor.leaning,
                 "portrait": _portrait_url(scenario, advisor.id),
                 "students": [m.name for m in room.seated(team, advisor.id)]}
        advice = scripted.get(advisor.id)
        if advisor.id not in played and advice is not None:  # the leader hears an unplayed advisor as in the game
            entry["says"] = t(advice.text)
            entry["recommends"] = labels.get(advice.recommends) if advice.recommends is not None else None
        result["advisors"].append(entry)
    members = room.members
    today = room.advice.get(team)
    result["recommendations"] = [
        {"advisor": _place_name(room, team, r.advisor, language), "student": members[r.member].name, "choice": r.choice,
         "label": labels.get(r.choice, r.choice), "reason": r.reason, "leader": r.advisor == LEADER}
        for r in (today.recommendations if today else [])]
    order = session.order_of(team)
    result["order"] = {"choice": order, "label": labels.get(order, order)} if order else None
    result["owes_order"] = team in session.waiting_for() or order is not None
    if room.vote:
        voters = room.seated(team)
        votes = room.votes(team)
        result["votes"] = {"cast": sum(1 for m in voters if m.id in votes), "voters": len(voters),
                           "words": words.ngettext("{count} vote cast", "{count} votes cast", len(votes))}
    return result


def _choice(scenario: Scenario, choice: Choice, language: str, values: tuple, team: str) -> dict[str, Any]:
    moves = []
    for name in shown_names(scenario, choice.moves, values, (team,)):
        if name.startswith("flags."):
            moves.append(scenario.flags[name[6:]].label.get(language))
        elif name in scenario.variables:
            moves.append(scenario.variables[name].label.get(language))
    return {"id": choice.id, "label": choice.label.get(language), "text": choice.text.get(language), "moves": moves}


def _card(room: Room, team: str, advisor_id: str, language: str) -> dict[str, Any] | None:
    """An advisor's private role card: who they are, and what they would push for today."""
    scenario = room.scenario
    advisor = next((a for a in scenario.roles[team].advisors if a.id == advisor_id), None)
    if advisor is None:
        return None
    t = _translator(language)
    date = room.scenario.days[_shown_day_index(room)].date
    card: dict[str, Any] = {"id": advisor.id, "name": t(advisor.name), "office": t(advisor.office_on(date)),
                            "leaning": advisor.leaning, "portrait": _portrait_url(scenario, advisor.id),
                            "team": t(scenario.roles[team].name)}
    if room.phase == "deciding":
        day = room.session.day
        card["brief"] = t(day.brief_of(team, advisor.id))
        card["at_table"] = any(a.id == advisor.id for a in day.advisors_present(scenario.roles[team]))
        scripted = {a.id: advice for a, advice in advice_for(scenario, room.session.state, team)}.get(advisor.id)
        card["says"] = t(scripted.text) if scripted else ""
    return card


# --- the clock, the news the teacher sends, letters between teams ---------------------------------
def _clock(room: Room, now: float) -> dict[str, Any] | None:
    """Today's decision clock in server time: ``deadline`` while it runs, ``left`` while it is
    paused, and ``now``, the server's time as this view is made, so a browser counts down by
    the server's clock and not its own."""
    if room.phase != "deciding" or not room.timer.ticking:
        return {"paused": room.timer.paused, "running": False, "deadline": None, "left": None, "total": 0,
                "now": now} if room.started and room.phase != "ended" else None
    return {"paused": room.timer.paused, "running": room.timer.deadline is not None, "deadline": room.timer.deadline,
            "left": room.timer.remaining(now), "total": room.timer.total, "now": now}


def _news(room: Room, language: str, words: i18n.Words) -> list[dict[str, Any]]:
    """The teacher's injects as both teams read them, newest last."""
    scenario = room.scenario
    t = _translator(language)
    result = []
    for item in room.news:
        entry = {"at": item["at"], "kind": item["kind"], "date": scenario.days[min(item["day_index"], len(scenario.days) - 1)].date}
        if item["kind"] == "news":
            entry["text"] = item["text"]
        elif item["kind"] == "event":
            event = next(e for e in scenario.events if e.id == item["event"])
            entry["title"], entry["text"] = t(event.title), t(event.text)
        else:
            variable = scenario.variables[item["meter"]]
            entry["title"] = t(variable.label)
            entry["by"] = _number(item["by"])
            entry["text"] = item["reason"]
        result.append(entry)
    return result


def _letter(room: Room, letter, language: str, mine: bool = False) -> dict[str, Any]:
    roles = room.scenario.roles
    return {"number": letter.number, "from": letter.sender, "from_name": roles[letter.sender].name.get(language),
            "to": letter.to, "to_name": roles[letter.to].name.get(language) if letter.to in roles else None,
            "public": letter.public, "text": letter.text, "author": letter.author, "at": letter.at,
            "arrives_at": letter.arrives_at, "arrived": letter.arrived(room.now), "mine": mine}


def _correspondence(room: Room, team: str, language: str) -> list[dict[str, Any]]:
    """A team's own messages (a letter still on its way says so, to its sender only), the
    letters that have reached it, and every public statement."""
    result = []
    for letter in room.letters:
        if letter.sender == team:
            result.append(_letter(room, letter, language, mine=True))
        elif letter.public or (letter.to == team and letter.arrived(room.now)):
            result.append(_letter(room, letter, language))
    return result


def _console(room: Room, language: str) -> dict[str, Any]:
    """What the teacher sees besides the public game: every team's advice and order as they come
    in, every message, the room's times, and what can be injected."""
    scenario = room.scenario
    t = _translator(language)
    state = room.session.state
    teams = []
    for team, role in scenario.roles.items():
        advice = room.advice.get(team) if room.phase == "deciding" else None
        members = room.members

        def label(choice_id, team=team):
            return _label(scenario, state.day_index, team, choice_id, language) if room.started else choice_id
        order = room.session.order_of(team) if room.phase == "deciding" else None
        teams.append({"id": team, "name": t(role.name), "order": label(order) if order else None,
                      "decided_by": advice.decided_by if advice else "",
                      "recommendations": [{"advisor": _place_name(room, team, r.advisor, language), "student": members[r.member].name,
                                           "label": label(r.choice), "reason": r.reason, "leader": r.advisor == LEADER,
                                           "at": r.at}
                                          for r in (advice.recommendations if advice else [])]})
    return {"minutes": room.minutes, "letter_minutes": room.letter_minutes, "paused": room.timer.paused,
            "can_undo": room.started and room.phase != "ended" and bool(room.session.earlier),
            "teams": teams, "messages": [_letter(room, letter, language) for letter in room.letters],
            "events": [{"id": e.id, "title": t(e.title) or e.id, "fired": e.id in state.fired, "once": e.once}
                       for e in scenario.events],
            "meters": [{"id": v.id, "label": t(v.label), "value": _number(state.values[v.slot])}
                       for v in scenario.variables.values()],
            "log_lines": len(room.journal) + 1,
            "days_played": len(room.session.state.history)}


# --- seats ----------------------------------------------------------------------------------------
def _seat(member: Member, room: Room, language: str) -> dict[str, str] | None:
    if member.seat is None:
        return None
    return {"team": member.seat.team, "place": member.seat.place,
            "name": _place_name(room, member.seat.team, member.seat.place, language)}


def _free_seats(room: Room, language: str) -> list[dict[str, Any]]:
    """Every seat of every team a student may take, with who is on it already."""
    result = []
    date = room.scenario.days[_shown_day_index(room)].date
    for team, role in room.scenario.roles.items():
        if team in room.computer:
            continue
        for seat in room.seats(team):
            advisor = next((a for a in role.advisors if a.id == seat.place), None)
            result.append({"team": team, "place": seat.place, "team_name": role.name.get(language),
                           "name": (advisor.name if advisor else role.name).get(language),
                           "office": advisor.office_on(date).get(language) if advisor else role.title.get(language),
                           "leaning": advisor.leaning if advisor else None,
                           "students": [m.name for m in room.seated(team, seat.place)]})
    return result


# --- pictures -------------------------------------------------------------------------------------
def _portrait_url(scenario: Scenario, person_id: str) -> str | None:
    return _baked(("portraits", scenario.id, person_id))


def _picture_url(scenario: Scenario, picture_id: str, art) -> str | None:
    return _baked(("scenes", scenario.id, catalog.picture_name(picture_id, art)))


@functools.lru_cache(maxsize=4096)
def _baked(parts: tuple[str, str, str]) -> str | None:
    """The address of a baked painting under /art/, or None when there is none (asked once per
    picture: the baked art does not change while a class plays)."""
    kind, scenario_id, name = parts
    path = catalog.art_folder() / kind / scenario_id / f"{name}.png"
    return f"/art/{kind}/{scenario_id}/{name}.png" if path.is_file() else None


def _number(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return round(value, 1) if isinstance(value, float) else value
