"""satimpact:greenratio through qgis_process.
The real qgis_process binary in a subprocess (conftest.qgis_process_runner); fixtures and helpers
from tests/processing/test_green.py."""

from __future__ import annotations

import json

from ..processing import test_green as processing_tests
from ..processing.test_green import DECEMBER, features_of

# the Processing tests' fixtures, used here too (pytest finds fixtures among a module's attributes)
s2_patches = processing_tests.s2_patches


def test_greenratio_through_qgis_process(qgis_process_runner, s2_patches, tmp_path):
    out = tmp_path / "cli.gpkg"
    done = qgis_process_runner(
        "run",
        "satimpact:greenratio",
        "--json",
        "--",
        f"INPUT={s2_patches[DECEMBER]}",
        "CELL_SIZE=600",
        f"OUTPUT={out}",
        f"OUTPUT_MASK={tmp_path / 'cli_mask.tif'}",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    payload = json.loads(done.stdout[done.stdout.index("{") :])
    assert payload["results"]["MODEL_USED"] == "green_ndvi"
    assert "outside the local summer" in payload["results"]["SEASON_WARNING"]
    assert (tmp_path / "cli_mask.tif").exists()
    rows = features_of(str(out))
    assert rows and all(0.8 < r["green_ratio"] <= 1.0 for r in rows if r["valid_fraction"] > 0.5)
    bad = qgis_process_runner(
        "run", "satimpact:greenratio", "--", f"INPUT={s2_patches[DECEMBER]}", "MODEL=index_ndvi", f"OUTPUT={out}.x.gpkg"
    )
    assert bad.returncode == 1
    assert "needs a green model" in bad.stdout + bad.stderr
