"""Baking: every painting a scenario needs, painted (or taken from the cache) and written as PNG.

``brink art`` is a thin front for this module. A scenario needs the base maps, a portrait of each
role and advisor (from its ``portrait:`` parameters), and a painting for each day and ending
whose ``art:`` describes one. An author's own PNG (``art: {image: ...}``) is never painted, only
checked to stay inside the scenario's folder. Files go where game/art/catalog.py says, under
``assets/art/`` or another folder with the same layout.

Each asset's seed is ``seed_for(scenario id, kind, name)``: adding a painting never changes
another one. ``manifest.json`` beside the files records what each was painted from
(game/art/manifest.py): a file is kept while its description is the same, and painted again
(from the cache when it can) when the description changed. The portrait and scene painters are
imported only when needed, so a copy of the game without them still bakes its maps.
"""

from __future__ import annotations

import importlib
import os
from collections import Counter
from concurrent.futures import as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from collections.abc import Callable, Iterable

import numpy as np

from game.art import catalog, manifest, maps, png
from game.art.cache import ArtCache, cache_key, write_bytes_atomically
from game.art.watercolor import seed_for
from game.processes import process_pool

KINDS = ("maps", "portraits", "scenes")
PORTRAIT_SIZE = 256            # the largest the screens show a face is about 150 px (1920x1080)
SCENE_SIZE = (1280, 720)       # day and ending paintings fill at most a 1280x720 window's picture area


@dataclass(frozen=True, slots=True)
class Job:
    """One painting to make: where it goes, and everything that decides its pixels.

    Plain data only, so a job can be sent to another process and painted there.
    """
    kind: str                  # "maps", "portraits" or "scenes"
    relative: Path             # its file under the art folder
    seed: int
    description: Any           # what is painted, as plain data (also the cache's key)
    size: tuple[int, int]      # width, height
    subject: Any               # what the painter is given: a map view, portrait parameters, an art value

    @property
    def fingerprint(self) -> str:
        """What the painting is painted from, as the manifest records it."""
        return manifest.fingerprint(self.kind, self.seed, self.size, self.description)


def paint(job: Job) -> np.ndarray:
    """The job's pixels, from the painter of its kind."""
    width, height = job.size
    if job.kind == "maps":
        return maps.paint_map(job.subject, width, height, job.seed)
    if job.kind == "portraits":
        painter = _painter("game.art.portraits", "paint_portrait")
        assert painter is not None  # a job is made only for a kind whose painter is there
        return painter(job.subject, width, job.seed)
    art, people = job.subject
    painter = _painter("game.art.scenes", "paint_scene")
    assert painter is not None
    return painter(art, width, height, job.seed, people=people)


# Why a painting was made again, as the summary says it.
NEW, CHANGED, UNRECORDED, FORCED = "new", "description changed", "not recorded", "forced"


@dataclass(slots=True)
class BakeReport:
    painted: list[Path] = field(default_factory=list)
    from_cache: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    reasons: dict[Path, str] = field(default_factory=dict)  # each written file: NEW, CHANGED, UNRECORDED or FORCED

    @property
    def written(self) -> list[Path]:
        return self.painted + self.from_cache

    @property
    def changed(self) -> list[Path]:
        """The files painted again because what they are painted from changed."""
        return [path for path in self.written if self.reasons.get(path) == CHANGED]

    def summary(self) -> str:
        """``painted 1 (description changed), from the cache 0, kept 35``: what a run did, and why."""
        return (f"painted {len(self.painted)}{self._why(self.painted)}, from the cache {len(self.from_cache)}"
                f"{self._why(self.from_cache)}, kept {len(self.kept)}")

    def _why(self, paths: list[Path]) -> str:
        counts = Counter(self.reasons.get(path, NEW) for path in paths)
        if len(counts) <= 1:
            return f" ({next(iter(counts))})" if counts else ""
        return " (" + ", ".join(f"{number} {reason}" for reason, number in counts.items()) + ")"


