"""Engine tests: the QGIS-free core (engine/), tested without QGIS.

`make test-fast` runs this folder alone with pytest-qgis switched off (``-p no:pytest_qgis``), so
nothing starts QGIS; each test then fails if ``qgis`` has been imported by its end, whether the
test, one of its fixtures or a module it imports (satimpact.processing, satimpact.ui) did it. Such a
test belongs in tests/processing/. In the whole suite pytest-qgis imports QGIS before any test runs,
so the check only applies where it is off."""

from __future__ import annotations

import sys

import pytest

# the test after which qgis was first found imported: the likely culprit, named by every later failure
_first_seen_after: list[str] = []


@pytest.fixture(autouse=True)
def _engine_test_runs_without_qgis(request):
    yield
    if request.config.pluginmanager.has_plugin("pytest_qgis") or "qgis" not in sys.modules:
        return
    if not _first_seen_after:
        _first_seen_after.append(request.node.nodeid)
    pytest.fail(
        f"qgis is imported (first found after {_first_seen_after[0]}): engine tests must run without QGIS; "
        "a test, fixture or module that reaches QGIS belongs in tests/processing/",
        pytrace=False,
    )
