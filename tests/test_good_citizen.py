"""The game as a good citizen of the machine it runs on: the platform's folders, the command line's
promises (usage and exit 2), the umask's permissions, no banner, no leftovers, no invisible window."""

from __future__ import annotations

import io
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from game import paths

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "scenarios" / "demo" / "scenario.yaml"


def brink(*arguments, env=None, umask=None, cwd=None):
    environment = dict(env if env is not None else os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "game", *map(str, arguments)], text=True, capture_output=True,
                          cwd=cwd or ROOT, env=environment, timeout=120,
                          preexec_fn=(lambda: os.umask(umask)) if umask is not None else None)


# --- user folders --------------------------------------------------------------------------------

@pytest.fixture
def xdg_home(tmp_path, monkeypatch):
    """No BRINK_HOME: the platform's folders, under a home of the test's own."""
    monkeypatch.delenv("BRINK_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "home"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders are Linux's")
def test_each_kind_of_file_goes_to_its_xdg_folder(xdg_home, tmp_path, monkeypatch):
    for name in ("DATA", "CONFIG", "STATE", "CACHE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / name.lower()))
    assert paths.saves_folder() == tmp_path / "data" / "brinkmanship" / "saves"
    assert paths.user_scenarios_folder() == tmp_path / "data" / "brinkmanship" / "scenarios"
    assert paths.settings_path() == tmp_path / "config" / "brinkmanship" / "settings.json"
    assert paths.logs_folder() == tmp_path / "state" / "brinkmanship" / "logs"
    assert paths.cache_folder() == tmp_path / "cache" / "brinkmanship"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders are Linux's")
def test_an_empty_xdg_variable_means_the_default_not_the_current_folder(xdg_home, monkeypatch, tmp_path):
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, "")
    monkeypatch.chdir(tmp_path)
    assert paths.user_folder() == xdg_home / ".local" / "share" / "brinkmanship"
    assert paths.settings_path() == xdg_home / ".config" / "brinkmanship" / "settings.json"
    assert paths.logs_folder() == xdg_home / ".local" / "state" / "brinkmanship" / "logs"
    for folder in (paths.user_folder(), paths.config_folder(), paths.state_folder(), paths.cache_folder()):
        assert folder.is_absolute()


def test_brink_home_keeps_everything_in_one_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("BRINK_HOME", str(tmp_path))
    assert paths.settings_path() == tmp_path / "settings.json"
    assert paths.saves_folder() == tmp_path / "saves"
    assert paths.logs_folder() == tmp_path / "logs"
    assert paths.cache_folder() == tmp_path / "cache"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders are Linux's")
def test_settings_an_earlier_version_left_beside_the_saves_are_still_read(xdg_home):
    from game.ui.settings import load_settings, save_settings

    paths.user_folder().mkdir(parents=True)
    paths.legacy_settings_path().write_text('{"width": 1600, "height": 900}')
    assert paths.legacy_settings_path() != paths.settings_path()
    settings = load_settings()
    assert (settings.width, settings.height) == (1600, 900)
    save_settings(settings.changed(width=1920, height=1080))  # written to the new place, which wins from then on
    assert paths.settings_path().exists()
    assert load_settings().width == 1920


# --- the command line keeps its word -------------------------------------------------------------

@pytest.mark.parametrize("arguments", [
    ["simulate", "no_such_crisis"],
    ["check", "no_such_crisis"],
    ["graph", "no_such_crisis"],
    ["cards", "no_such_crisis"],
    ["play", "--text", "no_such_crisis"],
])
def test_an_unknown_scenario_prints_the_sub_commands_usage_and_exits_2(arguments):
    result = brink(*arguments)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"usage: brink {arguments[0]} ")
    assert "no scenario 'no_such_crisis'" in result.stderr and "demo" in result.stderr


@pytest.mark.parametrize("arguments, command", [
    (["play", "--text", "--role", "castro", "demo"], "play"),
    (["simulate", "demo", "--policy", "genius"], "simulate"),
    (["simulate", "demo", "--policy", "castro=random"], "simulate"),
])
def test_a_bad_role_or_policy_prints_the_sub_commands_usage(arguments, command):
    result = brink(*arguments)
    assert result.returncode == 2
    assert result.stderr.startswith(f"usage: brink {command} ")


@pytest.mark.parametrize("arguments", [["play", "--text", "--lang", "xx", "demo"], ["cards", "demo", "--lang", "xx"]])
def test_an_unknown_language_is_reported(arguments):
    result = brink(*arguments)
    assert result.returncode == 2
    assert "'xx' is not a language" in result.stderr and "en" in result.stderr


def test_validate_takes_a_scenario_id_like_every_other_command():
    result = brink("validate", "demo")
    assert result.returncode == 0, result.stdout + result.stderr
    assert str(DEMO) in result.stdout and "ok" in result.stdout


def test_a_user_scenario_with_a_shipped_id_is_reported_not_silently_hidden():
    home = Path(os.environ["BRINK_HOME"])
    (home / "scenarios" / "demo").mkdir(parents=True)
    shutil.copy(DEMO, home / "scenarios" / "demo" / "scenario.yaml")
    listing = brink("scenarios")
    assert listing.returncode == 0
    assert "hidden by the shipped scenario" in listing.stdout
    assert "has the id 'demo' of a shipped scenario" in listing.stderr
    assert paths.id_clashes()[0].user == home / "scenarios" / "demo" / "scenario.yaml"
    for name in (home / "scenarios" / "demo", "demo"):  # loaded by its path, or hidden behind the shipped one
        loaded = brink("simulate", name, "--games", "5")
        assert loaded.returncode == 0
        assert "has the id 'demo' of a shipped scenario" in loaded.stderr


