"""Radar on real archives (issue 16): VV-only and VH-only scenes, split-based automatic thresholds,
dB / linear power / 8-bit inputs, either band order, and flood change that a calibration offset does
not move. Real data: the Sen1Floods11 chip (S1Hand VV, VH in dB; LabelHand). Single-polarisation
scenes are 1-band copies of the chip written to tmp; flood pairs use the chip as AFTER and a BEFORE in
which the hand-labelled water of the upper half is replaced by the chip's own land pixels."""

import numpy as np
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from satimpact.engine.change import NEW_FLOOD, NODATA, PERMANENT
from satimpact.engine.model import load_model
from satimpact.engine.registry import SHIPPED_DIR

from ..engine import test_radar as engine_tests
from ..engine.test_radar import SINGLE_POL_MIN, read, write_scene

DUAL_POL_MIN = 0.592  # water_sdwi on this chip before this work (SDWI > 0: 0.5921)


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):
        self.lines.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):
        self.lines.append("WARNING " + warning)
        super().pushWarning(warning)

    @property
    def text(self):
        return "\n".join(self.lines)


def iou(mask_path, water_label):
    truth, mask = read(water_label), read(mask_path)
    valid = (truth >= 0) & (mask != 255)
    pred, true = (mask == 1) & valid, (truth == 1) & valid
    return float((pred & true).sum() / (pred | true).sum())


# the engine tests' fixture, used here too (pytest finds fixtures among a module's attributes)
chip_db = engine_tests.chip_db


def single_pol(s1_chip, chip_db, folder, pol, description=True, offset=0.0):
    band = 0 if pol == "VV" else 1
    name = f"{pol}{'' if description else '_nodesc'}{offset:+g}.tif"
    return write_scene(s1_chip, folder / name, chip_db[band : band + 1] + offset, [pol if description else None])


def card_metric(name, which):
    card = load_model(f"{SHIPPED_DIR}/{name}.onnx").card
    return next(m["value"] for m in card.metrics if which in m["name"])


def water(run_alg, scene, out, feedback=None, **params):
    return run_alg("satimpact:waterdetection", {"INPUT": str(scene), "OUTPUT": str(out), **params}, feedback=feedback)


# --- single polarisation --------------------------------------------------------------------------


@pytest.mark.parametrize("pol", ["VV", "VH"])
def test_single_polarisation_scene_gets_its_model_and_an_automatic_threshold(
    run_alg, s1_chip, chip_db, water_label, tmp_path, pol
):
    scene = single_pol(s1_chip, chip_db, tmp_path, pol)
    log = Log()
    result = water(run_alg, scene, tmp_path / "auto.tif", feedback=log)
    model = f"water_s1_{pol.lower()}"
    assert result["MODEL_USED"] == model  # chosen by itself: the raster has only that band
    assert "split-based" in result["THRESHOLD_SOURCE"] and "Otsu" in result["THRESHOLD_SOURCE"]
    assert "split-based automatic threshold" in log.text and "bimodal" in log.text
    auto = iou(result["OUTPUT"], water_label)

    fixed_value = load_model(f"{SHIPPED_DIR}/{model}.onnx").card.outputs[0].threshold
    fixed = water(run_alg, scene, tmp_path / "fixed.tif", THRESHOLD=fixed_value)
    assert fixed["THRESHOLD_SOURCE"] == "THRESHOLD"
    fixed_iou = iou(fixed["OUTPUT"], water_label)

    ki = water(run_alg, scene, tmp_path / "ki.tif", THRESHOLD_METHOD=1)
    assert "Kittler-Illingworth" in ki["THRESHOLD_SOURCE"]
    ki_iou = iou(ki["OUTPUT"], water_label)
    print(
        f"\n{pol} only ({model}): IoU automatic (split-based Otsu, {result['THRESHOLD_USED']:.2f} dB) {auto:.4f}, "
        f"Kittler-Illingworth ({ki['THRESHOLD_USED']:.2f} dB) {ki_iou:.4f}, fixed {fixed_value:g} dB {fixed_iou:.4f}"
    )
    assert auto >= SINGLE_POL_MIN
    # the card carries the figures the tool measures
    assert auto == pytest.approx(card_metric(model, "split-based Otsu"), abs=1e-3)
    assert fixed_iou == pytest.approx(card_metric(model, "fixed threshold"), abs=1e-3)
    # Kittler-Illingworth cuts between the two modes, darker than Otsu on this chip's skewed histograms
    assert ki["THRESHOLD_USED"] < result["THRESHOLD_USED"]


