"""Time series of water (or green) area per zone over a stack of dates, with occurrence and trends.

What this module decides (the help texts repeat it):

* **Dates.** Each input's date comes from the DATES list when given, else from a tag
  (``ACQUISITION_DATE`` as written by ``engine/stack.py``, and the other tags the green-ratio
  season check reads), else from the file name: a Sentinel-2 or Landsat product name, an
  eight-digit ``YYYYMMDD`` (NAIP ``m_..._20090818.tif``) or a bare year (``1985.tif``, taken as
  1 January, marked as year-only). No date is an error naming the file.
* **Alignment.** Each date's water mask is made on its own grid (exactly as
  ``waterdetection`` makes it), then read onto the reference grid (the first date's, or a
  chosen raster's) with nearest-neighbour resampling: a mask is categorical.
* **Areas.** True m2 per pixel on the reference grid (``geo.PixelAreas``), in any CRS.
* **Per zone per date.** Water and valid (observed) area; a zone-date without any observed
  pixel has NULL water area and share, never 0. A zone-date observed over less than
  ``min_observed`` of its area is flagged and left out of the trend.
* **Occurrence** (Pekel et al. 2016, Nature 540): per pixel, water observations / valid
  observations, in [0, 1].
* **Change classes** (after Pekel et al.): 1 permanent (water in every valid observation),
  2 new (land at the first valid observation, water at the last), 3 lost (water first, land
  last), 4 seasonal (water in some observations, the same state first and last), 0 never water,
  255 never observed.
* **Trend.** Sen's slope (Theil-Sen) of the area per year, with the Mann-Kendall p-value
  (Kendall's tau of the values against time), over the unflagged dates; needs 3 or more.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field

import numpy as np

from .errors import Cancelled, EngineError
from .geo import as_crs, footprint, pixel_areas_for, same_grid, transformer, windows
from .i18n import tr
from .raster import check_output_writable, commit_output, gtiff_profile, remove_quietly, temporary_path
from .runner import Feedback, StageFeedback
from .zonal import ZonalAccumulator, ZoneMasks, observed_or_null, share_or_null

WATER, LAND, NODATA = 1, 0, 255
NEVER_WATER, PERMANENT, NEW, LOST, SEASONAL = 0, 1, 2, 3, 4
CHANGE_CLASSES = {
    NEVER_WATER: "never water",
    PERMANENT: "permanent water",
    NEW: "new water",
    LOST: "lost water",
    SEASONAL: "seasonal water",
}
OCCURRENCE_NODATA = -1.0
DEFAULT_MIN_OBSERVED = 0.5
SERIES_WINDOW = 512

_EIGHT_DIGITS = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)")
_BARE_YEAR = re.compile(r"^((?:19|20)\d{2})$")
_GIVEN_DATE = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?\s*$")


# --- dates --------------------------------------------------------------------------------------


@dataclass
class SeriesDate:
    """One input of a series: its file, date and where the date came from."""

    path: str
    date: dt.date
    source: str
    year_only: bool = False
    display: str = ""  # what the table and log call the input (a band group: "file.tif bands 5-8")

    @property
    def name(self) -> str:
        """The input as the user knows it: the file, or the file and band group."""
        return self.display or self.path

    @property
    def label(self) -> str:
        """The date as text: ``1985`` for a bare year, else ``YYYY-MM-DD``."""
        return str(self.date.year) if self.year_only else self.date.isoformat()

    @property
    def decimal_year(self) -> float:
        """The date as a decimal year (2019.5 is early July), the time axis of the trend."""
        start = dt.date(self.date.year, 1, 1)
        days = (dt.date(self.date.year + 1, 1, 1) - start).days
        return self.date.year + (self.date - start).days / days


def parse_given_date(text: str) -> tuple[dt.date, bool]:
    """A date typed by the user: ``2019-08-31``, ``2019-08`` or ``2019``.

    Args:
        text: the text.

    Returns:
        tuple[datetime.date, bool]: (the date, missing parts as 1; whether only a year was given).

    Raises:
        EngineError: not a date, or an impossible one.
    """
    m = _GIVEN_DATE.match(text or "")
    if not m:
        raise EngineError(
            tr("DATES: '{text}' is not a date; write YYYY-MM-DD or a year such as 1985").format(text=text)
        )
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        return dt.date(year, month, day), m.group(2) is None
    except ValueError as exc:
        raise EngineError(tr("DATES: '{text}' is not a valid date ({exc})").format(text=text, exc=exc)) from exc


def date_from_name(path: str) -> tuple[dt.date, bool] | None:
    """The date in a file name: ``..._YYYYMMDD...`` (NAIP, many products) or a bare year ``1985.tif``.

    Args:
        path: the file.

    Returns:
        tuple[datetime.date, bool] | None: (date, whether only a year was found), None if none.
    """
    stem = os.path.splitext(os.path.basename(path))[0]
    for m in _EIGHT_DIGITS.finditer(stem):
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), False
        except ValueError:
            continue
    m = _BARE_YEAR.match(stem)
    if m:
        return dt.date(int(m.group(1)), 1, 1), True
    return None


def series_date(path: str, tags: dict, given: str | None = None) -> SeriesDate:
    """The date of one input: the given text, else a tag or product name, else the file name.

    Args:
        path: the input raster.
        tags: its dataset tags.
        given: the user's DATES entry for it, or None.

    Returns:
        SeriesDate: the date and where it came from.

    Raises:
        EngineError: no date could be found (the message names the file).
    """
    from .green import acquisition_date

    if given:
        date, year_only = parse_given_date(given)
        return SeriesDate(path, date, f"DATES entry '{given.strip()}'", year_only)
    date, source = acquisition_date(path, tags)
    if date is not None:
        return SeriesDate(path, date, source)
    found = date_from_name(path)
    if found is not None:
        return SeriesDate(path, found[0], f"file name {os.path.basename(path)}", found[1])
    raise EngineError(
        tr(
            "{0} ({path}): no date found. Give it an ACQUISITION_DATE tag, a name with "
            "YYYYMMDD or a year (1985.tif), or list the dates in DATES (one per input, in "
            "the order of the inputs)"
        ).format(os.path.basename(path), path=path)
    )


def split_band_groups(paths: list[str], bands_per_date: int, folder: str) -> list[tuple[str, str]]:
    """Each multi-band file as one input per group of ``bands_per_date`` bands.

    Each group is a VRT in ``folder`` keeping the band descriptions.

    Args:
        paths: the input files.
        bands_per_date: bands of one date (a positive number).
        folder: where the VRTs are written.

    Returns:
        list[tuple[str, str]]: (path to read, name to show), in input order.

    Raises:
        EngineError: a file whose band count is not a multiple of ``bands_per_date``.
    """
    import rasterio
    from osgeo import gdal

    out = []
    for k, path in enumerate(paths):
        try:
            with rasterio.open(path) as ds:
                count = ds.count
        except rasterio.errors.RasterioIOError as exc:
            raise EngineError(tr("cannot open raster {path}: {exc}").format(path=path, exc=exc)) from exc
        if count % bands_per_date:
            raise EngineError(
                tr("{0} has {count} bands, not a multiple of BANDS_PER_DATE={bands_per_date}").format(
                    os.path.basename(path), count=count, bands_per_date=bands_per_date
                )
            )
        for g in range(count // bands_per_date):
            first = g * bands_per_date + 1
            bands = list(range(first, first + bands_per_date))
            vrt = os.path.join(folder, f"input{k}_group{g}.vrt")
            if gdal.Translate(vrt, path, format="VRT", bandList=bands) is None:
                raise EngineError(tr("cannot read bands {0}-{1} of {path}").format(bands[0], bands[-1], path=path))
            out.append((vrt, f"{path} bands {bands[0]}-{bands[-1]}"))
    return out


def series_dates(paths: list[str], given: list[str] | None = None, names: list[str] | None = None) -> list[SeriesDate]:
    """Dates of all inputs, sorted by date; DATES (if given) must have one entry per input.

    Args:
        paths: the rasters (or band-group VRTs from ``split_band_groups``).
        given: the DATES entries, one per input, in input order.
        names: what to call each input in messages and tables (default: its path).

    Raises:
        EngineError: a missing date, a DATES list of the wrong length, or two inputs on one date.
    """
    import rasterio

    given = [g for g in (given or []) if g.strip()]
    names = names or list(paths)
    if given and len(given) != len(paths):
        raise EngineError(
            tr("DATES has {0} entries for {1} inputs; give one date per input").format(len(given), len(paths))
        )
    if len(paths) < 2:
        raise EngineError(tr("a time series needs at least two inputs, got {0}").format(len(paths)))
    out = []
    for k, path in enumerate(paths):
        try:
            with rasterio.open(path) as ds:
                tags = ds.tags()
        except rasterio.errors.RasterioIOError as exc:
            raise EngineError(tr("cannot open raster {path}: {exc}").format(path=path, exc=exc)) from exc
        if names[k] != path and not given:
            raise EngineError(tr("{0}: a band group has no date of its own; list the dates in DATES").format(names[k]))
        date = series_date(path, tags, given[k] if given else None)
        date.display = names[k] if names[k] != path else ""
        out.append(date)
    out.sort(key=lambda d: d.date)
    for a, b in zip(out, out[1:]):
        if a.date == b.date:
            raise EngineError(
                tr(
                    "{0} and {1} have the same date {a_label}; one raster per date (mosaic same-day scenes first)"
                ).format(os.path.basename(a.name), os.path.basename(b.name), a_label=a.label)
            )
    return out


# --- trend ---------------------------------------------------------------------------------------


@dataclass
class Trend:
    """Sen's slope (units per year) with the Mann-Kendall p-value, over ``n`` dates."""

    slope_per_year: float | None
    p_value: float | None
    n: int

    def describe(self, unit: str) -> str:
        """One line for the log, e.g. ``-5.4e+05 m2/year (Sen's slope), Mann-Kendall p = 0.4, n = 8``.

        Args:
            unit: the unit of the series' values (e.g. "m2"), written before "/year".
        """
        if self.slope_per_year is None:
            return tr("no trend (only {n} usable dates; 3 or more needed)").format(n=self.n)
        return tr("{slope_per_year:+.4g} {unit}/year (Sen's slope), Mann-Kendall p = {p_value:.3g}, n = {n}").format(
            slope_per_year=self.slope_per_year, unit=unit, p_value=self.p_value, n=self.n
        )


