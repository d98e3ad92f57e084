"""satimpact:debrisdetection through qgis_process.
The real qgis_process binary in a subprocess (conftest.qgis_process_runner)."""

import json


def test_debris_through_qgis_process(qgis_process_runner, s2_chip, tmp_path):
    out = tmp_path / "fdi_cli.tif"
    cands = tmp_path / "debris_cli.gpkg"
    done = qgis_process_runner(
        "run",
        "satimpact:debrisdetection",
        "--json",
        "--",
        f"INPUT={s2_chip}",
        f"OUTPUT={out}",
        f"OUTPUT_CANDIDATES={cands}",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    payload = json.loads(done.stdout[done.stdout.index("{") :])
    assert payload["results"]["MODEL_USED"] == "debris_fdi"
    assert 0 < payload["results"]["FLAGGED_SHARE"] < 0.03
    assert out.exists() and cands.exists()
