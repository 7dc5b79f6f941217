"""YAML scenario file -> ``Scenario``, checking everything a file can get wrong.

The loader never stops at the first problem: each part is read with defaults standing in for
what is broken, every problem is collected with its line and column, and ``ScenarioError``
carries the whole list at the end. Cross-references (roles, advisors, choices, days, endings,
variables and flags inside expressions) are resolved here, so later code never meets a bad id.
"""

from __future__ import annotations

import datetime
import functools
import gc
import hashlib
import os
import re
from dataclasses import replace
from typing import Any
from collections.abc import Collection, Sequence

from game.files import FileRefused, read_file_start, read_regular_file
from game.scenario import expr
from game.scenario.debrief import read_debrief
from game.scenario.errors import Diagnostics, Location, ScenarioError, did_you_mean
from game.scenario.fields import Fields, id_problem, kind_of, not_a_number, read_strings, read_text
from game.scenario.licenses import read_license
from game.scenario.model import (
    FORMAT_VERSION, LEANINGS, ROUTE_KINDS, TONES, Advice, Advisor, Choice, Day, DelayedEffect, Derived, Ending,
    Event, Flag, Goals, Interaction, MapLine, MapPlace, Paragraph, Role, Scenario, ScenarioMap, SeatView, Text, Variable,
    Visibility,
)
from game.scenario.yamlsource import SourceList, SourceMap, read_yaml

MAX_FILE_BYTES = 32 * 1024 * 1024  # admits the load benchmark's 100x scenario (12 MB)
RESERVED_NAMES = {"day", "flags", "true", "false", "and", "or", "not", "if", "else", *expr.FUNCTIONS}

TOP_REQUIRED = ("format", "id", "title", "calendar", "roles", "variables", "days", "endings")
TOP_OPTIONAL = ("summary", "authors", "sources", "license", "flags", "derived", "interactions", "events", "art", "map",
                "letter_delay_minutes", "debrief")


def load_scenario(path: str | os.PathLike, *, freeze: bool = False) -> Scenario:
    """Load and check a scenario file; raises ``ScenarioError`` listing every error found."""
    scenario, diagnostics = load_with_diagnostics(path, freeze=freeze)
    if scenario is None:
        raise ScenarioError(diagnostics.sorted())
    return scenario


def load_with_diagnostics(path: str | os.PathLike, *, freeze: bool = False) -> tuple[Scenario | None, Diagnostics]:
    """Load a file, returning the scenario (None when any error was found) and all diagnostics.

    ``freeze``: see ``load_from_bytes``; only for a command that loads once and exits.
    """
    path = os.fspath(path)
    diagnostics = Diagnostics()
    try:
        if os.path.isdir(path):
            candidate = os.path.join(path, "scenario.yaml")
            if not os.path.lexists(candidate):
                diagnostics.error(Location(path), "this folder holds no scenario.yaml")
                return None, diagnostics
            path = candidate
        # Not ``getsize`` then ``read``: a device reports size 0 and never ends, a FIFO blocks.
        data = read_regular_file(path, MAX_FILE_BYTES)
    except FileRefused as error:
        diagnostics.error(Location(path), f"cannot read the file: {_without_path(str(error), path)}")
        return None, diagnostics
    except (OSError, ValueError) as error:  # ValueError: a path with a NUL byte
        reason = getattr(error, "strerror", None) or str(error)
        diagnostics.error(Location(path), f"cannot read the file: {reason}")
        return None, diagnostics
    return load_from_bytes(path, data, diagnostics, freeze=freeze), diagnostics


def _without_path(message: str, path: str) -> str:
    return "it" + message[len(path):] if message.startswith(path) else message


def load_from_bytes(path: str, data: bytes, diagnostics: Diagnostics, *, freeze: bool = False) -> Scenario | None:
    # Reading makes hundreds of thousands of objects and no reference cycles, so the cycle
    # collector is paused meanwhile. A command that loads once and exits (validate, simulate,
    # check) may also ``freeze`` the finished model out of the collector's sight: otherwise the
    # next collection would walk it all, which for a large scenario costs a third as much again
    # as loading it. A process that lives on (the window, F5, a classroom server) must not:
    # gc.freeze() takes every object alive at that moment, screens and their reference cycles
    # included, and never collects them, so each reload would leak what was on screen.
    collecting = gc.isenabled()
    gc.disable()
    try:
        scenario = _read(path, data, diagnostics)
        if scenario is not None and freeze:
            gc.freeze()
        return scenario
    finally:
        if collecting:
            gc.enable()


def _read(path: str, data: bytes, diagnostics: Diagnostics) -> Scenario | None:
    errors_before = len(diagnostics.errors)
    document = read_yaml(path, data, diagnostics)
    if document is None:
        if len(diagnostics.errors) == errors_before:  # a document that is just "null" or "~"
            diagnostics.error(Location(path), "the file holds no data; a scenario is a YAML mapping")
        return None
    if not isinstance(document, SourceMap):
        diagnostics.error(Location(path), f"a scenario file is a mapping of fields (format, id, title, ...), not {kind_of(document)}")
        return None
    try:
        scenario = _ScenarioReader(path, data, document, diagnostics).read()
    except RecursionError:
        diagnostics.error(Location(path), "the file is nested too deeply to read")
        return None
    return scenario if not diagnostics.errors else None


