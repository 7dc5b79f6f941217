"""Write the painter's vocabulary (portrait words, picture language, library scene names, region
words) into game/scenario/scenario.schema.json, keeping the rest of the hand-written schema as it
is, and the list of region words into docs/scenario-format.md (between its ``<!-- regions -->``
marks).

    python scripts/sync_schema_vocabulary.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game import geography  # noqa: E402
from game.art.schema_parts import definitions  # noqa: E402

SCHEMA = ROOT / "game" / "scenario" / "scenario.schema.json"
REFERENCE = ROOT / "docs" / "scenario-format.md"
START, END = "<!-- regions -->", "<!-- /regions -->"


def region_list() -> str:
    """Every region word in backticks, a line of them at a time, as the reference shows them."""
    words = [f"`{word}`" for word in geography.regions()]
    lines, line = [], ""
    for word in words:
        if line and len(line) + len(word) + 2 > 100:
            lines.append(line + ",")
            line = ""
        line = f"{line}, {word}" if line else word
    return "\n".join([*lines, line])


def main() -> int:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    schema["definitions"].update(definitions())
    SCHEMA.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {SCHEMA.relative_to(ROOT)}")
    reference = REFERENCE.read_text(encoding="utf-8")
    before, rest = reference.split(START, 1)
    after = rest.split(END, 1)[1]
    REFERENCE.write_text(f"{before}{START}\n{region_list()}\n{END}{after}", encoding="utf-8")
    print(f"wrote the region words into {REFERENCE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
