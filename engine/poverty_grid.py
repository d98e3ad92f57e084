"""Scoring grid cells or zones with a chip model (poverty / development scores).

Cells are squares of ``cell_size`` metres in a metric CRS chosen for the area (the UTM
zone of the raster's centre, or a polar stereographic CRS beyond 84 degrees), also when
the raster is in EPSG:4326 or EPSG:3857, so a "1 km cell" is 1 km on the ground.

A cell or zone is scored from chips: squares of the model's ground footprint
(``chip_ground_m`` in the card) resampled from the raster into the metric CRS at
``tile_size`` pixels (area average).

- A unit no larger than ``ONE_CHIP_MAX`` chips (the longer side of its bounding box) gets
  exactly one chip, centred on it: a map tile given as a zone is scored from the tile itself,
  and a 1 km cell from the ~1.9 km of context the model learnt from.
- A larger unit gets the area-weighted mean of a dense score surface: chips on a lattice at a
  stride of half a chip (anchored at multiples of the stride, so neighbouring units share
  chips), each lattice square taking the mean score of the four chips that cover it. The
  weight of a square is its area inside the unit, so a unit's score does not depend on where
  a chip happens to fall, and moving a grid by part of a cell changes little.

A chip with less than ``min_valid_share`` valid pixels gets no score; a square with no scored
chip drops out of the mean, and a unit with no scored chip gets no score (NULL), never a zero.

Rasters are read a chip window at a time, never whole.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np

from .errors import Cancelled, EngineError
from .i18n import tr
from .model import LoadedModel, default_threads, get_session
from .raster import check_output_writable, commit_output, gtiff_profile, remove_quietly, temporary_path
from .runner import Feedback, make_pool, prepare_input

DEFAULT_MIN_VALID = 0.5
ONE_CHIP_MAX = 1.5  # units up to this many chips across get one centred chip
SURFACE_STRIDE = 0.5  # larger units: chips every half chip
_AREA_POINTS = 4_000_000  # sample points per unit for the area of each lattice square inside it


def raster_centre_lonlat(path: str) -> tuple[float, float]:
    """Longitude and latitude (WGS 84) of a raster's centre.

    Args:
        path: the raster.

    Returns:
        tuple[float, float]: (longitude, latitude), degrees.

    Raises:
        EngineError: the raster has no CRS.
    """
    import rasterio
    from rasterio.warp import transform

    with rasterio.open(path) as ds:
        if ds.crs is None:
            raise EngineError(tr("{path} has no coordinate reference system").format(path=path))
        cx = ds.transform.c + ds.transform.a * ds.width / 2 + ds.transform.b * ds.height / 2
        cy = ds.transform.f + ds.transform.d * ds.width / 2 + ds.transform.e * ds.height / 2
        xs, ys = transform(ds.crs, "EPSG:4326", [cx], [cy])
    return float(xs[0]), float(ys[0])


@dataclass
class Unit:
    """A cell or zone: its id, polygon rings (metric CRS), chip centres and surface squares.

    For a unit scored from the dense surface, its lattice squares are (area inside the unit,
    indices of the chips covering the square). Without squares the unit's score is the mean of
    its chips.
    """

    key: object
    rings: list  # list of polygons, each a list of rings [(x, y), ...]
    chips: list[tuple[float, float]]
    squares: list[tuple[float, tuple[int, ...]]] | None = None


@dataclass
class UnitScore:
    """A unit's score (None where no chip was scored), its valid share and chip counts."""

    score: float | None
    valid_share: float
    chips: int
    chips_scored: int