def test_dual_polarisation_result_did_not_drop(run_alg, s1_chip, water_label, tmp_path):
    default = water(run_alg, s1_chip, tmp_path / "d.tif")
    auto = water(run_alg, s1_chip, tmp_path / "a.tif", AUTO_THRESHOLD=True)
    assert default["MODEL_USED"] == auto["MODEL_USED"] == "water_sdwi"
    d, a = iou(default["OUTPUT"], water_label), iou(auto["OUTPUT"], water_label)
    print(f"\nVV + VH (water_sdwi): IoU fixed -17.27 dB {d:.4f}, automatic ({auto['THRESHOLD_USED']:.2f} dB) {a:.4f}")
    assert d >= DUAL_POL_MIN and a >= DUAL_POL_MIN
    assert default["THRESHOLD_SOURCE"] == "model card default"


def test_one_band_without_a_name_needs_band_map(run_alg, s1_chip, chip_db, water_label, tmp_path):
    scene = single_pol(s1_chip, chip_db, tmp_path, "VH", description=False)
    with pytest.raises(QgsProcessingException, match="BAND_MAP=VV=1 or BAND_MAP=VH=1"):
        water(run_alg, scene, tmp_path / "w.tif")
    result = water(run_alg, scene, tmp_path / "w.tif", BAND_MAP="VH=1")
    assert result["MODEL_USED"] == "water_s1_vh"
    assert iou(result["OUTPUT"], water_label) >= SINGLE_POL_MIN


# --- inputs users have ------------------------------------------------------------------------------


def test_vh_vv_order_is_read_from_descriptions(run_alg, s1_chip, chip_db, tmp_path):
    swapped = write_scene(s1_chip, tmp_path / "vh_vv.tif", chip_db[::-1], ["VH", "VV"])
    a = water(run_alg, s1_chip, tmp_path / "a.tif")
    b = water(run_alg, swapped, tmp_path / "b.tif")
    assert b["MODEL_USED"] == "water_sdwi"
    assert np.array_equal(read(a["OUTPUT"]), read(b["OUTPUT"]))
    # SNAP-style names carry the polarisation inside a longer name
    snap = write_scene(s1_chip, tmp_path / "snap.tif", chip_db[::-1], ["Sigma0_VH_db", "Sigma0_VV_db"])
    c = water(run_alg, snap, tmp_path / "c.tif")
    assert np.array_equal(read(a["OUTPUT"]), read(c["OUTPUT"]))


def test_linear_power_is_detected_and_converted(run_alg, s1_chip, chip_db, tmp_path):
    linear = write_scene(s1_chip, tmp_path / "linear.tif", 10.0 ** (chip_db / 10.0), ["VV", "VH"])
    log = Log()
    lin = water(run_alg, linear, tmp_path / "lin.tif", feedback=log, AUTO_THRESHOLD=True)
    db = water(run_alg, s1_chip, tmp_path / "db.tif", AUTO_THRESHOLD=True)
    assert "linear power, judged from the values" in log.text and "converted to dB" in log.text
    assert lin["THRESHOLD_USED"] == pytest.approx(db["THRESHOLD_USED"], abs=0.01)
    same = (read(lin["OUTPUT"]) == read(db["OUTPUT"])).mean()
    assert same > 0.9999
    # VV only, linear, unit stated in BAND_MAP
    vv_linear = write_scene(s1_chip, tmp_path / "vv_linear.tif", 10.0 ** (chip_db[:1] / 10.0), [None])
    stated = water(run_alg, vv_linear, tmp_path / "vv.tif", BAND_MAP="VV=1,linear")
    vv_db = water(run_alg, single_pol(s1_chip, chip_db, tmp_path, "VV"), tmp_path / "vvdb.tif")
    assert stated["MODEL_USED"] == "water_s1_vv"
    assert (read(stated["OUTPUT"]) == read(vv_db["OUTPUT"])).mean() > 0.9999
    with pytest.raises(QgsProcessingException, match="stated twice and differ"):
        water(run_alg, vv_linear, tmp_path / "x.tif", BAND_MAP="VV=1,linear", RADAR_UNITS=1)