def _painter(module: str, function: str) -> Callable | None:
    try:
        return getattr(importlib.import_module(module), function)
    except (ImportError, AttributeError):
        return None


def _relative(path: Path) -> Path:
    return path.relative_to(catalog.art_folder())


def map_jobs() -> list[Job]:
    jobs = []
    for view in maps.views():
        width, height = maps.sheet_size(view)
        seed = seed_for("map", view)
        jobs.append(Job("maps", _relative(catalog.map_path(view)), seed, {"map": view}, (width, height), view))
    return jobs


def scenario_map_jobs(scenario) -> list[Job]:
    """A scenario's own map, when it declares one (``map:``)."""
    if scenario.map is None:
        return []
    subject = maps.chart_subject(scenario.map)
    seed = seed_for(scenario.id, "map")
    return [Job("maps", _relative(catalog.scenario_map_path(scenario.id)), seed, {"map": subject},
                maps.chart_size(scenario.map.bounds), subject)]


def portrait_jobs(scenario) -> list[Job]:
    people = []
    for role in scenario.roles.values():
        people.append((role.id, role.portrait))
        people.extend((advisor.id, advisor.portrait) for advisor in role.advisors)
    jobs, seen = [], set()
    for person_id, params in people:
        if person_id in seen:
            continue
        seen.add(person_id)
        params = dict(params or {})
        seed = seed_for(scenario.id, "portrait", person_id)
        jobs.append(Job("portraits", _relative(catalog.portrait_path(scenario.id, person_id)), seed,
                        {"portrait": params}, (PORTRAIT_SIZE, PORTRAIT_SIZE), params))
    return jobs


def _library_entry(art: Any) -> Any:
    """The library's composition a ``{scene: NAME}`` refers to, so editing the library repaints it."""
    name = art if isinstance(art, str) else art.get("scene") if isinstance(art, dict) else None
    if not isinstance(name, str):
        return None
    spec = importlib.import_module("game.art.scene_spec")
    try:
        return spec.library().get(name)
    except Exception:  # an unreadable library is reported by the painter itself
        return None


def cast(scenario) -> dict[str, dict]:
    """Everyone a scenario's pictures may show: its roles and advisors, by id, with their portrait words."""
    people = {}
    for role in scenario.roles.values():
        people[role.id] = dict(role.portrait or {})
        people.update((advisor.id, dict(advisor.portrait or {})) for advisor in role.advisors)
    return people


def _shown(art: Any, people: dict[str, dict]) -> dict[str, dict]:
    """The people a picture shows, with their words (the scenario's, else the library's): part of
    what decides its pixels, so changing someone's words repaints the scenes they are in."""
    spec = importlib.import_module("game.art.scene_spec")
    try:
        if spec.problems(art):
            return {}
        shown = spec.people_shown(spec.composition(art))
        known = {**spec.library_people(), **people}
    except Exception:  # a bad description is reported by the painter itself
        return {}
    return {who: dict(known[who]) for who in shown if who in known}


def scene_jobs(scenario, report: BakeReport) -> list[Job]:
    people = cast(scenario)
    pictures = [("day", day.id, day.art) for day in scenario.days]
    pictures += [("day", *day.picture_for(role_id)) for day in scenario.days for role_id in day.seen_by
                 if day.picture_for(role_id)[1] is not day.art]
    pictures += [("ending", ending.id, ending.art) for ending in scenario.endings]
    if scenario.art is not None:
        pictures.append(("scenario", "title", scenario.art))
    jobs, seen = [], set()
    width, height = SCENE_SIZE
    for kind, picture_id, art in pictures:
        if art is None:
            continue
        try:
            if catalog.authors_image(scenario.folder, art) is not None:
                continue  # the author's own picture: never painted over
        except catalog.UnsafeArtPath as error:
            report.problems.append(f"{scenario.id}: {kind} '{picture_id}': {error}")
            continue
        name = catalog.picture_name(picture_id, art)
        if name in seen:
            continue
        seen.add(name)
        shown = _shown(art, people)
        description = {"art": art, "library": _library_entry(art), "people": shown}
        seed = seed_for(scenario.id, "scene", name)
        jobs.append(Job("scenes", _relative(catalog.scene_path(scenario.id, name)), seed, description,
                        (width, height), (art, shown)))
    return jobs


