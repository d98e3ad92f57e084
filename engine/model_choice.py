"""Which model and bands a tool uses for a raster, chosen in one place.

Used by the Processing algorithms (water detection, debris detection, green ratio) and the batch
layer (engine/batch.py), so a batch item gets exactly what the tool gives the same raster.
QGIS-free: the algorithms write the log lines from what these functions return.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass

from .bands import BandResolution, resolve_bands
from .errors import EngineError
from .i18n import tr
from .model import LoadedModel, load_model
from .radar import radar_band_map
from .raster import RasterInfo
from .registry import available_models, resolve_model
from .water import DEFAULT_WATER_MODELS, choose_model, detect_water

DEBRIS_MODELS = {"S2A": "debris_fdi", "S2B": "debris_fdi_s2b"}


@dataclass
class WaterChoice:
    """The water model, its bands, the radar units and BAND_MAP chosen for a raster."""

    model: LoadedModel
    bands: BandResolution
    radar_units: str | None
    chosen_from_bands: bool  # no MODEL given: picked from the raster's bands
    band_map: str | None  # BAND_MAP as the band matcher reads it (radar unit words taken out)


def water_model(
    info: RasterInfo, reference: str | None, band_map: str | None, units: str | None, user_dir: str | None
) -> WaterChoice:
    """satimpact:waterdetection's model: MODEL if given, else the first shipped model the bands allow.

    Radar band names and units are read from the band descriptions.

    Args:
        info: the raster's info.
        reference: MODEL (a name or path), or None.
        band_map: the user's BAND_MAP, or None.
        units: RADAR_UNITS, or None.
        user_dir: the user's models folder, or None.

    Returns:
        WaterChoice: the model and bands.

    Raises:
        CardError: an unknown or invalid model.
        BandError: the raster lacks the bands (of MODEL, or of every shipped water model).
        EngineError: bad radar units.
    """
    band_map, units = radar_band_map(info.descriptions, band_map, units)
    if reference:
        model = load_model(resolve_model(reference, user_dir))
        spec = model.card.inputs[0]
        bands = resolve_bands(spec.bands, info.count, info.descriptions, band_map, spec.sensor)
        return WaterChoice(model, bands, units, False, band_map)
    shipped = available_models(user_dir)
    candidates = [load_model(shipped[n]) for n in DEFAULT_WATER_MODELS if n in shipped]
    model, bands = choose_model(candidates, info.count, info.descriptions, band_map)
    return WaterChoice(model, bands, units, True, band_map)


def dark_water_default(choice: WaterChoice, source: str, info: RasterInfo, user_dir: str | None) -> float | None:
    """Switch the optical default to MNDWI with the scene's own split where water is dark.

    The optical default (water_mndwi_evi, threshold 0) misses dark or turbid water whose MNDWI
    stays below 0: on the demo lake it finds 4.5 % of the patch where the lake is 15 %. When the
    scene's own split of MNDWI (Otsu 1979) lies below 0 and the pixels it calls water are dark in
    the NIR, ``choice`` is switched to water_mndwi and that split is returned as the threshold;
    otherwise (e.g. the Sen1Floods11 chip, split at +0.16) the default stays and None is returned.
    Only for a model chosen from the bands, without THRESHOLD or AUTO_THRESHOLD (the caller's test).

    Args:
        choice: the water choice, changed in place when switched.
        source: the raster.
        info: its info.
        user_dir: the user's models folder, or None.

    Returns:
        float | None: the threshold to use with water_mndwi, or None (default kept).
    """
    if choice.model.card.name != "water_mndwi_evi":
        return None
    import numpy as np
    import rasterio

    band_map = choice.band_map
    mndwi = load_model(available_models(user_dir)["water_mndwi"])
    mndwi_bands = resolve_bands(mndwi.card.inputs[0].bands, info.count, info.descriptions, band_map)
    try:
        nir = resolve_bands(["nir"], info.count, info.descriptions, band_map).indices[0]
    except Exception:  # no NIR band: the darkness check cannot be made, keep the default
        return None
    with tempfile.TemporaryDirectory() as folder:
        probe_path = os.path.join(folder, "probe.tif")
        probe = detect_water(source, mndwi, mndwi_bands.indices, probe_path, auto_threshold=True, auto_method="otsu")
        if probe.threshold is None or probe.threshold >= 0:
            return None
        # the split must separate dark water, not two kinds of land (soil vs crops on a dry
        # scene): the pixels it calls water must be dark in the NIR (median reflectance < 5 %)
        with rasterio.open(probe_path) as mask_ds, rasterio.open(source) as ds:
            step = max(1, int(np.ceil(np.sqrt(ds.width * ds.height / 1_000_000))))
            shape = (max(1, ds.height // step), max(1, ds.width // step))
            wet = mask_ds.read(1, out_shape=shape) == 1
            nir_values = ds.read(nir, out_shape=shape).astype("float64")[wet]
        scale, offset = mndwi.card.inputs[0].scale, mndwi.card.inputs[0].offset
        if nir_values.size == 0 or np.median(nir_values) * scale + offset >= 0.05:
            return None
    choice.model, choice.bands = mndwi, mndwi_bands
    return float(probe.threshold)


@dataclass
class DebrisChoice:
    """The FDI model and the water model chosen for a scene, with their bands."""

    model: LoadedModel
    bands: BandResolution
    water_model: LoadedModel
    water_bands: BandResolution
    platform_guessed: bool  # no MODEL and no platform in the name or tags: Sentinel-2A assumed


def debris_models(
    source: str, info: RasterInfo, reference: str | None, band_map: str | None, user_dir: str | None
) -> DebrisChoice:
    """satimpact:debrisdetection's models: the FDI model and the optical water model for the scene.

    The FDI model is MODEL, or that of the platform named in the file name or tags (Sentinel-2A
    when none is).

    Args:
        source: the scene.
        info: its info.
        reference: MODEL (a name or path), or None.
        band_map: the user's BAND_MAP, or None.
        user_dir: the user's models folder, or None.

    Returns:
        DebrisChoice: the models and bands.

    Raises:
        CardError: an unknown or invalid model.
        BandError: the scene lacks the bands of the FDI model or of every optical water model.
    """
    from .debris import platform_of

    guessed = False
    if not reference:
        platform = platform_of(source, info.tags)
        if platform is None:
            platform, guessed = "S2A", True
        reference = DEBRIS_MODELS[platform]
    fdi_model = load_model(resolve_model(reference, user_dir))
    spec = fdi_model.card.inputs[0]
    fdi_bands = resolve_bands(spec.bands, info.count, info.descriptions, band_map, spec.sensor)
    shipped = available_models(user_dir)
    optical = [load_model(shipped[n]) for n in DEFAULT_WATER_MODELS if n in shipped and n != "water_sdwi"]
    water, water_bands = choose_model(optical, info.count, info.descriptions, band_map)
    return DebrisChoice(fdi_model, fdi_bands, water, water_bands, guessed)


def green_model(
    info: RasterInfo, reference: str | None, band_map: str | None, user_dir: str | None
) -> tuple[LoadedModel, str | None]:
    """satimpact:greenratio's model: MODEL, or NDVI where the raster has red and NIR, else the RGB model.

    Args:
        info: the raster's info.
        reference: MODEL (a name or path), or None.
        band_map: the user's BAND_MAP, or None.
        user_dir: the user's models folder, or None.

    Returns:
        tuple[LoadedModel, str | None]: (the model, why it was chosen; None when MODEL was given).

    Raises:
        BandError: no model fits the raster's bands.
        CardError: an unknown or invalid model.
        EngineError: a model that is not a green model.
    """
    from .green import check_green_model, choose_green_model

    why = None
    if not reference:
        reference, why = choose_green_model(info.count, info.descriptions, band_map)
    model = load_model(resolve_model(reference, user_dir))
    if model.card.task != "green":
        raise EngineError(
            tr(
                "MODEL: '{model_card_name}' is a {model_card_task} model; the green ratio needs "
                "a green model (task 'green'), e.g. green_ndvi or green_rgb"
            ).format(model_card_name=model.card.name, model_card_task=model.card.task)
        )
    check_green_model(model)
    return model, why
