"""Floating debris candidates from the Floating Debris Index (Biermann et al. 2020), on water only.

The FDI model (``models/debris_fdi*.onnx``) gives FDI and NDVI per pixel; a water model gives
the water mask. A pixel is a debris candidate when it is on water, not cloud-like, its FDI is
positive (NIR above the red-edge/SWIR baseline) and it is a robust outlier among the scene's
own water pixels. The rules and their constants live in the FDI model's card
(``extra.rules``), so a different model can carry different ones. Every pass reads windows.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass

import numpy as np

from .errors import Cancelled, EngineError
from .geo import windows
from .i18n import tr
from .model import LoadedModel
from .raster import check_output_writable, commit_output, gtiff_profile, remove_quietly, temporary_path
from .runner import Feedback, RasterInput, RunOptions, run_model
from .water import (
    MASK_NODATA,
    WATER,
    histogram_quantiles,
    threshold_to_mask,
    vector_driver,
    water_direction,
    write_polygons,
)

FDI_NODATA = -9999.0
HIST_RANGE = (-0.5, 0.5)  # FDI in reflectance units; water is near 0, anything outside is clipped in
HIST_BINS = 20000  # 0.00005 reflectance per bin
DEFAULT_RULES = {"fdi_min": 0.0, "anomaly_z": 3.0, "cloud_red_reflectance": 0.25, "closing_radius_px": 2}


def platform_of(path: str, tags: dict) -> str | None:
    """The Sentinel-2 satellite of a scene, from its product name in the tags or the file name.

    Args:
        path: the raster's path.
        tags: the raster's dataset tags (PRODUCT_NAME, SPACECRAFT_NAME, PRODUCT_URI are read).

    Returns:
        str | None: "S2A" or "S2B", None where neither says.
    """
    texts = [str(v) for k, v in tags.items() if k.upper() in ("PRODUCT_NAME", "SPACECRAFT_NAME", "PRODUCT_URI")]
    texts.append(os.path.basename(path))
    for text in texts:
        m = re.search(r"(?:^|[^A-Za-z0-9])S2([AB])(?:_|$)", text) or re.search(r"Sentinel-2([AB])", text)
        if m:
            return "S2" + m.group(1).upper()
    return None


def rules_of(model: LoadedModel) -> dict:
    """The debris rules of an FDI model: ``DEFAULT_RULES`` updated with the card's ``extra.rules``.

    Args:
        model: the FDI model.

    Returns:
        dict: rule name -> number.

    Raises:
        EngineError: a rule in the card is not a finite number.
    """
    rules = dict(DEFAULT_RULES)
    rules.update(model.card.extra.get("rules", {}))
    for key, value in rules.items():
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
            raise EngineError(
                tr("model '{model_card_name}': rule '{key}' in the card must be a number, got {value!r}").format(
                    model_card_name=model.card.name, key=key, value=value
                )
            )
    return rules


@dataclass
class DebrisReport:
    """What ``detect_debris`` returns: the counts and the FDI cut it applied."""

    model: str
    water_model: str
    water_pixels: int  # valid, cloud-free pixels on water (after closing), the denominator
    cloud_pixels: int
    flagged_pixels: int
    candidates: int | None
    fdi_median: float
    fdi_sigma: float
    fdi_cut: float

    @property
    def flagged_share(self) -> float:
        """Flagged over cloud-free water pixels (0 without water)."""
        return self.flagged_pixels / self.water_pixels if self.water_pixels else 0.0


def _closing(mask: np.ndarray, radius: int) -> np.ndarray:
    """Pixels that the water mask encloses within ``radius`` px: mask | binary closing (only adds)."""
    if radius <= 0:
        return mask
    from scipy.ndimage import binary_closing

    size = 2 * radius + 1
    return mask | binary_closing(mask, structure=np.ones((size, size), dtype=bool))


# detect_debris runs in steps: check the models, run them (FDI/NDVI and the water mask), learn the
# FDI distribution of the scene's own water (pass 1), flag the outliers (pass 2), then polygonise.
# Both passes read the same windows; nothing holds the whole scene.


def _check_models(fdi_model: LoadedModel, water_model: LoadedModel) -> dict:
    """The FDI model's rules, once both models are known to be what the tool needs."""
    card = fdi_model.card
    if card.task != "debris" or [o.name for o in card.outputs][:2] != ["fdi", "ndvi"]:
        raise EngineError(
            tr("model '{card_name}' is not a floating-debris model (task 'debris' with outputs fdi, ndvi)").format(
                card_name=card.name
            )
        )
    if water_model.card.task != "water":
        raise EngineError(
            tr("model '{water_model_card_name}' is not a water model").format(
                water_model_card_name=water_model.card.name
            )
        )
    rules = rules_of(fdi_model)
    if card.inputs[0].bands[0] != "red":
        raise EngineError(
            tr("model '{card_name}': the cloud test needs 'red' as the first band of the card").format(
                card_name=card.name
            )
        )
    return rules


