"""``brink report``: the debrief of a played game as one self-contained, printable HTML page.

Everything on the page comes from the log, the scenario and the engine: the log says what the
class did, the replay (``log_replay``) rebuilds the state of each decision, and the turning
points play the alternatives on from there. The page is made by a Jinja2 template with
autoescaping (a student's name or reason is always text), refers to nothing outside itself
(pictures as data URIs, charts as inline SVG, the system's fonts), and prints on A4 or Letter
with each section on its own pages.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from collections.abc import Mapping, Sequence

import jinja2

from game import i18n
from game.art import catalog
from game.engine.advice import advice_for
from game.engine.alert import alert_parts, level_of
from game.engine.log_read import InjectLine, MessageLine, SessionLog
from game.engine.log_replay import Replay
from game.engine.resolve import choice_on_day
from game.files import MEGABYTE, read_regular_file
from game.scenario.model import Scenario
from game.tools import debrief_charts as charts
from game.tools.from_state import war_endings
from game.engine.opponents import policy_named
from game.tools.turning_points import MOST_GAMES, TurningPoint, default_policies, most_moving, turning_points

TEMPLATES = Path(__file__).parent / "templates"
PICTURE_LIMIT = 8 * MEGABYTE


@lru_cache(maxsize=8)
def environment(language: str = i18n.SOURCE_LANGUAGE) -> jinja2.Environment:
    """The report's and the role cards' templates, always autoescaped, with the game's words in ``language``."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                                     undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                                     extensions=["jinja2.ext.i18n"])
    words = i18n.words(i18n.supported(language))
    # added by the i18n extension at run time, so Jinja2's types do not know it
    environment.install_gettext_callables(words.gettext, words.ngettext, newstyle=True)  # type: ignore[attr-defined]
    return environment


def data_uri(path: Path | None) -> str | None:
    """A PNG as a data URI, so the page needs no file beside it; None when there is no such picture."""
    if path is None or not path.is_file():
        return None
    try:
        data = read_regular_file(path, PICTURE_LIMIT)
    except OSError:
        return None
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return None
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def picture_of(scenario: Scenario, picture_id: str, art: Any) -> str | None:
    """A day's or an ending's baked painting (or the author's own image) as a data URI."""
    try:
        own = catalog.authors_image(scenario.folder, art)
    except catalog.UnsafeArtPath:
        own = None
    return data_uri(own) if own is not None else data_uri(catalog.picture_path(scenario.id, picture_id, art))


def portrait_of(scenario: Scenario, person_id: str) -> str | None:
    return data_uri(catalog.portrait_path(scenario.id, person_id))


@dataclass(frozen=True, slots=True)
class Settings:
    games: int
    seed: int
    policies: Mapping[str, str]  # role -> the policy that plays the remaining days
    language: str = "en"
    paper: str = "A4"  # or "letter": the page size the print CSS asks for


def make_report(scenario: Scenario, log: SessionLog, replay: Replay, *, games: int | None = None, seed: int = 1,
                policies: Mapping[str, str] | None = None, language: str = "en", paper: str = "A4",
                processes: int | None = None) -> tuple[str, Settings, tuple[TurningPoint, ...]]:
    """The whole report of a replayed log: the page, the settings it was made with, its turning points.

    ``policies`` names, per role, who plays the remaining days of the turning points (by default a
    computer seat its own policy, a seat people played ``historical``); ``games`` per alternative,
    or None for as many as the budget allows (``turning_points.games_per_alternative``).
    """
    chosen = {**default_policies(log, scenario), **(policies or {})}
    points = turning_points(scenario, log, replay, {role: policy_named(name) for role, name in chosen.items()},
                            games, seed, processes)
    used = points[0].alternatives[0].games if points else (games or MOST_GAMES)
    settings = Settings(used, seed, chosen, language, paper)
    return render_report(scenario, log, replay, points, settings), settings, points


def render_report(scenario: Scenario, log: SessionLog, replay: Replay, points: Sequence[TurningPoint],
                  settings: Settings) -> str:
    """The whole page."""
    return environment(settings.language).get_template("report.html").render(
        **report_context(scenario, log, replay, points, settings))


