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
    windows,
    write_polygons,
)

FDI_NODATA = -9999.0
HIST_RANGE = (-0.5, 0.5)  # FDI in reflectance units; water is near 0, anything outside is clipped in
HIST_BINS = 20000  # 0.00005 reflectance per bin
DEFAULT_RULES = {"fdi_min": 0.0, "anomaly_z": 3.0, "cloud_red_reflectance": 0.25, "closing_radius_px": 2}


def platform_of(path: str, tags: dict) -> str | None:
    """'S2A' or 'S2B' from the product name in the tags or the file name, else None."""
    texts = [str(v) for k, v in tags.items() if k.upper() in ("PRODUCT_NAME", "SPACECRAFT_NAME", "PRODUCT_URI")]
    texts.append(os.path.basename(path))
    for text in texts:
        m = re.search(r"(?:^|[^A-Za-z0-9])S2([AB])(?:_|$)", text) or re.search(r"Sentinel-2([AB])", text)
        if m:
            return "S2" + m.group(1).upper()
    return None


def rules_of(model: LoadedModel) -> dict:
    rules = dict(DEFAULT_RULES)
    rules.update(model.card.extra.get("rules", {}))
    for key, value in rules.items():
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
            raise EngineError(f"model '{model.card.name}': rule '{key}' in the card must be a number, got {value!r}")
    return rules


@dataclass
class DebrisReport:
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
        return self.flagged_pixels / self.water_pixels if self.water_pixels else 0.0