def _run_models(source, fdi_model, fdi_bands, water_model, water_bands, paths: dict, feedback, options) -> None:
    """FDI and NDVI into ``paths['fdi']``, the water model's index and its thresholded mask."""
    spec = fdi_model.card.inputs[0]
    feedback.info(tr("Computing FDI and NDVI ..."))
    run_model(fdi_model, {spec.name: RasterInput(source, fdi_bands)}, paths["fdi"], feedback, options)
    wcard = water_model.card
    feedback.info(tr("Water mask with {wcard_name} (its card's default threshold) ...").format(wcard_name=wcard.name))
    run_model(
        water_model, {wcard.inputs[0].name: RasterInput(source, water_bands)}, paths["water_index"], feedback, options
    )
    if wcard.outputs[0].threshold is None:
        raise EngineError(
            tr("water model '{wcard_name}' gives no default threshold in its card").format(wcard_name=wcard.name)
        )
    threshold_to_mask(
        paths["water_index"], paths["water_mask"], wcard.outputs[0].threshold, water_direction(wcard), feedback=feedback
    )


class _Scene:
    """The FDI output, the water mask and the source's red band, read window by window."""

    def __init__(self, fdi_ds, mask_ds, src, spec, red_band: int, rules: dict):
        self.fdi_ds, self.mask_ds, self.src = fdi_ds, mask_ds, src
        self.height, self.width = fdi_ds.height, fdi_ds.width
        self.spec = spec
        self.red_band = red_band
        self.red_nodata = src.nodatavals[red_band - 1]
        self.cloud_level = rules["cloud_red_reflectance"]
        self.radius = int(rules["closing_radius_px"])
        self.halo = 2 * self.radius

    def fdi(self, win) -> tuple[np.ndarray, np.ndarray]:
        """The FDI of a window and where it is valid."""
        fdi = self.fdi_ds.read(1, window=win)
        return fdi, fdi != FDI_NODATA

    def cloud(self, win) -> np.ndarray:
        """Cloud-like pixels: red reflectance at or above the rule's level (not red nodata)."""
        raw = self.src.read(self.red_band, window=win, out_dtype="float32")
        red = raw * np.float32(self.spec.scale) + np.float32(self.spec.offset)
        cloud = red >= self.cloud_level
        if self.red_nodata is not None and not math.isnan(self.red_nodata):
            cloud &= raw != self.red_nodata
        return cloud

    def water(self, win) -> np.ndarray:
        """The water mask as thresholded (pass 1 learns from open water only)."""
        return self.mask_ds.read(1, window=win) == WATER

    def water_closed(self, win) -> np.ndarray:
        """Water after closing, read with a halo so that windows join seamlessly."""
        from rasterio.windows import Window

        halo = self.halo
        y0, x0 = max(0, win.row_off - halo), max(0, win.col_off - halo)
        y1 = min(self.height, win.row_off + win.height + halo)
        x1 = min(self.width, win.col_off + win.width + halo)
        big = self.mask_ds.read(1, window=Window(x0, y0, x1 - x0, y1 - y0))
        closed = _closing(big == WATER, self.radius)
        r, c = win.row_off - y0, win.col_off - x0
        return closed[r : r + win.height, c : c + win.width]


@dataclass
class _WaterFdi:
    """The FDI distribution of the scene's cloud-free water and the cut it gives."""

    median: float
    sigma: float
    cut: float
    cloud_pixels: int


