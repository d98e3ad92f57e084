"""The in-QGIS installer, as a user meets it: real QGIS under Xvfb with a fresh HOME and a
fresh profile whose Python (Debian's, externally managed) has no onnxruntime. The message
bar's install button is clicked; pip runs with QGIS's own interpreter into
<profile>/python/satimpact-deps from a local wheel folder (PIP_NO_INDEX/PIP_FIND_LINKS, built
offline from this venv's installed packages); QGIS is restarted (a new process, same
profile) and a tool runs."""

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import rasterio
from wheel_folder import wheel_folder

from gui_runner import ROOT, run_qgis_gui

pytestmark = pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")

SYSTEM_PYTHON = "/usr/bin/python3"


def system_imports(module: str) -> bool:
    return subprocess.run([SYSTEM_PYTHON, "-s", "-c", f"import {module}"], capture_output=True).returncode == 0


@pytest.mark.skipif(not Path(SYSTEM_PYTHON).exists(), reason="needs the system Python that QGIS uses")
def test_install_button_restart_and_run(qgis_app, s2_chip, tmp_path):
    if system_imports("onnxruntime"):
        pytest.skip("the system Python already has onnxruntime: nothing to install")
    site = next((ROOT / ".venv" / "lib").glob("python3*/site-packages"))
    wheels = wheel_folder(["onnxruntime", "onnx"], tmp_path / "wheels", site)
    names = {w.name.split("-")[0].lower() for w in wheels}
    assert {"onnxruntime", "onnx", "protobuf", "typing_extensions"} <= names, names
    home = tmp_path / "home"
    home.mkdir()
    profiles = tmp_path / "profiles"
    env = {"HOME": str(home), "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(tmp_path / "wheels")}
    env["PIP_CACHE_DIR"] = str(home / "pip-cache")

    first = run_qgis_gui(
        [
            {"kind": "messages"},
            {"kind": "install", "shot": str(tmp_path / "installer.png")},
            {"kind": "messages", "key": "message_bar_after"},
        ],
        tmp_path / "first",
        profiles=profiles,
        venv=False,
        extra_env=env,
        timeout=600,
    )
    assert first["errors"] == []
    assert any("onnxruntime" in m and "cannot import" in m for m in first["message_bar"]), first["message_bar"]
    assert first["install_button_found"]
    log = first["install_log"]
    assert first["install_succeeded"] is True, log
    assert first["install_progress"] == 100
    assert "Restart QGIS" in first["install_status"]
    # pip ran with QGIS's interpreter in the plugin's folder, and installed the dependencies' dependencies
    deps = profiles / "profiles" / "default" / "python" / "satimpact-deps"
    assert f"{deps}/bin/python -m pip install" in log, log[:3000]
    assert "Successfully installed" in log and "typing_extensions" in log and "protobuf" in log
    # the import check ran and found the packages in that folder
    assert f"onnxruntime 1.32.0 {deps}/lib/python3.11/site-packages/onnxruntime/__init__.py" in log
    site_deps = deps / "lib" / "python3.11" / "site-packages"
    assert (site_deps / "onnxruntime").is_dir() and (site_deps / "typing_extensions.py").exists()
    assert not (site_deps / "numpy").exists()  # QGIS's numpy is kept, not shadowed
    assert (deps / "install.log").read_text().strip().endswith(first["install_status"])
    # nothing outside the profile changed: not the system Python, not ~/.local
    assert not system_imports("onnxruntime")
    assert not (home / ".local" / "lib").exists()
    # the "missing" message is gone once installed (the button does not loop)
    assert not any("cannot import" in m for m in first["message_bar_after"]), first["message_bar_after"]
    assert any("Installed and checked" in m for m in first["message_bar_after"])

    output = tmp_path / "ndvi.tif"
    second = run_qgis_gui(
        [
            {"kind": "messages"},
            {
                "kind": "run",
                "alg": "satimpact:runmodel",
                "params": {"INPUT": str(s2_chip), "MODEL": "index_ndvi", "OUTPUT": str(output)},
            },
        ],
        tmp_path / "second",
        profiles=profiles,
        venv=False,
        extra_env=env,
    )
    assert second["errors"] == []
    assert not any("cannot import" in m for m in second["message_bar"]), second["message_bar"]
    assert second["runs"][0]["layers"], second
    with rasterio.open(output) as ds:
        ndvi = ds.read(1, masked=True).filled(np.nan)
    assert np.isfinite(ndvi).mean() > 0.9 and -1 <= np.nanmin(ndvi) and np.nanmax(ndvi) <= 1
    assert np.nanstd(ndvi) > 0.05
