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
from dataclasses import asdict, dataclass, field, replace
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
        assert self.process.stdin is not None  # started with stdin=PIPE
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
        assert stream is not None  # started with stdout=PIPE
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
    items: tuple[dict[str, Any], ...] = ()  # completion: label, kind, detail, documentation
    hover: str = ""
    diagnostics: tuple[dict[str, Any], ...] = field(default=())
    uri: str = ""  # where the document is; a temporary folder unless given

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(item["label"] for item in self.items)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


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


def shipped_probe(path: Path) -> Probe:
    """Hover over 'days' in a scenario as shipped, at its real place: its modeline's relative path must resolve."""
    text = path.read_text(encoding="utf-8")
    at = text.split("\n").index("days:")
    return Probe(f"shipped_{path.parent.name}", "hover", f"hover over 'days' in {path.relative_to(ROOT).as_posix()} as shipped",
                 text, at, 1, uri=path.as_uri())


def ask(server: LanguageServer, folder: Path, probe: Probe) -> Probe:
    uri = probe.uri or (folder / f"{probe.name}.yaml").as_uri()
    server.open(uri, probe.text)
    diagnostics = tuple(server.diagnostics_for(uri))
    where = {"textDocument": {"uri": uri}, "position": position(probe.line, probe.column)}
    if probe.kind == "hover":
        answer = server.request("textDocument/hover", where) or {}
        return replace(probe, hover=hover_text(answer), diagnostics=diagnostics)
    if probe.kind == "diagnostics":
        return replace(probe, diagnostics=diagnostics)
    answer = server.request("textDocument/completion", where) or []
    items = answer["items"] if isinstance(answer, dict) else answer  # a CompletionList or a bare list
    return replace(probe, items=tuple(completion_item(item) for item in items), diagnostics=diagnostics)


def completion_item(item: dict[str, Any]) -> dict[str, Any]:
    """What a completion list shows of an item; the edit it would make is left out."""
    documentation = item.get("documentation", "")
    if isinstance(documentation, dict):
        documentation = documentation.get("value", "")
    return {"label": item["label"], "kind": item.get("kind", 0), "detail": item.get("detail", ""),
            "documentation": documentation}


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
            probes += [ask(server, Path(folder), shipped_probe(path))
                       for path in sorted((ROOT / "scenarios").glob("*/scenario.yaml"))]
    finally:
        server.stop()
    return f"{info.get('name', 'yaml-language-server')} {info.get('version', '')}".strip(), probes


# --- what we print --------------------------------------------------------------------------

def report(server: str, probes: list[Probe]) -> str:
    """Each question, the line it was asked on, and the answer as the server gave it."""
    out = [f"{server}, schema {SCHEMA.relative_to(ROOT).as_posix()}", ""]
    for probe in probes:
        out.append(f"{probe.question} (line {probe.line + 1}, column {probe.column + 1}):")
        out.append(f"  > {probe.lines[probe.line]}")
        if probe.kind == "completion":
            out.append("  completion: " + (", ".join(probe.labels) or "(nothing)"))
        if probe.kind == "hover":
            out.extend("  hover: " + line for line in probe.hover.splitlines() if line.strip())
            if not probe.hover.strip():
                out.append("  hover: (nothing)")
        for diagnostic in probe.diagnostics:
            start = diagnostic["range"]["start"]
            out.append(f"  underlined {start['line'] + 1}:{start['character'] + 1}: {diagnostic['message']}")
        if not probe.diagnostics:
            out.append("  underlined: nothing")
        out.append("")
    return "\n".join(out)


# --- what we draw ---------------------------------------------------------------------------
# Colours of a dark editor theme, so the picture reads as the editor it stands in for.
BACKGROUND = (30, 30, 30)
PANE_TITLE = (45, 45, 48)
GUTTER = (133, 133, 133)
CURRENT_LINE = (40, 40, 40)
PLAIN = (212, 212, 212)
KEY = (156, 220, 254)
STRING = (206, 145, 120)
NUMBER = (181, 206, 168)
COMMENT = (106, 153, 85)
WIDGET = (37, 37, 38)
WIDGET_BORDER = (69, 69, 69)
SELECTED = (4, 57, 94)
MATCH = (24, 163, 255)
ERROR = (241, 76, 76)
LINK = (62, 166, 255)
CAPTION = (230, 226, 214)
KIND_COLOURS = {10: (117, 190, 255), 12: (238, 157, 40), 7: (197, 134, 192)}  # property, value, class
YAML_KEY = re.compile(r"^(\s*(?:- )?)([A-Za-z_][\w]*)(:)(.*)$")


