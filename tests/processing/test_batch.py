"""satimpact:batch through QGIS: the algorithm through processing.run, each tool's
batch against its Processing algorithm, and the plugin in a QGIS without dask. The batch engine on
Dask (LocalCluster, a real scheduler, a killed worker, resume, cancel) is tested in
tests/engine/test_batch.py, whose fixtures and helpers these tests share."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from satimpact.engine import batch
from satimpact.engine.errors import EngineError

from ..engine import test_batch as engine_tests
from ..engine.test_batch import read_manifest, worker_env
from conftest import PLUGIN_DIR, data_path

# the engine tests' fixtures, used here too (pytest finds fixtures among a module's attributes);
# importing them skips this module where dask.distributed is missing, as the engine module does
scenes, reference, local_client = engine_tests.scenes, engine_tests.reference, engine_tests.local_client


NO_DASK = """
import sys
sys.modules['dask'] = None  # as if dask and distributed were not installed
sys.modules['distributed'] = None
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback
app = QgsApplication([], False)
app.initQgis()
sys.path.append('/usr/share/qgis/python/plugins')
from processing.core.Processing import Processing
Processing.initialize()
sys.path.insert(0, sys.argv[1])
import satimpact
plugin = satimpact.classFactory(None)
plugin.initProcessing()
registry = QgsApplication.processingRegistry()
alg = registry.createAlgorithmById('satimpact:batch')
assert alg is not None
params = {'TOOL': 'waterdetection', 'INPUTS': sys.argv[2], 'OUTPUT_FOLDER': sys.argv[3]}
class Feedback(QgsProcessingFeedback):
    def reportError(self, error, fatalError=False):
        print('MESSAGE', error)

