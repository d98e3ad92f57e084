"""Tool dialogs read at a glance: short labels (QGIS cuts them off beyond ~50 characters, in
English and in Korean, whose characters are twice as wide), the explanation in the
parameter's help, QGIS's own "[optional]" only once."""

from pathlib import Path

from satimpact.processing.labels import MAX_LABEL, label_width, split_label

ROOT = Path(__file__).resolve().parents[2]


def test_split_label_keeps_the_name_and_moves_the_explanation():
    assert split_label("Population field of the zones (optional)") == ("Population field of the zones", "")
    label, explanation = split_label(
        "Water model (empty: chosen from the bands; water_mndwi_evi, water_ndwi, water_sdwi)"
    )
    assert label == "Water model" and explanation.startswith("Water model (empty: chosen")
    assert split_label("Grid cell size (metres)") == ("Grid cell size (metres)", "")


def test_every_parameter_label_is_short_with_help(satimpact_provider):
    for alg in satimpact_provider.algorithms():
        if not alg.id().startswith("satimpact:") or " " in alg.id():  # the .model3 workflows keep theirs
            continue
        for param in alg.parameterDefinitions():
            label = param.description()
            assert len(label) < MAX_LABEL, (alg.id(), param.name(), label)
            assert "(optional)" not in label.lower() and "[optional]" not in label.lower(), (alg.id(), label)
        # what was cut from a label is in the help, never lost
        water = alg.parameterDefinition("MODEL")
        if alg.id() == "satimpact:waterdetection":
            assert water.description() == "Water model"
            assert "water_mndwi_evi" in water.help()


def test_korean_labels_are_as_short(satimpact_provider):
    from qgis.core import QgsApplication, QgsProcessingModelAlgorithm
    from qgis.PyQt.QtCore import QTranslator

    assert split_label("밴드 지정 (예: red=3,nir=4 또는 배열 이름; 비우면 자동)")[0] == "밴드 지정"
    translator = QTranslator()
    assert translator.load(str(ROOT / "i18n" / "satimpact_ko.qm"))
    QgsApplication.installTranslator(translator)
    try:
        for alg in satimpact_provider.algorithms():
            if isinstance(alg, QgsProcessingModelAlgorithm):
                continue
            fresh = alg.create()  # described in Korean when created (kept alive while read)
            for param in fresh.parameterDefinitions():
                label = param.description()
                assert label_width(label) < MAX_LABEL, (alg.id(), param.name(), label)
    finally:
        QgsApplication.removeTranslator(translator)


def test_help_names_parameters_by_label(satimpact_provider):
    import re

    alg = satimpact_provider.algorithm("waterdetection")
    text = alg.shortHelpString()
    assert "<i>Automatic threshold for any model</i> (AUTO_THRESHOLD)" in text
    # outside the qgis_process examples an id never stands alone
    prose = re.sub(r"<code>.*?</code>", "", text, flags=re.S)
    assert not re.search(r"(?<![(\w])AUTO_THRESHOLD(?![)\w])", prose), prose
    assert "<code>qgis_process run satimpact:waterdetection -- INPUT=scene.tif" in text