@dataclass
class GridSpec:
    """Square cells in a metric CRS: origin (west, top), cell side, columns and rows."""

    crs: str
    x0: float
    y1: float  # top edge
    cell: float
    cols: int
    rows: int

    def cell_bounds(self, row: int, col: int) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) of one cell, in the grid's CRS.

        Args:
            row: the cell's row, 0 at the top.
            col: the cell's column, 0 at the left.
        """
        x = self.x0 + col * self.cell
        y = self.y1 - row * self.cell
        return x, y - self.cell, x + self.cell, y


def plan_unit(key, rings: list, chip: float, anchor: tuple[float, float] | None = None) -> Unit:
    """The chips (and surface squares) that score one cell or zone; see the module docstring.

    Args:
        key: the unit's key (cell or zone id), kept in the result.
        rings: the unit's polygons in the metric CRS, each a list of rings of (x, y).
        chip: the chip's ground size, metres.
        anchor: a point on the unit's surface, used when its bounding box centre lies outside
            it; None to always use the centre.
    """
    pts = np.array([p for polygon in rings for ring in polygon for p in ring], dtype=np.float64)
    if len(pts) == 0:
        return Unit(key, rings, [])
    x0, y0 = pts.min(axis=0)
    x1, y1 = pts.max(axis=0)
    if max(x1 - x0, y1 - y0) <= ONE_CHIP_MAX * chip:
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        if anchor is not None and not lattice_in_polygon(cx, cy, 1e-3 * chip, 1, 1, rings)[0, 0]:
            cx, cy = anchor  # a bent zone whose box centre lies outside it
        return Unit(key, rings, [(float(cx), float(cy))])
    step = chip * SURFACE_STRIDE
    a0, a1 = int(math.floor(x0 / step)), int(math.ceil(x1 / step))
    b0, b1 = int(math.floor(y0 / step)), int(math.ceil(y1 / step))
    # Area of every lattice square inside the unit from a regular sample of points.
    # As many sample points per square side as keep the unit under _AREA_POINTS (8 to 32).
    n = int(min(32, max(8, math.sqrt(_AREA_POINTS / max(1, (a1 - a0) * (b1 - b0))))))
    fine = step / n
    inside = lattice_in_polygon(
        a0 * step + fine / 2, b0 * step + fine / 2, fine, (a1 - a0) * n, (b1 - b0) * n, rings
    ).reshape(b1 - b0, n, a1 - a0, n)
    share = inside.mean(axis=(1, 3))  # (rows b, cols a)
    chips: dict[tuple[int, int], int] = {}
    squares = []
    for bi, ai in zip(*np.nonzero(share)):
        a, b = a0 + int(ai), b0 + int(bi)
        # The chips centred on the square's four corners cover it (chip side = 2 strides).
        corners = [(a + da, b + db) for db in (0, 1) for da in (0, 1)]
        squares.append((float(share[bi, ai]) * step * step, tuple(chips.setdefault(c, len(chips)) for c in corners)))
    centres = [(i * step, j * step) for (i, j), _ in sorted(chips.items(), key=lambda kv: kv[1])]
    return Unit(key, rings, centres, squares)


def _raster_outline(ds, crs: str, samples: int = 21):
    """The raster's edge, densified, in ``crs`` (for the grid extent and footprint tests)."""
    from rasterio.warp import transform

    t = np.linspace(0.0, 1.0, samples)
    w, h = ds.width, ds.height
    cols = np.concatenate([t * w, np.full(samples, w), (1 - t) * w, np.zeros(samples)])
    rows = np.concatenate([np.zeros(samples), t * h, np.full(samples, h), (1 - t) * h])
    xs = ds.transform.c + ds.transform.a * cols + ds.transform.b * rows
    ys = ds.transform.f + ds.transform.d * cols + ds.transform.e * rows
    ox, oy = transform(ds.crs, crs, xs.tolist(), ys.tolist())
    return np.array(ox), np.array(oy)


def _geojson(rings: list) -> list[dict]:
    """GeoJSON polygons from lists of rings, each ring closed (GDAL refuses open ones)."""

    def closed(ring):
        ring = [tuple(p) for p in ring]
        return ring if ring[0] == ring[-1] else ring + [ring[0]]

    return [
        {"type": "Polygon", "coordinates": [closed(r) for r in polygon if len(r) >= 3]}
        for polygon in rings
        if polygon and len(polygon[0]) >= 3
    ]


def lattice_in_polygon(x0: float, y0: float, step: float, nx: int, ny: int, rings: list) -> np.ndarray:
    """Which points of the lattice ``(x0 + i * step, y0 + j * step)`` lie inside the polygons.

    Holes are excluded. The points are taken as the pixel centres of a raster and the polygons
    burnt into it (rasterio.features.geometry_mask).

    Args:
        x0: x of column 0.
        y0: y of row 0.
        step: lattice spacing (CRS units).
        nx: columns.
        ny: rows.
        rings: polygons, each a list of rings [(x, y), ...] (the first is the outer one).

    Returns:
        numpy.ndarray: (ny, nx) booleans, row j, column i.
    """
    from rasterio.features import geometry_mask
    from rasterio.transform import from_origin

    shapes = _geojson(rings)
    if not shapes or nx < 1 or ny < 1:
        return np.zeros((max(ny, 0), max(nx, 0)), dtype=bool)
    # Row 0 of the raster is its top: the lattice's last row (largest y).
    transform = from_origin(x0 - step / 2, y0 + (ny - 0.5) * step, step, step)
    inside = geometry_mask(shapes, out_shape=(ny, nx), transform=transform, invert=True, all_touched=False)
    return inside[::-1]


