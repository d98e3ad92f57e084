"""Radar (Sentinel-1) inputs and automatic thresholds that hold on real archives.

Two things live here, both QGIS-free and windowed (memory never depends on the scene size):

* **What the pixels are.** A backscatter raster may hold sigma0 in dB (Sen1Floods11, Google
  Earth Engine's ``COPERNICUS/S1_GRD``), linear power (SNAP's ``Sigma0_VV``, ASF RTC products)
  or an 8-bit rendering (a screenshot or a display export, 0-255), and VV and VH may come in
  either order. ``check_backscatter`` reads a decimated sample and says which (or refuses a
  rendering, saying why); ``to_db_vrt`` turns linear power into dB through a GDAL VRT with the
  built-in ``dB`` pixel function (10 log10 x), so no pixel is copied and the models, which
  work in dB, see dB. ``polarisation_band_map`` finds VV and VH from descriptions such as
  ``Sigma0_VV_db`` that the plain band matcher does not know.

* **Split-based automatic thresholds.** A scene-wide Otsu threshold fails when water is a small
  share of the scene (the histogram is not bimodal) and drifts when a few extreme pixels widen
  the range. The hierarchical split-based approach (Chini et al. 2017, IEEE TGRS 55(12),
  6975-6988; after the tile-based selection of Martinis et al. 2009, NHESS 9, 303-314) looks
  for the parts of the scene whose histogram *is* bimodal: starting from the whole scene, a
  square of tiles is kept when its histogram passes the bimodality test, else it is split in
  four, down to the smallest tile. The bimodality test: two Gaussians are fitted to the square's
  histogram (expectation-maximisation, started from Otsu's split); the square is bimodal when
  their Ashman's D (Ashman et al. 1994), sqrt(2) |m1 - m2| / sqrt(s1^2 + s2^2), is above
  ``ASHMAN_D_MIN`` = 2 (two Gaussians with D > 2 are cleanly separated) and the smaller one holds
  at least ``MIN_CLASS_SHARE`` = 20 % of the square: below that Otsu's cut drifts into the larger
  class (a scene with 9 % water cut at -12.5 dB instead of -14.6 dB in the check behind this
  value; see docs/radar.md), so a square where water is scarce is split further. The threshold
  is Otsu (1979) or Kittler-Illingworth (1986, minimum error) on the pooled histogram of the
  kept squares. No square bimodal: the model's documented fixed value applies, and the report
  says so. Histograms are taken between the pooled values' 0.5th and 99.5th percentiles, so a
  constant offset of the data (a calibration difference in dB) moves the threshold by that
  same offset and leaves the mask unchanged.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

import numpy as np

from .errors import Cancelled, EngineError
from .geo import WINDOW, mask_facts, valid_mask, windows
from .i18n import tr

ASHMAN_D_MIN = 2.0
MIN_CLASS_SHARE = 0.20
SPLIT_BINS = 256  # bins of the tile histograms, between the percentiles below
SPLIT_PERCENTILES = (0.005, 0.995)
MIN_TILE = 32  # pixels per side of the smallest tile
MAX_LEAVES = 1 << 14  # the smallest tile grows on big scenes so that the leaf histograms stay <= 16 MB
MIN_TILE_PIXELS = 256  # squares with fewer valid pixels are not tested
FINE_BINS = 1 << 16
METHODS = ("otsu", "ki")


def method_name(method: str) -> str:
    """The threshold method ("otsu", "ki") as the log names it, in the user's language."""
    return {"otsu": tr("Otsu"), "ki": tr("Kittler-Illingworth")}[method]


# --- thresholds on histograms -----------------------------------------------------------------


def _class_moments(counts: np.ndarray, centres: np.ndarray):
    """Cumulative weight, mean and variance of the lower class for every cut (and of the upper)."""
    c = counts.astype(np.float64)
    total = c.sum()
    w0 = np.cumsum(c)
    s0 = np.cumsum(c * centres)
    q0 = np.cumsum(c * centres * centres)
    w1, s1, q1 = total - w0, s0[-1] - s0, q0[-1] - q0
    with np.errstate(divide="ignore", invalid="ignore"):
        m0, m1 = s0 / w0, s1 / w1
        v0, v1 = q0 / w0 - m0 * m0, q1 / w1 - m1 * m1
    return total, w0, w1, m0, m1, np.maximum(v0, 0.0), np.maximum(v1, 0.0)


