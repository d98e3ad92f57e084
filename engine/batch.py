r"""Batch runs of any SatImpact tool over many inputs on a Dask cluster (``dask.distributed``).

An item is one raster, one before/after pair, or one window of a large raster; a Dask task
runs one item, or several small ones back to back (a few seconds of work, ``_chunk_size``).
For each item it calls the same engine function the Processing algorithm calls
(``detect_water``, ``detect_debris``, ``green_ratio``, ``detect_change``, ``run_model``,
``score_units``), writes into a private staging folder, takes the outputs' sizes and digests,
and returns what it made. Only the client moves finished files to their final names and records
them in the manifest, so a killed worker (Dask reschedules its task elsewhere), a failed item or
a cancel never leaves a partial file under a final name.

QGIS-free: workers need only this package importable (``PYTHONPATH=<checkout>/.qgis-plugins``),
onnxruntime, rasterio, numpy and ``distributed``. Command line::

    PYTHONPATH=<checkout>/.qgis-plugins python -m satimpact.engine.batch \
        --tool waterdetection --folder scenes --glob '*.tif' --output-folder out

See docs/batch.md.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import glob
import hashlib
import json
import os
import shutil
import socket
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field

from . import batch_zones
from .errors import Cancelled, EngineError
from .i18n import language, set_language, tr
from .runner import Feedback

MANIFEST = "manifest.json"
STAGING = ".satimpact-staging"
TABLE_LAYER = "batch"
MOSAIC = "mosaic"
MANIFEST_VERSION = 1

# Tool ids are the Processing algorithm ids; the short names are accepted too.
TOOL_ALIASES = {
    "runmodel": "runmodel",
    "waterdetection": "waterdetection",
    "water": "waterdetection",
    "debrisdetection": "debrisdetection",
    "debris": "debrisdetection",
    "greenratio": "greenratio",
    "green": "greenratio",
    "floodchange": "floodchange",
    "flood": "floodchange",
    "povertygrid": "povertygrid",
    "poverty": "povertygrid",
}
TOOLS = ("runmodel", "waterdetection", "debrisdetection", "greenratio", "floodchange", "povertygrid")
# Tools whose output at a pixel depends only on the pixels around it, so a large raster can be cut
# into windows and the merged windows equal one run. Debris (robust z-score of the whole scene) and
# Otsu thresholds depend on the whole scene and cannot be split.
SPLITTABLE = ("runmodel", "waterdetection")
# Parameters each tool takes (the Processing algorithm's names); anything else is a typo.
TOOL_PARAMETERS = {
    "runmodel": {"MODEL", "BAND_MAP", "COMPRESSION"},
    "waterdetection": {
        "MODEL",
        "BAND_MAP",
        "THRESHOLD",
        "AUTO_THRESHOLD",
        "THRESHOLD_METHOD",
        "RADAR_UNITS",
        "MIN_AREA",
        "POLYGONS",
    },
    "debrisdetection": {"MODEL", "BAND_MAP", "CANDIDATES"},
    "greenratio": {"MODEL", "BAND_MAP", "CELL_SIZE", "OUTPUT_MASK", "ZONES", "POPULATION_FIELD"},
    "floodchange": {
        "MODEL",
        "BAND_MAP_BEFORE",
        "BAND_MAP_AFTER",
        "CELL_SIZE",
        "DAMAGE_THRESHOLD",
        "AUTO_THRESHOLD",
        "THRESHOLD_METHOD",
        "RADAR_UNITS",
        "ZONES",
    },
    "povertygrid": {"MODEL", "BAND_MAP", "CELL_SIZE", "MIN_VALID", "OUTPUT_RASTER", "ZONES"},
}


def missing_dask_message() -> str:
    """The message for a missing dask/distributed, with how to install them next to QGIS."""
    return (
        "batch runs need the Python packages 'dask' and 'distributed' in the Python that runs QGIS "
        "(and on every worker); install them with numpy kept at the version QGIS ships, e.g. "
        "pip install --user dask==2026.8.0 distributed==2026.8.0 (Debian 12: apt install "
        "python3-distributed), and restart QGIS"
    )


def dask_available() -> bool:
    """Whether ``distributed`` can be imported."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def canonical_tool(name: str) -> str:
    """The tool's id from any accepted name (``satimpact:waterdetection``, ``water`` ...).

    Args:
        name: the name given.

    Returns:
        str: one of TOOLS.

    Raises:
        EngineError: an unknown tool.
    """
    tool = TOOL_ALIASES.get((name or "").strip().lower())
    if tool is None:
        raise EngineError(tr("TOOL: unknown tool '{name}'; one of {0}").format(", ".join(TOOLS), name=name))
    return tool


# --- parameters -------------------------------------------------------------------------------


def parse_parameters(text: str | dict | None) -> dict:
    """PARAMETERS as JSON (``{"MODEL": "water_ndwi"}``) or ``KEY=VALUE`` pairs.

    Pairs are separated by commas, semicolons or new lines (a value may hold commas:
    ``BAND_MAP=green=3,nir=8`` is read as one pair when the part after a comma has no ``KEY=``
    of its own).

    Args:
        text: JSON, KEY=VALUE text, a dict, or None.

    Returns:
        dict: upper-case name -> value (text values as given).

    Raises:
        EngineError: invalid JSON, JSON that is not an object, or a part that is not KEY=VALUE.
    """
    if isinstance(text, dict):
        return {str(k).upper(): v for k, v in text.items()}
    text = (text or "").strip()
    if not text:
        return {}
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise EngineError(tr("PARAMETERS: not valid JSON ({exc})").format(exc=exc)) from exc
        if not isinstance(data, dict):
            raise EngineError(tr('PARAMETERS: JSON must be an object such as {"MODEL": "water_ndwi"}'))
        return {str(k).upper(): v for k, v in data.items()}
    params: dict = {}
    last = None
    for part in [p for chunk in text.replace(";", "\n").splitlines() for p in chunk.split(",")]:
        part = part.strip()
        if not part:
            continue
        key, sep, value = part.partition("=")
        if sep and key.strip().isupper() and key.strip().replace("_", "").isalnum():
            last = key.strip()
            params[last] = value.strip()
        elif last is not None:
            params[last] += "," + part  # a value with commas, such as a band map
        else:
            raise EngineError(
                tr("PARAMETERS: '{part}' is not KEY=VALUE (e.g. MODEL=water_ndwi,THRESHOLD=0.1)").format(part=part)
            )
    return params


def check_parameters(tool: str, params: dict) -> None:
    """Refuse parameters the tool does not take.

    Args:
        tool: the tool's id.
        params: parameter name -> value.

    Raises:
        EngineError: an unknown parameter (the message lists the tool's parameters).
    """
    allowed = TOOL_PARAMETERS[tool]
    unknown = sorted(set(params) - allowed)
    if unknown:
        raise EngineError(
            tr("PARAMETERS: {0} not taken by {tool}; it takes {1}").format(
                ", ".join(unknown), ", ".join(sorted(allowed)), tool=tool
            )
        )


def parameters_hash(tool: str, params: dict) -> str:
    """A short digest of the tool and its parameters (values as text), part of every output name.

    Args:
        tool: the tool's id.
        params: the tool's parameters.

    Returns:
        str: the first 12 hex digits of the SHA-256 of both.
    """
    canon = json.dumps({"tool": tool, "params": {k: str(v) for k, v in sorted(params.items())}}, sort_keys=True)
    return hashlib.sha256(canon.encode()).hexdigest()[:12]


def _text(params: dict, key: str) -> str | None:
    value = params.get(key)
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _number(params: dict, key: str, default: float | None) -> float | None:
    value = _text(params, key)
    if value is None:
        return default
    try:
        return float(value)
    except ValueError as exc:
        raise EngineError(tr("PARAMETERS: {key} must be a number, got '{value}'").format(key=key, value=value)) from exc


def _method(params: dict) -> str | None:
    """THRESHOLD_METHOD: otsu or ki (Kittler-Illingworth); None: the tool's default."""
    method = (_text(params, "THRESHOLD_METHOD") or "").lower() or None
    if method not in (None, "otsu", "ki"):
        raise EngineError(tr("PARAMETERS: THRESHOLD_METHOD is otsu or ki, got '{method}'").format(method=method))
    return method


def _flag(params: dict, key: str, default: bool = False) -> bool:
    value = _text(params, key)
    if value is None:
        return default
    return value.lower() in ("1", "true", "yes", "on")


# --- items ------------------------------------------------------------------------------------


@dataclass
class Window:
    """A window of a large raster: read (with overlap) and core (kept in the mosaic), in pixels."""

    read: tuple[int, int, int, int]  # col_off, row_off, width, height
    core: tuple[int, int, int, int]


@dataclass
class BatchItem:
    """One unit of work: its input file(s), a label for its outputs, and a window (or None)."""

    inputs: tuple[str, ...]
    label: str
    window: Window | None = None

    @property
    def key(self) -> str:
        """A digest of the inputs' absolute paths (and the window), stable across runs."""
        text = "|".join(os.path.abspath(p) for p in self.inputs)
        if self.window is not None:
            text += f"|{self.window.read}"
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def _stem(path: str) -> str:
    name = os.path.basename(path)
    for ext in (".tif", ".tiff", ".vrt", ".img", ".jp2"):
        if name.lower().endswith(ext):
            return name[: -len(ext)]
    return os.path.splitext(name)[0]


def _unique_labels(items: list[BatchItem]) -> list[BatchItem]:
    """Same file names in different folders get a short digest of the path added."""
    seen: dict[str, int] = {}
    for item in items:
        seen[item.label] = seen.get(item.label, 0) + 1
    for item in items:
        if seen[item.label] > 1:
            item.label = f"{item.label}-{item.key[:6]}"
    return items


def items_from_files(paths: list[str]) -> list[BatchItem]:
    """One item per file (blank entries skipped), labels made unique.

    Args:
        paths: the input files.
    """
    items = []
    for path in paths:
        path = path.strip()
        if path:
            items.append(BatchItem((os.path.abspath(path),), _stem(path)))
    return _unique_labels(items)


def items_from_folder(folder: str, pattern: str = "*.tif") -> list[BatchItem]:
    """One item per file of a folder matching ``pattern`` (``**`` recurses).

    Args:
        folder: the folder.
        pattern: a glob pattern.

    Returns:
        list[BatchItem]: the items, sorted by path.

    Raises:
        EngineError: the folder does not exist or holds no matching file.
    """
    if not os.path.isdir(folder):
        raise EngineError(tr("INPUTS: folder not found: {folder}").format(folder=folder))
    paths = sorted(glob.glob(os.path.join(folder, pattern), recursive="**" in pattern))
    paths = [p for p in paths if os.path.isfile(p)]
    if not paths:
        raise EngineError(tr("INPUTS: no file in {folder} matches '{pattern}'").format(folder=folder, pattern=pattern))
    return items_from_files(paths)


