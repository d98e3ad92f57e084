"""Urban green ratio: a vegetation mask and per-zone green area, tile by tile, in true square metres.

What this module decides (and the help text and README repeat):

* **Vegetation.** A green model (``task: green``) is run by onnxruntime on each tile; a pixel
  is vegetation where the model's first output is above the card's default threshold.
* **Valid pixels.** Nodata (the raster's nodata value, non-finite values, masks) and cloud
  pixels count in neither the green nor the valid area. A zone or cell without a clear pixel
  gets valid fraction 0 and NULL (None) green ratio, green and water areas, never 0 (unseen is
  not "no green"); its cloud area is NULL only where the raster has no data in it.
* **Cloud rule.** Where the raster has a Sentinel-2 scene classification band (``SCL``), its
  classes 3 (cloud shadow), 8, 9 (cloud, medium/high probability) and 10 (thin cirrus) are
  cloud. Otherwise, for models whose card asks for it (``extra.cloud_test``), a pixel is cloud
  where its blue reflectance is above 0.2 and it is not snow (NDSI = (green - swir16) /
  (green + swir16) >= 0.4, the snow threshold of Dozier 1989 / Hall et al. 1995); without a
  SWIR band every bright pixel is treated as cloud. Snow is valid, non-green ground. RGB-only
  models have no cloud test (aerial photos and basemaps are cloud-free composites).
* **Areas.** Every pixel's area is computed in a Lambert azimuthal equal-area projection
  centred on the raster (an equal-area projection of the WGS 84 ellipsoid), from the pixel's
  four corners (exactly at every 16th pixel, bilinear in between), so areas are true square
  metres whether the raster is in UTM, Web Mercator or EPSG:4326.
* **Zone edges.** A pixel belongs to a zone when its centre lies inside the zone (the
  rasterisation rule of GDAL without ALL_TOUCHED); overlapping zones each count it.
* **Grid.** Without zones, square cells of ``cell_size`` metres are laid over the raster in its
  own CRS when that is projected in metres with a scale error below 1 % at the scene centre
  (UTM, national grids), otherwise (EPSG:4326, Web Mercator) in the UTM zone of the raster's
  centre; cell edges sit on multiples of the cell size.
* **Season.** Leaf-on summer is June-September in the northern and December-February in the
  southern hemisphere (as in Kwon et al. 2021, EPJ Data Science 10:28). Between the tropics
  there is no such summer and only the imagery itself is checked. The imagery looks leaf-off
  when the 95th percentile of the vegetation index over valid pixels is below the card's
  ``extra.leaf_off_p95`` (in leaf-on scenes the greenest pixels are full canopy), or when more
  than 10 % of the valid area is snow.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field

import numpy as np

from .bands import resolve_bands
from .errors import BandError, Cancelled, EngineError
from .geo import (
    Grid,
    PixelAreas,
    equal_area_crs,
    lonlat_of,
    make_grid,
    mask_facts,
    pixel_centres,
    transformer,
    true_area,
    valid_mask,
    windows,
)
from .i18n import tr
from .memory import gdal_cache_limit
from .model import LoadedModel, get_session
from .raster import check_output_writable, commit_output, gtiff_profile, remove_quietly, temporary_path
from .runner import Feedback, prepare_input
from .zonal import ZoneMasks

TILE = 512
SCL_CLOUD_CLASSES = (3, 8, 9, 10)
SNOW_WARNING_SHARE = 0.10
TROPIC_LATITUDE = 23.44
NORTHERN_SUMMER = (6, 7, 8, 9)
SOUTHERN_SUMMER = (12, 1, 2)
MASK_NODATA = 255
MASK_CLASSES = {0: "not vegetation", 1: "vegetation", 2: "cloud (excluded)", 3: "water (not vegetation)"}
SCL_WATER = 6
# Vegetation reflects 15-50 % in the near infrared; below 3 % a pixel is dark water (or deep
# shadow), never vegetation, even where its NDVI reaches 0.2-0.3 (the demo's lake).
DARK_NIR_REFLECTANCE = 0.03
HIST_BINS = 400
HIST_RANGE = (-1.0, 1.0)

# Standard product names that carry the sensing date.
_PRODUCT_DATE_PATTERNS = (
    # Sentinel-2 (also BigEarthNet patch names): S2A_MSIL2A_20170613T101031_...
    re.compile(r"S2[A-D]_MSIL(?:1C|2A)_(\d{8})T\d{4,6}", re.IGNORECASE),
    # Landsat Collection 1/2 product ids: LC08_L2SP_198024_20200715_20200912_02_T1
    re.compile(r"L[COTEM]0[4-9]_L[12][A-Z0-9]{2}_\d{6}_(\d{8})_\d{8}", re.IGNORECASE),
)
_DATE_TAGS = ("ACQUISITION_DATE", "DATE_ACQUIRED", "SENSING_TIME", "SENSING_DATE", "DATETIME_ACQUIRED")
_NAME_TAGS = ("PRODUCT_NAME", "PRODUCT_ID", "LANDSAT_PRODUCT_ID", "PRODUCT_URI")


# --- vegetation models ---------------------------------------------------------------------------


def check_green_model(model: LoadedModel) -> None:
    """Refuse a model that cannot give a vegetation mask.

    Args:
        model: the loaded model.

    Raises:
        EngineError: the model takes more than one input, is not a dense (per-pixel) model, or
            its card gives no default threshold on its first output.
    """
    card = model.card
    if len(card.inputs) != 1:
        raise EngineError(
            tr("model '{card_name}' takes {0} inputs; a green model takes one image").format(
                len(card.inputs), card_name=card.name
            )
        )
    if card.model_type != "dense":
        raise EngineError(
            tr("model '{card_name}' is a {card_model_type} model; a green model gives a value per pixel").format(
                card_name=card.name, card_model_type=card.model_type
            )
        )
    if card.outputs[0].threshold is None:
        raise EngineError(
            tr(
                "model '{card_name}' has no default threshold on its output '{0}'; a green "
                "model's card must say above which value a pixel is vegetation"
            ).format(card.outputs[0].name, card_name=card.name)
        )


def choose_green_model(band_count: int, descriptions, band_map: str | None) -> tuple[str, str]:
    """The shipped green model for a raster: NDVI where red and NIR exist, else the RGB model.

    Args:
        band_count: bands in the raster.
        descriptions: the raster's band descriptions (may be None or hold None).
        band_map: the user's BAND_MAP, or None.

    Returns:
        tuple[str, str]: (registry name of the model, why it was chosen, for the log).

    Raises:
        BandError: the raster has neither red and NIR nor red, green and blue bands.
    """
    try:
        resolve_bands(["red", "nir"], band_count, descriptions, band_map)
        return "green_ndvi", tr("the raster has red and NIR bands")
    except BandError as exc:
        reason = str(exc)
    try:
        resolve_bands(["red", "green", "blue"], band_count, descriptions, band_map)
    except BandError as exc:
        raise BandError(
            tr("no green model fits this raster: NDVI needs red and NIR ({reason}); the RGB model: {exc}").format(
                reason=reason, exc=exc
            )
        ) from exc
    return "green_rgb", "the raster has no NIR band, so the RGB-only model is used"


# --- clouds ----------------------------------------------------------------------------------------


@dataclass
class CloudTest:
    """The bright-blue cloud test with its NDSI snow exception, as a green model's card gives it.

    Attributes:
        blue_min: blue reflectance above which a pixel is cloud (or snow).
        ndsi_snow_min: NDSI at or above which a bright pixel is snow, not cloud.
        scale: reflectance = DN x scale + offset.
        offset: see ``scale``.
    """

    blue_min: float = 0.2
    ndsi_snow_min: float = 0.4
    scale: float = 1e-4
    offset: float = 0.0

    @classmethod
    def from_card(cls, model: LoadedModel) -> CloudTest | None:
        """The test of a model's card (``extra.cloud_test``).

        Args:
            model: the loaded green model.

        Returns:
            CloudTest | None: None where the card asks for no cloud test; scale and offset
            default to the card's input's.

        Raises:
            ValueError: a value of ``extra.cloud_test`` is not a number.
        """
        raw = model.card.extra.get("cloud_test")
        if not raw:
            return None
        spec = model.card.inputs[0]
        return cls(
            blue_min=float(raw.get("blue_min", 0.2)),
            ndsi_snow_min=float(raw.get("ndsi_snow_min", 0.4)),
            scale=float(raw.get("scale", spec.scale)),
            offset=float(raw.get("offset", spec.offset)),
        )


def water_pixels(
    scl: np.ndarray | None,
    green: np.ndarray | None,
    nir: np.ndarray | None,
    swir16: np.ndarray | None,
    reflectance: tuple[float, float] | None = None,
) -> np.ndarray | None:
    """Open water, which never counts as green whatever the model says.

    A dark lake has NDVI 0.2-0.3 at ~1 % reflectance. Water is Sentinel-2 SCL class 6, else
    MNDWI > 0 (green, SWIR 1.6 um; Xu 2006), else NDWI > 0 (green, NIR; McFeeters 1996); and,
    where ``reflectance`` is known, NIR reflectance below DARK_NIR_REFLECTANCE.

    Args:
        scl: the SCL band of the tile, or None.
        green: the green band (raw DN), or None.
        nir: the NIR band (raw DN), or None.
        swir16: the 1.6 um SWIR band (raw DN), or None.
        reflectance: (scale, offset) turning DN into reflectance, or None (no dark-water test).

    Returns:
        numpy.ndarray | None: booleans, True on water; None where the bands cannot tell.
    """
    if scl is not None:
        return scl == SCL_WATER
    if green is None:
        return None
    other = swir16 if swir16 is not None else nir
    if other is None:
        return None
    total = green + other
    with np.errstate(divide="ignore", invalid="ignore"):
        index = np.where(np.abs(total) > 0, (green - other) / total, -1.0)
    water = index > 0
    if nir is not None and reflectance is not None:
        water |= nir * reflectance[0] + reflectance[1] < DARK_NIR_REFLECTANCE
    return water


def cloud_and_snow(
    test: CloudTest | None,
    blue: np.ndarray | None,
    green: np.ndarray | None,
    swir16: np.ndarray | None,
    scl: np.ndarray | None,
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Cloud and snow masks of a tile.

    Args:
        test: the card's cloud test, or None.
        blue: the blue band (raw DN), or None.
        green: the green band (raw DN), or None.
        swir16: the 1.6 um SWIR band (raw DN), or None.
        scl: the Sentinel-2 scene classification band, or None (it wins where given).

    Returns:
        tuple: (cloud, snow) boolean arrays, each None where nothing can be said (no SCL and no
        test or no blue band; snow also without green and SWIR, then bright snow is cloud).
    """
    if scl is not None:
        cloud = np.isin(scl, SCL_CLOUD_CLASSES)
        snow = scl == 11
        return cloud, snow
    if test is None or blue is None:
        return None, None
    bright = blue * test.scale + test.offset > test.blue_min
    if green is None or swir16 is None:
        return bright, None
    total = green + swir16
    with np.errstate(divide="ignore", invalid="ignore"):
        ndsi = np.where(np.abs(total) > 0, (green - swir16) / total, 0.0)
    snow = bright & (ndsi >= test.ndsi_snow_min)
    return bright & ~snow, snow


