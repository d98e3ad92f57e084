"""Poverty tools through QGIS (the grid, ranking and survey tools) on real data: the North Korea chips
and expert order of Ahn et al. (2023), the Sen1Floods11 Sentinel-2 chip with its hand-labelled water
(Bonafilia et al. 2020)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from satimpact.engine import poverty as pov

from ..engine import test_poverty as engine_tests
from ..engine.test_poverty import MODEL, TILE_X, TILE_Y, _mosaic, _ort, _shipped_scores
from conftest import data_path, null_to_none

# the engine tests' fixtures, used here too (pytest finds fixtures among a module's attributes)
nk_dir, nk_split = engine_tests.nk_dir, engine_tests.nk_split
independent_tiles, mosaic_3857 = engine_tests.independent_tiles, engine_tests.mosaic_3857


@pytest.fixture(scope="session")
def nk_small(nk_dir, tmp_path_factory) -> Path:
    """12 chips of every cluster (links to the real files), for the quicker chained runs."""
    root = tmp_path_factory.mktemp("nk_small")
    for cluster in (nk_dir / "clusters").iterdir():
        (root / cluster.name).mkdir()
        for chip in sorted(cluster.glob("*.png"))[:12]:
            (root / cluster.name / chip.name).symlink_to(chip)
    return root


# --- the grid tool ---------------------------------------------------------------------------


@pytest.fixture()
def mosaic_4326(mosaic_3857, tmp_path):
    from osgeo import gdal

    out = tmp_path / "nk_mosaic_4326.tif"
    gdal.Warp(str(out), str(mosaic_3857), dstSRS="EPSG:4326", resampleAlg="bilinear", format="GTiff", dstNodata=0)
    return out


def _direct_chip_score(raster: Path, cx: float, cy: float, chip_m: float, crs: str) -> float:
    """The model on a chip cut independently with gdal.Warp (area average into the metric CRS, at
    the model's chip size)."""
    from osgeo import gdal

    from satimpact.engine.model import load_model

    px = load_model(str(MODEL)).card.tiling.tile_size
    half = chip_m / 2
    ds = gdal.Warp(
        "",
        str(raster),
        format="MEM",
        dstSRS=crs,
        outputBounds=(cx - half, cy - half, cx + half, cy + half),
        width=px,
        height=px,
        resampleAlg="average",
        outputType=gdal.GDT_Float32,
    )
    x = ds.ReadAsArray().astype(np.float32)[None] / 255.0
    return float(_ort(MODEL, x)[0])


def _num(value):
    """A field value as float, or None for NULL (a QVariant in QGIS 3.22, None in newer)."""
    if null_to_none(value) is None:
        return None
    value = float(value)
    return None if math.isnan(value) else value


def _scored(feats):
    return [f for f in feats if _num(f["score"]) is not None]


def _features(path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), "cells", "ogr")
    assert layer.isValid(), path
    return layer, list(layer.getFeatures())


@pytest.mark.parametrize("which", ["3857", "4326"])
def test_grid_scores_true_km_cells(which, mosaic_3857, mosaic_4326, run_alg, tmp_path):
    from qgis.core import QgsDistanceArea, QgsProject

    raster = mosaic_3857 if which == "3857" else mosaic_4326
    out = tmp_path / f"cells_{which}.gpkg"
    out_raster = tmp_path / f"cells_{which}.tif"
    result = run_alg(
        "satimpact:povertygrid",
        {"INPUT": str(raster), "CELL_SIZE": 1000, "OUTPUT": str(out), "OUTPUT_RASTER": str(out_raster)},
    )
    assert result["GRID_CRS"] == "EPSG:32651" and result["MODEL_USED"] == "poverty_nk_siscore"
    layer, feats = _features(out)
    assert layer.crs().authid() == "EPSG:32651"
    # True 1 km cells: 1 km2 measured on the ellipsoid, 1000 m sides in UTM.
    area = QgsDistanceArea()
    area.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
    area.setEllipsoid("WGS84")
    for f in feats:
        box = f.geometry().boundingBox()
        assert box.width() == pytest.approx(1000.0) and box.height() == pytest.approx(1000.0)
        assert area.measureArea(f.geometry()) == pytest.approx(1e6, rel=0.002)
        assert box.xMinimum() / 1000 == pytest.approx(round(box.xMinimum() / 1000), abs=1e-9)
    scored = _scored(feats)
    nulls = [f for f in feats if _num(f["score"]) is None]
    assert len(scored) >= 25
    # Edge cells whose chip is mostly off the imagery get NULL, not zero.
    for f in nulls:
        assert f["valid_share"] < 0.5 and f["chips_scored"] == 0
    for f in scored:
        assert 0.0 <= f["score"] <= 1.0 and f["valid_share"] >= 0.5
    pct = sorted(f["score_percentile"] for f in scored)
    assert pct[-1] == pytest.approx(100.0) and pct[0] > 0
    # Scores equal the model run directly on the same chips, cut independently with GDAL.
    full = [f for f in scored if f["valid_share"] > 0.999]
    assert len(full) >= 4
    for f in full[:6]:
        c = f.geometry().centroid().asPoint()
        direct = _direct_chip_score(raster, c.x(), c.y(), 1870.0, "EPSG:32651")
        assert f["score"] == pytest.approx(direct, abs=1e-4), (f["cell_id"], f["score"], direct)
    # Urban chips (west half) score above uninhabited/least developed ones (east half).
    xs = sorted(f.geometry().centroid().asPoint().x() for f in full)
    mid = (xs[0] + xs[-1]) / 2
    west = [f["score"] for f in full if f.geometry().centroid().asPoint().x() < mid - 1000]
    east = [f["score"] for f in full if f.geometry().centroid().asPoint().x() > mid + 1000]
    # (0.2: the 2.0 score spreads less towards 0 and 1 than the 1.0 CNN's; measured 0.29 and 0.31)
    assert west and east and np.mean(west) > np.mean(east) + 0.2, (west, east)
    # The raster output holds the same scores, one pixel per cell.
    import rasterio

    with rasterio.open(out_raster) as ds:
        assert ds.crs.to_epsg() == 32651 and ds.res == (1000.0, 1000.0)
        band = ds.read(1)
        for f in scored[:10]:
            r, c = ds.index(*_centre(f))
            assert band[r, c] == pytest.approx(f["score"], abs=1e-5)