def build_grid(raster_path: str, cell_size: float, crs: str, chip_ground_m: float) -> tuple[GridSpec, list[Unit]]:
    """Square cells of ``cell_size`` m in ``crs`` over the raster's footprint.

    Cells are snapped to multiples of the cell size, so runs over neighbouring scenes share one
    grid.

    Args:
        raster_path: the imagery.
        cell_size: cell side, metres.
        crs: the metric CRS of the grid.
        chip_ground_m: chip footprint, metres.

    Returns:
        tuple[GridSpec, list[Unit]]: the grid and its cells over the raster's footprint.

    Raises:
        EngineError: a cell size that is not positive, or a raster without a CRS.
    """
    import rasterio

    if not cell_size > 0:
        raise EngineError(tr("CELL_SIZE must be positive, got {cell_size}").format(cell_size=cell_size))
    with rasterio.open(raster_path) as ds:
        if ds.crs is None:
            raise EngineError(tr("{raster_path} has no coordinate reference system").format(raster_path=raster_path))
        ox, oy = _raster_outline(ds, crs)
    x0 = math.floor(ox.min() / cell_size) * cell_size
    x1 = math.ceil(ox.max() / cell_size) * cell_size
    y0 = math.floor(oy.min() / cell_size) * cell_size
    y1 = math.ceil(oy.max() / cell_size) * cell_size
    cols, rows = int(round((x1 - x0) / cell_size)), int(round((y1 - y0) / cell_size))
    if cols * rows > 5_000_000:
        raise EngineError(
            tr(
                "a {cell_size:g} m grid over this raster has {cols} x {rows} cells; choose a "
                "larger CELL_SIZE or split the area"
            ).format(cell_size=cell_size, cols=cols, rows=rows)
        )
    grid = GridSpec(crs, x0, y1, float(cell_size), cols, rows)
    outline = [[list(zip(ox.tolist(), oy.tolist()))]]
    units = []
    # Keep a cell when any of 5x5 sample points lies on the raster: rotated footprints
    # (UTM cells over a 4326 or 3857 raster) leave empty corner cells out. Each of the 25
    # sample positions is a lattice with one point per cell; grid row 0 is the top.
    s = np.linspace(0.05, 0.95, 5)
    hit = np.zeros((rows, cols), dtype=bool)
    for sy in s:
        for sx in s:
            hit |= lattice_in_polygon(x0 + sx * cell_size, y0 + sy * cell_size, cell_size, cols, rows, outline)[::-1]
    for row in range(rows):
        for col in np.flatnonzero(hit[row]):
            bx0, by0_, bx1, by1_ = grid.cell_bounds(row, int(col))
            ring = [(bx0, by0_), (bx1, by0_), (bx1, by1_), (bx0, by1_), (bx0, by0_)]
            units.append(plan_unit((row, int(col)), [[ring]], chip_ground_m))
    return grid, units


def training_chip_units(zones: list[tuple[object, list, tuple[float, float]]], chip_ground_m: float) -> list[Unit]:
    """Training chips inside polygons: a lattice of non-overlapping chips centred inside each polygon.

    One chip on the polygon when none is. Used by the trainers, not to score.

    Args:
        zones: (key, polygons in the metric CRS, a point on the zone's surface) per zone.
        chip_ground_m: the chip's ground size, metres.
    """
    units = []
    for key, rings, anchor in zones:
        pts = np.array([p for polygon in rings for ring in polygon for p in ring], dtype=np.float64)
        if len(pts) == 0:
            units.append(Unit(key, rings, []))
            continue
        x0, y0 = pts.min(axis=0)
        x1, y1 = pts.max(axis=0)
        nx = max(1, int(math.ceil((x1 - x0) / chip_ground_m)))
        ny = max(1, int(math.ceil((y1 - y0) / chip_ground_m)))
        cx = (x0 + x1) / 2 + (np.arange(nx) - (nx - 1) / 2) * chip_ground_m
        cy = (y0 + y1) / 2 + (np.arange(ny) - (ny - 1) / 2) * chip_ground_m
        gx, gy = np.meshgrid(cx, cy)
        inside = lattice_in_polygon(float(cx[0]), float(cy[0]), chip_ground_m, nx, ny, rings).ravel()
        centres = list(zip(gx.ravel()[inside].tolist(), gy.ravel()[inside].tolist()))
        if not centres:
            centres = [tuple(anchor)]
        units.append(Unit(key, rings, centres))
    return units