@dataclass(frozen=True, slots=True)
class Fonts:
    code: Any
    bold_code: Any
    title: Any
    caption: Any

    @property
    def line_height(self) -> int:
        return self.code.get_linesize() + 3


def load_fonts(pygame: Any) -> Fonts:
    """A monospaced font if the system has one (pygame's default otherwise), Vollkorn for the words."""
    fonts = ROOT / "assets" / "fonts"
    mono = pygame.font.match_font("dejavusansmono,liberationmono,consolas,menlo,couriernew")
    mono_bold = pygame.font.match_font("dejavusansmono,liberationmono,consolas,menlo,couriernew", bold=True)
    return Fonts(pygame.font.Font(mono, 18), pygame.font.Font(mono_bold or mono, 18),
                 pygame.font.Font(str(fonts / "Vollkorn-SemiBold.ttf"), 21),
                 pygame.font.Font(str(fonts / "Vollkorn-Italic.ttf"), 22))


def tokens(line: str) -> list[tuple[str, tuple[int, int, int]]]:
    """Just enough YAML colouring to read the file: comments, keys, quoted strings, numbers."""
    if line.lstrip().startswith("#"):
        return [(line, COMMENT)]
    match = YAML_KEY.match(line)
    if not match:
        return [(line, PLAIN)]
    indent, key, colon, value = match.groups()
    stripped = value.strip()
    colour = NUMBER if re.fullmatch(r"-?[\d.]+", stripped) else PLAIN if stripped[:1] in "{[" else STRING
    return [(indent, PLAIN), (key, KEY), (colon, PLAIN), (value, colour)]


