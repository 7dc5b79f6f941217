"""The situation room: map, meters, calendar, advisors, a reading pane, and the day's choices as cards.

Cards show each choice's number and whole label; the reading pane shows in full whatever the
player is looking at: the choice under the pointer or the keyboard focus (its text and every
meter it moves), an advisor's advice, or the morning's briefing. Picking a card only marks it
(that is the screen's own state); "Give the order" sends the engine its command.

Keys: 1-9 pick a choice and 0 the tenth, Enter gives the order, A hears the next advisor, B
the briefing, M switches the map, H shows the orders so far, Escape opens the menu. A day with
more cards than fit is shown a page at a time (Page Up/Down, the wheel; Tab and the arrows walk
on past a page's edge); a table with more advisors than fit is shown a few at a time too.

Everything is laid out from what it has to say: a label wraps rather than being cut, a panel
that cannot show the map and the meters together puts the meters behind a tab, and a bigger
window gives the words more room rather than larger letters.
"""

from __future__ import annotations

import pygame

from game.engine.advice import advice_for
from game.engine.estimates import Estimate, estimates_for, odds_words
from game.i18n import long_date
from game.text.describe import short_names
from game.ui import flow, layout, map_model
from game.ui.keymap import GAME
from game.ui.map_view import MapView
from game.ui.speech import sentences
from game.ui.scenes.base import Scene
from game.ui.scenes.common import (add_meters, add_status, history_blocks, in_force_block, meters_height,
                                   paint_in_force, stakes, status_height)
from game.ui.widgets.base import Widget, panel
from game.ui.widgets.button import Button, button_height, button_width
from game.ui.widgets.calendar import CalendarStrip, calendar_height
from game.ui.widgets.card import ChoiceCard, card_height
from game.ui.widgets.gauge import DefconGauge, MeterBar
from game.ui.widgets.portrait import AdvisorChip, briefing_picture, chip_height, portrait_surface
from game.ui.widgets.textbox import TextBox, text_height

TAB_ACTIONS = {"scenario": "map", "caribbean": "map", "world": "map", "history": "orders_so_far"}
BRIEFING = "briefing"