# --- season ------------------------------------------------------------------------------------------


def _date_in(text: str) -> dt.date | None:
    for pattern in _PRODUCT_DATE_PATTERNS:
        m = pattern.search(text)
        if m:
            try:
                return dt.datetime.strptime(m.group(1), "%Y%m%d").date()
            except ValueError:
                continue
    return None


def acquisition_date(path: str, tags: dict) -> tuple[dt.date | None, str]:
    """The sensing date of a raster, from its tags or a standard product name in its file name.

    Args:
        path: the raster's path (its file name may hold a Sentinel-2 or Landsat product name).
        tags: the raster's dataset tags.

    Returns:
        tuple: (the date or None, where it was found or why not, for the log).
    """
    for key in _DATE_TAGS:
        value = tags.get(key)
        if value:
            m = re.search(r"(\d{4})[-:/]?(\d{2})[-:/]?(\d{2})", value)
            if m:
                try:
                    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), f"tag {key}={value}"
                except ValueError:
                    pass
    for key in _NAME_TAGS:
        value = tags.get(key)
        date = _date_in(value) if value else None
        if date:
            return date, tr("tag {key}={value}").format(key=key, value=value)
    name = os.path.basename(path)
    date = _date_in(name)
    if date:
        return date, tr("product name in the file name {name}").format(name=name)
    return None, tr("no ACQUISITION_DATE tag and no Sentinel-2/Landsat product name in the file name")


