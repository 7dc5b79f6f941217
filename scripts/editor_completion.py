"""Ask the YAML language server (the engine of VS Code's YAML extension) what it offers in a scenario.

    python scripts/editor_completion.py                      # print the answers, write docs/editor-completion.png
    python scripts/editor_completion.py --json answers.json  # the answers as JSON as well
    python scripts/editor_completion.py --no-png --no-install

The guide promises completion, hover help and underlines in an editor; this script checks that
promise against the real server rather than against our reading of the schema. It needs Node.js:
the server `yaml-language-server` is taken from PATH, or from npm into a cache folder
(~/.cache/brinkmanship/yaml-language-server) on first use. It speaks the Language Server
Protocol over stdio in plain Python (JSON-RPC messages behind Content-Length headers), exactly
as an editor does, on copies of docs/examples/three_day_crisis.yaml whose first line names the
game's schema by its file:// URI.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "examples" / "three_day_crisis.yaml"
SCHEMA = ROOT / "game" / "scenario" / "scenario.schema.json"
PICTURE = ROOT / "docs" / "editor-completion.png"
# Pinned so that the guide's lists are reproducible; --server runs any other copy.
SERVER_PACKAGE = "yaml-language-server@1.25.0"  # 2.x needs Node.js 22
MODELINE = re.compile(r"^# yaml-language-server: \$schema=\S+$", re.MULTILINE)
ANSWER_TIMEOUT = 30.0


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA") or Path.home() / ".cache"
    return Path(base) / "brinkmanship" / "yaml-language-server"


def cached_server() -> Path | None:
    """The server npm put in our cache folder, if it did (a .cmd wrapper on Windows)."""
    for name in ("yaml-language-server", "yaml-language-server.cmd"):
        candidate = cache_folder() / "node_modules" / ".bin" / name
        if candidate.exists():
            return candidate
    return None


def find_server(install: bool) -> list[str]:
    """The command that starts the server: PATH first, then the cache, then npm into the cache."""
    on_path = shutil.which("yaml-language-server")
    if on_path:
        return [on_path, "--stdio"]
    cached = cached_server()
    if cached is None and install:
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("yaml-language-server is not on PATH and npm is missing: install Node.js first")
        cache_folder().mkdir(parents=True, exist_ok=True)
        print(f"installing {SERVER_PACKAGE} into {cache_folder()} ...", file=sys.stderr)
        subprocess.run([npm, "install", "--prefix", str(cache_folder()), "--no-audit", "--no-fund",
                        "--loglevel=error", SERVER_PACKAGE], check=True)
        cached = cached_server()
    if cached is None:
        raise SystemExit("yaml-language-server not found on PATH nor in " + str(cache_folder()))
    return [str(cached), "--stdio"]


# --- the protocol ---------------------------------------------------------------------------

class LanguageServer:
    """One server process and the JSON-RPC conversation with it.

    A reader thread parses every message the server sends: answers go to whoever asked,
    diagnostics are kept by document, and the server's own requests (registerCapability and
    the like) get the empty answer an editor without those features gives.
    """

    def __init__(self, command: list[str]) -> None:
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.next_id = 0
        self.answers: dict[int, queue.Queue] = {}
        self.diagnostics: dict[str, queue.Queue] = {}
        self.lock = threading.Lock()
        threading.Thread(target=self.read_forever, daemon=True).start()

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method: str, params: dict[str, Any]) -> Any:
        with self.lock:
            self.next_id += 1
            number = self.next_id
            self.answers[number] = queue.Queue()
        self.send({"id": number, "method": method, "params": params})
        try:
            reply = self.answers[number].get(timeout=ANSWER_TIMEOUT)
        except queue.Empty:
            raise SystemExit(f"the server did not answer {method} within {ANSWER_TIMEOUT:.0f} s") from None
        if "error" in reply:
            raise SystemExit(f"the server refused {method}: {reply['error']}")
        return reply.get("result")

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def diagnostics_for(self, uri: str) -> list[dict[str, Any]]:
        """The first diagnostics published for the document after it was opened."""
        try:
            return self.mailbox(uri).get(timeout=ANSWER_TIMEOUT)
        except queue.Empty:
            raise SystemExit(f"no diagnostics for {uri} within {ANSWER_TIMEOUT:.0f} s") from None

    def mailbox(self, uri: str) -> queue.Queue:
        with self.lock:
            return self.diagnostics.setdefault(uri, queue.Queue())

    def read_forever(self) -> None:
        stream = self.process.stdout
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if not line:
                return  # the server has gone
            self.dispatch(json.loads(stream.read(length).decode("utf-8")))

    def dispatch(self, message: dict[str, Any]) -> None:
        if "id" in message and "method" in message:
            self.send({"id": message["id"], "result": None})
        elif "id" in message:
            self.answers[message["id"]].put(message)
        elif message.get("method") == "textDocument/publishDiagnostics":
            params = message["params"]
            self.mailbox(params["uri"]).put(params["diagnostics"])

    def start(self, root: Path) -> dict[str, Any]:
        """initialize, initialized, then the settings VS Code's extension sends by default."""
        result = self.request("initialize", {
            "processId": os.getpid(),
            "rootUri": root.as_uri(),
            "clientInfo": {"name": "brinkmanship editor_completion.py"},
            "capabilities": {"textDocument": {
                "completion": {"completionItem": {"snippetSupport": True,
                                                  "documentationFormat": ["markdown", "plaintext"]}},
                "hover": {"contentFormat": ["markdown", "plaintext"]},
                "publishDiagnostics": {"relatedInformation": False},
            }},
        })
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": {
            "validate": True, "hover": True, "completion": True,
            # no download of the public schema catalogue: our modeline names the schema
            "schemaStore": {"enable": False},
        }}})
        return result

    def open(self, uri: str, text: str) -> None:
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": text}})

    def stop(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self.process.wait(timeout=5)
        except (SystemExit, subprocess.TimeoutExpired, BrokenPipeError):
            self.process.kill()


def position(line: int, column: int) -> dict[str, int]:
    return {"line": line, "character": column}


# --- what we ask ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Probe:
    """One question to the server about one document, and what it answered.

    line and column (0-based, as in the protocol) are where the cursor or the mouse stands.
    """

    name: str
    kind: str  # completion, hover or diagnostics
    question: str
    text: str
    line: int
    column: int
    labels: tuple[str, ...] = ()
    hover: str = ""
    diagnostics: tuple[dict[str, Any], ...] = field(default=())


def with_schema(text: str) -> str:
    """The example with its modeline naming the schema by file:// URI, as the copy lives elsewhere."""
    return MODELINE.sub(f"# yaml-language-server: $schema={SCHEMA.as_uri()}", text, count=1)


def line_index(lines: list[str], pattern: str, start: int = 0) -> int:
    for index in range(start, len(lines)):
        if re.search(pattern, lines[index]):
            return index
    raise SystemExit(f"{EXAMPLE.name} no longer has a line matching {pattern!r}")


def day_probe(text: str) -> Probe:
    """An empty line inside the second day, under its title, indented as the day's fields."""
    lines = text.split("\n")
    title = line_index(lines, r"^    title: Boats at the rock")
    lines.insert(title + 1, "    ")
    return Probe("day_fields", "completion", "completion on an empty line inside a day", "\n".join(lines), title + 1, 4)


def new_day_probe(text: str) -> Probe:
    """'- ' opening a new day after the last one: every field a day can have is still free."""
    lines = text.split("\n")
    after = line_index(lines, r"^[a-z]", line_index(lines, r"^days:") + 1)
    while not lines[after - 1].strip():
        after -= 1
    lines.insert(after, "  - ")
    return Probe("new_day_fields", "completion", "completion after '- ' opening a new day", "\n".join(lines), after, 4)


def leaning_probe(text: str) -> Probe:
    """'leaning: ' with nothing after it, in the first choice of the second day."""
    lines = text.split("\n")
    at = line_index(lines, r"^          leaning: ", line_index(lines, r"^  - id: standoff"))
    lines[at] = "          leaning: "
    return Probe("leaning_values", "completion", "completion after 'leaning: '", "\n".join(lines), at, len(lines[at]))


def hover_probe(text: str) -> Probe:
    """The mouse resting on 'briefing' in the second day."""
    lines = text.split("\n")
    at = line_index(lines, r"^    briefing:", line_index(lines, r"^  - id: standoff"))
    return Probe("hover_briefing", "hover", "hover over 'briefing' in a day", text, at, 6)


def broken_probe(text: str) -> Probe:
    """Two mistakes of shape from the guide's Part 1, in one choice: a leaning 'hawkish', a field 'efects'."""
    lines = text.split("\n")
    choices = line_index(lines, r"^    choices:", line_index(lines, r"^  - id: standoff"))
    leaning = line_index(lines, r"^          leaning: hawk$", line_index(lines, r"^      south:\s*$", choices))
    misspelt = line_index(lines, r"^          effects: ", leaning)
    lines[leaning] = lines[leaning].replace("hawk", "hawkish")
    lines[misspelt] = lines[misspelt].replace("effects:", "efects:")
    return Probe("misspelt_field_and_bad_leaning", "diagnostics", "diagnostics for a leaning 'hawkish' and a field 'efects'",
                 "\n".join(lines), misspelt, 10)


def ask(server: LanguageServer, folder: Path, probe: Probe) -> Probe:
    uri = (folder / f"{probe.name}.yaml").as_uri()
    server.open(uri, probe.text)
    diagnostics = tuple(server.diagnostics_for(uri))
    where = {"textDocument": {"uri": uri}, "position": position(probe.line, probe.column)}
    if probe.kind == "hover":
        answer = server.request("textDocument/hover", where) or {}
        return Probe(**{**asdict(probe), "hover": hover_text(answer), "diagnostics": diagnostics})
    if probe.kind == "diagnostics":
        return Probe(**{**asdict(probe), "diagnostics": diagnostics})
    answer = server.request("textDocument/completion", where) or []
    items = answer["items"] if isinstance(answer, dict) else answer
    return Probe(**{**asdict(probe), "labels": tuple(item["label"] for item in items),
                    "diagnostics": diagnostics})


def hover_text(answer: dict[str, Any]) -> str:
    contents = answer.get("contents", "")
    if isinstance(contents, dict):
        return contents.get("value", "")
    if isinstance(contents, list):
        return "\n".join(part if isinstance(part, str) else part.get("value", "") for part in contents)
    return contents


def run_probes(command: list[str]) -> tuple[str, list[Probe]]:
    text = with_schema(EXAMPLE.read_text(encoding="utf-8"))
    server = LanguageServer(command)
    try:
        info = server.start(ROOT).get("serverInfo") or {}
        with tempfile.TemporaryDirectory(prefix="brink-lsp-") as folder:
            probes = [ask(server, Path(folder), make(text))
                      for make in (day_probe, new_day_probe, leaning_probe, hover_probe, broken_probe)]
    finally:
        server.stop()
    return f"{info.get('name', 'yaml-language-server')} {info.get('version', '')}".strip(), probes


# --- what we print --------------------------------------------------------------------------

def report(server: str, probes: list[Probe]) -> str:
    out = [f"{server}, schema {SCHEMA.as_uri()}", ""]
    for probe in probes:
        out.append(f"{probe.question} (line {probe.line + 1}, column {probe.column + 1}):")
        out.append(f"  > {probe.text.split(chr(10))[probe.line]}")
        if probe.labels:
            out.append("  completion: " + ", ".join(probe.labels))
        if probe.hover:
            out.extend("  hover: " + line for line in probe.hover.splitlines() if line.strip())
        for diagnostic in probe.diagnostics:
            start = diagnostic["range"]["start"]
            out.append(f"  {start['line'] + 1}:{start['character'] + 1}: {diagnostic['message']}")
        if not probe.diagnostics and not probe.labels and not probe.hover:
            out.append("  (no answer)")
        out.append("")
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", help="a yaml-language-server executable to use instead of PATH or the cache")
    parser.add_argument("--no-install", action="store_true", help="never run npm; fail if no server is found")
    parser.add_argument("--json", type=Path, help="also write the answers to this file as JSON")
    parser.add_argument("--png", type=Path, default=PICTURE, help=f"the picture to write (default {PICTURE.relative_to(ROOT)})")
    parser.add_argument("--no-png", action="store_true", help="print the answers only")
    arguments = parser.parse_args()
    command = [arguments.server, "--stdio"] if arguments.server else find_server(not arguments.no_install)
    server, probes = run_probes(command)
    print(report(server, probes))
    if arguments.json:
        arguments.json.write_text(json.dumps({"server": server, "probes": [asdict(p) for p in probes]},
                                             ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