def _centre(f):
    p = f.geometry().centroid().asPoint()
    return p.x(), p.y()


def test_grid_zones_dense_surface(mosaic_3857, run_alg, tmp_path):
    """A zone larger than 1.5 chips gets the area-weighted mean of the dense score surface (chips
    every half chip, each point the mean of the chips covering it), recomputed here from chips cut
    independently with GDAL; a small zone gets one chip."""
    import rasterio
    from rasterio.warp import transform

    with rasterio.open(mosaic_3857) as ds:
        b = ds.bounds
        (cx,), (cy,) = transform(ds.crs, "EPSG:32651", [(b.left + b.right) / 2], [(b.top + b.bottom) / 2])
    big = (cx - 3000, cy - 1900, cx + 3000, cy + 1900)
    zones = _square_zones({"big": big, "small": (cx - 2500, cy - 200, cx - 2100, cy + 200)})
    out = tmp_path / "zones.gpkg"
    run_alg("satimpact:povertygrid", {"INPUT": str(mosaic_3857), "ZONES": zones, "OUTPUT": str(out)})
    by = {f["name"]: f for f in _features(out)[1]}
    assert by["small"]["chips"] == 1
    # The surface, independently: 50 m points over the big zone, each the mean of the chips (side
    # 1870 m, centres on multiples of 935 m) that contain it.
    step, chip = 935.0, 1870.0
    px, py = np.meshgrid(np.arange(big[0] + 25, big[2], 50.0), np.arange(big[1] + 25, big[3], 50.0))
    i0, j0 = np.floor(px / step).astype(int), np.floor(py / step).astype(int)
    needed = {(i + di, j + dj) for i, j in zip(i0.ravel(), j0.ravel()) for di in (0, 1) for dj in (0, 1)}
    assert by["big"]["chips"] == len(needed) and by["big"]["chips_scored"] == len(needed)
    score = {(i, j): _direct_chip_score(mosaic_3857, i * step, j * step, chip, "EPSG:32651") for i, j in needed}
    surface = np.mean([np.vectorize(lambda a, b: score[(a, b)])(i0 + di, j0 + dj) for di in (0, 1) for dj in (0, 1)], 0)
    assert by["big"]["score"] == pytest.approx(surface.mean(), abs=1e-3)


def _utm_mosaic(tiles, side: int, path: Path, chip_m: float) -> tuple[float, float]:
    """Real independent NK tiles side by side in UTM 51N, one tile = one chip of the model
    (256 px of chip_m / 256 m); returns the top-left corner."""
    import rasterio
    from rasterio.transform import from_origin

    x0, y1 = 730000.0, 4330000.0
    mosaic = np.zeros((3, side * 256, side * 256), np.uint8)
    for k in range(side * side):
        r, c = divmod(k, side)
        mosaic[:, r * 256 : (r + 1) * 256, c * 256 : (c + 1) * 256] = tiles[k]
    profile = dict(driver="GTiff", width=side * 256, height=side * 256, count=3, dtype="uint8")
    with rasterio.open(
        path, "w", **profile, crs="EPSG:32651", transform=from_origin(x0, y1, chip_m / 256, chip_m / 256)
    ) as ds:
        ds.write(mosaic)
    return x0, y1


def _square_zones(squares: dict, crs: str = "EPSG:32651"):
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    zones = QgsVectorLayer(f"Polygon?crs={crs}", "zones", "memory")
    zones.dataProvider().addAttributes([QgsField("name", QVariant.String)])
    zones.updateFields()
    feats = []
    for name, (x0, y0, x1, y1) in squares.items():
        f = QgsFeature(zones.fields())
        ring = [QgsPointXY(x0, y0), QgsPointXY(x1, y0), QgsPointXY(x1, y1), QgsPointXY(x0, y1)]
        f.setGeometry(QgsGeometry.fromPolygonXY([ring]))
        f.setAttributes([name])
        feats.append(f)
    zones.dataProvider().addFeatures(feats)
    return zones


