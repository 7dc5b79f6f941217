"""The head's rays marched in beams land where each would land marched alone from the start.

Beams (``game.art.head._march_grid``) only save steps: a ray that starts where its beam stopped
must meet the same first surface as a ray marched the whole way. Too thin a beam (one that stops
later than its square's corner rays should) would start them past the nose's flank, a lapel of
hair or the cigar, and they would land on the cheek behind; these tests would see it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from game.art.bake import cast
from game.art.head import LIP, SKIN, Frame, Sitter, _march, _march_grid
from game.art.likeness import build_for
from game.art.portrait_spec import resolve
from game.scenario.load import load_scenario

ROOT = Path(__file__).resolve().parents[2]


def _people() -> dict[str, dict]:
    return cast(load_scenario(ROOT / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml"))


# a face turned, one with a cigar, one with a cap and beard, a bald one with spectacles
@pytest.mark.parametrize("who", ["kennedy", "lemay", "castro", "khrushchev"])
@pytest.mark.parametrize("scale", [60.0, 136.0])
def test_rays_marched_in_beams_meet_the_surface_they_meet_marched_alone(who: str, scale: float):
    build = build_for(resolve(_people()[who]))
    size = int(2.2 * scale)
    sitter = Sitter(build, Frame(size / 2, 0.42 * size, scale), build.yaw, build.pitch)
    box = (0, 0, size, size)
    origins = sitter._rays(box, 1)
    alone = _march(sitter.head.distance, sitter.to_head, origins)
    in_beams = _march_grid(sitter.head.distance, sitter.to_head, origins, size, size, 1.0 / scale)
    hit_alone, hit_beams = np.isfinite(alone), np.isfinite(in_beams)
    assert hit_alone.sum() > 0.1 * size * size
    # a ray grazing the outline may arrive in one march and run out of steps in the other
    assert (hit_alone != hit_beams).mean() < 0.002
    both = hit_alone & hit_beams
    points = origins[both].copy()
    points[:, 2] -= alone[both]
    skin = np.isin(sitter.head.material(sitter.to_head(points)), (SKIN, LIP))
    apart = np.abs(alone[both] - in_beams[both])
    # the face lands to within a grazing ray's tolerance; the hair's and the beard's strands are
    # bumps on a rough solid, which either march may step over a little differently
    assert (apart[skin] < 4e-3).mean() > 0.999
    assert (apart[~skin] < 0.03).mean() > 0.995


def test_a_beam_spares_the_rays_of_empty_space():
    build = build_for(resolve(_people()["kennedy"]))
    sitter = Sitter(build, Frame(64, 50, 60), build.yaw, build.pitch)
    origins = sitter._rays((200, 200, 240, 240), 1)  # far to the side of the head
    assert np.isinf(_march_grid(sitter.head.distance, sitter.to_head, origins, 40, 40, 1 / 60)).all()
