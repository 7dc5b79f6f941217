"""``brink play --text``: a whole game from standard input, without a terminal."""

import errno
import io
import json
import os
from pathlib import Path

import pytest

from game.engine import machine
from game.scenario.load import load_scenario
from game.text.play import TextGame

DEMO = load_scenario(Path(__file__).parent.parent / "scenarios" / "demo" / "scenario.yaml")


def run(answers, players=None, seed=7, **options):
    players = players or {"kennedy": "human", "khrushchev": "historical"}
    output = io.StringIO()
    game = TextGame(machine.start(DEMO, seed), players, io.StringIO(answers), output, **options)
    status = game.run()
    return status, output.getvalue(), game


def test_a_whole_game_plays_from_piped_input_to_an_ending():
    # wait and watch, quarantine, hold the line, accept the deal: the historical path
    status, text, game = run("2\n1\n1\n1\n")
    assert status == 0
    assert "Day 1 of 4: Tuesday 16 October 1962, The photographs" in text
    assert "Robert F. Kennedy (Attorney General, dove):" in text
    assert "Ending: The missiles go home" in text
    assert game.session.state.ending == "settlement"


def test_each_day_shows_what_really_happened_after_it_resolves():
    _, text, _ = run("2\n1\n1\n1\n")
    assert text.index("Orders of the day:") < text.index("What really happened: On 16 October")


def test_bad_input_is_answered_with_a_message_and_the_question_again():
    status, text, game = run("seven\n0\n99\n\n2\n1\n1\n1\n")
    assert status == 0
    assert "'seven' is not one of the choices. Type a number from 1 to 2" in text
    assert "'99' is not one of the choices" in text
    assert game.session.state.ending == "settlement"


def test_the_end_of_input_stops_the_game_cleanly():
    status, text, game = run("2\n")
    assert status == 0
    assert text.rstrip().endswith("Input ended; the game stops here.")
    assert len(game.session.state.history) == 1


def test_undo_takes_back_the_last_day():
    status, text, game = run("1\nu\n2\n1\n1\n1\n")
    assert "The last day was undone." in text
    assert game.session.state.history[0].order_of("kennedy") == "wait_and_watch"


def test_two_players_at_one_keyboard_pass_it_between_orders():
    players = {"kennedy": "human", "khrushchev": "human"}
    status, text, game = run("\n2\n\n1\n", players=players)
    assert "Pass the keyboard to John F. Kennedy" in text
    assert "Pass the keyboard to Nikita Khrushchev" in text
    assert game.session.state.history[0].orders == (("kennedy", "wait_and_watch"), ("khrushchev", "rush_sites"))


def test_the_session_log_is_written_after_every_day(tmp_path):
    log = tmp_path / "session.jsonl"
    run("2\n1\n", log_path=str(log))
    lines = log.read_text().splitlines()
    assert len(lines) == 3  # header and two days
    assert json.loads(lines[2])["orders"]["kennedy"] == "quarantine"


def test_quitting_saves_the_game_when_a_save_file_is_named(tmp_path):
    save = tmp_path / "game.json"
    status, text, _ = run("2\nq\n", save_path=str(save))
    assert status == 0 and "It was saved." in text
    assert json.loads(save.read_text())["days"] == [{"kennedy": "wait_and_watch", "khrushchev": "rush_sites"}]


def test_the_briefing_is_shown_in_the_chosen_language_where_translated():
    players = {"kennedy": "historical", "khrushchev": "human"}
    _, text, _ = run("2\n2\n1\n1\n", players=players, language="ru")
    assert "Наши суда подходят к американской линии." in text


def test_names_are_read_in_the_language_of_the_game(monkeypatch, capsys):
    """`brink play --text --lang ru`: Khrushchev's council is named in Cyrillic, as the rest of his desk reads."""
    from game.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("1\nq\n"))
    assert main(["play", "cuban_missile_crisis_1962", "--text", "--role", "khrushchev", "--lang", "ru", "--seed", "4"]) == 0
    out = capsys.readouterr().out
    assert "Джон Ф. Кеннеди (Президент Соединённых Штатов): computer, historical" in out
    assert "Никита Хрущёв, Первый секретарь" in out and "Анастас Микоян (Первый заместитель" in out
    assert "Your order, Хрущёв (1-" in out
    assert "Khrushchev" not in out and "Mikoyan" not in out