def items_from_pairs(csv_path: str) -> list[BatchItem]:
    """Before/after items from a CSV with columns before,after (a header row is optional).

    Relative paths are read from the CSV's folder.

    Args:
        csv_path: the CSV.

    Returns:
        list[BatchItem]: one item per pair.

    Raises:
        EngineError: a row that is not two paths, or no pair at all.
    """
    base = os.path.dirname(os.path.abspath(csv_path))
    items = []
    with open(csv_path, newline="") as fh:
        rows = [r for r in csv.reader(fh) if r and any(c.strip() for c in r)]
    if rows and [c.strip().lower() for c in rows[0][:2]] == ["before", "after"]:
        rows = rows[1:]
    for n, row in enumerate(rows, start=1):
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise EngineError(
                tr("INPUTS: {csv_path} row {n}: expected before,after, got {row}").format(
                    csv_path=csv_path, n=n, row=row
                )
            )
        before, after = (os.path.join(base, c.strip()) for c in row[:2])
        items.append(BatchItem((before, after), f"{_stem(before)}__{_stem(after)}"))
    if not items:
        raise EngineError(tr("INPUTS: {csv_path} holds no before,after pair").format(csv_path=csv_path))
    return _unique_labels(items)


def split_windows(width: int, height: int, size: int, overlap: int) -> list[Window]:
    """Windows of ``size`` px tiling the raster, each read ``overlap`` px wider on every side.

    The reads are clipped at the edges, so models with a spatial context see the same pixels as
    one run.

    Args:
        width: raster width, pixels.
        height: raster height, pixels.
        size: window side, pixels.
        overlap: extra pixels read on every side.

    Returns:
        list[Window]: the windows, row by row.

    Raises:
        EngineError: a size that is not positive or a negative overlap.
    """
    if size <= 0 or overlap < 0:
        raise EngineError(
            tr("window size must be positive and overlap zero or more (got {size}, {overlap})").format(
                size=size, overlap=overlap
            )
        )
    windows = []
    for row in range(0, height, size):
        for col in range(0, width, size):
            cw, ch = min(size, width - col), min(size, height - row)
            c0, r0 = max(0, col - overlap), max(0, row - overlap)
            c1, r1 = min(width, col + cw + overlap), min(height, row + ch + overlap)
            windows.append(Window((c0, r0, c1 - c0, r1 - r0), (col, row, cw, ch)))
    return windows


def items_from_split(path: str, size: int, overlap: int) -> list[BatchItem]:
    """One item per window of a large raster (``split_windows``).

    Args:
        path: the raster.
        size: window side, pixels.
        overlap: extra pixels read on every side.

    Returns:
        list[BatchItem]: the items.

    Raises:
        EngineError: a bad size or overlap.
    """
    import rasterio

    with rasterio.open(path) as ds:
        width, height = ds.width, ds.height
    stem = _stem(path)
    return [
        BatchItem((os.path.abspath(path),), f"{stem}_c{w.core[0]}_r{w.core[1]}", w)
        for w in split_windows(width, height, size, overlap)
    ]


def items_from_spec(spec: str | list[str], tool: str) -> list[BatchItem]:
    """Items from INPUTS as the Processing algorithm and the command line take it.

    A list of files (one per line or separated by ';'), a folder, a folder with a glob
    (``scenes/*.tif``), or a CSV of before,after pairs (flood change).

    Args:
        spec: INPUTS as text or a list of entries.
        tool: the tool's id (pairs are for floodchange only).

    Returns:
        list[BatchItem]: the items.

    Raises:
        EngineError: no input, a CSV for another tool, floodchange without a CSV, missing files,
            or a folder without matching files.
    """
    parts = spec if isinstance(spec, list) else [p for chunk in spec.split(";") for p in chunk.splitlines()]
    parts = [p.strip().strip('"') for p in parts if p.strip()]
    if not parts:
        raise EngineError(tr("INPUTS: no input given (files, a folder, folder/*.tif or a CSV of before,after pairs)"))
    if len(parts) == 1:
        only = parts[0]
        if only.lower().endswith(".csv"):
            if tool != "floodchange":
                raise EngineError(
                    tr("INPUTS: a CSV of before,after pairs is for floodchange, not {tool}").format(tool=tool)
                )
            return items_from_pairs(only)
        if os.path.isdir(only):
            return items_from_folder(only, "*.tif")
        if any(c in only for c in "*?["):
            folder, pattern = os.path.split(only)
            return items_from_folder(folder or ".", pattern)
    if tool == "floodchange":
        raise EngineError(tr("INPUTS: floodchange runs on pairs: give a CSV with columns before,after"))
    missing = [p for p in parts if not os.path.exists(p)]
    if missing:
        raise EngineError(tr("INPUTS: file(s) not found: {0}").format(", ".join(missing[:5])))
    return items_from_files(parts)


# --- what one item makes ------------------------------------------------------------------------


def output_names(tool: str, params: dict, item: BatchItem) -> dict[str, str]:
    """Role -> file name in the output folder.

    The parameters' digest is part of each name, so changed parameters give new outputs and never
    reuse old ones.

    Args:
        tool: the tool's id.
        params: the tool's parameters (some flags add outputs).
        item: the input item, whose label starts each name.

    Returns:
        dict[str, str]: "raster" and/or "vector" -> file name.
    """
    stem = f"{item.label}.{tool}-{parameters_hash(tool, params)}"
    names = {}
    if tool in ("runmodel", "waterdetection", "debrisdetection"):
        names["raster"] = f"{stem}.tif"
    if tool == "waterdetection" and _flag(params, "POLYGONS"):
        names["vector"] = f"{stem}.gpkg"
    if tool == "debrisdetection" and _flag(params, "CANDIDATES", True):
        names["vector"] = f"{stem}.gpkg"
    if tool in ("greenratio", "povertygrid"):
        names["vector"] = f"{stem}.gpkg"
    if tool == "greenratio" and _flag(params, "OUTPUT_MASK"):
        names["raster"] = f"{stem}.tif"
    if tool == "floodchange":
        names["raster"] = f"{stem}.tif"
        names["vector"] = f"{stem}.gpkg"
    if tool == "povertygrid" and _flag(params, "OUTPUT_RASTER"):
        names["raster"] = f"{stem}.tif"
    return names


class _TaskFeedback(Feedback):
    """Cancel on a worker: the client creates a file in the staging folder.

    Every worker already shares that folder with it; a look at the file system costs
    microseconds, not a round trip to the scheduler, so it is looked at before every item and
    every 0.2 s inside one.
    """

    def __init__(self, cancel_path: str | None):
        self.cancel_path = cancel_path
        self._checked = 0.0
        self._cancelled = False

    def is_cancelled(self) -> bool:
        if self._cancelled or not self.cancel_path:
            return self._cancelled
        now = time.monotonic()
        if now - self._checked >= 0.2:
            self._checked = now
            self._cancelled = os.path.exists(self.cancel_path)
        return self._cancelled


def _window_vrt(source: str, window: Window, folder: str) -> str:
    """The window as a small VRT pointing into the source (no pixels copied)."""
    from osgeo import gdal

    path = os.path.join(folder, "window.vrt")
    ds = gdal.Translate(path, source, format="VRT", srcWin=list(window.read))
    if ds is None:
        raise EngineError(
            tr("{source}: cannot cut window {window_read}").format(source=source, window_read=window.read)
        )
    ds = None
    return path


def _footprint_wgs84(path: str):
    import rasterio
    from rasterio.warp import transform_geom
    from shapely.geometry import box, shape

    with rasterio.open(path) as ds:
        if ds.crs is None:
            return None
        geom = transform_geom(ds.crs, "EPSG:4326", box(*ds.bounds).__geo_interface__, precision=-1)
    return shape(geom).wkt


def input_date(path: str) -> str | None:
    """The acquisition date (ISO) from the raster's tags or a product name in its file name.

    Args:
        path: the input raster; one that cannot be opened is dated from its name only.

    Returns:
        str | None: the date as YYYY-MM-DD, None where unknown.
    """
    import rasterio

    from .green import acquisition_date

    try:
        with rasterio.open(path) as ds:
            tags = ds.tags()
    except Exception:
        tags = {}
    date, _ = acquisition_date(path, tags)
    return date.isoformat() if date else None


def _write_cells(path: str, crs_wkt: str, rows: list[dict], geometries: list) -> None:
    """A GeoPackage of cells (one layer), written to a temporary name and moved into place."""
    import geopandas as gpd

    from .raster import temporary_path

    frame = gpd.GeoDataFrame(rows, geometry=geometries, crs=crs_wkt)
    frame = batch_zones.typed_figures(frame, frame.columns)  # NULL figures keep their field types
    tmp = temporary_path(path).replace(".part.tif", ".part.gpkg")
    if not tmp.endswith(".gpkg"):
        tmp += ".gpkg"
    frame.to_file(tmp, driver="GPKG", layer="cells")
    os.replace(tmp, path)


def _resolution_m(path: str) -> float:
    """The raster's pixel size in metres (at its centre for geographic CRSs)."""
    import rasterio
    from pyproj import CRS, Geod

    with rasterio.open(path) as ds:
        crs = CRS.from_wkt(ds.crs.to_wkt()) if ds.crs else None
        rx, ry = abs(ds.transform.a), abs(ds.transform.e)
        cx = ds.transform.c + ds.transform.a * ds.width / 2
        cy = ds.transform.f + ds.transform.e * ds.height / 2
    if crs is None:
        raise EngineError(tr("{path} has no coordinate reference system").format(path=path))
    if crs.is_geographic:
        geod = Geod(ellps="WGS84")
        _, _, dx = geod.inv(cx, cy, cx + rx, cy)
        _, _, dy = geod.inv(cx, cy, cx, cy + ry)
        return max(abs(dx), abs(dy))
    factor = crs.axis_info[0].unit_conversion_factor if crs.axis_info else 1.0
    return max(rx, ry) * factor


