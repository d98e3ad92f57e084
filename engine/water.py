"""Surface water from a model's index raster: thresholds, masks and water-body polygons.

The water models (``models/water_*.onnx``) write an index (MNDWI, NDWI, the Zou et al.
score, SDWI ...) whose card says the default threshold and on which side water lies.
This module turns that index into a mask (1 water, 0 land, 255 nodata), finds Otsu's
threshold on the scene's own histogram, and polygonises masks with true areas. Every
pass reads windows, so memory depends on the window size, never on the scene size.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field

import numpy as np

from .bands import BandResolution, resolve_bands
from .card import ModelCard
from .errors import BandError, Cancelled, EngineError
from .geo import mask_facts, valid_mask, windows
from .i18n import tr
from .model import LoadedModel
from .raster import check_output_writable, commit_output, gtiff_profile, remove_quietly, temporary_path
from .runner import Feedback, RasterInput, RunOptions, run_model

WATER, LAND, MASK_NODATA = 1, 0, 255
HIST_BINS = 2048
# Preference when MODEL is left empty: the richest model the raster's bands allow.
# Radar: both polarisations where the raster has them, else the one it has.
DEFAULT_WATER_MODELS = ("water_mndwi_evi", "water_mndwi", "water_ndwi", "water_sdwi", "water_s1_vv", "water_s1_vh")


def water_direction(card: ModelCard) -> str:
    side = str(card.extra.get("water_if", "above")).lower()
    if side not in ("above", "below"):
        raise EngineError(
            tr("model '{card_name}': card extra 'water_if' must be 'above' or 'below', got '{side}'").format(
                card_name=card.name, side=side
            )
        )
    return side


# --- choosing a model -------------------------------------------------------------------------


def choose_model(
    candidates: list[LoadedModel], band_count: int, descriptions, band_map: str | None
) -> tuple[LoadedModel, BandResolution]:
    """The first candidate whose bands the raster has; else an error listing what each one lacked."""
    reasons = []
    for model in candidates:
        spec = model.card.inputs[0]
        try:
            return model, resolve_bands(spec.bands, band_count, descriptions, band_map, spec.sensor)
        except BandError as exc:
            reasons.append(f"{model.card.name} ({', '.join(spec.bands)}): {exc}")
    raise BandError(
        tr(
            "no water model fits this raster: optical water needs green and NIR (NDWI) or "
            "green and SWIR (MNDWI) bands, radar water needs Sentinel-1 VV and/or VH (a "
            "one-band radar scene without a band description: say which with BAND_MAP=VV=1 "
            "or BAND_MAP=VH=1). "
        )
        + " | ".join(reasons)
    )


# --- histograms and Otsu -----------------------------------------------------------------------


def index_range(path: str, band: int = 1, feedback: Feedback | None = None) -> tuple[float, float, int]:
    """Minimum, maximum and count of the valid pixels of one band, window by window."""
    import rasterio

    feedback = feedback or Feedback()
    lo, hi, n = math.inf, -math.inf, 0
    with rasterio.open(path) as ds:
        facts = mask_facts(ds, [band])
        for win in windows(ds.width, ds.height):
            if feedback.is_cancelled():
                raise Cancelled(tr("cancelled by the user; no output was written"))
            data = ds.read(band, window=win)
            values = data[valid_mask(ds, [band], data, win, facts)]
            if values.size:
                lo, hi, n = min(lo, float(values.min())), max(hi, float(values.max())), n + values.size
    return lo, hi, n


def index_histogram(
    path: str,
    band: int = 1,
    bins: int = HIST_BINS,
    value_range: tuple[float, float] | None = None,
    feedback: Feedback | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Counts and bin edges of the valid pixels; the range is the data's own unless given."""
    import rasterio

    if value_range is None:
        lo, hi, n = index_range(path, band, feedback)
        if n == 0:
            raise EngineError(tr("{0}: the index has no valid pixel (all nodata)").format(os.path.basename(path)))
        value_range = (lo, hi)
    lo, hi = value_range
    if not hi > lo:
        raise EngineError(
            tr(
                "the index is constant ({lo:g}) over the whole scene: no threshold can split it into water and land"
            ).format(lo=lo)
        )
    counts = np.zeros(bins, dtype=np.int64)
    feedback = feedback or Feedback()
    with rasterio.open(path) as ds:
        facts = mask_facts(ds, [band])
        for win in windows(ds.width, ds.height):
            if feedback.is_cancelled():
                raise Cancelled(tr("cancelled by the user; no output was written"))
            data = ds.read(band, window=win)
            values = np.clip(data[valid_mask(ds, [band], data, win, facts)], lo, hi)
            counts += np.histogram(values, bins=bins, range=(lo, hi))[0]
    return counts, np.linspace(lo, hi, bins + 1)