def test_a_plain_string_name_reads_the_same_in_every_language():
    _, text, _ = run("q\n", language="ru")
    assert "Robert F. Kennedy (" in text  # the demo names its people in English only


def test_a_seat_reads_the_day_under_its_own_title():
    """On 16 October 1962 Moscow does not know about the photographs: Khrushchev's day is his own."""
    crisis = load_scenario(Path(__file__).parent.parent / "scenarios" / "cuban_missile_crisis_1962" / "scenario.yaml")
    output = io.StringIO()
    game = TextGame(machine.start(crisis, 7), {"kennedy": "historical", "khrushchev": "human"}, io.StringIO("1\nq\n"),
                    output)
    game.run()
    text = output.getvalue()
    assert "Day 1 of 18: Tuesday 16 October 1962, Operation Anadyr" in text and "The photographs" not in text


# --- a save or a log that cannot be written never ends the game ---------------------------------
def mount_tmpfs(target: Path, options: str) -> None:
    """A small tmpfs at ``target``, or a skip saying why the test cannot have one."""
    import shutil
    import subprocess

    if shutil.which("mount") is None or os.name != "posix":
        pytest.skip("no mount command here to make a small file system")
    target.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (not root, or no permission in this container): {done.stderr.strip()}")


def unmount(target: Path) -> None:
    import subprocess

    subprocess.run(["umount", str(target)], capture_output=True)


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder nobody can write in: a read-only tmpfs (root ignores permission bits), or mode 0555."""
    folder = tmp_path / "read_only"
    if os.name == "posix" and os.geteuid() != 0:
        folder.mkdir()
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    mount_tmpfs(folder, "ro,size=64k")
    try:
        yield folder
    finally:
        unmount(folder)


@pytest.fixture
def full_disk(tmp_path):
    """A tmpfs of 64 KB, already full."""
    folder = tmp_path / "full"
    mount_tmpfs(folder, "size=64k")
    try:
        try:
            with open(folder / "filler", "wb") as file:
                while True:
                    file.write(b"\0" * 4096)
                    file.flush()
        except OSError:  # No space left on device: full, as wanted
            pass
        yield folder
    finally:
        unmount(folder)


def assert_reported_and_saved_elsewhere(text, status, game, blocked: Path, elsewhere: Path, reason: str):
    assert status == 0
    line = next(line for line in text.splitlines() if line.startswith("Cannot write the save"))
    assert line == f"Cannot write the save to {blocked}: {reason}; the game goes on."
    assert f"Saved to {elsewhere}." in text
    assert game.session.state.ending == "settlement"  # the game went on to its end
    assert json.loads(elsewhere.read_text())["format"] == "brinkmanship-save"


def test_a_read_only_folder_is_reported_and_another_place_offered(read_only_folder, tmp_path):
    blocked, elsewhere = read_only_folder / "game.json", tmp_path / "game.json"
    status, text, game = run(f"2\ns\n{elsewhere}\n1\n1\n1\n", save_path=str(blocked))
    reason = "Read-only file system" if os.geteuid() == 0 else "Permission denied"
    assert_reported_and_saved_elsewhere(text, status, game, blocked, elsewhere, reason)


def test_a_full_disk_is_reported_and_another_place_offered(full_disk, tmp_path):
    blocked, elsewhere = full_disk / "game.json", tmp_path / "game.json"
    status, text, game = run(f"2\ns\n{elsewhere}\n1\n1\n1\n", save_path=str(blocked))
    assert_reported_and_saved_elsewhere(text, status, game, blocked, elsewhere, "No space left on device")
    assert [p.name for p in full_disk.iterdir()] == ["filler"]  # no half-written save or temporary file


def test_a_full_disk_without_a_small_file_system_to_fill(tmp_path, monkeypatch):
    """The same path as above, by making the write itself fail as a full disk does."""
    from game.engine import atomic

    real_fsync = atomic.os.fsync
    blocked, elsewhere = tmp_path / "full" / "game.json", tmp_path / "game.json"

    def disk_full(descriptor):
        if str(os.readlink(f"/proc/self/fd/{descriptor}")).startswith(str(blocked.parent)):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(descriptor)

    if not os.path.exists("/proc/self/fd"):
        pytest.skip("needs /proc to tell which file a descriptor writes")
    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    status, text, game = run(f"2\ns\n{elsewhere}\n1\n1\n1\n", save_path=str(blocked))
    monkeypatch.undo()
    assert_reported_and_saved_elsewhere(text, status, game, blocked, elsewhere, "No space left on device")
    assert os.listdir(blocked.parent) == []


def test_a_folder_given_as_the_save_file_is_reported_and_the_game_goes_on(tmp_path):
    folder = tmp_path / "saves"
    folder.mkdir()
    status, text, game = run("2\ns\n\n1\n1\n1\n", save_path=str(folder))
    assert status == 0 and game.session.state.ending == "settlement"
    assert f"Cannot write the save to {folder}: Is a directory; the game goes on." in text


def test_a_log_that_cannot_be_written_is_reported_once_and_the_game_goes_on_without_it(read_only_folder):
    status, text, game = run("2\n\n1\n1\n1\n", log_path=str(read_only_folder / "game.jsonl"))
    assert status == 0 and game.session.state.ending == "settlement"
    assert text.count("Cannot write the log to") == 1
    assert "Write the log to another file (a path, or Enter to go on without it)? " in text


def test_a_save_path_under_a_regular_file_is_reported_and_another_place_offered(tmp_path):
    """Unwritable for every user, root included, so this case never needs a skip."""
    (tmp_path / "somefile").write_text("not a folder")
    blocked, elsewhere = tmp_path / "somefile" / "game.json", tmp_path / "game.json"
    status, text, game = run(f"2\ns\n{elsewhere}\n1\n1\n1\n", save_path=str(blocked))
    assert_reported_and_saved_elsewhere(text, status, game, blocked, elsewhere, "Not a directory")


def test_input_that_ends_at_the_other_file_question_when_quitting_ends_the_game_cleanly(tmp_path):
    folder = tmp_path / "saves"
    folder.mkdir()
    status, text, _ = run("q\n", save_path=str(folder))
    assert status == 0
    assert text.endswith("Write the save to another file (a path, or Enter to go on without it)? \n"
                         "Game over by choice.\n")


def test_input_that_ends_at_the_other_file_question_on_the_last_day_still_shows_the_ending(tmp_path, monkeypatch):
    from game.text import play

    real = play.write_log

    def full_at_the_end(path, scenario, state, *rest):
        if state.ended:
            raise OSError(errno.ENOSPC, "No space left on device", path)
        real(path, scenario, state, *rest)

    monkeypatch.setattr(play, "write_log", full_at_the_end)
    status, text, game = run("2\n1\n1\n1\n", log_path=str(tmp_path / "game.jsonl"))
    assert status == 0 and game.session.state.ending == "settlement"
    asked = text.index("Write the log to another file (a path, or Enter to go on without it)? \n")
    assert "Ending: The missiles go home" in text[asked:] and "Input ended" not in text


def test_a_piped_order_that_lands_on_the_other_file_question_still_gives_the_order(tmp_path):
    """A script of orders knows nothing of a disk that fails between them: its '1' is an order, not a file."""
    folder = tmp_path / "logs"
    folder.mkdir()
    status, text, game = run("2\n1\n1\n1\n", log_path=str(folder))
    assert "('1' is not a file path: no other file, and '1' answers the next question.)" in text
    assert status == 0 and game.session.state.ending == "settlement"
    assert [record.orders for record in game.session.state.history] == \
        [record.orders for record in run("2\n1\n1\n1\n")[2].session.state.history]
    assert not (tmp_path / "1").exists() and not os.path.exists("1")


class InterruptedInput(io.StringIO):
    """Answers, then Ctrl-C at the next question."""

    def readline(self, *arguments):
        line = super().readline(*arguments)
        if not line:
            raise KeyboardInterrupt
        return line


def test_ctrl_c_keeps_the_days_played_in_the_save(tmp_path):
    target = tmp_path / "game.json"
    output = io.StringIO()
    game = TextGame(machine.start(DEMO, 7), {"kennedy": "human", "khrushchev": "historical"}, InterruptedInput("2\n"),
                    output, save_path=str(target))
    assert game.run() == 130
    assert output.getvalue().endswith("Interrupted. The game was saved.\n")
    assert json.loads(target.read_text())["days"] == [{"kennedy": "wait_and_watch", "khrushchev": "rush_sites"}]


def test_saving_without_a_save_file_asks_where(tmp_path):
    target = tmp_path / "mine.json"
    status, text, _ = run(f"s\n{target}\n2\nq\n")
    assert "No save file was named. Save to which file" in text and f"Saved to {target}." in text
    assert json.loads(target.read_text())["days"] == [{"kennedy": "wait_and_watch", "khrushchev": "rush_sites"}]


def test_when_input_ends_a_failed_save_is_reported_without_asking(tmp_path):
    folder = tmp_path / "saves"
    folder.mkdir()
    status, text, _ = run("2\n", save_path=str(folder))
    assert status == 0
    assert text.rstrip().endswith("Input ended; the game stops here.")
    assert "Cannot write the save to" in text and "another file" not in text


class FakeClock:
    """Wall-clock time that moves only when a test says: one minute a reading."""

    def __init__(self, start=1_800_000_000.0, step=60.0):
        self.now = start - step
        self.step = step

    def __call__(self):
        self.now += self.step
        return self.now


def test_the_log_is_version_2_line_by_line_with_the_times_of_each_day(tmp_path):
    log = tmp_path / "session.jsonl"
    run("2\n1\n1\n1\n", log_path=str(log), clock=FakeClock())
    lines = [json.loads(line) for line in log.read_text().splitlines()]
    head, days, end = lines[0], lines[1:-1], lines[-1]
    assert head == {"format": "brinkmanship-log", "version": 2, "scenario": "demo", "digest": DEMO.digest, "seed": 7,
                    "front_end": "text", "started": "2027-01-15T08:00:00Z",
                    "players": {"kennedy": "human", "khrushchev": "historical"}, "initial": head["initial"]}
    assert set(head["initial"]) >= {"tension"}
    assert [day["kind"] for day in days] == ["day"] * 4
    assert [day["orders"]["kennedy"] for day in days] == ["wait_and_watch", "quarantine", "hold_the_line", "accept_deal"]
    # the clock reads one minute later each time: opened, resolved, opened, ...
    assert [(day["opened_at"], day["resolved_at"]) for day in days] == [
        (f"2027-01-15T08:0{2 * i + 1}:00Z", f"2027-01-15T08:0{2 * i + 2}:00Z") for i in range(4)]
    for day in days:
        assert list(day) == ["kind", "day", "date", "opened_at", "resolved_at", "orders", "decided_by",
                             "recommendations", "interactions", "events", "delayed", "values", "ending"]
        assert day["decided_by"] == {"kennedy": "player", "khrushchev": "computer"}
        assert day["recommendations"] == []
    assert end == {"kind": "ending", "at": days[-1]["resolved_at"], "ending": "settlement", "early": False}


def test_the_log_is_the_same_for_the_same_game_and_times(tmp_path):
    first, second = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run("2\n1\n1\n1\n", log_path=str(first), clock=FakeClock())
    run("2\n1\n1\n1\n", log_path=str(second), clock=FakeClock())
    assert first.read_bytes() == second.read_bytes()