def is_local_summer(date: dt.date, latitude: float) -> bool | None:
    """Whether a date falls in the local leaf-on summer.

    Args:
        date: the acquisition date.
        latitude: latitude of the scene, degrees.

    Returns:
        bool | None: True in June-September (north) or December-February (south); None between
        the tropics, which have no such summer.
    """
    if abs(latitude) < TROPIC_LATITUDE:
        return None
    months = NORTHERN_SUMMER if latitude >= 0 else SOUTHERN_SUMMER
    return date.month in months


@dataclass
class SeasonCheck:
    """What the season check found (``judge_season``) and the warnings it gives.

    Attributes:
        date: the acquisition date, or None.
        date_source: where the date came from (or why it is unknown).
        latitude: latitude of the scene centre.
        summer: ``is_local_summer``'s answer (None: unknown date or the tropics).
        index_p95: 95th percentile of the vegetation index over valid pixels, or None.
        leaf_off_p95: the card's leaf-off level for ``index_p95``, or None.
        snow_share: snow's share of the valid area, or None where snow cannot be told.
        warnings: sentences for the log and the output table.
    """

    date: dt.date | None
    date_source: str
    latitude: float
    summer: bool | None
    index_p95: float | None
    leaf_off_p95: float | None
    snow_share: float | None
    warnings: list[str] = field(default_factory=list)

    @property
    def warning_text(self) -> str:
        """The warnings as one text ("" where there is none)."""
        return " ".join(self.warnings)

    def describe(self) -> str:
        """One log line: date and its source, latitude, index percentile, snow share."""
        hemi = tr("northern") if self.latitude >= 0 else tr("southern")
        when = self.date.isoformat() if self.date else tr("unknown date")
        p95 = tr("n/a") if self.index_p95 is None else f"{self.index_p95:.3f}"
        return tr(
            "Season check: {when} ({date_source}); scene at latitude {latitude:.2f} ({hemi} "
            "hemisphere); 95th percentile of the vegetation index {p95}"
        ).format(when=when, date_source=self.date_source, latitude=self.latitude, hemi=hemi, p95=p95) + (
            "" if self.snow_share is None else tr("; snow {0:.1f} % of the valid area").format(100 * self.snow_share)
        )