def test_zone_of_a_tile_scores_the_tile_alone(independent_tiles, run_alg, tmp_path):
    """Zones that are exactly the footprints of chip-sized tiles of a real mosaic: each zone's
    score is the model's score on its tile alone (one chip, centred, nothing of the neighbours)."""
    from satimpact.engine.model import load_model

    chip_m = load_model(str(MODEL)).card.extra["chip_ground_m"]
    tiles = independent_tiles[0][:9]
    raster = tmp_path / "tiles_utm.tif"
    x0, y1 = _utm_mosaic(tiles, 3, raster, chip_m)
    squares = {}
    for k in range(9):
        r, c = divmod(k, 3)
        squares[str(k)] = (x0 + c * chip_m, y1 - (r + 1) * chip_m, x0 + (c + 1) * chip_m, y1 - r * chip_m)
    out = tmp_path / "tile_zones.gpkg"
    run_alg("satimpact:povertygrid", {"INPUT": str(raster), "ZONES": _square_zones(squares), "OUTPUT": str(out)})
    by = {f["name"]: f for f in _features(out)[1]}
    alone = _shipped_scores(tiles)
    for k in range(9):
        assert by[str(k)]["chips"] == 1
        assert by[str(k)]["score"] == pytest.approx(alone[k], abs=1e-3), k
    # The tiles differ enough for that to mean something.
    assert alone.max() - alone.min() > 0.2, alone


def test_grid_shifted_by_half_a_cell_ranks_alike(independent_tiles, run_alg, tmp_path):
    """A 1 km grid and the same grid moved by half a cell (500 m east) over a real mosaic of 64
    independent tiles: each moved cell against the area-weighted mean of the two cells it overlaps
    (half each) has Spearman >= 0.95 (issue 12). The mosaic is laid out as a landscape, where
    neighbouring tiles are alike: 16 blocks of 2 x 2 tiles that the annotators labelled the same.
    Strict expected failure: the bar is the issue's, the test fails loudly once it holds."""
    from satimpact.engine.model import load_model

    chip_m = load_model(str(MODEL)).card.extra["chip_ground_m"]
    x, _, _, ids = independent_tiles
    import csv

    with open(data_path("nk_annotation") / "labels.csv", encoding="utf-8") as f:
        label = {r["image_id"]: (r["urban"], r["rural"], r["uninhabited"]) for r in csv.DictReader(f)}
    groups = {}
    for i, image_id in enumerate(ids):
        groups.setdefault(label[image_id], []).append(i)
    keys = sorted(k for k in groups if len(groups[k]) >= 4)
    rng = np.random.default_rng(0)
    pick = np.zeros(64, int)
    for block, key in enumerate(keys[j] for j in rng.choice(len(keys), 16)):
        br, bc = divmod(block, 4)
        for q, member in enumerate(rng.choice(groups[key], 4, replace=False)):
            dr, dc = divmod(q, 2)
            pick[(2 * br + dr) * 8 + 2 * bc + dc] = member
    raster = tmp_path / "mosaic_utm.tif"
    x0, y1 = _utm_mosaic(x[pick], 8, raster, chip_m)
    out = tmp_path / "grid.gpkg"
    run_alg("satimpact:povertygrid", {"INPUT": str(raster), "CELL_SIZE": 1000, "OUTPUT": str(out)})
    cells = {}
    for f in _scored(_features(out)[1]):
        box = f.geometry().boundingBox()
        cells[(round(box.xMinimum()), round(box.yMinimum()))] = f["score"]
    # Moved cells whose chip lies wholly on the mosaic.
    half, side = chip_m / 2, 8 * chip_m
    squares = {}
    for cx, cy in cells:
        mx = cx + 500.0
        if x0 + half <= mx + 500 <= x0 + side - half and y1 - side + half <= cy + 500 <= y1 - half:
            squares[f"{cx},{cy}"] = (mx, cy, mx + 1000, cy + 1000)
    moved_out = tmp_path / "moved.gpkg"
    run_alg("satimpact:povertygrid", {"INPUT": str(raster), "ZONES": _square_zones(squares), "OUTPUT": str(moved_out)})
    pairs = []
    for f in _scored(_features(moved_out)[1]):
        cx, cy = (int(v) for v in f["name"].split(","))
        under = [cells.get((cx, cy)), cells.get((cx + 1000, cy))]
        if all(u is not None for u in under):
            pairs.append((f["score"], float(np.mean(under))))
    assert len(pairs) >= 100, len(pairs)
    moved, matched = np.array(pairs).T
    assert pov.spearman(moved, matched) >= 0.95, pov.spearman(moved, matched)


def test_grid_bad_inputs(mosaic_3857, run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="outputs features, not a score"):
        run_alg(
            "satimpact:povertygrid",
            {"INPUT": str(mosaic_3857), "MODEL": "poverty_features_rgb", "OUTPUT": str(tmp_path / "x.gpkg")},
        )
    with pytest.raises(QgsProcessingException, match="per-pixel"):
        run_alg(
            "satimpact:povertygrid",
            {"INPUT": str(mosaic_3857), "MODEL": "index_ndvi", "OUTPUT": str(tmp_path / "y.gpkg")},
        )
    with pytest.raises(QgsProcessingException, match="unknown model"):
        run_alg(
            "satimpact:povertygrid", {"INPUT": str(mosaic_3857), "MODEL": "nope", "OUTPUT": str(tmp_path / "z.gpkg")}
        )