results, ok = alg.run(params, QgsProcessingContext(), Feedback())
print('RAN', ok)
plugin.unload()
app.exitQgis()
"""


def test_without_dask_the_plugin_loads_and_batch_explains(tmp_path):
    """A fresh QGIS process without dask: the plugin loads, and satimpact:batch says what to install."""
    script = tmp_path / "no_dask.py"
    script.write_text(NO_DASK)
    chip = data_path("sen1floods11", "Spain_7370579_S2Hand.tif")
    done = subprocess.run(
        [sys.executable, str(script), str(PLUGIN_DIR), str(chip), str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120, env=worker_env(),
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "RAN False" in done.stdout, done.stdout + done.stderr
    message = done.stdout + done.stderr
    assert "'dask' and 'distributed'" in message and "pip install" in message, message
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_batch_algorithm_processing_run(run_alg, scenes, reference, tmp_path):
    out = tmp_path / "alg"
    table = tmp_path / "alg.gpkg"
    result = run_alg(
        "satimpact:batch",
        {
            "TOOL": "waterdetection",
            "INPUTS": "\n".join(scenes["spain"][:2] + [scenes["bad"]]),
            "PARAMETERS": '{"MIN_AREA": 0}',
            "WORKERS": 2,
            "OUTPUT_FOLDER": str(out),
            "OUTPUT_TABLE": str(table),
        },
    )
    assert (result["DONE"], result["FAILED"], result["PENDING"]) == (2, 1, 0)
    assert result["OUTPUT_TABLE"] == str(table) and table.exists()
    manifest = read_manifest(out)
    for entry in manifest["items"]:
        if entry["status"] == "done":
            assert (out / entry["outputs"][0]["path"]).read_bytes() == Path(reference["chip"]).read_bytes()
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="not taken by waterdetection"):
        run_alg("satimpact:batch", {"TOOL": "waterdetection", "INPUTS": scenes["spain"][0],
                                    "PARAMETERS": "CELL_SIZE=10", "OUTPUT_FOLDER": str(tmp_path / "x")})  # fmt: skip


def cells_by_id(path, field):
    import geopandas as gpd

    frame = gpd.read_file(path)
    return {
        int(k): (None if v is None or v != v else round(float(v), 9)) for k, v in zip(frame["cell_id"], frame[field])
    }


def test_every_tool_matches_its_processing_algorithm(run_alg, scenes, local_client, tmp_path):
    """The batch runs the engine functions the algorithms run, with their defaults: the same
    rasters byte for byte, the same figures per cell."""
    chip, patch, before_after = scenes["spain"][0], scenes["patch"], scenes["spain"][:2]
    alg = tmp_path / "alg"
    alg.mkdir()
    run_alg("satimpact:debrisdetection", {"INPUT": chip, "OUTPUT": str(alg / "fdi.tif"),
                                          "OUTPUT_CANDIDATES": str(alg / "debris.gpkg")})  # fmt: skip
    run_alg("satimpact:runmodel", {"INPUT": chip, "MODEL": "water_ndwi", "OUTPUT": str(alg / "ndwi.tif")})
    run_alg("satimpact:greenratio", {"INPUT": patch, "CELL_SIZE": 500, "OUTPUT": str(alg / "green.gpkg")})
    run_alg("satimpact:povertygrid", {"INPUT": chip, "CELL_SIZE": 1000, "OUTPUT": str(alg / "poverty.gpkg")})
    flood_params = {"BEFORE": before_after[0], "AFTER": before_after[1], "OUTPUT": str(alg / "change.tif")}
    run_alg("satimpact:floodchange", {**flood_params, "OUTPUT_GRID": str(alg / "flood.gpkg")})

    def one(tool, inputs, params):
        out = tmp_path / tool
        items = batch.items_from_pairs(str(inputs)) if str(inputs).endswith(".csv") else batch.items_from_files(inputs)
        report = batch.run_batch(tool, items, params, str(out), client=local_client)
        assert report.done == 1, report.failures
        entry = read_manifest(out)["items"][0]
        return {o["role"]: out / o["path"] for o in entry["outputs"]}

    assert one("debrisdetection", [chip], "")["raster"].read_bytes() == (alg / "fdi.tif").read_bytes()
    assert one("runmodel", [chip], "MODEL=water_ndwi")["raster"].read_bytes() == (alg / "ndwi.tif").read_bytes()
    green = one("greenratio", [patch], "CELL_SIZE=500")["vector"]
    assert cells_by_id(green, "green_ratio") == cells_by_id(alg / "green.gpkg", "green_ratio")
    poverty = one("povertygrid", [chip], "CELL_SIZE=1000")["vector"]
    assert cells_by_id(poverty, "score") == cells_by_id(alg / "poverty.gpkg", "score")
    assert any(v is not None for v in cells_by_id(poverty, "score").values())
    pairs = tmp_path / "pair.csv"
    pairs.write_text(f"before,after\n{before_after[0]},{before_after[1]}\n")
    flood = one("floodchange", pairs, "")
    assert flood["raster"].read_bytes() == (alg / "change.tif").read_bytes()
    assert cells_by_id(flood["vector"], "valid_share") == cells_by_id(alg / "flood.gpkg", "valid_share")

    # Radar, one polarisation: the model's default is an automatic (split-based) threshold, in both;
    # such a run cannot be cut into windows.
    s1 = str(data_path("sen1floods11", "Spain_7370579_S1Hand.tif"))
    run_alg("satimpact:waterdetection", {"INPUT": s1, "MODEL": "water_s1_vv", "OUTPUT": str(alg / "s1_vv.tif")})
    vv = one("waterdetection", [s1], "MODEL=water_s1_vv")["raster"]
    assert vv.read_bytes() == (alg / "s1_vv.tif").read_bytes()
    with pytest.raises(EngineError, match="give THRESHOLD to split"):
        batch.run_batch("water", batch.items_from_split(s1, 256, 0), "MODEL=water_s1_vv", str(tmp_path / "s1_split"))


def test_dark_water_default_is_the_tools_also_in_windows(run_alg, local_client, tmp_path):
    """The demo's lake patch: its water is dark, so satimpact:waterdetection's default switches to
    water_mndwi with the scene's own (Otsu) split. The batch makes the same choice through the same
    function (engine/model_choice.py), and a split into windows gets the whole raster's decision."""
    import numpy as np
    import rasterio

    from satimpact.engine.stack import stack_bigearthnet_s2

    folder = tmp_path / "lake"
    folder.mkdir()
    lake = stack_bigearthnet_s2(str(data_path("bigearthnet", "S2", "S2B_MSIL2A_20170924T93020_69_24")), str(folder))
    result = run_alg("satimpact:waterdetection", {"INPUT": lake, "OUTPUT": str(tmp_path / "alg.tif")})
    assert result["MODEL_USED"] == "water_mndwi" and result["THRESHOLD_USED"] < 0

    out = tmp_path / "batch"
    report = batch.run_batch("water", batch.items_from_files([lake]), "", str(out), client=local_client)
    assert report.done == 1, report.failures
    entry = read_manifest(out)["items"][0]
    assert entry["summary"]["model"] == "water_mndwi"
    assert entry["summary"]["threshold"] == pytest.approx(result["THRESHOLD_USED"])
    assert (out / entry["outputs"][0]["path"]).read_bytes() == (tmp_path / "alg.tif").read_bytes()

    windows = batch.items_from_split(lake, 64, 0)
    assert len(windows) == 4
    split = batch.run_batch("water", windows, "", str(tmp_path / "split"), client=local_client)
    assert split.done == 4, split.failures
    merged = next(m for m in split.mosaics if m.endswith(".mosaic.tif"))
    with rasterio.open(merged) as got, rasterio.open(tmp_path / "alg.tif") as want:
        assert np.array_equal(got.read(), want.read())
