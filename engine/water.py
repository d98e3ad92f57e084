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
    """On which side of the threshold a water model's index says water.

    Args:
        card: the water model's card (``extra.water_if``, default "above").

    Returns:
        str: "above" or "below".

    Raises:
        EngineError: ``extra.water_if`` is neither.
    """
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
    """The first candidate model whose bands the raster has.

    Args:
        candidates: loaded water models, in order of preference.
        band_count: bands in the raster.
        descriptions: the raster's band descriptions.
        band_map: the user's BAND_MAP, or None.

    Returns:
        tuple[LoadedModel, BandResolution]: the model and where its bands are.

    Raises:
        BandError: no candidate fits; the message lists what each one lacked.
    """
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


def _valid_values(path: str, band: int, feedback: Feedback):
    """The valid pixels of one band, window by window (cancel checked before each window)."""
    import rasterio

    with rasterio.open(path) as ds:
        facts = mask_facts(ds, [band])
        for win in windows(ds.width, ds.height):
            if feedback.is_cancelled():
                raise Cancelled(tr("cancelled by the user; no output was written"))
            data = ds.read(band, window=win)
            yield data[valid_mask(ds, [band], data, win, facts)]


def index_range(path: str, band: int = 1, feedback: Feedback | None = None) -> tuple[float, float, int]:
    """Minimum, maximum and count of the valid pixels of one band, window by window.

    Args:
        path: the raster.
        band: the 1-based band.
        feedback: cancel checks.

    Returns:
        tuple[float, float, int]: (min, max, count); (inf, -inf, 0) without a valid pixel.

    Raises:
        Cancelled: the user cancelled.
    """
    lo, hi, n = math.inf, -math.inf, 0
    for values in _valid_values(path, band, feedback or Feedback()):
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
    """Histogram of the valid pixels of one band, window by window.

    Args:
        path: the raster.
        band: the 1-based band.
        bins: number of bins.
        value_range: (low, high) of the bins; None for the data's own range (one more pass).
            Values outside are counted in the end bins.
        feedback: cancel checks.

    Returns:
        tuple[numpy.ndarray, numpy.ndarray]: (counts, bin edges).

    Raises:
        EngineError: no valid pixel, or a constant band (no range to split).
        Cancelled: the user cancelled.
    """
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
    for values in _valid_values(path, band, feedback or Feedback()):
        counts += np.histogram(np.clip(values, lo, hi), bins=bins, range=(lo, hi))[0]
    return counts, np.linspace(lo, hi, bins + 1)


def otsu_from_histogram(counts: np.ndarray, edges: np.ndarray) -> float:
    """Otsu's threshold (1979) of a histogram: the cut that maximises the between-class variance.

    Args:
        counts: the histogram's counts.
        edges: its bin edges (one more than ``counts``).

    Returns:
        float: the upper edge of the last bin of the lower class.

    Raises:
        EngineError: the histogram is empty or holds a single value.
    """
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
    """Otsu's threshold of one band, from a fine histogram between its 1st and 99th percentiles.

    Args:
        path: the raster.
        band: the 1-based band.
        feedback: cancel checks.

    Returns:
        float: the threshold.

    Raises:
        EngineError: no valid pixel, a constant band or a single-valued histogram.
        Cancelled: the user cancelled.
    """
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
    """Quantiles read from a histogram, linear within a bin.

    Args:
        counts: the histogram's counts (not all zero).
        edges: its bin edges.
        qs: the quantiles wanted, each from 0 to 1.

    Returns:
        list[float]: one value per quantile.
    """
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
    """Pixel counts of a water mask: water, land and nodata."""

    water: int = 0
    land: int = 0
    nodata: int = 0

    @property
    def valid(self) -> int:
        """Water and land pixels."""
        return self.water + self.land

    @property
    def water_share(self) -> float:
        """Water over valid pixels; NaN without a valid pixel."""
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
    """Write a water mask: 1 where the index says water, 0 land, 255 where the index is nodata.

    Args:
        index_path: the index raster.
        output_path: the mask (GeoTIFF, written under a temporary name, then moved).
        threshold: the index value that separates water from land.
        water_if: "above" or "below": on which side of ``threshold`` water lies.
        band: the 1-based band of the index.
        feedback: progress and cancel.
        tags: more GeoTIFF tags for the mask.

    Returns:
        MaskStats: pixel counts.

    Raises:
        EngineError: the output cannot be written.
        Cancelled: the user cancelled (no mask is left behind).
    """
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

    Args:
        crs: the raster's rasterio CRS.
        transform: the raster's affine transform.
        width: raster width, pixels.
        height: raster height, pixels.

    Raises:
        EngineError: the raster has no CRS.
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
        """True area of one polygon.

        Args:
            world_geom: the polygon in the raster's CRS.
            pixels: its pixel count (used in a metric CRS).

        Returns:
            float: the area in m2.
        """
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

    Args:
        path: the mask raster.
        value: the pixel value of the regions.
        band: the 1-based band.
        feedback: progress and cancel.

    Yields:
        shapely.geometry.Polygon: one region, in pixel coordinates.

    Raises:
        Cancelled: the user cancelled.
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
    """The OGR driver for a vector output, from its extension.

    Args:
        path: the output path (.gpkg, .shp, .geojson or .json).

    Returns:
        str: the driver name.

    Raises:
        EngineError: any other extension.
    """
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

    Args:
        mask_path: the mask raster.
        output_path: the vector file (written under a temporary name, then moved).
        min_area_m2: smaller polygons are left out.
        value: the pixel value polygonised.
        attributes: ``attributes(pixel_polygon, world_polygon) -> dict`` adds fields, or None.
        extra_schema: name -> type of the fields ``attributes`` adds.
        feedback: progress and cancel.

    Returns:
        tuple[int, float, AreaCalculator]: (features written, their total area in m2, the area
        calculator used).

    Raises:
        EngineError: an unknown vector format, an unwritable output or a mask without a CRS.
        Cancelled: the user cancelled.
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
    """What ``detect_water`` returns: the threshold applied, how it came about, the counts."""

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
    """Whether a model's default threshold is the automatic one.

    Args:
        card: the water model's card.

    Returns:
        bool: True where ``extra.threshold_default`` is "auto" (the single-polarisation radar
        models).
    """
    return str(card.extra.get("threshold_default", "")).lower() == "auto"