def _learn_water_fdi(scene: _Scene, wins: list, rules: dict, feedback: Feedback) -> _WaterFdi:
    """Pass 1: a fine histogram of the FDI over valid, cloud-free water (bounded memory)."""
    counts = np.zeros(HIST_BINS, dtype=np.int64)
    cloud_pixels = 0
    for win in wins:
        if feedback.is_cancelled():
            raise Cancelled(tr("cancelled by the user; no output was written"))
        fdi, valid = scene.fdi(win)
        water = scene.water(win)
        cloud = scene.cloud(win) & valid
        cloud_pixels += int(cloud.sum())
        sample = fdi[valid & water & ~cloud]
        counts += np.histogram(np.clip(sample, *HIST_RANGE), bins=HIST_BINS, range=HIST_RANGE)[0]
    edges = np.linspace(HIST_RANGE[0], HIST_RANGE[1], HIST_BINS + 1)
    if counts.sum() > 0:
        q25, median, q75 = histogram_quantiles(counts, edges, (0.25, 0.5, 0.75))
        # robust sigma (IQR / 1.349), floored at a few bins so that a flat scene has no zero spread
        sigma = max((q75 - q25) / 1.349, 4 * (edges[1] - edges[0]))
    else:
        median, sigma = 0.0, float("nan")
    cut = max(rules["fdi_min"], median + rules["anomaly_z"] * sigma) if counts.sum() else math.inf
    feedback.info(
        tr(
            "Water FDI: median {median:.5f}, robust sigma {sigma:.5f}; candidates where FDI "
            "> {cut:.5f} (FDI > {0:g} and z > {1:g}); cloud-like where red >= "
            "{scene_cloud_level:g}"
        ).format(
            rules["fdi_min"],
            rules["anomaly_z"],
            median=median,
            sigma=sigma,
            cut=cut,
            scene_cloud_level=scene.cloud_level,
        )
    )
    return _WaterFdi(median, sigma, cut, cloud_pixels)


def _flag_outliers(scene: _Scene, wins: list, learnt: _WaterFdi, model_name: str, paths: dict, feedback):
    """Pass 2: the FDI output and the candidate mask; returns (water pixels, flagged pixels)."""
    import rasterio

    water_pixels = flagged = 0
    width, height = scene.width, scene.height
    grid = dict(count=1, crs=scene.fdi_ds.crs, transform=scene.fdi_ds.transform)
    profile = dict(gtiff_profile("float32", size=(width, height)), nodata=FDI_NODATA, **grid)
    mask_profile = dict(gtiff_profile("uint8", size=(width, height)), nodata=MASK_NODATA, **grid)
    with (
        rasterio.open(paths["output"], "w", **profile) as out,
        rasterio.open(paths["candidates"], "w", **mask_profile) as cm,
    ):
        out.set_band_description(1, "fdi")
        out.update_tags(
            SATIMPACT_MODEL=model_name,
            SATIMPACT_TASK="debris",
            SATIMPACT_FDI_WATER_MEDIAN=repr(learnt.median),
            SATIMPACT_FDI_WATER_SIGMA=repr(learnt.sigma),
            SATIMPACT_FDI_CUT=repr(learnt.cut),
        )
        for k, win in enumerate(wins):
            if feedback.is_cancelled():
                raise Cancelled(tr("cancelled by the user; no output was written"))
            fdi, valid = scene.fdi(win)
            water = scene.water_closed(win) & valid & ~scene.cloud(win)
            candidate = water & (fdi > learnt.cut)
            water_pixels += int(water.sum())
            flagged += int(candidate.sum())
            out.write(fdi, 1, window=win)
            cm.write(np.where(valid, candidate, MASK_NODATA).astype(np.uint8), 1, window=win)
            feedback.progress(100.0 * (k + 1) / len(wins))
    return water_pixels, flagged