def _run_runmodel(item, params, source, paths, feedback, user_dir=None):
    from .bands import resolve_bands
    from .model import load_model
    from .raster import raster_info
    from .registry import resolve_model
    from .runner import RasterInput, RunOptions, run_model

    model = load_model(resolve_model(_text(params, "MODEL") or "", user_dir))
    card = model.card
    kind = card.extra.get("model_kind") or "generic"
    if kind not in ("generic", "regression"):
        # Deepness-type models give class rasters, boxes, upscaled rasters or similarities through
        # steps of satimpact:runmodel that the batch does not repeat yet.
        raise EngineError(
            tr(
                "model '{card_name}' is a {kind} model; the batch runs models whose output is "
                "the model's own raster (carded SatImpact models, regression); run this one with "
                "satimpact:runmodel"
            ).format(card_name=card.name, kind=kind)
        )
    if len(card.inputs) != 1:
        raise EngineError(
            tr(
                "model '{card_name}' takes {0} inputs; run it with a tool made for it (two-date models: floodchange)"
            ).format(len(card.inputs), card_name=card.name)
        )
    spec = card.inputs[0]
    info = raster_info(source)
    bands = resolve_bands(spec.bands, info.count, info.descriptions, _text(params, "BAND_MAP"), spec.sensor)
    report = run_model(
        model,
        {spec.name: RasterInput(source, bands.indices)},
        paths["raster"],
        feedback,
        RunOptions(compress=_text(params, "COMPRESSION")),
    )
    return {"model": card.name, "pixels": report.pixels}, None


def _water_choice(source: str, params: dict, user_dir: str | None):
    """The model, bands and radar units satimpact:waterdetection picks for ``source``.

    The same function: engine/model_choice.py.
    """
    from .model_choice import water_model
    from .raster import raster_info

    info = raster_info(source)
    band_map, units = _text(params, "BAND_MAP"), _text(params, "RADAR_UNITS")
    choice = water_model(info, _text(params, "MODEL"), band_map, units, user_dir)
    return choice, info


def _uses_dark_water_default(params: dict) -> bool:
    """satimpact:waterdetection's dark-water check applies: no MODEL, THRESHOLD or AUTO_THRESHOLD."""
    fixed = _text(params, "MODEL") or _number(params, "THRESHOLD", None) is not None
    return not fixed and not _flag(params, "AUTO_THRESHOLD")


# A window must get the decision the whole raster gets: run_batch makes it once, on the whole
# raster, and hands it to the tasks under this key (not a user parameter, not in the hash).
DARK_WATER_KEY = "_DARK_WATER_THRESHOLD"


def water_threshold_is_automatic(source: str, params: dict, user_dir: str | None = None) -> bool:
    """Whether the water threshold would come from the scene's own histogram.

    True with AUTO_THRESHOLD, or a radar model whose card makes that its default: such a run
    cannot be split into windows.

    Args:
        source: the raster.
        params: the water tool's parameters.
        user_dir: the user's models folder, or None.

    Returns:
        bool: whether the threshold is automatic.
    """
    if _flag(params, "AUTO_THRESHOLD"):
        return True
    if _number(params, "THRESHOLD", None) is not None:
        return False
    from .water import model_default_is_auto

    choice, _ = _water_choice(source, params, user_dir)
    return model_default_is_auto(choice.model.card)


def _run_water(item, params, source, paths, feedback, user_dir=None):
    # As satimpact:waterdetection resolves its parameters (test_batch checks they agree).
    from .card import check_threshold
    from .model_choice import dark_water_default
    from .water import detect_water

    choice, info = _water_choice(source, params, user_dir)
    threshold = _number(params, "THRESHOLD", None)
    check_threshold(choice.model.card, threshold)
    if _uses_dark_water_default(params):
        if DARK_WATER_KEY in params:  # a window: decided on the whole raster
            decided = params[DARK_WATER_KEY].get(item.inputs[0])
            if decided is not None:
                choice = _water_choice(source, {**params, "MODEL": "water_mndwi"}, user_dir)[0]
                threshold = decided
        else:
            threshold = dark_water_default(choice, source, info, user_dir)
    model, bands, units = choice.model, choice.bands, choice.radar_units
    method = _method(params) or "otsu"
    report = detect_water(
        source,
        model,
        bands.indices,
        paths["raster"],
        threshold=threshold,
        # not set: the model's default (automatic for the single-polarisation radar models)
        auto_threshold=True if _flag(params, "AUTO_THRESHOLD") else None,
        polygons_output=paths.get("vector"),
        min_area_m2=_number(params, "MIN_AREA", 0.0),
        feedback=feedback,
        auto_method=method,
        radar_units=units,
    )
    summary = {
        "model": report.model,
        "threshold": report.threshold,
        "water_share": report.stats.water_share,
        "water_pixels": report.stats.water,
        "valid_pixels": report.stats.valid,
    }
    return summary, None


def _run_debris(item, params, source, paths, feedback, user_dir=None):
    from .debris import detect_debris
    from .model_choice import debris_models
    from .raster import raster_info

    choice = debris_models(source, raster_info(source), _text(params, "MODEL"), _text(params, "BAND_MAP"), user_dir)
    if choice.platform_guessed:
        feedback.warning(
            tr("{source}: platform not in the name or tags; using Sentinel-2A wavelengths").format(source=source)
        )
    fdi_model, fdi_bands = choice.model, choice.bands
    water_model, water_bands = choice.water_model, choice.water_bands
    report = detect_debris(
        source,
        fdi_model,
        fdi_bands.indices,
        water_model,
        water_bands.indices,
        paths["raster"],
        paths.get("vector"),
        feedback,
    )
    summary = {
        "model": fdi_model.card.name,
        "flagged_share": report.flagged_share,
        "flagged_pixels": report.flagged_pixels,
        "water_pixels": report.water_pixels,
        "candidates": report.candidates,
    }
    return summary, None


def _item_zones(params: dict, crs: str | None, raster: str, make_valid: bool = True):
    """The batch's ZONES (engine/batch_zones.py) in ``crs``, checked against ``raster``; None without."""
    zones = batch_zones.zones_for(params)
    return None if zones is None else batch_zones.ItemZones(zones, crs, raster, make_valid)


def _run_green(item, params, source, paths, feedback, user_dir=None):
    from .green import green_ratio
    from .model_choice import green_model
    from .raster import raster_info

    band_map = _text(params, "BAND_MAP")
    info = raster_info(source)
    model, _ = green_model(info, _text(params, "MODEL"), band_map, user_dir)
    zones = _item_zones(params, info.crs_wkt, source)  # in the raster's CRS, as satimpact:greenratio
    result = green_ratio(
        source,
        model,
        band_map=band_map,
        zones=zones.engine_zones() if zones else None,
        cell_size=_number(params, "CELL_SIZE", 1000.0),
        mask_path=paths.get("raster"),
        feedback=feedback,
    )
    grid = result.grid
    rows, geoms = [], []
    warning = result.season.warning_text
    if zones is not None:
        figures = batch_zones.green_figures(zones.file, result, _text(params, "POPULATION_FIELD"), warning)
        zones.write(paths["vector"], figures)
        rows = figures
    for idx in sorted(result.stats) if zones is None else ():
        stats = result.stats[idx]
        row, col = divmod(idx, grid.cols)
        # None (NULL) where a cell holds no clear pixel, as satimpact:greenratio writes it
        rows.append({"cell_id": idx, "col": col, "row": row, **stats.figures(), "season_warning": warning})
        geoms.append(grid.cell_polygon(col, row))
    if zones is None:
        _write_cells(paths["vector"], grid.crs_wkt, rows, geoms)
    totals = result.totals
    summary = {
        "model": result.model,
        "green_ratio": totals.green_m2 / totals.valid_m2 if totals.valid_m2 > 0 else None,
        "cells": len(rows),
        "season_warning": warning,
        **(zones.counts() if zones else {}),
    }
    date = result.season.date.isoformat() if result.season.date else None
    return summary, date


def _run_flood(item, params, sources, paths, feedback, user_dir=None):
    from shapely import wkt as shapely_wkt

    from .change import damaged_count, detect_change
    from .raster import raster_info

    threshold = _number(params, "DAMAGE_THRESHOLD", 0.1)
    # The change raster is on BEFORE's grid, so zones are counted in BEFORE's CRS (as satimpact:floodchange).
    zones = _item_zones(params, raster_info(sources[0]).crs_wkt, sources[0])
    result = detect_change(
        sources[0],
        sources[1],
        paths["raster"],
        model_ref=_text(params, "MODEL"),
        band_map_before=_text(params, "BAND_MAP_BEFORE"),
        band_map_after=_text(params, "BAND_MAP_AFTER"),
        cell_size=_number(params, "CELL_SIZE", 1000.0),
        zones=zones.engine_zones() if zones else None,
        damage_threshold=threshold,
        feedback=feedback,
        user_dir=user_dir,
        # As satimpact:floodchange: automatic thresholds for radar dates unless AUTO_THRESHOLD=false.
        auto_threshold=_flag(params, "AUTO_THRESHOLD", True),
        auto_method=_method(params),
        radar_units=_text(params, "RADAR_UNITS"),
    )
    rows, geoms = [], []
    for cell in result.cells if zones is None else ():
        # None (NULL) where a cell holds no valid pixel, as satimpact:floodchange writes it
        rows.append({"cell_id": cell.key, "col": cell.col, "row": cell.row, **cell.figures(threshold)})
        geom = cell.geometry
        geoms.append(shapely_wkt.loads(geom) if isinstance(geom, str) else geom)
    if zones is None:
        _write_cells(paths["vector"], result.cells_crs_wkt, rows, geoms)
    else:
        rows = batch_zones.flood_figures(result, threshold)
        zones.write(paths["vector"], rows)
    summary = {
        "method": result.method.describe(),
        "new_flood_km2": result.areas_m2.get(2, 0.0) / 1e6 if isinstance(result.areas_m2, dict) else None,
        "damaged_cells": damaged_count(result.cells, threshold),  # as satimpact:floodchange counts them
        "cells": len(rows),
        **(zones.counts() if zones else {}),
    }
    return summary, None


