"""Radar through qgis_process (issue 16): flood change without a grid output, a VV-only scene.
The real qgis_process binary in a subprocess (conftest.qgis_process_runner); fixtures and helpers
from tests/processing/test_radar.py."""

from ..processing import test_radar as processing_tests
from ..processing.test_radar import SINGLE_POL_MIN, iou, single_pol

# the Processing tests' fixtures, used here too (pytest finds fixtures among a module's attributes)
chip_db = processing_tests.chip_db


def test_flood_change_output_grid_is_optional_in_qgis_process(qgis_process_runner, s1_chip, tmp_path):
    import json

    out = tmp_path / "change.tif"
    proc = qgis_process_runner(
        "run", "satimpact:floodchange", "--json", "--", f"BEFORE={s1_chip}", f"AFTER={s1_chip}", f"OUTPUT={out}"
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout[proc.stdout.index("{") :])["results"]
    assert result["NEW_FLOOD_KM2"] == 0.0 and out.exists()
    assert "automatic, split-otsu" in result["METHOD"]


def test_vv_only_scene_through_qgis_process(qgis_process_runner, s1_chip, chip_db, water_label, tmp_path):
    import json

    scene = single_pol(s1_chip, chip_db, tmp_path, "VV")
    out = tmp_path / "water_vv.tif"
    proc = qgis_process_runner("run", "satimpact:waterdetection", "--json", "--", f"INPUT={scene}", f"OUTPUT={out}")
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout[proc.stdout.index("{") :])["results"]
    assert result["MODEL_USED"] == "water_s1_vv"
    assert "split-based" in result["THRESHOLD_SOURCE"]
    assert iou(out, water_label) >= SINGLE_POL_MIN