def otsu_from_histogram(counts: np.ndarray, edges: np.ndarray) -> float:
    """Otsu (1979): the cut that maximises the between-class variance; returns the upper edge
    of the last bin of the lower class."""
    counts = counts.astype(np.float64)
    centres = (edges[:-1] + edges[1:]) / 2.0
    total = counts.sum()
    if total <= 0:
        raise EngineError(tr("no valid pixel to compute Otsu's threshold on"))
    w0 = np.cumsum(counts)
    w1 = total - w0
    m0 = np.cumsum(counts * centres)
    mean_total = m0[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean_total * w0 / total - m0) ** 2 / (w0 * w1)
    between[~np.isfinite(between)] = -1.0
    k = int(np.argmax(between))
    if between[k] <= 0:
        raise EngineError(tr("the index histogram has a single value: Otsu's threshold is undefined"))
    return float(edges[k + 1])


OTSU_FINE_BINS = 1 << 16
# Otsu's cut moves with the histogram's range, so a few extreme pixels (capped backscatter,
# saturated or dark pixels) can drag it far off; the histogram is taken between the 1st
# and 99th percentiles, with the outer 1 % on each side counted in the end bins.
OTSU_PERCENTILES = (0.01, 0.99)


def otsu_threshold(path: str, band: int = 1, feedback: Feedback | None = None) -> float:
    """Otsu's threshold of one band, from a fine histogram (bounded memory, two passes)."""
    counts, edges = index_histogram(path, band, bins=OTSU_FINE_BINS, feedback=feedback)
    lo, hi = histogram_quantiles(counts, edges, OTSU_PERCENTILES)
    k0 = int(np.clip(np.searchsorted(edges, lo, side="right") - 1, 0, len(counts) - 1))
    k1 = int(np.clip(np.searchsorted(edges, hi, side="left"), k0 + 1, len(counts)))
    inner = counts[k0:k1].copy()
    inner[0] += counts[:k0].sum()
    inner[-1] += counts[k1:].sum()
    if inner.size < 2:
        return otsu_from_histogram(counts, edges)
    return otsu_from_histogram(inner, edges[k0 : k1 + 1])


def histogram_quantiles(counts: np.ndarray, edges: np.ndarray, qs) -> list[float]:
    """Quantiles read from a histogram (linear within a bin)."""
    cum = np.cumsum(counts.astype(np.float64))
    total = cum[-1]
    out = []
    for q in qs:
        target = q * total
        k = int(np.searchsorted(cum, target, side="left"))
        k = min(k, len(counts) - 1)
        before = cum[k - 1] if k > 0 else 0.0
        inside = counts[k]
        frac = (target - before) / inside if inside > 0 else 0.5
        out.append(float(edges[k] + frac * (edges[k + 1] - edges[k])))
    return out


# --- masks -------------------------------------------------------------------------------------


@dataclass
class MaskStats:
    water: int = 0
    land: int = 0
    nodata: int = 0

    @property
    def valid(self) -> int:
        return self.water + self.land

    @property
    def water_share(self) -> float:
        # nodata never counts in a ratio
        return self.water / self.valid if self.valid else float("nan")


def _mask_profile(ds) -> dict:
    profile = gtiff_profile("uint8", size=(ds.width, ds.height))
    profile.update(count=1, crs=ds.crs, transform=ds.transform, nodata=MASK_NODATA)
    return profile


