"""The Processing layer's shape (issue 14 §2/§3): result tables come from the base class's
helpers (tables.py), never built again in an algorithm; no function over 80 lines; no
tr(f"...") that the catalogue could never hold. Static checks on the sources."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROCESSING = sorted((ROOT / "processing").rglob("*.py"))
ALGORITHMS = sorted((ROOT / "processing" / "algorithms").glob("*.py"))


def calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            yield node, func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


@pytest.mark.parametrize("path", ALGORITHMS, ids=lambda p: p.name)
def test_tables_come_from_the_base_class(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # sinks through self.table_sink, fields through self.qgs_fields_for, zones through
    # self.zones_from_source (a point or polygon layer read as training data is not zones)
    built = [(node.lineno, name) for node, name in calls(tree) if name in ("parameterAsSink", "QgsFields", "QgsField")]
    assert built == [], f"{path.name}: use the base class's table_sink / qgs_fields_for ({built})"


@pytest.mark.parametrize("path", PROCESSING, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_function_over_80_lines(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [
        (node.name, node.end_lineno - node.lineno + 1)
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > 80
    ]
    assert long == [], f"{path.name}: split into steps {long}"


@pytest.mark.parametrize("path", PROCESSING, ids=lambda p: str(p.relative_to(ROOT)))
def test_translated_texts_are_literals(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    dynamic = [
        node.lineno
        for node, name in calls(tree)
        if name == "tr" and node.args and isinstance(node.args[0], ast.JoinedStr)
    ]
    assert dynamic == [], f"{path.name}: tr(f'...') at lines {dynamic}; write tr('{{0}} ...').format(x)"
