"""A Deepness segmentation model through qgis_process.
The real qgis_process binary in a subprocess (conftest.qgis_process_runner); fixtures and helpers
from tests/processing/test_deepness_types.py."""

import json

import rasterio
from deepness_dummies import model_file
from qgis.core import QgsVectorLayer

from ..processing import test_deepness_types as processing_tests
from conftest import data_path

# the Processing tests' fixtures, used here too (pytest finds fixtures among a module's attributes)
fotomap = processing_tests.fotomap


def test_deepness_segmentor_through_qgis_process(qgis_process_runner, fotomap, tmp_path):
    model = model_file(data_path, "segmentation", "two_outputs_sigmoid_bsx1x512x512.onnx")
    out, vector = tmp_path / "c.tif", tmp_path / "p.gpkg"
    done = qgis_process_runner(
        "run",
        "satimpact:runmodel",
        "--json",
        "--",
        f"INPUT={fotomap}",
        f"MODEL={model}",
        f"OUTPUT={out}",
        f"OUTPUT_VECTOR={vector}",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    payload = json.loads(done.stdout[done.stdout.index("{") :])
    assert payload["results"]["OUTPUT"] == str(out)
    layer = QgsVectorLayer(str(vector), "p")
    assert layer.featureCount() > 0
    assert {f["class"] for f in layer.getFeatures()} <= {"Coffee", "Juice"}
    with rasterio.open(out) as ds:
        assert ds.count == 2 and ds.dtypes[0] == "uint8"
