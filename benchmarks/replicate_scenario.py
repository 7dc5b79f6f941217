"""Make a scenario k times larger by repeating its calendar of days, for load benchmarks.

Copy i of each day gets the id ``<id>_r<i>`` and dates shifted past the previous copy, so the
result is a valid scenario about k times the size of the original, written in the same format.
"""

from __future__ import annotations

import datetime

import yaml


class _TextDates(yaml.SafeLoader):
    """Keeps dates as strings, as the game's own loader does."""


_TextDates.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def replicate(text: str, scale: int) -> str:
    data = yaml.load(text, Loader=_TextDates)
    start = datetime.date.fromisoformat(data["calendar"]["start"])
    end = datetime.date.fromisoformat(data["calendar"]["end"])
    span = (end - start).days + 1
    days = list(data["days"])
    for copy in range(1, scale):
        for day in data["days"]:
            twin = dict(day)
            twin["id"] = f"{day['id']}_r{copy}"
            date = datetime.date.fromisoformat(day["date"]) + datetime.timedelta(days=span * copy)
            twin["date"] = date.isoformat()
            days.append(twin)
    data["days"] = days
    data["calendar"]["end"] = (end + datetime.timedelta(days=span * (scale - 1))).isoformat()
    data["id"] = f"{data['id']}_x{scale}"
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=100)
