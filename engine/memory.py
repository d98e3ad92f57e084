"""Memory bounded by design: estimate a run's peak before it starts and refuse what would not fit.

A run that would not fit is refused with the figures, instead of swapping the machine to a halt
or dying with ``Unable to allocate 1.42 TiB`` halfway.

The limit is half the machine's RAM by default; ``SATIMPACT_MEMORY_LIMIT_MB`` (environment)
or ``RunOptions.memory_limit_bytes`` raise or lower it.
"""

from __future__ import annotations

import contextlib
import os

from .errors import EngineError
from .i18n import tr

# Declared raster sizes beyond this many pixels are refused before anything is allocated:
# 10^12 px is a 1,000,000 x 1,000,000 px raster (a 4 TB float32 output), far beyond any
# scene, so larger sizes are broken or hostile headers (a 10M x 10M px VRT).
MAX_PIXELS = 10**12
# What Python keeps per tile for the run's bookkeeping (tile tuples, batch lists, futures).
BYTES_PER_TILE = 240
# onnxruntime's working memory for a batch, in multiples of the batch's input and output
# tensors; measured on the shipped CNNs and the Deepness benchmark CNN (3 conv layers).
ACTIVATION_FACTOR = 4


def machine_memory() -> int:
    """The machine's physical memory in bytes (8 GiB where the system does not say)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):  # not POSIX: assume a modest machine
        return 8 << 30


def memory_limit(explicit: int | None = None) -> int:
    """The memory a run may use, in bytes.

    Args:
        explicit: a limit in bytes (``RunOptions.memory_limit_bytes``), or None.

    Returns:
        int: ``explicit``, else SATIMPACT_MEMORY_LIMIT_MB (a number of MB), else half the RAM.
    """
    if explicit:
        return int(explicit)
    env = os.environ.get("SATIMPACT_MEMORY_LIMIT_MB", "").strip()
    if env:
        try:
            return int(float(env) * (1 << 20))
        except ValueError:
            pass
    return machine_memory() // 2


def _mb(n: float) -> str:
    return f"{n / (1 << 20):,.0f} MB" if n < (1 << 30) * 10 else f"{n / (1 << 30):,.1f} GB"


def check_pixels(width: int, height: int, what: str) -> None:
    """Refuse a declared raster size that no run could hold (before any allocation).

    Args:
        width: declared width, pixels.
        height: declared height, pixels.
        what: the raster's name, which starts the message.

    Raises:
        EngineError: no pixels, or more than ``MAX_PIXELS``.
    """
    if width <= 0 or height <= 0:
        raise EngineError(
            tr("{what}: the raster declares {width} x {height} px; it holds no pixels").format(
                what=what, width=width, height=height
            )
        )
    if width * height > MAX_PIXELS:
        raise EngineError(
            tr(
                "{what}: the raster declares {width:,} x {height:,} px ({0:.2e} px); SatImpact "
                "processes at most {MAX_PIXELS:.0e} px in one run. Is the header right? "
                "Otherwise cut it into parts (EXTENT) and run each"
            ).format(width * height, what=what, width=width, height=height, MAX_PIXELS=MAX_PIXELS)
        )


def check_estimate(parts: dict[str, float], what: str, limit: int | None = None) -> int:
    """Refuse a run whose estimated peak memory exceeds the limit.

    Args:
        parts: what holds memory -> bytes.
        what: the run's name, which starts the message.
        limit: an explicit limit in bytes, or None (``memory_limit``).

    Returns:
        int: the estimated peak, bytes.

    Raises:
        EngineError: the estimate exceeds the limit (the message gives the figures).
    """
    total = int(sum(parts.values()))
    allowed = memory_limit(limit)
    if total > allowed:
        detail = ", ".join(f"{name} {_mb(v)}" for name, v in parts.items() if v >= 1 << 20)
        raise EngineError(
            tr(
                "{what} would need about {0} of memory ({detail}), more than the limit of {1} "
                "(half of this machine's {2}). Use a model with smaller tiles, a smaller EXTENT, "
                "or raise the limit with the environment variable SATIMPACT_MEMORY_LIMIT_MB"
            ).format(_mb(total), _mb(allowed), _mb(machine_memory()), what=what, detail=detail)
        )
    return total


def dense_run_parts(
    width: int,
    height: int,
    tile: int,
    overlap: int,
    in_channels: int,
    out_channels: int,
    batch: int,
    lanes: int,
    strip_bytes: int,
    gdal_cache_bytes: int,
    output_block: int = 256,
) -> dict[str, float]:
    """Peak memory of a dense run by what holds it (bytes).

    Args:
        width: raster width, pixels.
        height: raster height, pixels.
        tile: tile size.
        overlap: tile overlap.
        in_channels: input channels.
        out_channels: output channels.
        batch: tiles per batch.
        lanes: batches in flight.
        strip_bytes: budget of the merge buffers.
        gdal_cache_bytes: GDAL block cache cap.
        output_block: GeoTIFF block size of the output.

    Returns:
        dict[str, float]: what holds memory -> bytes.
    """
    th, tw = min(tile, height), min(tile, width)
    stride = max(1, tile - overlap)
    tiles = (max(1, -(-(height - th) // stride)) + 1) * (max(1, -(-(width - tw) // stride)) + 1)
    pixels = batch * th * tw
    lane = pixels * 4 * (in_channels + out_channels) * (1 + ACTIVATION_FACTOR) + pixels * 8 * in_channels
    rows = th + output_block
    column_bytes = rows * (out_channels * 4 * 2 + 2)
    merge_columns = min(width + tw, max(strip_bytes // max(1, column_bytes), 1) + 2 * tw)
    return {
        "tiles bookkeeping": tiles * BYTES_PER_TILE,
        "batches in flight": (lanes + 1) * lane,
        "merge buffers": merge_columns * column_bytes,
        "GDAL cache": gdal_cache_bytes,
    }


# GDAL's block cache defaults to 5% of the RAM (1.2 GB on a 24 GB machine) and fills with
# dirty output blocks on big rasters; every SatImpact run caps it (the model runner lowers it
# further to what its rows of tiles need).
GDAL_CACHE_CAP = 128 << 20


@contextlib.contextmanager
def gdal_cache_limit(limit: int):
    """Cap GDAL's block cache for a run, through GDAL and rasterio alike; restored afterwards.

    GDAL's default is 5% of RAM: dirty output blocks and read blocks would otherwise pile up to
    that size on big rasters.

    Args:
        limit: the cap, bytes (a lower existing cap is kept).
    """
    try:
        from osgeo import gdal
    except ImportError:  # rasterio without GDAL's Python bindings: the env option still works on first use
        gdal = None
    import rasterio

    old = gdal.GetCacheMax() if gdal is not None else None
    if gdal is not None and old > limit:
        gdal.SetCacheMax(limit)
    try:
        # rasterio hands an integer GDAL_CACHEMAX to GDALSetCacheMax, i.e. in bytes (256 would be
        # 256 bytes: no block cache at all, every read decompresses and warps its blocks again).
        with rasterio.Env(GDAL_CACHEMAX=max(1 << 20, limit)):
            yield
    finally:
        if gdal is not None and old > limit:
            gdal.SetCacheMax(old)


@contextlib.contextmanager
def gdal_cache_cap(limit: int = GDAL_CACHE_CAP):
    """Cap GDAL's block cache (process-wide) for the duration of a run, then restore it.

    Args:
        limit: the cap, bytes (a lower existing cap is kept).
    """
    try:
        from osgeo import gdal
    except ImportError:
        yield
        return
    old = gdal.GetCacheMax()
    if old > limit:
        gdal.SetCacheMax(limit)
    try:
        yield
    finally:
        if old > limit:
            gdal.SetCacheMax(old)
