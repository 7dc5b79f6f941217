"""The situation room: map, meters, calendar, advisors, and the day's choices as cards.

Picking a card only marks it (that is the screen's own state); "Give the order" sends the
engine its command. Keys: 1-9 pick a choice, Enter gives the order, A hears the next advisor,
M switches the map, H shows the orders so far, Escape opens the menu.
"""

from __future__ import annotations

import pygame

from game.engine.advice import advice_for
from game.text.describe import long_date
from game.ui import flow, layout, map_model
from game.ui.map_view import MapView
from game.ui.scenes.base import Scene
from game.ui.scenes.common import add_meters, history_blocks, meters_height, paint_meters_panel
from game.ui.widgets.base import blit_text, panel
from game.ui.widgets.button import Button
from game.ui.widgets.calendar import CalendarStrip
from game.ui.widgets.card import ChoiceCard
from game.ui.widgets.portrait import AdvisorChip, portrait_surface
from game.ui.widgets.textbox import TextBox

TABS = (("caribbean", "Caribbean"), ("world", "The world"), ("history", "Orders so far"))


class DayScene(Scene):
    def __init__(self, app, match, role: str):
        super().__init__(app)
        self.match = match
        self.role = role
        self.selected: str | None = None  # the card marked, not yet an order
        self.advisor: int | None = None  # whose advice is open
        self.tab = "caribbean"
        self.advice = advice_for(match.scenario, match.session.state, role)

    # --- layout -----------------------------------------------------------------------------------------
    def build(self, size) -> None:
        theme = self.theme
        match = self.match
        scenario = match.scenario
        state = match.session.state
        legal = match.legal(self.role)
        if self.selected not in {c.id for c in legal}:
            self.selected = None
        r = self.regions = layout.day_screen(size, theme, meters_height(theme, scenario, size[0] // 2))
        day = match.session.day
        played = {scenario.days[rec.day_index].date for rec in state.history}
        self.add(CalendarStrip(r["calendar"], scenario.first_date, scenario.last_date,
                               [d.date for d in scenario.days], day.date, played))
        menu = pygame.Rect(0, 0, theme.px(120), theme.px(38))
        menu.midright = (r["bar"].right - layout.margin(theme), r["bar"].centery)
        self.menu_rect = menu
        self.add(Button(menu, "Menu", self.menu, hint="Esc"))
        # left: map tabs, the map (or the record), the meters
        tabs = TABS if map_model.is_caribbean(scenario) else TABS[1:]
        if self.tab not in {key for key, _ in tabs}:
            self.tab = tabs[0][0]
        tab_rects = layout.split_columns(r["tabs"], [1, 1, 1.25][-len(tabs):], theme.px(6))
        self.tab_buttons = {}
        for (key, label), rect in zip(tabs, tab_rects):
            self.tab_buttons[key] = self.add(Button(rect, label, self._tab(key), kind="option", selected=key == self.tab,
                                                    hint={"caribbean": "M", "world": "", "history": "H"}[key],
                                                    name=f"tab:{key}", style="small_bold"))
        picture = map_model.map_picture(scenario, day.date, state.values, state.history) \
            if map_model.is_caribbean(scenario) else None
        self.map_view = MapView(r["map"], "caribbean" if self.tab != "world" else "world", self.app.art, picture)
        if self.tab == "history":
            self.add(TextBox(r["map"].inflate(-theme.px(16), -theme.px(12)), history_blocks(match), theme, gap=4,
                             name="history"))
        else:
            self.add(self.map_view)
        self.flags_rect = add_meters(self, r["meters"], match, state.values)
        # right: advisors, their advice, the cards, the order
        chips = r["advisors"]
        count = max(1, len(self.advice))
        chip_w = min(theme.px(118), chips.w // count)
        portrait_size = theme.px(46)
        self.chips = []
        for index, (advisor, advice) in enumerate(self.advice):
            rect = pygame.Rect(chips.x + index * chip_w, chips.y, chip_w - theme.px(6), chips.h)
            picture = portrait_surface(self.app.art, theme, scenario.id, advisor.id, advisor.name, portrait_size)
            chip = AdvisorChip(rect, picture, advisor.name, match.t(advisor.office), advisor.leaning,
                               self._hear(index), selected=index == self.advisor)
            self.chips.append(self.add(chip))
        self.advice_box = self.add(TextBox(r["advice"].inflate(-theme.px(20), -theme.px(14)), self._advice_blocks(),
                                           theme, gap=2, name="advice"))
        columns, card_h = layout.card_columns(r["cards"], len(legal), theme)
        cells = layout.grid(r["cards"], len(legal), columns, theme.px(10), card_h)
        self.cards = []
        recommended = self._recommended()
        for number, (choice, rect) in enumerate(zip(legal, cells), start=1):
            card = ChoiceCard(rect, number, match.t(choice.label), match.t(choice.text), match.moved_labels(choice),
                              self._pick(choice.id), selected=choice.id == self.selected, name=f"choice:{choice.id}")
            card.choice_id = choice.id
            if recommended and choice.id == recommended[0]:
                card.recommended_by = recommended[1]
            self.cards.append(self.add(card))
        buttons = r["buttons"]
        self.order_button = self.add(Button(buttons, self._order_label(), self.give_order, kind="primary",
                                            enabled=self.selected is not None, hint="Enter", name="give order"))

    def first_focus(self):
        if self.selected is not None and self.order_button.can_focus:
            return self.order_button
        return self.cards[0] if self.cards else super().first_focus()

    def paint_static(self, surface: pygame.Surface) -> None:
        theme = self.theme
        palette = theme.palette
        match = self.match
        scenario = match.scenario
        day = match.session.day
        r = self.regions
        bar = self.heading_bar(surface, long_date(day.date),
                               f"Day {day.index + 1} of {len(scenario.days)}: {match.t(day.title)}")
        role = scenario.roles[self.role]
        chips = r["advisors"]
        used = self.chips[-1].rect.right if self.chips else chips.x
        room = chips.right - used - theme.px(16)
        if room >= theme.px(240):
            picture = portrait_surface(self.app.art, theme, scenario.id, self.role, role.name, theme.px(64))
            spot = picture.get_rect(topright=(chips.right, chips.y + theme.px(6)))
            surface.blit(picture, spot)
            width = spot.x - theme.px(12) - used - theme.px(16)
            blit_text(surface, theme, theme.fit(role.name, "subheading", width), "subheading", palette.ink,
                      (spot.x - theme.px(12), spot.y + theme.px(4)), "topright")
            blit_text(surface, theme, theme.fit(match.t(role.title), "small", width), "small", palette.ink_soft,
                      (spot.x - theme.px(12), spot.y + theme.px(4) + theme.line_height("subheading")), "topright")
            blit_text(surface, theme, "your advisors \u2190", "small", palette.ink_faint,
                      (spot.x - theme.px(12), spot.bottom + theme.px(6)), "topright")
        self.flag_texts = paint_meters_panel(surface, theme, r["meters"], self.flags_rect, match, match.session.state.values)
        panel(surface, r["advice"], theme, fill=(251, 246, 234))
        if not self.advice:
            blit_text(surface, theme, "No advisor speaks today.", "italic", palette.ink_faint, r["advisors"].center, "center")
        if self.tab == "history":
            panel(surface, r["map"], theme)

    def static_texts(self) -> list[str]:
        day = self.match.session.day
        return [long_date(day.date), self.match.t(day.title), *getattr(self, "flag_texts", [])]

    # --- what the player reads -------------------------------------------------------------------
    def _advice_blocks(self) -> list[tuple[str, str, str]]:
        match = self.match
        if self.advisor is None or self.advisor >= len(self.advice):
            briefing = match.session.day.briefings.get(self.role)
            blocks = [("This morning's briefing", "small_bold", "ink_soft"),
                      (match.t(briefing) if briefing else "No word this morning.", "body", "ink")]
            if self.advice:
                blocks.append(("Click an advisor, or press A, to hear their advice. At the table: "
                               + "; ".join(f"{a.name}, {match.t(a.office)} ({a.leaning})" for a, _ in self.advice) + ".",
                               "small", "ink_faint"))
            return blocks
        advisor, advice = self.advice[self.advisor]
        blocks = [(f"{advisor.name}, {match.t(advisor.office)} ({advisor.leaning})", "small_bold", "ink_soft"),
                  (f"\u201c{match.t(advice.text)}\u201d", "italic", "ink")]
        recommended = self._recommended()
        if recommended:
            label = next((c.label for c in match.legal(self.role) if c.id == recommended[0]), None)
            if label is not None:
                blocks.append((f"Recommends: {match.t(label)}", "small_bold", "accent"))
        return blocks

    def _recommended(self) -> tuple[str, str] | None:
        if self.advisor is None or self.advisor >= len(self.advice):
            return None
        advisor, advice = self.advice[self.advisor]
        if advice.recommends and any(c.id == advice.recommends for c in self.match.legal(self.role)):
            return advice.recommends, advisor.name.split()[-1]
        return None

    def _order_label(self) -> str:
        if self.selected is None:
            return "Pick a choice, then give the order"
        label = next((card.label for card in getattr(self, "cards", []) if card.choice_id == self.selected), "")
        return f"Give the order: {label}" if label else "Give the order"

    # --- actions -----------------------------------------------------------------------------------------
    def _tab(self, key: str):
        def show() -> None:
            self.tab = key
            self.relayout()
        return show

    def _hear(self, index: int):
        def hear() -> None:
            self.advisor = None if self.advisor == index else index
            self.relayout()
        return hear

    def _pick(self, choice_id: str):
        def pick() -> None:
            self.selected = choice_id
            for card in self.cards:
                card.selected = card.choice_id == choice_id
            self.order_button.enabled = True
            self.order_button.label = self._order_label()
            self.set_focus(self.order_button)
        return pick

    def give_order(self) -> None:
        if self.selected is None or self.match.session.order_of(self.role) is not None:
            return
        if self.role not in self.match.humans_waiting():
            return
        self.app.sound.play("order")
        self.match.give_order(self.role, self.selected)
        flow.show_current(self.app, self.match)

    def menu(self) -> None:
        self.app.push("pause", match=self.match)

    def back(self) -> bool:
        self.menu()
        return True

    def on_key(self, event) -> bool:
        key = event.key
        if pygame.K_1 <= key <= pygame.K_9 or pygame.K_KP1 <= key <= pygame.K_KP9:
            number = (key - pygame.K_1 if key <= pygame.K_9 else key - pygame.K_KP1) + 1
            if number <= len(self.cards):
                self.cards[number - 1].activate()
                self.app.sound.play("click")
            return True
        if key == pygame.K_a and self.chips:
            following = 0 if self.advisor is None else (self.advisor + 1) % len(self.chips)
            self.chips[following].activate()
            return True
        if key == pygame.K_m:
            if "tab:caribbean" in {w.name for w in self.widgets}:
                self._tab("world" if self.tab == "caribbean" else "caribbean")()
            else:
                self._tab("world")()
            return True
        if key == pygame.K_h:
            back = "caribbean" if "tab:caribbean" in {w.name for w in self.widgets} else "world"
            self._tab(back if self.tab == "history" else "history")()
            return True
        return super().on_key(event)