def threshold_to_mask(
    index_path: str,
    output_path: str,
    threshold: float,
    water_if: str = "above",
    band: int = 1,
    feedback: Feedback | None = None,
    tags: dict | None = None,
) -> MaskStats:
    """Write 1 where the index says water, 0 land, 255 where the index is nodata."""
    import rasterio

    feedback = feedback or Feedback()
    check_output_writable(output_path)
    stats = MaskStats()
    tmp = temporary_path(output_path)
    try:
        with rasterio.open(index_path) as ds:
            facts = mask_facts(ds, [band])
            wins = list(windows(ds.width, ds.height))
            with rasterio.open(tmp, "w", **_mask_profile(ds)) as out:
                out.set_band_description(1, "water")
                out.update_tags(
                    SATIMPACT_CLASSES="0=land,1=water,255=nodata",
                    SATIMPACT_THRESHOLD=repr(float(threshold)),
                    SATIMPACT_WATER_IF=water_if,
                    **(tags or {}),
                )
                for k, win in enumerate(wins):
                    if feedback.is_cancelled():
                        raise Cancelled(tr("cancelled by the user; no output was written"))
                    data = ds.read(band, window=win)
                    valid = valid_mask(ds, [band], data, win, facts)
                    water = (data > threshold) if water_if == "above" else (data < threshold)
                    mask = np.where(valid, np.where(water, WATER, LAND), MASK_NODATA).astype(np.uint8)
                    out.write(mask, 1, window=win)
                    n_water = int((mask == WATER).sum())
                    n_valid = int(valid.sum())
                    stats.water += n_water
                    stats.land += n_valid - n_water
                    stats.nodata += mask.size - n_valid
                    feedback.progress(100.0 * (k + 1) / len(wins))
        commit_output(tmp, output_path)
    except BaseException:
        remove_quietly(tmp)
        raise
    return stats


# --- polygons ----------------------------------------------------------------------------------

STRIP_ROWS = 512


class AreaCalculator:
    """True areas in m2 of polygons made of whole pixels.

    Projected CRS in metres: the planar area in that CRS (pixel count x pixel area, exact).
    Anything else (EPSG:4326 ...): the polygon projected to a Lambert azimuthal equal-area
    CRS centred on the raster, on the WGS 84 ellipsoid, which keeps areas true.
    """

    def __init__(self, crs, transform, width: int, height: int):
        self.transform = transform
        self.pixel_area = abs(transform.a * transform.e - transform.b * transform.d)
        self.metric = bool(crs and crs.is_projected and abs(crs.linear_units_factor[1] - 1.0) < 1e-12)
        self.to_equal_area = None
        self.area_crs = crs.to_string() if self.metric else None
        if not self.metric:
            if crs is None:
                raise EngineError(tr("the raster has no CRS: areas in m2 cannot be computed"))
            from pyproj import CRS, Transformer

            cx, cy = transform * (width / 2.0, height / 2.0)
            to_lonlat = Transformer.from_crs(crs.to_wkt(), "EPSG:4326", always_xy=True)
            lon, lat = to_lonlat.transform(cx, cy)
            laea = CRS.from_proj4(f"+proj=laea +lat_0={lat:.6f} +lon_0={lon:.6f} +datum=WGS84 +units=m +no_defs")
            self.to_equal_area = Transformer.from_crs(crs.to_wkt(), laea, always_xy=True)
            self.area_crs = f"Lambert azimuthal equal-area centred on {lat:.4f}, {lon:.4f} (WGS 84)"

    def area_m2(self, world_geom, pixels: float) -> float:
        if self.metric:
            return float(pixels * self.pixel_area)
        from shapely.ops import transform

        return float(transform(self.to_equal_area.transform, world_geom).area)


def _to_world(geom, transform):
    from shapely.affinity import affine_transform

    return affine_transform(geom, [transform.a, transform.b, transform.d, transform.e, transform.c, transform.f])


