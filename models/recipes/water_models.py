"""Recipe: surface-water and floating-debris models (pixelwise formulas, exact, no training).

Every model is a handful of element-wise ONNX operators written by hand, so the
graph computes the published formula and nothing else. Thresholds come from the
cited papers, not from the test chip; the figures measured on the Sen1Floods11
chip are recorded in each card (``METRICS``) and re-measured by
``tests/processing/test_water.py`` / ``tests/processing/test_debris.py``, which fail if a card's figure
drifts from what the tool measures.
"""

from __future__ import annotations

import math
import os

import onnx
from onnx import helper

from .onnx_builders import (
    build_model,
    card_base,
    const,
    normalized_difference_nodes,
    split_bands,
    tensor_input,
    tensor_output,
)

CHIP = (
    "Sen1Floods11 hand-labelled chip Spain_7370579 (512x512 px, ~10 m, EPSG:4326; Sentinel-2 L1C "
    "and Sentinel-1 GRD in dB), against LabelHand with its no-data pixels (-1) excluded; "
    "Bonafilia et al. 2020, CC BY 4.0. One chip only: indicative, not a benchmark."
)

# Central wavelengths in nm (Sentinel-2 MSI spectral response functions, ESA; as listed in
# shared/data/README.md). FDI must use the sensor's own values: they differ between S2A and S2B.
WAVELENGTHS_NM = {
    "S2A": {"B4": 664.6, "B6": 740.5, "B8": 832.8, "B11": 1613.7},
    "S2B": {"B4": 665.0, "B6": 739.1, "B8": 833.0, "B11": 1610.4},
}

# Figures measured with satimpact:waterdetection / satimpact:debrisdetection on CHIP
# (tests/processing/test_water.py and tests/processing/test_debris.py re-measure them and check these values).
METRICS = {
    "water_mndwi_evi": {"iou_default": 0.7823, "iou_otsu": 0.5772},
    "water_mndwi": {"iou_default": 0.6124, "iou_otsu": 0.7199},
    "water_ndwi": {"iou_default": 0.6763, "iou_otsu": 0.6921},
    # radar: measured on the chip with one band removed (a 1-band copy) for the single-polarisation models
    "water_sdwi": {"iou_default": 0.5927, "iou_otsu": 0.5926, "iou_fixed": 0.5927},
    "water_s1_vv": {"iou_default": 0.5684, "iou_otsu": 0.5684, "iou_fixed": 0.5611},
    "water_s1_vh": {"iou_default": 0.5616, "iou_otsu": 0.5616, "iou_fixed": 0.5649},
}
DEBRIS_METRICS = {"flagged_water_share": 0.0168}

REFLECTANCE = {
    "scale": 0.0001,
    "offset": 0.0,
    "resolution_m": [5.0, 100.0],
}


def _metrics(name: str) -> list[dict]:
    m = METRICS[name]
    return [
        {"name": "IoU (water), default threshold", "value": m["iou_default"], "data": CHIP},
        {"name": "IoU (water), AUTO_THRESHOLD (Otsu)", "value": m["iou_otsu"], "data": CHIP},
    ]


def _optical_card(name, title, bands, output, threshold, citation, description, caveats, extra=None):
    return card_base(
        name=name,
        title=title,
        version="1.0.0",
        task="water",
        citation=citation,
        data="No training: a fixed published formula and threshold. " + description,
        caveats=caveats,
        description=description,
        model_type="dense",
        inputs=[{"name": "image", "bands": bands, **REFLECTANCE}],
        tiling={"tile_size": 512, "overlap": 0, "merge": "none"},
        outputs=[
            {
                "name": output,
                "kind": "index",
                "units": "",
                "nodata": -9999.0,
                "threshold": threshold,
                "band_names": [output],
                "description": f"water where {output} > threshold",
            }
        ],
        metrics=_metrics(name),
        extra={"water_if": "above", "sensors": ["sentinel2", "landsat89", "landsat7"], **(extra or {})},
    )


COMMON_CAVEATS = (
    "Reflectance is expected as integers x 10000 (Sentinel-2 L1C/L2A up to processing baseline 03.xx, "
    "Landsat Collection 1 surface reflectance). Clouds, cloud shadows, terrain shadow, snow and dark "
    "asphalt are confused with water; a single scene-wide threshold cannot fit every scene (use "
    "AUTO_THRESHOLD or THRESHOLD). "
)


