"""Raster helpers: what a raster holds, safe output writing, tile grids and blend weights."""

from __future__ import annotations

import contextlib
import math
import os
import uuid
from dataclasses import dataclass

import numpy as np

from .errors import EngineError
from .i18n import tr

# Every output GeoTIFF is made by gtiff_profile(): tiled, blocks that are all nodata left out
# (SPARSE_OK); integer rasters (classes, masks, counts) ZSTD level 1 compressed: they shrink
# 4-18x on the real outputs of the water, green and flood tools. Every GDAL since 2.3 reads
# ZSTD (QGIS 3.x on all platforms); compress="deflate" writes DEFLATE for older readers.
OUTPUT_BLOCK = 256
_GTIFF_BASE = {
    "driver": "GTiff",
    "tiled": True,
    "blockxsize": OUTPUT_BLOCK,
    "blockysize": OUTPUT_BLOCK,
    "bigtiff": "IF_SAFER",
    "num_threads": "ALL_CPUS",
    "sparse_ok": True,
}
COMPRESSIONS = ("auto", "zstd", "deflate", "none")


def gtiff_profile(dtype: str, compress: str | None = None, size: tuple[int, int] | None = None) -> dict:
    """A rasterio-style GeoTIFF profile for an output: creation options, dtype and size.

    ``compress`` None or "auto": ZSTD for integer rasters, none for floating point. Model
    scores and indices are noisy floats: ZSTD level 1 with the floating-point predictor
    shrinks the real NDVI, MNDWI, NDWI and FDI outputs of the Sen1Floods11 chip 1.38-1.42x,
    but on a 2-core machine that CPU is taken from inference (``make bench``: the CNN run
    0.91 -> 0.75 of the onnxruntime ceiling, the NDVI run 1.5 s -> 3.5 s, slower than
    ``gdal_calc.py``). Blocks that are all nodata are left out of the file either way
    (SPARSE_OK), which is where much of what compression would save on real scenes lies.

    ``size`` (width, height): an uncompressed raster that full tiles would pad by more than
    10% (a 120 px chip in 256 px tiles: 4.5x its size) is written in strips instead.

    Args:
        dtype: the output's data type (numpy name).
        compress: "auto" (or None), "zstd", "deflate" or "none".
        size: (width, height) of the output, or None (then no width/height in the profile).

    Returns:
        dict: the profile, for ``rasterio.open(path, "w", **profile)``.

    Raises:
        EngineError: an unknown compression.
    """
    profile = dict(_GTIFF_BASE, dtype=np.dtype(dtype).name)
    choice = (compress or "auto").lower()
    if choice not in COMPRESSIONS:
        raise EngineError(
            tr("unknown compression '{compress}'; use one of {0}").format(", ".join(COMPRESSIONS), compress=compress)
        )
    if choice == "auto":
        choice = "none" if np.issubdtype(np.dtype(dtype), np.floating) else "zstd"
    profile["compress"] = choice
    if size is not None:
        width, height = size
        profile.update(width=width, height=height)
    if choice == "none" and size is not None:
        padded = math.ceil(width / OUTPUT_BLOCK) * math.ceil(height / OUTPUT_BLOCK) * OUTPUT_BLOCK**2
        if padded > 1.1 * width * height:
            profile["tiled"] = False
            profile.pop("blockxsize")  # strips of OUTPUT_BLOCK rows: block rows still line up
    if choice == "zstd":
        profile["zstd_level"] = 1  # GDAL's default (9) is several times slower
    elif choice == "deflate":
        profile["zlevel"] = 1
    if choice in ("zstd", "deflate") and np.issubdtype(np.dtype(dtype), np.floating):
        # Without the floating-point predictor neither codec finds much in floats: on the
        # real NDVI ZSTD gave 1.11x alone and 1.39x with it (DEFLATE 1.37x).
        profile["predictor"] = 3
    return profile


_GDAL_TYPES = {"uint8": 1, "uint16": 2, "int16": 3, "uint32": 4, "int32": 5, "float32": 6, "float64": 7}