def sen_mann_kendall(years: list[float], values: list[float | None]) -> Trend:
    """Theil-Sen slope and Mann-Kendall p-value (two-sided) of values over decimal years.

    Args:
        years: decimal years, one per value.
        values: the values; None (unknown) and non-finite ones are skipped.

    Returns:
        Trend: slope per year and p-value (both None with fewer than 3 values), and the count.
    """
    from scipy.stats import kendalltau, theilslopes

    pairs = [(t, v) for t, v in zip(years, values) if v is not None and np.isfinite(v)]
    if len(pairs) < 3:
        return Trend(None, None, len(pairs))
    t = np.array([p[0] for p in pairs])
    v = np.array([p[1] for p in pairs])
    slope = float(theilslopes(v, t)[0])
    if np.ptp(v) == 0:
        return Trend(slope, 1.0, len(pairs))
    p = float(kendalltau(t, v).pvalue)
    return Trend(slope, p, len(pairs))


# --- grids and zones -----------------------------------------------------------------------------


@dataclass
class GridRef:
    """The pixel grid every date is read onto."""

    crs: object
    transform: object
    width: int
    height: int
    path: str

    @classmethod
    def of(cls, path: str) -> GridRef:
        """The grid of a raster file.

        Args:
            path: the raster file.

        Raises:
            EngineError: the raster has no CRS.
        """
        import rasterio

        with rasterio.open(path) as ds:
            if ds.crs is None:
                raise EngineError(tr("{path} has no coordinate reference system; assign one first").format(path=path))
            return cls(ds.crs, ds.transform, ds.width, ds.height, path)


