"""Tool dialogs read at a glance: short labels (QGIS cuts them off beyond ~50 characters; the
test allows 60 for labels without a parenthesis to cut),
the explanation in the parameter's help, QGIS's own "[optional]" only once."""

from satimpact.processing.labels import MAX_LABEL, split_label


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
            assert len(label) < MAX_LABEL + 10, (alg.id(), param.name(), label)
            assert "(optional)" not in label.lower() and "[optional]" not in label.lower(), (alg.id(), label)
        # what was cut from a label is in the help, never lost
        water = alg.parameterDefinition("MODEL")
        if alg.id() == "satimpact:waterdetection":
            assert water.description() == "Water model"
            assert "water_mndwi_evi" in water.help()


def test_help_names_parameters_by_label(satimpact_provider):
    import re

    alg = satimpact_provider.algorithm("waterdetection")
    text = alg.shortHelpString()
    assert "<i>Automatic threshold for any model</i> (AUTO_THRESHOLD)" in text
    # outside the qgis_process examples an id never stands alone
    prose = re.sub(r"<code>.*?</code>", "", text, flags=re.S)
    assert not re.search(r"(?<![(\w])AUTO_THRESHOLD(?![)\w])", prose), prose
    assert "<code>qgis_process run satimpact:waterdetection -- INPUT=scene.tif" in text