def judge_season(
    date: dt.date | None,
    date_source: str,
    latitude: float,
    index_p95: float | None,
    leaf_off_p95: float | None,
    snow_share: float | None,
) -> SeasonCheck:
    """Judge whether a scene is leaf-on summer imagery.

    Args:
        date: acquisition date, or None.
        date_source: where the date came from (or why it is unknown), for the warnings.
        latitude: latitude of the scene centre, degrees.
        index_p95: 95th percentile of the vegetation index over valid pixels, or None.
        leaf_off_p95: below this ``index_p95`` the imagery looks leaf-off (the card's
            ``extra.leaf_off_p95``), or None.
        snow_share: snow's share of the valid area, or None.

    Returns:
        SeasonCheck: the findings, with a warning for an unknown date, a date outside the local
        summer, a leaf-off index and snow above 10 % of the valid area.
    """
    check = SeasonCheck(date, date_source, latitude, None, index_p95, leaf_off_p95, snow_share)
    if date is None:
        check.warnings.append(
            tr(
                "Acquisition date unknown ({date_source}): cannot confirm leaf-on summer "
                "imagery; the green ratio is only meaningful on summer scenes."
            ).format(date_source=date_source)
        )
    else:
        check.summer = is_local_summer(date, latitude)
        if check.summer is False:
            months = tr("June-September") if latitude >= 0 else tr("December-February")
            hemi = tr("northern") if latitude >= 0 else tr("southern")
            check.warnings.append(
                tr(
                    "Acquired {0}, outside the local summer ({months} in the {hemi} hemisphere): "
                    "vegetation may be leaf-off or dormant, the green ratio is not comparable with "
                    "summer imagery."
                ).format(date.isoformat(), months=months, hemi=hemi)
            )
    if index_p95 is not None and leaf_off_p95 is not None and index_p95 < leaf_off_p95:
        check.warnings.append(
            tr(
                "The imagery looks leaf-off: the greenest 5 % of valid pixels have a vegetation "
                "index of only {index_p95:.2f} (below {leaf_off_p95:.2f}), as in winter, snow, "
                "drought or a scene without vegetation."
            ).format(index_p95=index_p95, leaf_off_p95=leaf_off_p95)
        )
    if snow_share is not None and snow_share > SNOW_WARNING_SHARE:
        check.warnings.append(
            tr("Snow covers {0:.0f} % of the valid area: not leaf-on imagery.").format(100 * snow_share)
        )
    return check


# --- the run ------------------------------------------------------------------------------------------


@dataclass
class Zone:
    """A user zone: its key in the results and its polygon in the raster's CRS."""

    key: int
    geometry: object  # shapely geometry in the raster's CRS


# The figures of a zone (or cell), as satimpact:greenratio and the batch name them.
FIGURES = (
    "green_ratio",
    "green_area_m2",
    "valid_area_m2",
    "valid_fraction",
    "zone_area_m2",
    "cloud_area_m2",
    "water_area_m2",
)


@dataclass
class ZoneStats:
    """Areas (m2) counted in one zone or grid cell.

    A zone (cell) without a clear pixel (outside the raster, or only nodata or cloud) was not
    seen: its green ratio, green area and water area are None (NULL), never 0, so that it never
    counts as having no green; its cloud area is None only where the raster has no data there.

    Attributes:
        key: the zone's key (grid cells: row-major cell index; scene totals: -1).
        green_m2: clear vegetation.
        valid_m2: clear area (not nodata, not cloud): the ratio's denominator.
        cloud_m2: cloud on valid pixels.
        nodata_m2: nodata pixels.
        zone_area_m2: true area of the zone's polygon.
        pixels: pixels whose centre lies in the zone.
        water_m2: clear water, never green.
    """

    key: int
    green_m2: float = 0.0
    valid_m2: float = 0.0
    cloud_m2: float = 0.0
    nodata_m2: float = 0.0
    zone_area_m2: float = 0.0
    pixels: int = 0
    water_m2: float = 0.0  # valid, never green (water_pixels)

    @property
    def seen(self) -> bool:
        """Whether the zone holds a clear pixel (data, not cloud): its ground was seen."""
        return self.valid_m2 > 0

    @property
    def observed(self) -> bool:
        """Whether the raster has data in the zone (clear or cloud pixels; not only nodata or outside)."""
        return self.valid_m2 > 0 or self.cloud_m2 > 0

    @property
    def green_ratio(self) -> float | None:
        """Green over clear area; None where nothing clear was seen (unknown, not 0)."""
        return self.green_m2 / self.valid_m2 if self.seen else None

    def figures(self) -> dict:
        """The zone's ``FIGURES`` by name: None (NULL) where unknown, never 0.

        Green and water areas need a clear pixel; the cloud area needs raster data (a zone under
        cloud has a known cloud area); the valid area and valid fraction are 0 where nothing was seen.
        """
        return {
            "green_ratio": self.green_ratio,
            "green_area_m2": self.green_m2 if self.seen else None,
            "valid_area_m2": self.valid_m2,
            "valid_fraction": self.valid_fraction,
            "zone_area_m2": self.zone_area_m2,
            "cloud_area_m2": self.cloud_m2 if self.observed else None,
            "water_area_m2": self.water_m2 if self.seen else None,
        }

    def green_m2_per_person(self, population: float | None) -> float | None:
        """Green area per person; None without a positive population or without a clear pixel.

        Args:
            population: the zone's population (None: unknown).
        """
        ok = population is not None and population > 0 and self.seen
        return self.green_m2 / population if ok else None

    @property
    def valid_fraction(self) -> float:
        """Clear area over the zone's area, at most 1 (0 for a zone of no area)."""
        if self.zone_area_m2 <= 0:
            return 0.0
        # Pixel-centre assignment can give a small zone slightly more pixel area than its own area.
        return min(1.0, self.valid_m2 / self.zone_area_m2)