def common_footprint(paths: list[str], crs) -> object:
    """The area every input covers, as a shapely polygon in ``crs``.

    Args:
        paths: the input rasters.
        crs: the CRS of the polygon.

    Returns:
        shapely.geometry.base.BaseGeometry: the common area.

    Raises:
        EngineError: an input without a CRS, or inputs that do not all overlap.
    """
    import rasterio

    area = None
    for path in paths:
        with rasterio.open(path) as ds:
            if ds.crs is None:
                raise EngineError(tr("{path} has no coordinate reference system; assign one first").format(path=path))
            poly = footprint(ds.crs, ds.transform, ds.width, ds.height, crs)
        area = poly if area is None else area.intersection(poly)
    if area is None or area.is_empty or area.area <= 0:
        raise EngineError(tr("the inputs have no area in common; a series needs rasters of one place"))
    return area


def to_crs(geometry, source, target):
    """A shapely geometry from one CRS to another (the same object where they are equal).

    Args:
        geometry: the geometry, in ``source``.
        source: its CRS, in any form ``geo.as_crs`` reads.
        target: the CRS wanted.

    Returns:
        shapely.geometry.base.BaseGeometry: the geometry in ``target``.
    """
    from shapely.ops import transform

    if as_crs(source) == as_crs(target):
        return geometry
    tr = transformer(source, target)
    return transform(tr.transform, geometry)


# --- water series ---------------------------------------------------------------------------------


@dataclass
class ZoneDate:
    """Figures of one zone on one date (None: not observed)."""

    water_m2: float | None
    valid_m2: float
    zone_m2: float
    water_share: float | None
    unobserved_share: float | None
    low_observation: bool