def report_context(scenario: Scenario, log: SessionLog, replay: Replay, points: Sequence[TurningPoint],
                   settings: Settings) -> dict[str, Any]:
    """What the template shows, worked out here so the template only lays it out."""
    lang = settings.language
    _ = i18n.words(lang)  # the interface's words, and dates in the report's language even without them

    def t(text) -> str:
        return text.get(lang) if text is not None else ""

    roles = scenario.roles
    ending = next((e for e in scenario.endings if e.id == log.ending), None)
    labels = _Labels(scenario, lang)
    wars = war_endings(scenario)
    colours = charts.ending_colours([e.id for e in scenario.endings])
    days = log.days
    path: list[dict[str, Any]] = []
    for day in days:
        index = scenario.day(day.day).index if any(d.id == day.day for d in scenario.days) else 0
        seats = []
        for role in roles:
            taken = day.orders.get(role)
            recorded = scenario.days[index].historical.get(role)
            seats.append({"role": t(roles[role].name), "order": labels.choice(index, role, taken),
                          "history": labels.choice(index, role, recorded) if recorded else "—",
                          "same": taken == recorded, "clock": log.decided_by(day, role) == "clock",
                          "who": log.decided_by(day, role)})
        path.append({"date": i18n.dated(day.date or scenario.days[index].date, _), "title": t(scenario.days[index].title),
                     "seats": seats, "events": [labels.event(e) for e in day.events]})
    decisions = [_decision(scenario, log, replay, index, labels, lang) for index in range(len(replay.decisions))]
    marks, timeline = _marks(log, scenario, labels, _)
    people = [(decision, role) for decision in replay.decisions for role in roles
              if decision.day.orders.get(role) and log.decided_by(decision.day, role) != "computer"]
    glance: dict[str, int] = {"days": len(days), "decisions": len(people),
              "clock": sum(1 for decision, role in people if log.decided_by(decision.day, role) == "clock"),
              "recommendations": sum(len(day.recommendations) for day in days),
              "left_history": sum(1 for day in path if not all(seat["same"] for seat in day["seats"])),
              "injects": len(log.injects), "messages": len(log.messages)}
    return {
        "glance": glance,
        "paper": settings.paper,
        "scenario": {"title": t(scenario.title), "id": scenario.id},
        "language": i18n.supported(lang),
        "year": scenario.first_date[:4],
        "log": {"path": Path(log.path).name, "version": log.version, "seed": log.seed, "room": log.room,
                "front_end": log.front_end or _("window or text mode"), "started": _moment(log.started),
                "players": [(t(roles[r].name), who) for r, who in log.players.items() if r in roles],
                "early": log.ended_early},
        "warnings": replay.warnings,
        "ending": {"title": t(ending.title), "text": t(ending.text), "history": t(ending.history_note),
                   "mood": ending.mood, "war": ending.id in wars,
                   "picture": picture_of(scenario, ending.id, ending.art)} if ending else None,
        "roles": [t(roles[r].name) for r in roles],
        "path": path,
        "decisions": decisions,
        "tension": _tension(scenario, log, replay, marks, labels),
        "timeline": timeline,
        "meters": _meters(scenario, log, lang, _),
        "turning": _turning(scenario, points, labels, colours, wars, settings, _),
        "endings_legend": [{"title": t(e.title), "colour": colours[e.id], "war": e.id in wars} for e in scenario.endings],
        "war_titles": [t(e.title) for e in scenario.endings if e.id in wars],
        "questions": [t(q.text) for q in scenario.debrief
                      if q.fits({d.day for d in days}, log.ending)],
    }