def test_grid_reflectance_scene_is_rendered(s2_chip, run_alg, tmp_path):
    """A Sentinel-2 L1C reflectance scene (Sen1Floods11, EPSG:4326) is converted to 8-bit true colour."""
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        text = []

        def pushInfo(self, info):
            self.text.append(info)

    log = Log()
    out = tmp_path / "spain.gpkg"
    result = run_alg(
        "satimpact:povertygrid", {"INPUT": str(s2_chip), "CELL_SIZE": 1000, "OUTPUT": str(out)}, feedback=log
    )
    assert any("converting to the 8-bit true-colour rendering" in t for t in log.text)
    assert result["GRID_CRS"].startswith("EPSG:326")
    _, feats = _features(out)
    assert _scored(feats)


# --- ranking tool ----------------------------------------------------------------------------


def test_ranking_tool_on_nk_chips(nk_dir, run_alg, tmp_path):
    model = tmp_path / "nk_rank.onnx"
    report = tmp_path / "nk_rank.html"
    result = run_alg(
        "satimpact:trainpovertyranking",
        {
            "INPUT": str(nk_dir / "clusters"),
            "ORDER": str(nk_dir / "nk.txt"),
            "CHIP_SIZE": 1870,
            "OUTPUT_MODEL": str(model),
            "OUTPUT_REPORT": str(report),
        },
    )
    # KENDALL_TAU / SPEARMAN are leave-cluster-out now (issue 12); the former figures, held-out chips
    # of the training clusters, are the *_SAME_CLUSTERS outputs and stay well above them.
    assert result["SPEARMAN"] >= 0.45 and result["KENDALL_TAU"] >= 0.35, result
    assert result["KENDALL_TAU_SAME_CLUSTERS"] >= 0.7 and result["SPEARMAN_SAME_CLUSTERS"] >= 0.65, result
    assert result["SPEARMAN_SAME_CLUSTERS"] > result["SPEARMAN"], result
    text = report.read_text()
    assert "Kendall" in text and "<svg" in text and "22" in text
    from satimpact.engine.model import load_model

    card = load_model(str(model)).card
    assert card.outputs[0].kind == "score" and card.extra["chip_ground_m"] == 1870
    # Scores in [0, 1]
    x = np.stack([pov.read_chip(f, 64) for f in sorted((nk_dir / "clusters" / "1").glob("*.png"))[:8]]) / 255.0
    s = _ort(model, x)
    assert ((s >= 0) & (s <= 1)).all()


def test_ranking_tool_errors(nk_dir, run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    cyc = tmp_path / "cycle.txt"
    cyc.write_text((nk_dir / "nk.txt").read_text() + "\n1<22\n")
    with pytest.raises(QgsProcessingException, match="cycle"):
        run_alg(
            "satimpact:trainpovertyranking",
            {
                "INPUT": str(nk_dir / "clusters"),
                "ORDER": str(cyc),
                "OUTPUT_MODEL": str(tmp_path / "a.onnx"),
                "OUTPUT_REPORT": str(tmp_path / "a.html"),
            },
        )
    unknown = tmp_path / "unknown.txt"
    unknown.write_text((nk_dir / "nk.txt").read_text() + "\n22<99\n")
    with pytest.raises(QgsProcessingException, match="unknown cluster id '99'"):
        run_alg(
            "satimpact:trainpovertyranking",
            {
                "INPUT": str(nk_dir / "clusters"),
                "ORDER": str(unknown),
                "OUTPUT_MODEL": str(tmp_path / "b.onnx"),
                "OUTPUT_REPORT": str(tmp_path / "b.html"),
            },
        )
    assert not (tmp_path / "a.onnx").exists() and not (tmp_path / "b.onnx").exists()
    with pytest.raises(QgsProcessingException, match="not a chip featurizer"):
        run_alg(
            "satimpact:trainpovertyranking",
            {
                "INPUT": str(nk_dir / "clusters"),
                "ORDER": str(nk_dir / "nk.txt"),
                "FEATURIZER": "index_ndvi",
                "OUTPUT_MODEL": str(tmp_path / "c.onnx"),
                "OUTPUT_REPORT": str(tmp_path / "c.html"),
            },
        )


# --- survey tool -----------------------------------------------------------------------------


def _water_share(label_path: Path, cx: float, cy: float, chip_m: float, crs: str) -> float | None:
    """The share of hand-labelled water in a chip around a point (the test's own label)."""
    from osgeo import gdal

    half = chip_m / 2
    ds = gdal.Warp(
        "",
        str(label_path),
        format="MEM",
        dstSRS=crs,
        outputBounds=(cx - half, cy - half, cx + half, cy + half),
        width=50,
        height=50,
        resampleAlg="near",
        srcNodata=-1,
        dstNodata=-1,
    )
    a = ds.ReadAsArray()
    valid = a >= 0
    if valid.mean() < 0.5:
        return None
    return float((a[valid] == 1).mean())


@pytest.fixture(scope="session")
def water_survey(s2_chip, water_label, tmp_path_factory):
    """120 seeded points on the real Sen1Floods11 Sentinel-2 chip, labelled with the share of
    hand-labelled water in the 500 m around each (computed here), plus one point off the imagery
    and one without a label; as a GeoPackage in UTM 30N. Returns (path, labels)."""
    import rasterio
    from osgeo import ogr, osr
    from rasterio.warp import transform

    with rasterio.open(s2_chip) as ds:
        b = ds.bounds
        (x0, x1), (y0, y1) = transform(ds.crs, "EPSG:32630", [b.left, b.right], [b.bottom, b.top])
    rng = np.random.default_rng(3)
    rows, labels = [], []
    for _ in range(120):
        x = rng.uniform(x0 + 300, x1 - 300)
        y = rng.uniform(y0 + 300, y1 - 300)
        share = _water_share(water_label, x, y, 500.0, "EPSG:32630")
        rows.append((x, y, share))
        labels.append(share)
    rows.append((x1 + 50000, y1, 0.5))  # off the imagery: dropped, and said so
    rows.append(((x0 + x1) / 2, (y0 + y1) / 2, None))  # no label: dropped, and said so
    path = tmp_path_factory.mktemp("survey") / "water_points.gpkg"
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32630)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("survey", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("water", ogr.OFTReal))
    for x, y, share in rows:
        feat = ogr.Feature(layer.GetLayerDefn())
        if share is not None:
            feat.SetField("water", share)
        feat.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})"))
        layer.CreateFeature(feat)
    ds = None
    return path, labels