def iter_pixel_polygons(path: str, value: int = 1, band: int = 1, feedback: Feedback | None = None):
    """Polygons of the 4-connected regions equal to ``value``, in pixel coordinates.

    The raster is read in full-width strips; regions cut by a strip's lower edge are carried
    and merged with what continues in the next strip, so a region is yielded once, whole.
    """
    import rasterio
    from affine import Affine
    from rasterio.features import shapes
    from rasterio.windows import Window
    from shapely.geometry import MultiPolygon, shape
    from shapely.ops import unary_union

    feedback = feedback or Feedback()
    with rasterio.open(path) as ds:
        height, width = ds.height, ds.width
        carry = []
        for y0 in range(0, height, STRIP_ROWS):
            if feedback.is_cancelled():
                raise Cancelled(tr("cancelled by the user; no output was written"))
            rows = min(STRIP_ROWS, height - y0)
            data = ds.read(band, window=Window(0, y0, width, rows))
            hit = data == value
            polys = []
            if hit.any():
                polys = [
                    shape(g)
                    for g, _ in shapes(
                        hit.astype(np.uint8), mask=hit, connectivity=4, transform=Affine.translation(0, y0)
                    )
                ]
            top = [p for p in polys if p.bounds[1] <= y0]
            rest = [p for p in polys if p.bounds[1] > y0]
            if carry and top:
                merged = unary_union(carry + top)
                parts = list(merged.geoms) if isinstance(merged, MultiPolygon) else [merged]
            else:
                parts = carry + top
            bottom = y0 + rows
            carry = []
            for p in parts + rest:
                if p.bounds[3] >= bottom and bottom < height:
                    carry.append(p)
                else:
                    yield p
            feedback.progress(100.0 * bottom / height)
        yield from carry


VECTOR_DRIVERS = {".gpkg": "GPKG", ".shp": "ESRI Shapefile", ".geojson": "GeoJSON", ".json": "GeoJSON"}