def ndwi_model() -> onnx.ModelProto:
    nodes, inits = split_bands("image", ["green", "nir"])
    nd, nd_inits = normalized_difference_nodes("green", "nir", "ndwi")
    card = _optical_card(
        "water_ndwi",
        "Water: NDWI (McFeeters 1996), green/NIR",
        ["green", "nir"],
        "ndwi",
        0.0,
        "McFeeters, S.K. (1996) The use of the Normalized Difference Water Index (NDWI) in the delineation "
        "of open water features. International Journal of Remote Sensing 17(7), 1425-1432.",
        "NDWI = (green - NIR) / (green + NIR); water where NDWI > 0. For sensors without a SWIR band "
        "(RGBN aerial or PlanetScope-like imagery) or as a second opinion.",
        COMMON_CAVEATS + "Without SWIR, built-up areas and turbid or vegetated flood water are poorly "
        "separated; prefer water_mndwi_evi or water_mndwi where SWIR exists.",
        {"sensors": ["sentinel2", "landsat89", "landsat7", "rgbn"]},
    )
    return build_model(nodes + nd, [tensor_input("image", 2)], [tensor_output("ndwi")], card, inits + nd_inits)


def mndwi_model() -> onnx.ModelProto:
    nodes, inits = split_bands("image", ["green", "swir16"])
    nd, nd_inits = normalized_difference_nodes("green", "swir16", "mndwi")
    card = _optical_card(
        "water_mndwi",
        "Water: MNDWI (Xu 2006), green/SWIR 1.6 um",
        ["green", "swir16"],
        "mndwi",
        0.0,
        "Xu, H. (2006) Modification of normalised difference water index (NDWI) to enhance open water "
        "features in remotely sensed imagery. International Journal of Remote Sensing 27(14), 3025-3033.",
        "MNDWI = (green - SWIR1) / (green + SWIR1); water where MNDWI > 0. Sentinel-2 B3/B11, "
        "Landsat 8/9 B3/B6, Landsat 7 B2/B5.",
        COMMON_CAVEATS + "On top-of-atmosphere (L1C) data, haze raises green more than SWIR and "
        "pushes land above 0: the plain index over-detects water there (see the measured IoU).",
    )
    return build_model(nodes + nd, [tensor_input("image", 2)], [tensor_output("mndwi")], card, inits + nd_inits)


