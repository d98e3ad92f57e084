"""The algorithms' help lives in files, one per algorithm (processing/help/<name>.html), with
its Korean beside it (processing/help/ko/<name>.html); the base class loads the one in the
language of the installed translation. No help HTML stays inline in an algorithm."""

import ast
import re
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingModelAlgorithm
from qgis.PyQt.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
HELP = ROOT / "processing" / "help"
HANGUL = re.compile("[\uac00-\ud7a3]")
ENGLISH_HELP = sorted(p.name for p in HELP.glob("*.html"))


def tool_algorithms(provider):
    return [a for a in provider.algorithms() if not isinstance(a, QgsProcessingModelAlgorithm)]


def test_every_algorithm_has_a_help_file_and_no_file_is_orphaned(satimpact_provider):
    names = sorted(f"{a.name()}.html" for a in tool_algorithms(satimpact_provider))
    assert names == ENGLISH_HELP


@pytest.mark.parametrize("name", ENGLISH_HELP)
def test_help_file_has_its_korean_with_the_same_examples(name):
    english = (HELP / name).read_text(encoding="utf-8")
    korean_path = HELP / "ko" / name
    assert korean_path.exists(), f"processing/help/ko/{name} is missing: translate the help"
    korean = korean_path.read_text(encoding="utf-8")
    assert len(HANGUL.findall(korean)) > 100, name
    # the qgis_process examples and parameter values are the same in both languages
    code = re.compile(r"<code>(.*?)</code>", re.S)
    assert code.findall(korean) == code.findall(english), name
    assert set(re.findall(r"\{\w+\}", korean)) == set(re.findall(r"\{\w+\}", english)), name


def test_no_help_html_inline_in_the_algorithms():
    for path in sorted((ROOT / "processing" / "algorithms").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                assert node.name not in ("shortHelpString", "helpString"), f"{path.name}: help belongs in a file"
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert "<p>" not in node.value, f"{path.name}:{node.lineno}: help HTML belongs in processing/help/"


def test_help_follows_the_installed_translation(satimpact_provider):
    alg = satimpact_provider.algorithm("greenratio")
    english = alg.shortHelpString()
    assert english.startswith("<p>Measures how much of each zone") and not HANGUL.search(english)
    # the labels of the parameters are put in (labels.labelled_help), the examples keep the ids
    assert "<i>Population field of the zones</i> (POPULATION_FIELD)" in english
    assert "<code>qgis_process run satimpact:greenratio -- INPUT=scene.tif" in english
    runmodel = satimpact_provider.algorithm("runmodel").shortHelpString()
    assert "{shipped_models}" not in runmodel and "water_ndwi" in runmodel
    translator = QTranslator()
    assert translator.load(str(ROOT / "i18n" / "satimpact_ko.qm"))
    QgsApplication.installTranslator(translator)
    try:
        korean = alg.create().shortHelpString()
        assert len(HANGUL.findall(korean)) > 500
        assert "<code>qgis_process run satimpact:greenratio -- INPUT=scene.tif" in korean
    finally:
        QgsApplication.removeTranslator(translator)
    assert alg.shortHelpString() == english