def automatic_threshold(
    index_path: str, card: ModelCard, method: str | None = None, feedback: Feedback | None = None
) -> tuple[float, str, str]:
    """The automatic threshold of an index raster for this model: (value, path, description).

    Radar cards (extra ``auto_threshold: split``) and any Kittler-Illingworth request use the
    split-based selection of ``engine/radar.py``, falling back to the card's fixed value when no tile
    is bimodal; other cards keep Otsu on the whole scene's histogram (1st-99th percentiles).

    Args:
        index_path: the model's index raster.
        card: the water model's card.
        method: "otsu" (default) or "ki".
        feedback: progress, cancel and messages.

    Returns:
        tuple[float, str, str]: (threshold, path: "otsu-scene", "split-otsu", "split-ki",
        "split-otsu (KI undefined)" or "fallback", description for the log).

    Raises:
        EngineError: no usable histogram, an unknown method, or no bimodal tile and no fixed
            threshold in the card to fall back on.
        Cancelled: the user cancelled.
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
    text = tr("{0}: the model's documented fixed value {fixed:g}{unit} applies").format(
        found.describe(units), fixed=fixed, unit=unit
    )
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
    from .radar import check_backscatter, parse_units, to_db_vrt, unit_name

    judged = check_backscatter(source, bands, parse_units(radar_units))
    (feedback.info if judged.sure else feedback.warning)(
        tr("Backscatter: {judged_how}").format(judged_how=judged.how)
        + ("" if judged.sure else tr("; not sure: state RADAR_UNITS (or 'dB' / 'linear' in BAND_MAP) if wrong"))
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
        tr("{0} converted to dB (10 log10) on the fly for {card_name}").format(unit_name("linear"), card_name=card.name)
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
    return value, tr("model card default"), "card"


def _water_bodies(mask: str, polygons_output: str, min_area_m2: float, feedback: Feedback) -> tuple[int, float]:
    """The water-body polygons of a mask: (how many, their area in m2), as logged."""
    feedback.info(tr("Polygonising water bodies ..."))
    n, area, calc = write_polygons(mask, polygons_output, min_area_m2, WATER, feedback=feedback)
    feedback.info(
        tr(
            "{n} water bodies of at least {min_area_m2:g} m2, {0:.4f} km2 in all (areas computed in {calc_area_crs})"
        ).format(area / 1000000.0, n=n, min_area_m2=min_area_m2, calc_area_crs=calc.area_crs)
    )
    return n, area


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
    """Run a water model, threshold its index and write the mask (and, if asked, index and polygons).

    The threshold: automatic when ``auto_threshold`` is True (see ``automatic_threshold``;
    ``auto_method`` otsu or ki); else ``threshold`` if given; else the card's value. ``auto_threshold
    =None`` means the model's default: automatic for cards with ``threshold_default: auto`` (the
    single-polarisation radar models) unless a ``threshold`` is given, the card's value otherwise.
    Radar models (input sensor sentinel1) check what the pixels are first: dB, linear power
    (converted to dB through a VRT; ``radar_units`` states it), or an 8-bit rendering (refused).

    Args:
        source: the input raster.
        model: a water model (task "water", one input, an index output).
        bands: the 1-based raster bands the model reads, in its input order.
        output: the mask (1 water, 0 land, 255 nodata).
        index_output: where to keep the index raster, or None (a temporary file).
        threshold: the user's threshold, or None.
        auto_threshold: True, False, or None for the model's default (see above).
        polygons_output: where to write the water-body polygons, or None.
        min_area_m2: smaller water bodies are left out of the polygons.
        feedback: progress, cancel and messages.
        options: how the model runs (tiles, threads, memory).
        auto_method: "otsu" or "ki" for the automatic threshold.
        radar_units: "dB", "linear" or None (judged from the pixels).

    Returns:
        WaterReport: the threshold and how it came about, the pixel counts, the polygons.

    Raises:
        EngineError: a model that is no water model, a bad MIN_AREA, an unwritable output, no
            threshold to apply, a radar raster that is an 8-bit rendering.
        Cancelled: the user cancelled (no output is left behind).
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
        tags = {"SATIMPACT_MODEL": card.name, "SATIMPACT_THRESHOLD_SOURCE": how}
        stats = threshold_to_mask(index_path, output, value, side, feedback=feedback, tags=tags)
        feedback.info(
            tr("Water: {stats_water} of {stats_valid} valid pixels ({0:.2f} %), {stats_nodata} nodata pixels").format(
                100.0 * stats.water_share, stats_water=stats.water, stats_valid=stats.valid, stats_nodata=stats.nodata
            )
        )
        report = WaterReport(card.name, value, how, side, stats, threshold_path=threshold_path, units=units)
        if polygons_output:
            report.polygons, report.polygon_area_m2 = _water_bodies(output, polygons_output, min_area_m2, feedback)
        return report
    finally:
        if not index_output:
            remove_quietly(index_path)
        if workdir:
            import shutil

            shutil.rmtree(workdir, ignore_errors=True)