def _run_poverty(item, params, source, paths, feedback, user_dir=None):
    from shapely.geometry import Polygon

    from .bands import resolve_bands
    from .geo import metric_crs_for
    from .model import load_model
    from .poverty_grid import (
        DEFAULT_MIN_VALID,
        ChipReader,
        build_grid,
        check_score_model,
        chip_ground_size,
        percentiles,
        raster_centre_lonlat,
        score_units,
        write_grid_raster,
        zone_units,
    )
    from .raster import raster_info
    from .registry import resolve_model

    model = load_model(resolve_model(_text(params, "MODEL") or "poverty_nk_siscore", user_dir))
    check_score_model(model)
    card = model.card
    spec = card.inputs[0]
    cell_size = _number(params, "CELL_SIZE", 1000.0)
    min_valid = _number(params, "MIN_VALID", DEFAULT_MIN_VALID)
    info = raster_info(source)
    bands = resolve_bands(spec.bands, info.count, info.descriptions, _text(params, "BAND_MAP"), spec.sensor)
    chip_m, _ = chip_ground_size(model, _resolution_m(source))
    extra = card.extra or {}
    render_gain = None
    rendering = extra.get("reflectance_rendering")
    dtypes = {info.dtypes[i - 1] for i in bands.indices}
    if rendering and dtypes != {"uint8"}:
        render_gain = float(rendering.get("gain", 2.5))
    lon, lat = raster_centre_lonlat(source)
    metric = metric_crs_for(lon, lat)
    # Zones in the metric CRS, not made valid, as satimpact:povertygrid.
    zones = _item_zones(params, metric, source, make_valid=False)
    if zones is None:
        grid, units = build_grid(source, cell_size, metric, chip_m)
    else:
        grid, units = None, zone_units(zones.zone_rings(), chip_m)
    with ChipReader(source, bands.indices, metric, chip_m, card.tiling.tile_size, render_gain) as reader:
        results = score_units(model, reader, units, feedback, min_valid)
    pct = percentiles([r.score for r in results])
    rows, geoms = [], []
    for k, (unit, res) in enumerate(zip(units, results) if zones is None else ()):
        row, col = unit.key
        rows.append(
            {
                "cell_id": row * grid.cols + col,
                "row": row,
                "col": col,
                "score": res.score,
                "score_percentile": pct[k],
                "valid_share": res.valid_share,
                "chips": res.chips,
                "chips_scored": res.chips_scored,
            }
        )
        geoms.append(Polygon(unit.rings[0][0]))
    from pyproj import CRS

    if zones is None:
        _write_cells(paths["vector"], CRS.from_user_input(metric).to_wkt(), rows, geoms)
    else:
        rows = batch_zones.poverty_figures(results, pct)
        zones.write(paths["vector"], rows)
    if paths.get("raster"):
        tags = {"SATIMPACT_MODEL": card.name, "SATIMPACT_CELL_SIZE_M": str(cell_size)}
        write_grid_raster(paths["raster"], grid, units, results, tags)
    scored = [r.score for r in results if r.score is not None]
    summary = {"model": card.name, "cells": len(rows), "cells_scored": len(scored)}
    summary.update(zones.counts() if zones else {})
    return summary, None


_RUNNERS = {
    "runmodel": _run_runmodel,
    "waterdetection": _run_water,
    "debrisdetection": _run_debris,
    "greenratio": _run_green,
    "povertygrid": _run_poverty,
}


def _worker_name() -> str:
    try:
        from distributed import get_worker

        worker = get_worker()
        return f"{worker.name} ({worker.address}, pid {os.getpid()})"
    except Exception:  # a serial run in this process
        return f"{socket.gethostname()} (pid {os.getpid()}, in process)"


WORKER_GDAL_CACHE = 64 << 20


def _cap_gdal_cache() -> None:
    """Cap GDAL's block cache for the worker process.

    It defaults to 5 % of RAM and lives as long as the worker process: over many items (or many
    windows of one raster) it would fill up, so memory per worker would grow with the batch.
    Items read each block about once, so a small cache costs nothing.
    """
    with contextlib.suppress(ImportError):
        from osgeo import gdal

        if gdal.GetCacheMax() > WORKER_GDAL_CACHE:
            gdal.SetCacheMax(WORKER_GDAL_CACHE)


_LIBC = None
# Free memory glibc may keep in its arenas before a task's end hands it back (see below).
TRIM_ABOVE_FREE_BYTES = 64 << 20


def _mallinfo_free_bytes(libc) -> int | None:
    """Bytes glibc holds free in all its arenas (mallinfo2's fordblks); None before glibc 2.33."""
    import ctypes

    mallinfo2 = getattr(libc, "mallinfo2", None)
    if mallinfo2 is None:
        return None
    names = ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")
    mallinfo2.restype = type("MallInfo2", (ctypes.Structure,), {"_fields_": [(n, ctypes.c_size_t) for n in names]})
    return int(mallinfo2().fordblks)


# glibc's mallopt parameters (malloc.h).
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
# Arrays up to this size come from the heap and are reused by the next item; larger ones are
# mapped afresh (glibc's own ceiling for its adaptive threshold on 64-bit, 32 MiB).
HEAP_ARRAYS_UP_TO_BYTES = 32 << 20
# Free memory at the heap's top that glibc keeps between items rather than returning it at
# once; run_chunk returns it at a task's end when it exceeds TRIM_ABOVE_FREE_BYTES.
KEEP_FREE_TOP_BYTES = 256 << 20
_MALLOC_TUNED = False


def _libc():
    global _LIBC
    if _LIBC is None:
        import ctypes

        _LIBC = ctypes.CDLL("libc.so.6")
    return _LIBC


def _keep_freed_memory_for_next_item() -> None:
    """Let a worker reuse the memory one item frees for the next (glibc's mallopt), once per process.

    Under glibc's defaults an item's arrays above its adaptive threshold are mapped afresh and
    the heap's top is handed back to the system as soon as it is freed, so every item faults its
    working memory in again: 45,000-92,000 page faults for 24 green-ratio items, and the same
    calls took 8-10 % longer than with these settings (0-1,000 faults; docs/batch.md). The
    memory stays bounded: a task ends with a trim when more than TRIM_ABOVE_FREE_BYTES is free.
    Linux with glibc only; elsewhere nothing changes.
    """
    global _MALLOC_TUNED
    if _MALLOC_TUNED or sys.platform != "linux":
        return
    _MALLOC_TUNED = True
    with contextlib.suppress(OSError, AttributeError):
        libc = _libc()
        libc.mallopt(_M_MMAP_THRESHOLD, HEAP_ARRAYS_UP_TO_BYTES)
        libc.mallopt(_M_TRIM_THRESHOLD, KEEP_FREE_TOP_BYTES)


def _release_free_memory() -> None:
    """Hand the memory freed by a task's items back to the system (glibc's malloc_trim).

    Workers keep glibc's adaptive malloc settings (see connect), under which freed blocks stay
    with the process: one worker's peak grew 3.3x over 64 windows of a raster 16x larger. So a
    task ends with a trim, but only when glibc holds more than TRIM_ABOVE_FREE_BYTES free: a
    trim gives back every free page, which the next items then fault in again, and that cost
    about 20 ms of CPU per task (24 water items as 24 tasks against one task: +0.49 s of worker
    CPU with a trim after each task, none without). Small items leave 12-48 MB free; memory per
    worker stays within one task's peak plus that bound. Far cheaper than Dask's
    MALLOC_TRIM_THRESHOLD_ setting, which mapped and unmapped every large array afresh.
    """
    if sys.platform != "linux":
        return
    with contextlib.suppress(OSError, AttributeError, ValueError):
        libc = _libc()
        free = _mallinfo_free_bytes(libc)
        if free is None or free > TRIM_ABOVE_FREE_BYTES:
            libc.malloc_trim(0)


def run_item(
    tool: str,
    item: BatchItem,
    params: dict,
    staging_root: str,
    names: dict[str, str],
    threads: int = 1,
    cancel_path: str | None = None,
    user_dir: str | None = None,
    lang: str | None = None,
) -> dict:
    """Run one item on a worker, into a fresh staging folder.

    The result tells the client which files to move to which final names. Never raises for a bad
    item (the error text goes back), so one item cannot stop the batch; a worker that dies is
    Dask's business (it runs the task again elsewhere).

    Args:
        tool: the tool's id.
        item: the item.
        params: the tool's parameters.
        staging_root: the staging folder shared with the client.
        names: role -> final file name (``output_names``).
        threads: onnxruntime threads on the worker.
        cancel_path: the cancel file to watch, or None.
        user_dir: the user's models folder, or None.
        lang: the client's language (``engine.i18n.language()``): a worker process starts in
            English, and the error texts and summaries it sends back are the client's log lines.

    Returns:
        dict: status ("done", "failed", "pending"), staged files with sizes and digests, figures,
        error text, time and peak memory.
    """
    # One onnxruntime thread per worker process: the cluster's parallelism is its workers.
    os.environ["SATIMPACT_THREADS"] = str(max(1, int(threads)))
    if lang is not None and lang != language():
        set_language(lang)
    _cap_gdal_cache()
    start = time.perf_counter()
    staging = os.path.join(staging_root, f"{item.key}-{uuid.uuid4().hex[:8]}")
    os.makedirs(staging, exist_ok=True)
    feedback = _TaskFeedback(cancel_path)
    result = {"key": item.key, "worker": _worker_name(), "staging": staging, "date": None, "summary": {}}
    try:
        paths = {role: os.path.join(staging, name) for role, name in names.items()}
        if tool == "floodchange":
            summary, date = _run_flood(item, params, item.inputs, paths, feedback, user_dir)
        else:
            source = item.inputs[0]
            if item.window is not None:
                source = _window_vrt(source, item.window, staging)
            summary, date = _RUNNERS[tool](item, params, source, paths, feedback, user_dir)
        missing = [p for p in paths.values() if not os.path.isfile(p)]
        if missing:
            raise EngineError(
                tr("the tool finished without writing {0}").format(", ".join(os.path.basename(p) for p in missing))
            )
        # Sizes and digests are taken here, on the worker, from the staged files: the client only
        # renames them (same file, same bytes), so its share of the work per item stays tiny.
        outputs = [
            {"role": role, "path": names[role], "size": os.path.getsize(p), "sha256": _sha256(p)}
            for role, p in paths.items()
        ]
        result.update(status="done", summary=summary, date=date, outputs=outputs)
    except Cancelled as exc:
        shutil.rmtree(staging, ignore_errors=True)
        result.update(status="pending", error=str(exc) or "cancelled")
    except Exception as exc:  # reported per item; the batch goes on
        shutil.rmtree(staging, ignore_errors=True)
        message = str(exc) if isinstance(exc, EngineError) else f"{type(exc).__name__}: {exc}"
        result.update(status="failed", error=message)
    result["seconds"] = time.perf_counter() - start
    result["max_rss_mb"] = _peak_rss_mb()
    return result


def _peak_rss_mb() -> float | None:
    """Peak memory of this worker process so far, for the manifest and the benchmark.

    Linux: VmHWM, the process's own peak. Not ru_maxrss: a worker is started by fork and exec from
    the nanny's process, and Linux carries that parent's peak over into the child's ru_maxrss (a
    worker that never held more than 65 MB reported the 537 MB its starting process had held).
    """
    with contextlib.suppress(OSError, StopIteration, ValueError, IndexError):
        with open("/proc/self/status") as fh:
            return int(next(line for line in fh if line.startswith("VmHWM:")).split()[1]) / 1024.0
    with contextlib.suppress(Exception):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (1 << 20 if sys.platform == "darwin" else 1024.0)  # bytes on macOS, KiB elsewhere
    return None


