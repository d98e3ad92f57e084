"""Any raster layer QGIS can show: an XYZ tile layer (file:// tiles made from the real Landsat
scene, no network) goes through satimpact:runmodel at a requested extent and resolution, and
the result matches the index computed from the original scene on the same grid."""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import onnx
import pytest
import rasterio
from rasterio.warp import Resampling, reproject
from scale_models import rgb_index_card, rgb_index_model

from conftest import data_path

ZOOM = 9  # about 280 m per pixel at the scene's latitude, close to its own 300 m


@pytest.fixture(scope="module")
def landsat():
    return data_path("landsat", "RGB.byte.tif")


@pytest.fixture(scope="module")
def xyz_tiles(landsat, tmp_path_factory):
    if shutil.which("gdal2tiles.py") is None:
        pytest.fail("gdal2tiles.py is missing (Debian package gdal-bin)")
    folder = tmp_path_factory.mktemp("xyz") / "tiles"
    subprocess.run(
        ["gdal2tiles.py", "--xyz", "-z", f"{ZOOM - 1}-{ZOOM}", "-w", "none", "-r", "bilinear", "--processes=1", "-q"]
        + [str(landsat), str(folder)],
        check=True,
        capture_output=True,
    )
    assert list(folder.glob(f"{ZOOM}/*/*.png"))
    return folder


@pytest.fixture()
def xyz_layer(xyz_tiles, qgis_app):
    from qgis.core import QgsProject, QgsRasterLayer

    url = f"file://{xyz_tiles}/{{z}}/{{x}}/{{y}}.png"
    layer = QgsRasterLayer(f"type=xyz&url={url}&zmin={ZOOM - 1}&zmax={ZOOM}", "landsat tiles", "wms")
    assert layer.isValid(), layer.error().summary()
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


@pytest.fixture(scope="module")
def grvi_model(tmp_path_factory):
    path = tmp_path_factory.mktemp("models") / "grvi.onnx"
    onnx.save(rgb_index_model(), path)
    return path


def _scene_extent_3857(landsat):
    with rasterio.open(landsat) as ds:
        from rasterio.warp import transform_bounds

        return transform_bounds(ds.crs, "EPSG:3857", *ds.bounds)


def _reference_grvi(landsat, out):
    """The same index from the original scene, resampled onto the output's grid."""
    with rasterio.open(out) as dst, rasterio.open(landsat) as src:
        red = np.zeros((dst.height, dst.width), np.float32)
        green = np.zeros_like(red)
        for band, target in ((1, red), (2, green)):
            reproject(
                rasterio.band(src, band),
                target,
                dst_transform=dst.transform,
                dst_crs=dst.crs,
                src_nodata=0,
                dst_nodata=0,
                resampling=Resampling.bilinear,
            )
    valid = (red > 0) & (green > 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(valid, (green - red) / (green + red), np.nan)


def test_xyz_layer_rendered_at_extent_and_resolution(run_alg, xyz_layer, grvi_model, landsat, tmp_path):
    from qgis.core import QgsProcessingFeedback

    xmin, ymin, xmax, ymax = _scene_extent_3857(landsat)
    # The middle of the scene, away from its rotated no-data borders.
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    half = 0.3 * (xmax - xmin)
    extent = f"{cx - half},{cx + half},{cy - half},{cy + half} [EPSG:3857]"
    out = tmp_path / "grvi.tif"
    messages = []

    class Log(QgsProcessingFeedback):
        def pushInfo(self, info):
            messages.append(info)
            super().pushInfo(info)

    result = run_alg(
        "satimpact:runmodel",
        {"INPUT": xyz_layer, "MODEL": str(grvi_model), "EXTENT": extent, "RESOLUTION": 300.0, "OUTPUT": str(out)},
        feedback=Log(),
    )
    assert result["OUTPUT"] == str(out)
    assert any("rendering 'landsat tiles' (wms)" in m and "at 300 m per pixel" in m for m in messages), messages
    with rasterio.open(out) as ds:
        assert ds.crs.to_epsg() == 3857
        grvi = ds.read(1)
        nodata = ds.nodata
        # 300 m on the ground is 300 / cos(latitude) Web Mercator metres.
        lat = np.degrees(2 * np.arctan(np.exp(cy / 6378137.0)) - np.pi / 2)
        assert ds.res[0] == pytest.approx(300.0 / np.cos(np.radians(lat)), rel=0.01)
        assert (ds.bounds.left, ds.bounds.top) == pytest.approx((cx - half, cy + half), abs=1.0)
    reference = _reference_grvi(landsat, out)
    both = (grvi != nodata) & np.isfinite(reference)
    assert both.mean() > 0.9
    r = np.corrcoef(grvi[both], reference[both])[0, 1]
    assert r > 0.9, r
    assert np.median(np.abs(grvi[both] - reference[both])) < 0.03
    # The rendered temporary GeoTIFF is gone once the run is over.
    assert not any("input_rendered" in p.name for p in tmp_path.iterdir())


def test_xyz_layer_default_extent_and_card_resolution(run_alg, xyz_layer, grvi_model, landsat, tmp_path):
    """No EXTENT: the layer's extent (here the tiles' coverage is smaller than the world, so
    the render is limited by the pixel cap message); with an EXTENT and no RESOLUTION the
    card's finest resolution (100 m) is used."""
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="set a smaller EXTENT or a coarser RESOLUTION"):
        run_alg("satimpact:runmodel", {"INPUT": xyz_layer, "MODEL": str(grvi_model), "OUTPUT": str(tmp_path / "a.tif")})
    xmin, ymin, xmax, ymax = _scene_extent_3857(landsat)
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    extent = f"{cx - 20000},{cx + 20000},{cy - 20000},{cy + 20000} [EPSG:3857]"
    out = tmp_path / "b.tif"
    run_alg("satimpact:runmodel", {"INPUT": xyz_layer, "MODEL": str(grvi_model), "EXTENT": extent, "OUTPUT": str(out)})
    lat = np.degrees(2 * np.arctan(np.exp(cy / 6378137.0)) - np.pi / 2)
    with rasterio.open(out) as ds:
        assert ds.res[0] == pytest.approx(
            rgb_index_card()["inputs"][0]["resolution_m"][0] / np.cos(np.radians(lat)), rel=0.01
        )
        assert (ds.read(1) != ds.nodata).mean() > 0.9


