"""satimpact:floodchange through qgis_process: outputs, grid figures, styles and a refused model.
The real qgis_process binary in a subprocess (conftest.qgis_process_runner); fixtures and helpers
from tests/processing/test_flood.py."""

import json

import geopandas as gpd
import rasterio

from satimpact.engine.change import NEW_FLOOD

from ..processing.test_flood import read


def test_floodchange_through_qgis_process(qgis_process_runner, s2_chip, s1_chip, tmp_path):
    out, grid = tmp_path / "cli.tif", tmp_path / "cli.gpkg"
    done = qgis_process_runner(
        "run",
        "satimpact:floodchange",
        "--json",
        "--",
        f"BEFORE={s2_chip}",
        f"AFTER={s1_chip}",
        "CELL_SIZE=1000",
        "DAMAGE_THRESHOLD=0.1",
        f"OUTPUT={out}",
        f"OUTPUT_GRID={grid}",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    payload = json.loads(done.stdout[done.stdout.index("{") :])
    assert payload["results"]["OUTPUT"] == str(out)
    assert payload["results"]["DAMAGED_CELLS"] >= 1
    cells = gpd.read_file(grid)
    assert {"flooded_area_m2", "flooded_share", "permanent_water_share", "valid_share", "damaged"} <= set(cells)
    assert (read(out) == NEW_FLOOD).sum() > 0
    with rasterio.open(out) as ds:
        assert ds.colormap(1)[NEW_FLOOD][:3] == (255, 0, 110)
    bad = qgis_process_runner(
        "run",
        "satimpact:floodchange",
        "--",
        f"BEFORE={s2_chip}",
        f"AFTER={s1_chip}",
        "MODEL=water_sdwi",
        f"OUTPUT={tmp_path / 'bad.tif'}",
        f"OUTPUT_GRID={tmp_path / 'bad.gpkg'}",
    )
    assert bad.returncode == 1
    assert "BEFORE:" in bad.stdout + bad.stderr and "sentinel1" in bad.stdout + bad.stderr