def run_chunk(
    tool: str,
    jobs: list[tuple[BatchItem, dict[str, str]]],
    params: dict,
    staging_root: str,
    threads: int = 1,
    cancel_path: str | None = None,
    user_dir: str | None = None,
    lang: str | None = None,
) -> list[dict]:
    """Run several items in one Dask task, one after another (see ``_chunk_size``).

    Items not started when the cancel file appears come back ``pending``. If the worker dies,
    Dask runs the whole task again elsewhere: nothing of it reached a final name, the client
    moves files only from results it received.

    Args:
        tool: the tool's id.
        jobs: (item, role -> output file name) per item, run in this order.
        params: the tool's parameters.
        staging_root: the folder under which each item writes its outputs before they are moved.
        threads: onnxruntime threads per item.
        cancel_path: a file whose presence cancels the batch, or None.
        user_dir: the user's models folder, or None.
        lang: the client's language (``engine.i18n.language()``), for the texts sent back.

    Returns:
        list[dict]: one result per job (``run_item``'s, or a ``pending`` one).
    """
    _keep_freed_memory_for_next_item()
    results = []
    for item, names in jobs:
        if cancel_path and os.path.exists(cancel_path):
            results.append({"key": item.key, "status": "pending", "error": "cancelled", "worker": None})
            continue
        results.append(run_item(tool, item, params, staging_root, names, threads, cancel_path, user_dir, lang))
    # Once per task (a few seconds of work or one long item), not per item, and only when much
    # memory is held free: a trim and the page faults after it cost about 20 ms.
    _release_free_memory()
    return results


# --- manifest ---------------------------------------------------------------------------------


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _input_stamp(paths) -> list:
    stamps = []
    for p in paths:
        try:
            st = os.stat(p)
            stamps.append([st.st_size, st.st_mtime_ns])
        except OSError:
            stamps.append(None)
    return stamps


class Manifest:
    """manifest.json in the output folder: one entry per item and parameter set.

    It is rewritten whole through a temporary file, so a crash never leaves it half written.
    """

    def __init__(self, folder: str):
        self.path = os.path.join(folder, MANIFEST)
        self.entries: dict[str, dict] = {}
        self.meta: dict = {}
        if os.path.exists(self.path):
            try:
                with open(self.path) as fh:
                    data = json.load(fh)
            except (OSError, json.JSONDecodeError) as exc:
                raise EngineError(
                    tr("{path} is not a readable manifest ({exc}); move it away to start afresh").format(
                        path=self.path, exc=exc
                    )
                ) from exc
            for entry in data.get("items", []):
                self.entries[entry["id"]] = entry
            self.meta = {k: v for k, v in data.items() if k != "items"}

    @staticmethod
    def entry_id(item: BatchItem, phash: str) -> str:
        """The manifest key of an item run with parameters of digest ``phash``.

        Args:
            item: the input item.
            phash: the parameters' digest (``parameters_hash``).
        """
        return f"{item.key}-{phash}"

    def is_intact(self, entry: dict, folder: str, stamps) -> bool:
        """Done, same input files, and every output still there with its recorded size and digest.

        Args:
            entry: the item's manifest entry.
            folder: the output folder its output paths are relative to.
            stamps: the input files' current (size, mtime) stamps, compared with the recorded ones.
        """
        if entry.get("status") != "done" or entry.get("input_stamp") != stamps:
            return False
        for out in entry.get("outputs", []):
            path = os.path.join(folder, out["path"])
            if not os.path.isfile(path) or os.path.getsize(path) != out["size"] or _sha256(path) != out["sha256"]:
                return False
        return True

    def save(self, durable: bool = False) -> None:
        """Write it whole to a temporary file and rename that over the manifest.

        A reader (or a run after a killed one) sees the old manifest or the new one, never half of
        one. Only the last save of a run is forced to the disk (``durable``): an fsync costs 2-30 ms
        here. A machine that loses power mid-run may lose the unforced saves; the next run then finds
        the older manifest (those items run again) or, on a file system that does not keep
        rename order, an unreadable one, which it refuses with a message rather than trust.

        Args:
            durable: fsync the file before the rename.
        """
        data = dict(self.meta)
        data["version"] = MANIFEST_VERSION
        data["updated"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        items = sorted(self.entries.values(), key=lambda e: (e.get("label", ""), e["id"]))
        tmp = f"{self.path}.{uuid.uuid4().hex[:8]}.part"
        with open(tmp, "w") as fh:
            # One item per line, each by json's C encoder: an indented dump goes through its
            # pure-Python encoder, 4x slower (10,000 items: 1.35 s against 0.37 s a save here).
            head = json.dumps(data, indent=1)
            fh.write(head[:-2] + ',\n "items": [\n')
            fh.write(",\n".join("  " + json.dumps(e) for e in items))
            fh.write("\n ]\n}\n")
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, self.path)


# --- the batch --------------------------------------------------------------------------------


@dataclass
class BatchReport:
    """What a batch run did: items done, skipped (done before), failed and pending, and time."""

    total: int
    done: int
    skipped: int
    failed: int
    pending: int
    manifest: str
    table: str | None
    mosaics: list[str]
    seconds: float
    dashboard: str | None
    failures: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False

    def describe(self) -> str:
        """One log line: the counts and the time."""
        return tr(
            "{total} items: {done} done ({skipped} already done before), {failed} failed, "
            "{pending} pending; {seconds:.1f} s"
        ).format(
            total=self.total,
            done=self.done,
            skipped=self.skipped,
            failed=self.failed,
            pending=self.pending,
            seconds=self.seconds,
        )


class _Log:
    def __init__(self, feedback: Feedback | None):
        self.feedback = feedback or Feedback()

    def info(self, text: str) -> None:
        self.feedback.info(text)

    def warning(self, text: str) -> None:
        self.feedback.warning(text)


def default_workers() -> int:
    """Workers of a local cluster: one per core."""
    return max(1, os.cpu_count() or 1)


