"""The keys: every action a key can do, its default, and the player's own choices from Settings.

Scenes never compare an event with a key constant; they ask ``keys.pressed(event, "briefing")``, so a
player who cannot reach a key, or whose keyboard lacks it, can move the action to another one. Keys are
kept by pygame's names ("escape", "a", "page down"), which survive a change of keyboard layout and
read plainly in the settings file.

Each action belongs to a place: everywhere, the game's day, or the classroom's projector. Two actions
may share a key only when they can never be asked for on the same screen; anything else is a clash,
refused with a message. A few keys stay as they are, whatever the map says, because the lists and
text fields of every screen need them: the arrows, Space, Home, End and Backspace (and the keypad's
Enter and digits, which follow their main keys).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import pygame

from game.i18n import N_

EVERYWHERE, GAME, CLASSROOM = "everywhere", "game", "classroom"


@dataclass(frozen=True, slots=True)
class Action:
    id: str
    label: str  # in English, marked for translation
    default: str  # pygame's name of the key
    place: str


ACTIONS: tuple[Action, ...] = (
    Action("back", N_("Back, or the menu in a game"), "escape", EVERYWHERE),
    Action("activate", N_("Choose the button in focus"), "return", EVERYWHERE),
    Action("next_focus", N_("Next button (with Shift: the one before)"), "tab", EVERYWHERE),
    Action("read_page", N_("Read the whole screen aloud (self-voicing)"), "r", EVERYWHERE),
    Action("fullscreen", N_("Full screen"), "f11", EVERYWHERE),
    Action("reload", N_("Reload the scenario file"), "f5", EVERYWHERE),
    Action("next_advisor", N_("Hear the next advisor"), "a", GAME),
    Action("briefing", N_("The morning's briefing"), "b", GAME),
    Action("choices", N_("Back to the choices"), "c", GAME),
    Action("map", N_("Switch the map"), "m", GAME),
    Action("orders_so_far", N_("Orders so far"), "h", GAME),
    Action("next_page", N_("More choices"), "page down", GAME),
    Action("previous_page", N_("Earlier choices"), "page up", GAME),
    *(Action(f"choice_{n}", N_("Pick choice {number}"), str(n % 10), GAME) for n in range(1, 11)),
    Action("start", N_("Classroom: start the game"), "s", CLASSROOM),
    Action("vote", N_("Classroom: teams vote or leaders decide"), "v", CLASSROOM),
    Action("next_day", N_("Classroom: on to the next day"), "n", CLASSROOM),
    Action("pause_clock", N_("Classroom: pause or resume the clock"), "p", CLASSROOM),
    Action("undo_day", N_("Classroom: undo the last day"), "u", CLASSROOM),
    Action("add_minute", N_("Classroom: one more minute"), "a", CLASSROOM),
    Action("add_five_minutes", N_("Classroom: five more minutes"), "f", CLASSROOM),
)
BY_ID = {action.id: action for action in ACTIONS}

# keys the lists and fields of every screen keep for themselves, and keys that are only modifiers
FIXED = ("up", "down", "left", "right", "space", "home", "end", "backspace")
MODIFIERS = ("left shift", "right shift", "left ctrl", "right ctrl", "left alt", "right alt", "left meta",
             "right meta", "left gui", "right gui", "caps lock", "num lock", "mode", "compose", "")
# a keypad key does what its main key does, so a laptop and a full keyboard play the same
KEYPAD = {"enter": "return", **{f"[{n}]": str(n) for n in range(10)}}
SHOWN = {"escape": "Esc", "return": "Enter", "page down": "PgDn", "page up": "PgUp", "tab": "Tab"}


def key_name(key: int) -> str:
    """pygame's name for a key code, with a keypad key named as its main key."""
    name = pygame.key.name(key)
    return KEYPAD.get(name, name)


def shown_name(name: str) -> str:
    """A key's name as a player reads it on a button or in Settings: "Esc", "A", "F5", "PgDn"."""
    if name in SHOWN:
        return SHOWN[name]
    return name.upper() if len(name) <= 3 else name.title()


def places_meet(one: str, other: str) -> bool:
    return one == other or EVERYWHERE in (one, other)


class KeyMap:
    """Which key does which action: the defaults, with the player's own choices over them."""

    def __init__(self, chosen: dict[str, str] | None = None):
        self.bound = {action.id: action.default for action in ACTIONS}
        for action_id, name in (chosen or {}).items():
            if action_id in self.bound and usable(name):
                self.bound[action_id] = name

    @classmethod
    def from_settings(cls, pairs) -> KeyMap:
        return cls(dict(pairs))

    def chosen(self) -> tuple[tuple[str, str], ...]:
        """The player's choices that differ from the defaults, as Settings keep them."""
        return tuple((a.id, self.bound[a.id]) for a in ACTIONS if self.bound[a.id] != a.default)

    def key_of(self, action_id: str) -> str:
        return self.bound[action_id]

    def label(self, action_id: str) -> str:
        """The key's name for a button's hint."""
        return shown_name(self.bound[action_id])

    def pressed(self, event, action_id: str) -> bool:
        """True when ``event`` (a KEYDOWN) is the key of ``action_id``."""
        return key_name(event.key) == self.bound[action_id]

    def action_for(self, event, place: str) -> str | None:
        """The action of a key pressed in ``place`` (the place's own first, then everywhere's)."""
        name = key_name(event.key)
        for action in ACTIONS:
            if action.place == place and self.bound[action.id] == name:
                return action.id
        return None

    def clash(self, action_id: str, name: str) -> str | None:
        """The action already on key ``name`` where ``action_id`` can be asked for too, or None."""
        place = BY_ID[action_id].place
        for action in ACTIONS:
            if action.id != action_id and self.bound[action.id] == name and places_meet(place, action.place):
                return action.id
        return None

    def rebound(self, action_id: str, name: str) -> KeyMap:
        """A new map with ``action_id`` on key ``name`` (the caller has checked ``clash`` and ``usable``)."""
        new = KeyMap()
        new.bound = {**self.bound, action_id: name}
        return new


def usable(name: str) -> bool:
    """A key an action may take: a real key, neither a modifier nor one the screens keep for themselves."""
    if not isinstance(name, str) or name in FIXED or name in MODIFIERS:
        return False
    try:
        with warnings.catch_warnings():  # the settings file may be read before the window opens: the names are the same
            warnings.simplefilter("ignore")
            return pygame.key.key_code(name) != pygame.K_UNKNOWN
    except (ValueError, pygame.error):
        return False