class GeoTiffWriter:
    """A GeoTIFF being written through GDAL's own bindings, with ``flush()``.

    rasterio 1.3 cannot flush a dataset it writes: finished blocks stayed dirty in GDAL's
    block cache (capped at 256 MiB during a run) and were all written out when the file
    closed, one thread working and the other core idle. On a 105 Mpx pixelwise run that
    tail was 0.3 s of 1.0 s. Flushing each finished block row as it is written moves that
    work into the run, where it overlaps with reading and inference.

    Takes a rasterio-style profile (driver, width, height, count, dtype, crs, transform,
    nodata and creation options as lower-case keys) and rasterio windows. GDAL errors are
    checked on the calling thread (GDAL keeps the last error per thread) and raised as
    ``EngineError``: the process-wide ``gdal.UseExceptions()`` would change QGIS's own code.
    """

    _PROFILE_KEYS = {"driver", "width", "height", "count", "dtype", "crs", "transform", "nodata"}

    def __init__(self, path: str, profile: dict):
        from osgeo import gdal

        self._gdal = gdal
        self.path = path
        options = []
        for key, value in profile.items():
            if key in self._PROFILE_KEYS or value is None:
                continue
            if isinstance(value, bool):
                value = "YES" if value else "NO"
            options.append(f"{key.upper()}={str(value).upper()}")
        dtype = np.dtype(profile["dtype"]).name
        if dtype not in _GDAL_TYPES:
            raise EngineError(tr("cannot write {dtype} rasters").format(dtype=dtype))
        driver = gdal.GetDriverByName(profile.get("driver", "GTiff"))
        gdal.ErrorReset()
        self.ds = driver.Create(
            path, int(profile["width"]), int(profile["height"]), int(profile["count"]), _GDAL_TYPES[dtype], options
        )
        if self.ds is None:
            raise EngineError(
                tr("cannot create {path}: {0}").format(gdal.GetLastErrorMsg() or tr("GDAL gave no reason"), path=path)
            )
        self.dtype = np.dtype(dtype)
        self.ds.SetGeoTransform(profile["transform"].to_gdal())
        if profile.get("crs") is not None:
            self.ds.SetProjection(profile["crs"].to_wkt())
        if profile.get("nodata") is not None:
            for k in range(1, self.ds.RasterCount + 1):
                self.ds.GetRasterBand(k).SetNoDataValue(float(profile["nodata"]))
        self._check("create")

    def _check(self, what: str) -> None:
        if self._gdal.GetLastErrorType() >= self._gdal.CE_Failure:
            raise EngineError(
                tr("writing {path} failed ({what}): {0}").format(
                    self._gdal.GetLastErrorMsg(), path=self.path, what=what
                )
            )

    def set_band_description(self, band: int, text: str) -> None:
        """Name one band (1-based).

        Args:
            band: the 1-based band.
            text: its description.
        """
        self.ds.GetRasterBand(band).SetDescription(text)

    def update_tags(self, **tags) -> None:
        """Add or replace dataset metadata items (values stored as text).

        Args:
            **tags: metadata key -> value; values are converted with ``str``.
        """
        metadata = self.ds.GetMetadata() or {}
        metadata.update({k: str(v) for k, v in tags.items()})
        self.ds.SetMetadata(metadata)

    def write(self, array: np.ndarray, window) -> None:
        """Write values at a window's offset.

        Args:
            array: (bands, rows, cols) values.
            window: a rasterio Window (its offset is used).

        Raises:
            EngineError: GDAL refused the write.
        """
        self._gdal.ErrorReset()
        x, y = int(window.col_off), int(window.row_off)
        for k in range(array.shape[0]):
            try:
                err = self.ds.GetRasterBand(k + 1).WriteArray(np.ascontiguousarray(array[k], dtype=self.dtype), x, y)
            except (ValueError, RuntimeError) as exc:  # the bindings check shapes and offsets themselves
                raise EngineError(tr("writing {path} failed (write): {exc}").format(path=self.path, exc=exc)) from exc
            if err:
                raise EngineError(
                    tr("writing {path} failed (write): {0}").format(self._gdal.GetLastErrorMsg(), path=self.path)
                )
        self._check("write")

    def flush(self) -> None:
        """Write every block finished so far to the file.

        Call it at block-row boundaries only: a block flushed half-written is read back, and
        recompressed, when the rest arrives.

        Raises:
            EngineError: GDAL failed to write.
        """
        self._gdal.ErrorReset()
        self.ds.FlushCache()
        self._check("flush")

    def close(self) -> None:
        """Flush and close the file (once; later calls do nothing)."""
        if self.ds is not None:
            self.flush()
            self.ds = None  # dropping the last reference closes the file