class DayScene(Scene):
    def __init__(self, app, match, role: str):
        super().__init__(app)
        self.match = match
        self.role = role
        self.selected: str | None = None  # the card marked, not yet an order
        self.advisor: int | None = None  # whose advice was asked for last
        self.heard: set[str] = set()  # advisors asked today: their recommendations mark the cards
        self.anchor = BRIEFING  # what the reading pane shows when nothing is pointed at or focused
        self.tab = "caribbean"
        self.page = 0  # which page of cards, on a day with more than fit at once
        self.table_page = 0  # which advisors, on a table with more than fit at once
        self.right_tab = "choices"  # in the compact layout: the cards or the advisors below the pane
        self.advice = advice_for(match.scenario, match.session.state, role)
        self.estimates: dict[str, Estimate | None] = {}  # by advisor, worked out when first heard
        self.names = short_names(match.scenario, match.language)
        self.pane_subject: str | None = None
        self.pointing = False  # the mouse moved since the last key: what it points at fills the pane
        self.anchored_focus: Widget | None = None  # the focus when B asked for the briefing: until it moves, the briefing stays

    # --- layout -----------------------------------------------------------------------------------------
    def build(self, size) -> None:
        theme = self.theme
        match = self.match
        scenario = match.scenario
        state = match.session.state
        legal = self.choices = match.legal(self.role)
        if self.selected not in {c.id for c in legal}:
            self.selected = None
        day = match.session.day
        m = layout.margin(theme)
        gap = theme.px(10)
        _ = match.words
        menu_w = button_width(theme, _("Menu"), "button", self.app.keys.label("back"))
        bar = self.plan_heading(long_date(day.date, _), _("Day {number} of {total}", number=day.index + 1,
                                                          total=len(scenario.days)) + f": {match.t(day.title_for(self.role))}",
                                menu_w)
        menu = pygame.Rect(0, 0, menu_w, button_height(theme))
        assert self.heading is not None  # planned just above
        menu.midright = (bar.right - m, self.heading.first_line.centery)
        self.add(Button(menu, _("Menu"), self.menu, hint=self.app.keys.label("back"), name="Menu"))
        calendar = pygame.Rect(m, bar.bottom + theme.px(6), size[0] - 2 * m, calendar_height(theme))
        played = {scenario.days[rec.day_index].date for rec in state.history}
        self.add(CalendarStrip(calendar, scenario.first_date, scenario.last_date, [d.date for d in scenario.days],
                               day.date, played))
        main = pygame.Rect(m, calendar.bottom + gap, size[0] - 2 * m, size[1] - calendar.bottom - gap - m)
        left, right = layout.split_columns(main, [0.46, 0.54], m)
        self._build_left(left)
        self._build_right(right)

    def _build_left(self, column: pygame.Rect) -> None:
        """Tabs over the map (or the record, or the meters); the alert gauge, what is in force and the
        meters below. When the meters would leave the map too little room, they go behind a tab."""
        theme = self.theme
        match = self.match
        values = match.session.state.values
        gap = theme.px(8)
        tab_gap = theme.px(6)
        seats = (self.role,)
        status_h = status_height(theme, match, column.w, values, seats=seats)
        meters_h = meters_height(theme, match, column.w, values, seats=seats)
        caribbean = map_model.is_caribbean(match.scenario)
        _ = match.words
        chart = match.scenario.map
        own = [("scenario", (match.t(chart.name) or _("Map"), _("Map")))] if chart is not None else []
        maps = own + ([("caribbean", (_("Caribbean"), _("Map")))] if caribbean else []) \
            + [("world", (_("The world"), _("World")))]
        tabs_h = layout.button_row_height(theme, "small_bold")
        roomy = column.h - tabs_h - status_h - meters_h - 2 * gap >= 0.3 * column.h
        # behind the tab, what is in force goes with the meters too when it would leave the map too little,
        # or the bars too little (they do not scroll; what is in force does)
        in_force_below = roomy or (column.h - tabs_h - status_h - gap >= 0.35 * column.h
                                   and column.h - tabs_h - status_h - 2 * gap >= meters_h)
        if not in_force_below:
            status_h = status_height(theme, match, column.w, values, with_in_force=False, seats=seats)
        self.meters_tabbed = not roomy
        tabs = maps + ([] if roomy else [("meters", (_("Meters"), _("Meters")))]) + \
            [("history", (_("Orders so far"), _("Orders")))]
        if self.tab not in {key for key, __ in tabs}:
            self.tab = tabs[0][0]
        labels = layout.tab_labels(column.w, [names for __, names in tabs], theme, "small_bold", tab_gap)
        tab_rects = layout.tab_row(pygame.Rect(column.x, column.y, column.w, 0), labels, theme, "small_bold", tab_gap)
        self.tab_buttons = {}
        for (key, __), label, rect in zip(tabs, labels, tab_rects):
            self.tab_buttons[key] = self.add(Button(rect, label, self._tab(key), kind="option", selected=key == self.tab,
                                                    hint=self.app.keys.label(TAB_ACTIONS[key]) if key in TAB_ACTIONS else "", name=f"tab:{key}", style="small_bold"))
        panel_h = status_h + (meters_h - theme.px(12) if roomy else 0)
        top = max(r.bottom for r in tab_rects) + gap
        content = pygame.Rect(column.x, top, column.w, column.bottom - top - panel_h - gap)
        self.content_rect = content
        self.panel_rect = pygame.Rect(column.x, column.bottom - panel_h, column.w, panel_h)
        day = match.session.day
        state = match.session.state
        self.flags_rect = None
        if self.tab == "history":
            self.add(TextBox(content.inflate(-theme.px(16), -theme.px(12)), history_blocks(match, seats), theme, gap=4,
                             name="history"))
        elif self.tab == "meters":
            left = add_meters(self, content, match, values, seats=seats)
            if not in_force_below:  # under the bars, scrolling when it is longer than the room left
                self.add(TextBox(pygame.Rect(left.x, left.y, left.w, content.bottom - theme.px(10) - left.y),
                                 [in_force_block(match, values, seats)], theme, name="in force"))
        else:
            picture = map_model.map_picture(match.scenario, day.date, state.values, state.history, seats) \
                if caribbean and self.tab == "caribbean" else None
            self.map_view = self.add(MapView(content, self.tab, self.app.art, picture, scenario=match.scenario,
                                             language=match.language))
        status = pygame.Rect(column.x, self.panel_rect.y, column.w, status_h)
        below_gauge = add_status(self, status, match, values, seats=seats)
        if in_force_below:
            self.flags_rect = below_gauge
        if roomy:
            add_meters(self, pygame.Rect(column.x, status.bottom - theme.px(12), column.w, meters_h), match, values,
                       seats=seats)

    def _build_right(self, column: pygame.Rect) -> None:
        """Advisors, the reading pane, the cards (a page at a time when they do not all fit), the order.

        When the column is short for its type (large text in a small window), the advisors and the
        cards take turns below the pane, behind two tabs, so that both keep room for whole words.
        """
        theme = self.theme
        gap = theme.px(10)
        # the advisors stand in a row over the pane when they all fit there and the column has height to spare
        self.compact = column.h < 18 * theme.line_height("small") or self._strip_fit(column.w)[1] < len(self._people())
        if self.compact:
            _ = self.match.words
            labels = [_("Choices ({count})", count=len(self.choices)), _("Advisors ({count})", count=len(self.advice))]
            rects = layout.tab_row(pygame.Rect(column.x, column.y, column.w, 0), labels, theme, "small_bold", theme.px(6))
            for key, label, rect in zip(("choices", "advisors"), labels, rects):
                self.add(Button(rect, label, self._switch(key), kind="option", selected=key == self.right_tab,
                                hint=self.app.keys.label("next_advisor") if key == "advisors" else "", name=f"show:{key}", style="small_bold"))
            top = max(r.bottom for r in rects) + gap
            self.chips: list[AdvisorChip] = []
        else:
            top = column.y + self._build_table(column) + gap
        order_h = button_height(theme, "button")
        room = column.bottom - order_h - gap - top
        # the pane: as tall as the longest thing it will show, within reason; it scrolls beyond that
        width = column.w - theme.px(20)
        needs = [text_height(theme, self._choice_blocks(c), width, gap=3) for c in self.choices]
        needs += [text_height(theme, self._advisor_blocks(i), width, gap=3) for i in range(len(self.advice))]
        needs.append(text_height(theme, self._briefing_blocks(), width, gap=3))
        least = theme.line_height("subheading") + 2 * theme.line_height("body") + theme.px(14)
        pane_h = max(min(max(needs) + theme.px(14), round(room * 0.38)), min(least, room // 2))
        # the cards below keep room for two rows (and a pager): the pane gives way to them
        gap_cards = theme.px(10)
        pager_h = button_height(theme, "small_bold") + gap
        columns, heights = self._card_columns(column.w, room - gap - min(least, room // 3) - pager_h)
        rows = [max(heights[i:i + columns]) for i in range(0, len(heights), columns)]
        below_least = sum(rows[:2]) + gap_cards * (min(2, len(rows)) - 1) + (pager_h if len(rows) > 2 else 0)
        pane_h = max(min(pane_h, room - gap - below_least), min(least, room // 3))
        self.pane_rect = pygame.Rect(column.x, top, column.w, pane_h)
        self.pane: TextBox | None = None
        below = pygame.Rect(column.x, self.pane_rect.bottom + gap, column.w, column.bottom - order_h - gap - self.pane_rect.bottom - gap)
        self.cards: list[ChoiceCard] = []
        self.card_pages: list[list[int]] = [[]]  # the choices' indexes on each page
        self.pages = 1
        self.pager_rect: pygame.Rect | None = None
        if self.compact and self.right_tab == "advisors":
            self._build_advisor_grid(below)
        else:
            self._build_cards(below, columns, heights)
        buttons = pygame.Rect(column.x, column.bottom - order_h, column.w, order_h)
        self.order_button = self.add(Button(buttons, "", self.give_order, kind="primary",
                                            enabled=self.selected is not None, hint=self.app.keys.label("activate"), name="give order"))
        self.order_button.label = self._order_label()
        self._refresh_pane(force=True)

    def _build_advisor_grid(self, area: pygame.Rect) -> None:
        """The briefing and every advisor in a grid, each with their whole name (the compact layout)."""
        theme = self.theme
        portrait = self._portrait_size()
        people = self._people()
        cell_w = max(portrait + theme.px(12), max(theme.measure(name, "small") for _, name, _ in people) + theme.px(14))
        per_row = max(1, area.w // cell_w)
        cell_w = area.w // per_row
        cell_h = chip_height(theme, portrait, 1)
        gap = theme.px(8)
        rows = max(1, (area.h + gap) // (cell_h + gap))
        per_page = rows * per_row
        if per_page < len(people):
            pager_h = button_height(theme, "small_bold")
            rows = max(1, (area.h - pager_h - gap + gap) // (cell_h + gap))
            per_page = rows * per_row
            pages = -(-len(people) // per_page)
            self.table_page = min(self.table_page, pages - 1)
            pager = pygame.Rect(area.x, area.bottom - pager_h, area.w, pager_h)
            arrow_w = button_width(theme, "\u25c0", "small_bold") + theme.px(20)
            self.add(Button(pygame.Rect(pager.x, pager.y, arrow_w, pager_h), "\u25c0", self._turn_table(-1),
                            enabled=self.table_page > 0, name="advisors:earlier", style="small_bold"))
            self.add(Button(pygame.Rect(pager.right - arrow_w, pager.y, arrow_w, pager_h), "\u25b6", self._turn_table(1),
                            enabled=self.table_page < pages - 1, name="advisors:more", style="small_bold"))
        else:
            self.table_page = 0
        self.table_size = per_page
        first = self.table_page * per_page
        for slot, person in enumerate(people[first:first + per_page]):
            row, column = divmod(slot, per_row)
            rect = pygame.Rect(area.x + column * cell_w, area.y + row * (cell_h + gap), cell_w - theme.px(4), cell_h)
            self._add_chip(person, rect, portrait, 0)

    def _people(self) -> list[tuple[str, str, object]]:
        """The briefing, then each advisor who speaks today: (id, short name, advisor or None)."""
        _ = self.match.words
        return [(BRIEFING, _("Briefing"), None)] + [(advisor.id, self.names[advisor.id], advisor)
                                                    for advisor, __ in self.advice]

    def _add_chip(self, person, rect: pygame.Rect, portrait: int, stagger: int) -> AdvisorChip:
        theme = self.theme
        match = self.match
        person_id, name, advisor = person
        if advisor is None:
            chip = AdvisorChip(rect, briefing_picture(theme, portrait), name, "", "", self._show_briefing,
                               selected=self.anchor == BRIEFING, stagger=stagger, widget_name="advisor:briefing")
            return self.add(chip)
        index = next(i for i, (a, _) in enumerate(self.advice) if a.id == person_id)
        picture = portrait_surface(self.app.art, theme, match.scenario.id, advisor.id, match.t(advisor.name), portrait)
        chip = AdvisorChip(rect, picture, name, match.t(advisor.office_on(match.session.day.date)), advisor.leaning,
                           self._hear(index),
                           selected=index == self.advisor, stagger=stagger, full_name=match.t(advisor.name),
                           widget_name=f"advisor:{advisor.id}")
        chip.advice_index = index
        self.chips.append(chip)
        return self.add(chip)

    def _strip_fit(self, width: int) -> tuple[int, int, int]:
        """Chip width, chips in the row and name lines for the advisors' row over the pane."""
        theme = self.theme
        widest = max(theme.measure(name, "small") for _, name, _ in self._people()) + theme.px(10)
        return _table_fit(width, len(self._people()), widest, self._portrait_size() + theme.px(12), theme.px(118))

    def _portrait_size(self) -> int:
        return round(46 * self.theme.text_unit)

    def _build_table(self, column: pygame.Rect) -> int:
        """The briefing and the advisors in a row at the top of the column; returns the row's height.

        Every name is shown whole: a crowded table lets the names take turns on two lines, each
        as wide as two chips (the day screen uses this row only when everyone fits in it).
        """
        theme = self.theme
        portrait = self._portrait_size()
        chip_w, per_row, lines = self._strip_fit(column.w)
        strip_h = chip_height(theme, portrait, lines)
        x = column.x + chip_w // 2 * (lines - 1)  # a name on the second line may reach half a chip before the first
        self.chips = []
        self.table_size = per_row
        for slot, person in enumerate(self._people()[:per_row]):
            rect = pygame.Rect(x + slot * chip_w, column.y, chip_w - theme.px(4), strip_h)
            self._add_chip(person, rect, portrait, slot % lines)
        return strip_h

    def _card_columns(self, width: int, height: int) -> tuple[int, list[int]]:
        """One column of cards or two, whichever shows more of them in ``height``; each card's height."""
        theme = self.theme
        gap = theme.px(10)
        labels = [self.match.t(c.label) for c in self.choices]
        options = []
        for columns in (2, 1):
            card_w = (width - gap * (columns - 1)) // columns
            if columns == 2 and card_w < theme.px(220):
                continue
            heights = [card_height(theme, card_w, label) for label in labels]
            first_page = layout.card_pages(pygame.Rect(0, 0, width, max(1, height)), heights, columns, gap)[0]
            options.append((len(first_page), columns, heights))
        _, columns, heights = max(options, key=lambda option: (option[0], option[1]))
        return columns, heights

    def _build_cards(self, area: pygame.Rect, columns: int, heights: list[int]) -> None:
        theme = self.theme
        match = self.match
        legal = self.choices
        gap = theme.px(10)
        labels = [match.t(c.label) for c in legal]
        pages = layout.card_pages(area, heights, columns, gap)
        self.pager_rect = None
        self.cards_rect = area
        if len(pages) > 1:
            pager_h = button_height(theme, "small_bold")
            self.pager_rect = pygame.Rect(area.x, area.bottom - pager_h, area.w, pager_h)
            self.cards_rect = pygame.Rect(area.x, area.y, area.w, area.h - pager_h - gap)
            pages = layout.card_pages(self.cards_rect, heights, columns, gap)
        self.card_pages = [[index for index, _ in page] for page in pages]
        self.pages = len(pages)
        self.page = min(self.page, self.pages - 1)
        shown = pages[self.page] if legal else []
        recommended = self._recommended()
        self.cards = []
        for index, rect in shown:
            choice = legal[index]
            card = ChoiceCard(rect, index + 1, labels[index], self._pick(choice.id), selected=choice.id == self.selected,
                              name=f"choice:{choice.id}", recommended=choice.id in recommended)
            card.choice_id = choice.id
            self.cards.append(self.add(card))
        if self.pager_rect is not None:
            self._add_pager(self.pager_rect, shown)

    def _add_pager(self, pager: pygame.Rect, shown) -> None:
        theme = self.theme
        first = shown[0][0] + 1 if shown else 0
        last = shown[-1][0] + 1 if shown else 0
        _ = self.match.words
        self.pager_text = _("Choices {first}\u2013{last} of {total}", first=first, last=last, total=len(self.choices))
        earlier_label, later_label = "\u25c0 " + _("Earlier"), _("More") + " \u25b6"
        arrow_w = max(button_width(theme, earlier_label, "small_bold"), button_width(theme, later_label, "small_bold"))
        if 2 * arrow_w + theme.measure(self.pager_text, "small_bold") + theme.px(24) > pager.w:
            self.pager_text = f"{first}\u2013{last} / {len(self.choices)}"
        earlier = pygame.Rect(pager.x, pager.y, arrow_w, pager.h)
        later = pygame.Rect(pager.right - arrow_w, pager.y, arrow_w, pager.h)
        self.add(Button(earlier, earlier_label, self._turn(-1), enabled=self.page > 0, hint=self.app.keys.label("previous_page"),
                        name="cards:earlier", style="small_bold"))
        self.add(Button(later, later_label, self._turn(1), enabled=self.page < self.pages - 1, hint=self.app.keys.label("next_page"),
                        name="cards:more", style="small_bold"))

    def first_focus(self):
        if self.selected is not None and self.order_button.can_focus:
            return self.order_button
        return self.cards[0] if self.cards else super().first_focus()

    def paint_static(self, surface: pygame.Surface) -> None:
        theme = self.theme
        self.heading_bar(surface)
        panel(surface, self.panel_rect, theme)
        if self.tab in ("history", "meters"):
            panel(surface, self.content_rect, theme)
        self.flag_texts = []
        if self.flags_rect is not None:
            self.flag_texts = paint_in_force(surface, theme, self.flags_rect, self.match, self.match.session.state.values,
                                             (self.role,))
        panel(surface, self.pane_rect, theme, fill=(251, 246, 234))
        if self.pager_rect is not None:
            theme.draw_text(surface, self.pager_text, "small_bold", theme.palette.ink_soft, self.pager_rect.center,
                            "center", self.pager_rect)

    def static_texts(self) -> list[str]:
        day = self.match.session.day
        paging = [self.pager_text] if getattr(self, "pager_rect", None) is not None else []
        return [long_date(day.date, self.match.words), self.match.t(day.title_for(self.role)),
                *getattr(self, "flag_texts", []), *paging]

    def stakes(self) -> float:
        return stakes(self.match.scenario, self.match.session.state.values)

    # --- the reading pane --------------------------------------------------------------------------------
    def pane_words(self) -> str:
        """What the reading pane says (the briefing, a choice in full, an advice), for self-voicing."""
        return sentences(*self._blocks_text(self._blocks_for(self._subject())))

    @staticmethod
    def _blocks_text(blocks) -> list[str]:
        return [text for text, *__ in blocks if text]

    def page_words(self) -> str:
        """The read-the-page key on the day: the date and title, the pane (the briefing first), the choices."""
        choices = [f"{number}. {self.match.t(choice.label)}" for number, choice in enumerate(self.choices, 1)]
        meters = [w.spoken() for w in self.widgets if isinstance(w, (DefconGauge, MeterBar))]
        return sentences(self.spoken_title(), self.pane_words(), *choices, *meters)

    def _subject(self) -> str:
        """What the pane shows: the card or advisor pointed at, else the one in focus, else the last asked for.

        The pointer counts only while the mouse is being used: a key pressed hands the pane back to the keyboard.
        """
        looking = [self.hover] if self.pointing else []
        if self.focus is not self.anchored_focus:  # the focus moved since the pane was last asked for something
            looking.append(self.focus)
        for widget in looking:
            if isinstance(widget, ChoiceCard):
                return f"choice:{widget.choice_id}"
            if isinstance(widget, AdvisorChip):
                index = getattr(widget, "advice_index", None)
                return BRIEFING if index is None else f"advisor:{index}"
        return self.anchor

    def _refresh_pane(self, force: bool = False) -> None:
        subject = self._subject()
        if subject == self.pane_subject and not force:
            return
        self.pane_subject = subject
        blocks = self._blocks_for(subject)
        box = TextBox(self.pane_rect.inflate(-self.theme.px(20), -self.theme.px(14)), blocks, self.theme, gap=3,
                      name="reading pane")
        if self.pane is not None and self.pane in self.widgets:
            was_focused = self.focus is self.pane
            self.widgets[self.widgets.index(self.pane)] = box
            self.pane = box
            if was_focused:
                self.set_focus(box if box.can_focus else self.first_focus())
        else:
            self.pane = self.add(box)

    def _blocks_for(self, subject: str) -> list[tuple[str, str, str]]:
        if subject.startswith("choice:"):
            choice = next((c for c in self.choices if c.id == subject[7:]), None)
            if choice is not None:
                return self._choice_blocks(choice)
        if subject.startswith("advisor:"):
            index = int(subject[8:])
            if index < len(self.advice):
                return self._advisor_blocks(index)
        return self._briefing_blocks()

    def _choice_blocks(self, choice) -> list[tuple[str, str, str]]:
        match = self.match
        _ = match.words
        number = self.choices.index(choice) + 1 if choice in self.choices else 0
        blocks = [(f"{number}. {match.t(choice.label)}", "subheading", "ink")]
        if choice.text:
            blocks.append((match.t(choice.text), "body", "ink"))
        moved = match.moved_labels(choice, (self.role,))
        blocks.append((_("Moves:") + " " + " \u00b7 ".join(moved) if moved else _("Moves nothing on the meters."),
                       "small", "ink_soft"))
        backers = [self.names[advisor.id] for advisor, advice in self.advice
                   if advisor.id in self.heard and advice.recommends == choice.id]
        if backers:
            blocks.append((_("Recommended by {names}", names=", ".join(backers)), "small_bold", "accent"))
        return blocks

    def _advisor_blocks(self, index: int) -> list[tuple[str, str, str]]:
        match = self.match
        _ = match.words
        advisor, advice = self.advice[index]
        office = match.t(advisor.office_on(match.session.day.date))
        blocks = [(f"{match.t(advisor.name)}, {office} ({_(advisor.leaning)})", "small_bold", "ink_soft"),
                  (f"\u201c{match.t(advice.text)}\u201d", "italic", "ink")]
        if advice.recommends:
            choice = next((c for c in self.choices if c.id == advice.recommends), None)
            if choice is not None:
                number = self.choices.index(choice) + 1
                blocks.append((_("Recommends {number}: {choice}", number=number, choice=match.t(choice.label)),
                               "small_bold", "accent"))
                estimate = self._estimate(index)
                if estimate is not None:
                    blocks.append((_("“I put the odds that this ends in war at {odds}.”", odds=odds_phrase(_, estimate.said)),
                                   "small", "ink_soft"))
        return blocks

    def _estimate(self, index: int) -> Estimate | None:
        """The advisor's estimate for the order they recommend, once worked out (the lookahead
        takes a few tens of milliseconds), or None when estimates are off or there is none."""
        if not (self.app.settings.estimates and self.app.estimates_allowed):
            return None
        advisor, advice = self.advice[index]
        if advisor.id not in self.estimates:
            match = self.match
            found = estimates_for(match.scenario, match.session.state, self.role, [(advisor, advice)])
            self.estimates[advisor.id] = found.get(advisor.id)
        return self.estimates[advisor.id]

    def _briefing_blocks(self) -> list[tuple[str, str, str]]:
        match = self.match
        _ = match.words
        briefing = match.session.day.briefing_for(self.role, match.session.state.values)
        blocks = [(_("This morning's briefing"), "small_bold", "ink_soft"),
                  (match.t(briefing) if briefing else _("No word this morning."), "body", "ink")]
        if self.advice:
            blocks.append((_("Click an advisor, or press {key}, to hear their advice.",
                                     key=self.app.keys.label("next_advisor")), "small", "ink_faint"))
        else:
            blocks.append((_("No advisor speaks today."), "small", "ink_faint"))
        return blocks

    def _recommended(self) -> set[str]:
        """Choices recommended by the advisors heard today."""
        return {advice.recommends for advisor, advice in self.advice
                if advisor.id in self.heard and advice.recommends}

    def _order_label(self) -> str:
        """The button's words: the whole order when they fit on it, else the card's number."""
        _ = self.match.words
        if self.selected is None:
            return _("Pick a choice, then give the order")
        number = next((i + 1 for i, c in enumerate(self.choices) if c.id == self.selected), 0)
        label = self.match.t(self.choices[number - 1].label) if number else ""
        whole = _("Give the order: {choice}", choice=label)
        button = getattr(self, "order_button", None)
        if button is not None and button_width(self.theme, whole, "button", self.app.keys.label("activate")) > button.rect.w:
            return _("Give the order: choice {number}", number=number)
        return whole

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

    def _switch(self, key: str):
        def switch() -> None:
            self.right_tab = key
            self.relayout()
        return switch

    def _turn_table(self, step: int):
        def turn() -> None:
            self.table_page = max(0, self.table_page + step)
            self.relayout()
        return turn

    def _show_card(self, index: int):
        """The card of the ``index``-th choice, turning to its page when it is on another."""
        page = next(number for number, members in enumerate(self.card_pages) if index in members)
        if page != self.page:
            self.page = page
            self.relayout()
        return next(card for card in self.cards if card.number == index + 1)

    def _show_briefing(self) -> None:
        self.anchor = BRIEFING
        self.advisor = None
        self.relayout()

    def _hear(self, index: int):
        def hear() -> None:
            self._hear_now(index)
            self.app.speak(self.pane_words())  # self-voicing: the advice itself, not only who gives it
        return hear

    def _hear_now(self, index: int) -> None:
        self.advisor = index
        self.anchor = f"advisor:{index}"
        self.heard.add(self.advice[index][0].id)
        self.relayout()

    def _pick(self, choice_id: str):
        def pick() -> None:
            self.selected = choice_id
            self.anchor = f"choice:{choice_id}"
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

    def update(self, dt: float) -> None:
        super().update(dt)
        self._refresh_pane()

    def on_key(self, event) -> bool:
        keys = self.app.keys
        action = keys.action_for(event, GAME) or ""
        number = int(action[7:]) if action.startswith("choice_") else None
        if number is not None:
            if number <= len(self.choices):
                if self.right_tab != "choices":
                    self._switch("choices")()
                self._show_card(number - 1).activate()
                self.app.sound.play("click")
            return True
        if action == "choices" and self.compact and self.right_tab != "choices":
            self._switch("choices")()
            return True
        if self.pages > 1 and self._page_key(event):
            return True
        if action == "next_advisor" and self.advice:
            following = 0 if self.advisor is None else (self.advisor + 1) % len(self.advice)
            self._hear_by_key(following)
            return True
        if action == "briefing":
            self._show_briefing()
            chip = next((w for w in self.widgets if w.name == "advisor:briefing"), None)
            if chip is not None:
                self.set_focus(chip)
            self.anchored_focus = self.focus
            self.app.speak(self.pane_words())  # asked for the briefing: it is read, not only its chip's name
            return True
        if action == "map":
            maps = [k for k in ("scenario", "caribbean", "world") if k in self.tab_buttons]
            self._tab(maps[(maps.index(self.tab) + 1) % len(maps)] if self.tab in maps else maps[0])()
            return True
        if action == "orders_so_far":
            back = next(k for k in ("scenario", "caribbean", "world") if k in self.tab_buttons)
            self._tab(back if self.tab == "history" else "history")()
            return True
        return super().on_key(event)

    def _hear_by_key(self, index: int) -> None:
        """A: the next advisor speaks; the row turns to their page and their chip takes the focus."""
        if self.compact and self.right_tab != "advisors":
            self.right_tab = "advisors"
        self._hear_now(index)
        chip = next((c for c in self.chips if c.advice_index == index), None)
        if chip is None:  # on another page of the table (the briefing holds the first place)
            self.table_page = (index + 1) // max(1, self.table_size)
            self.relayout()
            chip = next((c for c in self.chips if c.advice_index == index), None)
        if chip is not None:
            self.set_focus(chip)
        self.app.speak(self.pane_words())  # after the chip's name: the advice is what the player asked for

    def _page_key(self, event) -> bool:
        """Page Up/Down turn the cards; Tab, Shift+Tab and the arrows walk on past the page's edge."""
        key = event.key
        keys = self.app.keys
        if keys.pressed(event, "next_page") or keys.pressed(event, "previous_page"):
            self._turn(1 if keys.pressed(event, "next_page") else -1, "first")()
            return True
        card = self.focus if self.focus in self.cards else None
        if card is None:
            return False
        tab = keys.pressed(event, "next_focus")
        backward = key == pygame.K_UP or (tab and event.mod & pygame.KMOD_SHIFT)
        forward = key == pygame.K_DOWN or (tab and not event.mod & pygame.KMOD_SHIFT)
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
        if event.type == pygame.MOUSEMOTION:
            self.pointing = True
        elif event.type == pygame.KEYDOWN:
            self.pointing = False
        unused = super().process_event(event)
        if unused is not None and event.type == pygame.MOUSEWHEEL and self.pages > 1 \
                and any(card.rect.collidepoint(self.mouse) for card in self.cards):
            self._turn(1 if event.y < 0 else -1)()
            return None
        return unused


def _table_fit(width: int, count: int, widest: int, least: int, most: int) -> tuple[int, int, int]:
    """Chip width, chips per row and name lines (1, or 2 taking turns) that keep every name whole.

    A name on its own line needs a chip as wide as the name; names taking turns may run two chips
    wide, but then half a chip's room is kept before the first chip and after the last.
    """
    chip_w = max(least, widest)
    best = (chip_w, max(1, width // chip_w), 1)
    chip_w = max(least, -(-widest // 2))
    per_row = max(1, (width - chip_w) // chip_w)
    if per_row > best[1]:
        best = (chip_w, per_row, 2)
    chip_w, per_row, lines = best
    if per_row >= count:  # everyone fits: spread them out a little, never past a comfortable width
        room = width - (chip_w if lines == 2 else 0)
        return max(chip_w, min(room // count, most)), count, lines
    return chip_w, per_row, lines


def odds_phrase(_, risk: float) -> str:
    """The odds in the player's language (``_`` is the language's words): "about 1 in 4", "almost none"..."""
    phrase, numbers = odds_words(risk)
    if phrase == "almost none":
        return _("almost none")
    if phrase == "almost certain":
        return _("near certain")
    if phrase == "1 in n":
        return _("about 1 in {n}", **numbers)
    return _("about {n} in 10", **numbers)