def test_eight_bit_rendering_is_refused(run_alg, s1_chip, chip_db, tmp_path):
    lo, hi = np.percentile(chip_db, [2, 98], axis=(1, 2))
    stretched = np.clip((chip_db - lo[:, None, None]) / (hi - lo)[:, None, None] * 255, 0, 255).round()
    rendering = write_scene(s1_chip, tmp_path / "quicklook.tif", stretched, ["VV", "VH"], dtype="uint8")
    with pytest.raises(QgsProcessingException, match="8-bit") as err:
        water(run_alg, rendering, tmp_path / "w.tif")
    assert "rendered for display" in str(err.value) and "dB or linear power" in str(err.value)
    as_float = write_scene(s1_chip, tmp_path / "quicklook_float.tif", stretched, ["VV", "VH"])
    with pytest.raises(QgsProcessingException, match="8-bit rendering stored in a wider type"):
        water(run_alg, as_float, tmp_path / "w.tif")
    assert not (tmp_path / "w.tif").exists()


# --- automatic thresholds ---------------------------------------------------------------------------


@pytest.mark.parametrize("pol", ["dual", "VV"])
def test_automatic_threshold_follows_a_calibration_offset(run_alg, s1_chip, chip_db, tmp_path, pol):
    """+3 dB on every pixel moves the automatic threshold by 3 dB and leaves the mask as it was
    (water_sdwi version 1 capped values at 0 dB, so its threshold moved with the dB range)."""
    if pol == "dual":
        base, shifted = s1_chip, write_scene(s1_chip, tmp_path / "plus3.tif", chip_db + 3.0, ["VV", "VH"])
    else:
        base = single_pol(s1_chip, chip_db, tmp_path, "VV")
        shifted = single_pol(s1_chip, chip_db, tmp_path, "VV", offset=3.0)
    a = water(run_alg, base, tmp_path / "a.tif", AUTO_THRESHOLD=True)
    b = water(run_alg, shifted, tmp_path / "b.tif", AUTO_THRESHOLD=True)
    print(f"\n{pol}: automatic threshold {a['THRESHOLD_USED']:.3f} dB, +3 dB scene {b['THRESHOLD_USED']:.3f} dB")
    assert b["THRESHOLD_USED"] - a["THRESHOLD_USED"] == pytest.approx(3.0, abs=0.01)
    assert (read(a["OUTPUT"]) == read(b["OUTPUT"])).mean() > 0.9995


def test_no_bimodal_tile_falls_back_to_the_documented_value(run_alg, s1_chip, chip_db, water_label, tmp_path):
    truth = read(water_label)
    rng = np.random.default_rng(3)
    land = chip_db[0][truth == 0]
    scene = write_scene(
        s1_chip, tmp_path / "dry_vv.tif", land[rng.integers(0, land.size, 512 * 512)].reshape(1, 512, 512), ["VV"]
    )
    log = Log()
    result = water(run_alg, scene, tmp_path / "w.tif", feedback=log)
    assert result["MODEL_USED"] == "water_s1_vv"
    assert result["THRESHOLD_USED"] == -15.0
    assert "documented fixed value -15 dB applies" in result["THRESHOLD_SOURCE"]
    assert "WARNING" in log.text and "no tile of the scene has a bimodal histogram" in log.text


# --- flood change -----------------------------------------------------------------------------------


def simulated_pair(s1_chip, chip_db, water_label, folder, bands=(0, 1), offset=0.0, linear=False):
    """AFTER: the chip; BEFORE: the chip with the hand-labelled water of the upper half replaced by land
    pixels of the same chip (seeded). Returns (before, after, the simulated new flood)."""
    truth = read(water_label)
    flooded = truth == 1
    flooded[256:] = False
    rng = np.random.default_rng(0)
    land = np.flatnonzero((truth == 0).ravel())
    pick = rng.choice(land, int(flooded.sum()))
    before = chip_db.copy()
    for b in range(2):
        before[b][flooded] = chip_db[b].ravel()[pick]
    names = ["VV", "VH"]
    tag = f"{''.join(names[b] for b in bands)}{offset:+g}{'lin' if linear else ''}"
    paths = []
    for role, data in (("before", before), ("after", chip_db)):
        data = data[list(bands)] + offset
        if linear:
            data = 10.0 ** (data / 10.0)
        paths.append(write_scene(s1_chip, folder / f"{role}_{tag}.tif", data, [names[b] for b in bands]))
    return paths[0], paths[1], flooded & (truth >= 0)


