"""A Deepness model without metadata, its parameters stated, through qgis_process.
The real qgis_process binary in a subprocess (conftest.qgis_process_runner); fixtures and helpers
from tests/processing/test_deepness_stated.py."""

import json

import numpy as np
from deepness_dummies import (
    REGRESSION,
    expected_output,
    model_file,
    read_output,
    without_metadata,
)

from satimpact.engine.model import read_model

from ..processing import test_deepness_stated as processing_tests
from conftest import data_path

# the Processing tests' fixtures, used here too (pytest finds fixtures among a module's attributes)
fotomap, fotomap_rgb = processing_tests.fotomap, processing_tests.fotomap_rgb


def test_stated_parameters_through_qgis_process(qgis_process_runner, fotomap, fotomap_rgb, tmp_path):
    model = without_metadata(model_file(data_path, "regression", REGRESSION[0]), tmp_path / REGRESSION[0])
    out, carded = tmp_path / "vi.tif", tmp_path / "vi_carded.onnx"
    done = qgis_process_runner(
        "run",
        "satimpact:runmodel",
        "--json",
        "--",
        f"INPUT={fotomap}",
        f"MODEL={model}",
        "MODEL_TYPE=regression",
        "SCALE=0.00392156862745098",
        "BANDS=1,2,3",
        f"SAVE_CARD={carded}",
        f"OUTPUT={out}",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    payload = json.loads(done.stdout[done.stdout.index("{") :])
    assert payload["results"]["SAVED_MODEL"] == str(carded)
    want, _ = expected_output(model, fotomap_rgb)
    got = read_output(out)
    finite = np.isfinite(want)
    assert np.abs(got[finite] - want[finite]).max() < 2e-6
    assert read_model(str(carded)).card.extra["model_kind"] == "regression"