@dataclass
class WaterSeriesResult:
    """Sums per zone and date of a water series, with trends and change-class pixel counts."""

    dates: list[SeriesDate]
    zones: int
    water_m2: np.ndarray  # (zones, dates)
    valid_m2: np.ndarray  # (zones, dates)
    zone_m2: np.ndarray  # (zones,) area of the zone's pixels on the reference grid
    min_observed: float
    trends: list[Trend]
    class_pixels: dict[int, int]
    reference: GridRef
    equal_area: str
    zone_names: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    def figures(self, zone: int, d: int) -> ZoneDate:
        """The row of one zone on one date, NULL where nothing was observed.

        Args:
            zone: the zone's index.
            d: the date's index.
        """
        valid = float(self.valid_m2[zone, d])
        zone_area = float(self.zone_m2[zone])
        observed = share_or_null(valid, zone_area)
        return ZoneDate(
            water_m2=observed_or_null(self.water_m2[zone, d], valid),
            valid_m2=valid,
            zone_m2=zone_area,
            water_share=share_or_null(self.water_m2[zone, d], valid),
            unobserved_share=None if observed is None else max(0.0, 1.0 - min(1.0, observed)),
            low_observation=observed is None or observed < self.min_observed,
        )


def is_pixelwise_index(model) -> bool:
    """Whether a model's output at a pixel depends on that pixel only.

    True for index formulas (output kind 'index', no tile overlap, any tile size): the series can
    then classify while it reads.

    Args:
        model: the loaded model (its card and graph).
    """
    card = model.card
    return (
        card.model_type == "dense"
        and len(card.inputs) == 1
        and card.outputs[0].kind == "index"
        and card.tiling.overlap == 0
        and not model.fixed_tile()
    )


def water_mask_maker(model, band_map: str | None, threshold: float | None = None, auto_threshold: bool = False):
    """A ``make_mask`` for ``water_series`` giving each date the mask ``waterdetection`` gives it.

    Per-pixel index models with a fixed threshold are classified in one read of the date
    (index and threshold per window, only the 8-bit mask written); other models, and Otsu's
    threshold (which needs the whole index first), go through ``water.detect_water``. The band
    map applies to every date and is resolved per file.

    Args:
        model: the water model.
        band_map: BAND_MAP for every date, or None.
        threshold: the user's threshold, or None (the card's, or automatic).
        auto_threshold: automatic thresholds on every date.

    Returns:
        callable: ``make_mask(date, path, feedback)``.

    Raises:
        EngineError: a model that is not a water model.
    """
    from .bands import resolve_bands
    from .raster import raster_info
    from .water import detect_water, model_default_is_auto, water_direction

    card = model.card
    spec = card.inputs[0]
    if card.task != "water":
        raise EngineError(
            tr("model '{card_name}' is a '{card_task}' model, not a water model (task 'water')").format(
                card_name=card.name, card_task=card.task
            )
        )
    side = water_direction(card)
    value = card.outputs[0].threshold if threshold is None else float(threshold)
    # Models whose default threshold is the automatic one (single-polarisation radar) get it on
    # every date unless a threshold is given, as waterdetection gives it.
    automatic = auto_threshold or (threshold is None and model_default_is_auto(card))
    direct = is_pixelwise_index(model) and not automatic and value is not None

    def make(date: SeriesDate, path: str, feedback: Feedback) -> None:
        info = raster_info(date.path)
        bands = resolve_bands(spec.bands, info.count, info.descriptions, band_map, spec.sensor)
        if direct:
            water, valid = index_water_mask(date.path, model, bands.indices, value, side, path, feedback)
            feedback.info(
                tr("{date_label}: water where {0} is {side} {value:.4g}; {water} of {valid} px valid").format(
                    card.outputs[0].name, date_label=date.label, side=side, value=value, water=water, valid=valid
                )
            )
            return
        report = detect_water(
            date.path,
            model,
            bands.indices,
            path,
            threshold=threshold,
            auto_threshold=True if auto_threshold else None,  # None: the model's default
            feedback=feedback,
        )
        feedback.info(
            tr(
                "{date_label}: threshold {report_threshold:.4g} ({report_threshold_source}); "
                "water {report_stats_water} of {report_stats_valid} valid pixels on its own grid"
            ).format(
                date_label=date.label,
                report_threshold=report.threshold,
                report_threshold_source=report.threshold_source,
                report_stats_water=report.stats.water,
                report_stats_valid=report.stats.valid,
            )
        )

    return make