@dataclass
class RasterInfo:
    """What a raster holds, read once: size, bands, CRS, transform, nodata, types, tags."""

    path: str
    width: int
    height: int
    count: int
    crs_wkt: str | None
    epsg: int | None
    transform: tuple
    descriptions: list[str | None]
    nodata: list[float | None]
    dtypes: list[str]
    tags: dict

    @property
    def resolution(self) -> tuple[float, float]:
        """Pixel size (x, y), in CRS units."""
        return abs(self.transform[0]), abs(self.transform[4])


def raster_info(path: str) -> RasterInfo:
    """Read what a raster holds without reading its pixels.

    Args:
        path: the raster.

    Returns:
        RasterInfo: its size, bands, CRS, transform, nodata, types and tags.

    Raises:
        EngineError: the raster cannot be opened.
    """
    import rasterio

    try:
        with rasterio.open(path) as ds:
            return RasterInfo(
                path=path,
                width=ds.width,
                height=ds.height,
                count=ds.count,
                crs_wkt=ds.crs.to_wkt() if ds.crs else None,
                epsg=ds.crs.to_epsg() if ds.crs else None,
                transform=tuple(ds.transform)[:6],
                descriptions=list(ds.descriptions),
                nodata=list(ds.nodatavals),
                dtypes=list(ds.dtypes),
                tags=ds.tags(),
            )
    except rasterio.errors.RasterioIOError as exc:
        raise EngineError(tr("cannot open raster {path}: {exc}").format(path=path, exc=exc)) from exc


