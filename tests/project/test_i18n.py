"""Korean translation: the compiled .qm translates menus, algorithm names, groups and
parameters, and the .ts holds every tr() string of the sources."""

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from qgis.core import QgsApplication, QgsProcessingModelAlgorithm
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
HANGUL = re.compile("[\uac00-\ud7a3]")


def test_ts_covers_every_source_string():
    sys.path.insert(0, str(ROOT / "scripts"))
    import i18n

    in_sources = set(i18n.collect())
    tree = ET.parse(ROOT / "i18n" / "satimpact_ko.ts")
    in_ts = {m.findtext("source") for m in tree.iter("message")}
    assert in_sources <= in_ts, f"run `make translations`: missing {sorted(in_sources - in_ts)[:5]}"


def test_korean_names_for_every_algorithm(satimpact_provider):
    translator = QTranslator()
    assert translator.load(str(ROOT / "i18n" / "satimpact_ko.qm"))
    QgsApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("SatImpact", "Model manager...") == "모델 관리자..."
        for alg in satimpact_provider.algorithms():
            # the shipped .model3 workflows carry their own (English) names
            if alg.id().startswith("satimpact:") and not isinstance(alg, QgsProcessingModelAlgorithm):
                assert HANGUL.search(alg.displayName()), alg.id()
                assert HANGUL.search(alg.group()), alg.id()
                # parameters are described when an algorithm is created, after the translator
                # is installed (the plugin installs it before it registers its provider)
                fresh = alg.create()
                for param in fresh.parameterDefinitions():
                    assert HANGUL.search(param.description()) or not param.description(), (alg.id(), param.name())
    finally:
        QgsApplication.removeTranslator(translator)


def test_no_string_left_untranslated():
    """The count of untranslated strings in the Korean catalogue is zero."""
    tree = ET.parse(ROOT / "i18n" / "satimpact_ko.ts")
    messages = list(tree.iter("message"))
    untranslated = [
        m.findtext("source")
        for m in messages
        if not (m.findtext("translation") or "").strip() or m.find("translation").get("type") == "unfinished"
    ]
    assert len(messages) > 200
    assert untranslated == [], f"{len(untranslated)} untranslated, e.g. {untranslated[:3]}"


def test_optional_tag_and_layer_legends_in_korean(qgis_app):
    translator = QTranslator()
    assert translator.load(str(ROOT / "i18n" / "satimpact_ko.qm"))
    QgsApplication.installTranslator(translator)
    try:
        # QGIS appends " [optional]" with the widget class as context (the plugin's own wrappers)
        assert QCoreApplication.translate("ModelChooserWrapper", " [optional]") == " [선택]"
        assert QCoreApplication.translate("BandMapWrapper", " [optional]") == " [선택]"
        for legend in ("Water", "Land", "Automatic (from the bands)", "no value (NULL)"):
            assert HANGUL.search(QCoreApplication.translate("SatImpact", legend)), legend
    finally:
        QgsApplication.removeTranslator(translator)
