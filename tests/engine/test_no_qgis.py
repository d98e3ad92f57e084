"""The engine is QGIS-free (DESIGN.md): no module of engine/ imports qgis, and no engine test (nor a
test helper it imports) reaches QGIS, so `make test-fast` runs them without it. The same is checked
at run time by tests/engine/conftest.py where pytest-qgis is off; this static check runs in every
`make test`."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
# what needs QGIS: its bindings, its Processing framework, and the plugin's layers above the engine
QGIS_SIDE = ("qgis", "processing", "satimpact.processing", "satimpact.ui", "satimpact.plugin")


def test_engine_has_no_qgis_imports():
    for path in (ROOT / "engine").rglob("*.py"):
        text = path.read_text()
        assert "import qgis" not in text and "from qgis" not in text, path


def imported_modules(path: Path, anywhere: bool) -> list[str]:
    """The modules a file imports, anywhere in it or only at module level (a helper's functions
    import what they need when called); relative imports as '.name' / '..name'."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree) if anywhere else tree.body:
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names.append("." * node.level + (node.module or ""))
    return names


def reaches_qgis(name: str) -> bool:
    if name.startswith("."):  # another test folder's module: only engine/ may be imported from here
        return not name.lstrip(".").startswith("engine") and name.count(".") > 1
    return any(name == side or name.startswith(side + ".") for side in QGIS_SIDE)


def test_engine_tests_and_their_helpers_import_no_qgis():
    tests = sorted((TESTS / "engine").glob("*.py"))
    files, seen, offenders = list(tests), set(tests), []
    while files:
        path = files.pop()
        for name in imported_modules(path, anywhere=path in tests):
            if reaches_qgis(name):
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
            helper = TESTS / f"{name}.py"  # the helpers beside conftest.py import by plain name
            if not name.startswith(".") and helper.exists() and helper not in seen:
                seen.add(helper)
                files.append(helper)
    assert not offenders, "engine tests must run without QGIS (move such tests to tests/processing/): " + "; ".join(
        offenders
    )