def zone_units(zones: list[tuple[object, list, tuple[float, float]]], chip_ground_m: float) -> list[Unit]:
    """Units for zones given as (key, polygons in the metric CRS, a point on the zone's surface).

    Args:
        zones: (key, polygons in the metric CRS, a point on the zone's surface) per zone.
        chip_ground_m: the chip's ground size, metres.
    """
    return [plan_unit(key, rings, chip_ground_m, tuple(anchor)) for key, rings, anchor in zones]


@dataclass
class ChipReader:
    """Reads chips of ``chip_ground_m`` x ``chip_ground_m`` metres centred on points of ``crs``.

    Chips are resampled (area average) to ``chip_px`` pixels; invalid source pixels never enter
    averages.
    """

    raster_path: str
    bands: list[int]
    crs: str
    chip_ground_m: float
    chip_px: int
    render_gain: float | None = None  # reflectance x10000 -> 8-bit: clip(v * 1e-4 * gain, 0, 1) * 255
    _ds: object = field(default=None, repr=False)

    def __enter__(self):
        import rasterio

        self._ds = rasterio.open(self.raster_path)
        return self

    def __exit__(self, *exc):
        self._ds.close()
        return False

    def read(self, cx: float, cy: float) -> tuple[np.ndarray, float]:
        """(bands, px, px) float32 chip (NaN where invalid) and its valid share.

        Args:
            cx: the chip centre's x in the reader's CRS.
            cy: the chip centre's y in the reader's CRS.
        """
        from rasterio.enums import MaskFlags, Resampling
        from rasterio.transform import from_origin
        from rasterio.warp import reproject, transform_bounds
        from rasterio.windows import Window, from_bounds

        ds = self._ds
        half = self.chip_ground_m / 2.0
        res = self.chip_ground_m / self.chip_px
        dst_transform = from_origin(cx - half, cy + half, res, res)
        out = np.full((len(self.bands), self.chip_px, self.chip_px), np.nan, dtype=np.float32)
        left, bottom, right, top = transform_bounds(
            self.crs, ds.crs, cx - half, cy - half, cx + half, cy + half, densify_pts=21
        )
        win = from_bounds(left, bottom, right, top, ds.transform)
        col0 = max(0, int(math.floor(win.col_off)) - 2)
        row0 = max(0, int(math.floor(win.row_off)) - 2)
        col1 = min(ds.width, int(math.ceil(win.col_off + win.width)) + 2)
        row1 = min(ds.height, int(math.ceil(win.row_off + win.height)) + 2)
        if col1 <= col0 or row1 <= row0:
            return out, 0.0
        window = Window(col0, row0, col1 - col0, row1 - row0)
        data = ds.read(self.bands, window=window, out_dtype="float32")
        valid = np.isfinite(data).all(axis=0)
        for k, b in enumerate(self.bands):
            nodata = ds.nodatavals[b - 1]
            if nodata is not None and not math.isnan(nodata):
                valid &= data[k] != nodata
        flags = ds.mask_flag_enums[self.bands[0] - 1]
        if MaskFlags.per_dataset in flags or MaskFlags.alpha in flags:
            valid &= ds.read_masks(self.bands[0], window=window) > 0
        data[:, ~valid] = np.nan
        src_transform = ds.window_transform(window)
        # All bands in one warp: one transformer set-up per chip instead of one per band.
        reproject(
            data,
            out,
            src_transform=src_transform,
            src_crs=ds.crs,
            src_nodata=np.nan,
            dst_transform=dst_transform,
            dst_crs=self.crs,
            dst_nodata=np.nan,
            resampling=Resampling.average,
        )
        ok = np.isfinite(out).all(axis=0)
        if self.render_gain is not None:
            out = np.clip(out * np.float32(1e-4 * self.render_gain), 0.0, 1.0) * np.float32(255.0)
        out[:, ~ok] = np.nan
        return out, float(ok.mean())