def _closing(mask: np.ndarray, radius: int) -> np.ndarray:
    """Pixels that the water mask encloses within ``radius`` px: mask | binary closing (only adds)."""
    if radius <= 0:
        return mask
    from scipy.ndimage import binary_closing

    size = 2 * radius + 1
    return mask | binary_closing(mask, structure=np.ones((size, size), dtype=bool))


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
    import rasterio
    from rasterio.windows import Window

    feedback = feedback or Feedback()
    card = fdi_model.card
    if card.task != "debris" or [o.name for o in card.outputs][:2] != ["fdi", "ndvi"]:
        raise EngineError(f"model '{card.name}' is not a floating-debris model (task 'debris' with outputs fdi, ndvi)")
    if water_model.card.task != "water":
        raise EngineError(f"model '{water_model.card.name}' is not a water model")
    rules = rules_of(fdi_model)
    spec = card.inputs[0]
    if spec.bands[0] != "red":
        raise EngineError(f"model '{card.name}': the cloud test needs 'red' as the first band of the card")
    check_output_writable(output)
    if candidates_output:
        check_output_writable(candidates_output)
        vector_driver(candidates_output)

    model_out = temporary_path(output)
    water_index = temporary_path(output)
    water_mask = temporary_path(output)
    cand_mask = temporary_path(output)
    tmp_out = temporary_path(output)
    try:
        feedback.info("Computing FDI and NDVI ...")
        run_model(fdi_model, {spec.name: RasterInput(source, fdi_bands)}, model_out, feedback, options)
        feedback.info(f"Water mask with {water_model.card.name} (its card's default threshold) ...")
        wcard = water_model.card
        run_model(water_model, {wcard.inputs[0].name: RasterInput(source, water_bands)}, water_index, feedback, options)
        if wcard.outputs[0].threshold is None:
            raise EngineError(f"water model '{wcard.name}' gives no default threshold in its card")
        threshold_to_mask(
            water_index, water_mask, wcard.outputs[0].threshold, water_direction(wcard), feedback=feedback
        )

        red_band = fdi_bands[0]
        cloud_level = rules["cloud_red_reflectance"]
        radius = int(rules["closing_radius_px"])
        halo = 2 * radius
        counts = np.zeros(HIST_BINS, dtype=np.int64)
        water_pixels = cloud_pixels = 0
        with rasterio.open(model_out) as fdi_ds, rasterio.open(water_mask) as mask_ds, rasterio.open(source) as src:
            height, width = fdi_ds.height, fdi_ds.width
            red_nodata = src.nodatavals[red_band - 1]
            wins = list(windows(width, height))

            def read_red(win):
                raw = src.read(red_band, window=win, out_dtype="float32")
                red = raw * np.float32(spec.scale) + np.float32(spec.offset)
                cloud = red >= cloud_level
                if red_nodata is not None and not math.isnan(red_nodata):
                    cloud &= raw != red_nodata
                return cloud

            def on_water(win):
                """Water after closing, read with a halo so that windows join seamlessly."""
                y0, x0 = max(0, win.row_off - halo), max(0, win.col_off - halo)
                y1 = min(height, win.row_off + win.height + halo)
                x1 = min(width, win.col_off + win.width + halo)
                big = mask_ds.read(1, window=Window(x0, y0, x1 - x0, y1 - y0))
                closed = _closing(big == WATER, radius)
                r, c = win.row_off - y0, win.col_off - x0
                return closed[r : r + win.height, c : c + win.width]

            # Pass 1: the FDI distribution of the scene's own cloud-free water pixels.
            for win in wins:
                if feedback.is_cancelled():
                    raise Cancelled("cancelled by the user; no output was written")
                fdi = fdi_ds.read(1, window=win)
                valid = fdi != FDI_NODATA
                water = mask_ds.read(1, window=win) == WATER
                cloud = read_red(win) & valid
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
                f"Water FDI: median {median:.5f}, robust sigma {sigma:.5f}; candidates where FDI > {cut:.5f} "
                f"(FDI > {rules['fdi_min']:g} and z > {rules['anomaly_z']:g}); cloud-like where red >= {cloud_level:g}"
            )

            # Pass 2: the FDI output, the candidate mask and the counts.
            flagged = 0
            grid = dict(count=1, crs=fdi_ds.crs, transform=fdi_ds.transform)
            profile = dict(gtiff_profile("float32", size=(width, height)), nodata=FDI_NODATA, **grid)
            mask_profile = dict(gtiff_profile("uint8", size=(width, height)), nodata=MASK_NODATA, **grid)
            with rasterio.open(tmp_out, "w", **profile) as out, rasterio.open(cand_mask, "w", **mask_profile) as cm:
                out.set_band_description(1, "fdi")
                out.update_tags(
                    SATIMPACT_MODEL=card.name,
                    SATIMPACT_TASK="debris",
                    SATIMPACT_FDI_WATER_MEDIAN=repr(median),
                    SATIMPACT_FDI_WATER_SIGMA=repr(sigma),
                    SATIMPACT_FDI_CUT=repr(cut),
                )
                for k, win in enumerate(wins):
                    if feedback.is_cancelled():
                        raise Cancelled("cancelled by the user; no output was written")
                    fdi = fdi_ds.read(1, window=win)
                    valid = fdi != FDI_NODATA
                    cloud = read_red(win)
                    water = on_water(win) & valid & ~cloud
                    candidate = water & (fdi > cut)
                    water_pixels += int(water.sum())
                    flagged += int(candidate.sum())
                    out.write(fdi, 1, window=win)
                    cm.write(np.where(valid, candidate, MASK_NODATA).astype(np.uint8), 1, window=win)
                    feedback.progress(100.0 * (k + 1) / len(wins))

        n_candidates = None
        if candidates_output:
            with rasterio.open(model_out) as fdi_ds:
                from rasterio.features import geometry_mask

                def attributes(pixel_poly, world_poly):
                    minx, miny, maxx, maxy = (int(round(v)) for v in pixel_poly.bounds)
                    win = Window(minx, miny, maxx - minx, maxy - miny)
                    fdi = fdi_ds.read(1, window=win)
                    ndvi = fdi_ds.read(2, window=win)
                    from affine import Affine

                    inside = ~geometry_mask([pixel_poly], (maxy - miny, maxx - minx), Affine.translation(minx, miny))
                    f, v = fdi[inside], ndvi[inside]
                    return {
                        "fdi": round(float(f.mean()), 6),
                        "fdi_max": round(float(f.max()), 6),
                        "ndvi": round(float(v.mean()), 6),
                        # robust z-score of the patch's strongest pixel among the scene's water
                        "score": round(float((f.max() - median) / sigma), 3),
                    }

                n_candidates, _, _ = write_polygons(
                    cand_mask,
                    candidates_output,
                    0.0,
                    1,
                    attributes=attributes,
                    extra_schema={"fdi": "float", "fdi_max": "float", "ndvi": "float", "score": "float"},
                    feedback=feedback,
                )
        commit_output(tmp_out, output)
        report = DebrisReport(
            model=card.name,
            water_model=wcard.name,
            water_pixels=water_pixels,
            cloud_pixels=cloud_pixels,
            flagged_pixels=flagged,
            candidates=n_candidates,
            fdi_median=median,
            fdi_sigma=sigma,
            fdi_cut=cut,
        )
        feedback.info(
            f"{flagged} of {water_pixels} cloud-free water pixels flagged ({100.0 * report.flagged_share:.3f} %)"
            + (f" in {n_candidates} candidate patches" if n_candidates is not None else "")
            + f"; {cloud_pixels} cloud-like pixels left out"
        )
        return report
    finally:
        for path in (model_out, water_index, water_mask, cand_mask, tmp_out):
            remove_quietly(path)