def title_job() -> Job | None:
    """The title screen's painting, when the library has a composition called ``title``."""
    spec = _painter("game.art.scene_spec", "library")
    try:
        entry = spec().get("title") if spec else None
    except Exception:
        entry = None
    if entry is None:
        return None
    width, height = SCENE_SIZE
    art = {"scene": "title"}
    seed = seed_for("title")
    return Job("scenes", Path("title.png"), seed, {"art": art, "library": entry}, (width, height), (art, {}))


def plan(scenarios: Iterable, only: str | None = None, report: BakeReport | None = None) -> list[Job]:
    """Every job for these scenarios (maps and the title once), in the order they will be painted."""
    report = report if report is not None else BakeReport()
    wanted = {only} if only else set(KINDS)
    jobs: list[Job] = []
    if "maps" in wanted:
        jobs.extend(map_jobs())
    paint_portrait = _painter("game.art.portraits", "paint_portrait") if "portraits" in wanted else None
    paint_scene = _painter("game.art.scenes", "paint_scene") if "scenes" in wanted else None
    if "portraits" in wanted and paint_portrait is None:
        report.notes.append("the portrait painter (game/art/portraits.py) is not available: no portraits painted")
    if "scenes" in wanted and paint_scene is None:
        report.notes.append("the scene painter (game/art/scenes.py) is not available: no scenes painted")
    if paint_scene is not None:
        title = title_job()
        if title is not None:
            jobs.append(title)
    for scenario in scenarios:
        if "maps" in wanted:
            jobs.extend(scenario_map_jobs(scenario))
        if paint_portrait is not None:
            jobs.extend(portrait_jobs(scenario))
        if paint_scene is not None:
            jobs.extend(scene_jobs(scenario, report))
    return jobs


def bake_one(job: Job, root: Path, force: bool, cache_folder: Path | None = None) -> tuple[str, Path, str]:
    """Paint one job (or take it from the cache) and write its PNG: (outcome, file, problem).

    The outcome is "painted", "cached" or "failed"; whether to paint at all is ``bake``'s to decide.
    """
    target = Path(root) / job.relative
    cache = ArtCache(cache_folder)
    try:
        if force:
            pixels, cached = paint(job), False
            cache.put(cache_key(job.seed, job.description, job.size), pixels)
        else:
            pixels, cached = cache.painted(job.seed, job.description, job.size, lambda: paint(job))
    except Exception as error:  # a bad description must not stop the other paintings
        return "failed", target, f"{job.relative}: {type(error).__name__}: {error}"
    write_bytes_atomically(target, png.encode(pixels, palette=job.kind != "portraits"))
    return ("cached" if cached else "painted"), target, ""


def reason_to_paint(job: Job, root: Path, recorded: dict[str, str], force: bool) -> str | None:
    """Why this job must be painted (NEW, CHANGED, UNRECORDED, FORCED), or None: its file is there and
    was painted from the same description."""
    if not (Path(root) / job.relative).exists():
        return NEW
    if force:
        return FORCED
    was = recorded.get(job.relative.as_posix())
    if was is None:
        return UNRECORDED
    return None if was == job.fingerprint else CHANGED