@contextlib.contextmanager
def connect(scheduler: str | None = None, workers: int | None = None):
    """A Dask client: on ``scheduler`` (tcp://host:8786) or on a new local cluster.

    The local cluster has one single-threaded worker process per core (``workers`` to choose
    another number).

    Args:
        scheduler: the scheduler's address, or None for a local cluster.
        workers: local worker processes (None: one per core).

    Yields:
        distributed.Client: the client (the local cluster is closed afterwards).

    Raises:
        EngineError: dask/distributed missing, or the scheduler cannot be reached.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise EngineError(missing_dask_message()) from exc
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise EngineError(
                tr("SCHEDULER: cannot reach the Dask scheduler at {scheduler} ({exc})").format(
                    scheduler=scheduler, exc=exc
                )
            ) from exc
        try:
            yield client
        finally:
            client.close()
        return
    _fix_spawn_executable()
    import dask

    # Each worker holds one item ready besides the running one (the default, 1.1, makes a worker
    # wait a round trip to the scheduler between items); with items of a fraction of a second
    # that wait shows. Work stealing still moves queued items to idle workers.
    # The workers' statistical profiler samples every thread's stack each 10 ms; it made items of
    # a fraction of a second up to twice as slow on a busy 2-core machine.
    # Dask's nannies start workers with MALLOC_TRIM_THRESHOLD_=65536, which also turns off glibc's
    # adaptive mmap threshold: every array above 128 KiB is then mapped and unmapped afresh, and
    # the same engine calls took 20-40 % more CPU in a worker than in a plain process (measured,
    # docs/batch.md). Workers keep glibc's defaults, as the plain process has; memory per worker
    # stays flat (the GDAL block cache is what grew, and run_item caps it).
    dask.config.set(
        {
            "distributed.scheduler.worker-saturation": 2.0,
            "distributed.worker.profile.enabled": False,
            "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
            # Sampling for the dashboard's graphs (default 0.5 s) and the nannies' memory checks
            # (0.1 s): an idle 2-worker cluster took 7.5-8 % of a core; at 2 s and 1 s, 6-7 %.
            "distributed.admin.system-monitor.interval": "2s",
            "distributed.worker.memory.monitor-interval": "1s",
            # Every worker, nanny and the scheduler wake 50 times a second to time their event
            # loop (a health figure for the dashboard; the "event loop unresponsive" warning
            # still fires at 3 s). Idle, a worker took 2.5 % of a core and the client's process
            # (scheduler and nanny) 4.0 %; once a second, 0.5 % and 1.3 %.
            "distributed.admin.tick.interval": "1s",
        }
    )
    os.environ.pop("MALLOC_TRIM_THRESHOLD_", None)  # a nanny started earlier in this process set it here
    cluster = LocalCluster(
        n_workers=workers or default_workers(),
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        env={"SATIMPACT_THREADS": "1", "OMP_NUM_THREADS": "1"},
    )
    _slow_heartbeats(cluster.scheduler)
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


# How often the local cluster's workers report to its scheduler (Dask asks every 0.5 s of
# clusters up to 10 workers, and no setting changes that).
LOCAL_HEARTBEAT_SECONDS = 2.0


def _slow_heartbeats(scheduler) -> None:
    """Let the local cluster's workers report every LOCAL_HEARTBEAT_SECONDS instead of 0.5 s.

    A heartbeat costs a worker a few ms of its event loop, and its look for missing data follows
    the same rhythm: four wake-ups a second that take the GIL from the running item. With the
    worker's timers stopped, 24 poverty-grid items in a task ran 1.0 % slower than in a plain
    process, against 3.9 % with them; with heartbeats every 2 s, 2.0 % (6 interleaved rounds,
    medians; docs/batch.md). A dead worker is still noticed at once (its connection closes), and
    the nanny checks memory every second. The scheduler is this process's own: its reply to each
    heartbeat names the next interval, and only that is changed. A Dask without this handler
    keeps its own rhythm.
    """
    handlers = getattr(scheduler, "handlers", None)
    original = handlers.get("heartbeat_worker") if isinstance(handlers, dict) else None
    if original is None:
        return

    def heartbeat_worker(*args, **kwargs):
        reply = original(*args, **kwargs)
        if isinstance(reply, dict) and isinstance(reply.get("heartbeat-interval"), (int, float)):
            reply["heartbeat-interval"] = max(reply["heartbeat-interval"], LOCAL_HEARTBEAT_SECONDS)
        return reply

    handlers["heartbeat_worker"] = heartbeat_worker


def _fix_spawn_executable() -> None:
    """Start worker processes with the Python whose site-packages hold ``distributed``.

    Worker processes are started with ``sys.executable``; inside QGIS that is the QGIS binary or
    whichever python3 comes first on PATH, which may lack dask. The plugin's venv, or Debian's
    /usr/bin/python3, is used instead.
    """
    import multiprocessing.spawn

    import distributed

    site = os.path.dirname(os.path.dirname(os.path.realpath(distributed.__file__)))
    prefix = os.path.dirname(os.path.dirname(os.path.dirname(site)))  # <prefix>/lib/pythonX.Y/site-packages
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (os.path.join(prefix, "bin", version), os.path.join(prefix, "bin", "python3"), "/usr/bin/python3"):
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            multiprocessing.spawn.set_executable(candidate)
            return


def _package_on_path() -> str:
    """The folder that must be on PYTHONPATH for workers to import this package."""
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _check_workers_can_import(client, workers: frozenset) -> None:
    package = __name__.rsplit(".", 2)[0]
    if getattr(client, "_satimpact_checked", None) == workers:
        return  # these very workers were checked by an earlier batch on this client

    def probe(name=package):
        import importlib

        importlib.import_module(f"{name}.engine.batch")
        return True

    try:
        client.run(probe)
    except Exception as exc:
        raise EngineError(
            tr(
                "SCHEDULER: the workers cannot import '{package}' ({0}: {exc}); start them with "
                "PYTHONPATH={1} (the folder that holds the 'satimpact' link)"
            ).format(type(exc).__name__, _package_on_path(), package=package, exc=exc)
        ) from exc
    client._satimpact_checked = workers


def run_batch(
    tool: str,
    items: list[BatchItem],
    params: dict | str | None,
    output_folder: str,
    scheduler: str | None = None,
    workers: int | None = None,
    table: str | None = None,
    mosaic: bool = True,
    feedback: Feedback | None = None,
    cancel: threading.Event | None = None,
    client=None,
    user_dir: str | None = None,
) -> BatchReport:
    """Run ``tool`` over ``items`` on a Dask cluster; see the module docstring.

    Args:
        tool: the tool (any name ``canonical_tool`` accepts).
        items: the items.
        params: the tool's parameters (dict, JSON or KEY=VALUE text).
        output_folder: where outputs, the manifest, the table and mosaics go.
        scheduler: a Dask scheduler address, or None for a local cluster.
        workers: local workers (None: one per core).
        table: the GeoPackage of figures, or None.
        mosaic: build VRT mosaics (and, for split rasters, a COG) of the raster outputs.
        feedback: progress, cancel and messages.
        cancel: an event that stops the run, or None.
        client: an existing Dask client, or None.
        user_dir: the user's models folder, or None.

    Returns:
        BatchReport: what was done, skipped, failed and left pending.

    Raises:
        EngineError: an unknown tool or parameter, a tool that cannot be split into windows, a
            water run split into windows with an automatic threshold, dask missing or workers
            that cannot import the plugin, or an unreadable manifest.
    """
    tool = canonical_tool(tool)
    params = parse_parameters(params)
    check_parameters(tool, params)
    params = batch_zones.prepare(tool, params, {"OUTPUT_TABLE": table})  # zones read once; digest in the hash
    task_params = _task_parameters(tool, items, params, user_dir)
    log = _Log(feedback)
    for note in batch_zones.field_notes(tool, params, bool(table)):
        log.warning(note)
    feedback = feedback or Feedback()
    start = time.perf_counter()
    output_folder = os.path.abspath(output_folder)
    _check_output_folder(items, output_folder)
    os.makedirs(output_folder, exist_ok=True)
    staging_root = os.path.join(output_folder, STAGING)
    phash = parameters_hash(tool, params)
    manifest = Manifest(output_folder)
    manifest.meta.update(tool=tool, parameters=params, parameters_hash=phash)
    todo, skipped, entries = _plan(tool, items, params, phash, manifest, output_folder)
    manifest.save()
    log.info(
        tr("Batch {tool}: {0} items, {skipped} already done with intact outputs, {1} to run").format(
            len(items), len(todo), tool=tool, skipped=skipped
        )
    )
    feedback.progress(100.0 * skipped / len(items))

    dashboard, cancelled = None, False
    if todo:
        run = _Run(None, tool, task_params, output_folder, staging_root, manifest, feedback, cancel, log, user_dir)
        dashboard, cancelled = _run_on_cluster(run, client, scheduler, workers, todo, skipped, len(items))

    with contextlib.suppress(OSError):
        shutil.rmtree(staging_root)
    manifest.save(durable=True)
    report = _finish(
        entries,
        items,
        output_folder,
        table,
        mosaic,
        log,
        start,
        skipped=skipped,
        manifest=manifest.path,
        dashboard=dashboard,
        cancelled=cancelled,
    )
    log.info(report.describe())
    return report


def _run_on_cluster(run: _Run, client, scheduler, workers, todo: list, skipped: int, total: int):
    """Connect (or use ``client``), check the workers and schedule ``todo``; the dashboard and whether cancelled."""
    log = run.log
    own = client is None
    ctx = connect(scheduler, workers) if own else contextlib.nullcontext(client)
    with ctx as client:
        dashboard = getattr(client, "dashboard_link", None)
        info = client.scheduler_info()["workers"]
        workers_now = frozenset(info)
        log.info(
            tr("Dask: {client_scheduler_address}, {0} workers").format(
                len(workers_now), client_scheduler_address=client.scheduler.address
            )
        )
        if dashboard:
            log.info(tr("Dask dashboard: {dashboard}").format(dashboard=dashboard))
        _check_workers_can_import(client, workers_now)
        run.client = client
        threads = sum(int(w.get("nthreads") or 1) for w in info.values()) or 1
        cancelled = _schedule(run, todo, skipped, total, threads)
    return dashboard, cancelled


def _task_parameters(tool: str, items: list[BatchItem], params: dict, user_dir: str | None) -> dict:
    """Refuse items the tool cannot run; the parameters the tasks get."""
    windowed = [item for item in items if item.window is not None]
    if windowed and tool not in SPLITTABLE:
        raise EngineError(
            tr("{tool} uses statistics of the whole scene and cannot be split into windows").format(tool=tool)
        )
    if windowed and tool == "waterdetection" and water_threshold_is_automatic(windowed[0].inputs[0], params, user_dir):
        raise EngineError(
            tr(
                "this water run thresholds each scene by its own histogram (AUTO_THRESHOLD, or "
                "the radar model's default): windows would each get their own threshold; give "
                "THRESHOLD to split the raster"
            )
        )
    task_params = params
    if windowed and tool == "waterdetection" and _uses_dark_water_default(params):
        from .model_choice import dark_water_default

        decided = {}
        for whole in sorted({item.inputs[0] for item in windowed}):
            choice, info = _water_choice(whole, params, user_dir)
            decided[whole] = dark_water_default(choice, whole, info, user_dir)
        task_params = {**params, DARK_WATER_KEY: decided}
    if tool == "floodchange" and any(len(i.inputs) != 2 for i in items):
        raise EngineError(tr("floodchange runs on before,after pairs (a CSV with columns before,after)"))
    if not items:
        raise EngineError(tr("INPUTS: no items to run"))
    return task_params


def _check_output_folder(items: list[BatchItem], output_folder: str) -> None:
    """Refuse an output folder that holds inputs of the batch."""
    # Outputs next to the inputs would be taken for inputs by the next run over the same folder.
    roots = (os.path.realpath(output_folder) + os.sep, output_folder + os.sep)
    inside = [
        p
        for item in items
        for p in item.inputs
        if any(os.path.abspath(p).startswith(r) or os.path.realpath(p).startswith(r) for r in roots)
    ]
    if inside:
        raise EngineError(
            tr(
                "OUTPUT_FOLDER {output_folder} holds inputs of the batch ({0}...): write the "
                "outputs to a folder of their own"
            ).format(os.path.basename(inside[0]), output_folder=output_folder)
        )


def _plan(tool: str, items: list[BatchItem], params: dict, phash: str, manifest: Manifest, output_folder: str):
    """Skip items whose outputs the manifest holds intact; the items to run, the skipped count, all entries."""
    todo, skipped, entries = [], 0, []
    for item in items:
        entry_id = Manifest.entry_id(item, phash)
        names = output_names(tool, params, item)
        stamps = _input_stamp(item.inputs)
        old = manifest.entries.get(entry_id)
        if old is not None and manifest.is_intact(old, output_folder, stamps):
            skipped += 1
            entries.append(old)
            continue
        entry = {
            "id": entry_id,
            "key": item.key,
            "label": item.label,
            "input": list(item.inputs),
            "input_stamp": stamps,
            "window": None if item.window is None else {"read": item.window.read, "core": item.window.core},
            "tool": tool,
            "parameters_hash": phash,
            "status": "pending",
            "error": None,
            "outputs": [{"role": r, "path": n} for r, n in names.items()],
            "seconds": None,
            "worker": None,
            "finished": None,
        }
        manifest.entries[entry_id] = entry
        entries.append(entry)
        todo.append((item, names, entry))
    return todo, skipped, entries


def _finish(entries, items: list[BatchItem], output_folder: str, table, mosaic: bool, log: _Log, start, **figures):
    """Write the combined table and the mosaics; the report (``figures``: skipped, manifest, dashboard, cancelled)."""
    done_entries = [e for e in entries if e["status"] == "done"]
    failures = [(e["label"], e["error"]) for e in entries if e["status"] == "failed"]
    table_path = None
    if table and done_entries:
        table_path = write_table(table, done_entries, output_folder)
        log.info(tr("Combined table: {table_path}").format(table_path=table_path))
    mosaics = build_mosaics(done_entries, output_folder, items) if mosaic and done_entries else []
    for m in mosaics:
        log.info(tr("Mosaic: {m}").format(m=m))
    return BatchReport(
        total=len(items),
        done=len(done_entries),
        failed=len(failures),
        pending=sum(1 for e in entries if e["status"] == "pending"),
        table=table_path,
        mosaics=mosaics,
        seconds=time.perf_counter() - start,
        failures=failures,
        **figures,
    )


@dataclass
class _Run:
    client: object
    tool: str
    params: dict
    output_folder: str
    staging_root: str
    manifest: Manifest
    feedback: Feedback
    cancel: threading.Event | None
    log: _Log
    user_dir: str | None


# A task runs several small items back to back so that Dask's fixed cost per task (a round trip
# through the scheduler: measured here 3-6 ms of the worker's CPU and 5-7 ms of the client's and
# scheduler's, about a tenth of a small item) is paid once per few seconds of work, not once per
# item; long items still get a task each. The end of the batch still gets small tasks (below).
CHUNK_SECONDS = 3.0
MAX_CHUNK_ITEMS = 256


def _chunk_size(remaining: int, threads: int, seconds_per_item: float | None) -> int:
    """How many items the next task gets.

    One while no item has been timed yet; then about CHUNK_SECONDS of work, never more than an
    even share of what is left (remaining / 2 per worker thread, so the chunks shrink towards the
    end and the workers finish together). A single worker thread has nobody to finish with: its
    tasks do not shrink, which saves Dask's cost per task (a 24-item batch: 3 tasks instead of 7).
    """
    if seconds_per_item is None or remaining <= 1:
        return 1
    by_time = int(CHUNK_SECONDS / max(seconds_per_item, 1e-3))
    share = remaining if threads <= 1 else -(-remaining // (2 * threads))  # ceil
    return max(1, min(by_time, share, MAX_CHUNK_ITEMS))


def _expected_work(job: tuple) -> int:
    """A rough measure of an item's work, to hand out the largest items first.

    Workers finish together when the small items come last: they fill the gaps, where a large
    item handed out last keeps one worker busy while the others wait (24 inputs on 2 workers,
    listed small ones first: one worker idle 70-200 ms at the end of a 1.2 s run). The inputs'
    file sizes (already taken for the manifest), or a window's pixels; nothing is opened.
    """
    item, _, entry = job
    if item.window is not None:
        return item.window.read[2] * item.window.read[3]
    return sum(stamp[0] for stamp in entry.get("input_stamp") or () if stamp)


def _schedule(run: _Run, todo: list, skipped: int, total: int, threads: int) -> bool:
    """Hand out the items in chunks (``_chunk_size``), two tasks per worker thread at a time.

    Each item is recorded as its task comes back (progress = finished items); stop on cancel.
    """
    return _Scheduler(run, todo, skipped, total, threads).run()


class _Scheduler:
    """The state of one ``_schedule`` call: the queues, the tasks in flight and the timings."""

    def __init__(self, run: _Run, todo: list, skipped: int, total: int, threads: int):
        import collections

        self.r, self.total, self.threads = run, total, threads
        os.makedirs(run.staging_root, exist_ok=True)
        self.cancel_path = os.path.join(run.staging_root, f"cancel-{uuid.uuid4().hex[:12]}")
        self.queue = collections.deque(sorted(todo, key=_expected_work, reverse=True))  # stable: ties keep their order
        self.solo: collections.deque = collections.deque()  # items of a task that died: one per task now
        self.inflight: dict = {}  # future -> the (item, names, entry) it runs
        self.timings: list[float] = []
        self.threads_at = time.monotonic()
        self.finished, self.last_save, self.dirty = skipped, time.monotonic(), False
        self.save_seconds = 0.0  # how long the last manifest save took
        self.cancelled = False

    def run(self) -> bool:
        """Schedule until every task is back or the run is cancelled; whether it was cancelled."""
        from distributed import wait

        cancel, feedback = self.r.cancel, self.r.feedback
        self.submit_more()
        while self.inflight:
            try:
                stop = (cancel is not None and cancel.is_set()) or feedback.is_cancelled()
                if not stop:
                    with contextlib.suppress(TimeoutError):
                        wait(list(self.inflight), timeout=0.2, return_when="FIRST_COMPLETED")
            except KeyboardInterrupt:  # Ctrl-C on the command line: a cancel, the manifest stays right
                stop = True
            if stop:
                self.stop()
                break
            for future in [f for f in self.inflight if f.status in ("finished", "error", "cancelled")]:
                self.collect(future)
            self.submit_more()
            # At most once a second, and never more than a twentieth of the client's time: the
            # manifest is rewritten whole, so a save grows with the batch (tens of thousands of
            # items take a good fraction of a second each).
            if self.dirty and time.monotonic() - self.last_save > max(1.0, 20 * self.save_seconds):
                started = time.monotonic()
                self.r.manifest.save()
                self.last_save, self.dirty = time.monotonic(), False
                self.save_seconds = self.last_save - started
        return self.cancelled  # run_batch saves the manifest once more after cleaning the staging folder

    def submit_more(self) -> None:
        """Keep two tasks per worker thread in flight."""
        import statistics

        run, client = self.r, self.r.client
        if time.monotonic() - self.threads_at > 5.0:  # workers may come and go on a real cluster
            with contextlib.suppress(Exception):
                self.threads = max(1, sum(client.nthreads().values()))
            self.threads_at = time.monotonic()
        queue, solo = self.queue, self.solo
        while len(self.inflight) < 2 * self.threads and (queue or solo):
            if solo:
                chunk = [solo.popleft()]
            else:
                per_item = statistics.median(self.timings) if self.timings else None
                size = _chunk_size(len(queue), self.threads, per_item)
                chunk = [queue.popleft() for _ in range(min(len(queue), size))]
            future = client.submit(
                run_chunk,
                run.tool,
                [(item, names) for item, names, _ in chunk],
                run.params,
                run.staging_root,
                1,
                self.cancel_path,
                run.user_dir,
                language(),
                key=f"satimpact-{run.tool}-{chunk[0][0].label[:40]}-{len(chunk)}-{uuid.uuid4().hex[:8]}",
                pure=False,
                retries=0,
            )
            self.inflight[future] = chunk

    def collect(self, future) -> None:
        """Record the items of a task that came back."""
        chunk = self.inflight.pop(future)
        try:
            outcomes = future.result()
        except Exception as exc:  # the task itself died (its worker was killed too often)
            if len(chunk) > 1:
                if self.cancelled:
                    return  # its items stay pending for the next run
                # One item may be what kills its worker: give each its own task, so only it fails.
                self.r.log.warning(
                    tr("a task of {0} items failed ({1}: {exc}); running them one by one").format(
                        len(chunk), type(exc).__name__, exc=exc
                    )
                )
                self.solo.extend(chunk)
                return
            outcomes = [{"status": "failed", "error": f"{type(exc).__name__}: {exc}", "worker": None, "seconds": None}]
        for (_, _, entry), outcome in zip(chunk, outcomes):
            _record(outcome, entry, self.r.output_folder, self.r.log)
            if entry["status"] in ("done", "failed"):
                self.finished += 1
                self.dirty = True
                if entry["status"] == "done" and outcome.get("seconds"):
                    self.timings.append(outcome["seconds"])  # a failure is often quick: not a measure
        self.r.feedback.progress(100.0 * self.finished / self.total)

    def stop(self) -> None:
        """Cancel: start nothing more, keep what the running tasks finish."""
        from distributed import wait

        self.cancelled = True
        self.r.log.warning(tr("Cancelled: no new items start; finished items stay done"))
        with open(self.cancel_path, "w"):
            pass
        self.queue.clear()
        self.solo.clear()
        # Running tasks stop at their next item (or inside one within 0.2 s) and come back
        # with what they finished; those items are kept.
        with contextlib.suppress(Exception):
            wait(list(self.inflight), timeout=30)
        for future in [f for f in self.inflight if f.status in ("finished", "error")]:
            self.collect(future)
        self.r.client.cancel(list(self.inflight))
        self.inflight.clear()


def _record(outcome: dict, entry: dict, output_folder: str, log: _Log) -> None:
    """Move a finished item's files from staging to their final names, then note them.

    With the sizes and digests the worker took from the staged files.
    """
    entry["worker"] = outcome.get("worker")
    entry["seconds"] = outcome.get("seconds")
    entry["worker_peak_mb"] = outcome.get("max_rss_mb")
    entry["finished"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    status = outcome.get("status")
    if status == "done":
        try:
            for out in outcome["outputs"]:
                # same file system: a whole file appears under the final name, or none
                os.replace(os.path.join(outcome["staging"], out["path"]), os.path.join(output_folder, out["path"]))
        except OSError as exc:  # e.g. the output folder is not shared with the workers
            message = (
                f"the worker wrote {outcome['staging']}, which this machine cannot move into place ({exc}); "
                "the output folder must be at the same path on every worker"
            )
            entry.update(status="failed", error=message)
            log.warning(tr("{0}: failed: {message}").format(entry["label"], message=message))
            shutil.rmtree(outcome["staging"], ignore_errors=True)
            return
        try:
            os.rmdir(outcome["staging"])
        except OSError:
            shutil.rmtree(outcome["staging"], ignore_errors=True)
        entry.update(
            status="done",
            error=None,
            outputs=outcome["outputs"],
            summary=outcome.get("summary"),
            date=outcome.get("date"),
        )
    elif status == "failed":
        entry.update(status="failed", error=outcome.get("error"))
        log.warning(tr("{0}: failed: {1}").format(entry["label"], outcome.get("error")))
    else:
        entry.update(status="pending", error=None)


# --- results over all items -------------------------------------------------------------------


def write_table(path: str, entries: list[dict], output_folder: str) -> str:
    """Write the figures of a batch as one GeoPackage (EPSG:4326).

    One row per cell per input for the grid tools, one row per input (its footprint and figures)
    for the raster tools, with the input's date where known. A zone field named like one of the
    table's own columns (input, label, ...) is kept as ``zone_<name>`` (batch_zones.table_renames).

    Args:
        path: the GeoPackage to write (replaced whole; its folder is created).
        entries: the manifest entries of the finished items.
        output_folder: the folder their output paths are relative to.

    Returns:
        str: the table's absolute path.
    """
    import geopandas as gpd
    import pandas as pd
    from shapely import wkt as shapely_wkt

    frames = []
    for entry in entries:
        base = {
            "input": ";".join(os.path.basename(p) for p in entry["input"]),
            "label": entry["label"],
            # The date is read here, once per input, rather than on the workers for every run.
            "date": entry.get("date") or input_date(entry["input"][-1]),
            "tool": entry["tool"],
            "parameters_hash": entry["parameters_hash"],
        }
        vector = next((o for o in entry["outputs"] if o["role"] == "vector"), None)
        if vector is not None and entry["tool"] in ("greenratio", "floodchange", "povertygrid"):
            cells = gpd.read_file(os.path.join(output_folder, vector["path"]))  # its one layer: cells or zones
            if cells.crs is not None:
                cells = cells.to_crs("EPSG:4326")
            cells = cells.rename(columns=batch_zones.table_renames(cells.columns))  # zone fields kept
            if entry["tool"] == "floodchange":  # read back as floats where NULL: integers again
                cells = batch_zones.typed_figures(cells, batch_zones.FLOOD_FIGURES)
            for k, v in base.items():
                cells[k] = v
            frames.append(cells)
            continue
        raster = next((o for o in entry["outputs"] if o["role"] == "raster"), None)
        source = os.path.join(output_folder, raster["path"]) if raster else entry["input"][0]
        footprint = _footprint_wgs84(source)
        row = dict(base)
        for k, v in (entry.get("summary") or {}).items():
            if isinstance(v, (int, float, str)) or v is None:
                row[k] = v
        row["output"] = raster["path"] if raster else None
        frames.append(
            gpd.GeoDataFrame([row], geometry=[shapely_wkt.loads(footprint)] if footprint else [None], crs="EPSG:4326")
        )
    table = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs="EPSG:4326")
    path = os.path.abspath(path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.{uuid.uuid4().hex[:8]}.part.gpkg")
    table.to_file(tmp, driver="GPKG", layer=TABLE_LAYER)
    os.replace(tmp, path)
    return path


def build_mosaics(entries: list[dict], output_folder: str, items: list[BatchItem]) -> list[str]:
    """A VRT over the raster outputs (``<tool>-<hash>.mosaic.vrt``, one per CRS).

    For a split raster, the windows' cores are merged into ``<stem>.mosaic.vrt`` and a Cloud
    Optimized GeoTIFF ``<stem>.mosaic.tif`` (only once every window is done).

    Args:
        entries: the manifest entries of the finished items.
        output_folder: the folder their output paths are relative to, where mosaics are written.
        items: all the batch's items (to tell whether every window of a split raster is done).

    Returns:
        list[str]: the paths of the mosaics made.

    Raises:
        EngineError: GDAL cannot write a mosaic (VRT or COG).
    """
    import rasterio
    from osgeo import gdal

    rasters = []
    for e in entries:
        out = next((o for o in e["outputs"] if o["role"] == "raster"), None)
        if out:
            rasters.append((e, os.path.join(output_folder, out["path"])))
    if not rasters:
        return []
    made = []
    windowed = [(e, p) for e, p in rasters if e.get("window")]
    whole = [(e, p) for e, p in rasters if not e.get("window")]
    if whole:
        by_crs: dict[str, list[str]] = {}
        for _, p in whole:
            with rasterio.open(p) as ds:
                by_crs.setdefault(ds.crs.to_string() if ds.crs else "none", []).append(p)
        # Named by tool and parameters like the outputs, so runs with other parameters keep theirs.
        first = whole[0][0]
        stem = f"{first['tool']}-{first['parameters_hash']}.{MOSAIC}"
        for crs, paths in sorted(by_crs.items()):
            suffix = "" if len(by_crs) == 1 else "_" + "".join(c if c.isalnum() else "_" for c in crs)[:24]
            made.append(_build_vrt(os.path.join(output_folder, f"{stem}{suffix}.vrt"), sorted(paths)))
    if windowed:
        groups: dict[tuple, list] = {}
        for e, p in windowed:
            groups.setdefault((tuple(e["input"]), e["parameters_hash"], e["tool"]), []).append((e, p))
        expected = {}
        for item in items:
            if item.window is not None:
                expected[tuple(item.inputs)] = expected.get(tuple(item.inputs), 0) + 1
        for (inputs, phash, tool), parts in groups.items():
            if len(parts) != expected.get(inputs, -1):
                continue  # not all windows done yet: no partial mosaic
            stem = f"{_stem(inputs[0])}.{tool}-{phash}.{MOSAIC}"
            cores_dir = os.path.join(output_folder, f"{stem}.cores")
            os.makedirs(cores_dir, exist_ok=True)
            cores = []
            for e, p in sorted(parts, key=lambda t: t[0]["label"]):
                read, core = e["window"]["read"], e["window"]["core"]
                win = [core[0] - read[0], core[1] - read[1], core[2], core[3]]
                core_path = os.path.join(cores_dir, os.path.basename(p).replace(".tif", ".core.vrt"))
                ds = gdal.Translate(core_path, p, format="VRT", srcWin=win)
                ds = None
                cores.append(core_path)
            vrt = _build_vrt(os.path.join(output_folder, f"{stem}.vrt"), cores)
            tif = os.path.join(output_folder, f"{stem}.tif")
            tmp = os.path.join(output_folder, f".{stem}.{uuid.uuid4().hex[:8]}.part.tif")
            with rasterio.open(parts[0][1]) as ds:
                predictor = {2: "STANDARD", 3: "FLOATING_POINT"}.get(int(ds.profile.get("predictor") or 1))
                compress = str(ds.compression.value).upper() if ds.compression else "DEFLATE"
                integer = ds.dtypes[0].startswith(("uint", "int"))
            # A Cloud Optimized GeoTIFF: tiled, with overviews (nearest for classes and masks).
            options = ["BIGTIFF=IF_SAFER", f"COMPRESS={compress}", f"RESAMPLING={'NEAREST' if integer else 'AVERAGE'}"]
            if predictor:
                options.append(f"PREDICTOR={predictor}")
            ds = gdal.Translate(tmp, vrt, format="COG", creationOptions=options)
            if ds is None:
                raise EngineError(tr("cannot write {tif}: {0}").format(gdal.GetLastErrorMsg(), tif=tif))
            ds = None
            os.replace(tmp, tif)
            made += [vrt, tif]
    return made


def _build_vrt(path: str, sources: list[str]) -> str:
    from osgeo import gdal

    tmp = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.{uuid.uuid4().hex[:8]}.part.vrt")
    ds = gdal.BuildVRT(tmp, sources)
    if ds is None:
        raise EngineError(tr("cannot build {path}: {0}").format(gdal.GetLastErrorMsg(), path=path))
    ds = None
    # Relative source paths keep the folder movable; GDAL writes them relative to the VRT's folder.
    os.replace(tmp, path)
    return path


def run_serial(tool: str, items: list[BatchItem], params: dict | str | None, output_folder: str) -> list[dict]:
    """Run the same items in this process, one after another, without Dask or the manifest.

    The reference a batch is compared with (tests, benchmark).

    Args:
        tool: the tool, by any accepted name.
        items: the input items.
        params: the tool's parameters (dict, JSON or KEY=VALUE text, or None).
        output_folder: where the outputs of the items that succeed are moved.

    Returns:
        list[dict]: one result per item (``run_item``'s).

    Raises:
        EngineError: an unknown tool or unreadable parameters.
    """
    tool = canonical_tool(tool)
    params = batch_zones.prepare(tool, parse_parameters(params))
    staging_root = os.path.join(output_folder, STAGING)
    results = []
    for item in items:
        names = output_names(tool, params, item)
        outcome = run_item(tool, item, params, staging_root, names, threads=1)
        if outcome["status"] == "done":
            for name in names.values():
                os.replace(os.path.join(outcome["staging"], name), os.path.join(output_folder, name))
            shutil.rmtree(outcome["staging"], ignore_errors=True)
        results.append(outcome)
    with contextlib.suppress(OSError):
        os.rmdir(staging_root)
    return results


# --- command line -----------------------------------------------------------------------------


class _PrintFeedback(Feedback):
    def __init__(self):
        self.last = -1

    def progress(self, percent: float) -> None:
        step = int(percent)
        if step != self.last:
            self.last = step
            print(f"progress {step} %", flush=True)

    def info(self, message: str) -> None:
        print(message, flush=True)

    def warning(self, message: str) -> None:
        print(f"warning: {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """The command line (``python -m satimpact.engine.batch``); returns the exit status.

    Args:
        argv: the arguments, or None for ``sys.argv[1:]``.

    Returns:
        int: 0 when every item succeeded, 1 when some failed, 2 on an error (message on
        stderr), 130 when interrupted.
    """
    parser = argparse.ArgumentParser(
        prog="python -m satimpact.engine.batch",
        description="Run a SatImpact tool over many inputs on a Dask cluster (no QGIS needed).",
    )
    parser.add_argument(
        "--tool", required=True, help=f"one of {', '.join(TOOLS)} (or water, debris, green, flood, poverty)"
    )
    src = parser.add_mutually_exclusive_group(required=True)
    src.add_argument("--inputs", nargs="+", help="input rasters")
    src.add_argument("--folder", help="folder of inputs (with --glob)")
    src.add_argument("--pairs", help="CSV of before,after pairs (floodchange)")
    src.add_argument("--split", help="one large raster, cut into windows (runmodel, waterdetection)")
    parser.add_argument("--glob", default="*.tif", help="pattern inside --folder (default *.tif; ** for subfolders)")
    parser.add_argument("--window", type=int, default=2048, help="window size in pixels for --split (default 2048)")
    parser.add_argument(
        "--overlap", type=int, default=None, help="overlap in pixels for --split (default: the model's)"
    )
    parser.add_argument("--param", action="append", default=[], help="KEY=VALUE parameter of the tool (repeatable)")
    parser.add_argument("--parameters", default="", help="parameters as JSON or KEY=VALUE,KEY=VALUE")
    parser.add_argument(
        "--scheduler", default=None, help="Dask scheduler address, e.g. tcp://host:8786 (default: a LocalCluster)"
    )
    parser.add_argument("--workers", type=int, default=None, help="LocalCluster workers (default: one per core)")
    parser.add_argument("--output-folder", required=True)
    parser.add_argument(
        "--output-table", default=None, help="combined GeoPackage (default: <output folder>/batch.gpkg)"
    )
    parser.add_argument("--no-table", action="store_true")
    args = parser.parse_args(argv)
    # No QGIS here to give its locale: SATIMPACT_LANGUAGE, else the shell's (ko_KR.UTF-8 -> Korean).
    set_language(
        next(
            (os.environ[k] for k in ("SATIMPACT_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(k)), None
        )
    )

    try:
        tool = canonical_tool(args.tool)
        params = parse_parameters(args.parameters)
        for pair in args.param:
            params.update(parse_parameters(pair))
        if args.inputs:
            items = items_from_files(args.inputs)
        elif args.folder:
            items = items_from_folder(args.folder, args.glob)
        elif args.pairs:
            items = items_from_pairs(args.pairs)
        else:
            overlap = args.overlap if args.overlap is not None else split_overlap(tool, params)
            items = items_from_split(args.split, args.window, overlap)
        table = None if args.no_table else (args.output_table or os.path.join(args.output_folder, "batch.gpkg"))
        report = run_batch(
            tool, items, params, args.output_folder, args.scheduler, args.workers, table, feedback=_PrintFeedback()
        )
    except EngineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: finished items and the manifest are kept; run again to resume", file=sys.stderr)
        return 130
    for label, error in report.failures:
        print(f"failed: {label}: {error}", file=sys.stderr)
    print(f"manifest: {report.manifest}")
    return 0 if report.failed == 0 else 1


def split_overlap(tool: str, params: dict, user_dir: str | None = None) -> int:
    """The overlap a split needs: the model's own tile overlap (0 for pixelwise models).

    Args:
        tool: the tool's id.
        params: its parameters (MODEL for runmodel).
        user_dir: the user's models folder, or None.

    Returns:
        int: overlap, pixels.

    Raises:
        EngineError: runmodel without MODEL.
    """
    from .model import load_model
    from .registry import resolve_model

    reference = _text(params, "MODEL")
    if not reference:
        if tool == "waterdetection":
            return 0  # the shipped water models are pixelwise
        raise EngineError(tr("--split with runmodel needs MODEL"))
    card = load_model(resolve_model(reference, user_dir)).card
    return int(card.tiling.overlap or 0)


if __name__ == "__main__":
    # Run as ``-m``, this file is ``__main__``: tasks must name the importable module instead,
    # or workers could not unpickle them.
    import importlib

    sys.exit(importlib.import_module(__spec__.name).main())