class _Labels:
    """Names for ids, in the report's language."""

    def __init__(self, scenario: Scenario, language: str):
        self.scenario, self.language = scenario, language

    def choice(self, day_index: int, role: str, choice_id: str | None) -> str:
        if not choice_id:
            return "—"
        choice = choice_on_day(self.scenario, day_index, role, choice_id) or self.scenario.choice(role, choice_id)
        return choice.label.get(self.language) if choice else choice_id

    def advisor(self, role: str, advisor_id: str) -> str:
        found = next((a for a in self.scenario.roles[role].advisors if a.id == advisor_id), None) \
            if role in self.scenario.roles else None
        return found.name.get(self.language) if found else advisor_id

    def event(self, event_id: str) -> str:
        found = next((e for e in self.scenario.events if e.id == event_id), None)
        return found.title.get(self.language) if found else event_id

    def ending(self, ending_id: str) -> str:
        found = next((e for e in self.scenario.endings if e.id == ending_id), None)
        return found.title.get(self.language) if found else ending_id

    def role(self, role_id: str) -> str:
        return self.scenario.roles[role_id].name.get(self.language) if role_id in self.scenario.roles else role_id


def _decision(scenario: Scenario, log: SessionLog, replay: Replay, index: int, labels: _Labels,
              lang: str) -> dict[str, Any]:
    decision = replay.decisions[index]
    day, state = decision.day, decision.state
    seats = []
    for role in scenario.roles:
        taken = day.orders.get(role)
        if not taken:
            continue
        who = log.decided_by(day, role)
        said = [{"advisor": labels.advisor(r.role, r.advisor), "student": r.student,
                 "choice": labels.choice(state.day_index, role, r.choice), "reason": r.reason,
                 "followed": r.choice == taken}
                for r in day.recommendations if r.role == role]
        scripted = []
        if not said and who != "computer":  # the advisors the game itself voiced to the people that day
            scripted = [{"advisor": advisor.name.get(lang), "choice": labels.choice(state.day_index, role, advice.recommends)
                         if advice.recommends else "", "reason": advice.text.get(lang),
                         "followed": advice.recommends == taken}
                        for advisor, advice in advice_for(scenario, state, role)]
        seats.append({"role": labels.role(role), "order": labels.choice(state.day_index, role, taken), "who": who,
                      "clock": who == "clock", "recommendations": said, "scripted": scripted})
    return {"date": i18n.dated(day.date, i18n.words(lang)), "title": scenario.days[state.day_index].title.get(lang), "seats": seats,
            "events": [labels.event(e) for e in day.events]}


def _marks(log: SessionLog, scenario: Scenario, labels: _Labels,
           _: i18n.Words) -> tuple[list[tuple[int, str]], list[dict]]:
    """The injects and messages by the day they came on (0 = the first day), and the list under the chart."""
    order = {day.day: position for position, day in enumerate(log.days)}
    marks, timeline = [], []
    for entry in log.entries:
        if not isinstance(entry, (InjectLine, MessageLine)):
            continue
        position = order.get(entry.day, len(log.days) - 1 if log.days else 0)
        if isinstance(entry, InjectLine):
            marks.append((position, "inject"))
            if entry.inject == "event":
                what = _("Event fired by the teacher: {event}", event=labels.event(entry.event))
            elif entry.inject == "news":
                what = _("News flash: {text}", text=entry.text)
            else:
                meter = scenario.variables.get(entry.meter)
                name = meter.label.get(labels.language) if meter else entry.meter
                moved = f"{entry.by:+g}"
                what = _("{meter} moved by {by}: {reason}", meter=name, by=moved, reason=entry.reason)
            timeline.append({"number": len(marks), "kind": "inject", "day": entry.day, "at": _clock(entry.at), "what": what,
                             "who": _("the teacher"), "arrives": ""})
        else:
            marks.append((position, "message"))
            kind = _("Public statement") if entry.public else _("Letter to {role}", role=labels.role(entry.to))
            timeline.append({"number": len(marks), "kind": "message", "day": entry.day, "at": _clock(entry.at),
                             "what": f"{kind}: {entry.text}",
                             "who": f"{labels.role(entry.sender)}" + (f" ({entry.author})" if entry.author else ""),
                             "arrives": _clock(entry.arrives_at) if not entry.public else ""})
    return marks, timeline


def _moment(moment: str) -> str:
    """``2026-12-05 09:02 UTC`` from ``2026-12-05T09:02:11Z``; other text as it is."""
    if len(moment) >= 16 and moment[10] == "T" and moment.endswith("Z"):
        return f"{moment[:10]} {moment[11:16]} UTC"
    return moment