def index_water_mask(
    source: str, model, bands: list[int], threshold: float, water_if: str, output: str, feedback: Feedback
) -> tuple[int, int]:
    """Water mask (1 water, 0 land, 255 nodata) of a per-pixel index model, in one pass.

    Read a window, run the model, threshold, write 8 bits.

    Args:
        source: the raster.
        model: the per-pixel index model (``is_pixelwise_index``).
        bands: the 1-based bands it reads, in its input order.
        threshold: the index value separating water from land.
        water_if: "above" or "below".
        output: the mask.
        feedback: progress and cancel.

    Returns:
        tuple[int, int]: (water pixels, valid pixels).

    Raises:
        Cancelled: the user cancelled (no mask is left behind).
    """
    import rasterio

    from .geo import WINDOW, mask_facts, valid_mask
    from .model import get_session
    from .runner import prepare_input

    card = model.card
    spec, out_spec = card.inputs[0], card.outputs[0]
    session = get_session(model, None)
    tmp = temporary_path(output)
    water_px = valid_px = 0
    try:
        with rasterio.open(source) as ds:
            facts = mask_facts(ds, bands)
            # a scratch file read back once; ZSTD level 1 keeps a 20-date Sentinel-2 tile stack small on disk
            profile = gtiff_profile("uint8", "zstd", size=(ds.width, ds.height))
            profile.update(count=1, crs=ds.crs, transform=ds.transform, nodata=NODATA)
            wins = list(windows(ds.width, ds.height, WINDOW))
            with rasterio.open(tmp, "w", **profile) as out:
                out.set_band_description(1, "water")
                for k, win in enumerate(wins, start=1):
                    if feedback.is_cancelled():
                        raise Cancelled(tr("cancelled by the user; no output was written"))
                    h, w = int(win.height), int(win.width)
                    data = ds.read(bands, window=win, out_dtype="float32")
                    valid = valid_mask(ds, bands, data, win, facts)
                    x = prepare_input(data, spec)
                    x[:, ~valid] = 0.0
                    index = np.asarray(session.run([out_spec.name], {spec.name: x[None]})[0]).reshape(-1, h, w)[0]
                    valid &= np.isfinite(index)
                    water = (index > threshold) if water_if == "above" else (index < threshold)
                    water &= valid
                    mask = np.full((h, w), NODATA, dtype=np.uint8)
                    mask[valid] = LAND
                    mask[water] = WATER
                    out.write(mask, 1, window=win)
                    water_px += int(water.sum())
                    valid_px += int(valid.sum())
                    feedback.progress(100.0 * k / len(wins))
        commit_output(tmp, output)
    except BaseException:
        remove_quietly(tmp)
        raise
    return water_px, valid_px


def water_series(dates: list[SeriesDate], make_mask, **options) -> WaterSeriesResult:
    """Water area per zone per date, occurrence and change classes, for dates sorted in time.

    Args:
        dates: the inputs (``series_dates``).
        make_mask: ``make_mask(date, path, feedback)`` writes that date's water mask (1 water,
            0 land, 255 nodata) on the date's own grid, e.g. ``water_mask_maker(...)``.
        **options: the keyword arguments below.
        zones: shapely polygons in the reference grid's CRS; None or empty: the common footprint.
        zone_names: labels of the zones in the report.
        reference: a raster whose grid the dates are read onto; None: the first date's.
        min_observed: share of a zone's area below which a zone-date is flagged as low observation.
        occurrence_path, change_path: GeoTIFFs to write (optional).
        report_path, title: the HTML report (optional), with charts, trends and the maps.
        feedback: progress, cancel and messages.

    Raises:
        EngineError: bad inputs (no common area, bad min_observed, unwritable output).
        Cancelled: the user cancelled; nothing was written.
    """
    import rasterio

    # One GDAL environment for the whole run: dozens of datasets are opened, each would set one up.
    with rasterio.Env():
        return _water_series(dates, make_mask, **options)


