"""A head seen from behind: hair down to the nape on a man with a full head of it. The hair's mass,
round the crown, thinned out low at the back, so from behind (the President at the window, the
ExComm's Robert Kennedy) the hair ended in a line across the back of the skull, with bare skin
below it down to the collar."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from game.art import bake
from game.art.head import HAIR, Frame, Sitter
from game.art.likeness import build_for
from game.art.portrait_spec import resolve
from game.scenario.load import load_scenario

CAST = bake.cast(load_scenario(Path(__file__).resolve().parents[2] / "scenarios" / "cuban_missile_crisis_1962"
                               / "scenario.yaml"))


@pytest.mark.parametrize("who", ["kennedy", "rfk", "mcnamara", "sorensen", "gromyko", "castro"])
def test_a_full_head_of_hair_covers_the_back_of_the_skull_down_to_the_nape(who):
    build = replace(build_for(resolve(CAST[who])), yaw=160.0)  # as a scene turns a person away
    render = Sitter(build, Frame(64, 60, 100), build.yaw, build.pitch).render((0, 0, 128, 140), step=1)
    y, z = render.position[..., 1], render.position[..., 2]
    # the back of the skull from the ears' level down to the nape (head units, y up, z toward the face)
    low_back = render.hit & (z < -0.2) & (y < -0.05) & (y > -0.25)
    assert low_back.sum() > 200
    share = (render.material[low_back] == HAIR).mean()
    assert share > 0.9, share  # 0.36 (Kennedy) to 0.83 before
