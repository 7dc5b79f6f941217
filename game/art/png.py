"""PNG files from and to numpy arrays with zlib alone, so the painter and its cache need no pygame.

Writing: 8-bit RGB, or an adaptive 256-colour palette (median cut over a 6-bit-per-channel
histogram) when a painting must be small on disk; watercolor's paper grain dithers the palette
on its own. An RGB row takes the filter (None, Sub or Up) that leaves the smallest residue;
palette indices are stored unfiltered (differences of indices mean nothing, and compress worse).
Reading handles any 8-bit RGB, RGBA, grey or palette PNG without interlacing.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

SIGNATURE = b"\x89PNG\r\n\x1a\n"
HEADER_BYTES = 24  # the signature, then the IHDR chunk's length, type, width and height
# A picture the game shows is at most a few million pixels; 4096x4096 leaves room for any
# screen. A 1 MB file can claim 20000x20000 (1.6 GB once decoded): the size is read first.
MAX_PIXELS = 4096 * 4096


class PNGError(ValueError):
    """Bytes that are not a PNG this module can read (truncated, corrupt, or an unsupported kind)."""


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _filtered_rows(rows: np.ndarray, bpp: int) -> bytes:
    """Rows (H, W*bpp) uint8, each prefixed by the filter byte that compresses it best."""
    height = rows.shape[0]
    sub = rows.copy()
    sub[:, bpp:] = rows[:, bpp:] - rows[:, :-bpp]
    up = rows.copy()
    up[1:] = rows[1:] - rows[:-1]
    candidates = np.stack((rows, sub, up))                      # filter types 0, 1, 2
    cost = np.abs(candidates.astype(np.int8).astype(np.int32)).sum(axis=2)
    choice = cost.argmin(axis=0)
    chosen = candidates[choice, np.arange(height)]
    return np.column_stack((choice.astype(np.uint8), chosen)).tobytes()


def encode(pixels: np.ndarray, palette: bool = False, level: int = 9) -> bytes:
    """A PNG of an (H, W, 3) uint8 image; ``palette`` reduces it to 256 colours first."""
    image = np.ascontiguousarray(pixels, dtype=np.uint8)
    if image.ndim != 3 or image.shape[2] != 3:
        raise ValueError(f"expected an (H, W, 3) image, got {image.shape}")
    height, width = image.shape[:2]
    if palette:
        colours, indices = quantize(image)
        header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)
        body = np.column_stack((np.zeros(height, dtype=np.uint8), indices)).tobytes()  # indices: no filter
        extra = _chunk(b"PLTE", colours.tobytes())
    else:
        header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
        body = _filtered_rows(image.reshape(height, width * 3), 3)
        extra = b""
    return (SIGNATURE + _chunk(b"IHDR", header) + extra + _chunk(b"IDAT", zlib.compress(body, level))
            + _chunk(b"IEND", b""))


WEIGHT_CAP = 64  # pixels: see ``quantize``


def quantize(image: np.ndarray, colours: int = 256) -> tuple[np.ndarray, np.ndarray]:
    """An adaptive palette by median cut, and each pixel's index into it: (palette (K, 3), indices (H, W))."""
    bins = (image >> 2).astype(np.int32)
    keys = (bins[..., 0] << 12) | (bins[..., 1] << 6) | bins[..., 2]
    counts = np.bincount(keys.ravel(), minlength=1 << 18)
    present = np.nonzero(counts)[0]
    # each colour counts for as many pixels as it covers, up to a cap: a wall or a sky spread over
    # half the sheet no longer takes the palette from a face a few hundred pixels wide (weighted
    # by its whole count, a head's skin got a handful of colours, and a soft highlight on a small
    # forehead became a hard white splinter)
    weights = np.minimum(counts[present], WEIGHT_CAP).astype(np.float64)
    cells = np.column_stack(((present >> 12) & 63, (present >> 6) & 63, present & 63)).astype(np.float64) * 4 + 1.5
    boxes = [np.arange(len(present))]
    while len(boxes) < colours:
        spans = [np.ptp(cells[box], axis=0).max() * np.sqrt(weights[box].sum()) if len(box) > 1 else -1.0
                 for box in boxes]
        widest = int(np.argmax(spans))
        if spans[widest] <= 0:
            break
        box = boxes.pop(widest)
        axis = int(np.ptp(cells[box], axis=0).argmax())
        order = box[np.argsort(cells[box, axis], kind="stable")]
        cumulative = np.cumsum(weights[order])
        cut = int(np.searchsorted(cumulative, cumulative[-1] / 2)) + 1
        cut = min(max(cut, 1), len(order) - 1)
        boxes.extend((order[:cut], order[cut:]))
    palette = np.array([np.average(cells[box], axis=0, weights=weights[box]) for box in boxes])
    palette = np.clip(np.round(palette), 0, 255)
    lookup = np.zeros(1 << 18, dtype=np.uint8)
    for start in range(0, len(present), 8192):  # nearest palette colour for every colour present
        chunk = cells[start:start + 8192]
        distance = ((chunk[:, None, :] - palette[None, :, :]) ** 2).sum(axis=2)
        lookup[present[start:start + 8192]] = distance.argmin(axis=1)
    return palette.astype(np.uint8), lookup[keys]