def vector_driver(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    if ext not in VECTOR_DRIVERS:
        raise EngineError(
            tr(
                "cannot write vector output '{path}': use a GeoPackage (.gpkg), shapefile (.shp) or GeoJSON file"
            ).format(path=path)
        )
    return VECTOR_DRIVERS[ext]


def write_polygons(
    mask_path: str,
    output_path: str,
    min_area_m2: float = 0.0,
    value: int = 1,
    attributes=None,
    extra_schema: dict | None = None,
    feedback: Feedback | None = None,
) -> tuple[int, float, AreaCalculator]:
    """Polygonise the pixels equal to ``value`` into a vector file with ``area_m2`` and ``pixels``.

    ``attributes(pixel_polygon, world_polygon) -> dict`` adds fields (``extra_schema``: name -> type).
    Returns (features written, their total area in m2, the area calculator used).
    """
    import fiona
    import rasterio
    from shapely.geometry import mapping

    driver = vector_driver(output_path)
    check_output_writable(output_path)
    with rasterio.open(mask_path) as ds:
        crs, transform, width, height = ds.crs, ds.transform, ds.width, ds.height
    calc = AreaCalculator(crs, transform, width, height)
    schema = {
        "geometry": "Polygon",
        "properties": {"id": "int", "area_m2": "float", "pixels": "int", **(extra_schema or {})},
    }
    tmp = temporary_path(output_path)
    layer = os.path.splitext(os.path.basename(output_path))[0]
    written, total = 0, 0.0
    try:
        kwargs = {"layer": layer} if driver == "GPKG" else {}
        with fiona.open(tmp, "w", driver=driver, schema=schema, crs_wkt=crs.to_wkt(), **kwargs) as sink:
            for poly in iter_pixel_polygons(mask_path, value, feedback=feedback):
                pixels = int(round(poly.area))
                world = _to_world(poly, transform)
                area = calc.area_m2(world, pixels)
                if area < min_area_m2:
                    continue
                written += 1
                total += area
                props = {"id": written, "area_m2": round(area, 3), "pixels": pixels}
                if attributes is not None:
                    props.update(attributes(poly, world))
                sink.write({"geometry": mapping(world), "properties": props})
        commit_output(tmp, output_path)
    except BaseException:
        remove_quietly(tmp)
        raise
    return written, total, calc


# --- the whole tool ----------------------------------------------------------------------------


@dataclass
class WaterReport:
    model: str
    threshold: float
    threshold_source: str
    water_if: str
    stats: MaskStats
    polygons: int | None = None
    polygon_area_m2: float | None = None
    messages: list[str] = field(default_factory=list)
    # how the threshold came about: "THRESHOLD", "card", "otsu-scene", "split-otsu", "split-ki",
    # "split-otsu (KI undefined)" or "fallback" (automatic asked, no bimodal tile: the card's value)
    threshold_path: str = ""
    units: str | None = None  # radar models: "db" or "linear" (converted to dB), as judged or stated


def model_default_is_auto(card: ModelCard) -> bool:
    """Cards whose default threshold is the automatic one (the single-polarisation radar models)."""
    return str(card.extra.get("threshold_default", "")).lower() == "auto"


def automatic_threshold(
    index_path: str, card: ModelCard, method: str | None = None, feedback: Feedback | None = None
) -> tuple[float, str, str]:
    """The automatic threshold of an index raster for this model: (value, path, description).

    Radar cards (extra ``auto_threshold: split``) and any Kittler-Illingworth request use the
    split-based selection of ``engine/radar.py``, falling back to the card's fixed value when no tile
    is bimodal; other cards keep Otsu on the whole scene's histogram (1st-99th percentiles).
    """
    from .radar import split_threshold_of_raster

    feedback = feedback or Feedback()
    method = (method or "otsu").lower()
    split = str(card.extra.get("auto_threshold", "otsu")).lower() == "split" or method == "ki"
    units = card.outputs[0].units or ""
    if not split:
        feedback.info(tr("Computing Otsu's threshold on the scene's index histogram ..."))
        return otsu_threshold(index_path, 1, feedback), "otsu-scene", "Otsu on this scene"
    feedback.info(tr("Computing the split-based automatic threshold (tiles with a bimodal histogram) ..."))
    found = split_threshold_of_raster(index_path, 1, method, feedback)
    if found.found:
        return found.threshold, found.applied, found.describe(units)
    fixed = card.outputs[0].threshold
    if fixed is None:
        raise EngineError(
            tr("{0}, and model '{card_name}' gives no fixed threshold to fall back on; set THRESHOLD").format(
                found.describe(units), card_name=card.name
            )
        )
    unit = f" {units}" if units else ""
    text = f"{found.describe(units)}: the model's documented fixed value {fixed:g}{unit} applies"
    feedback.warning(text)
    return float(fixed), "fallback", text


def _check_water_request(
    card: ModelCard, output: str, index_output: str | None, polygons_output: str | None, min_area_m2: float
) -> str:
    """Everything that can be refused before the model runs; returns the side water lies on."""
    if card.task != "water":
        raise EngineError(
            tr("model '{card_name}' is a '{card_task}' model, not a water model (task 'water')").format(
                card_name=card.name, card_task=card.task
            )
        )
    if len(card.inputs) != 1 or len(card.outputs) < 1:
        raise EngineError(
            tr("model '{card_name}' must have one input and an index output to detect water").format(
                card_name=card.name
            )
        )
    side = water_direction(card)
    for path in (output, index_output, polygons_output):
        if path:
            check_output_writable(path)
    if polygons_output:
        vector_driver(polygons_output)
    if min_area_m2 < 0:
        raise EngineError(tr("MIN_AREA must be zero or positive, got {min_area_m2} m2").format(min_area_m2=min_area_m2))
    return side


def _radar_in_db(source: str, bands: list[int], card: ModelCard, radar_units, output: str, feedback: Feedback):
    """Radar backscatter as the model needs it (dB): (source to read, units judged, workdir or None).

    Linear power is converted through a VRT in a folder next to the output, which the caller removes.
    """
    from .radar import UNIT_NAMES, check_backscatter, parse_units, to_db_vrt

    judged = check_backscatter(source, bands, parse_units(radar_units))
    (feedback.info if judged.sure else feedback.warning)(
        f"Backscatter: {judged.how}"
        + ("" if judged.sure else "; not sure: state RADAR_UNITS (or 'dB' / 'linear' in BAND_MAP) if wrong")
    )
    if judged.units != "linear":
        return source, judged.units, None
    import shutil
    import tempfile

    workdir = tempfile.mkdtemp(prefix=".satimpact-water-", dir=os.path.dirname(os.path.abspath(output)))
    try:
        source = to_db_vrt(source, workdir)
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    feedback.info(
        tr("{0} converted to dB (10 log10) on the fly for {card_name}").format(
            UNIT_NAMES["linear"], card_name=card.name
        )
    )
    return source, judged.units, workdir


def _choose_threshold(
    index_path: str,
    card: ModelCard,
    threshold: float | None,
    auto_threshold: bool | None,
    auto_method: str | None,
    feedback: Feedback,
) -> tuple[float, str, str]:
    """The threshold as ``detect_water`` documents it: (value, how, threshold path)."""
    if auto_threshold is None:
        auto_threshold = model_default_is_auto(card) and threshold is None
    if threshold is not None and not auto_threshold:
        return float(threshold), "THRESHOLD", "THRESHOLD"
    if auto_threshold:
        value, threshold_path, how = automatic_threshold(index_path, card, auto_method, feedback)
        return value, how, threshold_path
    value = card.outputs[0].threshold
    if value is None:
        raise EngineError(
            tr("model '{card_name}' gives no default threshold in its card; set THRESHOLD or AUTO_THRESHOLD").format(
                card_name=card.name
            )
        )
    return value, "model card default", "card"


def detect_water(
    source: str,
    model: LoadedModel,
    bands: list[int],
    output: str,
    index_output: str | None = None,
    threshold: float | None = None,
    auto_threshold: bool | None = False,
    polygons_output: str | None = None,
    min_area_m2: float = 0.0,
    feedback: Feedback | None = None,
    options: RunOptions | None = None,
    auto_method: str | None = None,
    radar_units: str | None = None,
) -> WaterReport:
    """Run a water model, threshold its index, write the mask and, if asked, the index and the
    water-body polygons.

    The threshold: automatic when ``auto_threshold`` is True (see ``automatic_threshold``;
    ``auto_method`` otsu or ki); else ``threshold`` if given; else the card's value. ``auto_threshold
    =None`` means the model's default: automatic for cards with ``threshold_default: auto`` (the
    single-polarisation radar models) unless a ``threshold`` is given, the card's value otherwise.
    Radar models (input sensor sentinel1) check what the pixels are first: dB, linear power
    (converted to dB through a VRT; ``radar_units`` states it), or an 8-bit rendering (refused).
    """
    feedback = feedback or Feedback()
    card = model.card
    side = _check_water_request(card, output, index_output, polygons_output, min_area_m2)
    index_path = index_output or temporary_path(output)
    workdir = None
    units = None
    try:
        if card.inputs[0].sensor == "sentinel1":
            source, units, workdir = _radar_in_db(source, bands, card, radar_units, output, feedback)
        run_model(model, {card.inputs[0].name: RasterInput(source, bands)}, index_path, feedback, options)
        value, how, threshold_path = _choose_threshold(
            index_path, card, threshold, auto_threshold, auto_method, feedback
        )
        feedback.info(
            tr("Threshold {value:.6g} ({how}); water where {0} is {side} it").format(
                card.outputs[0].name, value=value, how=how, side=tr("above") if side == "above" else tr("below")
            )
        )
        stats = threshold_to_mask(
            index_path,
            output,
            value,
            side,
            feedback=feedback,
            tags={"SATIMPACT_MODEL": card.name, "SATIMPACT_THRESHOLD_SOURCE": how},
        )
        feedback.info(
            tr("Water: {stats_water} of {stats_valid} valid pixels ({0:.2f} %), {stats_nodata} nodata pixels").format(
                100.0 * stats.water_share, stats_water=stats.water, stats_valid=stats.valid, stats_nodata=stats.nodata
            )
        )
        report = WaterReport(card.name, value, how, side, stats, threshold_path=threshold_path, units=units)
        if polygons_output:
            feedback.info(tr("Polygonising water bodies ..."))
            n, area, calc = write_polygons(output, polygons_output, min_area_m2, WATER, feedback=feedback)
            report.polygons, report.polygon_area_m2 = n, area
            feedback.info(
                tr(
                    "{n} water bodies of at least {min_area_m2:g} m2, {0:.4f} km2 in all (areas "
                    "computed in {calc_area_crs})"
                ).format(area / 1000000.0, n=n, min_area_m2=min_area_m2, calc_area_crs=calc.area_crs)
            )
        return report
    finally:
        if not index_output:
            remove_quietly(index_path)
        if workdir:
            import shutil

            shutil.rmtree(workdir, ignore_errors=True)
