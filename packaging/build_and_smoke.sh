#!/usr/bin/env bash
# Build the standalone one-folder game with PyInstaller, then smoke-test the built programs
# without Python: the window headless, a scripted text game, the classroom server's page, and
# one painting. Usage (from anywhere):  packaging/build_and_smoke.sh [PYTHON]
#   PYTHON  a Python with the game and its [build] extra installed (default: .venv/bin/python)
# The result is dist/brinkmanship/ (brink: the command line; brinkmanship: the window).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${1:-.venv/bin/python}"
DIST="${BRINK_DIST:-dist}"
WORK="$(mktemp -d)"
HOST_PID=""
cleanup() {
    if [ -n "$HOST_PID" ]; then kill "$HOST_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy PYGAME_HIDE_SUPPORT_PROMPT=1
export BRINK_HOME="$WORK/home"  # the built game's user files stay in the scratch folder

started=$SECONDS
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK/build" \
    packaging/brinkmanship.spec
BRINK="$DIST/brinkmanship/brink"
echo "build: $((SECONDS - started)) s, $(du -sh "$DIST/brinkmanship" | cut -f1) in $DIST/brinkmanship"

smoke=$SECONDS
"$BRINK" --version
# The window, headless: the title and every other screen drawn through the real loop.
"$BRINK" bench --frames 3 > "$WORK/bench.txt"
grep -q "^title " "$WORK/bench.txt" || { cat "$WORK/bench.txt"; echo "smoke: the window drew no title" >&2; exit 1; }
# The text mode: a whole scripted game of the demo from standard input, to an ending, with its log.
{ yes 1 || true; } | "$BRINK" play demo --text --seed 3 --log "$WORK/game.jsonl" > "$WORK/text.txt"
grep -q "^Ending: " "$WORK/text.txt" || { tail -20 "$WORK/text.txt"; echo "smoke: the text game did not end" >&2; exit 1; }
# The debrief of that game (Jinja templates, worker processes) and role cards in Russian (the catalogs).
"$BRINK" report "$WORK/game.jsonl" --games 20 --jobs 2 --out "$WORK/report.html" > /dev/null
grep -q "</html>" "$WORK/report.html" || { echo "smoke: brink report wrote no page" >&2; exit 1; }
"$BRINK" cards demo --lang ru --out "$WORK/cards.html" > /dev/null
grep -q "Карточки ролей" "$WORK/cards.html" || { echo "smoke: the role cards are not in Russian" >&2; exit 1; }
# The classroom: the host serves its page over HTTP, then stops on SIGTERM.
PORT=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BRINK" host demo --bind 127.0.0.1 --port "$PORT" --new > "$WORK/host.txt" 2>&1 &
HOST_PID=$!
served=""
for _ in $(seq 1 100); do
    if "$PYTHON" -c 'import sys, urllib.request; page = urllib.request.urlopen(sys.argv[1], timeout=2).read().decode(); sys.exit("<html" not in page.lower())' \
        "http://127.0.0.1:$PORT/" 2>/dev/null; then served=yes; break; fi
    sleep 0.2
done
kill -TERM "$HOST_PID"
wait "$HOST_PID" || { cat "$WORK/host.txt"; echo "smoke: brink host did not stop cleanly" >&2; exit 1; }
HOST_PID=""
[ -n "$served" ] || { cat "$WORK/host.txt"; echo "smoke: brink host served no page" >&2; exit 1; }
# The painter: the demo's maps, in two worker processes (the frozen program restarts itself as each).
"$BRINK" art demo --only maps --jobs 2 --out "$WORK/art" > "$WORK/art.txt" 2>&1 || { cat "$WORK/art.txt"; exit 1; }
paintings=$(find "$WORK/art" -name '*.png' | wc -l)
[ "$paintings" -ge 1 ] || { cat "$WORK/art.txt"; echo "smoke: brink art painted nothing" >&2; exit 1; }
echo "smoke: window, text game, debrief, role cards, classroom page, $paintings painting(s) in $((SECONDS - smoke)) s"
