"""The condition and effect language: what it accepts, what it computes, what it refuses and where."""

import pytest

from game.scenario.errors import Diagnostics, Location
from game.scenario.expr import NameSpace, parse_condition, parse_effects, parse_number

# slots: tension 0, missiles 1, blockade 2 (flag), day 3
NAMES = NameSpace(
    variables={"tension": 0, "missiles": 1},
    bounds={"tension": (0, 100), "missiles": (0, 10)},
    flags={"blockade": 2},
    derived={"defcon": lambda v: 5 if v[0] < 20 else 3 if v[0] < 80 else 1},
    day_slot=3,
)
HERE = Location("s.yaml", 7, 12)


def values(tension=50, missiles=2, blockade=False, day=1):
    return [tension, missiles, blockade, day]


def condition(source):
    diagnostics = Diagnostics()
    compiled = parse_condition(source, HERE, NAMES, diagnostics)
    assert not diagnostics.items, diagnostics.items
    return compiled.test


def refused(source, parse=parse_condition):
    diagnostics = Diagnostics()
    assert parse(source, HERE, NAMES, diagnostics) is None
    assert len(diagnostics.errors) == 1
    return diagnostics.errors[0]


def after(effect_source, **start):
    diagnostics = Diagnostics()
    effect = parse_effects(effect_source, HERE, NAMES, diagnostics)
    assert not diagnostics.items, diagnostics.items
    state = values(**start)
    effect.apply(state)
    return state


@pytest.mark.parametrize("source, state, expected", [
    ("tension >= 50", values(), True),
    ("tension > 50", values(), False),
    ("tension >= 80 and not flags.blockade", values(tension=90), True),
    ("tension >= 80 and not flags.blockade", values(tension=90, blockade=True), False),
    ("flags.blockade or missiles > 3", values(missiles=4), True),
    ("20 <= tension < 60", values(tension=59), True),
    ("20 <= tension < 60", values(tension=60), False),
    ("tension + missiles * 10 == 70", values(), True),
    ("min(tension, 30) == 30 and max(missiles, 5) == 5", values(), True),
    ("abs(missiles - 5) == 3 and round(tension / 3) == 17", values(), True),
    ("(tension if flags.blockade else 0) == 0", values(), True),
    ("defcon <= 3", values(tension=50), True),
    ("day >= 2", values(day=2), True),
    ("flags.blockade == false", values(), True),
    ("true", values(), True),
    ("tension // 7 == 7 and tension % 7 == 1", values(), True),
])
def test_conditions_compute_what_they_say(source, state, expected):
    assert condition(source)(state) is expected


def test_a_condition_can_be_a_yaml_boolean():
    diagnostics = Diagnostics()
    assert parse_condition(False, HERE, NAMES, diagnostics).test(values()) is False


def test_a_number_can_be_a_formula_or_a_constant():
    diagnostics = Diagnostics()
    formula = parse_number("tension / 200", HERE, NAMES, diagnostics)
    constant = parse_number(0.25, HERE, NAMES, diagnostics)
    assert formula.value(values(tension=50)) == 0.25 and formula.constant is None
    assert constant.value(values()) == 0.25 and constant.constant == 0.25


def test_division_by_zero_gives_zero_rather_than_crashing_the_game():
    diagnostics = Diagnostics()
    assert parse_number("tension / (missiles - 2)", HERE, NAMES, diagnostics).value(values()) == 0.0


@pytest.mark.parametrize("source, expected", [
    ("tension += 10", [60, 2, False, 1]),
    ("tension -= 70", [0, 2, False, 1]),  # clamped at the minimum
    ("tension = tension * 3", [100, 2, False, 1]),  # clamped at the maximum
    ("missiles *= 2; flags.blockade = true", [50, 4, True, 1]),
    ("flags.blockade = tension > 40", [50, 2, True, 1]),
    ("tension /= 4", [12.5, 2, False, 1]),
])
def test_effects_assign_within_bounds(source, expected):
    assert after(source) == expected


def test_effects_apply_in_order():
    assert after("tension = 10; tension += missiles")[0] == 12


def test_a_condition_records_what_it_reads_and_an_effect_what_it_writes():
    diagnostics = Diagnostics()
    assert parse_condition("tension > 3 and flags.blockade", HERE, NAMES, diagnostics).reads == {"tension", "flags.blockade"}
    effect = parse_effects("missiles += tension; flags.blockade = true", HERE, NAMES, diagnostics)
    assert effect.writes == {"missiles", "flags.blockade"} and effect.reads == {"tension"}


