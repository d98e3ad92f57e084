"""What a new user sees first: the demo scenes open in true colour (bands by name)."""

from conftest import data_path


def test_demo_stack_opens_in_true_colour(qgis_app, tmp_path):
    from qgis.core import QgsRasterLayer

    from satimpact.engine.stack import stack_bigearthnet_s2

    folder = data_path("bigearthnet", "S2", "S2B_MSIL2A_20170924T93020_69_24")
    stack = stack_bigearthnet_s2(str(folder), str(tmp_path))
    assert (tmp_path / "S2B_MSIL2A_20170924T93020_69_24.qml").exists()
    layer = QgsRasterLayer(stack, "demo")  # as QGIS opens a file: with its default style
    renderer = layer.renderer()
    assert renderer.type() == "multibandcolor"
    names = [layer.dataProvider().generateBandName(b) for b in range(1, layer.bandCount() + 1)]
    import rasterio

    with rasterio.open(stack) as ds:
        descriptions = list(ds.descriptions)
    assert descriptions[renderer.redBand() - 1] == "B04"
    assert descriptions[renderer.greenBand() - 1] == "B03"
    assert descriptions[renderer.blueBand() - 1] == "B02", names
    # stretched to the band's own range, not 0..65535
    enhancement = renderer.redContrastEnhancement()
    assert 0 <= enhancement.minimumValue() < enhancement.maximumValue() < 10000