def dimensions(data: bytes) -> tuple[int, int] | None:
    """(width, height) from the first ``HEADER_BYTES`` of a PNG, without decoding it; None if not a PNG."""
    if len(data) < HEADER_BYTES or not data.startswith(SIGNATURE) or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def decode(data: bytes) -> np.ndarray:
    """An (H, W, 3) uint8 image from PNG bytes (alpha, if any, is dropped)."""
    if not data.startswith(SIGNATURE):
        raise PNGError("not a PNG file")
    position, header, palette, compressed = len(SIGNATURE), None, None, []
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        crc = data[position + 8 + length:position + 12 + length]
        if len(body) != length or len(crc) != 4 or struct.unpack(">I", crc)[0] != zlib.crc32(kind + body) & 0xFFFFFFFF:
            raise PNGError("a chunk is truncated or corrupt")
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = np.frombuffer(body, dtype=np.uint8).reshape(-1, 3)
        elif kind == b"IDAT":
            compressed.append(body)
        elif kind == b"IEND":
            break
        position += 12 + length
    if header is None:
        raise PNGError("no image header")
    width, height, depth, colour_type, _compression, _filter, interlace = header
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}.get(colour_type)
    if depth != 8 or interlace or channels is None or (colour_type == 3 and palette is None):
        raise PNGError(f"unsupported PNG (depth {depth}, colour type {colour_type}, interlace {interlace})")
    if width * height > MAX_PIXELS:
        raise PNGError(f"the image is {width}x{height} pixels; at most {MAX_PIXELS:,} pixels are read")
    stride = width * channels
    expected = height * (stride + 1)
    try:  # never inflate past what the header promises: a small file can expand to gigabytes
        inflater = zlib.decompressobj()
        raw = inflater.decompress(b"".join(compressed), expected + 1)
    except zlib.error as error:
        raise PNGError(f"corrupt image data: {error}") from None
    if len(raw) != expected:
        raise PNGError("image data has the wrong length")
    rows = _unfilter(np.frombuffer(raw, dtype=np.uint8).reshape(height, stride + 1), channels)
    image = rows.reshape(height, width, channels)
    if colour_type == 3:
        assert palette is not None  # refused above when missing
        return palette[image[..., 0]]
    if channels <= 2:
        return np.repeat(image[..., :1], 3, axis=2)
    return np.ascontiguousarray(image[..., :3])


def _unfilter(filtered: np.ndarray, bpp: int) -> np.ndarray:
    height, stride = filtered.shape[0], filtered.shape[1] - 1
    out = np.zeros((height, stride), dtype=np.uint8)
    previous = np.zeros(stride, dtype=np.uint8)
    for y in range(height):
        kind, line = filtered[y, 0], filtered[y, 1:]
        if kind == 0:
            row = line.copy()
        elif kind == 1:  # Sub: a running sum per channel, modulo 256
            row = np.cumsum(line.reshape(-1, bpp), axis=0, dtype=np.uint8).reshape(-1)
        elif kind == 2:
            row = line + previous
        elif kind in (3, 4):
            row = _unfilter_slow(line, previous, bpp, kind)
        else:
            raise PNGError(f"unknown filter type {kind}")
        out[y] = row
        previous = row
    return out


def _unfilter_slow(line: np.ndarray, previous: np.ndarray, bpp: int, kind: int) -> np.ndarray:
    """Average and Paeth depend on the pixel just decoded: done a pixel at a time (other writers' files)."""
    row = np.zeros(len(line), dtype=np.int32)
    up = previous.astype(np.int32)
    for i in range(len(line)):
        left = row[i - bpp] if i >= bpp else 0
        corner = up[i - bpp] if i >= bpp else 0
        if kind == 3:
            predictor = (left + up[i]) // 2
        else:
            p = left + up[i] - corner
            pa, pb, pc = abs(p - left), abs(p - up[i]), abs(p - corner)
            predictor = left if pa <= pb and pa <= pc else (up[i] if pb <= pc else corner)
        row[i] = (int(line[i]) + predictor) & 0xFF
    return row.astype(np.uint8)