def test_virtual_raster_layer_rendered_with_its_values(run_alg, s2_chip, tmp_path):
    """A virtual raster (QGIS raster calculator on the fly, provider 'virtualraster') is not a
    file: it is rendered with its data values (not colours) at the card's resolution."""
    from qgis.core import QgsProject, QgsRasterDataProvider, QgsRasterLayer
    from scale_models import one_band_model

    source = QgsRasterLayer(str(s2_chip), "s2")
    params = QgsRasterDataProvider.VirtualRasterParameters()
    params.crs = source.crs()
    params.extent = source.extent()
    params.width, params.height = source.width(), source.height()
    params.formula = '"s2@8" * 2'
    entry = QgsRasterDataProvider.VirtualRasterInputLayers()
    entry.name, entry.uri, entry.provider = "s2", str(s2_chip), "gdal"
    params.rInputLayers = [entry]
    layer = QgsRasterLayer(QgsRasterDataProvider.encodeVirtualRasterProviderUri(params), "twice nir", "virtualraster")
    assert layer.isValid(), layer.error().summary()
    QgsProject.instance().addMapLayer(layer)
    model = tmp_path / "identity.onnx"
    onnx.save(one_band_model("nir", resolution_m=10.0), model)
    out = tmp_path / "twice_nir.tif"
    try:
        run_alg("satimpact:runmodel", {"INPUT": layer, "MODEL": str(model), "BAND_MAP": "nir=1", "OUTPUT": str(out)})
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    with rasterio.open(out) as ds, rasterio.open(s2_chip) as src:
        got = ds.read(1)
        assert ds.crs == src.crs
        # 10 m on the ground, in degrees at the chip's latitude.
        lat = (src.bounds.top + src.bounds.bottom) / 2
        assert ds.res[1] == pytest.approx(10.0 / 110574.0, rel=0.02)
        assert ds.res[0] == pytest.approx(10.0 / (111320.0 * np.cos(np.radians(lat))), rel=0.02)
        expected = np.zeros_like(got)
        reproject(
            src.read(8) * 2,
            expected,
            src_transform=src.transform,
            src_crs=src.crs,
            dst_transform=ds.transform,
            dst_crs=ds.crs,
            resampling=Resampling.nearest,
        )
    inside = (got != -9999.0) & (expected > 0)
    assert inside.mean() > 0.95
    assert np.corrcoef(got[inside], expected[inside])[0, 1] > 0.95
    assert np.median(np.abs(got[inside] - expected[inside]) / expected[inside]) < 0.02