@dataclass
class GreenResult:
    """What ``green_ratio`` returns.

    Attributes:
        model: the model's name.
        threshold: the vegetation threshold applied to the model's output.
        stats: per zone (by ``Zone.key``) or per grid cell with pixels (by row-major index).
        season: the season check.
        grid: the grid used, or None with zones.
        mask_path: the class raster written, or None.
        cloud_rule: the cloud rule applied, for the log.
        equal_area: the equal-area CRS the areas were measured in.
        totals: the whole scene's areas.
        water_rule: the water rule applied, for the log.
        messages: extra messages for the caller.
    """

    model: str
    threshold: float
    stats: dict[int, ZoneStats]
    season: SeasonCheck
    grid: Grid | None
    mask_path: str | None
    cloud_rule: str
    equal_area: str
    totals: ZoneStats
    water_rule: str = ""
    messages: list[str] = field(default_factory=list)


def _optional_band(name: str, count: int, descriptions, band_map: str | None) -> int | None:
    try:
        return resolve_bands([name], count, descriptions, band_map).indices[0]
    except BandError:
        return None


def _scl_band(descriptions) -> int | None:
    for i, d in enumerate(descriptions or [], start=1):
        if d and d.strip().upper() == "SCL":
            return i
    return None


GDAL_CACHE_BYTES = 64 << 20  # each block is read once: a big cache only grows the process


def green_ratio(
    raster_path: str,
    model: LoadedModel,
    band_map: str | None = None,
    zones: list[Zone] | None = None,
    cell_size: float = 1000.0,
    mask_path: str | None = None,
    feedback: Feedback | None = None,
    threads: int | None = None,
) -> GreenResult:
    """Vegetation mask and per-zone (or per-cell) green and valid areas for one raster.

    Reads the raster tile by tile; GDAL's block cache is capped for the run.

    Args:
        raster_path: the input raster (it must have a CRS).
        model: a green model (``check_green_model``).
        band_map: the user's BAND_MAP, or None.
        zones: zones in the raster's CRS; None lays a grid of ``cell_size`` cells instead.
        cell_size: grid cell side, metres (without zones).
        mask_path: where to write the class raster (``MASK_CLASSES``), or None.
        feedback: progress, cancel and messages.
        threads: onnxruntime threads (None: the default).

    Returns:
        GreenResult: areas per zone or cell, totals and the season check.

    Raises:
        EngineError: a model that is no green model, a raster that cannot be opened or has no
            CRS, a bad cell size or too many cells, an unwritable mask path.
        BandError: the raster lacks a band the model needs.
        Cancelled: the user cancelled (no mask is left behind).
    """
    with gdal_cache_limit(GDAL_CACHE_BYTES):
        return _green_ratio(raster_path, model, band_map, zones, cell_size, mask_path, feedback, threads)


# The run is split in steps: plan (which bands each rule reads, the areas, the zones or grid),
# classify each tile, add it to the tallies, then judge the season. Each step is decided once per
# raster, so the tile loop only reads, classifies and adds.


@dataclass
class _BandPlan:
    """The bands the model and the cloud and water rules read, found once per raster."""

    model_bands: list[int]
    scl: int | None
    aux: dict[str, int | None]  # blue, green, nir, swir16: band index or None (empty with SCL)
    cloud_test: CloudTest | None
    reflectance: tuple[float, float] | None  # (scale, offset) of the dark-water test
    cloud_rule: str
    water_rule: str

    @property
    def measures_snow(self) -> bool:
        return self.scl is not None or (
            self.cloud_test is not None and all(self.aux.get(n) for n in ("blue", "green", "swir16"))
        )


def _cloud_plan(ds, model: LoadedModel, band_map: str | None, feedback: Feedback):
    """SCL band, the cloud test's bands and the rule as logged: (scl, aux, cloud_test, rule)."""
    descriptions = list(ds.descriptions)
    cloud_test = CloudTest.from_card(model)
    scl = _scl_band(descriptions)
    aux = {}
    if scl is None and cloud_test is not None:
        for name in ("blue", "green", "swir16"):
            aux[name] = _optional_band(name, ds.count, descriptions, band_map)
    if scl is not None:
        cloud_rule = tr("Sentinel-2 SCL band {scl}: classes 3, 8, 9, 10 are cloud/shadow, 11 is snow").format(scl=scl)
    elif cloud_test is None:
        cloud_rule = tr("none (model {model_card_name} has no cloud test; only nodata pixels are excluded)").format(
            model_card_name=model.card.name
        )
    elif aux.get("blue") is None:
        cloud_rule = tr("none: no blue band found for the cloud test; only nodata pixels are excluded")
        feedback.warning(tr("No blue band found: clouds cannot be detected and count as valid ground."))
    elif aux.get("swir16") is None or aux.get("green") is None:
        cloud_rule = tr(
            "blue reflectance > {cloud_test_blue_min:g} is cloud (no SWIR band: snow cannot "
            "be told apart and is excluded as cloud too)"
        ).format(cloud_test_blue_min=cloud_test.blue_min)
    else:
        cloud_rule = tr(
            "blue reflectance > {cloud_test_blue_min:g} and NDSI < "
            "{cloud_test_ndsi_snow_min:g} is cloud; blue > {cloud_test_blue_min:g} with NDSI "
            ">= {cloud_test_ndsi_snow_min:g} is snow (valid, not green); reflectance = DN x "
            "{cloud_test_scale:g} + {cloud_test_offset:g}"
        ).format(
            cloud_test_blue_min=cloud_test.blue_min,
            cloud_test_ndsi_snow_min=cloud_test.ndsi_snow_min,
            cloud_test_scale=cloud_test.scale,
            cloud_test_offset=cloud_test.offset,
        )
    feedback.info(tr("Cloud rule: {cloud_rule}").format(cloud_rule=cloud_rule))
    return scl, aux, cloud_test, cloud_rule


