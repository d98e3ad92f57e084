"""satimpact:waterseries and satimpact:greenseries through qgis_process.
The real qgis_process binary in a subprocess (conftest.qgis_process_runner); fixtures and helpers
from tests/processing/test_series.py."""

from __future__ import annotations

import json

from ..processing import test_series as processing_tests
from ..processing.test_series import NAIP_BANDS, PUCALLPA_BANDS, rows_of

# the Processing tests' fixtures, used here too (pytest finds fixtures among a module's attributes)
naip, pucallpa = processing_tests.naip, processing_tests.pucallpa


def test_water_series_through_qgis_process(qgis_process_runner, pucallpa, tmp_path):
    out, html = tmp_path / "cli.gpkg", tmp_path / "cli.html"
    done = qgis_process_runner(
        "run",
        "satimpact:waterseries",
        "--json",
        "--",
        *[f"INPUTS={p}" for p in pucallpa[-3:]],
        f"BAND_MAP={PUCALLPA_BANDS}",
        f"OUTPUT={out}",
        f"OUTPUT_REPORT={html}",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    payload = json.loads(done.stdout[done.stdout.index("{") :])
    assert payload["results"]["DATE_COUNT"] == 3
    assert [r["date_label"] for r in rows_of(out)] == ["2010", "2015", "2020"]
    assert "data:image/png;base64," in html.read_text()


def test_green_series_through_qgis_process(qgis_process_runner, naip, tmp_path):
    out = tmp_path / "green_cli.gpkg"
    done = qgis_process_runner(
        "run",
        "satimpact:greenseries",
        "--json",
        "--",
        *[f"INPUTS={p}" for p in naip[-3:]],
        f"BAND_MAP={NAIP_BANDS}",
        f"OUTPUT={out}",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = rows_of(out)
    assert [r["date_label"] for r in rows] == ["2018-07-16", "2019-09-04", "2020-08-31"]
    assert all(0.0 < r["green_ratio"] < 1.0 for r in rows)