def otsu_cut(counts: np.ndarray, edges: np.ndarray) -> int | None:
    """Otsu's cut of a histogram, as a bin index.

    Args:
        counts: the histogram's counts.
        edges: its bin edges.

    Returns:
        int | None: index of the last bin of the lower class; None for a single value.
    """
    centres = (edges[:-1] + edges[1:]) / 2.0
    total, w0, w1, m0, m1, _, _ = _class_moments(counts, centres)
    if total <= 0:
        return None
    with np.errstate(invalid="ignore"):
        between = w0 * w1 * (m0 - m1) ** 2
    between[~np.isfinite(between)] = -1.0
    k = int(np.argmax(between))
    return k if between[k] > 0 else None


def ki_cut(counts: np.ndarray, edges: np.ndarray) -> int | None:
    """Kittler & Illingworth (1986) minimum-error cut, searched between Otsu's two class means.

    The criterion's other minima sit at the histogram's ends, where one "class" is a handful of
    outliers (a known weakness; e.g. Moser & Serpico 2006).

    Args:
        counts: the histogram's counts.
        edges: its bin edges.

    Returns:
        int | None: index of the last bin of the lower class; None where there is no interior
        minimum.
    """
    k_otsu = otsu_cut(counts, edges)
    if k_otsu is None:
        return None
    centres = (edges[:-1] + edges[1:]) / 2.0
    total, w0, w1, m0, m1, v0, v1 = _class_moments(counts, centres)
    p0, p1 = w0 / total, w1 / total
    with np.errstate(divide="ignore", invalid="ignore"):
        crit = p0 * np.log(v0) + p1 * np.log(v1) - 2.0 * (p0 * np.log(p0) + p1 * np.log(p1))
    lo_mean, hi_mean = m0[k_otsu], m1[k_otsu]
    inside = (centres > lo_mean) & (centres < hi_mean) & (v0 > 0) & (v1 > 0) & (p0 > 0) & (p1 > 0)
    crit[~(inside & np.isfinite(crit))] = np.inf
    k = int(np.argmin(crit))
    if not np.isfinite(crit[k]):
        return None
    return k


EM_ITERATIONS = 30
EM_CHUNK = 2048  # histograms fitted at once (bounds the memory of the vectorised fit)


