"""Write the painter's vocabulary (portrait words, picture language, library scene names) into
game/scenario/scenario.schema.json, keeping the rest of the hand-written schema as it is.

    python scripts/sync_schema_vocabulary.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.art.schema_parts import definitions  # noqa: E402

SCHEMA = ROOT / "game" / "scenario" / "scenario.schema.json"


def main() -> int:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    schema["definitions"].update(definitions())
    SCHEMA.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {SCHEMA.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