def mndwi_evi_model() -> onnx.ModelProto:
    """Zou et al.: water where (MNDWI > NDVI or MNDWI > EVI) and EVI < 0.1, as one score.

    score = min(max(MNDWI - NDVI, MNDWI - EVI), 0.1 - EVI) is > 0 exactly where the rule
    says water, so the rule becomes an index with threshold 0 that Otsu can also work on.
    """
    nodes, inits = split_bands("image", ["blue", "green", "red", "nir", "swir16"])
    m_nodes, m_inits = normalized_difference_nodes("green", "swir16", "mndwi", prefix="m")
    v_nodes, v_inits = normalized_difference_nodes("nir", "red", "ndvi", prefix="v")
    evi = [
        # EVI = 2.5 (NIR - red) / (NIR + 6 red - 7.5 blue + 1), Huete et al. 2002
        helper.make_node("Sub", ["nir", "red"], ["e_diff"]),
        helper.make_node("Mul", ["e_diff", "c_2_5"], ["e_num"]),
        helper.make_node("Mul", ["red", "c_6"], ["e_red6"]),
        helper.make_node("Mul", ["blue", "c_7_5"], ["e_blue75"]),
        helper.make_node("Add", ["nir", "e_red6"], ["e_d1"]),
        helper.make_node("Sub", ["e_d1", "e_blue75"], ["e_d2"]),
        helper.make_node("Add", ["e_d2", "c_1"], ["e_den"]),
        helper.make_node("Abs", ["e_den"], ["e_den_abs"]),
        helper.make_node("Less", ["e_den_abs", "c_eps"], ["e_tiny"]),
        helper.make_node("Div", ["e_num", "e_den"], ["e_ratio"]),
        # A vanishing denominator (very bright blue: cloud, snow) gives no EVI; 0 keeps it finite.
        helper.make_node("Where", ["e_tiny", "c_0", "e_ratio"], ["evi"]),
        helper.make_node("Sub", ["mndwi", "ndvi"], ["s_a"]),
        helper.make_node("Sub", ["mndwi", "evi"], ["s_b"]),
        helper.make_node("Max", ["s_a", "s_b"], ["s_either"]),
        helper.make_node("Sub", ["c_0_1", "evi"], ["s_evi"]),
        helper.make_node("Min", ["s_either", "s_evi"], ["water_score"]),
    ]
    consts = [
        const("c_2_5", 2.5),
        const("c_6", 6.0),
        const("c_7_5", 7.5),
        const("c_1", 1.0),
        const("c_eps", 1e-6),
        const("c_0", 0.0),
        const("c_0_1", 0.1),
    ]
    card = _optical_card(
        "water_mndwi_evi",
        "Water: MNDWI with vegetation tests (Zou et al. 2017/2018)",
        ["blue", "green", "red", "nir", "swir16"],
        "water_score",
        0.0,
        "Zou, Z., Dong, J., Menarguez, M.A. et al. (2017) Continued decrease of open surface water body "
        "area in Oklahoma during 1984-2015. Science of the Total Environment 595, 451-460; "
        "Zou, Z., Xiao, X., Dong, J. et al. (2018) Divergent trends of open-surface water body area in "
        "the contiguous United States from 1984 to 2016. PNAS 115(15), 3810-3815. "
        "MNDWI: Xu (2006) IJRS 27(14); EVI: Huete et al. (2002) Remote Sens. Environ. 83, 195-213.",
        "Open surface water where (MNDWI > NDVI or MNDWI > EVI) and EVI < 0.1, written as the score "
        "min(max(MNDWI - NDVI, MNDWI - EVI), 0.1 - EVI) > 0. The vegetation tests remove the "
        "vegetated and hazy land that the plain MNDWI > 0 calls water. Needs blue, green, red, NIR "
        "and SWIR 1.6 um: Sentinel-2, Landsat 8/9, Landsat 7.",
        COMMON_CAVEATS + "EVI uses absolute reflectance, so the x 10000 scaling matters here (Landsat "
        "Collection 2 Level-2 and Sentinel-2 baseline >= 04.00 data need rescaling first). Water with "
        "dense floating or emergent vegetation is excluded by design (EVI >= 0.1).",
    )
    return build_model(
        nodes + m_nodes + v_nodes + evi,
        [tensor_input("image", 5)],
        [tensor_output("water_score")],
        card,
        inits + m_inits + v_inits + consts,
    )


SDWI_DB_THRESHOLD = -math.exp(4.0) / math.sqrt(10.0)  # -17.2652 dB: SDWI = 0 where VV = VH

# Fixed thresholds of the single-polarisation models, used only where no tile of a scene has a
# bimodal histogram (the automatic, split-based threshold is their default). Conventional round
# values for calm open water in Sentinel-1 IW GRD sigma0, fixed before any measurement on the test
# chip (its IoU at these values is recorded in the cards, never used to choose them).
SINGLE_POL_FIXED_DB = {"VV": -15.0, "VH": -22.0}

RADAR_CAVEATS = (
    "Sentinel-1 GRD sigma0, terrain-corrected, in dB (linear power is converted by the tools: "
    "RADAR_UNITS, or detected from the values). Radar caveats: wind- or rain-roughened water is bright "
    "and is missed; flooded vegetation and flooded towns brighten by double bounce and are missed; smooth "
    "dry surfaces (sand, tarmac, dry bare fields) and radar shadow look like water. Speckle gives "
    "salt-and-pepper noise; use MIN_AREA for polygons. "
)
S1_CITATIONS = (
    "Otsu, N. (1979) A threshold selection method from gray-level histograms. IEEE Trans. SMC 9(1), 62-66. "
    "Kittler, J., Illingworth, J. (1986) Minimum error thresholding. Pattern Recognition 19(1), 41-47. "
    "Martinis, S., Twele, A., Voigt, S. (2009) Towards operational near real-time flood detection using a "
    "split-based automatic thresholding procedure on high resolution TerraSAR-X data. NHESS 9, 303-314. "
    "Chini, M., Hostache, R., Giustarini, L., Matgen, P. (2017) A hierarchical split-based approach for "
    "parametric thresholding of SAR images: flood inundation as a test case. IEEE TGRS 55(12), 6975-6988."
)