def flood(run_alg, before, after, out, feedback=None, **params):
    return run_alg(
        "satimpact:floodchange",
        {"BEFORE": str(before), "AFTER": str(after), "OUTPUT": str(out), **params},
        feedback=feedback,
    )


def new_flood_iou(path, truth):
    classes = read(path)
    pred = (classes == NEW_FLOOD) & (classes != NODATA)
    return float((pred & truth).sum() / (pred | truth).sum())


@pytest.mark.parametrize("bands", [(0, 1), (0,), (1,)], ids=["VV+VH", "VV", "VH"])
def test_calibration_offset_does_not_move_the_flooded_area(run_alg, s1_chip, chip_db, water_label, tmp_path, bands):
    before, after, truth = simulated_pair(s1_chip, chip_db, water_label, tmp_path, bands)
    before3, after3, _ = simulated_pair(s1_chip, chip_db, water_label, tmp_path, bands, offset=3.0)
    figures = {}
    for auto in (True, False):
        log = Log()
        a = flood(run_alg, before, after, tmp_path / f"a{auto}.tif", feedback=log, AUTO_THRESHOLD=auto)
        b = flood(run_alg, before3, after3, tmp_path / f"b{auto}.tif", AUTO_THRESHOLD=auto)
        change = (b["NEW_FLOOD_KM2"] - a["NEW_FLOOD_KM2"]) / a["NEW_FLOOD_KM2"]
        figures[auto] = (change, new_flood_iou(a["OUTPUT"], truth), new_flood_iou(b["OUTPUT"], truth))
        if auto:
            assert "split-based" in a["METHOD"] and "Kittler-Illingworth" in a["METHOD"]
            assert "automatic, split-otsu" in a["METHOD"]
            assert "OUTPUT_GRID" not in a  # optional: not asked, not written
        else:
            assert "fixed: 3 dB either way (AUTO_THRESHOLD off)" in a["METHOD"]
    name = "+".join("VV VH".split()[b] for b in bands)
    expected = {(0, 1): "flood_s1_logratio", (0,): "flood_s1_logratio_vv", (1,): "flood_s1_logratio_vh"}[bands]
    assert f"change model {expected} " in a["METHOD"]
    print(
        f"\n{name}: +3 dB on both dates changes the flooded area by {100 * figures[True][0]:+.2f} % with "
        f"automatic thresholds (new-flood IoU {figures[True][1]:.4f} -> {figures[True][2]:.4f}), by "
        f"{100 * figures[False][0]:+.2f} % with fixed ones (IoU {figures[False][1]:.4f} -> {figures[False][2]:.4f})"
    )
    assert abs(figures[True][0]) < 0.05
    assert abs(figures[False][0]) > 0.05  # what the issue saw: fixed thresholds move with the calibration
    assert figures[True][1] >= 0.55


def test_linear_power_pair_gives_the_db_result(run_alg, s1_chip, chip_db, water_label, tmp_path):
    before, after, _ = simulated_pair(s1_chip, chip_db, water_label, tmp_path)
    lin_before, lin_after, _ = simulated_pair(s1_chip, chip_db, water_label, tmp_path, linear=True)
    log = Log()
    db = flood(run_alg, before, after, tmp_path / "db.tif")
    lin = flood(run_alg, lin_before, lin_after, tmp_path / "lin.tif", feedback=log)
    assert "BEFORE: linear power converted to dB" in log.text and "AFTER: linear power converted to dB" in log.text
    same = (read(db["OUTPUT"]) == read(lin["OUTPUT"])).mean()
    assert same > 0.999
    assert lin["NEW_FLOOD_KM2"] == pytest.approx(db["NEW_FLOOD_KM2"], rel=0.01)
    classes = read(lin["OUTPUT"])
    assert (classes == PERMANENT).sum() > 10000


def test_same_single_polarisation_scene_gives_no_change(run_alg, s1_chip, chip_db, water_label, tmp_path):
    scene = single_pol(s1_chip, chip_db, tmp_path, "VV")
    result = flood(run_alg, scene, scene, tmp_path / "same.tif", OUTPUT_GRID=str(tmp_path / "cells.gpkg"))
    classes = read(result["OUTPUT"])
    assert (classes == NEW_FLOOD).sum() == 0 and (classes == PERMANENT).sum() > 10000
    assert result["OUTPUT_GRID"] and (tmp_path / "cells.gpkg").exists()
    assert "flood_s1_logratio_vv" in result["METHOD"]