def _water_series(
    dates: list[SeriesDate],
    make_mask,
    zones: list | None = None,
    zone_names: list[str] | None = None,
    reference: str | None = None,
    min_observed: float = DEFAULT_MIN_OBSERVED,
    occurrence_path: str | None = None,
    change_path: str | None = None,
    report_path: str | None = None,
    title: str = "Water area over time",
    feedback: Feedback | None = None,
) -> WaterSeriesResult:
    feedback = feedback or Feedback()
    if not 0.0 <= min_observed <= 1.0:
        raise EngineError(
            tr("MIN_OBSERVED must be a share between 0 and 1, got {min_observed}").format(min_observed=min_observed)
        )
    for path in (occurrence_path, change_path, report_path):
        if path:
            check_output_writable(path)
    ref = GridRef.of(reference or dates[0].path)
    paths = [d.path for d in dates]
    zone_geoms = list(zones or [])
    if not zone_geoms:
        zone_geoms = [common_footprint(paths, ref.crs)]
        zone_names = ["area common to all dates"]
        feedback.info(tr("No zones: the series covers the area all dates have in common"))
    areas, equal_area = pixel_areas_for(ref.crs, ref.transform, ref.width, ref.height)
    feedback.info(
        tr("Reference grid: {0}; areas in m2 from {equal_area}").format(
            os.path.basename(ref.path), equal_area=equal_area
        )
    )

    masks = []
    tmp_outputs = []
    try:
        n = len(dates)
        for k, d in enumerate(dates):
            if feedback.is_cancelled():
                raise Cancelled(tr("cancelled by the user; no output was written"))
            feedback.info(
                tr("Date {0}/{n}: {d_label} ({d_source}) - {1}").format(
                    k + 1, os.path.basename(d.name), n=n, d_label=d.label, d_source=d.source
                )
            )
            mask = temporary_path(
                os.path.join(_scratch_dir(occurrence_path, change_path, report_path), f"series_mask_{k}.tif")
            )
            masks.append(mask)
            make_mask(d, mask, StageFeedback(feedback, 80.0 * k / n, 80.0 * (k + 1) / n))
        # The report shows both maps, so they are made (as scratch files) even when not asked for.
        scratch = _scratch_dir(report_path)
        occ_tmp = temporary_path(occurrence_path or os.path.join(scratch, "series_occurrence.tif"))
        chg_tmp = temporary_path(change_path or os.path.join(scratch, "series_change.tif"))
        if not (occurrence_path or change_path or report_path):
            occ_tmp = chg_tmp = None
        tmp_outputs = [p for p in (occ_tmp, chg_tmp) if p]
        result = _accumulate(
            dates, masks, ref, areas, zone_geoms, occ_tmp, chg_tmp, StageFeedback(feedback, 80.0, 99.0), min_observed
        )
        result.equal_area = equal_area
        result.zone_names = list(zone_names or [f"zone {k + 1}" for k in range(len(zone_geoms))])
        if report_path:
            from .series_report import write_water_report

            write_water_report(result, report_path, title, occ_tmp, chg_tmp)
        if occurrence_path:
            commit_output(occ_tmp, occurrence_path)
            tmp_outputs.remove(occ_tmp)
        if change_path:
            commit_output(chg_tmp, change_path)
            tmp_outputs.remove(chg_tmp)
        feedback.progress(100.0)
        return result
    finally:
        for path in masks + tmp_outputs:
            remove_quietly(path)


def _scratch_dir(*outputs) -> str:
    import tempfile

    for path in outputs:
        if path:
            return os.path.dirname(os.path.abspath(path))
    return tempfile.gettempdir()


def _open_on_grid(path: str, ref: GridRef):
    """A mask on the reference grid: the file itself, or a nearest-neighbour warped view of it."""
    import rasterio
    from rasterio.enums import Resampling
    from rasterio.vrt import WarpedVRT

    ds = rasterio.open(path)
    if same_grid(ds, ref):
        return ds, None
    vrt = WarpedVRT(
        ds,
        crs=ref.crs,
        transform=ref.transform,
        width=ref.width,
        height=ref.height,
        resampling=Resampling.nearest,
        nodata=NODATA,
        src_nodata=NODATA,
    )
    return vrt, ds


def _occurrence_profile(ref: GridRef, dtype: str, nodata: float) -> dict:
    profile = gtiff_profile(dtype, size=(ref.width, ref.height))
    profile.update(count=1, crs=ref.crs, transform=ref.transform, nodata=nodata)
    return profile


def change_classes(states: np.ndarray) -> np.ndarray:
    """Pekel-style change classes of a stack of water masks.

    Args:
        states: (dates, h, w) masks, 1 water, 0 land, 255 nodata, in time order.

    Returns:
        numpy.ndarray: (h, w) uint8 classes (see the module doc; 255 where never observed).
    """
    first = np.full(states.shape[1:], NODATA, dtype=np.uint8)
    last = first.copy()
    n_valid = np.zeros(states.shape[1:], dtype=np.uint16)
    n_water = np.zeros(states.shape[1:], dtype=np.uint16)
    for state in states:
        valid = state != NODATA
        np.copyto(first, state, where=valid & (first == NODATA))
        np.copyto(last, state, where=valid)
        n_valid += valid
        n_water += state == WATER
    out = np.full(states.shape[1:], SEASONAL, dtype=np.uint8)
    out[(first == LAND) & (last == WATER)] = NEW
    out[(first == WATER) & (last == LAND)] = LOST
    out[n_water == 0] = NEVER_WATER
    out[(n_water == n_valid) & (n_valid > 0)] = PERMANENT
    out[n_valid == 0] = NODATA
    return out