def bake(jobs: list[Job], out: Path | None = None, force: bool = False, cache: ArtCache | None = None,
         progress: Callable[[int, int, Job], None] | None = None, report: BakeReport | None = None,
         workers: int = 1) -> BakeReport:
    """Paint every job whose file is missing or whose description changed since it was painted (every
    job, with ``force``), write its PNG, and record what it was painted from in the folder's manifest.

    With ``workers`` > 1 the paintings are shared among that many processes: each painting is
    seeded on its own, so the pixels do not depend on who painted what, or in which order.
    """
    report = report if report is not None else BakeReport()
    root = Path(out) if out is not None else catalog.art_folder()
    folder = (cache if cache is not None else ArtCache()).folder
    outcomes = {"painted": report.painted, "cached": report.from_cache}
    recorded = manifest.read(root)
    record_now = dict(recorded)
    to_paint = []
    for job in jobs:
        reason = reason_to_paint(job, root, recorded, force)
        if reason is None:
            report.kept.append(root / job.relative)
        else:
            to_paint.append((job, reason))

    def record(number: int, job: Job, reason: str, result: tuple[str, Path, str]) -> None:
        outcome, target, problem = result
        if outcome == "failed":
            report.problems.append(problem)
        else:
            outcomes[outcome].append(target)
            report.reasons[target] = reason
            record_now[job.relative.as_posix()] = job.fingerprint
        if progress:
            progress(len(report.kept) + number, len(jobs), job)

    if progress and jobs:
        progress(len(report.kept), len(jobs), (to_paint[0][0] if to_paint else jobs[-1]))
    try:
        if workers <= 1 or len(to_paint) <= 1:
            for number, (job, reason) in enumerate(to_paint, start=1):
                record(number, job, reason, bake_one(job, root, force, folder))
        else:
            _bake_in_processes(to_paint, root, force, folder, workers, record)
    finally:  # what was painted stays recorded, even when the run is interrupted
        if record_now != recorded:
            manifest.write(root, record_now)
    return report


def _bake_in_processes(to_paint: list[tuple[Job, str]], root: Path, force: bool, folder: Path, workers: int,
                       record: Callable[[int, Job, str, tuple[str, Path, str]], None]) -> None:
    pool = process_pool(workers)
    try:
        futures = {pool.submit(bake_one, job, root, force, folder): (job, reason) for job, reason in to_paint}
        for number, future in enumerate(as_completed(futures), start=1):
            record(number, *futures[future], future.result())
    except BaseException:  # Ctrl-C: drop the paintings not started rather than wait for them all
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def progress_bar(stream) -> Callable[[int, int, Job], None]:
    """A plain ``\\r`` progress bar on a terminal: no dependency, one line rewritten in place.

    Into a log or a pipe, where ``\\r`` does not rewrite anything, it writes one short line at each
    tenth of the work instead, so a CI log gets ten lines, not one per painting.
    """
    if not _is_terminal(stream):
        reported = set()

        def note(done: int, total: int, job: Job) -> None:
            tenth = 10 * done // max(1, total)
            if tenth in reported:
                return
            reported.add(tenth)
            stream.write(f"painted {done}/{total}\n")
            stream.flush()
        return note

    def show(done: int, total: int, job: Job) -> None:
        width = 28
        filled = round(width * done / max(1, total))
        label = str(job.relative) if done < total else "done"
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label[:48]:<48}")
        if done >= total:
            stream.write("\n")
        stream.flush()
    return show


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# --- the contact sheet ---------------------------------------------------------------------------

