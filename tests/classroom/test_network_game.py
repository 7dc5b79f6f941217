"""A whole 1962 game over real websockets on loopback: two teams of four advisors and a leader,
and the teacher. Every message one advisor's browser receives is recorded, and none of it gives
away the other team's private game. The game ends as the text mode's does with the same orders.
"""

from __future__ import annotations

import asyncio
import io
import json

import aiohttp

from game.classroom.rehearsal import class_of, merge
from game.engine import machine
from game.engine.machine import Advance, GiveOrder, Resolve
from game.text.play import TextGame
from tests.classroom.conftest import run, strings

SOVIET_REASON = "SOVIET-REASON-DAY-{day}"
AMERICAN_REASON = "Because on day {day} it is the wisest course."


async def play_whole_class(host, room, crisis):
    bots = class_of(crisis, advisors_per_team=4, teacher_token=room.teacher_token)
    for bot in bots:
        if bot.team == "khrushchev":
            bot.reason = SOVIET_REASON
        elif bot.team == "kennedy":
            bot.reason = AMERICAN_REASON
    async with aiohttp.ClientSession() as http:
        # students first, the teacher once they are all in (as a class arrives)
        students = [asyncio.create_task(bot.play(http, host.ws, room.code)) for bot in bots if not bot.is_teacher]
        await asyncio.sleep(0.3)
        teacher = asyncio.create_task(bots[-1].play(http, host.ws, room.code))
        await asyncio.gather(*students, teacher)
    return bots


def test_a_whole_game_with_two_teams_of_advisors_and_the_teacher(host, crisis):
    room = host.new_room(crisis, seed=11)
    bots = run(play_whole_class(host, room, crisis), timeout=90)
    played = host.room(room.code)
    assert played.phase == "ended"
    assert [bot.errors for bot in bots] == [[]] * len(bots)
    state = played.session.state
    assert len(state.history) >= 10  # a real game, not a quick ending
    # each day, every advisor's recommendation reached the room before the leader ordered
    for advice in played.past_advice:
        if advice.decided_by == "leader":
            assert len(advice.recommendations) == 4
    # the game is the text mode's game with the same seed and orders
    assert state == text_mode_game(crisis, 11, [dict(record.orders) for record in state.history]).state
    # and the hidden information held for one advisor's browser, message by message
    american_advisor = next(bot for bot in bots if bot.team == "kennedy" and bot.place != "leader")
    assert_nothing_of_the_other_team_reached(american_advisor.received, crisis, state)


def text_mode_game(scenario, seed, days):
    """The text mode with two players at one keyboard typing these orders, day by day."""
    typed = []
    session = machine.start(scenario, seed)
    for orders in days:
        session, _ = machine.apply(session, Advance())
        session, _ = machine.apply(session, Advance())
        for role in session.waiting_for():
            legal = [choice.id for choice in session.legal_choices(role)]
            typed += ["", str(legal.index(orders[role]) + 1)]  # Enter on the pass-the-keyboard cover, then the number
        for role, choice in orders.items():
            if choice is not None:
                session, _ = machine.apply(session, GiveOrder(role, choice))
        session, _ = machine.apply(session, Resolve())
        session, _ = machine.apply(session, Advance())
        session, _ = machine.apply(session, Advance())
    game = TextGame(machine.start(scenario, seed), {"kennedy": "human", "khrushchev": "human"},
                    io.StringIO("\n".join(typed) + "\n"), io.StringIO())
    game.run()
    return game.session


def assert_nothing_of_the_other_team_reached(frames, crisis, state):
    """Never the Soviet briefings, briefs, choices' texts, recommendations or reasons; never the
    Soviet order of a day before that day's resolution."""
    soviet = "khrushchev"
    never = {SOVIET_REASON.format(day=index) for index in range(len(crisis.days))}
    american_words = set()
    for day in crisis.days:
        for paragraph in day.briefings.get(soviet, ()):
            never.update(filter(None, (paragraph.text.get(code) for code in ("en", "ru"))))
        never.update(text.get() for text in day.briefs.get(soviet, {}).values())
        for choice in day.choices.get(soviet, ()):
            never.add(choice.text.get())
        for choice in day.choices.get("kennedy", ()):
            american_words.update((choice.label.get(), choice.text.get()))
    never.update(choice.text.get() for choice in crisis.roles[soviet].standing_choices)
    # what the scenario keeps from Washington for good: Moscow's own secret orders in force
    never.update(flag.label.get() for flag in crisis.flags.values()
                 if flag.visible_to is not None and "kennedy" not in flag.visible_to)
    never -= american_words  # a text both sides share is not a secret of either
    orders = {record.day_index: record.order_of(soviet) for record in state.history}
    assert len(frames) > 50
    view: dict = {}
    for frame in frames:
        message = json.loads(frame)
        seen = strings(message)
        text = "\n".join(seen)
        for secret in never:
            assert secret not in text, f"a Soviet secret reached the American advisor: {secret[:60]}"
        if message["type"] != "state":
            continue
        assert "team" not in message or message["team"] is None or message["team"]["id"] == "kennedy"
        view = merge(view, message)
        if view["phase"] == "deciding":
            index = view["day"]["index"]
            secret_order = orders.get(index)
            if secret_order:
                label = crisis.choice(soviet, secret_order).label.get()
                own = {choice["label"] for choice in view.get("team", {}).get("choices", [])}
                earlier = {order["label"] for day in view["record"] for order in day["orders"]}
                if label not in own | earlier:
                    assert label not in seen, f"day {index}: the Soviet order was sent before the day resolved"