def test_survey_tool_learns_water_share(s2_chip, water_survey, run_alg, tmp_path):
    """Survey points on the real Sen1Floods11 Sentinel-2 chip; the label is the share of hand-labelled
    water in the 500 m around each point, computed by the test. The tool must predict it from the imagery."""
    points, labels = water_survey
    assert np.std([v for v in labels if v is not None]) > 0.1
    model = tmp_path / "water.onnx"
    report = tmp_path / "water.html"
    result = run_alg(
        "satimpact:trainpovertysurvey",
        {
            "INPUT": str(s2_chip),
            "POINTS": str(points),
            "LABEL_FIELD": "water",
            "CHIP_SIZE": 500,
            "FOLDS": 5,
            "OUTPUT_MODEL": str(model),
            "OUTPUT_REPORT": str(report),
        },
    )
    n_labelled = sum(v is not None for v in labels)
    assert result["POINTS_USED"] == n_labelled
    # Measured: CV r2 0.97, Spearman 0.97 (120 points, 5 folds, seeded points).
    assert result["R2"] >= 0.9, result
    assert result["SPEARMAN"] >= 0.9, result
    text = report.read_text()
    assert "<svg" in text and "alpha" in text and "outside the imagery" in text and "no numeric label" in text
    from satimpact.engine.model import load_model

    card = load_model(str(model)).card
    assert card.extra["featurizer_model"] == "poverty_features_s2"
    assert card.metrics[0]["value"] == pytest.approx(result["R2"], abs=1e-3)


def test_survey_bad_label_field(s2_chip, run_alg, tmp_path):
    from qgis.core import QgsProcessingException, QgsVectorLayer

    points = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string", "p", "memory")
    with pytest.raises(QgsProcessingException):
        run_alg(
            "satimpact:trainpovertysurvey",
            {
                "INPUT": str(s2_chip),
                "POINTS": points,
                "LABEL_FIELD": "wealth",
                "OUTPUT_MODEL": str(tmp_path / "m.onnx"),
                "OUTPUT_REPORT": str(tmp_path / "m.html"),
            },
        )


# --- qgis_process and the modeler --------------------------------------------------------------