def wrap(font: Any, text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and font.size(candidate)[0] > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def markdown_lines(text: str) -> list[tuple[str, str]]:
    """The server's markdown as (style, text) rows: heading, code, rule, link or plain."""
    rows: list[tuple[str, str]] = []
    in_code = False
    for line in text.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif in_code:
            rows.append(("code", line))
        elif line.startswith("#"):
            rows.append(("heading", line.lstrip("# ")))
        elif set(line.strip()) == {"-"}:
            rows.append(("rule", ""))
        elif line.strip():
            plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
            rows.append(("link" if plain != line else "plain", plain))
    return rows


class Pane:
    """One editor view of one probe's document: a title strip, line numbers, coloured code."""

    def __init__(self, pygame: Any, surface: Any, rect: Any, fonts: Fonts, probe: Probe, title: str) -> None:
        self.pygame, self.surface, self.fonts, self.probe = pygame, surface, fonts, probe
        self.rect = rect
        pygame.draw.rect(surface, BACKGROUND, rect)
        strip = pygame.Rect(rect.x, rect.y, rect.width, 34)
        pygame.draw.rect(surface, PANE_TITLE, strip)
        surface.blit(fonts.title.render(title, True, CAPTION), (strip.x + 12, strip.y + 4))
        self.code_top = strip.bottom + 8
        self.gutter = fonts.code.size("9999")[0] + 24
        self.rows = (rect.bottom - self.code_top - 6) // fonts.line_height

    def draw_code(self, first: int) -> None:
        """Lines from `first` on; the probe's line gets the current-line band.

        Everything drawn after this stays inside the pane, as an editor's widgets do.
        """
        pygame, fonts = self.pygame, self.fonts
        self.first = first
        self.surface.set_clip(self.rect)
        lines = self.probe.lines
        for row in range(self.rows):
            index = first + row
            if index >= len(lines):
                break
            y = self.code_top + row * fonts.line_height
            if index == self.probe.line:
                pygame.draw.rect(self.surface, CURRENT_LINE, (self.rect.x, y - 1, self.rect.width, fonts.line_height))
            number = fonts.code.render(str(index + 1), True, PLAIN if index == self.probe.line else GUTTER)
            self.surface.blit(number, (self.rect.x + self.gutter - 14 - number.get_width(), y))
            x = self.rect.x + self.gutter
            for text, colour in tokens(lines[index]):
                if text:
                    self.surface.blit(fonts.code.render(text, True, colour), (x, y))
                    x += fonts.code.size(text)[0]

    def at(self, line: int, column: int) -> tuple[int, int]:
        """The top-left pixel of a character."""
        prefix = self.probe.lines[line][:column]
        return (self.rect.x + self.gutter + self.fonts.code.size(prefix)[0],
                self.code_top + (line - self.first) * self.fonts.line_height)

    def draw_cursor(self) -> None:
        x, y = self.at(self.probe.line, self.probe.column)
        self.pygame.draw.rect(self.surface, PLAIN, (x, y, 2, self.fonts.line_height - 2))

    def box(self, x: int, y: int, width: int, height: int) -> Any:
        rect = self.pygame.Rect(x, y, width, height)
        self.pygame.draw.rect(self.surface, WIDGET, rect)
        self.pygame.draw.rect(self.surface, WIDGET_BORDER, rect, 1)
        return rect

    def draw_completion(self) -> None:
        """The list under the cursor, the first item selected, its documentation beside it.

        A list longer than the pane has room for shows its first items and a scroll bar, as an
        editor's list does.
        """
        pygame, fonts, items = self.pygame, self.fonts, self.probe.items
        x, y = self.at(self.probe.line, self.probe.column)
        row = fonts.line_height + 2
        top = y + fonts.line_height + 2
        shown = min(len(items), (self.rect.bottom - top - 10) // row)
        width = max(200, max(fonts.code.size(item["label"])[0] for item in items) + 56)
        popup = self.box(x - 24, top, width, row * shown + 6)
        for number, item in enumerate(items[:shown]):
            top = popup.y + 3 + number * row
            if number == 0:
                pygame.draw.rect(self.surface, SELECTED, (popup.x + 1, top, popup.width - 2, row))
            colour = KIND_COLOURS.get(item["kind"], PLAIN)
            pygame.draw.rect(self.surface, colour, (popup.x + 10, top + row // 2 - 6, 12, 12), 2)
            self.surface.blit(fonts.code.render(item["label"], True, PLAIN), (popup.x + 32, top + 1))
        if shown < len(items):
            thumb = (popup.height - 6) * shown // len(items)
            pygame.draw.rect(self.surface, (121, 121, 121), (popup.right - 8, popup.y + 3, 6, thumb))
        self.draw_documentation(items[0], popup)

    def draw_documentation(self, item: dict[str, Any], popup: Any) -> None:
        left = popup.right + 2
        width = self.rect.right - left - 10
        if width < 160 or not item["documentation"]:
            return
        rows: list[tuple[str, str]] = [("heading", item["label"])]
        if item["detail"]:
            rows.append(("plain", item["detail"]))
        rows += markdown_lines(item["documentation"])
        self.draw_rows(rows, left, popup.y, width)

    def draw_rows(self, rows: list[tuple[str, str]], left: int, top: int, width: int, above: bool = False) -> None:
        """Wrapped markdown rows in a box at (left, top), or ending at top when above."""
        fonts = self.fonts
        lines: list[tuple[str, str]] = []
        for style, text in rows:
            font = fonts.bold_code if style == "heading" else fonts.code
            pieces = [text] if style in ("code", "rule") else wrap(font, text, width - 20)
            lines += [(style, piece) for piece in pieces]
        height = len(lines) * fonts.line_height + 12
        box = self.box(left, top - height if above else top, width, height)
        for number, (style, text) in enumerate(lines):
            y = box.y + 6 + number * fonts.line_height
            if style == "rule":
                self.pygame.draw.line(self.surface, WIDGET_BORDER, (box.x + 8, y + 10), (box.right - 8, y + 10))
                continue
            font = fonts.bold_code if style == "heading" else fonts.code
            colour = {"code": STRING, "link": LINK, "heading": PLAIN}.get(style, PLAIN)
            self.surface.blit(font.render(text, True, colour), (box.x + 10, y))

    def draw_hover(self) -> None:
        """The hover box above the word under the mouse, starting where the word starts."""
        x, y = self.at(self.probe.line, self.probe.column)
        line = self.probe.lines[self.probe.line]
        left, _ = self.at(self.probe.line, len(line) - len(line.lstrip()))
        self.draw_rows(markdown_lines(self.probe.hover), left, y - 4, self.rect.right - left - 10, above=True)
        self.draw_pointer(x + 4, y + self.fonts.line_height - 4)

    def draw_pointer(self, x: int, y: int) -> None:
        """A mouse arrow, so that the hover box has a visible cause."""
        points = [(x, y), (x, y + 18), (x + 5, y + 14), (x + 9, y + 22), (x + 12, y + 20), (x + 8, y + 13), (x + 14, y + 13)]
        self.pygame.draw.polygon(self.surface, (255, 255, 255), points)
        self.pygame.draw.polygon(self.surface, (0, 0, 0), points, 1)

    def draw_squiggles(self) -> None:
        for diagnostic in self.probe.diagnostics:
            start, end = diagnostic["range"]["start"], diagnostic["range"]["end"]
            left, top = self.at(start["line"], start["character"])
            right, _ = self.at(end["line"], max(end["character"], start["character"] + 1)) if end["line"] == start["line"] else self.at(start["line"], len(self.probe.lines[start["line"]]))
            base = top + self.fonts.line_height - 3
            points = [(x, base + (2 if (x // 3) % 2 else -1)) for x in range(left, right + 1, 3)]
            if len(points) > 1:
                self.pygame.draw.lines(self.surface, ERROR, False, points, 2)

    def draw_problems(self, left: int, top: int, width: int) -> None:
        """The messages as a Problems list: where, then what the server said."""
        fonts, surface = self.fonts, self.surface
        surface.blit(fonts.bold_code.render("PROBLEMS", True, PLAIN), (left, top))
        y = top + fonts.line_height + 6
        for diagnostic in self.probe.diagnostics:
            start = diagnostic["range"]["start"]
            self.pygame.draw.circle(surface, ERROR, (left + 8, y + fonts.line_height // 2 - 1), 7)
            surface.blit(fonts.bold_code.render("x", True, BACKGROUND), (left + 3, y - 2))
            for line in wrap(fonts.code, diagnostic["message"], width - 30):
                surface.blit(fonts.code.render(line, True, PLAIN), (left + 24, y))
                y += fonts.line_height
            where = f"{diagnostic.get('source', 'yaml')}  [Ln {start['line'] + 1}, Col {start['character'] + 1}]"
            surface.blit(fonts.code.render(where, True, GUTTER), (left + 24, y))
            y += fonts.line_height + 10


PANE_TITLES = {
    "day_fields": "Ctrl+Space on an empty line inside a day",
    "new_day_fields": "Ctrl+Space after '- ' starting a new day",
    "leaning_values": "Ctrl+Space after 'leaning: '",
    "hover_briefing": "The mouse resting on 'briefing'",
    "misspelt_field_and_bad_leaning": "A leaning 'hawkish' and a field 'efects'",
}
PICTURE_SIZE = (1480, 1300)
MARGIN = 20


def draw_picture(server: str, probes: list[Probe], path: Path) -> None:
    """Five editor panes from the server's answers, then the caption that says where they come from."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    pygame.font.init()
    fonts = load_fonts(pygame)
    surface = pygame.Surface(PICTURE_SIZE)
    surface.fill((22, 22, 22))
    by_name = {probe.name: probe for probe in probes}
    width, height = PICTURE_SIZE
    half = (width - 3 * MARGIN) // 2
    row_height = 370
    grid = [("day_fields", 0, 0), ("new_day_fields", 1, 0), ("leaning_values", 0, 1), ("hover_briefing", 1, 1)]
    for name, column, row in grid:
        rect = pygame.Rect(MARGIN + column * (half + MARGIN), MARGIN + row * (row_height + MARGIN), half, row_height)
        pane = Pane(pygame, surface, rect, fonts, by_name[name], PANE_TITLES[name])
        probe = by_name[name]
        if probe.kind == "hover":
            pane.draw_code(probe.line - pane.rows + 3)
            pane.draw_hover()
        else:
            pane.draw_code(probe.line - (1 if len(probe.items) > 6 else 3))
            pane.draw_cursor()
            pane.draw_completion()
        surface.set_clip(None)
    broken = by_name["misspelt_field_and_bad_leaning"]
    top = MARGIN + 2 * (row_height + MARGIN)
    rect = pygame.Rect(MARGIN, top, width - 2 * MARGIN, 300)
    pane = Pane(pygame, surface, rect, fonts, broken, PANE_TITLES[broken.name])
    pane.rect = pygame.Rect(rect.x, rect.y, half, rect.height)
    pane.draw_code(broken.line - 6)
    pane.draw_squiggles()
    surface.set_clip(None)
    pane.rect = rect
    pane.draw_problems(rect.x + half + MARGIN, pane.code_top, half - 2 * MARGIN)
    caption = ("Completion, hover and diagnostics as the YAML language server (the engine of VS Code's YAML "
               "extension) answered them for this file")
    detail = (f"{server}, asked by scripts/editor_completion.py about docs/examples/three_day_crisis.yaml; "
              "its first line names game/scenario/scenario.schema.json")
    y = rect.bottom + 16
    for line in wrap(fonts.caption, caption, width - 2 * MARGIN) + wrap(fonts.caption, detail, width - 2 * MARGIN):
        surface.blit(fonts.caption.render(line, True, CAPTION), (MARGIN, y))
        y += fonts.caption.get_linesize()
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface.subsurface((0, 0, width, min(height, y + MARGIN))), str(path))


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
    if not arguments.no_png:
        draw_picture(server, probes, arguments.png)
        print(f"wrote {arguments.png}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
