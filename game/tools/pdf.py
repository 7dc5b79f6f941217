"""Printing a self-contained HTML page to PDF with a headless Chromium, when one is installed.

The page prints itself (its print CSS sets the paper and the page breaks); Chromium only does
what a teacher's "Print > Save as PDF" would. Without Chromium the caller says how to print
the HTML by hand.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from game.engine.atomic import current_umask

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
TIMEOUT = 120


class PdfError(RuntimeError):
    """The browser could not print the page; the message says why."""


def find_browser() -> str | None:
    """The first headless-capable Chromium on the PATH, or None."""
    return next((found for found in map(shutil.which, BROWSERS) if found), None)


def print_to_pdf(html_path: str | os.PathLike, pdf_path: str | os.PathLike, browser: str | None = None) -> None:
    """Print ``html_path`` to ``pdf_path`` (written whole or not at all); raises ``PdfError``."""
    browser = browser or find_browser()
    if browser is None:
        raise PdfError("no Chromium found (looked for " + ", ".join(BROWSERS) + ")")
    target = Path(pdf_path).resolve()
    with tempfile.TemporaryDirectory(prefix="brink-pdf-") as profile:
        partial = Path(profile) / "page.pdf"
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", f"--user-data-dir={profile}",
                   "--no-pdf-header-footer", "--print-to-pdf-no-header", f"--print-to-pdf={partial}",
                   Path(html_path).resolve().as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PdfError(f"{browser} did not print the page: {error}") from None
        if not partial.is_file() or partial.stat().st_size == 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
            raise PdfError(f"{browser} wrote no PDF ({detail[0]})")
        part = target.with_name(target.name + ".part")
        shutil.move(str(partial), str(part))
        os.chmod(part, 0o666 & ~current_umask())  # what the browser gave its file is not what the user asked for
        os.replace(part, target)