def _water_plan(ds, scl, aux: dict, cloud_test: CloudTest | None, band_map: str | None, feedback: Feedback):
    """Adds the water rule's bands to ``aux``; returns (reflectance, rule as logged)."""
    descriptions = list(ds.descriptions)
    for name in ("green", "nir", "swir16"):
        if scl is None and aux.get(name) is None:
            aux[name] = _optional_band(name, ds.count, descriptions, band_map)
    water_rule = None
    if scl is not None:
        water_rule = tr("Sentinel-2 SCL band {scl}: class 6 is water (valid, never green)").format(scl=scl)
    elif aux.get("green") and aux.get("swir16"):
        water_rule = tr("MNDWI = (green - SWIR1) / (green + SWIR1) > 0 is water (valid, never green)")
    elif aux.get("green") and aux.get("nir"):
        water_rule = tr("NDWI = (green - NIR) / (green + NIR) > 0 is water (valid, never green)")
    # the dark-water test needs reflectance: the card's cloud test says how DNs convert
    reflectance = (cloud_test.scale, cloud_test.offset) if cloud_test is not None else None
    if aux.get("nir") and ds.dtypes[aux["nir"] - 1] == "uint8":
        reflectance = None  # 8-bit imagery (NAIP, RGB photos) is not reflectance x 10000
    if water_rule is None:
        water_rule = tr("none: no green with NIR or SWIR band, so water cannot be told from vegetation")
        feedback.warning(tr("No green and NIR/SWIR bands: water cannot be excluded from green."))
    elif scl is None and reflectance and aux.get("nir"):
        water_rule += tr("; NIR reflectance < {0:g} is dark water (valid, never green)").format(DARK_NIR_REFLECTANCE)
    feedback.info(tr("Water rule: {water_rule}").format(water_rule=water_rule))
    return reflectance, water_rule


def _plan_bands(ds, model: LoadedModel, band_map: str | None, feedback: Feedback) -> _BandPlan:
    spec = model.card.inputs[0]
    resolution = resolve_bands(spec.bands, ds.count, list(ds.descriptions), band_map, spec.sensor)
    feedback.info(
        tr("Model {model_card_name}: bands {0}").format(
            resolution.describe(spec.bands), model_card_name=model.card.name
        )
    )
    scl, aux, cloud_test, cloud_rule = _cloud_plan(ds, model, band_map, feedback)
    reflectance, water_rule = _water_plan(ds, scl, aux, cloud_test, band_map, feedback)
    return _BandPlan(resolution.indices, scl, aux, cloud_test, reflectance, cloud_rule, water_rule)


def _plan_areas(ds, feedback: Feedback) -> tuple[float, str, PixelAreas]:
    """Latitude of the scene centre, the equal-area CRS centred there, and the pixel areas in it."""
    bounds = tuple(ds.bounds)
    cx, cy = (bounds[0] + bounds[2]) / 2.0, (bounds[1] + bounds[3]) / 2.0
    lon, lat = lonlat_of(ds.crs, cx, cy)
    equal_area = equal_area_crs(lon, lat)
    feedback.info(
        tr("Areas: per-pixel true areas in {equal_area}; zones take the pixels whose centres lie inside them").format(
            equal_area=equal_area
        )
    )
    return lat, equal_area, PixelAreas(ds.crs, ds.transform, equal_area)


@dataclass
class _TileClasses:
    """What each pixel of a tile is; every field is a boolean (h, w) array but ``index``."""

    valid: np.ndarray  # not nodata
    clear: np.ndarray  # valid and not cloud: the denominator of the ratio
    green: np.ndarray
    wet: np.ndarray  # clear water, never green
    cloudy: np.ndarray
    snow: np.ndarray | None
    index: np.ndarray  # the model's output


class _TileClassifier:
    """Reads each band once per tile and sorts the pixels into nodata, cloud, water, green or other."""

    def __init__(self, ds, model: LoadedModel, plan: _BandPlan, threshold: float, threads: int | None):
        self.ds = ds
        self.plan = plan
        self.threshold = threshold
        self.spec = model.card.inputs[0]
        self.output = model.card.outputs[0].name
        self.session = get_session(model, threads)
        aux_bands = [plan.aux[n] for n in ("blue", "green", "nir", "swir16") if plan.aux.get(n)]
        self.read_bands = list(dict.fromkeys(plan.model_bands + aux_bands + ([plan.scl] if plan.scl else [])))
        self.pos = {b: k for k, b in enumerate(self.read_bands)}
        self.model_rows = [self.pos[b] for b in plan.model_bands]
        self.facts = mask_facts(ds, plan.model_bands)

    def _band(self, data: np.ndarray, band: int | None) -> np.ndarray | None:
        return data[self.pos[band]] if band else None

    def classify(self, window) -> _TileClasses:
        h, w = window.height, window.width
        plan = self.plan
        data = self.ds.read(self.read_bands, window=window, out_dtype="float32")
        x = data[self.model_rows]
        valid = valid_mask(self.ds, plan.model_bands, x, window, self.facts)
        blue, green_band, nir, swir16 = (self._band(data, plan.aux.get(n)) for n in ("blue", "green", "nir", "swir16"))
        scl = self._band(data, plan.scl)
        cloud, snow = cloud_and_snow(plan.cloud_test, blue, green_band, swir16, scl)
        water = water_pixels(scl, green_band, nir, swir16, plan.reflectance)
        feed = prepare_input(x.copy(), self.spec)
        feed[:, ~valid] = 0.0
        index = self.session.run([self.output], {self.spec.name: feed[None]})[0]
        index = np.asarray(index).reshape(-1, h, w)[0]
        clear = valid & ~cloud if cloud is not None else valid
        green = clear & (index > self.threshold)
        wet = clear & water if water is not None else np.zeros_like(clear)
        green &= ~wet
        cloudy = valid & cloud if cloud is not None else np.zeros_like(valid)
        return _TileClasses(valid, clear, green, wet, cloudy, snow, index)


