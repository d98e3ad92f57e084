"""The engine is QGIS-free (DESIGN.md): no module of engine/ imports qgis."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_engine_has_no_qgis_imports():
    for path in (ROOT / "engine").rglob("*.py"):
        text = path.read_text()
        assert "import qgis" not in text and "from qgis" not in text, path