def _candidate_polygons(paths: dict, candidates_output: str, learnt: _WaterFdi, feedback) -> int:
    """Candidate patches as polygons with their mean FDI and NDVI and a robust z-score."""
    import rasterio
    from affine import Affine
    from rasterio.features import geometry_mask
    from rasterio.windows import Window

    with rasterio.open(paths["fdi"]) as fdi_ds:

        def attributes(pixel_poly, world_poly):
            minx, miny, maxx, maxy = (int(round(v)) for v in pixel_poly.bounds)
            win = Window(minx, miny, maxx - minx, maxy - miny)
            fdi = fdi_ds.read(1, window=win)
            ndvi = fdi_ds.read(2, window=win)
            inside = ~geometry_mask([pixel_poly], (maxy - miny, maxx - minx), Affine.translation(minx, miny))
            f, v = fdi[inside], ndvi[inside]
            return {
                "fdi": round(float(f.mean()), 6),
                "fdi_max": round(float(f.max()), 6),
                "ndvi": round(float(v.mean()), 6),
                # robust z-score of the patch's strongest pixel among the scene's water
                "score": round(float((f.max() - learnt.median) / learnt.sigma), 3),
            }

        n_candidates, _, _ = write_polygons(
            paths["candidates"],
            candidates_output,
            0.0,
            1,
            attributes=attributes,
            extra_schema={"fdi": "float", "fdi_max": "float", "ndvi": "float", "score": "float"},
            feedback=feedback,
        )
    return n_candidates


def detect_debris(
    source: str,
    fdi_model: LoadedModel,
    fdi_bands: list[int],
    water_model: LoadedModel,
    water_bands: list[int],
    output: str,
    candidates_output: str | None = None,
    feedback: Feedback | None = None,
    options: RunOptions | None = None,
) -> DebrisReport:
    """Floating-debris candidates: FDI outliers on the scene's own cloud-free water.

    Args:
        source: the Sentinel-2 scene.
        fdi_model: the FDI model (task "debris", outputs fdi and ndvi, red first).
        fdi_bands: the 1-based bands the FDI model reads, in its input order.
        water_model: the water model giving the water mask (its card's default threshold).
        water_bands: the 1-based bands the water model reads.
        output: the FDI raster (GeoTIFF).
        candidates_output: where to write candidate polygons (with fdi, fdi_max, ndvi, score),
            or None.
        feedback: progress, cancel and messages.
        options: how the models run (tiles, threads, memory).

    Returns:
        DebrisReport: water, cloud and flagged pixel counts, candidates, the FDI statistics.

    Raises:
        EngineError: a model of the wrong task or outputs, a rule that is not a number, a water
            model without a default threshold, an unwritable output or unknown vector format.
        Cancelled: the user cancelled (no output is left behind).
    """
    import rasterio

    feedback = feedback or Feedback()
    rules = _check_models(fdi_model, water_model)
    check_output_writable(output)
    if candidates_output:
        check_output_writable(candidates_output)
        vector_driver(candidates_output)
    # every intermediate sits next to the output under a temporary name, removed whatever happens
    paths = {key: temporary_path(output) for key in ("fdi", "water_index", "water_mask", "candidates", "output")}
    try:
        _run_models(source, fdi_model, fdi_bands, water_model, water_bands, paths, feedback, options)
        with (
            rasterio.open(paths["fdi"]) as fdi_ds,
            rasterio.open(paths["water_mask"]) as mask_ds,
            rasterio.open(source) as src,
        ):
            scene = _Scene(fdi_ds, mask_ds, src, fdi_model.card.inputs[0], fdi_bands[0], rules)
            wins = list(windows(scene.width, scene.height))
            learnt = _learn_water_fdi(scene, wins, rules, feedback)
            water_pixels, flagged = _flag_outliers(scene, wins, learnt, fdi_model.card.name, paths, feedback)
        n_candidates = _candidate_polygons(paths, candidates_output, learnt, feedback) if candidates_output else None
        commit_output(paths["output"], output)
        report = DebrisReport(
            model=fdi_model.card.name,
            water_model=water_model.card.name,
            water_pixels=water_pixels,
            cloud_pixels=learnt.cloud_pixels,
            flagged_pixels=flagged,
            candidates=n_candidates,
            fdi_median=learnt.median,
            fdi_sigma=learnt.sigma,
            fdi_cut=learnt.cut,
        )
        feedback.info(
            tr("{flagged} of {water_pixels} cloud-free water pixels flagged ({0:.3f} %)").format(
                100.0 * report.flagged_share, flagged=flagged, water_pixels=water_pixels
            )
            + (
                tr(" in {n_candidates} candidate patches").format(n_candidates=n_candidates)
                if n_candidates is not None
                else ""
            )
            + tr("; {learnt_cloud_pixels} cloud-like pixels left out").format(learnt_cloud_pixels=learnt.cloud_pixels)
        )
        return report
    finally:
        for path in paths.values():
            remove_quietly(path)