def _radar_metrics(name: str) -> list[dict]:
    m = METRICS[name]
    return [
        {"name": "IoU (water), default threshold", "value": m["iou_default"], "data": CHIP},
        {"name": "IoU (water), AUTO_THRESHOLD (split-based Otsu)", "value": m["iou_otsu"], "data": CHIP},
        {"name": "IoU (water), fixed threshold", "value": m["iou_fixed"], "data": CHIP},
    ]


def _s1_input(bands: list[str]) -> dict:
    return {
        "name": "image",
        "bands": bands,
        "scale": 1.0,
        "offset": 0.0,
        "resolution_m": [5.0, 100.0],
        "sensor": "sentinel1",
    }


def sdwi_model() -> onnx.ModelProto:
    """Dual-polarisation water: the mean of VV and VH in dB, water below -17.27 dB.

    Version 1 computed SDWI (Jia et al. 2019), ln(10 VV VH) - 8 with VV, VH in dB, as -sqrt(VV VH):
    a product of dB values is anchored at 0 dB, so it had to cap values at -0.01 dB and its
    automatic threshold moved with the scene's dB range (a calibration offset changed the mask).
    The mean of the dB values is 10 log10 of the geometric mean of the linear backscatters: a
    constant offset of the data moves it by that offset, so the split-based threshold moves with
    it and the mask does not. The fixed threshold is SDWI's own boundary where VV = VH.
    """
    nodes, inits = split_bands("image", ["VV", "VH"])
    nodes += [
        helper.make_node("Add", ["VV", "VH"], ["pol_sum"]),
        helper.make_node("Mul", ["pol_sum", "c_half"], ["backscatter_db"]),
    ]
    inits += [const("c_half", 0.5)]
    card = card_base(
        name="water_sdwi",
        title="Water: Sentinel-1 VV + VH backscatter (dual polarisation, dB)",
        version="2.0.0",
        task="water",
        citation="Jia, S., Xue, D., Li, C., Zheng, J., Li, W. (2019) Study on new method for water area "
        "information extraction based on Sentinel-1 data. Yangtze River 50(2), 213-217 (SDWI, whose "
        "boundary at VV = VH gives the fixed threshold). " + S1_CITATIONS,
        data="No training: a fixed formula. The output is (VV + VH) / 2 with both in dB, i.e. the geometric "
        "mean of the two linear backscatters in dB; water below the threshold. The fixed threshold "
        f"{SDWI_DB_THRESHOLD:.4f} dB (= -e^4 / sqrt(10)) is where the SDWI rule ln(10 VV VH) - 8 > 0 "
        "crosses VV = VH. Version 2.0.0 replaced the product of dB values of version 1 (see the caveats).",
        caveats=RADAR_CAVEATS + "Version 1 (SDWI as -sqrt(VV x VH), values capped at -0.01 dB) gave an "
        "automatic threshold that moved with the scene's dB range; version 2 is shift-equivariant.",
        description="Open water from Sentinel-1 VV and VH backscatter: the mean of the two in dB, water "
        "below the threshold (card default: SDWI's boundary, -17.27 dB). AUTO_THRESHOLD: split-based "
        "threshold (Otsu or Kittler-Illingworth on the tiles whose histogram is bimodal).",
        model_type="dense",
        inputs=[_s1_input(["VV", "VH"])],
        tiling={"tile_size": 512, "overlap": 0, "merge": "none"},
        outputs=[
            {
                "name": "backscatter_db",
                "kind": "backscatter",
                "units": "dB",
                "nodata": -9999.0,
                "threshold": round(SDWI_DB_THRESHOLD, 4),
                "band_names": ["vv_vh_mean_db"],
                "description": "(VV + VH) / 2 in dB; water where below the threshold",
            }
        ],
        metrics=_radar_metrics("water_sdwi"),
        extra={"water_if": "below", "sensors": ["sentinel1"], "auto_threshold": "split"},
    )
    return build_model(nodes, [tensor_input("image", 2)], [tensor_output("backscatter_db")], card, inits)


