"""`make package`: the release zip meets the plugin repository's rules and loads in QGIS."""

import configparser
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_release_zip(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "package.py"), str(tmp_path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    meta = configparser.ConfigParser()
    meta.read(ROOT / "metadata.txt")
    version = meta["general"]["version"]
    zip_path = tmp_path / f"satimpact-{version}.zip"
    assert zip_path.exists()
    assert zip_path.stat().st_size < 25 * 1024 * 1024
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        assert {n.split("/")[0] for n in names} == {"satimpact"}
        for required in ("__init__.py", "metadata.txt", "LICENSE", "plugin.py", "icons/satimpact.svg"):
            assert f"satimpact/{required}" in names, required
        assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".pyo")) or "/.git" in n]
        assert not [n for n in names if n.startswith("satimpact/tests/")]
        assert [n for n in names if n.startswith("satimpact/models/") and n.endswith(".onnx")]
        packaged = configparser.ConfigParser()
        packaged.read_string(archive.read("satimpact/metadata.txt").decode())
        general = packaged["general"]
        for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email", "repository"):
            assert general.get(key), key
        assert "GNU GENERAL PUBLIC LICENSE" in archive.read("satimpact/LICENSE").decode()
        archive.extractall(tmp_path / "plugins")

    # the unpacked plugin loads, registers its algorithms and unloads in a fresh QGIS
    from .test_plugin import LIFECYCLE

    script = tmp_path / "lifecycle.py"
    script.write_text(LIFECYCLE)
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "plugins")], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "LIFECYCLE OK" in done.stdout
