"""The report printed to PDF by a real headless Chromium, its first page rendered by pdftoppm."""

import shutil
import subprocess

import numpy as np
import pytest

from game.art import png
from game.cli import main

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None or shutil.which("pdftoppm") is None,
                                reason="needs chromium and pdftoppm (apt-get install chromium poppler-utils)")


def test_the_pdf_prints_and_its_first_page_is_not_blank(session_log, tmp_path):
    out, pdf = tmp_path / "report.html", tmp_path / "report.pdf"
    assert main(["report", str(session_log), "--out", str(out), "--pdf", str(pdf), "--games", "10"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(tmp_path / "page")], check=True, timeout=120)
    page = png.decode((tmp_path / "page.png").read_bytes()).astype(float)
    height, width = page.shape[:2]
    assert 1.3 < height / width < 1.5  # a portrait A4 page
    grey = page[..., :3].mean(axis=2)
    assert (grey < 128).mean() > 0.005  # text: dark ink
    assert grey.std() > 20  # the painting and the text, not a blank sheet
    colour = np.abs(page[..., 0] - page[..., 2])
    assert (colour > 40).mean() > 0.01  # the ending's painting is on the first page
