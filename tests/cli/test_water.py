"""satimpact:waterdetection through qgis_process.
The real qgis_process binary in a subprocess (conftest.qgis_process_runner); fixtures and helpers
from tests/processing/test_water.py."""

import json

from ..processing.test_water import OPTICAL_DEFAULT_MIN, iou


def test_water_through_qgis_process(qgis_process_runner, s2_chip, water_label, tmp_path):
    out = tmp_path / "water_cli.tif"
    polys = tmp_path / "water_cli.gpkg"
    done = qgis_process_runner(
        "run",
        "satimpact:waterdetection",
        "--json",
        "--",
        f"INPUT={s2_chip}",
        f"OUTPUT={out}",
        f"OUTPUT_POLYGONS={polys}",
        "MIN_AREA=1000",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    payload = json.loads(done.stdout[done.stdout.index("{") :])
    assert payload["results"]["MODEL_USED"] == "water_mndwi_evi"
    assert iou(out, water_label) >= OPTICAL_DEFAULT_MIN
    assert polys.exists()
    bad = qgis_process_runner(
        "run", "satimpact:waterdetection", "--", f"INPUT={s2_chip}", "MODEL=water_sdwi", f"OUTPUT={out}.bad.tif"
    )
    assert bad.returncode != 0
    assert "sentinel1" in bad.stdout + bad.stderr