def test_model3_chain_ranking_then_grid(nk_dir, nk_small, mosaic_3857, satimpact_provider, tmp_path):
    """trainpovertyranking -> povertygrid with the freshly trained model, saved as .model3 and reloaded."""
    from qgis.core import (
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFile,
        QgsProcessingParameterRasterLayer,
        QgsProject,
    )

    model = QgsProcessingModelAlgorithm("poverty chain", "tests")
    for name, param in (
        ("chips", QgsProcessingParameterFile("chips", "chips", behavior=QgsProcessingParameterFile.Behavior.Folder)),
        ("order", QgsProcessingParameterFile("order", "order")),
        ("imagery", QgsProcessingParameterRasterLayer("imagery", "imagery")),
    ):
        model.addModelParameter(param, QgsProcessingModelParameter(name))
    train = QgsProcessingModelChildAlgorithm("satimpact:trainpovertyranking")
    train.setChildId("train")
    train.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("chips")])
    train.addParameterSources("ORDER", [QgsProcessingModelChildParameterSource.fromModelParameter("order")])
    train.addParameterSources("CHIP_SIZE", [QgsProcessingModelChildParameterSource.fromStaticValue(1870)])
    train.addParameterSources(
        "OUTPUT_MODEL", [QgsProcessingModelChildParameterSource.fromStaticValue(str(tmp_path / "chain.onnx"))]
    )
    train.addParameterSources(
        "OUTPUT_REPORT", [QgsProcessingModelChildParameterSource.fromStaticValue(str(tmp_path / "chain.html"))]
    )
    model.addChildAlgorithm(train)
    grid = QgsProcessingModelChildAlgorithm("satimpact:povertygrid")
    grid.setChildId("grid")
    grid.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("imagery")])
    grid.addParameterSources("MODEL", [QgsProcessingModelChildParameterSource.fromChildOutput("train", "OUTPUT_MODEL")])
    grid.addParameterSources("CELL_SIZE", [QgsProcessingModelChildParameterSource.fromStaticValue(1000)])
    out = QgsProcessingModelOutput("cells", "cells")
    out.setChildOutputName("OUTPUT")
    grid.setModelOutputs({"cells": out})
    model.addChildAlgorithm(grid)
    path = tmp_path / "poverty_chain.model3"
    assert model.toFile(str(path))
    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(str(path))
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    cells = tmp_path / "chain_cells.gpkg"
    results, ok = loaded.run(
        {
            "chips": str(nk_small),
            "order": str(nk_dir / "nk.txt"),
            "imagery": str(mosaic_3857),
            "grid:cells": str(cells),
        },
        context,
        QgsProcessingFeedback(),
    )
    assert ok
    _, feats = _features(cells)
    scored = [f["score"] for f in _scored(feats)]
    assert len(scored) >= 25 and all(0 <= s <= 1 for s in scored)


def test_grid_results_load_styled(mosaic_3857, satimpact_provider, tmp_path):
    """Loaded on completion (as from the toolbox): score quintiles, legend least -> most developed,
    layer named after the model."""
    from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer

    import processing

    project = QgsProject.instance()
    before = set(project.mapLayers())
    processing.runAndLoadResults(
        "satimpact:povertygrid",
        {"INPUT": str(mosaic_3857), "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_RASTER": str(tmp_path / "loaded.tif")},
    )
    new = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        cells = [lyr for lyr in new if isinstance(lyr, QgsVectorLayer)]
        rasters = [lyr for lyr in new if isinstance(lyr, QgsRasterLayer)]
        assert len(cells) == 1 and len(rasters) == 1, [lyr.name() for lyr in new]
        assert "poverty_nk_siscore" in cells[0].name() and "poverty_nk_siscore" in rasters[0].name()
        renderer = cells[0].renderer()
        scores = sorted(f["score"] for f in _scored(list(cells[0].getFeatures())))
        if len(scores) < cells[0].featureCount():
            # cells without a score: the quintile classes as rules, then NULL as a grey outline
            import re

            assert renderer.type() == "RuleRenderer"
            rules = renderer.rootRule().children()
            assert rules[-1].filterExpression() == '"score" IS NULL' and rules[-1].label() == "no value (NULL)"
            assert rules[-1].symbol().symbolLayer(0).brushStyle() == 0  # Qt.NoBrush: outline only
            labels = [r.label() for r in rules[:-1]]
            number = r"[-+]?\d*\.?\d+(?:[eE][-+]?\d+)?"
            bounds = [[float(x) for x in re.findall(number, r.filterExpression())] for r in rules[:-1]]
            lows, top = [b[0] for b in bounds], bounds[-1][-1]
        else:
            assert renderer.type() == "graduatedSymbol" and renderer.classAttribute() == "score"
            labels = [r.label() for r in renderer.ranges()]
            lows, top = [r.lowerValue() for r in renderer.ranges()], renderer.ranges()[-1].upperValue()
        assert len(labels) == 5
        assert labels[0].startswith("least developed") and labels[-1].startswith("most developed")
        # Quintiles: about a fifth of the scored cells in each class
        assert lows[0] == pytest.approx(scores[0], abs=1e-5) and top == pytest.approx(scores[-1], abs=1e-5)
        assert rasters[0].renderer().type() == "singlebandpseudocolor"
    finally:
        project.removeMapLayers([lyr.id() for lyr in new])


def test_survey_too_few_points(s2_chip, run_alg, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer

    points = QgsVectorLayer("Point?crs=EPSG:4326&field=wealth:double", "p", "memory")
    feats = []
    for k in range(3):
        f = QgsFeature(points.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(-5.0 + k, 40.0)))  # far off the Spanish chip
        f.setAttributes([float(k)])
        feats.append(f)
    points.dataProvider().addFeatures(feats)
    with pytest.raises(QgsProcessingException, match="only 0 survey points are usable .outside the imagery: 3"):
        run_alg(
            "satimpact:trainpovertysurvey",
            {
                "INPUT": str(s2_chip),
                "POINTS": points,
                "LABEL_FIELD": "wealth",
                "OUTPUT_MODEL": str(tmp_path / "m.onnx"),
                "OUTPUT_REPORT": str(tmp_path / "m.html"),
            },
        )
    assert not (tmp_path / "m.onnx").exists()