class _ScenarioReader:
    def __init__(self, path: str, data: bytes, document: SourceMap, diagnostics: Diagnostics):
        self.path = path
        self.data = data
        self.document = document
        self.diagnostics = diagnostics
        self.names: expr.NameSpace | None = None
        self.role_ids: tuple[str, ...] = ()
        self.day_ids: dict[str, None] = {}  # ordered, for did-you-mean; a dict for fast lookup
        self.choices_by_role: dict[str, set[str]] = {}
        # advice may recommend a choice defined on a later day; checked once all days are read
        self.pending_recommendations: list[tuple[str, str, Location]] = []
        self.pending_endings: list[tuple[str, Location]] = []  # 'ending:' fields, checked at the end
        self.person_ids: frozenset[str] = frozenset()  # roles and advisors: whom a picture may show
        self.turn_spans: list = []  # each day's first and last date, for delays in calendar days

    @property
    def namespace(self) -> expr.NameSpace:
        """The names expressions may use: set from the variables and flags before any expression is read."""
        assert self.names is not None
        return self.names

    # --- helpers --------------------------------------------------------------------------
    def error(self, location: Location, message: str) -> None:
        self.diagnostics.error(location, message)

    def reference(self, value: Any, known: Collection[str], location: Location, what: str,
                  context: str = "") -> str | None:
        """Check that ``value`` names one of ``known``; reports with a did-you-mean when it does not.

        ``context`` narrows the message, e.g. " for 'kennedy' on day 'oct16'".
        """
        if not isinstance(value, str) or isinstance(value, bool):
            self.error(location, f"expected the id of a {what}{context}, not {kind_of(value)}")
            return None
        if value not in known:
            self.error(location, f"unknown {what} '{value}'{context}{did_you_mean(value, known)}")
            return None
        return value

    def visibility(self, fields: Fields) -> Visibility | None:
        """``visible_to``: a list of the roles that see a thing, or a mapping from role to the
        condition under which it sees it (``true`` for always). Without it, every role sees it."""
        if not fields.has("visible_to"):
            return None
        raw, where = fields.raw("visible_to"), fields.where("visible_to")
        seen: dict[str, expr.Condition | None] = {}
        if isinstance(raw, SourceList):
            for index, role_id in enumerate(raw):
                if self.reference(role_id, self.role_ids, raw.item_location(index), "role"):
                    seen[role_id] = None
        elif isinstance(raw, SourceMap):
            for role_id, when in raw.items():
                if not self.reference(role_id, self.role_ids, raw.key_location(role_id), "role"):
                    continue
                if when is True:
                    seen[role_id] = None
                elif when is False:
                    continue  # never: as if it were left out
                else:
                    condition = expr.parse_condition(when, raw.value_location(role_id), self.namespace, self.diagnostics)
                    if condition is not None:
                        seen[role_id] = condition
        else:
            self.error(where, "visible_to is a list of roles, e.g. [kennedy], or a mapping from a role to when it sees "
                              "the secret, e.g. {kennedy: true, khrushchev: flags.leaked}")
            return None
        if not raw:
            self.error(where, "visible_to names no role; leave it out for a thing every seat sees")
        return seen

    def with_secrets(self, top: Fields, key: str, items: dict) -> dict:
        """Variables and flags read again for their ``visible_to``, now that every name and role is known."""
        section = top.mapping(key)
        result = {}
        for item_id, item in items.items():
            spec = section.get(item_id)
            if isinstance(spec, SourceMap) and "visible_to" in spec:
                fields = Fields(spec, section.value_location(item_id), f"{key[:-1]} '{item_id}'", Diagnostics())
                item = replace(item, visible_to=self.visibility(fields))
            result[item_id] = item
        return result

    def condition(self, fields: Fields, key: str) -> expr.Condition | None:
        if not fields.has(key):
            return None
        return expr.parse_condition(fields.raw(key), fields.where(key), self.namespace, self.diagnostics)

    def effects(self, fields: Fields, key: str) -> tuple[expr.Effect, ...]:
        """``effects`` is one string of ``;``-separated assignments, or a list of them."""
        if not fields.has(key):
            return ()
        value = fields.raw(key)
        if not isinstance(value, SourceList):
            effect = expr.parse_effects(value, fields.where(key), self.namespace, self.diagnostics)
            return () if effect is None else (effect,)
        result = []
        for index, item in enumerate(value):
            effect = expr.parse_effects(item, value.item_location(index), self.namespace, self.diagnostics)
            if effect is not None:
                result.append(effect)
        return tuple(result)

    def unique_ids(self, items: SourceList, what: str) -> None:
        seen: dict[str, SourceMap] = {}
        for item in items:
            if isinstance(item, SourceMap) and isinstance(item.get("id"), str):
                item_id = item["id"]
                if item_id in seen:
                    first = seen[item_id].value_location("id").line
                    self.error(item.value_location("id"), f"duplicate {what} id '{item_id}' (first at line {first})")
                else:
                    seen[item_id] = item

    # --- the whole file -------------------------------------------------------------------
    def read(self) -> Scenario:
        top = Fields(self.document, Location(self.path), "the scenario", self.diagnostics, TOP_REQUIRED, TOP_OPTIONAL)
        version = top.integer("format", FORMAT_VERSION)
        if top.has("format") and version != FORMAT_VERSION:
            top.error("format", f"format {version} is not supported; this version of the game reads format {FORMAT_VERSION}")
        scenario_id = top.identifier("id")
        first, last = self.read_calendar(top)
        variables = self.read_variables(top)
        flags = self.read_flags(top, len(variables))
        day_slot = len(variables) + len(flags)
        bounds = {v.id: (v.minimum, v.maximum) for v in variables.values()}
        self.names = expr.NameSpace({v.id: v.slot for v in variables.values()}, bounds,
                                    {f.id: f.slot for f in flags.values()}, {}, day_slot)
        derived = self.read_derived(top)
        self.check_name_clashes(top, variables, flags, derived)
        self.role_ids = tuple(key for key in top.mapping("roles") if isinstance(key, str))
        self.day_ids = {item["id"]: None for item in top.sequence("days")
                        if isinstance(item, SourceMap) and isinstance(item.get("id"), str)}
        self.turn_spans = _turn_spans(top.raw("days"), last)
        variables = self.with_secrets(top, "variables", variables)
        flags = self.with_secrets(top, "flags", flags)
        roles = self.read_roles(top)
        # who a picture may show: the cast, as the painter paints people from their portrait words
        self.person_ids = frozenset(list(roles) + [a.id for role in roles.values() for a in role.advisors])
        days = self.read_days(top, roles, first, last)
        interactions = self.read_interactions(top)
        events = self.read_events(top)
        endings = self.read_endings(top)
        too_much_work = self.names.work.problem()
        if too_much_work:
            self.error(*too_much_work)
        folder = os.path.dirname(os.path.abspath(self.path))
        return Scenario(
            format_version=version, id=scenario_id, title=top.text("title"), summary=top.text("summary"),
            authors=top.strings("authors"), sources=top.strings("sources"), license=self.read_license(top),
            first_date=first, last_date=last,
            roles=roles, variables=variables, flags=flags, derived=derived, days=days,
            interactions=interactions, events=events, endings=endings, path=self.path, folder=folder,
            digest=hashlib.sha256(self.data).hexdigest(), day_slot=day_slot, art=self.art(top),
            map=self.read_map(top), letter_delay_minutes=self.positive_minutes(top, "letter_delay_minutes"),
            debrief=read_debrief(top.raw("debrief"), top.where("debrief"), self.day_ids,
                                 [ending.id for ending in endings], self.diagnostics),
        )

    def read_license(self, top: Fields) -> str:
        """``license:``: an SPDX expression in SPDX's spelling, or the terms in words; "" when not given."""
        if not top.has("license"):
            return ""
        if isinstance(top.raw("license"), (bool, dict, list)):
            top.string("license")  # reports the kind of value it is instead of text
            return ""
        license, problem = read_license(top.string("license"))
        if problem:
            top.error("license", problem)
        return license

    # --- the scenario's own map -----------------------------------------------------------------
    def read_map(self, top: Fields) -> ScenarioMap | None:
        """``map:``: a frame of the world, the countries tinted, and the author's areas, places, routes, labels."""
        if not top.has("map"):
            return None
        fields = Fields(top.raw("map"), top.where("map"), "the map", self.diagnostics, ("name", "bounds"),
                        ("countries", "areas", "places", "routes", "labels"))
        box = Fields(fields.raw("bounds", SourceMap(fields.location)), fields.where("bounds"), "the map's bounds",
                     self.diagnostics, ("west", "south", "east", "north"))
        west, south, east, north = (box.number(side) for side in ("west", "south", "east", "north"))
        if box.ok and not (-180 <= west < east <= 180):
            box.error("east", f"the map runs from west {west} to east {east}: longitudes go from -180 to 180, west first")
        if box.ok and not (-90 <= south < north <= 90):
            box.error("north", f"the map runs from south {south} to north {north}: latitudes go from -90 to 90, south first")
        from game import geography
        from game.art.scene_spec import PIGMENTS

        countries = []
        items = fields.sequence("countries")
        for index, item in enumerate(items):
            at = items.item_location(index)
            region, tint = item, "raw_sienna"  # a bare region word, or {region, tint}
            if isinstance(item, SourceMap):
                entry = Fields(item, at, "a country of the map", self.diagnostics, ("region",), ("tint",))
                region, tint, at = entry.string("region"), entry.string("tint", tint), entry.where("region")
                if entry.has("tint") and tint not in PIGMENTS:
                    entry.error("tint", _unknown_word("pigment", tint, PIGMENTS))
            if not isinstance(region, str) or region not in geography.regions():
                self.error(at, _unknown_region(region))
                continue
            countries.append((region, tint))
        areas = tuple(self.map_lines(fields, "areas", 3, lambda entry: entry.string("tint", "raw_sienna"),
                                     PIGMENTS, "tint"))
        routes = tuple(self.map_lines(fields, "routes", 2, lambda entry: entry.string("kind", "road"),
                                      ROUTE_KINDS, "kind"))
        return ScenarioMap(fields.text("name"), (west, south, east, north), tuple(countries), areas,
                           tuple(self.map_points(fields, "places", "name")), routes,
                           tuple(self.map_points(fields, "labels", "text")), fields.location)

    def map_points(self, fields: Fields, key: str, word: str) -> list[MapPlace]:
        items = fields.sequence(key)
        found = []
        for index, item in enumerate(items):
            entry = Fields(item, items.item_location(index), f"a {key[:-1]} of the map", self.diagnostics, (word, "at"))
            lon, lat = self.lon_lat(entry.raw("at"), entry.where("at")) or (0.0, 0.0)
            found.append(MapPlace(entry.text(word), lon, lat))
        return found

    def map_lines(self, fields: Fields, key: str, least: int, kind, words, kind_key: str) -> list[MapLine]:
        items = fields.sequence(key)
        found = []
        for index, item in enumerate(items):
            entry = Fields(item, items.item_location(index), f"{_a(key[:-1])} of the map", self.diagnostics,
                           ("points",), ("name", kind_key))
            points_list = entry.sequence("points")
            points = [point for i, raw in enumerate(points_list)
                      if (point := self.lon_lat(raw, points_list.item_location(i))) is not None]
            if entry.has("points") and len(points_list) < least:
                entry.error("points", f"{_a(key[:-1])} needs at least {least} points, [longitude, latitude] each")
            value = kind(entry)
            if entry.has(kind_key) and value not in words:
                entry.error(kind_key, _unknown_word(kind_key, value, words))
            found.append(MapLine(entry.text("name"), tuple(points), value))
        return found

    def lon_lat(self, raw: Any, where: Location) -> tuple[float, float] | None:
        """A point written [longitude, latitude], in degrees."""
        if isinstance(raw, SourceList) and len(raw) == 2 and all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                                                 for v in raw):
            lon, lat = float(raw[0]), float(raw[1])
            if -180 <= lon <= 180 and -90 <= lat <= 90:
                return lon, lat
        self.error(where, f"a point is [longitude, latitude] in degrees, e.g. [13.40, 52.52], not {_short(raw)}")
        return None

    def read_calendar(self, top: Fields) -> tuple[str, str]:
        calendar = Fields(top.raw("calendar", SourceMap(top.location)), top.where("calendar"), "the calendar",
                          self.diagnostics, ("start", "end"))
        dates = []
        for key in ("start", "end"):
            text = calendar.string(key)
            if text and _parse_date(text) is None:
                calendar.error(key, f"'{text}' is not a date; write it as YYYY-MM-DD")
            dates.append(text)
        start, end = (_parse_date(d) for d in dates)
        if start and end and end < start:
            calendar.error("end", f"the calendar ends ({dates[1]}) before it starts ({dates[0]})")
        return dates[0], dates[1]

    def art(self, fields: Fields) -> Any:
        """A day's or an ending's picture, checked as the painter will read it: an image of the
        author's must stay inside the scenario's folder (or assets/), a description must paint."""
        art = fields.raw("art")
        if art is None:
            return None
        from game.art import catalog, scene_spec

        where = fields.where("art")
        cast = self.person_ids
        found: Sequence[tuple[tuple[Any, ...], str]]
        if isinstance(art, dict) and len(art) == 1 and isinstance(art.get("scene"), str):
            found = _named_scene_problems(art["scene"], cast)  # the common case, the same for every day using it
        else:
            found = scene_spec.problems(art, people=cast)
        for path, message in found:
            self.diagnostics.error(_locate(art, path, where), f"{scene_spec.format_path(path)}: {message}")
        if isinstance(art, dict) and isinstance(art.get("image"), str):
            problem = _image_name_problem(art["image"])
            try:
                image = None if problem else catalog.authors_image(os.path.dirname(os.path.abspath(self.path)), art)
            except catalog.UnsafeArtPath as error:
                problem = str(error)
            except (OSError, ValueError) as error:
                problem = f"the image '{art['image'][:60]}' cannot be looked up: {getattr(error, 'strerror', None) or error}"
            else:
                problem = problem or _image_size_problem(image)
            if problem:
                self.diagnostics.error(_locate(art, ("image",), where), f"art.image: {problem}")
        return art

    def read_variables(self, top: Fields) -> dict[str, Variable]:
        variables: dict[str, Variable] = {}
        section = top.mapping("variables")
        if top.has("variables") and not section:
            top.error("variables", "a scenario needs at least one variable")
        for variable_id, spec in section.items():
            location = section.key_location(variable_id)
            self.check_id(variable_id, location, "variable")
            fields = Fields(spec, section.value_location(variable_id), f"variable '{variable_id}'", self.diagnostics,
                            ("initial", "min", "max"), ("label", "description", "visible_to"))
            low, high = fields.number("min", 0), fields.number("max", 100)
            initial = fields.number("initial", low)
            if fields.has("min") and fields.has("max") and low >= high:
                fields.error("max", f"the maximum of '{variable_id}' ({high}) must be above its minimum ({low})")
            elif fields.has("initial") and not low <= initial <= high:
                fields.error("initial", f"the initial value of '{variable_id}' ({initial}) is outside its bounds {low}..{high}")
            label = fields.text("label") or _plain_label(variable_id)
            variables[variable_id] = Variable(variable_id, label, initial, low, high, fields.text("description"),
                                              len(variables), location)
        return variables

    def read_flags(self, top: Fields, first_slot: int) -> dict[str, Flag]:
        flags: dict[str, Flag] = {}
        section = top.mapping("flags")
        for flag_id, spec in section.items():
            location = section.key_location(flag_id)
            self.check_id(flag_id, location, "flag")
            if isinstance(spec, bool):  # shorthand: "blockade: false"
                flags[flag_id] = Flag(flag_id, _plain_label(flag_id), spec, first_slot + len(flags), location)
                continue
            fields = Fields(spec, section.value_location(flag_id), f"flag '{flag_id}'", self.diagnostics, (),
                            ("label", "initial", "visible_to"))
            label = fields.text("label") or _plain_label(flag_id)
            flags[flag_id] = Flag(flag_id, label, fields.boolean("initial", False), first_slot + len(flags), location)
        return flags

    def read_derived(self, top: Fields) -> dict[str, Derived]:
        derived: dict[str, Derived] = {}
        section = top.mapping("derived")
        for derived_id, spec in section.items():
            location = section.key_location(derived_id)
            self.check_id(derived_id, location, "derived value")
            fields = Fields(spec, section.value_location(derived_id), f"derived value '{derived_id}'", self.diagnostics,
                            (), ("label", "description", "formula", "from", "levels", "otherwise"))
            value, measure = self.derived_value(fields, derived_id, location)
            if value is None:
                value = lambda v: 0  # noqa: E731 - a stand-in so checking can continue
            derived[derived_id] = Derived(derived_id, fields.text("label") or _plain_label(derived_id), value,
                                          fields.text("description"), location, spec if isinstance(spec, dict) else {})
            # later derived values and every expression after this may use it
            names = self.namespace
            self.names = expr.NameSpace(names.variables, names.bounds, names.flags,
                                        {**names.derived, derived_id: value}, names.day_slot,
                                        derived_measures={**names.derived_measures, derived_id: measure},
                                        work=names.work)
        return derived

    def derived_value(self, fields: Fields, derived_id: str, location: Location) -> tuple[expr.Evaluator | None, tuple[int, int]]:
        """The derived value's evaluator and its (steps, depth) measure."""
        if fields.has("formula"):
            if fields.has("from") or fields.has("levels"):
                fields.error("formula", f"derived value '{derived_id}' has both a formula and levels; give one")
            number = expr.parse_number(fields.raw("formula"), fields.where("formula"), self.namespace, self.diagnostics)
            if number is None:
                return None, (1, 1)
            return expr.checked_derived(number.value, derived_id, fields.where("formula")), number.measure
        if not fields.has("from") or not fields.has("levels"):
            if fields.ok:
                self.error(fields.location, f"derived value '{derived_id}' needs either 'formula' or 'from' with 'levels'")
            return None, (1, 1)
        source = expr.parse_number(fields.raw("from"), fields.where("from"), self.namespace, self.diagnostics)
        levels = []
        for index, item in enumerate(fields.sequence("levels")):
            level = Fields(item, fields.sequence("levels").item_location(index), f"a level of '{derived_id}'",
                           self.diagnostics, ("at_least", "value"))
            levels.append((level.number("at_least"), level.number("value")))
        if not levels:
            fields.error("levels", f"derived value '{derived_id}' has no levels")
        thresholds = [threshold for threshold, _ in levels]
        if thresholds != sorted(thresholds, reverse=True):
            fields.error("levels", f"the levels of '{derived_id}' must be listed from the highest 'at_least' down")
        otherwise = fields.number("otherwise", 0)
        if source is None:
            return None, (1, 1)
        read = source.value
        table = tuple(levels)

        # Every outcome is a number checked at load, so a level value needs no run-time check;
        # a 'from' that came to NaN matches no level and gives 'otherwise'.
        def level_value(values: Sequence[Any]) -> float:
            amount = read(values)
            for threshold, result in table:
                if amount >= threshold:
                    return result
            return otherwise

        return level_value, expr.measure_of_levels(source.measure)

    def check_id(self, value: Any, location: Location, what: str) -> None:
        problem = id_problem(value, what)
        if problem:
            self.error(location, problem)
        elif value in RESERVED_NAMES:
            self.error(location, f"'{value}' is a reserved word and cannot be a {what} id")

    def check_name_clashes(self, top: Fields, variables: dict, flags: dict, derived: dict) -> None:
        for derived_id, item in derived.items():
            if derived_id in variables:
                self.error(item.location, f"'{derived_id}' is both a variable and a derived value")

    # --- roles, advisors, choices ---------------------------------------------------------
    def read_roles(self, top: Fields) -> dict[str, Role]:
        section = top.mapping("roles")
        if top.has("roles") and len(section) < 2:
            top.error("roles", f"a scenario needs at least two roles (it has {len(section)})")
        roles: dict[str, Role] = {}
        for role_id, spec in section.items():
            location = section.key_location(role_id)
            self.check_id(role_id, location, "role")
            fields = Fields(spec, section.value_location(role_id), f"role '{role_id}'", self.diagnostics,
                            ("name",), ("title", "side", "description", "portrait", "advisors", "choices", "goals"))
            advisors_list = fields.sequence("advisors")
            self.unique_ids(advisors_list, "advisor")
            advisors = tuple(self.read_advisor(item, advisors_list.item_location(i), role_id)
                             for i, item in enumerate(advisors_list))
            standing = self.read_choices(fields, "choices", f"role '{role_id}'", allow_empty=True)
            self.choices_by_role.setdefault(role_id, set()).update(choice.id for choice in standing)
            roles[role_id] = Role(role_id, fields.text("name"), fields.text("title"), fields.text("side"),
                                  fields.text("description"), _portrait(fields), advisors, standing, location,
                                  self.read_goals(fields, role_id))
        return roles

    def read_goals(self, role_fields: Fields, role_id: str) -> Goals | None:
        """``goals: {endings: {id: value}, meters: {variable: weight}}``: what the seat plays for.
        Ending ids are checked once the endings are read."""
        if not role_fields.has("goals"):
            return None
        fields = Fields(role_fields.raw("goals"), role_fields.where("goals"), f"the goals of '{role_id}'",
                        self.diagnostics, (), ("endings", "meters"))
        endings, ending_keys = self.goal_numbers(fields, "endings", role_id)
        for ending_id in endings:
            self.pending_endings.append((ending_id, ending_keys.key_location(ending_id)))
        meters, meter_keys = self.goal_numbers(fields, "meters", role_id)
        variables = self.names.variables if self.names is not None else {}
        for variable_id in list(meters):
            if variable_id not in variables:
                self.error(meter_keys.key_location(variable_id),
                           f"unknown variable '{variable_id}' in the goals of '{role_id}'"
                           f"{did_you_mean(variable_id, variables)}; meters are variables (not flags or derived values)")
                del meters[variable_id]
        if fields.ok and not ending_keys and not meter_keys:  # given but refused: reported already
            fields.error("endings", f"the goals of '{role_id}' value nothing: give 'endings', 'meters' or both")
        return Goals(endings, meters, fields.location)

    def goal_numbers(self, fields: Fields, key: str, role_id: str) -> tuple[dict[str, float], SourceMap]:
        """A mapping from ids to numbers (an ending's value, a meter's weight), each checked."""
        section = fields.mapping(key)
        found: dict[str, float] = {}
        for item_id, number in section.items():
            if not isinstance(item_id, str):
                self.error(section.key_location(item_id), f"expected an id in the goals of '{role_id}', not {kind_of(item_id)}")
            elif isinstance(number, bool) or not isinstance(number, (int, float)):
                self.error(section.value_location(item_id), f"'{item_id}' in the goals of '{role_id}' must be a number, "
                                                            f"not {not_a_number(number)}")
            elif expr.number_problem(number):
                self.error(section.value_location(item_id), f"'{item_id}': {expr.number_problem(number)}")
            else:
                found[item_id] = float(number)
        return found, section

    def read_advisor(self, spec: Any, location: Location, role_id: str) -> Advisor:
        fields = Fields(spec, location, f"an advisor of '{role_id}'", self.diagnostics,
                        ("id", "name", "office", "leaning"), ("portrait", "advice", "offices"))
        advisor_id = fields.identifier("id")
        leaning = fields.string("leaning", "moderate")
        if fields.has("leaning") and leaning not in LEANINGS:
            fields.error("leaning", f"unknown leaning '{leaning}'{did_you_mean(leaning, LEANINGS)}")
        advice_list = fields.sequence("advice")
        advice = []
        for index, item in enumerate(advice_list):
            entry = Fields(item, advice_list.item_location(index), f"advice of '{advisor_id}'", self.diagnostics,
                           ("text",), ("day", "when", "recommends"))
            day = entry.string("day") or None
            if day is not None:
                day = self.reference(day, self.day_ids, entry.where("day"), "day")
            advice.append(Advice(entry.text("text"), day, self.condition(entry, "when"), entry.string("recommends") or None))
            if entry.has("recommends"):
                self.pending_recommendations.append((role_id, entry.string("recommends"), entry.where("recommends")))
        return Advisor(advisor_id, fields.text("name"), fields.text("office"), leaning, _portrait(fields),
                       tuple(advice), fields.location, self.read_offices(fields, advisor_id))

    def read_offices(self, fields: Fields, advisor_id: str) -> tuple[tuple[str, Text], ...]:
        """``offices: [{from: 1961-09-19, office: ...}]``: the offices an advisor takes up on later dates."""
        items = fields.sequence("offices")
        result: list[tuple[str, Text]] = []
        for index, item in enumerate(items):
            entry = Fields(item, items.item_location(index), f"an office of '{advisor_id}'", self.diagnostics,
                           ("from", "office"))
            since = entry.string("from")
            date = _parse_date(since) if since else None
            if since and date is None:
                entry.error("from", f"'{since}' is not a date; write it as YYYY-MM-DD")
            elif result and date is not None and since <= result[-1][0]:
                entry.error("from", f"{since} does not come after the office before it ({result[-1][0]}); list them in date order")
            result.append((since, entry.text("office")))
        return tuple(result)

    def read_choices(self, owner: Fields, key: str, what: str, allow_empty: bool = False,
                     items: Any = None, location: Location | None = None) -> tuple[Choice, ...]:
        if items is None:
            if not owner.has(key):
                return ()
            items, location = owner.raw(key), owner.where(key)
        assert location is not None  # a caller passing items passes their location with them
        if not isinstance(items, SourceList):
            self.error(location, f"the choices of {what} must be a list, not {kind_of(items)}")
            return ()
        if not items and not allow_empty:
            self.error(location, f"the choice list of {what} is empty; remove it or give at least one choice")
        self.unique_ids(items, f"choice in {what}:")
        return tuple(self.read_choice(item, items.item_location(i), what) for i, item in enumerate(items))

    def read_choice(self, spec: Any, location: Location, what: str) -> Choice:
        fields = Fields(spec, location, f"a choice of {what}", self.diagnostics, ("id", "label"),
                        ("text", "requires", "effects", "later", "leaning", "ending", "visible_to"))
        leaning = fields.string("leaning", "moderate")
        if fields.has("leaning") and leaning not in LEANINGS:
            fields.error("leaning", f"unknown leaning '{leaning}'{did_you_mean(leaning, LEANINGS)}")
        return Choice(fields.identifier("id"), fields.text("label"), fields.text("text"), self.condition(fields, "requires"),
                      self.effects(fields, "effects"), self.read_later(fields), leaning, fields.location,
                      self.ending_reference(fields), self.visibility(fields))

    def read_later(self, fields: Fields) -> tuple[DelayedEffect, ...]:
        if not fields.has("later"):
            return ()
        result = []
        items = fields.sequence("later")
        for index, item in enumerate(items):
            entry = Fields(item, items.item_location(index), "a delayed effect", self.diagnostics,
                           ("effects",), ("after", "after_days", "requires", "text", "visible_to"))
            after = entry.integer("after", 1)
            if entry.has("after") and after < 1:
                entry.error("after", f"'after' counts days and must be 1 or more, not {after}")
            calendar_days = entry.integer("after_days", 0)
            if entry.has("after_days") and calendar_days < 1:
                entry.error("after_days", f"'after_days' counts calendar days and must be 1 or more, not {calendar_days}")
            if entry.has("after") and entry.has("after_days"):
                entry.error("after_days", "give 'after' (turns) or 'after_days' (calendar days), not both")
            elif not entry.has("after") and not entry.has("after_days"):
                self.error(entry.location, "a delayed effect is missing the field 'after' (turns to wait) "
                                           "or 'after_days' (calendar days to wait)")
            by_calendar = entry.has("after_days") and not entry.has("after") and calendar_days >= 1
            result.append(DelayedEffect(0 if by_calendar else after, self.effects(entry, "effects"),
                                        self.condition(entry, "requires"), entry.text("text"), self.visibility(entry),
                                        calendar_days if by_calendar else 0,
                                        self.turns_after(calendar_days) if by_calendar else ()))
        return tuple(result)

    def turns_after(self, calendar_days: int) -> tuple[int, ...]:
        """For each day, how many turns later the first turn comes whose dates reach at least
        ``calendar_days`` after that day's date: a turn that stands for a week counts to its last
        date. A delay that runs past the calendar never falls due."""
        spans = self.turn_spans
        turns = []
        for index, (start, _) in enumerate(spans):
            target = start + datetime.timedelta(days=calendar_days)
            later = next((other for other in range(index + 1, len(spans)) if spans[other][1] >= target), None)
            turns.append(later - index if later is not None else len(spans) - index + 1)
        return tuple(turns)

    # --- days -----------------------------------------------------------------------------
    def read_days(self, top: Fields, roles: dict[str, Role], first: str, last: str) -> tuple[Day, ...]:
        items = top.sequence("days")
        if top.has("days") and not items:
            top.error("days", "a scenario needs at least one day")
        self.unique_ids(items, "day")
        days = []
        previous: datetime.date | None = None
        start, end = _parse_date(first), _parse_date(last)
        for index, item in enumerate(items):
            fields = Fields(item, items.item_location(index), f"day {index + 1}", self.diagnostics,
                            ("id", "date", "title"), ("briefing", "choices", "historical", "history", "art", "advisors",
                                                      "as_seen_by", "brief", "minutes", "default"))
            day_id = fields.identifier("id")
            label = f"day '{day_id}'" if day_id else f"day {index + 1}"
            date_text = fields.string("date")
            date = _parse_date(date_text) if date_text else None
            if date_text and date is None:
                fields.error("date", f"'{date_text}' is not a date; write it as YYYY-MM-DD")
            elif date is not None:
                if start and end and not start <= date <= end:
                    fields.error("date", f"{date_text} is outside the calendar ({first} to {last})")
                if previous and date <= previous:
                    fields.error("date", f"{date_text} does not come after the day before it ({previous.isoformat()}); days run in order")
                previous = date
            briefings = self.read_briefings(fields, label)
            choices = self.read_day_choices(fields, label)
            historical = self.read_historical(fields, label, choices, roles)
            present = self.read_day_advisors(fields, roles)
            days.append(Day(day_id, index, date_text, fields.text("title"), briefings, choices, historical,
                            fields.text("history"), self.art(fields), fields.location, present,
                            self.read_seen_by(fields, label), briefs=self.read_briefs(fields, roles, present, label),
                            minutes=self.positive_minutes(fields, "minutes"),
                            defaults=self.read_defaults(fields, label, choices, roles)))
        for role_id, choice_id, location in self.pending_recommendations:
            if role_id in self.choices_by_role:
                self.reference(choice_id, self.choices_by_role[role_id], location, "choice", f" for '{role_id}'")
        return tuple(days)

    def read_seen_by(self, fields: Fields, label: str) -> dict[str, SeatView]:
        """``as_seen_by: {khrushchev: {title: ..., art: ..., history: ...}}``: a seat's own title, picture
        or "what really happened" note for the day."""
        if not fields.has("as_seen_by"):
            return {}
        section = fields.mapping("as_seen_by")
        views = {}
        for role_id in section:
            if not self.reference(role_id, self.role_ids, section.key_location(role_id), "role"):
                continue
            view = Fields(section[role_id], section.value_location(role_id), f"{label} as seen by '{role_id}'",
                          self.diagnostics, (), ("title", "art", "history"))
            if view.ok and isinstance(section[role_id], dict) and not section[role_id]:
                self.error(view.location, f"{label} as seen by '{role_id}' gives no title, art or history")
            views[role_id] = SeatView(view.text("title") if view.has("title") else None,
                                      self.art(view) if view.has("art") else None,
                                      view.text("history") if view.has("history") else None)
        return views

    def read_day_advisors(self, fields: Fields, roles: dict[str, Role]) -> dict[str, tuple[str, ...]] | None:
        """``advisors: {kennedy: [rfk, mcnamara]}``: who sits at the table that day (default: everyone)."""
        if not fields.has("advisors"):
            return None
        section = fields.mapping("advisors")
        result = {}
        for role_id in section:
            if not self.reference(role_id, self.role_ids, section.key_location(role_id), "role"):
                continue
            known = {advisor.id for advisor in roles[role_id].advisors} if role_id in roles else set()
            present = []
            listed = read_strings(section[role_id], section.value_location(role_id),
                                  f"the advisors of '{role_id}'", self.diagnostics)
            for advisor_id in listed:
                if self.reference(advisor_id, known, section.value_location(role_id), "advisor", f" of '{role_id}'"):
                    present.append(advisor_id)
            result[role_id] = tuple(present)
        return result

    def read_briefs(self, fields: Fields, roles: dict[str, Role], present: dict[str, tuple[str, ...]] | None,
                    label: str) -> dict[str, dict[str, Text]]:
        """``brief: {kennedy: {rfk: ..., mcnamara: ...}}``: what each advisor at the table would push
        for today. A brief for an advisor the role does not have, or who is not at the table that
        day, is an error: nobody would ever read it."""
        if not fields.has("brief"):
            return {}
        section = fields.mapping("brief")
        result: dict[str, dict[str, Text]] = {}
        for role_id in section:
            if not self.reference(role_id, self.role_ids, section.key_location(role_id), "role"):
                continue
            if role_id not in roles:
                continue
            if not isinstance(section[role_id], SourceMap):
                self.error(section.value_location(role_id),
                           f"the briefs of '{role_id}' on {label} are a mapping from advisor id to text, "
                           f"not {kind_of(section[role_id])}")
                continue
            advisors = section[role_id]
            known = [advisor.id for advisor in roles[role_id].advisors]
            seated = set(known if present is None or role_id not in present else present[role_id])
            briefs: dict[str, Text] = {}
            for advisor_id, text in advisors.items():
                where = advisors.key_location(advisor_id)
                if not self.reference(advisor_id, known, where, "advisor", f" of '{role_id}'"):
                    continue
                if advisor_id not in seated:
                    self.error(where, f"advisor '{advisor_id}' is not at the table of '{role_id}' on {label} "
                                      f"(see the day's 'advisors'), so nobody would read this brief")
                    continue
                briefs[advisor_id] = read_text(text, advisors.value_location(advisor_id),
                                               f"the brief of '{advisor_id}' on {label}", self.diagnostics)
            result[role_id] = briefs
        return result

    def ending_reference(self, fields: Fields) -> str | None:
        """An ``ending:`` field names an ending; checked once every ending id is known."""
        if not fields.has("ending"):
            return None
        ending_id = fields.string("ending")
        self.pending_endings.append((ending_id, fields.where("ending")))
        return ending_id

    def read_briefings(self, fields: Fields, label: str) -> dict[str, tuple[Paragraph, ...]]:
        """Each role's briefing: one text, or a list of paragraphs, each a text or ``{text, when}``
        (shown only when the condition holds as the day begins)."""
        section = fields.mapping("briefing")
        result: dict[str, tuple[Paragraph, ...]] = {}
        for role_id, value in section.items():
            if not self.reference(role_id, self.role_ids, section.key_location(role_id), "role"):
                continue
            where = section.value_location(role_id)
            what = f"the briefing of '{role_id}' on {label}"
            if not isinstance(value, SourceList):
                result[role_id] = (Paragraph(read_text(value, where, what, self.diagnostics)),)
                continue
            paragraphs = []
            for index, item in enumerate(value):
                at = value.item_location(index)
                if isinstance(item, SourceMap) and "text" in item:
                    entry = Fields(item, at, f"paragraph {index + 1} of {what}", self.diagnostics, ("text",), ("when",))
                    paragraphs.append(Paragraph(entry.text("text"), self.condition(entry, "when")))
                else:
                    paragraphs.append(Paragraph(read_text(item, at, f"paragraph {index + 1} of {what}", self.diagnostics)))
            if not paragraphs:
                self.error(where, f"{what} is an empty list; give it a text or leave the role out")
            result[role_id] = tuple(paragraphs)
        return result

    def per_role_texts(self, fields: Fields, key: str, label: str) -> dict:
        section = fields.mapping(key)
        result = {}
        for role_id, text in section.items():
            if self.reference(role_id, self.role_ids, section.key_location(role_id), "role"):
                result[role_id] = read_text(text, section.value_location(role_id), f"the {key} of {label}", self.diagnostics)
        return result

    def read_day_choices(self, fields: Fields, label: str) -> dict[str, tuple[Choice, ...]]:
        section = fields.mapping("choices")
        result: dict[str, tuple[Choice, ...]] = {}
        for role_id, items in section.items():
            if not self.reference(role_id, self.role_ids, section.key_location(role_id), "role"):
                continue
            choices = self.read_choices(fields, role_id, f"'{role_id}' on {label}", items=items,
                                        location=section.value_location(role_id))
            result[role_id] = choices
            self.choices_by_role.setdefault(role_id, set()).update(choice.id for choice in choices)
        return result

    def positive_minutes(self, fields: Fields, key: str) -> float | None:
        """A time in minutes (a classroom's decision time, a letter's delay): a positive number, or None."""
        if not fields.has(key):
            return None
        minutes = fields.number(key, 0)
        if fields.has(key) and isinstance(fields.raw(key), (int, float)) and not isinstance(fields.raw(key), bool) \
                and minutes <= 0:
            fields.error(key, f"'{key}' in {fields.what} is a time in minutes and must be more than 0, not {minutes:g}")
        return minutes if minutes > 0 else None

    def read_defaults(self, fields: Fields, label: str, choices: dict, roles: dict[str, Role]) -> dict[str, str]:
        """``default: {kennedy: wait}``: the order a seat gets when its team has not decided in time
        (a classroom's decision timer): one of the choices offered to that role on that day."""
        return self.choice_per_role(fields, "default", label, choices, roles)

    def read_historical(self, fields: Fields, label: str, choices: dict, roles: dict[str, Role]) -> dict[str, str]:
        """``historical: {kennedy: quarantine}``: what each leader really decided that day."""
        return self.choice_per_role(fields, "historical", label, choices, roles)

    def choice_per_role(self, fields: Fields, key: str, label: str, choices: dict,
                        roles: dict[str, Role]) -> dict[str, str]:
        """A mapping from role id to one of the choices that role has on the day (its own or a
        standing one), each id checked with a did-you-mean."""
        section = fields.mapping(key)
        result = {}
        for role_id, choice_id in section.items():
            if not self.reference(role_id, self.role_ids, section.key_location(role_id), "role"):
                continue
            available = [c.id for c in choices.get(role_id, ())]
            if role_id in roles:
                available += [c.id for c in roles[role_id].standing_choices]
            if self.reference(choice_id, available, section.value_location(role_id), "choice", f" for '{role_id}' on {label}"):
                result[role_id] = choice_id
        return result

    # --- interactions, events, endings ----------------------------------------------------
    def read_interactions(self, top: Fields) -> tuple[Interaction, ...]:
        items = top.sequence("interactions")
        self.unique_ids(items, "interaction")
        result = []
        for index, item in enumerate(items):
            fields = Fields(item, items.item_location(index), f"interaction {index + 1}", self.diagnostics,
                            ("id", "orders"), ("requires", "effects", "text", "ending", "visible_to"))
            orders_map = fields.mapping("orders")
            orders: dict[str, frozenset[str] | None] = {}
            for role_id, wanted in orders_map.items():
                if not self.reference(role_id, self.role_ids, orders_map.key_location(role_id), "role"):
                    continue
                where = orders_map.value_location(role_id)
                if wanted == "any":
                    orders[role_id] = None
                    continue
                wanted_list = [wanted] if isinstance(wanted, str) else wanted
                if not isinstance(wanted_list, list) or not wanted_list:
                    self.error(where, f"orders of '{role_id}' must be a choice id, a list of them, or 'any'")
                    continue
                known = self.choices_by_role.get(role_id, set())
                ids = [self.reference(choice_id, known, where, "choice", f" for '{role_id}'") for choice_id in wanted_list]
                orders[role_id] = frozenset(i for i in ids if i)
            if fields.has("orders") and not orders_map:
                fields.error("orders", "an interaction names the orders it combines, e.g. {kennedy: [airstrike], khrushchev: any}")
            if fields.ok and not fields.has("effects") and not fields.has("ending"):
                self.error(fields.location, f"interaction '{fields.string('id')}' needs 'effects' or an 'ending'")
            result.append(Interaction(fields.identifier("id"), orders, self.condition(fields, "requires"),
                                      self.effects(fields, "effects"), fields.text("text"), fields.location,
                                      self.ending_reference(fields), self.visibility(fields)))
        return tuple(result)

    def read_events(self, top: Fields) -> tuple[Event, ...]:
        items = top.sequence("events")
        self.unique_ids(items, "event")
        result = []
        for index, item in enumerate(items):
            fields = Fields(item, items.item_location(index), f"event {index + 1}", self.diagnostics,
                            ("id", "title", "probability"),
                            ("text", "requires", "once", "days", "effects", "later", "ending", "visible_to"))
            probability = expr.parse_number(fields.raw("probability", 0), fields.where("probability"), self.namespace, self.diagnostics)
            if probability is not None and probability.constant is not None and not 0 <= probability.constant <= 1:
                fields.error("probability", f"a probability is between 0 and 1, not {probability.constant}")
            if probability is None:
                probability = expr.NumberExpression("0", fields.location, lambda v: 0, frozenset(), 0)
            days = None
            if fields.has("days"):
                days = frozenset(d for d in (self.reference(day_id, self.day_ids, fields.where("days"), "day")
                                             for day_id in fields.strings("days")) if d)
            result.append(Event(fields.identifier("id"), fields.text("title"), fields.text("text"),
                                self.condition(fields, "requires"), probability, fields.boolean("once", True), days,
                                self.effects(fields, "effects"), self.read_later(fields), fields.location,
                                self.ending_reference(fields), self.visibility(fields)))
        return tuple(result)

    def read_endings(self, top: Fields) -> tuple[Ending, ...]:
        items = top.sequence("endings")
        self.unique_ids(items, "ending")
        endings = []
        for index, item in enumerate(items):
            fields = Fields(item, items.item_location(index), f"ending {index + 1}", self.diagnostics,
                            ("id", "title", "text"), ("priority", "when", "final", "history", "scores", "art", "tone"))
            final = fields.boolean("final", False)
            if not final and not fields.has("when") and fields.ok:
                self.error(fields.location, f"ending '{fields.string('id')}' has no 'when'; only a 'final: true' ending may go without one")
            scores_map = fields.mapping("scores")
            scores = {}
            for role_id, score in scores_map.items():
                if self.reference(role_id, self.role_ids, scores_map.key_location(role_id), "role"):
                    if isinstance(score, bool) or not isinstance(score, (int, float)):
                        self.error(scores_map.value_location(role_id), f"a score must be a number, not {kind_of(score)}")
                    elif expr.number_problem(score):
                        self.error(scores_map.value_location(role_id), f"score: {expr.number_problem(score)}")
                    else:
                        scores[role_id] = score
            tone = fields.string("tone", "")
            if fields.has("tone") and tone not in TONES:
                fields.error("tone", f"unknown tone '{tone}'{did_you_mean(tone, TONES)}; use one of {', '.join(TONES)}")
                tone = ""
            endings.append(Ending(fields.identifier("id"), fields.text("title"), fields.text("text"),
                                  fields.integer("priority", 0), self.condition(fields, "when"), final,
                                  fields.text("history"), scores, self.art(fields), fields.location, tone))
        ending_ids = {ending.id for ending in endings}
        for ending_id, location in self.pending_endings:
            self.reference(ending_id, ending_ids, location, "ending")
        if top.has("endings") and not any(e.final and e.when is None for e in endings):
            top.error("endings", "no ending covers the calendar running out: add one with 'final: true' and no 'when'")
        order = sorted(range(len(endings)), key=lambda i: (-endings[i].priority, i))
        return tuple(endings[i] for i in order)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _unknown_region(region: Any) -> str:
    from game import geography

    return geography.unknown_region(region)