def single_pol_model(pol: str) -> onnx.ModelProto:
    """One polarisation in dB, passed through; water below the scene's split-based threshold."""
    name = f"water_s1_{pol.lower()}"
    fixed = SINGLE_POL_FIXED_DB[pol]
    nodes = [helper.make_node("Identity", ["image"], ["backscatter_db"])]
    card = card_base(
        name=name,
        title=f"Water: Sentinel-1 {pol} backscatter (single polarisation, dB)",
        version="1.0.0",
        task="water",
        citation=S1_CITATIONS,
        data=f"No training: the {pol} backscatter in dB itself, water where below a threshold. The default "
        "threshold is automatic (split-based, see the description); where no tile of the scene is bimodal "
        f"the fixed value {fixed:g} dB applies, a conventional round value for calm open water in "
        f"Sentinel-1 {pol}, not fitted to any test data.",
        caveats=RADAR_CAVEATS
        + (
            "VV separates water from land best, but wind roughens water most in VV. "
            if pol == "VV"
            else "VH is less sensitive to wind on water, but its water values sit near Sentinel-1's noise "
            "floor (about -22 to -25 dB), so dark dry fields mix in. "
        )
        + "A single polarisation sees less than VV and VH together; prefer water_sdwi where both exist.",
        description=f"Open water from a Sentinel-1 {pol}-only scene (older archives, single-polarisation modes, "
        "most public flood datasets). Default threshold: automatic, split-based (Chini et al. 2017): Otsu (or "
        "Kittler-Illingworth) on the pooled histogram of the tiles whose histogram is bimodal (Ashman's D > 2, "
        f"smaller class >= 20 %); the fixed {fixed:g} dB where no tile is.",
        model_type="dense",
        inputs=[_s1_input([pol])],
        tiling={"tile_size": 512, "overlap": 0, "merge": "none"},
        outputs=[
            {
                "name": "backscatter_db",
                "kind": "backscatter",
                "units": "dB",
                "nodata": -9999.0,
                "threshold": fixed,
                "band_names": [f"{pol.lower()}_db"],
                "description": f"{pol} in dB; water where below the threshold",
            }
        ],
        metrics=_radar_metrics(name),
        extra={
            "water_if": "below",
            "sensors": ["sentinel1"],
            "auto_threshold": "split",
            "threshold_default": "auto",
            "polarisation": pol,
        },
    )
    return build_model(nodes, [tensor_input("image", 1)], [tensor_output("backscatter_db")], card)


# --- floating debris ----------------------------------------------------------------------------

DEBRIS_RULES = {
    # FDI > 0: NIR above the red-edge/SWIR baseline, the floating-matter signal the index is built on.
    "fdi_min": 0.0,
    # ... and an outlier among the scene's own water pixels: robust z-score (median, IQR / 1.349) above 3.
    "anomaly_z": 3.0,
    # Cloud-like bright pixels: red (B4) reflectance >= 0.25, where Sen2Cor's first cloud test
    # (Main-Knorn et al. 2017) reaches full cloud probability. Excluded from statistics and candidates.
    "cloud_red_reflectance": 0.25,
    # Debris raises NIR, so a debris pixel itself may fail the water test; non-water gaps up to
    # 2 px from water on every side (binary closing with a 5x5 square) count as on water.
    "closing_radius_px": 2,
}