def _clock(moment: str) -> str:
    """``09:13`` from ``2026-12-05T09:13:00Z``: the hour is what a teacher remembers; other text as it is."""
    if len(moment) >= 16 and moment[10] == "T" and moment[13] == ":":
        return moment[11:16]
    return moment


def _series(log: SessionLog, name: str) -> list[float]:
    values = [log.initial.get(name)] + [day.values.get(name) for day in log.days]
    return [float(v) if isinstance(v, (int, float)) else 0.0 for v in values]


def _tension(scenario: Scenario, log: SessionLog, replay: Replay, marks, labels: _Labels) -> dict[str, Any] | None:
    parts = alert_parts(scenario)
    variable = parts.variable
    if variable is None:
        return None
    levels: list[int | None] = []
    for index in range(len(replay.decisions)):
        after = (replay.decisions[index + 1].state if index + 1 < len(replay.decisions) else replay.final)
        values = after.history[-1].values_after if after.history else after.values
        levels.append(level_of(parts.level.value(values)) if parts.level is not None else None)
    words = i18n.words(labels.language)
    day_labels = [i18n.abbreviated_date(day.date, words) if day.date else str(position + 1)
                  for position, day in enumerate(log.days)]
    chart = charts.tension_chart(_series(log, variable.id), variable.minimum, variable.maximum, levels,
                                 day_labels, marks)
    return {"chart": chart, "label": variable.label.get(labels.language),
            "level_label": parts.level.label.get(labels.language) if parts.level else "",
            "legend": [(level, charts.DEFCON_FILL[level]) for level in (5, 4, 3, 2, 1)] if parts.level else []}


def _meters(scenario: Scenario, log: SessionLog, language: str, _: i18n.Words) -> list[charts.LineChart]:
    ends = (_("start"), _("day {number}", number=len(log.days)))
    return [charts.meter_chart(variable.label.get(language), _series(log, variable.id), variable.minimum,
                               variable.maximum, ends)
            for variable in scenario.variables.values()]


def _turning(scenario: Scenario, points: Sequence[TurningPoint], labels: _Labels, colours: Mapping[str, str],
             wars: frozenset[str], settings: Settings, _: i18n.Words) -> dict[str, Any]:
    order = [e.id for e in scenario.endings]

    def shown(point: TurningPoint) -> dict[str, Any]:
        day = scenario.days[point.day_index]
        alternatives = []
        for alternative in point.alternatives:
            top = sorted(alternative.endings.items(), key=lambda item: (-item[1], order.index(item[0])
                                                                         if item[0] in order else 99))[:3]
            alternatives.append({
                "label": labels.choice(point.day_index, point.role, alternative.choice), "id": alternative.choice,
                "taken": alternative.taken, "war": alternative.war,
                "counts": ",".join(f"{e}={n}" for e, n in sorted(alternative.endings.items())),
                "bar": charts.odds_bar(alternative.endings, alternative.games, order, colours),
                "likely": [(labels.ending(e), n / alternative.games) for e, n in top]})
        return {"date": i18n.dated(day.date, i18n.words(labels.language)), "title": day.title.get(labels.language),
                "role": labels.role(point.role),
                "role_id": point.role, "day_id": point.day_id, "taken": labels.choice(point.day_index, point.role, point.taken),
                "who": point.decided_by, "war_taken": point.war_taken, "swing": point.swing,
                "alternatives": alternatives,
                "lowest": min(point.alternatives, key=lambda a: (a.war, not a.taken)),
                "highest": max(point.alternatives, key=lambda a: (a.war, a.taken))}

    top = []
    for point in most_moving(points):
        item = shown(point)
        low = item["lowest"]
        high = item["highest"]
        item["low_label"] = labels.choice(point.day_index, point.role, low.choice)
        item["high_label"] = labels.choice(point.day_index, point.role, high.choice)
        top.append(item)
    return {"top": top, "all": [shown(point) for point in points], "games": settings.games, "seed": settings.seed,
            "policies": [_("{policy} for {role}", policy=policy, role=labels.role(role))
                         for role, policy in settings.policies.items()]}
