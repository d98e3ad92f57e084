"""Flood change between two scenes: alignment, change classes and per-cell flooded shares.

What this module decides (the help text and the README repeat it):

* **One grid.** ``AFTER`` is aligned onto ``BEFORE``'s pixel grid (its CRS, pixel size and
  pixel alignment), cropped to the part of ``BEFORE`` that ``AFTER`` overlaps. ``BEFORE`` is
  cut out of its own grid unchanged (nearest neighbour on an identical grid copies pixels);
  ``AFTER`` is warped by GDAL with bilinear resampling, or with the average of the covered
  pixels where ``AFTER``'s pixels are at least 1.5 times finer than the grid. A scene already
  on the analysis grid is read as it is; otherwise it is saved as a warped VRT file (no pixel
  copy), so every later pass reads windows of the original files.
  Pixels without data in either scene are nodata (255). Scenes whose footprints do not meet
  are an error.
* **Methods.** (a) *Water maps differenced*: a water model (``task: water``) is run on each
  date and its index thresholded with the card's default; the two masks give 0 dry, 1
  permanent water (water in both), 2 new flood (water only after), 3 receded water (water only
  before). The model may differ between the dates (an optical scene before, a radar scene
  after). (b) *Sentinel-1 log-ratio*: a ``flood_change`` model whose card says
  ``extra.change_rule = "log_ratio"`` gives the dB difference after - before (10 log10 of the
  ratio of the linear backscatter). A pixel is new flood where the after scene is water, the
  before scene is not, and the backscatter fell by more than an automatic threshold: Otsu's
  threshold (Otsu 1979) on the log-ratio histogram of the pixels that are water after
  (permanent water near 0 dB, new flood strongly negative), never weaker than the card's
  ``min_change_db``. Receded water mirrors it (water before, not after, backscatter rose by
  more than Otsu's threshold on the pixels that were water before, at least ``min_change_db``).
  Water after without a significant fall is permanent water; the rest is dry. (c) *Learned
  change models*: any carded model with the two inputs ``before`` and ``after``; its output is
  mapped to the change classes by name (see ``class_map`` and ``_learned_decoder``). Chip
  (grid-level) models answer once per chip; the answer goes to the chip's valid pixels.
* **Cells.** Square cells of ``cell_size`` metres in BEFORE's CRS when that is projected in
  metres, else in the UTM zone of the scene's centre (``green.make_grid``), or the given zone
  polygons. A pixel belongs to the cell or zone that holds its centre. Areas are true areas in
  a Lambert azimuthal equal-area projection centred on the scene. ``flooded_share`` and
  ``permanent_water_share`` are shares of the valid area (nodata never counts); ``valid_share``
  is the valid area over the cell's (zone's) own area; a cell is ``damaged`` when its
  ``flooded_share`` is above ``damage_threshold``. A cell or zone with no valid pixel (outside
  the scenes, or nodata in either date) gets valid share 0 and NULL (None) for every other
  figure, never 0: unseen is not undamaged.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .bands import BandResolution, resolve_bands
from .errors import BandError, Cancelled, CardError, EngineError

# WINDOW is read from this module when a run starts, so a test can make the windows small here.
from .geo import WINDOW, valid_mask, windows
from .i18n import tr
from .model import LoadedModel, load_model
from .raster import check_output_writable, commit_output, gtiff_profile, remove_quietly, temporary_path
from .registry import available_models, resolve_model
from .runner import Feedback, RasterInput, RunOptions, StageFeedback, run_model

DRY, PERMANENT, NEW_FLOOD, RECEDED, NODATA = 0, 1, 2, 3, 255
CLASSES = {DRY: "dry", PERMANENT: "permanent water", NEW_FLOOD: "new flood", RECEDED: "receded water"}
# RGBA written into the GeoTIFF's colour table, so any GIS shows the classes without a style.
COLORS = {
    DRY: (245, 240, 225, 0),
    PERMANENT: (31, 120, 180, 255),
    NEW_FLOOD: (255, 0, 110, 255),
    RECEDED: (240, 170, 40, 255),
}
FINER_FOR_AVERAGE = 1.5
LOGRATIO_MODEL = "flood_s1_logratio"

# Names a learned model may give its classes, normalised (lower case, spaces).
CLASS_NAMES = {
    DRY: ("dry", "land", "no water", "not water", "background", "no flood", "not flooded", "unchanged", "no change"),
    PERMANENT: ("permanent water", "permanent", "water", "unchanged water", "persistent water"),
    NEW_FLOOD: ("new flood", "flood", "flooded", "new water", "flooding", "inundated", "damaged"),
    RECEDED: ("receded water", "receded", "water loss", "lost water", "drained"),
}


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-]+", " ", name.strip().lower())


def class_map(names: list[str], model_name: str) -> np.ndarray:
    """Lookup table from a model's class index to the change class, by class name.

    Args:
        names: the model's class names, in class index order.
        model_name: the model's name, for the error.

    Returns:
        numpy.ndarray: 256 uint8 change classes (NODATA for indices without a name).

    Raises:
        CardError: a class name that maps to no change class.
    """
    table = np.full(256, NODATA, dtype=np.uint8)
    for k, raw in enumerate(names):
        key = _norm(raw)
        hit = [code for code, aliases in CLASS_NAMES.items() if key in aliases]
        if not hit:
            known = "; ".join(f"{CLASSES[c]}: {', '.join(a)}" for c, a in CLASS_NAMES.items())
            raise CardError(
                tr(
                    "model '{model_name}': class '{raw}' cannot be mapped to a flood change class; "
                    "name the classes in the card's class_names as one of ({known})"
                ).format(model_name=model_name, raw=raw, known=known)
            )
        table[k] = hit[0]
    return table


# --- alignment ---------------------------------------------------------------------------------


@dataclass
class AlignedPair:
    """BEFORE and AFTER on one analysis grid (a window of BEFORE's), as files or warped VRTs."""

    before_path: str  # the file itself, or a warped VRT, on the analysis grid
    after_path: str
    crs: object  # rasterio CRS
    transform: object  # affine
    width: int
    height: int
    col_off: int  # the analysis grid is this window of BEFORE's grid
    row_off: int
    resampling: str
    description: str
    # original band number -> band number in the aligned file, per role ("before", "after")
    band_numbers: dict[str, dict[int, int]] = field(default_factory=dict)

    def bands(self, role: str, indices: list[int]) -> list[int]:
        """Band numbers in the aligned file of one date.

        Args:
            role: "before" or "after".
            indices: 1-based band numbers in the original file.

        Returns:
            list[int]: the same bands' numbers in the aligned file.

        Raises:
            KeyError: a band that was not kept when the date was aligned.
        """
        table = self.band_numbers.get(role)
        return [table[i] for i in indices] if table else list(indices)


def _open(path: str, role: str):
    import rasterio

    try:
        ds = rasterio.open(path)
    except rasterio.errors.RasterioIOError as exc:
        raise EngineError(tr("{role}: cannot open raster {path}: {exc}").format(role=role, path=path, exc=exc)) from exc
    if ds.crs is None:
        ds.close()
        raise EngineError(
            tr("{role}: the raster {path} has no coordinate reference system; assign one first").format(
                role=role, path=path
            )
        )
    return ds


def _crs_name(crs) -> str:
    epsg = crs.to_epsg()
    return f"EPSG:{epsg}" if epsg else crs.to_string()[:60]


def _res_text(ds) -> str:
    unit = "m" if ds.crs.is_projected else "deg"
    x, y = ds.res
    return f"{x:.6g} x {y:.6g} {unit}"


def choose_resampling(before, after) -> str:
    """Bilinear, or the average of the covered pixels where AFTER is much finer than the grid.

    Args:
        before: the open BEFORE dataset (its grid is the analysis grid).
        after: the open AFTER dataset.

    Returns:
        str: "average" or "bilinear".
    """
    from rasterio.warp import transform_bounds

    # AFTER's pixel size measured in BEFORE's units: its footprint over its pixel count.
    left, bottom, right, top = transform_bounds(after.crs, before.crs, *after.bounds, densify_pts=21)
    after_px = math.sqrt(abs((right - left) * (top - bottom)) / (after.width * after.height))
    before_px = math.sqrt(abs(before.transform.a * before.transform.e))
    return "average" if after_px * FINER_FOR_AVERAGE <= before_px else "bilinear"


def _overlap_window(before, after, before_path: str, after_path: str):
    """The window of BEFORE's grid that AFTER overlaps; an error where they share no pixel."""
    from rasterio.warp import transform_bounds
    from rasterio.windows import Window, from_bounds

    t = before.transform
    if t.b != 0 or t.d != 0:
        raise EngineError(
            tr("BEFORE: the raster {before_path} has a rotated grid; warp it to a north-up grid first").format(
                before_path=before_path
            )
        )
    try:
        aleft, abottom, aright, atop = transform_bounds(after.crs, before.crs, *after.bounds, densify_pts=21)
    except Exception as exc:  # PROJ cannot place AFTER in BEFORE's CRS at all
        raise EngineError(
            tr("AFTER ({after_path}, {0}) cannot be transformed into BEFORE's CRS {1}: {exc}").format(
                _crs_name(after.crs), _crs_name(before.crs), after_path=after_path, exc=exc
            )
        ) from exc
    bleft, bbottom, bright, btop = before.bounds
    left, right = max(aleft, bleft), min(aright, bright)
    bottom, top = max(abottom, bbottom), min(atop, btop)

    def no_overlap(detail: str):
        return EngineError(
            f"BEFORE and AFTER do not overlap{detail}: BEFORE {os.path.basename(before_path)} covers "
            f"{tuple(round(v, 6) for v in before.bounds)} in {_crs_name(before.crs)}, AFTER "
            f"{os.path.basename(after_path)} covers {tuple(round(v, 6) for v in (aleft, abottom, aright, atop))} "
            f"once put in that CRS; give two scenes of the same place"
        )

    if not (right > left and top > bottom):
        raise no_overlap("")
    win = from_bounds(left, bottom, right, top, t)
    col0 = max(0, math.floor(win.col_off + 1e-6))
    row0 = max(0, math.floor(win.row_off + 1e-6))
    col1 = min(before.width, math.ceil(win.col_off + win.width - 1e-6))
    row1 = min(before.height, math.ceil(win.row_off + win.height - 1e-6))
    if col1 <= col0 or row1 <= row0:
        raise no_overlap(" (they share less than one BEFORE pixel)")
    return Window(col0, row0, col1 - col0, row1 - row0)


@dataclass
class _Grid:
    """The analysis grid a scene is warped onto."""

    crs: object
    transform: object
    width: int
    height: int


def _save_aligned(ds, role: str, method: str, grid: _Grid, workdir: str, wanted: list[int]):
    """``ds`` warped onto ``grid`` as a VRT file (no pixel copy).

    Returns its path and, where only the ``wanted`` bands were kept, the table original band ->
    band in that file.
    """
    import rasterio

    path = os.path.join(workdir, f"{role}_aligned.vrt")
    wanted = sorted(set(wanted))
    source, numbers = ds, None
    # GDAL's vrt:// connection string picks bands; a file name with '?' cannot be written in it.
    if wanted and len(wanted) < ds.count and "?" not in ds.name:
        source = rasterio.open(f"vrt://{ds.name}?bands={','.join(map(str, wanted))}")
        numbers = {b: k for k, b in enumerate(wanted, start=1)}
    try:
        _warp_to_vrt(source, path, method, grid)
    finally:
        if source is not ds:
            source.close()
    return path, numbers


def _warp_to_vrt(source, path: str, method: str, grid: _Grid) -> None:
    import rasterio.shutil as rshutil
    from rasterio.enums import Resampling
    from rasterio.vrt import WarpedVRT

    nodata = source.nodata if source.nodata is not None and not math.isnan(source.nodata) else float("nan")
    with WarpedVRT(
        source,
        crs=grid.crs,
        transform=grid.transform,
        width=grid.width,
        height=grid.height,
        resampling=getattr(Resampling, method),
        nodata=nodata,
        dtype="float32",
    ) as vrt:
        rshutil.copy(vrt, path, driver="VRT")


def _describe_alignment(before, after, window, resampling: str, same_grid: bool, full: bool) -> str:
    col0, row0 = int(window.col_off), int(window.row_off)
    width, height = int(window.width), int(window.height)
    col1, row1 = col0 + width, row0 + height
    return (
        tr("Aligned to BEFORE's grid: {0}, pixels {1}, {width} x {height} px").format(
            _crs_name(before.crs), _res_text(before), width=width, height=height
        )
        + (
            ""
            if full
            else tr(" (the overlap: columns {col0}-{0}, rows {row0}-{1} of BEFORE)").format(
                col1 - 1, row1 - 1, col0=col0, row0=row0
            )
        )
        + (
            tr("; AFTER is already on that grid (no resampling)")
            if same_grid
            else tr(
                "; AFTER ({0}, pixels {1}, {after_width} x {after_height} px) warped onto it "
                "with {resampling} resampling"
            ).format(
                _crs_name(after.crs),
                _res_text(after),
                after_width=after.width,
                after_height=after.height,
                resampling=resampling,
            )
        )
    )


def align_pair(
    before_path: str,
    after_path: str,
    workdir: str,
    feedback: Feedback | None = None,
    bands: dict[str, list[int]] | None = None,
) -> AlignedPair:
    """Put AFTER on BEFORE's grid, over the part of BEFORE that AFTER overlaps (see module doc).

    ``bands`` (1-based, per role): the only bands a warped file needs to carry. GDAL warps every
    band of a block at once, so a 13-band scene of which a model reads 5 would cost 13.

    Args:
        before_path: the BEFORE scene (its grid is kept).
        after_path: the AFTER scene (warped onto BEFORE's grid where they differ).
        workdir: folder for the warped VRTs.
        feedback: messages.
        bands: "before"/"after" -> the bands to carry, or None for all.

    Returns:
        AlignedPair: both dates on the analysis grid.

    Raises:
        EngineError: a raster that cannot be opened or has no CRS, a rotated BEFORE grid, or
            scenes that share no pixel.
    """
    from rasterio.windows import transform as window_transform

    feedback = feedback or Feedback()
    bands = bands or {}
    before = _open(before_path, "BEFORE")
    try:
        after = _open(after_path, "AFTER")
    except BaseException:
        before.close()
        raise
    try:
        window = _overlap_window(before, after, before_path, after_path)
        grid = _Grid(before.crs, window_transform(window, before.transform), int(window.width), int(window.height))
        resampling = choose_resampling(before, after)
        same_grid = (
            after.crs == before.crs
            and after.transform.almost_equals(grid.transform)
            and (after.width, after.height) == (grid.width, grid.height)
        )
        full = (window.col_off, window.row_off) == (0, 0) and (grid.width, grid.height) == (before.width, before.height)
        band_numbers: dict[str, dict[int, int]] = {}
        paths = {"before": before_path, "after": after_path}
        # A file already on the analysis grid is read as it is: no warp, its own nodata and masks.
        for role, ds, method, as_it_is in (
            ("before", before, "nearest", full),
            ("after", after, resampling, same_grid),
        ):
            if not as_it_is:
                paths[role], numbers = _save_aligned(ds, role, method, grid, workdir, bands.get(role) or [])
                if numbers:
                    band_numbers[role] = numbers
        description = _describe_alignment(before, after, window, resampling, same_grid, full)
        feedback.info(description)
        return AlignedPair(
            paths["before"],
            paths["after"],
            before.crs,
            grid.transform,
            grid.width,
            grid.height,
            int(window.col_off),
            int(window.row_off),
            "none" if same_grid else resampling,
            description,
            band_numbers,
        )
    finally:
        before.close()
        after.close()


# --- methods -----------------------------------------------------------------------------------


@dataclass
class DateModel:
    """A water model and the bands it reads on one date."""

    model: LoadedModel
    bands: BandResolution
    threshold: float
    water_if: str
    threshold_how: str = field(default_factory=lambda: tr("card default"))

    @property
    def radar(self) -> bool:
        """Whether the model reads Sentinel-1 backscatter."""
        return self.model.card.inputs[0].sensor == "sentinel1"


@dataclass
class Method:
    """How change is found: differenced water maps, SAR log-ratio, or a learned change model."""

    kind: str  # "difference", "log_ratio" or "learned"
    reason: str
    before: DateModel | None = None
    after: DateModel | None = None
    change_model: LoadedModel | None = None
    change_bands: dict[str, BandResolution] = field(default_factory=dict)

    def describe(self) -> str:
        """One log line: the models and bands of the method."""
        parts = []
        if self.change_model is not None:
            parts.append(
                tr("change model {change_model_card_name} ({change_model_card_title})").format(
                    change_model_card_name=self.change_model.card.name,
                    change_model_card_title=self.change_model.card.title,
                )
            )
        for role, dm in (("BEFORE", self.before), ("AFTER", self.after)):
            if dm is not None:
                out = dm.model.card.outputs[0].name
                parts.append(
                    tr(
                        "{role}: water model {dm_model_card_name}, water where {out} is {dm_water_if} "
                        "{dm_threshold:.4g} ({0}), bands {1}"
                    ).format(
                        dm.threshold_how.split(";")[0],
                        dm.bands.describe(dm.model.card.inputs[0].bands),
                        role=role,
                        dm_model_card_name=dm.model.card.name,
                        out=out,
                        dm_water_if=tr("above") if dm.water_if == "above" else tr("below"),
                        dm_threshold=dm.threshold,
                    )
                )
        for role, res in self.change_bands.items():
            spec = self.change_model.card.input(role)
            parts.append(tr("{role}: bands {0}").format(res.describe(spec.bands), role=role))
        return tr("Method: {kind} ({reason}). ").format(kind=self.kind, reason=self.reason) + "; ".join(parts)


def _water_models(user_dir: str | None) -> list[LoadedModel]:
    from .water import DEFAULT_WATER_MODELS

    found = available_models(user_dir)
    models = [load_model(found[name]) for name in DEFAULT_WATER_MODELS if name in found]
    if not models:
        raise CardError(
            tr(
                "no shipped water model found (looked for {0} in the models folder); rebuild them with `make models`"
            ).format(", ".join(DEFAULT_WATER_MODELS))
        )
    return models


def _date_model(model: LoadedModel, info, band_map: str | None, role: str) -> DateModel:
    from .water import water_direction

    card = model.card
    if card.task != "water" or len(card.inputs) != 1:
        raise EngineError(
            tr("{role}: model '{card_name}' is not a one-input water model (task '{card_task}')").format(
                role=role, card_name=card.name, card_task=card.task
            )
        )
    threshold = card.outputs[0].threshold
    if threshold is None:
        raise CardError(
            tr("model '{card_name}' has no default threshold in its card; a water model needs one").format(
                card_name=card.name
            )
        )
    spec = card.inputs[0]
    try:
        bands = resolve_bands(spec.bands, info.count, info.descriptions, band_map, spec.sensor)
    except BandError as exc:
        raise BandError(f"{role}: {exc}") from exc
    return DateModel(model, bands, float(threshold), water_direction(card))


def _auto_date_model(candidates, info, band_map: str | None, role: str) -> DateModel:
    from .water import choose_model

    try:
        model, _ = choose_model(candidates, info.count, info.descriptions, band_map)
    except BandError as exc:
        raise BandError(f"{role}: {exc}") from exc
    return _date_model(model, info, band_map, role)


def _is_s1(info, band_map: str | None, bands=("VV", "VH")) -> bool:
    try:
        resolve_bands(list(bands), info.count, info.descriptions, band_map, "sentinel1")
        return True
    except BandError:
        return False


# The log-ratio model for the polarisations both dates have, best first.
LOGRATIO_MODELS = (
    (("VV", "VH"), LOGRATIO_MODEL),
    (("VV",), "flood_s1_logratio_vv"),
    (("VH",), "flood_s1_logratio_vh"),
)


def _logratio_model_for(bi, ai, band_map_before, band_map_after) -> tuple[str, tuple[str, ...]] | None:
    for pols, name in LOGRATIO_MODELS:
        if _is_s1(bi, band_map_before, pols) and _is_s1(ai, band_map_after, pols):
            return name, pols
    return None


def plan_method(
    before_path: str,
    after_path: str,
    model_ref: str | None,
    band_map_before: str | None = None,
    band_map_after: str | None = None,
    user_dir: str | None = None,
) -> Method:
    """Which method runs, with which models and bands (see the module doc).

    Args:
        before_path: the BEFORE scene.
        after_path: the AFTER scene.
        model_ref: a model name or path, or None/"auto" (chosen from the scenes' bands).
        band_map_before: BEFORE's BAND_MAP, or None.
        band_map_after: AFTER's BAND_MAP, or None.
        user_dir: the user's models folder, or None.

    Returns:
        Method: the method, its models and bands.

    Raises:
        CardError: a missing shipped model, or a model that is neither a water model nor a
            change model this tool can read.
        BandError: a date lacks a band its model needs.
        EngineError: a model of the wrong kind for a date.
    """
    from .raster import raster_info

    bi, ai = raster_info(before_path), raster_info(after_path)
    ref = (model_ref or "").strip()
    if not ref or ref.lower() == "auto":
        radar = _logratio_model_for(bi, ai, band_map_before, band_map_after)
        if radar is not None:
            name, pols = radar
            found = available_models(user_dir)
            if name not in found:
                raise CardError(
                    tr("the shipped model {name} is missing; rebuild the models (`make models`)").format(name=name)
                )
            return _change_method(
                load_model(found[name]),
                bi,
                ai,
                band_map_before,
                band_map_after,
                user_dir,
                f"both scenes are Sentinel-1 {'/'.join(pols)}: log-ratio change detection",
            )
        candidates = _water_models(user_dir)
        before = _auto_date_model(candidates, bi, band_map_before, "BEFORE")
        after = _auto_date_model(candidates, ai, band_map_after, "AFTER")
        return Method("difference", "no MODEL given: each date's water model chosen from its bands", before, after)
    model = load_model(resolve_model(ref, user_dir))
    card = model.card
    names = sorted(i.name for i in card.inputs)
    if card.task == "water" and len(card.inputs) == 1:
        return Method(
            "difference",
            f"MODEL {card.name} is a water model: run on both dates",
            _date_model(model, bi, band_map_before, "BEFORE"),
            _date_model(model, ai, band_map_after, "AFTER"),
        )
    if names == ["after", "before"]:
        return _change_method(
            model, bi, ai, band_map_before, band_map_after, user_dir, f"MODEL {card.name} takes before and after"
        )
    raise CardError(
        tr(
            "model '{card_name}' (task {card_task}, inputs {0}) fits neither way this tool "
            "runs models: a water model (task 'water', one input) is run on each date, a "
            "change model has the two inputs 'before' and 'after'"
        ).format(", ".join(names), card_name=card.name, card_task=card.task)
    )


def _change_method(model, bi, ai, band_map_before, band_map_after, user_dir, reason) -> Method:
    card = model.card
    bands = {}
    for role, info, band_map in (("before", bi, band_map_before), ("after", ai, band_map_after)):
        spec = card.input(role)
        try:
            bands[role] = resolve_bands(spec.bands, info.count, info.descriptions, band_map, spec.sensor)
        except BandError as exc:
            raise BandError(f"{role.upper()}: {exc}") from exc
    rule = card.extra.get("change_rule")
    if rule == "log_ratio":
        if card.model_type != "dense":
            raise CardError(
                tr("model '{card_name}': a log-ratio model must give a value per pixel (model_type dense)").format(
                    card_name=card.name
                )
            )
        water_name = card.extra.get("water_model")
        if water_name:
            water = load_model(resolve_model(water_name, user_dir))
            before = _date_model(water, bi, band_map_before, "BEFORE")
            after = _date_model(water, ai, band_map_after, "AFTER")
        else:
            candidates = _water_models(user_dir)
            before = _auto_date_model(candidates, bi, band_map_before, "BEFORE")
            after = _auto_date_model(candidates, ai, band_map_after, "AFTER")
        return Method("log_ratio", reason, before, after, model, bands)
    if rule not in (None, "learned"):
        raise CardError(
            tr("model '{card_name}': card extra change_rule '{rule}' is unknown (log_ratio or learned)").format(
                card_name=card.name, rule=rule
            )
        )
    _learned_decoder(model)  # fail before any compute if the outputs cannot be mapped
    return Method("learned", reason, change_model=model, change_bands=bands)


def _learned_decoder(model: LoadedModel):
    """How a learned model's output becomes change classes: returns (description, decode(array) -> classes)."""
    card = model.card
    out = card.outputs[0]
    channels = model.output_channels(out.name)
    if out.kind == "class":
        if not out.class_names:
            raise CardError(
                tr(
                    "model '{card_name}': a class output needs class_names in the card to be mapped "
                    "to the flood change classes"
                ).format(card_name=card.name)
            )
        if channels not in (None, 1):
            raise CardError(
                tr("model '{card_name}': a class output must have one channel of class indices").format(
                    card_name=card.name
                )
            )
        table = class_map(out.class_names, card.name)
        how = tr("class index -> {pairs}").format(
            pairs=", ".join(f"{n} = {CLASSES[int(table[k])]}" for k, n in enumerate(out.class_names))
        )

        def decode(data):
            idx = np.clip(np.nan_to_num(data[0], nan=255), 0, 255).astype(np.uint8)
            return table[idx]

        return how, decode
    if out.kind == "probability":
        if channels == 1 or (channels is None and (not out.class_names or len(out.class_names) == 1)):
            thr = 0.5 if out.threshold is None else float(out.threshold)
            how = tr(
                "probability of new flood > {thr:g} ({source}) is new flood, everything else dry (a "
                "probability of new flood says nothing about permanent or receded water)"
            ).format(
                thr=thr,
                source=tr("the card threshold") if out.threshold is not None else tr("the card gives none: 0.5"),
            )

            def decode(data):
                return np.where(data[0] > thr, NEW_FLOOD, DRY).astype(np.uint8)

            return how, decode
        if not out.class_names or (channels is not None and len(out.class_names) != channels):
            raise CardError(
                tr(
                    "model '{card_name}': a probability output with several channels needs one class name per channel"
                ).format(card_name=card.name)
            )
        table = class_map(out.class_names, card.name)
        how = tr("most probable class -> {pairs}").format(
            pairs=", ".join(f"{n} = {CLASSES[int(table[k])]}" for k, n in enumerate(out.class_names))
        )

        def decode(data):
            return table[np.argmax(np.nan_to_num(data[: len(out.class_names)], nan=-np.inf), axis=0)]

        return how, decode
    raise CardError(
        tr(
            "model '{card_name}': output kind '{out_kind}' cannot be mapped to flood change "
            "classes; a change model gives a class (with class_names) or a probability (of "
            "new flood, or one per named class)"
        ).format(card_name=card.name, out_kind=out.kind)
    )


def _radar_inputs_in_db(method: Method, before_path, after_path, units: dict, workdir: str, feedback: Feedback):
    """The paths to read, each radar date checked and seen in dB.

    Each date read by a radar model is checked (dB, linear power, 8-bit rendering refused); linear
    power is seen in dB through a VRT (see ``engine/radar.py``).
    """
    from .radar import check_backscatter, to_db_vrt, unit_name

    paths = {"before": before_path, "after": after_path}
    for role in ("before", "after"):
        dm = method.before if role == "before" else method.after
        indices = []
        if dm is not None and dm.radar:
            indices += dm.bands.indices
        cm = method.change_model
        if cm is not None and role in method.change_bands and cm.card.input(role).sensor == "sentinel1":
            indices += method.change_bands[role].indices
        if not indices:
            continue
        try:
            judged = check_backscatter(paths[role], sorted(set(indices)), units.get(role))
        except EngineError as exc:
            raise EngineError(f"{role.upper()}: {exc}") from exc
        (feedback.info if judged.sure else feedback.warning)(
            tr("{0} backscatter: {judged_how}").format(role.upper(), judged_how=judged.how)
            + ("" if judged.sure else tr("; not sure: state RADAR_UNITS (or 'dB' / 'linear' in BAND_MAP) if wrong"))
        )
        if judged.units == "linear":
            paths[role] = to_db_vrt(paths[role], os.path.join(workdir, f"{role}_db"))
            feedback.info(
                tr("{0}: {1} converted to dB (10 log10) on the fly").format(role.upper(), unit_name("linear"))
            )
    return paths["before"], paths["after"]


# --- thresholds --------------------------------------------------------------------------------


def log_ratio_thresholds(
    logratio_path: str,
    band: int,
    water_before_path: str,
    water_after_path: str,
    before: DateModel,
    after: DateModel,
    min_change_db: float,
    feedback: Feedback,
    auto: bool = True,
    method: str | None = None,
) -> tuple[float, float, str]:
    """Change thresholds on the log-ratio (dB): (fall, rise, how).

    ``auto``: split-based (``engine/radar.py``) on the log-ratio of the pixels that are water after
    (permanent water near 0 dB, new flood strongly negative) for the fall, and of those that were water
    before for the rise; never weaker than ``min_change_db`` (speckle alone moves pixels by a few dB),
    and ``min_change_db`` itself where no tile is bimodal. Not ``auto``: ``min_change_db`` either way.

    Args:
        logratio_path: the log-ratio raster (dB).
        band: its 1-based band.
        water_before_path: BEFORE's water mask.
        water_after_path: AFTER's water mask.
        before: BEFORE's water model.
        after: AFTER's water model.
        min_change_db: the smallest change counted, dB.
        feedback: progress, cancel and messages.
        auto: split-based thresholds (else ``min_change_db``).
        method: "otsu" or "ki", or None for Otsu.

    Returns:
        tuple[float, float, str]: (fall threshold, rise threshold, how, for the log).

    Raises:
        EngineError: an unknown method.
        Cancelled: the user cancelled.
    """
    import rasterio

    from .radar import method_name, split_threshold

    if not auto:
        return (
            -min_change_db,
            min_change_db,
            tr("fixed: {min_change_db:g} dB either way (AUTO_THRESHOLD off)").format(min_change_db=min_change_db),
        )
    method = (method or "otsu").lower()
    found = {}
    with (
        rasterio.open(logratio_path) as lr,
        rasterio.open(water_before_path) as wb,
        rasterio.open(water_after_path) as wa,
    ):
        for name, ds_water, dm in (("fall", wa, after), ("rise", wb, before)):

            def values(win, ds_water=ds_water, dm=dm):
                r = lr.read(band, window=win).astype(np.float64)
                ok = valid_mask(lr, [band], r, win)
                water_b, ok_b = _water(wb, win, before)
                water_a, ok_a = _water(wa, win, after)
                water = water_a if ds_water is wa else water_b
                r[~(ok & ok_b & ok_a & water)] = np.nan
                return r

            found[name] = split_threshold(values, lr.width, lr.height, method, feedback)
    fall, rise = found["fall"], found["rise"]
    # A cut on the wrong side of 0 dB splits the other kind of change (falls among the pixels that were
    # water before, say): it says nothing about this one, so the fixed minimum applies.
    fall_ok = fall.found and fall.threshold < 0
    rise_ok = rise.found and rise.threshold > 0
    t_fall = min(fall.threshold, -min_change_db) if fall_ok else -min_change_db
    t_rise = max(rise.threshold, min_change_db) if rise_ok else min_change_db

    def _describe_side(name, res, ok, sign):
        if not res.found:
            return tr("{name}: no bimodal tile, the fixed {sign}{min_change_db:g} dB applies").format(
                name=name, sign=sign, min_change_db=min_change_db
            )
        kind = method_name("ki" if res.applied == "split-ki" else "otsu")
        notes = " (" + "; ".join(res.notes) + ")" if res.notes else ""
        wrong = (
            ""
            if ok
            else tr(", on the wrong side of 0 dB: the fixed {sign}{min_change_db:g} dB applies").format(
                sign=sign, min_change_db=min_change_db
            )
        )
        return tr("{name}: {kind} on {tiles_kept} bimodal tile(s) gives {threshold:.2f} dB{notes}{wrong}").format(
            name=name, kind=kind, tiles_kept=res.tiles_kept, threshold=res.threshold, notes=notes, wrong=wrong
        )

    how = tr(
        "split-based automatic thresholds on the log-ratio (Chini et al. 2017; tiles with Ashman's D > 2), "
        "{fall}; {rise}; at least {min_change_db:g} dB either way"
    ).format(
        fall=_describe_side(tr("fall, on the pixels that are water after"), fall, fall_ok, "-"),
        rise=_describe_side(tr("rise, on the pixels that were water before"), rise, rise_ok, "+"),
        min_change_db=min_change_db,
    )
    return t_fall, t_rise, how


# --- per-window helpers ------------------------------------------------------------------------


def _water(ds, win, dm: DateModel) -> tuple[np.ndarray, np.ndarray]:
    index = ds.read(1, window=win)
    ok = valid_mask(ds, [1], index, win)
    water = index > dm.threshold if dm.water_if == "above" else index < dm.threshold
    return water & ok, ok


def _chip_classes(ds, win, chip: int, decode, pixel_valid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A chip model's classes spread onto the pixels of one window (one output pixel per chip)."""
    from rasterio.windows import Window

    y0, x0 = int(win.row_off), int(win.col_off)
    rows = np.arange(y0, y0 + int(win.height)) // chip
    cols = np.arange(x0, x0 + int(win.width)) // chip
    r0, c0 = int(rows[0]), int(cols[0])
    chips = Window(c0, r0, int(cols[-1]) - c0 + 1, int(rows[-1]) - r0 + 1)
    data = ds.read(window=chips).astype(np.float32)
    ok = valid_mask(ds, [1], data[0], chips)
    cls = decode(data)
    cls = cls[rows - r0][:, cols - c0]
    valid = ok[rows - r0][:, cols - c0] & pixel_valid & (cls != NODATA)
    return cls, valid


# --- cells -------------------------------------------------------------------------------------


# The figures of a cell (or zone), as satimpact:floodchange and the batch name them.
FIGURES = (
    "flooded_area_m2",
    "flooded_share",
    "permanent_water_share",
    "receded_share",
    "valid_share",
    "valid_area_m2",
    "damaged",
)


@dataclass
class CellStats:
    """Areas (m2) of the change classes in one grid cell or zone; shares are of the valid area.

    A cell (zone) without a valid pixel (outside the scenes, or nodata/cloud in either date) was
    not seen: its figures are None (NULL), never 0, so that it never counts as undamaged; only
    its valid share and valid area are 0.
    """

    key: int
    geometry: object  # shapely, in ``ChangeResult.cells_crs_wkt`` (grid) or the zones' CRS given
    cell_area_m2: float
    flooded_m2: float = 0.0
    permanent_m2: float = 0.0
    receded_m2: float = 0.0
    valid_m2: float = 0.0
    pixels: int = 0
    col: int | None = None  # grid cells only
    row: int | None = None

    @property
    def seen(self) -> bool:
        """Whether the cell holds at least one valid pixel (data in both dates)."""
        return self.valid_m2 > 0

    @property
    def flooded_area_m2(self) -> float | None:
        """New flood area; None where nothing valid was seen (unknown, not 0)."""
        return self.flooded_m2 if self.seen else None

    @property
    def flooded_share(self) -> float | None:
        """New flood over valid area; None where nothing valid was seen."""
        return self.flooded_m2 / self.valid_m2 if self.seen else None

    @property
    def permanent_water_share(self) -> float | None:
        """Permanent water over valid area; None where nothing valid was seen."""
        return self.permanent_m2 / self.valid_m2 if self.seen else None

    @property
    def receded_share(self) -> float | None:
        """Receded water over valid area; None where nothing valid was seen."""
        return self.receded_m2 / self.valid_m2 if self.seen else None

    @property
    def valid_share(self) -> float:
        """Valid area over the cell's area, at most 1 (0 for a cell of no area)."""
        # Pixel-centre assignment can give a cell slightly more pixel area than its own area.
        return min(1.0, self.valid_m2 / self.cell_area_m2) if self.cell_area_m2 > 0 else 0.0

    def damaged(self, threshold: float) -> int | None:
        """1 where the flooded share exceeds ``threshold``, 0 where it does not, None where it is unknown.

        Args:
            threshold: the flooded share (0 to 1) above which the cell counts as damaged.
        """
        share = self.flooded_share
        return None if share is None else int(share > threshold)

    def figures(self, threshold: float) -> dict:
        """The cell's ``FIGURES`` by name (None: not seen).

        Args:
            threshold: the damage threshold (see ``damaged``).
        """
        return {
            "flooded_area_m2": self.flooded_area_m2,
            "flooded_share": self.flooded_share,
            "permanent_water_share": self.permanent_water_share,
            "receded_share": self.receded_share,
            "valid_share": self.valid_share,
            "valid_area_m2": self.valid_m2,
            "damaged": self.damaged(threshold),
        }


def damaged_count(cells, threshold: float) -> int:
    """Cells (zones) known to be damaged; those not seen are not counted either way."""
    return sum(c.damaged(threshold) or 0 for c in cells)


@dataclass
class ChangeResult:
    """What ``detect_change`` returns: the method, the alignment, class counts and areas, cells."""

    output: str
    method: Method
    alignment: AlignedPair
    counts: dict[int, int]
    areas_m2: dict[int, float]  # true area of each class over the whole analysed overlap
    cells: list[CellStats]
    cells_crs_wkt: str | None  # None: zones, in the CRS they were given in (the analysis CRS)
    grid_epsg: int | None
    cell_size: float
    damage_threshold: float
    thresholds: str
    decoder: str
    messages: list[str] = field(default_factory=list)

    @property
    def valid_pixels(self) -> int:
        """Pixels classified (any change class)."""
        return sum(self.counts.get(c, 0) for c in CLASSES)


# --- the steps of the tool ---------------------------------------------------------------------
# detect_change runs: plan (which method, which models) -> align (AFTER onto BEFORE's grid) ->
# models (water maps, change model) -> rules (thresholds, output mapping) -> classify and aggregate
# (window by window). Each step is one function below; the per-method classification of a window is
# the table CLASSIFIERS, so adding a method adds a row, not a branch in the window loop.


def _check_cell_parameters(damage_threshold: float, zones, cell_size: float) -> None:
    if not (0.0 <= damage_threshold <= 1.0):
        raise EngineError(
            tr("DAMAGE_THRESHOLD is a share of the cell between 0 and 1, got {damage_threshold}").format(
                damage_threshold=damage_threshold
            )
        )
    if zones is None and (not cell_size or not math.isfinite(cell_size) or cell_size <= 0):
        raise EngineError(
            tr("CELL_SIZE must be a positive number of metres, got {cell_size!r}").format(cell_size=cell_size)
        )


def _radar_band_maps(before_path, after_path, band_map_before, band_map_after, radar_units):
    """Each date's band map with the radar units it states taken out; returns (before, after, units)."""
    from .radar import radar_band_map
    from .raster import raster_info

    units = {}
    band_map_before, units["before"] = radar_band_map(
        raster_info(before_path).descriptions, band_map_before, radar_units
    )
    band_map_after, units["after"] = radar_band_map(raster_info(after_path).descriptions, band_map_after, radar_units)
    return band_map_before, band_map_after, units


def _bands_needed(method: Method) -> dict[str, list[int]]:
    needed: dict[str, list[int]] = {"before": [], "after": []}
    for role, dm in (("before", method.before), ("after", method.after)):
        if dm is not None:
            needed[role] += dm.bands.indices
    for role, res in method.change_bands.items():
        needed[role] += res.indices
    return needed


def _run_water_models(method: Method, pair: AlignedPair, workdir: str, feedback: Feedback, options):
    """Each date's water model on its aligned scene: (output paths by key, progress reached).

    The models of the method (water maps, then the change model) share the first 80 % of the
    progress; the window loop has the rest.
    """
    paths = {}
    stages = []
    if method.before is not None:
        stages += [
            ("water_before", method.before, pair.before_path, "before"),
            ("water_after", method.after, pair.after_path, "after"),
        ]
    n_stages = len(stages) + (1 if method.change_model is not None else 0)
    share = 80.0 / max(1, n_stages)
    for k, (key, dm, src, role) in enumerate(stages):
        spec = dm.model.card.inputs[0]
        feedback.info(
            tr("Running {dm_model_card_name} on the {0} scene ...").format(
                key.split("_")[1].upper(), dm_model_card_name=dm.model.card.name
            )
        )
        paths[key] = os.path.join(workdir, f"{key}.tif")
        run_model(
            dm.model,
            {spec.name: RasterInput(src, pair.bands(role, dm.bands.indices))},
            paths[key],
            StageFeedback(feedback, k * share, (k + 1) * share),
            options,
        )
    return paths, len(stages) * share


def _run_change_model(method: Method, pair: AlignedPair, paths: dict, workdir: str, start: float, feedback, options):
    cm = method.change_model
    feedback.info(tr("Running {cm_card_name} on BEFORE and AFTER ...").format(cm_card_name=cm.card.name))
    paths["change"] = os.path.join(workdir, "change_model.tif")
    run_model(
        cm,
        {
            "before": RasterInput(pair.before_path, pair.bands("before", method.change_bands["before"].indices)),
            "after": RasterInput(pair.after_path, pair.bands("after", method.change_bands["after"].indices)),
        },
        paths["change"],
        StageFeedback(feedback, start, 80.0),
        options,
    )


def _water_thresholds(method: Method, paths: dict, auto_threshold: bool, auto_method, feedback: Feedback) -> None:
    """Radar dates get the scene's own automatic water threshold (optical ones keep their card's)."""
    for key, dm in (("water_before", method.before), ("water_after", method.after)):
        if dm is not None and dm.radar and auto_threshold:
            from .water import automatic_threshold

            feedback.info(tr("{0}: automatic water threshold ...").format(key.split("_")[1].upper()))
            value, applied, how = automatic_threshold(
                paths[key], dm.model.card, auto_method, StageFeedback(feedback, 80, 80)
            )
            dm.threshold = value
            # the METHOD output's first part ("automatic, split-otsu") names the path: the path
            # stays as it is (tests and scripts look for it), the words around it are translated
            source = (
                tr("fallback: the card fixed value")
                if applied == "fallback"
                else tr("automatic, {applied}").format(applied=applied)
            )
            dm.threshold_how = f"{source}; {how}"
            feedback.info(
                tr("{0} water threshold {value:.4g}: {how}").format(key.split("_")[1].upper(), value=value, how=how)
            )
        elif dm is not None and dm.radar:
            dm.threshold_how = tr("card default (AUTO_THRESHOLD off)")


@dataclass
class _Rules:
    """What turns the models' outputs into change classes in every window, and how the log says it."""

    thresholds: str  # also written in the output's tags
    decoder: str = ""
    decode: Callable | None = None  # learned models: model output (bands, h, w) -> change classes
    chip: int = 0  # chip models: the chip size in pixels
    band: int = 0  # log-ratio: the decision band (1-based) of the change model's output
    fall: float = 0.0  # log-ratio thresholds (dB)
    rise: float = 0.0


def _difference_rules(method: Method, paths, auto_threshold, auto_method, feedback) -> _Rules:
    return _Rules(
        "; ".join(
            f"{role}: {dm.threshold:.4g} ({dm.threshold_how.split(';')[0]})"
            for role, dm in (("BEFORE", method.before), ("AFTER", method.after))
        )
    )


def _learned_rules(method: Method, paths, auto_threshold, auto_method, feedback) -> _Rules:
    cm = method.change_model
    decoder_text, decode = _learned_decoder(cm)
    chip = 0
    if cm.card.model_type == "chip":
        chip = cm.card.tiling.tile_size
        decoder_text += tr(
            "; chip model: each {chip} x {chip} px chip's class is given to its valid pixels "
            "(chips less than half valid are nodata)"
        ).format(chip=chip)
    feedback.info(tr("Output mapping: {decoder_text}").format(decoder_text=decoder_text))
    return _Rules(decoder_text, decoder_text, decode, chip)


def _log_ratio_rules(method: Method, paths, auto_threshold, auto_method, feedback) -> _Rules:
    cm = method.change_model
    band_name = str(cm.card.extra.get("decision_band", "log_ratio_vv"))
    names = [n for o in cm.card.outputs for n in (o.band_names or [o.name])]
    if band_name not in names:
        raise CardError(
            tr("model '{cm_card_name}': decision_band '{band_name}' is not one of {names}").format(
                cm_card_name=cm.card.name, band_name=band_name, names=names
            )
        )
    band = names.index(band_name) + 1
    t_fall, t_rise, how = log_ratio_thresholds(
        paths["change"],
        band,
        paths["water_before"],
        paths["water_after"],
        method.before,
        method.after,
        float(cm.card.extra.get("min_change_db", 3.0)),
        feedback,
        auto=auto_threshold,
        # the card's own (KI for the shipped log-ratio models) unless the user picked one
        method=auto_method or str(cm.card.extra.get("auto_threshold_method", "otsu")),
    )
    water_text = "; ".join(
        tr("{role} water where {0} {1} {dm_threshold:.2f} ({2})").format(
            dm.model.card.outputs[0].name,
            "<" if dm.water_if == "below" else ">",
            dm.threshold_how.split(";")[0],
            role=role,
            dm_threshold=dm.threshold,
        )
        for role, dm in (("BEFORE", method.before), ("AFTER", method.after))
    )
    thresholds = tr(
        "new flood where {band_name} < {t_fall:.2f} dB, receded where {band_name} > "
        "{t_rise:.2f} dB ({how}); {water_text}"
    ).format(band_name=band_name, t_fall=t_fall, t_rise=t_rise, how=how, water_text=water_text)
    feedback.info(tr("Log-ratio thresholds: {thresholds}").format(thresholds=thresholds))
    return _Rules(thresholds, band=band, fall=t_fall, rise=t_rise)


RULES = {"difference": _difference_rules, "learned": _learned_rules, "log_ratio": _log_ratio_rules}


@dataclass
class _Sources:
    """What the classifiers read in every window: the models' outputs and, for chip models, the scenes."""

    method: Method
    pair: AlignedPair
    rules: _Rules
    rasters: dict  # open datasets by key: water_before, water_after, change (what the method made)
    scenes: dict  # chip models: the aligned scenes by role, to find the pixels with data in both

    def inputs_valid(self, win) -> np.ndarray:
        """Pixels with data in both scenes, judged as the runner judges them."""
        ok = np.ones((int(win.height), int(win.width)), dtype=bool)
        for role, ds in self.scenes.items():
            bands = self.pair.bands(role, self.method.change_bands[role].indices)
            ok &= valid_mask(ds, bands, ds.read(bands, window=win, out_dtype="float32"), win)
        return ok


def _water_change(water_a: np.ndarray, new: np.ndarray, receded: np.ndarray) -> np.ndarray:
    cls = np.full(water_a.shape, DRY, dtype=np.uint8)
    cls[water_a] = PERMANENT
    cls[new] = NEW_FLOOD
    cls[receded] = RECEDED
    return cls


def _classify_difference(src: _Sources, win) -> tuple[np.ndarray, np.ndarray]:
    water_b, ok_b = _water(src.rasters["water_before"], win, src.method.before)
    water_a, ok_a = _water(src.rasters["water_after"], win, src.method.after)
    return _water_change(water_a, water_a & ~water_b, water_b & ~water_a), ok_b & ok_a


def _classify_log_ratio(src: _Sources, win) -> tuple[np.ndarray, np.ndarray]:
    water_b, ok_b = _water(src.rasters["water_before"], win, src.method.before)
    water_a, ok_a = _water(src.rasters["water_after"], win, src.method.after)
    ds, band = src.rasters["change"], src.rules.band
    r = ds.read(band, window=win)
    valid = ok_b & ok_a & valid_mask(ds, [band], r, win)
    new = water_a & ~water_b & (r < src.rules.fall)
    receded = water_b & ~water_a & (r > src.rules.rise)
    return _water_change(water_a, new, receded), valid


def _classify_learned(src: _Sources, win) -> tuple[np.ndarray, np.ndarray]:
    ds = src.rasters["change"]
    data = ds.read(window=win).astype(np.float32)
    cls = src.rules.decode(data)
    return cls, valid_mask(ds, [1], data[0], win) & (cls != NODATA)


def _classify_chips(src: _Sources, win) -> tuple[np.ndarray, np.ndarray]:
    rules = src.rules
    return _chip_classes(src.rasters["change"], win, rules.chip, rules.decode, src.inputs_valid(win))


# One window's (classes, valid pixels), by method; invalid pixels become NODATA afterwards.
CLASSIFIERS = {
    "difference": _classify_difference,
    "log_ratio": _classify_log_ratio,
    "learned": _classify_learned,
    "learned_chips": _classify_chips,
}


class _GridCells:
    """Per-cell sums over square cells (``geo.make_grid``); a pixel counts in the cell holding its centre."""

    noun = "cells"

    def __init__(self, pair: AlignedPair, bounds, cell_size: float, equal_area: str, feedback: Feedback):
        from .geo import make_grid, transformer

        self.pair, self.equal_area = pair, equal_area
        self.grid = grid = make_grid(pair.crs, bounds, cell_size)
        self.to_grid = None if grid.native else transformer(pair.crs, grid.crs_wkt)
        # flooded, permanent, receded and valid m2, and pixels, per cell
        self.sums = np.zeros((5, grid.rows * grid.cols), dtype=np.float64)
        self.crs_wkt, self.epsg = grid.crs_wkt, grid.epsg
        feedback.info(
            tr(
                "Grid: {grid_cols} x {grid_rows} cells of {cell_size:g} m in {0}; a pixel counts "
                "in the cell holding its centre; areas in {equal_area}"
            ).format(
                "EPSG:" + str(grid.epsg) if grid.epsg else tr("the raster CRS"),
                grid_cols=grid.cols,
                grid_rows=grid.rows,
                cell_size=cell_size,
                equal_area=equal_area,
            )
        )

    def add(self, tile_tr, area: np.ndarray, layers: tuple) -> None:
        grid = self.grid
        h, w = area.shape
        cols_, rows_ = np.meshgrid(np.arange(w) + 0.5, np.arange(h) + 0.5)
        px = tile_tr.a * cols_ + tile_tr.b * rows_ + tile_tr.c
        py = tile_tr.d * cols_ + tile_tr.e * rows_ + tile_tr.f
        if self.to_grid is not None:
            px, py = self.to_grid.transform(px, py)
            px, py = np.asarray(px), np.asarray(py)
        cell, inside = grid.cell_index(px, py)
        n = grid.rows * grid.cols
        a = area[inside]
        for j, layer in enumerate(layers):
            self.sums[j] += np.bincount(cell, weights=a * layer[inside], minlength=n)
        self.sums[4] += np.bincount(cell, minlength=n)

    def cells(self) -> list[CellStats]:
        from .geo import true_area

        grid, sums, cells = self.grid, self.sums, []
        for idx in np.flatnonzero(sums[4] > 0):
            row, col = divmod(int(idx), grid.cols)
            poly = grid.cell_polygon(col, row)
            cells.append(
                CellStats(
                    int(idx),
                    poly,
                    true_area(poly, grid.crs_wkt, self.equal_area),
                    flooded_m2=float(sums[0, idx]),
                    permanent_m2=float(sums[1, idx]),
                    receded_m2=float(sums[2, idx]),
                    valid_m2=float(sums[3, idx]),
                    pixels=int(sums[4, idx]),
                    col=col,
                    row=row,
                )
            )
        return cells


class _ZoneCells:
    """Per-zone sums over the given polygons; a pixel counts in every zone holding its centre."""

    noun = "zones"
    crs_wkt = epsg = None  # zones stay in the CRS they were given in

    def __init__(self, zones, pair: AlignedPair, equal_area: str, feedback: Feedback):
        from .geo import true_area

        self.zones = list(zones)
        self.stats = {
            z.key: CellStats(z.key, z.geometry, true_area(z.geometry, pair.crs, equal_area)) for z in self.zones
        }
        self.bounds = np.array(
            [z.geometry.bounds if not z.geometry.is_empty else (np.inf, np.inf, -np.inf, -np.inf) for z in self.zones],
            dtype=np.float64,
        ).reshape(-1, 4)
        feedback.info(
            tr("Zones: {0} polygons; a pixel counts in every zone holding its centre").format(len(self.zones))
        )

    def add(self, tile_tr, area: np.ndarray, layers: tuple) -> None:
        from rasterio.features import rasterize

        h, w = area.shape
        left, right = tile_tr.c, tile_tr.c + tile_tr.a * w
        top, bottom = tile_tr.f, tile_tr.f + tile_tr.e * h
        zb = self.bounds
        hits = np.flatnonzero((zb[:, 0] <= right) & (zb[:, 2] >= left) & (zb[:, 1] <= top) & (zb[:, 3] >= bottom))
        flooded, permanent, receded, valid = layers
        for zi in hits:
            z = self.zones[zi]
            inside = rasterize([(z.geometry, 1)], out_shape=(h, w), transform=tile_tr, fill=0, dtype="uint8").astype(
                bool
            )
            if not inside.any():
                continue
            s = self.stats[z.key]
            s.flooded_m2 += float(area[inside & flooded].sum())
            s.permanent_m2 += float(area[inside & permanent].sum())
            s.receded_m2 += float(area[inside & receded].sum())
            s.valid_m2 += float(area[inside & valid].sum())
            s.pixels += int(inside.sum())

    def cells(self) -> list[CellStats]:
        return [self.stats[z.key] for z in self.zones]


def _cells_for(pair: AlignedPair, zones, cell_size: float, feedback: Feedback):
    """The cells (a grid, or the zones) and the true pixel areas of the analysis grid."""
    import rasterio

    from .geo import PixelAreas, equal_area_crs, lonlat_of

    bounds = tuple(rasterio.transform.array_bounds(pair.height, pair.width, pair.transform))
    lon, lat = lonlat_of(pair.crs, (bounds[0] + bounds[2]) / 2.0, (bounds[1] + bounds[3]) / 2.0)
    equal_area = equal_area_crs(lon, lat)
    areas = PixelAreas(pair.crs, pair.transform, equal_area)
    if zones is None:
        return _GridCells(pair, bounds, cell_size, equal_area, feedback), areas
    return _ZoneCells(zones, pair, equal_area, feedback), areas


@dataclass
class _Totals:
    """Pixels of each class (and nodata) and true area of each class over the whole overlap."""

    counts: dict = field(default_factory=lambda: {c: 0 for c in (*CLASSES, NODATA)})
    areas_m2: dict = field(default_factory=lambda: {c: 0.0 for c in CLASSES})

    def add(self, cls: np.ndarray, area: np.ndarray) -> None:
        binc = np.bincount(cls.ravel(), minlength=256)
        for c in self.counts:
            self.counts[c] += int(binc[c])
        for c in CLASSES:
            self.areas_m2[c] += float(area[cls == c].sum())

    @property
    def valid_pixels(self) -> int:
        return sum(self.counts[c] for c in CLASSES)


def _open_classes_output(tmp: str, pair: AlignedPair, method: Method, thresholds: str):
    import rasterio

    profile = gtiff_profile("uint8", size=(pair.width, pair.height))
    profile.update(count=1, crs=pair.crs, transform=pair.transform, nodata=NODATA)
    out = rasterio.open(tmp, "w", **profile)
    out.set_band_description(1, "flood change class")
    out.update_tags(
        SATIMPACT_TASK="flood_change",
        SATIMPACT_METHOD=method.kind,
        SATIMPACT_CLASSES="; ".join(f"{k}={v}" for k, v in CLASSES.items()) + f"; {NODATA}=nodata",
        SATIMPACT_THRESHOLDS=thresholds,
        SATIMPACT_ALIGNMENT=pair.description,
    )
    out.write_colormap(1, {**COLORS, NODATA: (0, 0, 0, 0)})
    return out


def _classify_and_aggregate(tmp: str, pair, method: Method, rules: _Rules, paths: dict, cells, areas, feedback):
    """Window by window: classes written to ``tmp``, counted, and summed into the cells. Returns the totals."""
    import rasterio
    from rasterio.windows import transform as window_transform

    chips = method.kind == "learned" and method.change_model.card.model_type == "chip"
    classify = CLASSIFIERS["learned_chips" if chips else method.kind]
    totals = _Totals()
    opened = []
    try:
        out = _open_classes_output(tmp, pair, method, rules.thresholds)
        opened.append(out)
        rasters = {k: rasterio.open(p) for k, p in paths.items()}
        opened.extend(rasters.values())
        scenes = {}
        if chips:
            scenes = {"before": rasterio.open(pair.before_path), "after": rasterio.open(pair.after_path)}
            opened.extend(scenes.values())
        src = _Sources(method, pair, rules, rasters, scenes)
        wins = list(windows(pair.width, pair.height, WINDOW))
        for k, win in enumerate(wins):
            if feedback.is_cancelled():
                raise Cancelled(tr("cancelled by the user; no output was written"))
            cls, valid = classify(src, win)
            cls = np.where(valid, cls, NODATA).astype(np.uint8)
            out.write(cls, 1, window=win)
            area = areas.window(int(win.row_off), int(win.col_off), int(win.height), int(win.width))
            totals.add(cls, area)
            layers = (cls == NEW_FLOOD, cls == PERMANENT, cls == RECEDED, valid)
            cells.add(window_transform(win, pair.transform), area, layers)
            feedback.progress(80.0 + 20.0 * (k + 1) / len(wins))
    finally:
        for ds in opened:
            ds.close()
    return totals


def _class_label(code: int) -> str:
    """A class name for the log in the user's language (CLASSES stay English in the files' tags)."""
    labels = {
        DRY: tr("dry"),
        PERMANENT: tr("permanent water"),
        NEW_FLOOD: tr("new flood"),
        RECEDED: tr("receded water"),
    }
    return labels[code]


def _report(totals: _Totals, cells: list[CellStats], noun: str, damage_threshold: float, feedback) -> None:
    counts, valid_px = totals.counts, totals.valid_pixels
    summary = (
        ", ".join(f"{_class_label(c)} {counts[c]} px ({100.0 * counts[c] / valid_px:.2f} %)" for c in CLASSES)
        + f"; nodata {counts[NODATA]} px"
    )
    feedback.info(tr("Change classes: {summary}").format(summary=summary))
    noun = tr("cells") if noun == "cells" else tr("zones")
    feedback.info(
        tr("{0} {noun}, {damaged} damaged (flooded share above {damage_threshold:g})").format(
            len(cells),
            noun=noun,
            damaged=damaged_count(cells, damage_threshold),
            damage_threshold=damage_threshold,
        )
    )
    unseen = sum(not c.seen for c in cells)
    if unseen:
        feedback.warning(
            tr(
                "{0} of {1} {noun} have no valid pixel in both scenes (outside them, or nodata in either "
                "date): valid share 0 and NULL figures (unknown, not undamaged)"
            ).format(unseen, len(cells), noun=noun)
        )


# --- the whole tool ----------------------------------------------------------------------------


def detect_change(
    before_path: str,
    after_path: str,
    output_path: str,
    model_ref: str | None = None,
    band_map_before: str | None = None,
    band_map_after: str | None = None,
    cell_size: float = 1000.0,
    zones: list | None = None,
    damage_threshold: float = 0.1,
    feedback: Feedback | None = None,
    user_dir: str | None = None,
    options: RunOptions | None = None,
    auto_threshold: bool = True,
    auto_method: str | None = None,
    radar_units: str | None = None,
) -> ChangeResult:
    """Change classes on BEFORE's grid (written to ``output_path``) and per-cell (or per-zone) figures.

    ``zones``: ``green.Zone`` objects (key, shapely geometry in BEFORE's CRS), or None for a grid.
    ``auto_threshold``: radar dates get split-based automatic water thresholds and the log-ratio
    split-based change thresholds (``auto_method`` otsu or ki for both; None: Otsu for the water, the
    change model card's ``auto_threshold_method`` for the log-ratio); optical dates always use their
    cards' thresholds. ``radar_units``: dB or linear for both dates (else stated in a BAND_MAP or judged).

    Args:
        before_path: the BEFORE scene (its grid is the output's).
        after_path: the AFTER scene (aligned onto BEFORE's grid where they differ).
        output_path: the change class raster.
        model_ref: a model name or path, or None/"auto".
        band_map_before: BEFORE's BAND_MAP, or None.
        band_map_after: AFTER's BAND_MAP, or None.
        cell_size: grid cell side, metres (without zones).
        zones: see above.
        damage_threshold: flooded share above which a cell counts as damaged (0 to 1).
        feedback: progress, cancel and messages.
        user_dir: the user's models folder, or None.
        options: how the models run (tiles, threads, memory).
        auto_threshold: see above.
        auto_method: see above.
        radar_units: see above.

    Returns:
        ChangeResult: class counts and areas, per-cell (or per-zone) figures, how it was done.

    Raises:
        EngineError: bad DAMAGE_THRESHOLD or CELL_SIZE, unreadable or non-overlapping scenes, an
            unwritable output, a radar date that is an 8-bit rendering.
        CardError: a model this tool cannot use.
        BandError: a date lacks a band its model needs.
        Cancelled: the user cancelled (no output is left behind).
    """
    feedback = feedback or Feedback()
    _check_cell_parameters(damage_threshold, zones, cell_size)
    check_output_writable(output_path)
    band_map_before, band_map_after, units = _radar_band_maps(
        before_path, after_path, band_map_before, band_map_after, radar_units
    )
    method = plan_method(before_path, after_path, model_ref, band_map_before, band_map_after, user_dir)
    feedback.info(method.describe())

    folder = os.path.dirname(os.path.abspath(output_path))
    workdir = tempfile.mkdtemp(prefix=".satimpact-floodchange-", dir=folder)
    tmp = temporary_path(output_path)
    try:
        before_path, after_path = _radar_inputs_in_db(method, before_path, after_path, units, workdir, feedback)
        pair = align_pair(before_path, after_path, workdir, feedback, _bands_needed(method))
        paths, done = _run_water_models(method, pair, workdir, feedback, options)
        _water_thresholds(method, paths, auto_threshold, auto_method, feedback)
        if method.change_model is not None:
            _run_change_model(method, pair, paths, workdir, done, feedback, options)
        rules = RULES[method.kind](method, paths, auto_threshold, auto_method, feedback)
        cells, areas = _cells_for(pair, zones, cell_size, feedback)
        totals = _classify_and_aggregate(tmp, pair, method, rules, paths, cells, areas, feedback)
        if totals.valid_pixels == 0:
            raise EngineError(
                tr(
                    "BEFORE and AFTER overlap, but no pixel of the overlap has data in both scenes "
                    "({0} gave nodata everywhere); nothing to compare"
                ).format(tr("the models") if method.before else tr("the model"))
            )
        commit_output(tmp, output_path)
        cell_list = cells.cells()
        _report(totals, cell_list, cells.noun, damage_threshold, feedback)
        return ChangeResult(
            output=output_path,
            method=method,
            alignment=pair,
            counts=totals.counts,
            areas_m2=totals.areas_m2,
            cells=cell_list,
            cells_crs_wkt=cells.crs_wkt,
            grid_epsg=cells.epsg,
            cell_size=float(cell_size),
            damage_threshold=float(damage_threshold),
            thresholds=rules.thresholds,
            decoder=rules.decoder,
        )
    except BaseException:
        remove_quietly(tmp)
        raise
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
