"""``brink cards``: one printable card per leader and advisor, portraits inside, secrets kept per side."""

import re
from html import unescape

from game.art import catalog
from game.cli import main


def _cards(page: str) -> list[str]:
    return re.split(r'<div class="card ', page)[1:]


def test_every_leader_and_advisor_has_a_card_with_a_portrait(cuba, tmp_path):
    out = tmp_path / "cards.html"
    assert main(["cards", "cuban_missile_crisis_1962", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    cards = _cards(page)
    people = [pair for role in cuba.roles.values() for pair in [(role, None), *((role, a) for a in role.advisors)]]
    assert len(cards) == len(people)
    for card, (role, advisor) in zip(cards, people):
        name = (advisor.name if advisor else role.name).get()
        assert unescape(name) in unescape(card)
        if catalog.portrait_path(cuba.id, advisor.id if advisor else role.id).is_file():
            assert 'src="data:image/png;base64,' in card
        if advisor:
            assert advisor.office_on(cuba.days[0].date).get() in unescape(card)
            assert advisor.leaning in card
    assert page.count('src="data:image/png;base64,') >= len(people) - 1
    assert not re.search(r'(?i)(?:src|href)="(?!data:)', page)
    assert "size: A4" in page and "dashed" in page and "break-after: page" in page  # print: cut lines, a sheet a page


def test_the_cards_in_russian_name_everyone_in_russian(cuba, tmp_path):
    out = tmp_path / "cards.html"
    assert main(["cards", "cuban_missile_crisis_1962", "--lang", "ru", "--out", str(out)]) == 0
    cards = _cards(out.read_text(encoding="utf-8"))
    mikoyan = next(card for card in cards if "Анастас Микоян" in unescape(card))
    assert "Никита Хрущёв" in unescape(mikoyan)  # the leader an advisor serves, in Russian too
    assert not any("Mikoyan" in card or "Khrushchev" in card for card in cards)
    assert "Советский Союз" in unescape(mikoyan) and not any("Soviet Union" in card for card in cards)  # the side too


def test_a_side_sees_only_its_own_secrets(cuba, tmp_path):
    out = tmp_path / "cards.html"
    assert main(["cards", "cuban_missile_crisis_1962", "--out", str(out)]) == 0
    cards = _cards(out.read_text(encoding="utf-8"))
    kennedy = "".join(card for card in cards if 'data-team="kennedy"' in card.split(">", 1)[0])
    soviet = "".join(card for card in cards if 'data-team="khrushchev"' in card.split(">", 1)[0])
    assert kennedy and soviet
    soviet_only = [f.label.get() for f in cuba.flags.values()
                   if f.visible_to is not None and list(f.visible_to) == ["khrushchev"] and not f.initial]
    assert soviet_only
    # the Soviet side's secrets are on its own cards and never on the American ones
    for label in soviet_only:
        assert label not in unescape(kennedy)
        assert label in unescape(soviet)
    assert "Operation Anadyr" not in kennedy and "Operation Anadyr" in soviet