# --- files the user asked for --------------------------------------------------------------------

@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_written_files_get_the_umasks_permissions(tmp_path, umask, mode):
    html, coverage = tmp_path / "report.html", tmp_path / "coverage.json"
    html.write_text("old")
    html.chmod(0o644)  # overwriting keeps what the umask gives, never less
    result = brink("simulate", "demo", "--games", "5", "--html", html, "--coverage-out", coverage, umask=umask)
    assert result.returncode == 0, result.stderr
    for path in (html, coverage):
        assert stat.S_IMODE(path.stat().st_mode) == mode, path
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_the_atomic_writer_follows_the_umask_it_reads(tmp_path):
    from game.engine.atomic import current_umask, write_atomically

    previous = os.umask(0o027)
    try:
        assert current_umask() == 0o027
        write_atomically(tmp_path / "save.json", "{}")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "save.json").stat().st_mode) == 0o640


# --- no banner, no leftovers, no invisible window ------------------------------------------------

def quiet_environment(**changes) -> dict:
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("PYGAME_HIDE_SUPPORT_PROMPT", "DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    environment.update(changes)
    return environment


def test_the_pygame_banner_is_never_printed():
    result = subprocess.run([sys.executable, "-c", "import game.ui.app"], capture_output=True, text=True,
                            env=quiet_environment(PYTHONPATH=str(ROOT)), cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "pygame" not in result.stdout + result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is always there on Windows and macOS")
def test_without_a_display_brink_says_so_and_suggests_text_mode():
    result = brink("play", "demo", env=quiet_environment())
    assert result.returncode == 1
    assert "no display" in result.stderr and "brink play --text" in result.stderr
    assert "pygame" not in result.stdout


def test_a_headless_driver_asked_for_by_name_is_let_be(monkeypatch):
    from game.ui.app import no_display

    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    assert no_display() is None


def test_bench_leaves_no_temporary_folder_behind(tmp_path):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    environment = {k: v for k, v in os.environ.items() if k != "BRINK_HOME"}
    environment.update(TMPDIR=str(temporary), SDL_VIDEODRIVER="dummy")
    result = brink("bench", "--frames", "1", env=environment)
    assert result.returncode == 0, result.stderr
    assert list(temporary.iterdir()) == []


def test_a_throwaway_home_is_used_and_then_gone(tmp_path, monkeypatch):
    monkeypatch.delenv("BRINK_HOME")
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    with paths.throwaway_home("brink-test-") as home:
        assert os.environ["BRINK_HOME"] == str(home) and home.is_dir()
        assert paths.saves_folder() == home / "saves"
    assert not home.exists() and "BRINK_HOME" not in os.environ
    assert list(tmp_path.iterdir()) == []


def test_the_art_progress_bar_writes_a_few_lines_into_a_log():
    from game.art.bake import progress_bar

    log = io.StringIO()
    show = progress_bar(log)
    for done in range(1, 201):
        show(done, 200, None)
    lines = log.getvalue().splitlines()
    assert "\r" not in log.getvalue()
    assert 5 <= len(lines) <= 11 and lines[-1] == "painted 200/200"


# --- the shipped examples are what authors copy --------------------------------------------------

SHIPPED = ["demo", "berlin_1961", "cuban_missile_crisis_1962"]


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_every_shipped_scenario_passes_strict_validation(scenario_id):
    result = brink("validate", "--strict", scenario_id)
    assert result.returncode == 0, result.stdout
    assert "warning" not in result.stdout


@pytest.mark.parametrize("scenario_id", SHIPPED)
def test_every_day_and_ending_of_a_shipped_scenario_has_its_painting(scenario_id):
    from game.art import catalog
    from game.scenario.load import load_scenario

    scenario = load_scenario(paths.find_scenario(scenario_id))
    missing = []
    for item in [*scenario.days, *scenario.endings]:
        assert item.art is not None, f"{item.id} has no art"
        if not (isinstance(item.art, dict) and "image" in item.art):
            path = catalog.picture_path(scenario.id, item.id, item.art)
            if not path.is_file():
                missing.append(path.name)
    assert missing == []


@pytest.mark.skipif(shutil.which("chromium") is None and shutil.which("chromium-browser") is None,
                    reason="needs a Chromium to print with")
def test_a_printed_pdf_gets_the_umasks_permissions(tmp_path):
    from game.tools.pdf import print_to_pdf

    page = tmp_path / "page.html"
    page.write_text("<!doctype html><title>t</title><p>A page to share.")
    target = tmp_path / "page.pdf"
    previous = os.umask(0o022)
    try:
        print_to_pdf(page, target)
    finally:
        os.umask(previous)
    assert target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_the_package_names_its_licence_and_its_authors():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"].split()[0] == "MIT"
    for name in project["license-files"]:
        assert (ROOT / name).is_file()
    licence = (ROOT / "LICENSE").read_text()
    assert licence.startswith("MIT License") and "the Brinkmanship authors" in licence
    assert project["authors"] == [{"name": "the Brinkmanship authors"}]
    assert not any(c.startswith("License") for c in project["classifiers"])  # PEP 639: the expression instead


def test_the_packages_urls_name_places_that_exist_in_the_source_and_invent_no_address():
    """No public site exists: each URL is a file (and heading) inside the tree, never a made-up domain."""
    import re
    import tomllib

    urls = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]
    assert set(urls) == {"Homepage", "Documentation", "Issues", "Source"}
    for label, target in urls.items():
        assert "://" not in target, label
        path, _, anchor = target.partition("#")
        assert (ROOT / path).is_file(), label
        if anchor:
            headings = re.findall(r"^#+ (.+)$", (ROOT / path).read_text(encoding="utf-8"), re.MULTILINE)
            assert anchor in {re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-") for h in headings}, label
