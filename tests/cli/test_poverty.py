"""The poverty tools (grid, survey, ranking) through qgis_process.
The real qgis_process binary in a subprocess (conftest.qgis_process_runner); fixtures and helpers
from tests/processing/test_poverty.py."""

from __future__ import annotations

import pytest

from ..processing import test_poverty as processing_tests
from ..processing.test_poverty import _features

# the Processing tests' fixtures, used here too (pytest finds fixtures among a module's attributes)
nk_dir, nk_split, nk_small = processing_tests.nk_dir, processing_tests.nk_split, processing_tests.nk_small
mosaic_3857, water_survey = processing_tests.mosaic_3857, processing_tests.water_survey


def test_grid_through_qgis_process(mosaic_3857, qgis_process_runner, tmp_path):
    out = tmp_path / "qp_cells.gpkg"
    done = qgis_process_runner(
        "run", "satimpact:povertygrid", "--", f"INPUT={mosaic_3857}", "CELL_SIZE=2000", f"OUTPUT={out}"
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "EPSG:32651" in done.stdout
    _, feats = _features(out)
    assert feats and all(f.geometry().area() == pytest.approx(4e6) for f in feats)


def test_survey_through_qgis_process_with_displacement(s2_chip, water_survey, qgis_process_runner, tmp_path):
    points, labels = water_survey
    model = tmp_path / "cli_water.onnx"
    report = tmp_path / "cli_water.html"
    done = qgis_process_runner(
        "run",
        "satimpact:trainpovertysurvey",
        "--",
        f"INPUT={s2_chip}",
        f"POINTS={points}",
        "LABEL_FIELD=water",
        "CHIP_SIZE=500",
        "FOLDS=4",
        "DISPLACEMENT=300",
        f"OUTPUT_MODEL={model}",
        f"OUTPUT_REPORT={report}",
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "R2:" in done.stdout and model.exists()
    text = report.read_text()
    assert "mean of 9 chips" in text and "150 m" in text
    from satimpact.engine.model import load_model

    card = load_model(str(model)).card
    assert card.extra["displacement_m"] == 300
    # Averaging over 9 chips spread 150 m around each point blurs a 500 m label, yet keeps most of it.
    assert card.metrics[0]["value"] >= 0.7, card.metrics


def test_ranking_through_qgis_process(nk_small, nk_dir, qgis_process_runner, tmp_path):
    model = tmp_path / "cli_rank.onnx"
    done = qgis_process_runner(
        "run",
        "satimpact:trainpovertyranking",
        "--",
        f"INPUT={nk_small}",
        f"ORDER={nk_dir / 'nk.txt'}",
        f"OUTPUT_MODEL={model}",
        f"OUTPUT_REPORT={tmp_path / 'cli_rank.html'}",
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "KENDALL_TAU:" in done.stdout and model.exists()
