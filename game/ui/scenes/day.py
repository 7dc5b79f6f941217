"""The situation room: map, meters, calendar, advisors, and the day's choices as cards.

Picking a card only marks it (that is the screen's own state); "Give the order" sends the
engine its command. Keys: 1-9 pick a choice and 0 the tenth, Enter gives the order, A hears the
next advisor, M switches the map, H shows the orders so far, Escape opens the menu. A day with
more cards than fit is shown a page at a time: Page Up/Down or the wheel turn the pages, and Tab
or the arrows walk on from a page's last card to the next page's first.
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
# 1-9 pick the first nine cards and 0 the tenth, on the top row and on the keypad
NUMBER_KEYS = {**{pygame.K_1 + i: i + 1 for i in range(9)}, **{pygame.K_KP1 + i: i + 1 for i in range(9)},
               pygame.K_0: 10, pygame.K_KP0: 10}


class DayScene(Scene):
    def __init__(self, app, match, role: str):
        super().__init__(app)
        self.match = match
        self.role = role
        self.selected: str | None = None  # the card marked, not yet an order
        self.advisor: int | None = None  # whose advice is open
        self.tab = "caribbean"
        self.page = 0  # which page of cards, on a day with more than fit at once
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
            chip.stagger = index % 2
            self.chips.append(self.add(chip))
        self.advice_box = self.add(TextBox(r["advice"].inflate(-theme.px(20), -theme.px(14)), self._advice_blocks(),
                                           theme, gap=2, name="advice"))
        self.choices = legal
        least = 2 * theme.px(8) + theme.line_height("subheading") + theme.line_height("small")  # a label, and what it moves
        columns, card_h, self.per_page, pager = layout.card_pages(r["cards"], len(legal), theme, least)
        self.pages = max(1, -(-len(legal) // self.per_page)) if legal else 1
        self.page = min(self.page, self.pages - 1)
        first = self.page * self.per_page
        shown = legal[first:first + self.per_page]
        cells = layout.grid(r["cards"], len(shown), columns, theme.px(10), card_h)
        self.cards = []
        self.pager_rect = pager
        if pager is not None:
            self._add_pager(pager, first, len(shown))
        recommended = self._recommended()
        for number, (choice, rect) in enumerate(zip(shown, cells), start=first + 1):
            card = ChoiceCard(rect, number, match.t(choice.label), match.t(choice.text), match.moved_labels(choice),
                              self._pick(choice.id), selected=choice.id == self.selected, name=f"choice:{choice.id}")
            card.choice_id = choice.id
            if recommended and choice.id == recommended[0]:
                card.recommended_by = recommended[1]
            self.cards.append(self.add(card))
        buttons = r["buttons"]
        self.order_button = self.add(Button(buttons, self._order_label(), self.give_order, kind="primary",
                                            enabled=self.selected is not None, hint="Enter", name="give order"))

    def _add_pager(self, pager: pygame.Rect, first: int, shown: int) -> None:
        theme = self.theme
        arrow_w = theme.px(150)
        earlier = pygame.Rect(pager.x, pager.y, arrow_w, pager.h)
        later = pygame.Rect(pager.right - arrow_w, pager.y, arrow_w, pager.h)
        self.add(Button(earlier, "\u25c0 Earlier", self._turn(-1), enabled=self.page > 0, hint="PgUp",
                        name="cards:earlier", style="small_bold"))
        self.add(Button(later, "More \u25b6", self._turn(1), enabled=self.page < self.pages - 1, hint="PgDn",
                        name="cards:more", style="small_bold"))
        self.pager_text = f"Choices {first + 1}\u2013{first + shown} of {len(self.choices)}"

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
        if self.pager_rect is not None:
            blit_text(surface, theme, self.pager_text, "small_bold", palette.ink_soft, self.pager_rect.center, "center")

    def static_texts(self) -> list[str]:
        day = self.match.session.day
        paging = [self.pager_text] if getattr(self, "pager_rect", None) is not None else []
        return [long_date(day.date), self.match.t(day.title), *getattr(self, "flag_texts", []), *paging]

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
        label = next((self.match.t(c.label) for c in getattr(self, "choices", ()) if c.id == self.selected), "")
        return f"Give the order: {label}" if label else "Give the order"

    # --- actions -----------------------------------------------------------------------------------------
    def _tab(self, key: str):
        def show() -> None:
            self.tab = key
            self.relayout()
        return show

    def _turn(self, step: int, focus: str = ""):
        """Show the next or the previous page of cards; ``focus`` says which card then has the focus."""
        def turn() -> bool:
            page = min(max(0, self.page + step), self.pages - 1)
            if page == self.page:
                return False
            self.page = page
            self.relayout()
            if focus and self.cards:
                self.set_focus(self.cards[0] if focus == "first" else self.cards[-1])
            return True
        return turn

    def _show_card(self, index: int):
        """The card of the ``index``-th choice, turning to its page when it is on another."""
        if self.per_page < len(self.choices) and index // self.per_page != self.page:
            self.page = index // self.per_page
            self.relayout()
        return next(card for card in self.cards if card.number == index + 1)

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
        number = NUMBER_KEYS.get(key)
        if number is not None:
            if number <= len(self.choices):
                self._show_card(number - 1).activate()
                self.app.sound.play("click")
            return True
        if self.pages > 1 and self._page_key(event):
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

    def _page_key(self, event) -> bool:
        """Page Up/Down turn the cards; Tab, Shift+Tab and the arrows walk on past the page's edge."""
        key = event.key
        if key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            self._turn(1 if key == pygame.K_PAGEDOWN else -1, "first")()
            return True
        card = self.focus if self.focus in self.cards else None
        if card is None:
            return False
        backward = key == pygame.K_UP or (key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT)
        forward = key == pygame.K_DOWN or (key == pygame.K_TAB and not event.mod & pygame.KMOD_SHIFT)
        if forward and (card is self.cards[-1] or (key == pygame.K_DOWN and not self._below(card))):
            return self._turn(1, "first")()
        if backward and (card is self.cards[0] or (key == pygame.K_UP and not self._above(card))):
            return self._turn(-1, "last")()
        return False

    def _below(self, card) -> bool:
        return any(other.rect.top > card.rect.bottom for other in self.cards)

    def _above(self, card) -> bool:
        return any(other.rect.bottom < card.rect.top for other in self.cards)

    def process_event(self, event):
        unused = super().process_event(event)
        if unused is not None and event.type == pygame.MOUSEWHEEL and self.pages > 1 \
                and self.regions["cards"].collidepoint(self.mouse):
            self._turn(1 if event.y < 0 else -1)()
            return None
        return unused