def _unknown_word(what: str, word: Any, words) -> str:
    """'unknown tint 'roze' (did you mean 'rose'?); the tints are: ...': every word listed, as authors need them."""
    guess = did_you_mean(word, words) if isinstance(word, str) else ""
    listed = "" if guess.startswith(" (known") else f"; use one of {', '.join(sorted(words))}"
    return f"unknown {what} '{word}'{guess}{listed}"


def _a(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _turn_spans(days: Any, last: str) -> list[tuple[datetime.date, datetime.date]]:
    """Each day's first and last calendar date (a day stands for its date up to the next day's),
    for delays counted in calendar days; empty when the dates are not all readable and in order
    (the days' own checks report why)."""
    if not isinstance(days, SourceList):
        return []
    read = [_parse_date(str(item.get("date"))) if isinstance(item, SourceMap) and isinstance(item.get("date"), str)
            else None for item in days]
    end = _parse_date(last) if isinstance(last, str) else None
    starts = [start for start in read if start is not None]
    if end is None or not starts or len(starts) < len(read) or any(b <= a for a, b in zip(starts, starts[1:])):
        return []
    ends = [following - datetime.timedelta(days=1) for following in starts[1:]] + [max(end, starts[-1])]
    return list(zip(starts, ends))


def _parse_date(text: str) -> datetime.date | None:
    """Only YYYY-MM-DD: ``fromisoformat`` alone would also take '19621016' and week dates."""
    if not _DATE.fullmatch(str(text)):
        return None
    try:
        return datetime.date.fromisoformat(str(text))
    except ValueError:
        return None


def _image_name_problem(name: str) -> str | None:
    """A file name the system could not even look up: control characters, or too long."""
    if any(ord(character) < 32 or ord(character) == 127 for character in name):
        return "the image's name holds a control character; write a plain file name such as pictures/dawn.png"
    if len(name) > 1024 or any(len(part.encode("utf-8")) > 255 for part in re.split(r"[/\\]", name)):
        return f"the image's name '{name[:40]}...' is too long for a file name"
    return None


def _image_size_problem(image: os.PathLike | None) -> str | None:
    """A picture too large to show, found from its header before anything decodes it."""
    from game.art import png

    if image is None:
        return None
    try:
        header = read_file_start(image, png.HEADER_BYTES)
    except FileRefused as error:
        return _without_path(str(error), os.fspath(image))
    except OSError:
        return None  # a missing picture is lint's warning, not an error
    size = png.dimensions(header)
    if size is None:  # the window shows only what it can size from a PNG header, before decoding
        return "the image is not a PNG file; pictures are PNG files (save it as PNG)"
    if 0 in size:
        return f"the image is {size[0]}x{size[1]} pixels: it has nothing to show"
    if size[0] * size[1] > png.MAX_PIXELS:
        return (f"the image is {size[0]}x{size[1]} pixels; pictures are at most "
                f"{png.MAX_PIXELS // 1_000_000} million pixels (e.g. 4096x4096)")
    return None


def _plain_label(identifier: str) -> Text:
    return Text((("en", identifier.replace("_", " ").capitalize()),))


@functools.lru_cache(maxsize=512)
def _named_scene_problems(name: str, cast: frozenset[str]) -> tuple:
    from game.art import scene_spec

    return tuple(scene_spec.problems({"scene": name}, people=cast))


def _locate(node: Any, path: tuple, fallback: Location) -> Location:
    """The place of a part of a nested value, as far down the path as the file has places."""
    where = fallback
    for part in path:
        if isinstance(node, SourceMap) and part in node:
            where, node = node.value_location(part), node[part]
        elif isinstance(node, SourceList) and isinstance(part, int) and 0 <= part < len(node):
            where, node = node.item_location(part), node[part]
        else:
            break
    return where


def _portrait(fields: Fields) -> dict:
    portrait = fields.raw("portrait")
    if portrait is None:
        return {}
    if not isinstance(portrait, dict):
        fields.error("portrait", f"'portrait' must be a mapping of drawing parameters, not {kind_of(portrait)}")
        return {}
    # The painter's vocabulary is checked here, so a misspelt hair style is a line in `brink
    # validate` rather than a refusal when `brink art` paints.
    from game.art.portrait_spec import problems

    assert isinstance(portrait, SourceMap)  # every mapping the loader reads is one
    for key, message in problems(portrait):
        where = portrait.value_location(key) if key in portrait else portrait.location
        fields.diagnostics.error(where, f"portrait: {message}")
    return dict(portrait)