def _thumbnail(image: np.ndarray, height: int) -> np.ndarray:
    """Shrink by averaging blocks of pixels, then pick rows and columns for the exact height."""
    factor = max(1, image.shape[0] // height)
    h, w = (image.shape[0] // factor) * factor, (image.shape[1] // factor) * factor
    small = image[:h, :w].reshape(h // factor, factor, w // factor, factor, 3).mean(axis=(1, 3))
    width = max(1, round(small.shape[1] * height / small.shape[0]))
    rows = np.minimum((np.arange(height) * small.shape[0] / height).astype(int), small.shape[0] - 1)
    cols = np.minimum((np.arange(width) * small.shape[1] / width).astype(int), small.shape[1] - 1)
    return small[rows][:, cols].astype(np.uint8)


def contact_sheet(files: Iterable[Path], width: int = 1800, row_height: int = 150, gap: int = 8,
                  paper: tuple[int, int, int] = (238, 227, 204),
                  label: Callable[[str, int], np.ndarray] | None = None) -> np.ndarray:
    """Every painting in ``files`` as thumbnails, row after row on paper: a page to look over at once.

    ``label(text, width)``, when given, renders a caption (an RGB array on the same paper) to put
    under each thumbnail: the file's name. Text needs fonts, which ``game/art`` does not draw.
    """
    tiles = []
    for path in files:
        try:
            image = png.decode(Path(path).read_bytes())
        except (OSError, png.PNGError):
            continue
        thumb = _thumbnail(image, row_height)[:, :width - 2 * gap]
        caption = label(Path(path).stem, thumb.shape[1]) if label else None
        if caption is not None:
            caption = caption[:, :thumb.shape[1]]
            tile = np.empty((thumb.shape[0] + caption.shape[0], thumb.shape[1], 3), dtype=np.uint8)
            tile[:] = paper
            tile[:thumb.shape[0]] = thumb
            tile[thumb.shape[0]:, :caption.shape[1]] = caption
            thumb = tile
        tiles.append(thumb)
    tile_height = max((tile.shape[0] for tile in tiles), default=row_height)
    rows: list[list[np.ndarray]] = []
    row: list[np.ndarray] = []
    used = gap
    for tile in tiles:
        if row and used + tile.shape[1] + gap > width:
            rows.append(row)
            row, used = [], gap
        row.append(tile)
        used += tile.shape[1] + gap
    if row:
        rows.append(row)
    sheet = np.empty((gap + len(rows) * (tile_height + gap), width, 3), dtype=np.uint8)
    sheet[:] = paper
    y = gap
    for row in rows:
        x = gap
        for tile in row:
            sheet[y:y + tile.shape[0], x:x + tile.shape[1]] = tile
            x += tile.shape[1] + gap
        y += tile_height + gap
    return sheet


def lineup(groups: Iterable[tuple[str, list[tuple[str, Path]]]], tile: int = 128, columns: int = 7, gap: int = 10,
           paper: tuple[int, int, int] = (238, 227, 204),
           label: Callable[[str, int], np.ndarray] | None = None) -> np.ndarray:
    """Everyone's portrait side by side, a group (a scenario's cast) to a block, each under a name.

    ``groups`` is (heading, [(name, portrait file)]); ``label`` draws a line of text as for the
    contact sheet (the heading above each block, the name under each face).
    """
    blocks = []
    width = gap + columns * (tile + gap)
    for heading, people in groups:
        rows = []
        for start in range(0, len(people), columns):
            row = np.empty((tile + 34, width, 3), dtype=np.uint8)
            row[:] = paper
            for index, (name, path) in enumerate(people[start:start + columns]):
                try:
                    image = png.decode(Path(path).read_bytes())
                except (OSError, png.PNGError):
                    continue
                x = gap + index * (tile + gap)
                row[4:4 + tile, x:x + tile] = _thumbnail(image, tile)[:, :tile]
                caption = label(name, tile) if label else None
                if caption is not None:
                    row[tile + 6:tile + 6 + caption.shape[0], x:x + caption.shape[1]] = \
                        caption[:row.shape[0] - tile - 6, :tile]
            rows.append(row)
        title = label(heading, width - 2 * gap) if label else None
        if title is not None:
            band = np.empty((title.shape[0] + 8, width, 3), dtype=np.uint8)
            band[:] = paper
            band[6:6 + title.shape[0], gap:gap + title.shape[1]] = title
            rows.insert(0, band)
        blocks.extend(rows)
    if not blocks:
        return np.full((tile, width, 3), paper, dtype=np.uint8)
    return np.vstack(blocks)


def baked_files(root: Path | None = None) -> list[Path]:
    """The baked paintings under an art folder: maps first, then the title, portraits and scenes."""
    root = Path(root) if root is not None else catalog.art_folder()
    order = [sorted((root / "map").glob("*.png")), [path for path in [root / "title.png"] if path.is_file()],
             sorted((root / "portraits").glob("*/*.png")), sorted((root / "scenes").glob("*/*.png"))]
    return [path for group in order for path in group]