def score_chips(model: LoadedModel, chips: np.ndarray, threads: int | None = None) -> np.ndarray:
    """Scores of raw chips (N, bands, px, px; NaN = invalid): card scaling, invalid -> 0, model.

    Args:
        model: the poverty model (its card's first input and output).
        chips: raw chips (N, bands, px, px), NaN where invalid.
        threads: onnxruntime threads, or None for its default.

    Returns:
        numpy.ndarray: one score per chip, (N,).
    """
    spec = model.card.inputs[0]
    x = prepare_input(np.array(chips, dtype=np.float32), spec)
    x[~np.isfinite(x)] = 0.0
    session = get_session(model, threads)
    out = session.run([model.card.outputs[0].name], {spec.name: x})[0]
    return out.reshape(len(x), -1)[:, 0]


def check_score_model(model: LoadedModel) -> None:
    """Refuse a model that cannot score grid cells.

    Args:
        model: the loaded model.

    Raises:
        EngineError: a per-pixel (dense) model, more than one input, or a model that outputs
            features rather than a score.
    """
    card = model.card
    if card.model_type != "chip":
        raise EngineError(
            tr(
                "model '{card_name}' is a {card_model_type} (per-pixel) model; the poverty grid "
                "needs a chip model that gives one score per chip (e.g. poverty_nk_siscore)"
            ).format(card_name=card.name, card_model_type=card.model_type)
        )
    if len(card.inputs) != 1:
        raise EngineError(
            tr("model '{card_name}' takes {0} inputs; the poverty grid needs one").format(
                len(card.inputs), card_name=card.name
            )
        )
    out = card.outputs[0]
    if out.kind == "features":
        raise EngineError(
            tr(
                "model '{card_name}' outputs features, not a score; train a score on them first "
                "(satimpact:trainpovertysurvey or satimpact:trainpovertyranking)"
            ).format(card_name=card.name)
        )


def chip_ground_size(model: LoadedModel, raster_res_m: float) -> tuple[float, str]:
    """The chip footprint in metres from the card, else tile_size raster pixels.

    Args:
        model: the poverty model; its card's ``chip_ground_m`` (extra) or ``tiling.tile_size``.
        raster_res_m: the raster's pixel size, metres.

    Returns:
        tuple[float, str]: the footprint in metres and where it comes from (for the log).
    """
    extra = model.card.extra or {}
    if isinstance(extra.get("chip_ground_m"), (int, float)) and extra["chip_ground_m"] > 0:
        return float(extra["chip_ground_m"]), "from the model card"
    size = model.card.tiling.tile_size * raster_res_m
    return size, f"the card gives no chip_ground_m: {model.card.tiling.tile_size} raster pixels"


def score_units(
    model: LoadedModel,
    reader: ChipReader,
    units: list[Unit],
    feedback: Feedback | None = None,
    min_valid_share: float = DEFAULT_MIN_VALID,
    batch: int = 64,
    threads: int | None = None,
) -> list[UnitScore]:
    """Score every unit: chips are read in a thread while the previous batch runs.

    Args:
        model: the score model (``check_score_model``).
        reader: the ChipReader over the imagery.
        units: the cells or zones.
        feedback: progress, cancel and messages.
        min_valid_share: chips with less valid imagery are not scored.
        batch: chips per model call.
        threads: onnxruntime threads.

    Returns:
        list[UnitScore]: one per unit, in order.

    Raises:
        Cancelled: the user cancelled.
    """
    feedback = feedback or Feedback()
    threads = threads or default_threads()
    # One job per distinct chip: neighbouring units on the surface lattice share chips.
    where: dict[tuple[float, float], int] = {}
    owners = []  # per unit: job index of each of its chips
    for unit in units:
        owners.append([where.setdefault((round(x, 3), round(y, 3)), len(where)) for x, y in unit.chips])
    jobs = list(where)
    chip_scores = np.full(len(jobs), np.nan)
    chip_valid = np.zeros(len(jobs))
    batches = [list(range(k, min(k + batch, len(jobs)))) for k in range(0, len(jobs), batch)]

    def read(indices):
        arrays, shares = [], []
        for j in indices:
            a, s = reader.read(*jobs[j])
            arrays.append(a)
            shares.append(s)
        return np.stack(arrays), shares

    start = time.perf_counter()
    with make_pool(1, "chips", inline=threads <= 1) as pool:
        pending = pool.submit(read, batches[0]) if batches else None
        for b, indices in enumerate(batches):
            if feedback.is_cancelled():
                pending.cancel()
                raise Cancelled(tr("cancelled by the user; no output was written"))
            arrays, shares = pending.result()
            if b + 1 < len(batches):
                pending = pool.submit(read, batches[b + 1])
            keep = [k for k, s in enumerate(shares) if s >= min_valid_share]
            if keep:
                scores = score_chips(model, arrays[keep], threads)
                chip_scores[[indices[k] for k in keep]] = scores
            chip_valid[indices] = shares
            feedback.progress(100.0 * (b + 1) / len(batches))
    feedback.info(
        tr("{0} chips scored for {1} units in {2:.1f} s ({3:.1f} chips/s)").format(
            len(jobs), len(units), time.perf_counter() - start, len(jobs) / max(time.perf_counter() - start, 1e-09)
        )
    )
    return [unit_score(unit, chip_scores[mine], chip_valid[mine]) for unit, mine in zip(units, owners)]


