"""The type: figures that read as numbers at every size."""

import pygame
import pytest

from game.ui.theme import STYLES, font_folder


@pytest.mark.parametrize("filename", sorted({filename for filename, _ in STYLES.values()}))
def test_digits_are_lining_figures_so_ten_never_reads_as_capital_i_and_o(filename):
    """Old-style figures sit at x-height (a "1" like a small capital I); lining ones stand as tall as capitals."""
    pygame.font.init()
    font = pygame.font.Font(str(font_folder() / filename), 60)
    capital_top = font.metrics("H")[0][3]
    x_height = font.metrics("x")[0][3]
    for digit in "0126":
        top = font.metrics(digit)[0][3]
        assert abs(top - capital_top) <= 3, f"{filename}: '{digit}' stands {top}px high, capitals {capital_top}px"
        assert top > x_height + 5
