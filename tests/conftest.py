"""Test set-up: real QGIS (pytest-qgis), the plugin loaded as the package ``satimpact``
from ``.qgis-plugins`` (a link to this checkout), real data from ``../shared/data``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLUGIN_DIR = ROOT / ".qgis-plugins"
DATA = Path(os.environ.get("SATIMPACT_DATA", ROOT.parent / "shared" / "data"))
REQUIRE_DATA = os.environ.get("SATIMPACT_REQUIRE_DATA") == "1"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)

if not (PLUGIN_DIR / "satimpact").exists():
    PLUGIN_DIR.mkdir(exist_ok=True)
    (PLUGIN_DIR / "satimpact").symlink_to(ROOT)
if str(PLUGIN_DIR) not in sys.path:
    sys.path.insert(0, str(PLUGIN_DIR))
# Helper modules of the tests (models_for_tests.py) import by plain name.
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
QGIS_PLUGINS = "/usr/share/qgis/python/plugins"
if QGIS_PLUGINS not in sys.path:
    sys.path.append(QGIS_PLUGINS)


def data_path(*parts: str) -> Path:
    """A file of ../shared/data; skips where the folder is absent, fails in CI."""
    path = DATA.joinpath(*parts)
    if not path.exists():
        message = f"real test data not found: {path} (clone next to ../shared/data)"
        if REQUIRE_DATA:
            pytest.fail(message + "; SATIMPACT_REQUIRE_DATA=1 forbids skipping")
        pytest.skip(message)
    return path


def null_to_none(value):
    """A field value with NULL as None: QGIS 3.22 gives NULL as a null QVariant, newer QGIS as None."""
    return None if value is None or (hasattr(value, "isNull") and value.isNull()) else value


@pytest.fixture(scope="session")
def s2_chip() -> Path:
    return data_path("sen1floods11", "Spain_7370579_S2Hand.tif")


@pytest.fixture(scope="session")
def s1_chip() -> Path:
    return data_path("sen1floods11", "Spain_7370579_S1Hand.tif")


@pytest.fixture(scope="session")
def water_label() -> Path:
    return data_path("sen1floods11", "Spain_7370579_LabelHand.tif")


@pytest.fixture(scope="session")
def satimpact_provider(qgis_app, qgis_processing, qgis_iface):
    """The plugin, loaded the way QGIS loads it, with its provider registered."""
    import satimpact

    plugin = satimpact.classFactory(qgis_iface)
    plugin.initProcessing()
    yield plugin.provider
    plugin.unload()


@pytest.fixture()
def run_alg(satimpact_provider):
    """processing.run with a fresh context; returns the result dict."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    import processing

    def _run(alg_id: str, params: dict, feedback=None, context=None):
        context = context or QgsProcessingContext()
        context.setProject(QgsProject.instance())
        return processing.run(alg_id, params, feedback=feedback or QgsProcessingFeedback(), context=context)

    return _run


def qgis_process(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    """Run scripts/qgis_process.sh (the real qgis_process binary) as a subprocess."""
    env = dict(os.environ)
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)  # set by pytest-qgis for the in-process app
    return subprocess.run(
        [str(ROOT / "scripts" / "qgis_process.sh"), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


@pytest.fixture(scope="session")
def qgis_process_runner():
    return qgis_process