def unit_score(unit: Unit, scores: np.ndarray, valid: np.ndarray) -> UnitScore:
    """A unit's score from its chips' scores (NaN = not scored).

    The mean of its chips, or the area-weighted mean of its surface squares, each the mean of
    the scored chips covering it.

    Args:
        unit: the unit (its chips and surface squares).
        scores: one score per chip of the unit, NaN where not scored.
        valid: the valid share of each chip.
    """
    scores = np.asarray(scores, dtype=np.float64)
    ok = np.isfinite(scores)
    value = None
    if ok.any():
        if unit.squares is None:
            value = float(scores[ok].mean())
        else:
            total, weight = 0.0, 0.0
            for area, corners in unit.squares:
                mine = [scores[c] for c in corners if ok[c]]
                if mine:
                    total += area * float(np.mean(mine))
                    weight += area
            value = total / weight if weight > 0 else None
    return UnitScore(
        score=value,
        valid_share=float(np.mean(valid)) if len(valid) else 0.0,
        chips=len(scores),
        chips_scored=int(ok.sum()),
    )


def percentiles(scores: list[float | None]) -> list[float | None]:
    """Share (%) of the scored units whose score is lower than or equal to each unit's.

    Args:
        scores: one score per unit, None where not scored (its percentile is None too).
    """
    values = np.array([s for s in scores if s is not None], dtype=np.float64)
    if values.size == 0:
        return [None] * len(scores)
    ordered = np.sort(values)
    return [
        None if s is None else float(100.0 * np.searchsorted(ordered, s, side="right") / values.size) for s in scores
    ]


def write_grid_raster(path: str, grid: GridSpec, units: list[Unit], scores: list[UnitScore], tags: dict) -> None:
    """The cell scores as a one-band GeoTIFF on the grid (one pixel per cell), nodata -9999.

    Args:
        path: the GeoTIFF.
        grid: the grid.
        units: the cells (their keys are (row, col)).
        scores: one per cell.
        tags: GeoTIFF tags to add.

    Raises:
        EngineError: the output cannot be written.
    """
    import rasterio
    from rasterio.transform import from_origin

    check_output_writable(path)
    nodata = -9999.0
    tmp = temporary_path(path)
    profile = gtiff_profile("float32", size=(grid.cols, grid.rows))
    profile.update(
        count=2,
        crs=grid.crs,
        transform=from_origin(grid.x0, grid.y1, grid.cell, grid.cell),
        nodata=nodata,
    )
    where = {unit.key: k for k, unit in enumerate(units)}
    try:
        with rasterio.open(tmp, "w", **profile) as out:
            out.set_band_description(1, "score")
            out.set_band_description(2, "valid_share")
            out.update_tags(**tags)
            from rasterio.windows import Window

            for row in range(grid.rows):
                line = np.full((2, 1, grid.cols), nodata, dtype=np.float32)
                for col in range(grid.cols):
                    k = where.get((row, col))
                    if k is None:
                        continue
                    if scores[k].score is not None:
                        line[0, 0, col] = scores[k].score
                    line[1, 0, col] = scores[k].valid_share
                out.write(line, window=Window(0, row, grid.cols, 1))
        commit_output(tmp, path)
    except BaseException:
        remove_quietly(tmp)
        raise