class _SceneTally:
    """Whole-scene areas, the vegetation index histogram (for the season check) and snow."""

    def __init__(self):
        self.totals = ZoneStats(-1)
        self.hist = np.zeros(HIST_BINS, dtype=np.int64)
        self.snow_m2 = 0.0

    def add(self, tile: _TileClasses, area: np.ndarray) -> None:
        if tile.clear.any():
            self.hist += np.histogram(np.clip(tile.index[tile.clear], *HIST_RANGE), bins=HIST_BINS, range=HIST_RANGE)[0]
        if tile.snow is not None:
            self.snow_m2 += float(area[tile.clear & tile.snow].sum())
        totals = self.totals
        totals.green_m2 += float(area[tile.green].sum())
        totals.water_m2 += float(area[tile.wet].sum())
        totals.valid_m2 += float(area[tile.clear].sum())
        totals.cloud_m2 += float(area[tile.cloudy].sum())
        totals.nodata_m2 += float(area[~tile.valid].sum())
        totals.pixels += area.size

    def index_p95(self) -> float | None:
        valid_px = int(self.hist.sum())
        if not valid_px:
            return None
        cdf = np.cumsum(self.hist)
        edges = np.linspace(*HIST_RANGE, HIST_BINS + 1)
        return float(edges[int(np.searchsorted(cdf, 0.95 * valid_px)) + 1])


class _GridTally:
    """Areas per cell of a square grid (``make_grid``), summed with bincount (no loop over cells)."""

    def __init__(self, ds, cell_size: float, equal_area: str, feedback: Feedback):
        self.grid = grid = make_grid(ds.crs, tuple(ds.bounds), cell_size)
        feedback.info(
            tr("Grid: {grid_cols} x {grid_rows} cells of {cell_size:g} m in {0}").format(
                "EPSG:" + str(grid.epsg) if grid.epsg else tr("the raster CRS"),
                grid_cols=grid.cols,
                grid_rows=grid.rows,
                cell_size=cell_size,
            )
        )
        self.to_grid = None if grid.native else transformer(ds.crs, grid.crs_wkt)
        self.transform = ds.transform
        self.equal_area = equal_area
        # rows: green, clear, cloudy, nodata (m2), pixels, water (m2)
        self.sums = np.zeros((6, grid.rows * grid.cols), dtype=np.float64)

    def add(self, tile: _TileClasses, area: np.ndarray, window) -> None:
        grid = self.grid
        h, w = window.height, window.width
        px, py = pixel_centres(self.transform, self.to_grid, window.row_off, window.col_off, h, w)
        cell, inside = grid.cell_index(px, py)
        n = grid.rows * grid.cols
        a = area[inside]
        sums = self.sums
        sums[0] += np.bincount(cell, weights=a * tile.green[inside], minlength=n)
        sums[1] += np.bincount(cell, weights=a * tile.clear[inside], minlength=n)
        sums[2] += np.bincount(cell, weights=a * tile.cloudy[inside], minlength=n)
        sums[3] += np.bincount(cell, weights=a * ~tile.valid[inside], minlength=n)
        sums[4] += np.bincount(cell, minlength=n)
        sums[5] += np.bincount(cell, weights=a * tile.wet[inside], minlength=n)

    def stats(self) -> dict[int, ZoneStats]:
        """The cells with at least one pixel centre, keyed by row-major cell index."""
        grid, sums = self.grid, self.sums
        stats = {}
        for idx in np.flatnonzero(sums[4] > 0):
            row, col = divmod(int(idx), grid.cols)
            stats[int(idx)] = ZoneStats(
                int(idx),
                green_m2=float(sums[0, idx]),
                valid_m2=float(sums[1, idx]),
                cloud_m2=float(sums[2, idx]),
                nodata_m2=float(sums[3, idx]),
                zone_area_m2=true_area(grid.cell_polygon(col, row), grid.crs_wkt, self.equal_area),
                pixels=int(sums[4, idx]),
                water_m2=float(sums[5, idx]),
            )
        return stats