@pytest.mark.parametrize("source, message", [
    ("tensoin > 3", "unknown name 'tensoin' (did you mean 'tension'?)"),
    ("flags.blokade", "unknown flag 'blokade' (did you mean 'blockade'?)"),
    ("blockade", "'blockade' is a flag: write 'flags.blockade'"),
    ("tension", "this condition gives a number, but a boolean is needed"),
    ("tension > true", "compares a number with a boolean"),
    ("flags.blockade < true", "only == and != apply to them"),
    ("not tension", "is a number, but a condition is needed"),
    ("'abc' == 'abc'", "only numbers and true/false are values"),
    ("os.system", "'os.system' is not a name the game knows"),
    ("__import__('os')", "unknown function '__import__'"),
    ("tension.__class__", "is not a name the game knows"),
    ("lambda: 1", "is not allowed here"),
    ("[x for x in (1, 2)] == 1", "is not allowed here"),
    ("missiles[0] > 1", "is not allowed here"),
    ("tension in (1, 2)", "comparison that is not allowed"),
    ("min(tension)", "'min' takes at least 2 arguments, not 1"),
    ("max(tension, key=1) > 1", "takes no named arguments"),
    ("tension ** 2 > 1", "operator in 'tension ** 2' is not allowed"),
    ("tension >", "syntax error in 'tension >'"),
])
def test_conditions_outside_the_language_are_refused_with_a_reason(source, message):
    assert message in refused(source).message


@pytest.mark.parametrize("source, message", [
    ("defcon = 3", "'defcon' is computed by the game and cannot be assigned"),
    ("day += 1", "'day' is computed by the game"),
    ("blockade = true", "'blockade' is a flag: write 'flags.blockade = true'"),
    ("flags.blockade += 1", "a flag is set with '='"),
    ("tension == 3", "does nothing; an effect assigns"),
    ("import os", "is not an effect"),
    ("tension += flags.blockade", "is true/false, but a number is needed"),
    ("tenson += 1", "unknown variable 'tenson' (did you mean 'tension'?)"),
    ("a = b = 1", "assign one name at a time"),
    ("tension **= 2", "only += -= *= /= //= %= are allowed"),
    ("", "the effect is empty"),
    (5, "an effect must be text"),
])
def test_effects_outside_the_language_are_refused_with_a_reason(source, message):
    assert message in refused(source, parse_effects).message


def test_an_error_points_at_the_column_of_the_bad_name_inside_the_string():
    error = refused("tension > 3 and missles > 1")
    assert (error.location.line, error.location.column) == (7, 12 + len("tension > 3 and "))


def test_an_error_in_a_later_statement_of_an_effect_points_at_that_statement():
    error = refused("tension += 1; bogus += 2", parse_effects)
    assert error.location.column == 12 + len("tension += 1; ")


def test_every_error_of_a_multi_statement_effect_is_reported():
    diagnostics = Diagnostics()
    parse_effects("bogus += 1; flags.nothing = true", HERE, NAMES, diagnostics)
    assert len(diagnostics.errors) == 2


def test_deeply_nested_or_huge_input_is_refused_not_crashed():
    assert "longer than" in refused("(" * 5000 + "1" + ")" * 5000).message
    nested = "not " * 400 + "true"
    diagnostics = Diagnostics()
    parse_condition(nested, HERE, NAMES, diagnostics)  # may be accepted or refused, but never raise
    assert "longer than" in refused("tension > 1 and " * 200 + "true").message


# Runs of plain flags in an 'and' or an 'or' are read together (a choice's usual 'requires');
# every mix of flags, negations and other tests must still mean exactly what it says.
FLAG_NAMES = NameSpace(variables={"x": 0}, bounds={"x": (0, 10)},
                       flags={"a": 1, "b": 2, "c": 3, "d": 4}, derived={}, day_slot=5)


@pytest.mark.parametrize("source, meaning", [
    ("flags.a and not flags.b", lambda x, a, b, c, d: a and not b),
    ("not flags.a and not flags.b and not flags.c and not flags.d", lambda x, a, b, c, d: not (a or b or c or d)),
    ("flags.a and x > 3 and not flags.c and flags.d", lambda x, a, b, c, d: a and x > 3 and not c and d),
    ("x > 3 and flags.b and flags.c", lambda x, a, b, c, d: x > 3 and b and c),
    ("flags.a or not flags.b or flags.c", lambda x, a, b, c, d: a or not b or c),
    ("not flags.a or x < 3 or flags.b or not flags.d", lambda x, a, b, c, d: not a or x < 3 or b or not d),
    ("flags.a and not flags.b or flags.c and not flags.d", lambda x, a, b, c, d: a and not b or c and not d),
    ("not (flags.a and flags.b) and (flags.c or flags.d)", lambda x, a, b, c, d: not (a and b) and (c or d)),
    ("1 < x < 8 and not flags.a", lambda x, a, b, c, d: 1 < x < 8 and not a),
])
def test_runs_of_flags_mean_what_they_say_for_every_combination(source, meaning):
    diagnostics = Diagnostics()
    test = parse_condition(source, HERE, FLAG_NAMES, diagnostics).test
    assert not diagnostics.items
    for x in (0, 5, 9):
        for bits in range(16):
            flags = [bool(bits >> place & 1) for place in range(4)]
            assert bool(test([x, *flags, 1])) == bool(meaning(x, *flags)), (x, flags)