def check_output_writable(path: str) -> None:
    """Fail before any compute when the output cannot be written.

    Args:
        path: the output path.

    Raises:
        EngineError: an empty path, a missing or read-only folder, a folder given as the path,
            or an existing file that cannot be replaced.
    """
    if not path or not str(path).strip():
        raise EngineError(tr("no output file given (an empty output path)"))
    folder = os.path.dirname(os.path.abspath(path)) or "."
    if not os.path.isdir(folder):
        raise EngineError(tr("the output folder does not exist: {folder}").format(folder=folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise EngineError(tr("the output folder cannot be written: {folder}").format(folder=folder))
    if os.path.isdir(path):
        raise EngineError(tr("the output path is a folder, not a file: {path}").format(path=path))
    if os.path.exists(path) and not os.access(path, os.W_OK):
        raise EngineError(tr("the output file exists and cannot be replaced: {path}").format(path=path))


def temporary_path(path: str) -> str:
    """A hidden name next to the final output, so the final move is atomic (same file system).

    Args:
        path: the final output path.

    Returns:
        str: a new, unique temporary path in the same folder, with the same extension.
    """
    folder, name = os.path.split(os.path.abspath(path))
    stem, ext = os.path.splitext(name)
    return os.path.join(folder, f".{stem}.satimpact-{uuid.uuid4().hex[:10]}.part{ext or '.tif'}")


def remove_quietly(path: str) -> None:
    """Remove a file and its GDAL sidecars (.aux.xml, .ovr, .msk), where they exist.

    Args:
        path: the file; missing files are skipped.
    """
    for candidate in (path, path + ".aux.xml", path + ".ovr", path + ".msk"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(candidate)


def commit_output(tmp: str, final: str) -> None:
    """Move a finished temporary file into place and drop stale sidecars of an older output.

    Args:
        tmp: the finished temporary file (``temporary_path``).
        final: the output path.
    """
    for sidecar in (final + ".aux.xml", final + ".ovr", final + ".msk"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(sidecar)
    os.replace(tmp, final)
    if os.path.exists(tmp + ".aux.xml"):
        os.replace(tmp + ".aux.xml", final + ".aux.xml")


# --- tile grids --------------------------------------------------------------------------------


def axis_starts(length: int, tile: int, overlap: int) -> list[int]:
    """Tile origins along one axis, every tile of full size.

    The last tile is shifted back to end at the edge, so every tile has the full size
    (batchable, fits fixed-size graphs).

    Args:
        length: pixels along the axis.
        tile: tile size.
        overlap: pixels shared by neighbouring tiles.

    Returns:
        list[int]: the origins, ascending.
    """
    if length <= tile:
        return [0]
    stride = tile - overlap
    starts = list(range(0, length - tile, stride))
    if not starts or starts[-1] != length - tile:
        starts.append(length - tile)
    return starts


def axis_weights(length: int, starts: list[int], tile: int, overlap: int, merge: str) -> list[np.ndarray]:
    """Per-tile weights along one axis that sum to one at every position.

    ``blend``: linear ramps over the overlap (no ramp at the raster edges), normalised by
    their sum, so a seam is a smooth hand-over instead of a cut.
    ``crop``/``none``: each position belongs to the tile whose centre is nearest, so every
    pixel comes from exactly one tile, away from that tile's border.

    Args:
        length: pixels along the axis.
        starts: the tile origins (``axis_starts``).
        tile: tile size (at most ``length`` is used).
        overlap: pixels shared by neighbouring tiles.
        merge: "blend", "crop" or "none".

    Returns:
        list[numpy.ndarray]: one float32 weight vector of the tile's size per tile.
    """
    tile = min(tile, length)
    weights = []
    if merge == "blend" and overlap > 0:
        # The outer quarter of the overlap gets no weight at all: that is where a CNN
        # sees the zero padding at the tile border. With a receptive-field radius up to
        # overlap // 4 the blend is then seamless *and* equal to a whole-image run.
        dead = overlap // 4
        span = overlap - 2 * dead + 1
        raw = []
        total = np.zeros(length, dtype=np.float64)
        for s in starts:
            pos = np.arange(tile, dtype=np.float64)
            w = np.ones(tile, dtype=np.float64)
            if s > 0:
                w = np.minimum(w, np.clip((pos + 1 - dead) / span, 0.0, 1.0))
            if s + tile < length:
                w = np.minimum(w, np.clip((tile - pos - dead) / span, 0.0, 1.0))
            raw.append(w)
            total[s : s + tile] += w
        for s, w in zip(starts, raw):
            weights.append((w / total[s : s + tile]).astype(np.float32))
        return weights
    # Nearest-centre ownership
    centres = np.array([s + tile / 2.0 for s in starts])
    # The nearest centre from the midpoints between centres: O(length), where the distance
    # matrix (length x tiles) of a 10M px axis took 1.42 TiB. Ties go to the lower tile.
    midpoints = (centres[1:] + centres[:-1]) / 2.0
    for k, s in enumerate(starts):
        owner = np.searchsorted(midpoints, np.arange(s, s + tile) + 0.5, side="left")
        weights.append((owner == k).astype(np.float32))
    return weights


def owned_span(weights: np.ndarray) -> tuple[int, int]:
    """The span a tile owns under crop weights.

    Args:
        weights: one tile's weights along an axis (``axis_weights`` with merge "crop").

    Returns:
        tuple[int, int]: first and one-past-last index with a positive weight ((0, 0) if none).
    """
    idx = np.flatnonzero(weights > 0)
    if idx.size == 0:
        return 0, 0
    return int(idx[0]), int(idx[-1]) + 1