def test_green_ratio_on_an_xyz_basemap(run_alg, xyz_layer, landsat, tmp_path):
    """A basemap (red, green, blue, alpha) gets the RGB-only model, never alpha as NIR, and the
    green ratio of a zone matches the same zone measured on the original file."""
    from qgis.core import QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer

    xmin, ymin, xmax, ymax = _scene_extent_3857(landsat)
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    half = 0.3 * (xmax - xmin)
    zone = QgsVectorLayer("Polygon?crs=EPSG:3857", "zone", "memory")
    feat = QgsFeature()
    feat.setGeometry(QgsGeometry.fromRect(QgsRectangle(cx - half, cy - half, cx + half, cy + half)))
    zone.dataProvider().addFeature(feat)
    extent = f"{cx - half},{cx + half},{cy - half},{cy + half} [EPSG:3857]"
    xyz = run_alg(
        "satimpact:greenratio",
        {"INPUT": xyz_layer, "ZONES": zone, "EXTENT": extent, "RESOLUTION": 300.0, "OUTPUT": str(tmp_path / "x.gpkg")},
    )
    direct = run_alg("satimpact:greenratio", {"INPUT": str(landsat), "ZONES": zone, "OUTPUT": str(tmp_path / "f.gpkg")})
    assert xyz["MODEL_USED"].startswith("green_rgb") and direct["MODEL_USED"].startswith("green_rgb")
    assert 0.05 < direct["GREEN_RATIO"] < 0.95
    print(f"green ratio: XYZ {xyz['GREEN_RATIO']:.3f}, file {direct['GREEN_RATIO']:.3f}")
    assert xyz["GREEN_RATIO"] == pytest.approx(direct["GREEN_RATIO"], abs=0.05)


def test_file_layer_cut_to_extent(run_alg, s2_chip, tmp_path):
    """A file layer with an EXTENT is cut to it on its own pixel grid (a VRT window, nothing
    resampled): the output covers the window only, and its values are the whole run's there.
    The extent may be given in another CRS; one that misses the raster is an error."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsProcessingException,
        QgsProject,
        QgsRectangle,
    )

    whole = tmp_path / "whole.tif"
    run_alg("satimpact:runmodel", {"INPUT": str(s2_chip), "MODEL": "index_ndvi", "OUTPUT": str(whole)})
    with rasterio.open(s2_chip) as src:
        t = src.transform
        # columns 100..300, rows 50..250 of the chip, as map coordinates (EPSG:4326)
        x0, y0 = t * (100, 50)
        x1, y1 = t * (300, 250)
    inset = 0.25 * abs(t.a)  # a quarter pixel inside: the window snaps to whole pixels
    extent = f"{x0 + inset},{x1 - inset},{y1 + inset},{y0 - inset} [EPSG:4326]"
    part = tmp_path / "part.tif"
    run_alg("satimpact:runmodel", {"INPUT": str(s2_chip), "MODEL": "index_ndvi", "EXTENT": extent, "OUTPUT": str(part)})
    with rasterio.open(whole) as a, rasterio.open(part) as b:
        assert (b.width, b.height) == (200, 200)
        assert b.transform.almost_equals(a.transform * a.transform.translation(100, 50))
        np.testing.assert_array_equal(b.read(1), a.read(1)[50:250, 100:300])

    # the same window asked for in Web Mercator
    to_3857 = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsCoordinateReferenceSystem("EPSG:3857"),
        QgsProject.instance().transformContext(),
    )
    box = to_3857.transformBoundingBox(QgsRectangle(x0 + inset, y1 + inset, x1 - inset, y0 - inset))
    mercator = tmp_path / "mercator.tif"
    run_alg(
        "satimpact:runmodel",
        {
            "INPUT": str(s2_chip),
            "MODEL": "index_ndvi",
            "EXTENT": f"{box.xMinimum()},{box.xMaximum()},{box.yMinimum()},{box.yMaximum()} [EPSG:3857]",
            "OUTPUT": str(mercator),
        },
    )
    with rasterio.open(mercator) as c:
        assert abs(c.width - 200) <= 1 and abs(c.height - 200) <= 1
        assert c.crs.to_epsg() == 4326  # the file's own grid, not the extent's CRS

    with pytest.raises(QgsProcessingException, match="does not overlap"):
        run_alg(
            "satimpact:runmodel",
            {
                "INPUT": str(s2_chip),
                "MODEL": "index_ndvi",
                "EXTENT": "0,1,0,1 [EPSG:4326]",
                "OUTPUT": str(tmp_path / "x.tif"),
            },
        )
    assert not (tmp_path / "x.tif").exists()