def _accumulate(dates, masks, ref, areas, zone_geoms, occ_path, chg_path, feedback, min_observed):
    import rasterio
    from rasterio.windows import transform as window_transform

    n = len(dates)
    zone_masks = ZoneMasks(zone_geoms)
    acc = ZonalAccumulator(len(zone_masks), ("water_m2", "valid_m2"), layers=n)
    zone_m2 = np.zeros(len(zone_masks))
    class_pixels = dict.fromkeys([*CHANGE_CLASSES, NODATA], 0)
    opened = [_open_on_grid(m, ref) for m in masks]
    occ = chg = None
    try:
        if occ_path:
            occ = rasterio.open(occ_path, "w", **_occurrence_profile(ref, "float32", OCCURRENCE_NODATA))
            occ.set_band_description(1, "water occurrence")
            occ.update_tags(
                SATIMPACT_TASK="water occurrence",
                SATIMPACT_DATES=",".join(d.label for d in dates),
                SATIMPACT_DEFINITION="water observations / valid observations (Pekel et al. 2016)",
            )
        if chg_path:
            chg = rasterio.open(chg_path, "w", **_occurrence_profile(ref, "uint8", NODATA))
            chg.set_band_description(1, "water change class")
            chg.update_tags(
                SATIMPACT_CLASSES="; ".join(f"{k}={v}" for k, v in CHANGE_CLASSES.items()) + "; 255=never observed",
                SATIMPACT_DATES=",".join(d.label for d in dates),
            )
        # Bigger windows mean fewer warped reads; the stack of states is dates x window pixels.
        size = SERIES_WINDOW * (2 if n <= 16 else 1)
        wins = list(windows(ref.width, ref.height, size))
        for done, win in enumerate(wins, start=1):
            if feedback.is_cancelled():
                raise Cancelled(tr("cancelled by the user; no output was written"))
            h, w = int(win.height), int(win.width)
            states = np.stack([src.read(1, window=win) for src, _ in opened])
            water = states == WATER
            valid = states != NODATA
            area = areas.window(int(win.row_off), int(win.col_off), h, w)
            for k, inside in zone_masks.in_window(window_transform(win, ref.transform), h, w):
                zone_m2[k] += float(area[inside].sum())
                acc.add_masked(k, inside, area, water_m2=water, valid_m2=valid)
            classes = change_classes(states)
            counts = np.bincount(classes.ravel(), minlength=256)
            for c in class_pixels:
                class_pixels[c] += int(counts[c])
            if occ is not None:
                n_valid = valid.sum(axis=0)
                with np.errstate(invalid="ignore", divide="ignore"):
                    share = np.where(n_valid > 0, water.sum(axis=0) / np.maximum(n_valid, 1), OCCURRENCE_NODATA)
                occ.write(share.astype(np.float32), 1, window=win)
            if chg is not None:
                chg.write(classes, 1, window=win)
            feedback.progress(100.0 * done / len(wins))
    finally:
        for a, b in opened:
            a.close()
            if b is not None:
                b.close()
        for out in (occ, chg):
            if out is not None:
                out.close()
    water_m2, valid_m2 = acc.get("water_m2"), acc.get("valid_m2")
    years = [d.decimal_year for d in dates]
    result = WaterSeriesResult(
        dates=dates,
        zones=len(zone_masks),
        water_m2=water_m2,
        valid_m2=valid_m2,
        zone_m2=zone_m2,
        min_observed=min_observed,
        trends=[],
        class_pixels=class_pixels,
        reference=ref,
        equal_area="",
    )
    for z in range(result.zones):
        rows = [result.figures(z, d) for d in range(n)]
        values = [None if r.low_observation else r.water_m2 for r in rows]
        result.trends.append(sen_mann_kendall(years, values))
    return result


# --- green series -----------------------------------------------------------------------------------


@dataclass
class GreenSeriesResult:
    """Green, valid and unobserved areas per zone and date, season checks and trends."""

    dates: list[SeriesDate]
    zones: int
    green_m2: np.ndarray  # (zones, dates)
    valid_m2: np.ndarray
    unobserved_m2: np.ndarray  # cloud + nodata pixel area
    zone_m2: np.ndarray  # (zones, dates): true area of each zone's polygon
    seasons: list  # green.SeasonCheck per date
    min_observed: float
    trends: list[Trend]
    model: str
    zone_names: list[str] = field(default_factory=list)

    def figures(self, zone: int, d: int) -> dict:
        """The row of one zone on one date, NULL where nothing was observed.

        Args:
            zone: the zone's index.
            d: the date's index.

        Returns:
            dict: the output table's field name -> value for that zone and date.
        """
        valid = float(self.valid_m2[zone, d])
        seen = valid + float(self.unobserved_m2[zone, d])
        observed = share_or_null(valid, seen)
        return {
            "green_area_m2": observed_or_null(self.green_m2[zone, d], valid),
            "valid_area_m2": valid,
            "zone_area_m2": float(self.zone_m2[zone, d]),
            "green_ratio": share_or_null(self.green_m2[zone, d], valid),
            "cloud_or_nodata_share": None if observed is None else max(0.0, 1.0 - observed),
            "low_observation": observed is None or observed < self.min_observed,
            "season_warning": self.seasons[d].warning_text,
        }