class _ZoneTally:
    """Areas per user zone, each rasterised only in the tiles its bounding box touches."""

    grid = None

    def __init__(self, ds, zones: list[Zone], equal_area: str):
        self.zones = list(zones)
        self.transform = ds.transform
        self.by_key = {}
        for z in self.zones:
            self.by_key[z.key] = ZoneStats(z.key, zone_area_m2=true_area(z.geometry, ds.crs, equal_area))
        self.masks = ZoneMasks([z.geometry for z in self.zones])

    def add(self, tile: _TileClasses, area: np.ndarray, window) -> None:
        from rasterio.windows import transform as window_transform

        tile_transform = window_transform(window, self.transform)
        for k, inside in self.masks.in_window(tile_transform, window.height, window.width):
            s = self.by_key[self.zones[k].key]
            s.green_m2 += float(area[inside & tile.green].sum())
            s.valid_m2 += float(area[inside & tile.clear].sum())
            s.cloud_m2 += float(area[inside & tile.cloudy].sum())
            s.nodata_m2 += float(area[inside & ~tile.valid].sum())
            s.water_m2 += float(area[inside & tile.wet].sum())
            s.pixels += int(inside.sum())

    def stats(self) -> dict[int, ZoneStats]:
        return self.by_key


class _MaskWriter:
    """The class raster (``MASK_CLASSES``), written tile by tile under a temporary name."""

    def __init__(self, path: str):
        self.path = path
        self.tmp: str | None = temporary_path(path)
        self.out = None

    def open(self, ds, model_name: str, threshold: float) -> None:
        import rasterio

        profile = gtiff_profile("uint8", size=(ds.width, ds.height))
        profile.update(count=1, crs=ds.crs, transform=ds.transform, nodata=MASK_NODATA)
        self.out = rasterio.open(self.tmp, "w", **profile)
        self.out.set_band_description(1, "vegetation")
        self.out.update_tags(
            SATIMPACT_MODEL=model_name,
            SATIMPACT_TASK="green",
            SATIMPACT_THRESHOLD=str(threshold),
            SATIMPACT_CLASSES="; ".join(f"{k}={v}" for k, v in MASK_CLASSES.items()),
        )

    def write(self, tile: _TileClasses, window) -> None:
        m = np.full((window.height, window.width), MASK_NODATA, dtype=np.uint8)
        m[tile.clear] = 0
        m[tile.green] = 1
        m[tile.wet] = 3
        m[tile.cloudy] = 2
        self.out.write(m, 1, window=window)

    def commit(self) -> None:
        self.out.close()
        self.out = None
        commit_output(self.tmp, self.path)
        self.tmp = None

    def discard(self) -> None:
        if self.out is not None:
            self.out.close()
        if self.tmp:
            remove_quietly(self.tmp)


def _season_of(raster_path: str, ds, model: LoadedModel, latitude: float, scene: _SceneTally, plan: _BandPlan):
    snow_share = None
    if plan.measures_snow:
        snow_share = scene.snow_m2 / scene.totals.valid_m2 if scene.totals.valid_m2 > 0 else 0.0
    date, source = acquisition_date(raster_path, ds.tags())
    leaf_off = model.card.extra.get("leaf_off_p95")
    leaf_off = None if leaf_off is None else float(leaf_off)
    return judge_season(date, source, latitude, scene.index_p95(), leaf_off, snow_share)


def _green_ratio(
    raster_path: str,
    model: LoadedModel,
    band_map: str | None = None,
    zones: list[Zone] | None = None,
    cell_size: float = 1000.0,
    mask_path: str | None = None,
    feedback: Feedback | None = None,
    threads: int | None = None,
) -> GreenResult:
    import rasterio

    feedback = feedback or Feedback()
    check_green_model(model)
    threshold = float(model.card.outputs[0].threshold)
    if mask_path:
        check_output_writable(mask_path)
    try:
        ds = rasterio.open(raster_path)
    except rasterio.errors.RasterioIOError as exc:
        raise EngineError(
            tr("cannot open raster {raster_path}: {exc}").format(raster_path=raster_path, exc=exc)
        ) from exc
    mask = None
    try:
        if ds.crs is None:
            raise EngineError(
                tr("the raster {raster_path} has no coordinate reference system; assign one first").format(
                    raster_path=raster_path
                )
            )
        plan = _plan_bands(ds, model, band_map, feedback)
        latitude, equal_area, areas = _plan_areas(ds, feedback)
        tally = _GridTally(ds, cell_size, equal_area, feedback) if zones is None else _ZoneTally(ds, zones, equal_area)
        if mask_path:
            mask = _MaskWriter(mask_path)
            mask.open(ds, model.card.name, threshold)
        classifier = _TileClassifier(ds, model, plan, threshold, threads)
        scene = _SceneTally()
        tiles = list(windows(ds.width, ds.height, TILE))
        for done, window in enumerate(tiles, start=1):
            if feedback.is_cancelled():
                raise Cancelled(tr("cancelled by the user; no output was written"))
            tile = classifier.classify(window)
            area = areas.window(window.row_off, window.col_off, window.height, window.width)
            scene.add(tile, area)
            if mask is not None:
                mask.write(tile, window)
            tally.add(tile, area, window)
            feedback.progress(100.0 * done / len(tiles))
        stats = tally.stats()
        if mask is not None:
            mask.commit()
            mask = None
        return GreenResult(
            model=model.card.name,
            threshold=threshold,
            stats=stats,
            season=_season_of(raster_path, ds, model, latitude, scene, plan),
            grid=tally.grid,
            mask_path=mask_path,
            cloud_rule=plan.cloud_rule,
            equal_area=equal_area,
            totals=scene.totals,
            water_rule=plan.water_rule,
        )
    except BaseException:
        if mask is not None:
            mask.discard()
        raise
    finally:
        ds.close()
