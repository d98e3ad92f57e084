"""Engine tests: the QGIS-free core (engine/), tested without QGIS.

`make test-fast` runs this folder alone with pytest-qgis switched off (``-p no:pytest_qgis``), so
nothing starts QGIS; each test then fails if ``qgis`` has been imported by its end, whether the
test, one of its fixtures or a module it imports (satimpact.processing, satimpact.ui) did it. Such a
test belongs in tests/processing/. In the whole suite pytest-qgis imports QGIS before any test runs,
so the check only applies where it is off."""

from __future__ import annotations

import sys

import pytest


@pytest.fixture(autouse=True)
def _engine_test_runs_without_qgis(request):
    yield
    if request.config.pluginmanager.has_plugin("pytest_qgis"):
        return
    assert "qgis" not in sys.modules, (
        f"qgis was imported by the end of {request.node.nodeid}: engine tests must run without QGIS "
        "(this test, a fixture or an import of it reaches QGIS; it belongs in tests/processing/)"
    )