def _otsu_rows(hist: np.ndarray, centres: np.ndarray) -> np.ndarray:
    h = hist.astype(np.float64)
    total = h.sum(axis=1, keepdims=True)
    w0 = np.cumsum(h, axis=1)
    s0 = np.cumsum(h * centres, axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        between = w0 * (total - w0) * (s0 / w0 - (s0[:, -1:] - s0) / (total - w0)) ** 2
    between[~np.isfinite(between)] = -1.0
    return np.argmax(between, axis=1)


def mixture_fit(hist: np.ndarray, centres: np.ndarray, iterations: int = EM_ITERATIONS):
    """Two Gaussians fitted to each row of ``hist`` (n, bins) by expectation-maximisation.

    Started from Otsu's split.

    Args:
        hist: (n, bins) histograms.
        centres: the bins' centres.
        iterations: EM iterations.

    Returns:
        tuple: (weights, means, variances), each of shape (2, n).
    """
    h = hist.astype(np.float64)
    total = np.maximum(h.sum(axis=1), 1e-12)
    floor = (centres[1] - centres[0]) ** 2 / 12.0 + 1e-12  # a bin's own spread: no class narrower

    def moments(resp):
        weight = resp.sum(axis=2) + 1e-12
        mean = (resp * centres).sum(axis=2) / weight
        var = (resp * (centres - mean[..., None]) ** 2).sum(axis=2) / weight
        return weight / total, mean, np.maximum(var, floor)

    lower = np.arange(h.shape[1])[None, :] <= _otsu_rows(h, centres)[:, None]
    pi, mu, var = moments(np.stack([np.where(lower, h, 0.0), np.where(lower, 0.0, h)]))
    for _ in range(iterations):
        dens = pi[..., None] * np.exp(-0.5 * (centres - mu[..., None]) ** 2 / var[..., None]) / np.sqrt(var[..., None])
        resp = dens / (dens.sum(axis=0) + 1e-300) * h[None]
        pi, mu, var = moments(resp)
    return pi, mu, var


def bimodality(hist: np.ndarray, edges: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ashman's D of the two fitted Gaussians and the smaller one's weight, per row of ``hist``.

    Otsu's split is no test of bimodality: cutting a single Gaussian at its mean already gives
    halves with D = 2.65. The fitted mixture gives D of about 1.2 for one Gaussian.

    Args:
        hist: (n, bins) histograms, or one (bins,).
        edges: their common bin edges.

    Returns:
        tuple[numpy.ndarray, numpy.ndarray]: (Ashman's D, smaller weight), each (n,).
    """
    centres = (edges[:-1] + edges[1:]) / 2.0
    hist = np.atleast_2d(hist)
    d = np.zeros(hist.shape[0])
    minor = np.zeros(hist.shape[0])
    for k in range(0, hist.shape[0], EM_CHUNK):
        pi, mu, var = mixture_fit(hist[k : k + EM_CHUNK], centres)
        d[k : k + EM_CHUNK] = math.sqrt(2.0) * np.abs(mu[0] - mu[1]) / np.sqrt(var[0] + var[1])
        minor[k : k + EM_CHUNK] = pi.min(axis=0)
    return d, minor


def is_bimodal(hist: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Which histograms are bimodal: enough pixels, Ashman's D and a large enough smaller class.

    Args:
        hist: (n, bins) histograms, or one (bins,).
        edges: their common bin edges.

    Returns:
        numpy.ndarray: (n,) booleans.
    """
    hist = np.atleast_2d(hist)
    d, minor = bimodality(hist, edges)
    return (hist.sum(axis=1) >= MIN_TILE_PIXELS) & (d > ASHMAN_D_MIN) & (minor >= MIN_CLASS_SHARE)


# --- split-based selection ----------------------------------------------------------------------


@dataclass
class SplitThreshold:
    """What the automatic threshold found, and how."""

    threshold: float | None  # None: no bimodal tile (the caller applies its fixed value)
    method: str  # otsu or ki (what was asked)
    applied: str  # "split-otsu", "split-ki", "split-otsu (KI undefined)" or "fallback"
    tiles_kept: int
    kept_pixels: int
    valid_pixels: int
    smallest_tile: int
    notes: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        """Whether a bimodal tile gave a threshold."""
        return self.threshold is not None

    def describe(self, units: str = "") -> str:
        """One log line: what was found (or why nothing), with the threshold in ``units``.

        Args:
            units: the values' unit written after the threshold (e.g. "dB"); empty for none.
        """
        unit = f" {units}" if units else ""
        rule = tr(
            "two Gaussians fitted to the tile's histogram with Ashman's D > {0:g}, the smaller holding >= {1:g} % "
            "of the tile"
        ).format(ASHMAN_D_MIN, 100 * MIN_CLASS_SHARE)
        if not self.found:
            return tr(
                "split-based automatic threshold: no tile of the scene has a bimodal histogram "
                "({rule}; tiles from the whole scene down to {smallest_tile} px)"
            ).format(rule=rule, smallest_tile=self.smallest_tile) + (f"; {'; '.join(self.notes)}" if self.notes else "")
        share = 100.0 * self.kept_pixels / max(1, self.valid_pixels)
        how = method_name("ki" if self.applied == "split-ki" else "otsu")
        return tr(
            "split-based automatic threshold (Chini et al. 2017): {tiles_kept} bimodal "
            "tile(s) ({rule}) holding {share:.1f} % of the valid pixels; {how} on their "
            "pooled histogram: {threshold:.4g}{unit}"
        ).format(tiles_kept=self.tiles_kept, rule=rule, share=share, how=how, threshold=self.threshold, unit=unit) + (
            f" ({'; '.join(self.notes)})" if self.notes else ""
        )


# split_threshold reads the values three times (range, percentiles, one histogram per leaf tile),
# then walks the quadtree of tile histograms; each step is one function below.


def _cancel_check(feedback):
    def check():
        if feedback is not None and feedback.is_cancelled():
            raise Cancelled(tr("cancelled by the user; no output was written"))

    return check


def _finite_values(read_values, wins, check):
    """The finite values of each window in turn."""
    for win in wins:
        check()
        v = read_values(win)
        yield v[np.isfinite(v)]


def _value_range(read_values, wins, check) -> tuple[float, float, int]:
    """Pass 1: lowest and highest finite value and how many there are."""
    lo, hi, n = math.inf, -math.inf, 0
    for v in _finite_values(read_values, wins, check):
        if v.size:
            lo, hi, n = min(lo, float(v.min())), max(hi, float(v.max())), n + v.size
    return lo, hi, n


def _leaf_size(width: int, height: int) -> int:
    """The smallest tile: MIN_TILE, doubled on big scenes (<= MAX_LEAVES leaves), never above a window."""
    leaf = MIN_TILE
    while math.ceil(width / leaf) * math.ceil(height / leaf) > MAX_LEAVES and leaf < WINDOW:
        leaf *= 2
    return leaf


def _split_range(read_values, wins, lo: float, hi: float, check) -> tuple[float, float]:
    """Pass 2: the SPLIT_PERCENTILES of the values, from a fine histogram (bounded memory)."""
    from .water import histogram_quantiles

    fine = np.zeros(FINE_BINS, dtype=np.int64)
    for v in _finite_values(read_values, wins, check):
        fine += np.histogram(v, bins=FINE_BINS, range=(lo, hi))[0]
    qlo, qhi = histogram_quantiles(fine, np.linspace(lo, hi, FINE_BINS + 1), SPLIT_PERCENTILES)
    if not qhi > qlo:
        qlo, qhi = lo, hi
    return qlo, qhi


def _leaf_histograms(read_values, wins, width, height, leaf, qlo, qhi, check) -> np.ndarray:
    """Pass 3: one histogram per leaf tile, (rows, cols, SPLIT_BINS).

    Leaves divide the windows, so a window holds whole leaves.
    """
    rows, cols = math.ceil(height / leaf), math.ceil(width / leaf)
    grid = np.zeros((rows, cols, SPLIT_BINS), dtype=np.int32)
    scale = SPLIT_BINS / (qhi - qlo)
    for win in wins:
        check()
        v = read_values(win)
        h, w = v.shape
        ok = np.isfinite(v)
        b = np.clip(((v[ok] - qlo) * scale).astype(np.int64), 0, SPLIT_BINS - 1)
        yy, xx = np.nonzero(ok)
        nr, nc = math.ceil(h / leaf), math.ceil(w / leaf)
        flat = ((yy // leaf) * nc + xx // leaf) * SPLIT_BINS + b
        local = np.bincount(flat, minlength=nr * nc * SPLIT_BINS).reshape(nr, nc, SPLIT_BINS)
        r0, c0 = int(win.row_off) // leaf, int(win.col_off) // leaf
        grid[r0 : r0 + nr, c0 : c0 + nc] += local.astype(np.int32)
    return grid


def _bimodal_tiles(grid: np.ndarray, edges: np.ndarray, check) -> list[np.ndarray]:
    """Histograms of the largest bimodal squares of the quadtree, whole scene down to single leaves.

    A pyramid of 2 x 2 sums, walked from the top; a square that is not bimodal hands its four
    quarters to the level below.
    """
    levels = [grid]
    while levels[-1].shape[0] > 1 or levels[-1].shape[1] > 1:
        g = levels[-1]
        r2, c2 = math.ceil(g.shape[0] / 2), math.ceil(g.shape[1] / 2)
        padded = np.zeros((r2 * 2, c2 * 2, SPLIT_BINS), dtype=np.int32)
        padded[: g.shape[0], : g.shape[1]] = g
        levels.append(padded.reshape(r2, 2, c2, 2, SPLIT_BINS).sum(axis=(1, 3), dtype=np.int32))
    kept = []
    nodes = np.zeros((1, 2), dtype=np.int64)
    for level in range(len(levels) - 1, -1, -1):
        check()
        g = levels[level]
        inside = (nodes[:, 0] < g.shape[0]) & (nodes[:, 1] < g.shape[1])
        nodes = nodes[inside]
        if not len(nodes):
            break
        counts = g[nodes[:, 0], nodes[:, 1]]
        enough = counts.sum(axis=1) >= MIN_TILE_PIXELS
        nodes, counts = nodes[enough], counts[enough]
        if not len(nodes):
            break
        bimodal = is_bimodal(counts, edges)
        kept += list(counts[bimodal].astype(np.int64))
        rest = nodes[~bimodal] * 2
        nodes = np.concatenate([rest + [0, 0], rest + [0, 1], rest + [1, 0], rest + [1, 1]])
    return kept


def split_threshold(
    read_values,
    width: int,
    height: int,
    method: str = "otsu",
    feedback=None,
) -> SplitThreshold:
    """Split-based threshold (Chini et al. 2017) of a raster's values; see the module doc.

    Args:
        read_values: ``read_values(window) -> float array``, NaN where a pixel does not count.
        width: raster width, pixels.
        height: raster height, pixels.
        method: "otsu" or "ki" (Kittler-Illingworth) on the pooled bimodal tiles.
        feedback: cancel checks, or None.

    Returns:
        SplitThreshold: the threshold (None where no tile is bimodal) and how it was found.

    Raises:
        EngineError: an unknown method.
        Cancelled: the user cancelled.
    """
    if method not in METHODS:
        raise EngineError(
            tr("automatic threshold method must be one of {0}, got '{method}'").format(
                ", ".join(METHODS), method=method
            )
        )
    check = _cancel_check(feedback)
    wins = list(windows(width, height))
    lo, hi, n = _value_range(read_values, wins, check)
    leaf = _leaf_size(width, height)
    empty = SplitThreshold(None, method, "fallback", 0, 0, n, leaf)
    if n == 0:
        empty.notes.append(tr("no valid pixel"))
        return empty
    if not hi > lo:
        empty.notes.append(tr("all values equal ({lo:g})").format(lo=lo))
        return empty
    qlo, qhi = _split_range(read_values, wins, lo, hi, check)
    edges = np.linspace(qlo, qhi, SPLIT_BINS + 1)
    grid = _leaf_histograms(read_values, wins, width, height, leaf, qlo, qhi, check)
    kept = _bimodal_tiles(grid, edges, check)
    if not kept:
        return empty
    pooled = np.sum(kept, axis=0)
    threshold_notes = []
    k, applied = None, f"split-{method}"
    if method == "ki":
        k = ki_cut(pooled, edges)
        if k is None:
            threshold_notes.append(tr("Kittler-Illingworth has no minimum between the two modes: Otsu used"))
            applied = "split-otsu (KI undefined)"
    if k is None:
        k = otsu_cut(pooled, edges)
    return SplitThreshold(float(edges[k + 1]), method, applied, len(kept), int(pooled.sum()), n, leaf, threshold_notes)


def band_values(ds, band: int = 1):
    """A ``read_values`` for ``split_threshold``: one band, NaN where nodata, not finite or masked.

    Args:
        ds: an open rasterio dataset.
        band: the 1-based band.

    Returns:
        callable: ``read(window) -> float64 array``.
    """
    facts = mask_facts(ds, [band])

    def read(win):
        v = ds.read(band, window=win).astype(np.float64)
        v[~valid_mask(ds, [band], v, win, facts)] = np.nan
        return v

    return read


def split_threshold_of_raster(path: str, band: int = 1, method: str = "otsu", feedback=None) -> SplitThreshold:
    """``split_threshold`` of one band of a raster (nodata, NaN and masked pixels left out).

    Args:
        path: the raster file.
        band: the 1-based band whose values are thresholded.
        method: "otsu" or "ki" (Kittler-Illingworth) on the pooled bimodal tiles.
        feedback: cancel checks, or None.

    Returns:
        SplitThreshold: as ``split_threshold``.

    Raises:
        rasterio.errors.RasterioIOError: a raster that cannot be opened.
        EngineError: an unknown method (from ``split_threshold``).
        Cancelled: the user cancelled.
    """
    import rasterio

    with rasterio.open(path) as ds:
        return split_threshold(band_values(ds, band), ds.width, ds.height, method, feedback)


# --- what the pixels are ------------------------------------------------------------------------

DB, LINEAR = "db", "linear"
UNITS = (DB, LINEAR)


def unit_name(units: str) -> str:
    """The radar units ("db", "linear") as the log names them, in the user's language."""
    return {DB: "dB", LINEAR: tr("linear power")}[units]


SAMPLE_SIDE = 512  # the sample is a decimated read of at most this many pixels per side


@dataclass
class Backscatter:
    """What radar pixels are judged to be: units ("db" or "linear"), why, and how sure."""

    units: str  # db or linear
    how: str  # why we think so, for the log
    sure: bool


def parse_units(text: str | None) -> str | None:
    """Radar units as the user wrote them, normalised.

    Args:
        text: "dB", "db", "linear", "power", "linear power" ...; empty, "auto" or None.

    Returns:
        str | None: "db" or "linear"; None for empty or automatic.

    Raises:
        EngineError: any other text.
    """
    if text is None:
        return None
    key = re.sub(r"[\s_\-]+", "", str(text).strip().lower())
    if key in ("", "auto", "automatic"):
        return None
    if key in ("db", "decibel", "decibels"):
        return DB
    if key in ("linear", "linearpower", "power", "intensity", "lin"):
        return LINEAR
    raise EngineError(tr("radar units must be dB or linear (power), got '{text}'").format(text=text))


UNIT_TOKENS = re.compile(r"(?i)^(?:units?\s*=\s*)?(db|linear|linear_power|power|intensity)$")


def split_band_map_units(band_map: str | None) -> tuple[str | None, str | None]:
    """The units a BAND_MAP states (``VV=1,VH=2,linear`` or ``units=dB``), taken out of it.

    Args:
        band_map: the BAND_MAP, or None.

    Returns:
        tuple[str | None, str | None]: (the rest of the BAND_MAP, "db"/"linear" or None).

    Raises:
        EngineError: a unit word that ``parse_units`` refuses.
    """
    if not band_map or not band_map.strip():
        return band_map, None
    keep, units = [], None
    for part in re.split(r"[,;\s]+", band_map.strip()):
        m = UNIT_TOKENS.match(part.strip()) if part.strip() else None
        if m:
            units = parse_units(m.group(1))
        elif part.strip():
            keep.append(part.strip())
    return ",".join(keep) or None, units


POL_PATTERN = re.compile(r"(?i)(?:^|[^a-z])(vv|vh|hh|hv)(?:[^a-z]|$)")


def polarisation_band_map(descriptions, band_map: str | None) -> str | None:
    """BAND_MAP entries for VV/VH found in descriptions such as ``Sigma0_VV_db`` (SNAP, ASF).

    Only where the descriptions are not plain ``VV``/``VH`` and no BAND_MAP names them.

    Args:
        descriptions: the raster's band descriptions.
        band_map: the user's BAND_MAP, or None.

    Returns:
        str | None: ``band_map`` with ``VV=n``/``VH=n`` added, or ``band_map`` unchanged.
    """
    if band_map and re.search(r"(?i)\b(vv|vh)\s*=", band_map):
        return band_map
    found = {}
    for i, d in enumerate(descriptions or [], start=1):
        if not d:
            continue
        if d.strip().upper() in ("VV", "VH"):
            return band_map  # plain names: the band matcher finds them
        hits = {m.upper() for m in POL_PATTERN.findall(d)}
        if len(hits) == 1:
            pol = hits.pop()
            if pol in ("VV", "VH"):
                found.setdefault(pol, i)
    if not found:
        return band_map
    extra = ",".join(f"{pol}={i}" for pol, i in sorted(found.items()))
    return f"{band_map},{extra}" if band_map and band_map.strip() else extra


def units_from_descriptions(descriptions, bands: list[int]) -> str | None:
    """The units the band descriptions give: dB or linear (``Sigma0_VV_db``, ``VV_linear``, ``Intensity_VH``).

    Args:
        descriptions: the raster's band descriptions.
        bands: the 1-based bands read.

    Returns:
        str | None: "db" or "linear" where the bands' descriptions agree on one, else None.
    """
    said = set()
    for b in bands:
        d = (descriptions[b - 1] if descriptions and b <= len(descriptions) else None) or ""
        low = d.lower()
        if re.search(r"(?:^|[^a-z])db(?:[^a-z]|$)", low):
            said.add(DB)
        elif re.search(r"linear|intensity", low):
            said.add(LINEAR)
    return said.pop() if len(said) == 1 else None


def check_backscatter(path: str, bands: list[int], units: str | None = None) -> Backscatter:
    """Whether radar pixels are in dB or linear power (see the module doc).

    Judged from ``units`` (stated), the band descriptions, or the values; 8-bit renderings and
    values that are neither are refused.

    Args:
        path: the radar raster.
        bands: the 1-based bands the model reads.
        units: "db" or "linear" where stated, else None.

    Returns:
        Backscatter: the units, why, and whether that is sure.

    Raises:
        EngineError: an 8-bit rendering (uint8, or whole numbers 0-255), too few valid pixels
            to judge, or values that are neither dB nor linear power.
    """
    import rasterio

    name = os.path.basename(path)
    with rasterio.open(path) as ds:
        dtypes = [ds.dtypes[b - 1] for b in bands]
        descriptions = list(ds.descriptions)
        if any(dt == "uint8" for dt in dtypes):
            raise EngineError(
                tr(
                    "{name} is an 8-bit raster (values 0-255): an image rendered for display (a "
                    "screenshot, a map export or a stretched quick-look), not radar backscatter. "
                    "Rendering replaced sigma0 with grey levels, so no water threshold in dB means "
                    "anything there. Export sigma0 as floating point (dB or linear power), e.g. from "
                    "SNAP, ASF or Google Earth Engine's COPERNICUS/S1_GRD."
                ).format(name=name)
            )
        scale = max(1, math.ceil(max(ds.width, ds.height) / SAMPLE_SIDE))
        out_shape = (len(bands), max(1, ds.height // scale), max(1, ds.width // scale))
        sample = ds.read(bands, out_shape=out_shape, masked=True).astype(np.float64)
    values = sample.filled(np.nan).ravel()
    values = values[np.isfinite(values)]
    if units:
        return Backscatter(units, tr("{0} as stated").format(unit_name(units)), True)
    said = units_from_descriptions(descriptions, bands)
    nonzero = values[values != 0]
    if nonzero.size < 10:
        if said:
            return Backscatter(said, tr("{0} from the band descriptions").format(unit_name(said)), True)
        raise EngineError(
            tr("{name}: too few valid pixels to tell whether the backscatter is in dB or linear power").format(
                name=name
            )
        )
    median = float(np.median(nonzero))
    p01, p99 = (float(v) for v in np.quantile(nonzero, [0.01, 0.99]))
    negative = float((nonzero < 0).mean())
    integral = bool(np.all(nonzero == np.round(nonzero)))
    if integral and p01 >= 0 and p99 <= 255 and median >= 1:
        raise EngineError(
            tr(
                "{name} holds whole numbers between 0 and 255 (median {median:g}): an 8-bit "
                "rendering stored in a wider type, not radar backscatter. Export sigma0 as "
                "floating point (dB or linear power)."
            ).format(name=name, median=median)
        )
    facts = tr("median {median:.4g}, 1st-99th percentile {p01:.4g} to {p99:.4g}, {0:.1f} % negative").format(
        100 * negative, median=median, p01=p01, p99=p99
    )
    if said:
        return Backscatter(
            said, tr("{0} from the band descriptions ({facts})").format(unit_name(said), facts=facts), True
        )
    if negative >= 0.5:
        sure = -35.0 <= median <= -3.0 and p99 <= 30.0
        return Backscatter(DB, tr("dB, judged from the values ({facts})").format(facts=facts), sure)
    if median > 0 and p01 > -0.05 and median < 1.0:
        sure = median <= 0.3 and p99 <= 20.0
        return Backscatter(LINEAR, tr("linear power, judged from the values ({facts})").format(facts=facts), sure)
    raise EngineError(
        tr(
            "{name}: the values look neither like backscatter in dB (mostly negative, about "
            "-35 to 0) nor like linear power (positive, mostly below 1): {facts}. "
            "Uncalibrated digital numbers or amplitude need radiometric calibration to "
            "sigma0 first; if the values are sigma0, state the units (RADAR_UNITS, or 'dB' / "
            "'linear' in BAND_MAP)."
        ).format(name=name, facts=facts)
    )


def to_db_vrt(path: str, folder: str, bands: list[int] | None = None) -> str:
    """A VRT showing linear power ``path`` in dB (10 log10 x per pixel, GDAL's ``dB`` pixel function).

    Zeros (no data in most linear products) become -inf, which the engine treats as nodata.

    Args:
        path: the linear-power raster.
        folder: where the VRT is written.
        bands: the 1-based bands to carry, or None for all.

    Returns:
        str: the VRT's path.
    """
    import rasterio

    with rasterio.open(path) as ds:
        count, width, height = ds.count, ds.width, ds.height
        crs = ds.crs.to_wkt() if ds.crs else ""
        gt = ds.transform.to_gdal()
        descriptions = list(ds.descriptions)
        nodatas = list(ds.nodatavals)
        block = ds.block_shapes[0]
    src = escape(os.path.abspath(path))
    parts = [f'<VRTDataset rasterXSize="{width}" rasterYSize="{height}">']
    if crs:
        parts.append(f"<SRS>{escape(crs)}</SRS>")
    parts.append("<GeoTransform>" + ", ".join(repr(float(v)) for v in gt) + "</GeoTransform>")
    for b in range(1, count + 1):
        desc = descriptions[b - 1] or ""
        nodata = nodatas[b - 1]
        parts.append(f'<VRTRasterBand dataType="Float32" band="{b}" subClass="VRTDerivedRasterBand">')
        if desc:
            parts.append(f"<Description>{escape(desc)}</Description>")
        if nodata is not None and not math.isnan(nodata) and nodata != 0:
            # the pixel function sees the source's nodata value like any other value
            parts.append(f"<NoDataValue>{float(np.float32(10.0 * math.log10(abs(nodata))))!r}</NoDataValue>")
        parts.append("<PixelFunctionType>dB</PixelFunctionType>")
        parts.append('<PixelFunctionArguments fact="10"/>')
        parts.append(
            f'<SimpleSource><SourceFilename relativeToVRT="0">{src}</SourceFilename><SourceBand>{b}</SourceBand>'
            f'<SourceProperties RasterXSize="{width}" RasterYSize="{height}" DataType="Float32" '
            f'BlockXSize="{block[1]}" BlockYSize="{block[0]}"/></SimpleSource>'
        )
        parts.append("</VRTRasterBand>")
    parts.append("</VRTDataset>")
    os.makedirs(folder, exist_ok=True)
    out = os.path.join(folder, os.path.splitext(os.path.basename(path))[0] + "_db.vrt")
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("\n".join(parts))
    return out


def radar_band_map(descriptions, band_map: str | None, units: str | None = None) -> tuple[str | None, str | None]:
    """BAND_MAP as the band matcher reads it, and the radar units stated.

    Unit words are taken out of BAND_MAP and VV/VH added from descriptions such as
    ``Sigma0_VV_db``; the units come from ``units`` or BAND_MAP (None: judge from the pixels).

    Args:
        descriptions: the raster's band descriptions.
        band_map: the user's BAND_MAP, or None.
        units: RADAR_UNITS as the user wrote it, or None.

    Returns:
        tuple[str | None, str | None]: (BAND_MAP for the band matcher, "db"/"linear" or None).

    Raises:
        EngineError: unknown units, or units stated twice and different.
    """
    rest, in_map = split_band_map_units(band_map)
    stated = parse_units(units)
    if stated and in_map and stated != in_map:
        raise EngineError(
            tr(
                "the radar units are stated twice and differ: {0} (RADAR_UNITS) and {1} (BAND_MAP); state them once"
            ).format(unit_name(stated), unit_name(in_map))
        )
    return polarisation_band_map(descriptions, rest), stated or in_map
