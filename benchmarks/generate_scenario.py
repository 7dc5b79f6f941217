"""Generate synthetic scenarios shaped like the real 1962 one, at any scale, for benchmarks.

Scale 1 is a 36-day, two-role crisis with ten advisors a side, standing and daily choices,
delayed effects, interactions, events and endings; scale k repeats the calendar k times with
fresh ids, so the file is about k times larger. The numbers are tuned so that random games last
most of the calendar, as real ones do.

    python benchmarks/generate_scenario.py --scale 100 -o /tmp/big.yaml
"""

from __future__ import annotations

import argparse
import datetime
import random

# Scene names from the painter's library (assets/art/library.yaml), which the loader checks.
SCENES = ("u2_over_cuba", "missile_site", "excomm_table", "president_on_tv", "quarantine_line",
          "ships_turn_back", "un_security_council", "u2_shot_down", "the_letters", "kremlin", "settlement",
          "nuclear_war", "invasion", "submarine")

VARIABLES = ["tension", "missiles", "opinion", "trust", "standing_us", "standing_ussr",
             "pressure", "secrecy", "ships", "readiness"]
FLAGS = ["quarantine", "deal_offered", "trade_offered", "sites_hidden", "subs_armed",
         "u2_down", "leak", "defcon_raised", "invasion_ready", "settled"]
ROLES = ("kennedy", "khrushchev")
LEANINGS = ("hawk", "moderate", "dove")


def generate(scale: int = 1, seed: int = 1) -> str:
    rng = random.Random(seed)
    days = 36 * scale
    start = datetime.date(1962, 10, 16)
    end = start + datetime.timedelta(days=days - 1)
    out = ["format: 1", f"id: generated_x{scale}", f"title: Generated crisis (x{scale})",
           "summary: A synthetic scenario for benchmarks.", f"calendar: {{start: {start}, end: {end}}}", "variables:"]
    for name in VARIABLES:
        out.append(f"  {name}: {{label: {name.replace('_', ' ').title()}, initial: {rng.randint(10, 30)}, min: 0, max: 100}}")
    out.append("flags:")
    out += [f"  {name}: false" for name in FLAGS]
    out += ["derived:", "  defcon:", "    from: tension", "    levels:"]
    out += [f"      - {{at_least: {t}, value: {v}}}" for t, v in ((90, 1), (70, 2), (50, 3), (30, 4))]
    out += ["    otherwise: 5", "roles:"]
    for role in ROLES:
        out += [f"  {role}:", f"    name: {role.title()}", "    title: Leader", f"    side: {role}",
                "    description: Steer the crisis.", "    advisors:"]
        for a in range(10):
            out += [f"      - id: {role}_adv{a}", f"        name: Advisor {a}", "        office: Office",
                    f"        leaning: {LEANINGS[a % 3]}", "        advice:"]
            for _ in range(3):
                out += [f"          - day: d{rng.randrange(days)}", "            text: On this day, hold steady."]
            out += [f"          - when: \"tension >= {rng.randint(30, 80)} and not flags.{rng.choice(FLAGS)}\"",
                    "            text: Things are getting dangerous.", "          - text: Be careful."]
        out.append("    choices:")
        for c in range(4):
            out += [f"      - id: {role}_standing{c}", f"        label: Standing option {c}",
                    f"        requires: \"{rng.choice(VARIABLES)} < {rng.randint(60, 95)}\"",
                    f"        leaning: {LEANINGS[c % 3]}",
                    f"        effects: \"{rng.choice(VARIABLES)} += {rng.randint(1, 3)}; tension += {rng.randint(-2, 2)}\""]
    out.append("days:")
    for d in range(days):
        date = start + datetime.timedelta(days=d)
        out += [f"  - id: d{d}", f"    date: {date}", f"    title: Day {d + 1}", "    briefing:"]
        out += [f"      {role}: The situation on day {d + 1} calls for a decision." for role in ROLES]
        out += [f"    history: On day {d + 1} the leaders waited.", f"    art: {{scene: {SCENES[d % len(SCENES)]}}}",
                f"    historical: {{kennedy: k{d}_0, khrushchev: s{d}_0}}", "    choices:"]
        for role, prefix in (("kennedy", "k"), ("khrushchev", "s")):
            out.append(f"      {role}:")
            for c in range(6):
                var, other = rng.sample(VARIABLES, 2)
                step = rng.randint(2, 9) if LEANINGS[c % 3] == "hawk" else rng.randint(-6, 4)
                choice = [f"        - id: {prefix}{d}_{c}", f"          label: Option {c}",
                          "          text: A possible course of action.", f"          leaning: {LEANINGS[c % 3]}",
                          f"          effects: [\"tension += {step}\", \"{var} += {rng.randint(-5, 5)}\", "
                          f"\"flags.{rng.choice(FLAGS)} = {rng.choice(['true', 'false'])}\"]"]
                if c in (3, 4):
                    choice.append(f"          requires: \"{other} <= {rng.randint(40, 100)} or flags.{rng.choice(FLAGS)}\"")
                if c == 5:
                    choice += ["          later:", f"            - after: {rng.randint(1, 3)}",
                               f"              requires: \"{other} >= {rng.randint(10, 50)}\"",
                               f"              effects: \"{other} += {rng.randint(-3, 3)}\""]
                out += choice
    out.append("interactions:")
    for i in range(10 * scale):
        d = rng.randrange(days)
        out += [f"  - id: clash{i}", f"    orders: {{kennedy: [k{d}_{rng.randrange(6)}, k{d}_{rng.randrange(6)}], khrushchev: any}}",
                f"    requires: \"missiles >= {rng.randint(5, 40)}\"", f"    effects: \"tension += {rng.randint(1, 8)}\"",
                "    text: The orders collide."]
    out.append("events:")
    for e in range(12 * scale):
        out += [f"  - id: event{e}", f"    title: Event {e}", "    text: Something happens.",
                f"    requires: \"tension >= {rng.randint(10, 70)}\"", f"    probability: \"tension / {rng.randint(300, 900)}\"",
                f"    effects: \"tension += {rng.randint(1, 6)}; {rng.choice(VARIABLES)} -= {rng.randint(1, 4)}\""]
    out.append("endings:")
    out += ["  - {id: war, title: War, text: The worst., priority: 100, when: \"tension >= 100\", history: Close.}",
            "  - {id: collapse, title: Collapse, text: A leader falls., priority: 90, when: \"standing_us <= 0 or standing_ussr <= 0\"}",
            "  - {id: deal, title: Deal, text: A settlement., priority: 50, when: \"flags.deal_offered and flags.trade_offered and trust >= 60\"}"]
    for k in range(6 * scale):
        out.append(f"  - {{id: outcome{k}, title: Outcome {k}, text: It ends., priority: {40 - k % 30}, "
                   f"when: \"{rng.choice(VARIABLES)} >= {rng.randint(95, 100)} and day >= {rng.randint(10, days)}\"}}")
    out += ["  - {id: stay, title: Missiles stay, text: They stay., final: true, priority: 10, when: \"missiles >= 50\"}",
            "  - {id: drift, title: Drift, text: Nothing settled., final: true}"]
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", required=True)
    arguments = parser.parse_args()
    with open(arguments.output, "w", encoding="utf-8") as file:
        file.write(generate(arguments.scale, arguments.seed))


if __name__ == "__main__":
    main()
