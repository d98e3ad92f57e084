"""satimpact:batch through qgis_process: the same outputs as the single-machine engine call.
The real qgis_process binary in a subprocess (conftest.qgis_process_runner); fixtures and helpers
from tests/processing/test_batch.py."""

from __future__ import annotations

import json
from pathlib import Path

from ..processing import test_batch as processing_tests
from ..processing.test_batch import read_manifest
from conftest import ROOT

# the Processing tests' fixtures, used here too (pytest finds fixtures among a module's attributes)
reference, scenes = processing_tests.reference, processing_tests.scenes


def test_batch_algorithm_through_qgis_process(qgis_process_runner, scenes, reference, tmp_path):
    out = tmp_path / "qp"
    done = qgis_process_runner(
        "run", "satimpact:batch", "--json", "--", "TOOL=waterdetection",
        f"INPUTS={scenes['folder']}/spain_[01].tif", "WORKERS=2", f"OUTPUT_FOLDER={out}",
        f"OUTPUT_TABLE={tmp_path / 'qp.gpkg'}",
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    payload = json.loads(done.stdout[done.stdout.index("{") :])
    assert payload["results"]["DONE"] == 2 and payload["results"]["FAILED"] == 0
    for entry in read_manifest(out)["items"]:
        assert (out / entry["outputs"][0]["path"]).read_bytes() == Path(reference["chip"]).read_bytes()
    assert ROOT.exists()