def test_model3_chain_survey_then_grid(s2_chip, water_survey, satimpact_provider, tmp_path):
    """trainpovertysurvey -> povertygrid on the same Sentinel-2 chip, through a saved .model3: the
    trained water-share model scores 500 m cells, and its cells' water share follows the hand label."""
    from qgis.core import (
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterRasterLayer,
        QgsProcessingParameterVectorLayer,
        QgsProject,
    )

    points, _ = water_survey
    model = QgsProcessingModelAlgorithm("survey chain", "tests")
    model.addModelParameter(QgsProcessingParameterRasterLayer("scene", "scene"), QgsProcessingModelParameter("scene"))
    model.addModelParameter(
        QgsProcessingParameterVectorLayer("points", "points"), QgsProcessingModelParameter("points")
    )
    train = QgsProcessingModelChildAlgorithm("satimpact:trainpovertysurvey")
    train.setChildId("train")
    train.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("scene")])
    train.addParameterSources("POINTS", [QgsProcessingModelChildParameterSource.fromModelParameter("points")])
    for key, value in {
        "LABEL_FIELD": "water",
        "CHIP_SIZE": 500,
        "FOLDS": 5,
        "OUTPUT_MODEL": str(tmp_path / "chain_water.onnx"),
        "OUTPUT_REPORT": str(tmp_path / "chain_water.html"),
    }.items():
        train.addParameterSources(key, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    model.addChildAlgorithm(train)
    grid = QgsProcessingModelChildAlgorithm("satimpact:povertygrid")
    grid.setChildId("grid")
    grid.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("scene")])
    grid.addParameterSources("MODEL", [QgsProcessingModelChildParameterSource.fromChildOutput("train", "OUTPUT_MODEL")])
    grid.addParameterSources("CELL_SIZE", [QgsProcessingModelChildParameterSource.fromStaticValue(500)])
    out = QgsProcessingModelOutput("cells", "cells")
    out.setChildOutputName("OUTPUT")
    grid.setModelOutputs({"cells": out})
    model.addChildAlgorithm(grid)
    path = tmp_path / "survey_chain.model3"
    assert model.toFile(str(path))
    loaded = QgsProcessingModelAlgorithm()
    assert loaded.fromFile(str(path))
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    cells = tmp_path / "chain_water_cells.gpkg"
    _, ok = loaded.run(
        {"scene": str(s2_chip), "points": str(points), "grid:cells": str(cells)}, context, QgsProcessingFeedback()
    )
    assert ok
    layer, feats = _features(cells)
    predicted, observed = [], []
    for f in _scored(feats):
        if f["valid_share"] < 0.999:
            continue
        c = f.geometry().centroid().asPoint()
        share = _water_share(
            data_path("sen1floods11", "Spain_7370579_LabelHand.tif"), c.x(), c.y(), 500.0, "EPSG:32630"
        )
        if share is not None:
            predicted.append(f["score"])
            observed.append(share)
    assert len(predicted) >= 30
    assert pov.spearman(predicted, observed) >= 0.8


def test_ranking_with_a_user_featurizer(nk_small, nk_dir, run_alg, tmp_path):
    """A featurizer the user brings (here: a carded ONNX with 32 seeded Gaussian 5x5 filters, written
    for the test) is used as given, and its name lands in the trained model's card."""
    import onnx

    from satimpact.engine.model import load_model

    rf = pov.RandomFeatures(
        pov.gaussian_filters(32, 3, 5, seed=11), np.zeros(32, np.float32), [0.4] * 3, [0.2] * 3, 1 / 255, 11, "test"
    )
    card = {
        "card_version": 1,
        "name": "user_featurizer",
        "title": "User featurizer",
        "version": "0.1",
        "task": "poverty",
        "license": "test",
        "citation": "test",
        "data": "none",
        "caveats": "test only",
        "model_type": "chip",
        "inputs": [{"name": "image", "bands": ["red", "green", "blue"], "scale": 1 / 255}],
        "tiling": {"tile_size": 32, "overlap": 0, "merge": "none"},
        "outputs": [{"name": "features", "kind": "features"}],
    }
    path = tmp_path / "user_featurizer.onnx"
    onnx.save(pov.featurizer_model(rf, ["red", "green", "blue"], None, card), str(path))
    model = tmp_path / "user_rank.onnx"
    result = run_alg(
        "satimpact:trainpovertyranking",
        {
            "INPUT": str(nk_small),
            "ORDER": str(nk_dir / "nk.txt"),
            "FEATURIZER": str(path),
            "OUTPUT_MODEL": str(model),
            "OUTPUT_REPORT": str(tmp_path / "user_rank.html"),
        },
    )
    trained = load_model(str(model)).card
    assert trained.extra["featurizer_model"] == "user_featurizer" and trained.tiling.tile_size == 32
    assert -1.0 <= result["KENDALL_TAU"] <= 1.0


