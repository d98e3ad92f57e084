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


def otsu(values, bins=256):
    """Otsu's (1979) threshold: the cut of the histogram with the largest between-class variance."""
    import numpy as np

    counts, edges = np.histogram(values[np.isfinite(values)], bins=bins)
    centres = (edges[:-1] + edges[1:]) / 2
    weight = np.cumsum(counts)
    mean = np.cumsum(counts * centres)
    total, total_mean = weight[-1], mean[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (total_mean * weight / total - mean) ** 2 / (weight * (total - weight))
    return centres[int(np.nanargmax(between[:-1]))]


def test_lake_counts_as_water_not_green(run_alg, tmp_path):
    """The demo's lake patch (BigEarthNet, CORINE 'water bodies'): its open water is dark, so
    NDVI alone calls much of it vegetation; the water rule keeps it out of green."""
    import rasterio

    from satimpact.engine.stack import stack_bigearthnet_s2

    from conftest import null_to_none

    folder = data_path("bigearthnet", "S2", "S2B_MSIL2A_20170924T93020_69_24")
    stack = stack_bigearthnet_s2(str(folder), str(tmp_path))
    with rasterio.open(stack) as ds:
        names = list(ds.descriptions)
        band = {n: ds.read(names.index(n) + 1).astype("float64") for n in ("B03", "B04", "B08", "B11")}
    mndwi = (band["B03"] - band["B11"]) / (band["B03"] + band["B11"])
    ndvi = (band["B08"] - band["B04"]) / (band["B08"] + band["B04"])
    # the lake as a careful analyst draws it: Otsu's threshold on MNDWI (15 % of the patch)
    otsu_lake = mndwi > otsu(mndwi)
    assert 0.12 < otsu_lake.mean() < 0.2, otsu_lake.mean()
    # the rule: MNDWI > 0, or NIR reflectance below 3 % (dark water whose NDVI reaches 0.2-0.3)
    lake = (mndwi > 0) | (band["B08"] / 10000.0 < 0.03)
    assert (lake & otsu_lake).sum() >= 0.85 * otsu_lake.sum()
    # without the rule the lake would read green: NDVI above green_ndvi's 0.2 on part of it
    assert (ndvi[lake] > 0.2).sum() > 50, (ndvi[lake] > 0.2).sum()

    result = run_alg(
        "satimpact:greenratio",
        {
            "INPUT": stack,
            "MODEL": "green_ndvi",
            "CELL_SIZE": 600,
            "OUTPUT": str(tmp_path / "green.gpkg"),
            "OUTPUT_MASK": str(tmp_path / "mask.tif"),
        },
    )
    with rasterio.open(tmp_path / "mask.tif") as ds:
        mask = ds.read(1)
    assert (mask[lake] == 3).all() and not (mask[lake] == 1).any()
    assert ((mask == 3) == lake).all()
    from qgis.core import QgsVectorLayer

    cells = QgsVectorLayer(result["OUTPUT"], "cells", "ogr")
    water = sum(null_to_none(f["water_area_m2"]) or 0.0 for f in cells.getFeatures())
    # 10 m UTM pixels; areas are true (equal-area) square metres, within UTM's scale factor
    assert abs(water - lake.sum() * 100.0) < 1e-3 * lake.sum() * 100.0, (water, lake.sum())
    green = sum(null_to_none(f["green_area_m2"]) or 0.0 for f in cells.getFeatures())
    assert green <= ((ndvi > 0.2) & ~lake).sum() * 100.0


def test_default_water_on_the_demo_lake_agrees_with_otsu_on_mndwi(run_alg, tmp_path):
    """The optical default on the demo's lake patch agrees with a careful threshold, Otsu on MNDWI
    computed here with numpy (IoU >= 0.9; it was 0.30 with MNDWI_EVI > 0), and dry farmland
    patches do not gain water (the dark-water rule needs the new water to be dark in the NIR).
    The Sen1Floods11 figure (>= 0.72) is in test_water.py."""
    import glob

    import rasterio

    from satimpact.engine.stack import stack_bigearthnet_s2

    lake = stack_bigearthnet_s2(str(data_path("bigearthnet", "S2", "S2B_MSIL2A_20170924T93020_69_24")), str(tmp_path))
    with rasterio.open(lake) as ds:
        names = list(ds.descriptions)
        green, swir = (ds.read(names.index(n) + 1).astype("float64") for n in ("B03", "B11"))
    mndwi = (green - swir) / (green + swir)
    careful = mndwi > otsu(mndwi)
    result = run_alg("satimpact:waterdetection", {"INPUT": lake, "OUTPUT": str(tmp_path / "lake.tif")})
    with rasterio.open(result["OUTPUT"]) as ds:
        water = ds.read(1) == 1
    iou = (water & careful).sum() / (water | careful).sum()
    assert iou >= 0.9, iou
    assert result["MODEL_USED"] == "water_mndwi" and result["THRESHOLD_USED"] < 0
    for folder in sorted(glob.glob(str(data_path("bigearthnet", "S2") / "S2A_MSIL2A_2017061*"))):
        patch = stack_bigearthnet_s2(folder, str(tmp_path))
        dry = run_alg("satimpact:waterdetection", {"INPUT": patch, "OUTPUT": str(tmp_path / "dry.tif")})
        assert dry["MODEL_USED"] == "water_mndwi_evi" and dry["WATER_SHARE"] < 0.01, (folder, dry)
