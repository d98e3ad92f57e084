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

from .conftest import data_path
from .scale_models import rgb_index_card, rgb_index_model

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
        def pushInfo(self, info):  # noqa: N802 (QGIS API)
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