def test_ranking_from_raster_and_polygons(nk_split, run_alg, tmp_path):
    """Clusters given as polygons over a raster: the west half of the NK mosaic (urban chips) is
    cluster 'urban', the east half (uninhabited and least developed rural chips) cluster 'low'."""
    import rasterio
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    from satimpact.engine.model import load_model

    raster, _ = _mosaic(nk_split, tmp_path)
    with rasterio.open(raster) as ds:
        b = ds.bounds
    polygons = QgsVectorLayer("Polygon?crs=EPSG:3857", "clusters", "memory")
    polygons.dataProvider().addAttributes([QgsField("cluster", QVariant.String)])
    polygons.updateFields()
    mid_x, mid_y = (b.left + b.right) / 2, (b.bottom + b.top) / 2
    feats = []
    for name, x0, x1 in (("urban", b.left, mid_x), ("low", mid_x, b.right)):
        for y0, y1 in ((b.bottom, mid_y), (mid_y, b.top)):
            f = QgsFeature(polygons.fields())
            ring = [QgsPointXY(x0, y0), QgsPointXY(x1, y0), QgsPointXY(x1, y1), QgsPointXY(x0, y1)]
            f.setGeometry(QgsGeometry.fromPolygonXY([ring]))
            f.setAttributes([name])
            feats.append(f)
    polygons.dataProvider().addFeatures(feats)
    order = tmp_path / "order.txt"
    order.write_text("low<urban\n")
    model = tmp_path / "poly_rank.onnx"
    report = tmp_path / "poly_rank.html"
    result = run_alg(
        "satimpact:trainpovertyranking",
        {
            "RASTER": str(raster),
            "POLYGONS": polygons,
            "CLUSTER_FIELD": "cluster",
            "CHIP_SIZE": 900,
            "ORDER": str(order),
            "OUTPUT_MODEL": str(model),
            "OUTPUT_REPORT": str(report),
        },
    )
    # Two clusters cannot be held out whole (the rest would be one level): no leave-cluster-out figure.
    assert math.isnan(result["KENDALL_TAU"]) and math.isnan(result["SPEARMAN"])
    assert result["KENDALL_TAU_SAME_CLUSTERS"] == pytest.approx(1.0) and result["SPEARMAN_SAME_CLUSTERS"] > 0.5
    card = load_model(str(model)).card
    assert card.extra["chip_ground_m"] == 900 and "under" in card.data
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="not both"):
        run_alg(
            "satimpact:trainpovertyranking",
            {
                "INPUT": str(tmp_path),
                "RASTER": str(raster),
                "POLYGONS": polygons,
                "CLUSTER_FIELD": "cluster",
                "ORDER": str(order),
                "OUTPUT_MODEL": str(tmp_path / "x.onnx"),
                "OUTPUT_REPORT": str(tmp_path / "x.html"),
            },
        )
    with pytest.raises(QgsProcessingException, match="CHIP_SIZE"):
        run_alg(
            "satimpact:trainpovertyranking",
            {
                "RASTER": str(raster),
                "POLYGONS": polygons,
                "CLUSTER_FIELD": "cluster",
                "ORDER": str(order),
                "OUTPUT_MODEL": str(tmp_path / "y.onnx"),
                "OUTPUT_REPORT": str(tmp_path / "y.html"),
            },
        )


def test_grid_on_xyz_tiles(nk_split, run_alg, tmp_path):
    """The NK chips are zoom-14 web tiles: served as a file:// XYZ layer (no network), QGIS renders
    them over EXTENT at the training imagery's ground resolution, and the cell scores agree with
    the run on the same tiles as a GeoTIFF mosaic."""
    from qgis.core import QgsProcessingFeedback, QgsProject, QgsRasterLayer

    raster, layout = _mosaic(nk_split, tmp_path)
    for (r, c), chip in layout.items():
        folder = tmp_path / "tiles" / "14" / str(TILE_X + c)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{TILE_Y + r}.png").symlink_to(chip)
    url = f"file://{tmp_path / 'tiles'}/{{z}}/{{x}}/{{y}}.png"
    layer = QgsRasterLayer(f"type=xyz&url={url}&zmin=14&zmax=14", "nk tiles", "wms")
    assert layer.isValid(), layer.error().summary()
    QgsProject.instance().addMapLayer(layer)
    messages = []

    class Log(QgsProcessingFeedback):
        def pushInfo(self, info):
            messages.append(info)

    try:
        import rasterio

        with rasterio.open(raster) as ds:
            b = ds.bounds
        extent = f"{b.left},{b.right},{b.bottom},{b.top} [EPSG:3857]"
        tiles_out = tmp_path / "xyz_cells.gpkg"
        run_alg("satimpact:povertygrid", {"INPUT": layer, "EXTENT": extent, "OUTPUT": str(tiles_out)}, feedback=Log())
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    assert any("rendering 'nk tiles'" in m and "at 7.3" in m for m in messages), messages
    assert any("raster pixels 7.3 m" in m for m in messages), messages
    file_out = tmp_path / "file_cells.gpkg"
    run_alg("satimpact:povertygrid", {"INPUT": str(raster), "OUTPUT": str(file_out)})
    by_cell = {f["cell_id"]: f["score"] for f in _scored(_features(file_out)[1]) if f["valid_share"] > 0.999}
    pairs = [(by_cell[f["cell_id"]], f["score"]) for f in _scored(_features(tiles_out)[1]) if f["cell_id"] in by_cell]
    assert len(pairs) >= 10
    a, b = np.array(pairs).T
    assert pov.spearman(a, b) >= 0.9 and np.abs(a - b).mean() < 0.05, pairs
