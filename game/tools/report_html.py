"""``brink simulate --html``: the simulation report as one self-contained HTML page.

A report an author can mail to a co-author or open on a school computer: no script, no web
font, no request to the network. Every chart is an SVG drawn here, in Python, from the same
figures the text report prints; what never happened is highlighted in red.
"""

from __future__ import annotations

import html
import shlex
from collections import Counter
from pathlib import PurePath
from collections.abc import Iterable, Sequence

from game.engine.atomic import write_atomically
from game.scenario.model import Scenario
from game.tools.simulate import Histogram, SimulationReport, coverage, histograms, never_happened

# Colours for the endings, in order of priority: distinct, and readable on white.
PALETTE = ("#b2182b", "#ef8a62", "#2166ac", "#67a9cf", "#1b7837", "#7fbf7b", "#762a83", "#c2a5cf",
           "#8c510a", "#d8b365", "#01665e", "#5ab4ac", "#4d4d4d", "#999999")
NEVER = "#c62828"

STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; color: #222; margin: 24px auto; max-width: 1240px; padding: 0 16px; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 8px 0; } td, th { padding: 2px 10px; text-align: left; }
th { border-bottom: 1px solid #999; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.never td { background: #fde0e0; color: #8b0000; } .never-note { color: #8b0000; font-weight: 600; }
.params td:first-child { color: #555; } .grid td { vertical-align: top; padding: 4px; }
.legend span { display: inline-block; margin-right: 14px; } .swatch { width: 10px; height: 10px; display: inline-block; margin-right: 4px; }
.scroll { overflow-x: auto; } .grid th { text-align: left; font-size: 12px; }
.coverage { display: flex; flex-wrap: wrap; gap: 28px; } svg text { font: 11px system-ui, sans-serif; fill: #333; }
"""


def render_report(report: SimulationReport, scenario: Scenario) -> str:
    """The whole page: parameters, endings, ending days, values at each ending, coverage."""
    colours = {ending.id: PALETTE[index % len(PALETTE)] for index, ending in enumerate(scenario.endings)}
    title = f"{scenario.title}: {report.games} simulated games"
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        _parameters(report, scenario),
        "<h2>Endings</h2>", _endings_chart(report, scenario, colours),
        "<h2>Day the game ended</h2>", _days_chart(report, scenario, colours),
        "<h2>Values at each ending</h2>", _histogram_grid(report, scenario, colours),
        "<h2>Coverage</h2>", _never_summary(report, scenario), _coverage_tables(report, scenario),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def write_report(path: str, report: SimulationReport, scenario: Scenario) -> None:
    """Write the page atomically, so a reader never opens half a report."""
    write_atomically(path, render_report(report, scenario))


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _parameters(report: SimulationReport, scenario: Scenario) -> str:
    rows = [("scenario", f"{scenario.id} ({scenario.path})"), ("games", report.games), ("seed", report.seed)]
    rows += [(f"{role} plays", policy) for role, policy in report.policies.items()]
    rows += [("days in the calendar", len(scenario.days)), ("mean day of ending", f"{report.mean_day():.2f}"),
             ("time", f"{report.seconds:.3f} s ({report.games_per_second:,.0f} games per second)"),
             ("repeat with", f"brink simulate {_scenario_argument(scenario)} --games {report.games} --seed {report.seed} "
                             + " ".join(f"--policy {role}={policy}" for role, policy in report.policies.items()))]
    body = "".join(f"<tr><td>{_e(key)}</td><td>{_e(value)}</td></tr>" for key, value in rows)
    return f'<table class="params">{body}</table>'


def _scenario_argument(scenario: Scenario) -> str:
    """The id when the file sits in a folder named for it (where the game finds it), else the path."""
    path = PurePath(scenario.path)
    return scenario.id if path.parent.name == scenario.id else shlex.quote(scenario.path)


def _endings_chart(report: SimulationReport, scenario: Scenario, colours: dict[str, str]) -> str:
    label_width, bar_width, row = 230, 560, 22
    height = row * len(scenario.endings) + 8
    most = max(report.endings.values(), default=0) or 1
    items = []
    for index, ending in enumerate(scenario.endings):
        y = 4 + index * row
        count = report.endings.get(ending.id, 0)
        share = count / report.games if report.games else 0
        width = bar_width * count / most
        items.append(f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end">{_e(ending.id)}</text>')
        if count:
            items.append(f'<rect x="{label_width}" y="{y + 3}" width="{width:.1f}" height="{row - 6}" '
                         f'fill="{colours[ending.id]}"><title>{_e(ending.title)}</title></rect>')
            note = f"{count} ({share:.1%}), mean day {report.mean_day(ending.id):.1f}"
            items.append(f'<text x="{label_width + width + 6:.1f}" y="{y + 15}">{_e(note)}</text>')
        else:
            items.append(f'<text x="{label_width + 4}" y="{y + 15}" fill="{NEVER}" style="fill:{NEVER}">never reached</text>')
    return _svg(label_width + bar_width + 220, height, items, "Games per ending")


def _days_chart(report: SimulationReport, scenario: Scenario, colours: dict[str, str]) -> str:
    """A stacked bar per calendar day: how many games ended that day, coloured by ending."""
    days = len(scenario.days)
    per_day = {ending_id: Counter(ending_days) for ending_id, ending_days in report.ending_days.items()}
    totals = [sum(counter.get(day, 0) for counter in per_day.values()) for day in range(1, days + 1)]
    most = max(totals, default=0) or 1
    left, top, plot_height, step = 50, 10, 200, max(14, min(48, 860 // max(days, 1)))
    items = [f'<line x1="{left}" y1="{top + plot_height}" x2="{left + step * days}" y2="{top + plot_height}" stroke="#999"/>',
             f'<text x="{left - 6}" y="{top + 10}" text-anchor="end">{most}</text>',
             f'<text x="{left - 6}" y="{top + plot_height}" text-anchor="end">0</text>']
    for day in range(1, days + 1):
        x = left + (day - 1) * step
        y: float = top + plot_height
        for ending in scenario.endings:
            count = per_day.get(ending.id, Counter()).get(day, 0)
            if not count:
                continue
            height = plot_height * count / most
            y -= height
            items.append(f'<rect x="{x + 1}" y="{y:.1f}" width="{step - 2}" height="{height:.1f}" fill="{colours[ending.id]}">'
                         f"<title>day {day} ({_e(scenario.days[day - 1].date)}): {count} games ended in {_e(ending.id)}</title></rect>")
        items.append(f'<text x="{x + step / 2}" y="{top + plot_height + 14}" text-anchor="middle">{day}</text>')
    items.append(f'<text x="{left + step * days / 2}" y="{top + plot_height + 30}" text-anchor="middle">day of the calendar</text>')
    return _svg(left + step * days + 20, top + plot_height + 38, items, "Games ended on each day") + _legend(report, scenario, colours)


def _legend(report: SimulationReport, scenario: Scenario, colours: dict[str, str]) -> str:
    spans = [f'<span><i class="swatch" style="background:{colours[e.id]}"></i>{_e(e.id)}</span>'
             for e in scenario.endings if report.endings.get(e.id)]
    return f'<p class="legend">{"".join(spans)}</p>'


def _histogram_grid(report: SimulationReport, scenario: Scenario, colours: dict[str, str]) -> str:
    found = histograms(report, scenario)
    reached = [ending for ending in scenario.endings if report.endings.get(ending.id)]
    if not found or not reached:
        return "<p>No values to show.</p>"
    header = "<tr><th></th>" + "".join(
        f"<th>{_e(h.name)}{'' if h.kind == 'variable' else ' <small>(derived)</small>'}<br>"
        f"<small>{_e(h.labels[0])} … {_e(h.labels[-1])}</small></th>" for h in found) + "</tr>"
    rows = []
    for ending in reached:
        cells = "".join(f"<td>{_small_histogram(h, ending.id, colours[ending.id])}</td>" for h in found)
        rows.append(f'<tr><th style="color:{colours[ending.id]}">{_e(ending.id)}<br>'
                    f"<small>{report.endings[ending.id]} games</small></th>{cells}</tr>")
    return ("<p>Each small chart: of the games that ended that way (a row), how many had each value of the variable "
            "(a column) at the end; bins run from the lowest value to the highest, the mean below.</p>"
            f'<div class="scroll"><table class="grid">{header}{"".join(rows)}</table></div>')


def _small_histogram(histogram: Histogram, ending_id: str, colour: str) -> str:
    counts = histogram.counts[ending_id]
    width, height, base = 96, 40, 30
    most = max(counts) or 1
    step = width / len(counts)
    items = [f'<line x1="0" y1="{base}" x2="{width}" y2="{base}" stroke="#bbb"/>']
    for index, (count, label) in enumerate(zip(counts, histogram.labels)):
        bar = (base - 2) * count / most
        items.append(f'<rect x="{index * step + 0.5:.1f}" y="{base - bar:.1f}" width="{max(step - 1, 1):.1f}" '
                     f'height="{bar:.1f}" fill="{colour}"><title>{_e(label)}: {count}</title></rect>')
    items.append(f'<text x="{width / 2}" y="{height}" text-anchor="middle">mean {histogram.means[ending_id]:.3g}</text>')
    return _svg(width, height + 2, items, f"{histogram.name} at {ending_id}")


def _never_summary(report: SimulationReport, scenario: Scenario) -> str:
    never = never_happened(report, scenario)
    if not never:
        return "<p>Every ending, choice, event and interaction happened at least once.</p>"
    items = "".join(f"<li><b>{_e(kind)}</b>: {_e(', '.join(names))}</li>" for kind, names in never.items())
    return f'<p class="never-note">Never happened in {report.games} games:</p><ul>{items}</ul>'


def _coverage_tables(report: SimulationReport, scenario: Scenario) -> str:
    counts = coverage(report, scenario)
    tables = [_table("Endings", ["ending", "games"], ((e, [n]) for e, n in counts["endings"].items()))]
    for role_id, choices in counts["choices"].items():
        rows = ((choice_id, [picked, choices["offered"][choice_id],
                             f"{picked / choices['offered'][choice_id]:.0%}" if choices["offered"][choice_id] else "–"])
                for choice_id, picked in choices["picked"].items())
        tables.append(_table(f"Choices of {role_id}", ["choice", "picked", "offered", "picked when offered"], rows))
    if counts["events"]:
        tables.append(_table("Events", ["event", "fired"], ((e, [n]) for e, n in counts["events"].items())))
    if counts["interactions"]:
        tables.append(_table("Interactions", ["interaction", "matched"], ((i, [n]) for i, n in counts["interactions"].items())))
    return '<div class="coverage">' + "".join(tables) + "</div>"


def _table(caption: str, headings: Sequence[str], rows: Iterable[tuple[str, list]]) -> str:
    """A coverage table; a row whose first count is zero is marked as never happened."""
    head = "".join(f"<th>{_e(h)}</th>" for h in headings)
    body = []
    for name, values in rows:
        never = values[0] == 0
        cells = "".join(f'<td class="n">{_e(value)}</td>' for value in values)
        row_class = ' class="never"' if never else ""
        body.append(f"<tr{row_class}><td>{_e(name)}</td>{cells}</tr>")
    return f"<div><h3>{_e(caption)}</h3><table><tr>{head}</tr>{''.join(body)}</table></div>"


def _svg(width: float, height: float, items: Sequence[str], label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
            f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-label="{_e(label)}">' + "".join(items) + "</svg>")
