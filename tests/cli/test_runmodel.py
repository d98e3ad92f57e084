"""satimpact:runmodel through qgis_process.
The real qgis_process binary in a subprocess (conftest.qgis_process_runner); fixtures and helpers
from tests/processing/test_runmodel.py."""

import json
import os

import numpy as np
import rasterio

from ..processing.test_runmodel import ndvi_reference


def test_runmodel_through_qgis_process(qgis_process_runner, s2_chip, tmp_path):
    out = tmp_path / "ndvi_cli.tif"
    done = qgis_process_runner(
        "run", "satimpact:runmodel", "--json", "--", f"INPUT={s2_chip}", "MODEL=index_ndvi", f"OUTPUT={out}"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    payload = json.loads(done.stdout[done.stdout.index("{") :])
    assert payload["results"]["OUTPUT"] == str(out)
    ref, valid = ndvi_reference(s2_chip)
    with rasterio.open(out) as ds:
        assert np.abs(ds.read(1)[valid] - ref[valid]).max() < 1e-6
    # a bad band map: exit code 1 and a message naming the problem
    bad = qgis_process_runner(
        "run",
        "satimpact:runmodel",
        "--",
        f"INPUT={s2_chip}",
        "MODEL=index_ndvi",
        "BAND_MAP=red=40",
        f"OUTPUT={out}.x.tif",
    )
    assert bad.returncode == 1
    assert "band 40" in bad.stdout + bad.stderr
    # COMPRESSION by name; the values are the same as the default (uncompressed) run's
    packed = tmp_path / "ndvi_zstd.tif"
    done = qgis_process_runner(
        "run",
        "satimpact:runmodel",
        "--",
        f"INPUT={s2_chip}",
        "MODEL=index_ndvi",
        "COMPRESSION=zstd",
        f"OUTPUT={packed}",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    with rasterio.open(out) as plain, rasterio.open(packed) as zstd:
        assert plain.compression is None and zstd.compression.value == "ZSTD"
        np.testing.assert_array_equal(plain.read(), zstd.read())
    # with the floating-point predictor the real NDVI shrinks 1.39x (1.11x without it)
    assert os.path.getsize(out) > 1.3 * os.path.getsize(packed), (os.path.getsize(out), os.path.getsize(packed))