def fdi_model(sensor: str = "S2A") -> onnx.ModelProto:
    w = WAVELENGTHS_NM[sensor]
    factor = 10.0 * (w["B8"] - w["B4"]) / (w["B11"] - w["B4"])
    nodes, inits = split_bands("image", ["red", "rededge2", "nir", "swir16"])
    nodes += [
        # NIR' = RE2 + (SWIR1 - RE2) * 10 * (l_NIR - l_red) / (l_SWIR1 - l_red); FDI = NIR - NIR'
        helper.make_node("Sub", ["swir16", "rededge2"], ["f_slope"]),
        helper.make_node("Mul", ["f_slope", "f_factor"], ["f_step"]),
        helper.make_node("Add", ["rededge2", "f_step"], ["f_base"]),
        helper.make_node("Sub", ["nir", "f_base"], ["fdi"]),
    ]
    inits += [const("f_factor", factor)]
    nd, nd_inits = normalized_difference_nodes("nir", "red", "ndvi")
    name = "debris_fdi" if sensor == "S2A" else f"debris_fdi_{sensor.lower()}"
    other = "S2B" if sensor == "S2A" else "S2A"
    card = card_base(
        name=name,
        title=f"Floating debris: FDI and NDVI (Biermann et al. 2020), Sentinel-{sensor[1:]} wavelengths",
        version="1.0.0",
        task="debris",
        citation="Biermann, L., Clewley, D., Martinez-Vicente, V., Topouzelis, K. (2020) Finding plastic "
        "patches in coastal waters using optical satellite data. Scientific Reports 10, 5364. "
        "NDVI: Rouse et al. (1974) NASA SP-351.",
        data=f"No training: the FDI formula with the central wavelengths of Sentinel-{sensor[1:]} MSI "
        f"(nm: B4 {w['B4']}, B6 {w['B6']}, B8 {w['B8']}, B11 {w['B11']}), so "
        f"FDI = B8 - (B6 + (B11 - B6) * {factor:.6f}). NDVI = (B8 - B4) / (B8 + B4).",
        caveats="Biermann et al. used atmospherically corrected (ACOLITE) reflectance over clear coastal "
        "sea; on L1C or over turbid, shallow or flood water the FDI of water itself is well above 0, "
        "so candidates are FDI outliers among the scene's own water pixels, not an absolute level. "
        "FDI flags any floating matter (seaweed, Sargassum, wood, foam, pumice, ships and their wakes, "
        "as well as plastics); NDVI helps separate floating vegetation (high NDVI). Patches must cover "
        "a good part of a 10-20 m pixel. Cloud edges, glint and haze can give false candidates. "
        f"Use the {other} model for Sentinel-{other[1:]} scenes.",
        description="Floating Debris Index: NIR reflectance above the baseline interpolated between the "
        "red edge (B6) and SWIR (B11), with NDVI; evaluated on water only by satimpact:debrisdetection.",
        model_type="dense",
        inputs=[
            {
                "name": "image",
                "bands": ["red", "rededge2", "nir", "swir16"],
                "scale": 0.0001,
                "offset": 0.0,
                "resolution_m": [5.0, 30.0],
                "sensor": "sentinel2",
            }
        ],
        tiling={"tile_size": 512, "overlap": 0, "merge": "none"},
        outputs=[
            {
                "name": "fdi",
                "kind": "index",
                "units": "reflectance",
                "nodata": -9999.0,
                "threshold": DEBRIS_RULES["fdi_min"],
                "band_names": ["fdi"],
                "description": "floating-debris candidates where fdi > threshold and fdi is a robust "
                f"outlier (z > {DEBRIS_RULES['anomaly_z']}) among the scene's water pixels",
            },
            {"name": "ndvi", "kind": "index", "units": "", "nodata": -9999.0, "band_names": ["ndvi"]},
        ],
        metrics=[
            {
                "name": "share of water pixels flagged as debris (scene without known debris)",
                "value": DEBRIS_METRICS["flagged_water_share"],
                "data": CHIP,
            }
        ],
        extra={"platform": sensor, "wavelengths_nm": w, "fdi_factor": factor, "rules": DEBRIS_RULES},
    )
    outputs = [tensor_output("fdi"), tensor_output("ndvi")]
    return build_model(nodes + nd, [tensor_input("image", 4)], outputs, card, inits + nd_inits)


MODELS = {
    "water_mndwi_evi": mndwi_evi_model,
    "water_mndwi": mndwi_model,
    "water_ndwi": ndwi_model,
    "water_sdwi": sdwi_model,
    "water_s1_vv": lambda: single_pol_model("VV"),
    "water_s1_vh": lambda: single_pol_model("VH"),
    "debris_fdi": lambda: fdi_model("S2A"),
    "debris_fdi_s2b": lambda: fdi_model("S2B"),
}


def build(out_dir: str) -> list[str]:
    paths = []
    for name, make in MODELS.items():
        path = os.path.join(out_dir, f"{name}.onnx")
        onnx.save(make(), path)
        paths.append(path)
    return paths
