"""The plugin loads like QGIS loads it, registers its provider and unloads cleanly."""

from pathlib import Path

from qgis.core import QgsApplication

ROOT = Path(__file__).resolve().parents[2]


def test_metadata_has_required_fields():
    import configparser

    meta = configparser.ConfigParser()
    meta.read(ROOT / "metadata.txt")
    general = meta["general"]
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email", "repository"):
        assert general.get(key), f"metadata.txt lacks {key}"
    assert general["hasProcessingProvider"] == "yes"
    assert general["qgisMinimumVersion"] == "3.22"
    assert (ROOT / general["icon"]).exists()
    assert "GNU GENERAL PUBLIC LICENSE" in (ROOT / "LICENSE").read_text()


def test_provider_registered_with_algorithms(satimpact_provider):
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("satimpact")
    assert provider is not None
    assert provider.name() == "SatImpact"
    assert not provider.icon().isNull()
    algs = {a.id(): a for a in provider.algorithms()}
    assert "satimpact:runmodel" in algs
    for alg in algs.values():
        help_text = alg.shortHelpString()
        # ids with spaces (the shipped .model3 workflows) are quoted in the example
        assert f"qgis_process run {alg.id()}" in help_text or f"qgis_process run '{alg.id()}'" in help_text, alg.id()
        assert alg.group(), alg.id()


LIFECYCLE = """
import sys
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
sys.path.append('/usr/share/qgis/python/plugins')
from processing.core.Processing import Processing
Processing.initialize()
sys.path.insert(0, sys.argv[1])
import satimpact
registry = QgsApplication.processingRegistry()
plugin = satimpact.classFactory(None)
plugin.initGui()
plugin.initProcessing()
provider = registry.providerById('satimpact')
assert provider is not None and len(provider.algorithms()) >= 1
assert registry.algorithmById('satimpact:runmodel') is not None
plugin.unload()
assert registry.providerById('satimpact') is None
assert registry.algorithmById('satimpact:runmodel') is None
plugin.initProcessing()  # loading again after unload works (plugin reloader)
assert registry.providerById('satimpact') is not None
plugin.unload()
print('LIFECYCLE OK')
app.exitQgis()
"""


def test_load_and_unload_cleanly_in_fresh_qgis(tmp_path):
    """A fresh QGIS process: classFactory, initGui, unload, reload, unload."""
    import subprocess
    import sys

    script = tmp_path / "lifecycle.py"
    script.write_text(LIFECYCLE)
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    done = subprocess.run(
        [sys.executable, str(script), str(ROOT / ".qgis-plugins")], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "LIFECYCLE OK" in done.stdout


def test_pyproj_finds_proj_data_without_environment():
    """setup.sh links Debian's PROJ data into the venv; no PROJ_DATA variable is needed."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("PROJ_DATA", "PROJ_LIB")}
    code = "import pyproj; print(pyproj.datadir.get_data_dir()); print(pyproj.CRS.from_epsg(32630).name)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "UTM zone 30N" in done.stdout
