"""Korean translation: the compiled .qm translates menus, algorithm names, groups and
parameters, the .ts holds every user-visible string (tr() of the sources, the engine's log
lines and errors, layer names, legends, card titles, workflow texts), and a tool run in a
QGIS whose locale is Korean logs and names its layers in Korean."""

import json
import os
import re
import subprocess
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


def _i18n():
    sys.path.insert(0, str(ROOT / "scripts"))
    import i18n

    return i18n


def test_every_user_visible_string_has_korean():
    """Counts, per class, the strings the user reads and those without Korean: zero."""
    i18n = _i18n()
    korean = json.loads((ROOT / "i18n" / "ko.json").read_text(encoding="utf-8"))
    by_class = i18n.classified()
    counts = {kind: (len(texts), sum(not korean.get(t, "").strip() for t in texts)) for kind, texts in by_class.items()}
    print("strings per class (all, untranslated):", counts)
    for kind in ("log", "error", "layer", "legend", "ui", "card title", "card text", "workflow"):
        assert counts[kind][0] > 0, f"no {kind} string collected: the extraction misses a class"
    missing = [t for texts in by_class.values() for t in texts if not korean.get(t, "").strip()]
    assert missing == [], f"{len(missing)} untranslated, e.g. {missing[:3]} (add them to i18n/ko.json)"
    # and nothing reaches the user without tr(): a literal or f-string in a log line, an error, a
    # layer name or a legend counts as untranslated (`python scripts/i18n_wrap.py FILE` wraps it)
    bare = i18n.unwrapped()
    assert bare == [], f"{len(bare)} texts reach the user without tr(), e.g. {bare[:3]}"


def test_format_arguments_match_the_fields():
    """Every tr("... {name} {0} ...").format(...) passes exactly the fields its text has."""
    assert _i18n().format_mismatches() == []


def test_placeholders_kept_in_korean():
    """A Korean text has the same str.format fields as its English key."""
    import string

    fields = string.Formatter()
    korean = json.loads((ROOT / "i18n" / "ko.json").read_text(encoding="utf-8"))

    def of(text):
        return sorted((f, s, c) for _, f, s, c in fields.parse(text) if f is not None)

    differ = [k for k, v in korean.items() if "{" in k + v and of(k) != of(v)]
    assert differ == [], differ[:3]


def test_engine_tr_follows_the_language():
    from satimpact.engine import i18n as engine_i18n

    assert engine_i18n.set_language("ko_KR") == "ko"
    try:
        text = engine_i18n.tr("cancelled by the user; no output was written")
        assert HANGUL.search(text)
        assert engine_i18n.tr("an English text with no entry") == "an English text with no entry"
    finally:
        assert engine_i18n.set_language("en_US") == "en"
    assert engine_i18n.tr("cancelled by the user; no output was written").startswith("cancelled")
    assert engine_i18n.set_language("xx") == "en"  # no catalogue: English


def test_names_in_log_lines_and_batch_workers_follow_the_language(tmp_path):
    """Threshold methods, radar units and merge modes are named in Korean, and a batch worker
    (a fresh process, in English) answers in the language the client passes it."""
    from satimpact.engine import batch
    from satimpact.engine import i18n as engine_i18n
    from satimpact.engine.card import merge_name
    from satimpact.engine.radar import method_name, unit_name

    item = batch.BatchItem((str(tmp_path / "scene.tif"),), "scene")
    params = {"MODEL": "no_such_model"}
    names = batch.output_names("runmodel", params, item)
    try:
        result = batch.run_item("runmodel", item, params, str(tmp_path / "staging"), names, lang="ko")
        assert result["status"] == "failed" and HANGUL.search(result["error"]), result
        assert "no_such_model" in result["error"]
        assert engine_i18n.language() == "ko"
        assert HANGUL.search(unit_name("linear")) and HANGUL.search(merge_name("crop"))
        assert method_name("ki") == "Kittler-Illingworth"  # a name: Korean GIS texts keep it
    finally:
        engine_i18n.set_language("en")
    assert (unit_name("linear"), merge_name("crop")) == ("linear power", "crop")
    result = batch.run_item("runmodel", item, params, str(tmp_path / "staging"), names, lang="en")
    assert result["error"].startswith("unknown model 'no_such_model'"), result["error"]


def test_model_manager_card_in_korean(satimpact_provider):
    """The model manager shows a shipped card's labels, description and caveats in Korean."""
    from satimpact.engine.model import read_model
    from satimpact.ui.model_manager import card_html

    path = str(ROOT / "models" / "water_ndwi.onnx")
    card = read_model(path).card
    translator = QTranslator()
    assert translator.load(str(ROOT / "i18n" / "satimpact_ko.qm"))
    QgsApplication.installTranslator(translator)
    try:
        shown = card_html(card, "shipped", path)
    finally:
        QgsApplication.removeTranslator(translator)
    for english in (card.description, card.caveats, "Caveats", "Metrics", "shipped"):
        assert english not in shown, english
    assert "주의 사항" in shown and "기본 제공" in shown and "NDWI = (녹색 - NIR)" in shown
    assert card.caveats in card_html(card, "shipped", path)  # English without the translator