def _zones_or_common_area(dates, zones, zones_crs, zone_names, feedback) -> tuple[list, list[str]]:
    """The zones (in ``zones_crs``) and their names; without zones, the area all dates cover."""
    geoms = list(zones or [])
    if not geoms:
        geoms = [common_footprint([d.path for d in dates], zones_crs)]
        zone_names = ["area common to all dates"]
        feedback.info(tr("No zones: the series covers the area all dates have in common"))
    return geoms, list(zone_names or [f"zone {k + 1}" for k in range(len(geoms))])


def green_series(
    dates: list[SeriesDate],
    model,
    band_map: str | None = None,
    zones: list | None = None,
    zones_crs=None,
    zone_names: list[str] | None = None,
    min_observed: float = DEFAULT_MIN_OBSERVED,
    report_path: str | None = None,
    title: str = "Green ratio over time",
    feedback: Feedback | None = None,
) -> GreenSeriesResult:
    """Green ratio per zone per date with the green-ratio engine, its season check per date and a trend.

    Each date is counted on its own grid (``green.green_ratio``: true pixel areas, pixel centres
    in the zone); the zones are reprojected to each date's CRS.

    Args:
        dates: the inputs (``series_dates``).
        model: a loaded green model (task 'green').
        band_map: applies to every date.
        zones: shapely polygons in ``zones_crs``; None or empty: the area common to all dates.
        zones_crs: CRS of ``zones`` (default: the first date's).
        zone_names: labels of the zones in the report.
        min_observed: share of a zone's pixel area below which a zone-date is flagged.
        report_path: the HTML report to write, or None.
        title: the report's title.
        feedback: progress, cancel and messages.

    Raises:
        EngineError: bad inputs; Cancelled: the user cancelled.
    """
    from .green import Zone, green_ratio, judge_season

    feedback = feedback or Feedback()
    if not 0.0 <= min_observed <= 1.0:
        raise EngineError(
            tr("MIN_OBSERVED must be a share between 0 and 1, got {min_observed}").format(min_observed=min_observed)
        )
    if report_path:
        check_output_writable(report_path)
    first_crs = GridRef.of(dates[0].path).crs  # opened first: a broken first date fails before any zone work
    zones_crs = zones_crs or first_crs
    geoms, names = _zones_or_common_area(dates, zones, zones_crs, zone_names, feedback)
    n, nz = len(dates), len(geoms)
    green, valid, unobserved, zone_m2 = (np.zeros((nz, n)) for _ in range(4))
    seasons = []
    model_name = model.card.name
    for k, d in enumerate(dates):
        if feedback.is_cancelled():
            raise Cancelled(tr("cancelled by the user; no output was written"))
        feedback.info(
            tr("Date {0}/{n}: {d_label} ({d_source}) - {1}").format(
                k + 1, os.path.basename(d.path), n=n, d_label=d.label, d_source=d.source
            )
        )
        grid = GridRef.of(d.path)
        local = [Zone(z, to_crs(g, zones_crs, grid.crs)) for z, g in enumerate(geoms)]
        result = green_ratio(
            d.path,
            model,
            band_map=band_map,
            zones=local,
            feedback=StageFeedback(feedback, 95.0 * k / n, 95.0 * (k + 1) / n),
        )
        for z in range(nz):
            s = result.stats[z]
            green[z, k], valid[z, k] = s.green_m2, s.valid_m2
            unobserved[z, k], zone_m2[z, k] = s.cloud_m2 + s.nodata_m2, s.zone_area_m2
        s = result.season
        # The series knows the date (file name, DATES) even where the green-ratio tool would not;
        # a bare year says nothing about the season.
        date, source = (None, f"{d.source}: a year without month") if d.year_only else (d.date, d.source)
        season = judge_season(date, source, s.latitude, s.index_p95, s.leaf_off_p95, s.snow_share)
        seasons.append(season)
        for warning in season.warnings:
            feedback.warning(f"{d.label}: {warning}")
    out = GreenSeriesResult(dates, nz, green, valid, unobserved, zone_m2, seasons, min_observed, [], model_name, names)
    years = [d.decimal_year for d in dates]
    for z in range(nz):
        # low-observation and off-season dates say nothing about the trend
        rows = [out.figures(z, d) for d in range(n)]
        values = [None if r["low_observation"] or r["season_warning"] else r["green_ratio"] for r in rows]
        out.trends.append(sen_mann_kendall(years, values))
    if report_path:
        from .series_report import write_green_report

        write_green_report(out, report_path, title)
    feedback.progress(100.0)
    return out