def test_workflows_in_korean(satimpact_provider):
    from satimpact.processing.workflow_text import texts

    translator = QTranslator()
    assert translator.load(str(ROOT / "i18n" / "satimpact_ko.qm"))
    QgsApplication.installTranslator(translator)
    try:
        workflows = [a for a in satimpact_provider.algorithms() if isinstance(a, QgsProcessingModelAlgorithm)]
        assert len(workflows) >= 3
        for workflow in workflows:
            fresh = workflow.create()  # what the dialog and processing.run use
            assert fresh.id() == workflow.id() and fresh.id().startswith("satimpact:")
            assert HANGUL.search(fresh.displayName()), fresh.displayName()
            # create() translates again from the translated variant: same texts, no English left
            english = [t for t in texts(fresh.toVariant()) if t != fresh.name() and not HANGUL.search(t)]
            assert english == [], english[:3]
            for param in fresh.parameterDefinitions():
                assert HANGUL.search(param.description()), (fresh.id(), param.name())
    finally:
        QgsApplication.removeTranslator(translator)


def test_water_detection_in_korean_through_qgis_process(tmp_path, s2_chip):
    """qgis_process in a profile whose locale is Korean (locale/userLocale=ko_KR, the setting
    QGIS's Options > General writes): the log lines are Korean."""
    profile = tmp_path / "config" / "profiles" / "default" / "QGIS"
    profile.mkdir(parents=True)
    (profile / "QGIS3.ini").write_text(
        "[locale]\nuserLocale=ko_KR\noverrideFlag=true\n\n[PythonPlugins]\nsatimpact=true\n", encoding="utf-8"
    )
    env = {**os.environ, "QGIS_CUSTOM_CONFIG_PATH": str(tmp_path / "config")}
    out = tmp_path / "water.tif"
    done = subprocess.run(
        [
            str(ROOT / "scripts" / "qgis_process.sh"),
            "run",
            "satimpact:waterdetection",
            "--",
            f"INPUT={s2_chip}",
            f"OUTPUT={out}",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    log = done.stdout.split("Results")[0]
    assert "밴드 구성으로 고른 모델: water_mndwi_evi" in log  # the plugin's own log line
    assert re.search(r"수체: 유효 픽셀 262144개 중 \d+개", log)  # the engine's
    # every line the tool logs is Korean (the echoed inputs and QGIS's progress dots aside)
    lines = [
        line
        for line in log.splitlines()
        if line.strip() and not line.startswith(("---", "Inputs", "0...")) and ":\t" not in line
    ]
    assert len(lines) >= 8, lines
    assert [line for line in lines if not HANGUL.search(line)] == []
    assert out.exists()


def test_layer_names_and_log_in_korean(satimpact_provider, qgis_iface, s2_chip, tmp_path):
    """processing.runAndLoadResults in a QGIS whose locale setting is Korean: the plugin, started
    as QGIS starts it, logs in Korean and names the loaded layers in Korean."""
    from qgis.core import QgsProcessingFeedback, QgsProject, QgsSettings

    import processing
    import satimpact
    from satimpact.engine import i18n as engine_i18n

    settings = QgsSettings()
    before = settings.value("locale/userLocale")
    settings.setValue("locale/userLocale", "ko_KR")
    plugin = satimpact.classFactory(qgis_iface)  # installs the translator, sets the engine's language
    lines = []

    class Log(QgsProcessingFeedback):
        def pushInfo(self, text):
            lines.append(text)
            super().pushInfo(text)

    try:
        assert engine_i18n.language() == "ko"
        processing.runAndLoadResults(
            "satimpact:waterdetection",
            {"INPUT": str(s2_chip), "OUTPUT": str(tmp_path / "water.tif"), "OUTPUT_POLYGONS": str(tmp_path / "w.gpkg")},
            feedback=Log(),
        )
        names = [layer.name() for layer in QgsProject.instance().mapLayers().values()]
        loaded = [n for n in names if "water_mndwi_evi" in n]
        assert len(loaded) == 2, names
        assert all(HANGUL.search(n) for n in loaded), loaded
        assert "밴드 구성으로 고른 모델: water_mndwi_evi" in lines  # the plugin's own log line
        assert any(re.match(r"수체: 유효 픽셀 262144개 중 \d+개", line) for line in lines), lines  # the engine's
        assert any(re.match(r"면적 [\d.]+ m2 이상 수체 \d+개", line) for line in lines), lines
    finally:
        plugin.unload()
        engine_i18n.set_language("en")
        settings.setValue("locale/userLocale", before) if before is not None else settings.remove("locale/userLocale")
        QgsProject.instance().removeAllMapLayers()
