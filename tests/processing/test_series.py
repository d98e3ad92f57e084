"""Water and green over time (satimpact:waterseries, satimpact:greenseries) on two real stacks:
the Ucayali river at Pucallpa (Landsat, 8 dates 1985-2020, 8-bit SWIR1/NIR/Red/Green, EPSG:4326)
and prairie-pothole lakes in North Dakota (NAIP, 10 dates 2009-2020, RGBN 5 m, grids shifted by
a few metres between years). Expected areas are counted here from waterdetection's own masks,
with pixel areas from geodesic polygons (pyproj.Geod), not from the plugin's area code."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
import rasterio
from pyproj import Geod, Transformer
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer
from rasterio.enums import Resampling
from rasterio.warp import reproject

from ..engine import test_series as engine_tests
from ..engine.test_series import NAIP_BANDS, stack
from conftest import null_to_none

PUCALLPA_BANDS = "swir16=1,nir=2,red=3,green=4"
GEOD = Geod(ellps="WGS84")


# the engine tests' fixture, used here too (pytest finds fixtures among a module's attributes)
naip = engine_tests.naip


@pytest.fixture(scope="module")
def pucallpa():
    return stack("pucallpa_landsat")


def rows_of(path):
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid(), path
    return [{f.name(): null_to_none(feat[f.name()]) for f in layer.fields()} for feat in layer.getFeatures()]


def pixel_area_grid(ds) -> np.ndarray:
    """True (geodesic) area of every pixel of a north-up grid, m2: exact per row for EPSG:4326,
    from the centre pixel for a small projected scene (UTM scale varies < 1e-6 over 5 km)."""
    t = ds.transform
    if ds.crs.is_geographic:
        areas = []
        for row in range(ds.height):
            lat0, lat1 = t.f + t.e * row, t.f + t.e * (row + 1)
            lons = [t.c, t.c + t.a, t.c + t.a, t.c]
            area, _ = GEOD.polygon_area_perimeter(lons, [lat0, lat0, lat1, lat1])
            areas.append(abs(area))
        return np.repeat(np.array(areas)[:, None], ds.width, axis=1)
    to_ll = Transformer.from_crs(ds.crs, "EPSG:4326", always_xy=True)
    col, row = ds.width // 2, ds.height // 2
    xs = [t.c + t.a * c for c in (col, col + 1, col + 1, col)]
    ys = [t.f + t.e * r for r in (row, row, row + 1, row + 1)]
    lons, lats = to_ll.transform(xs, ys)
    area, _ = GEOD.polygon_area_perimeter(lons, lats)
    return np.full((ds.height, ds.width), abs(area))


def waterdetection_mask(run_alg, scene: Path, model: str, band_map: str, out: Path) -> np.ndarray:
    run_alg("satimpact:waterdetection", {"INPUT": str(scene), "MODEL": model, "BAND_MAP": band_map, "OUTPUT": str(out)})
    with rasterio.open(out) as ds:
        return ds.read(1)


# --- water over time on Pucallpa ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def pucallpa_masks(tmp_path_factory, pucallpa, satimpact_provider):
    """waterdetection's mask of every date, run on its own."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    import processing

    folder = tmp_path_factory.mktemp("puc_masks")
    masks = []
    for scene in pucallpa:
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        out = folder / f"{scene.stem}_water.tif"
        processing.run(
            "satimpact:waterdetection",
            {"INPUT": str(scene), "MODEL": "water_mndwi", "BAND_MAP": PUCALLPA_BANDS, "OUTPUT": str(out)},
            feedback=QgsProcessingFeedback(),
            context=context,
        )
        with rasterio.open(out) as ds:
            masks.append(ds.read(1))
    return np.stack(masks)


def test_water_series_pucallpa(run_alg, pucallpa, pucallpa_masks, tmp_path):
    out, occ, chg, html = (tmp_path / n for n in ("puc.gpkg", "occ.tif", "chg.tif", "report.html"))
    result = run_alg(
        "satimpact:waterseries",
        {
            "INPUTS": [str(p) for p in pucallpa],
            "BAND_MAP": PUCALLPA_BANDS,
            "OUTPUT": str(out),
            "OUTPUT_FREQUENCY": str(occ),
            "OUTPUT_CHANGE": str(chg),
            "OUTPUT_REPORT": str(html),
        },
    )
    assert result["DATE_COUNT"] == 8
    # 8-bit display-stretched Landsat without blue: the sign-based MNDWI (EVI needs reflectance)
    assert result["MODEL_USED"] == "water_mndwi"
    rows = rows_of(out)
    assert len(rows) == 8  # one zone (the common footprint) x 8 dates
    assert [r["date_label"] for r in rows] == ["1985", "1990", "1995", "2000", "2005", "2010", "2015", "2020"]
    assert [r["date"].year() for r in rows] == [1985, 1990, 1995, 2000, 2005, 2010, 2015, 2020]
    assert all((r["date"].month(), r["date"].day()) == (1, 1) for r in rows)

    with rasterio.open(pucallpa[0]) as ds:
        areas = pixel_area_grid(ds)
    for row, mask in zip(rows, pucallpa_masks):
        water = float(areas[mask == 1].sum())
        valid = float(areas[mask != 255].sum())
        assert water > 1e7  # the Ucayali is in every date
        assert row["water_area_m2"] == pytest.approx(water, rel=1e-5)
        assert row["valid_area_m2"] == pytest.approx(valid, rel=1e-5)
        assert row["water_share"] == pytest.approx(water / valid, rel=1e-5)
        assert row["low_observation"] == 0
    assert len({r["trend_m2_per_year"] for r in rows}) == 1
    assert 0.0 <= rows[0]["trend_p_value"] <= 1.0

    with rasterio.open(occ) as ds:
        occurrence = ds.read(1)
    observed = (pucallpa_masks != 255).any(axis=0)
    assert occurrence[observed].min() >= 0.0 and occurrence[observed].max() <= 1.0
    assert np.all(occurrence[~observed] == -1.0)
    expected = (pucallpa_masks == 1).sum(0)[observed] / (pucallpa_masks != 255).sum(0)[observed]
    np.testing.assert_allclose(occurrence[observed], expected, rtol=1e-6)

    with rasterio.open(chg) as ds:
        classes = ds.read(1)
    always = (pucallpa_masks == 1).all(axis=0)
    assert always.sum() > 1000
    assert np.all(classes[always] == 1)  # permanent
    never = ((pucallpa_masks == 0) | (pucallpa_masks == 255)).all(axis=0) & observed
    assert np.all(classes[never] == 0)
    # river migration: both new and lost water
    assert (classes == 2).sum() > 1000 and (classes == 3).sum() > 1000

    text = html.read_text()
    assert text.count("data:image/png;base64,") == 3  # the chart, occurrence and change maps
    assert "Sen's slope" in text and "Mann-Kendall" in text and "<script" not in text


def zone_layer(crs: str, boxes: dict) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Polygon?crs={crs}&field=name:string", "zones", "memory")
    feats = []
    for name, (x0, y0, x1, y1) in boxes.items():
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"))
        f.setAttributes([name])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_land_zone_is_zero_and_outside_zone_is_null(run_alg, pucallpa, pucallpa_masks, tmp_path):
    """A zone that is land on every date has 0 m2 of water (not NULL); a zone no date covers has NULL."""
    never_water = (pucallpa_masks == 0).all(axis=0)
    with rasterio.open(pucallpa[0]) as ds:
        t = ds.transform
    # the first 12 x 12 block that is land in every date
    block = next(
        (r, c)
        for r in range(0, never_water.shape[0] - 12, 12)
        for c in range(0, never_water.shape[1] - 12, 12)
        if never_water[r : r + 12, c : c + 12].all()
    )
    r, c = block
    land = (t.c + t.a * (c + 1), t.f + t.e * (r + 11), t.c + t.a * (c + 11), t.f + t.e * (r + 1))
    outside = (10.0, 10.0, 10.1, 10.1)
    zones = zone_layer("EPSG:4326", {"dry land": land, "elsewhere": outside})
    out = tmp_path / "zones.gpkg"
    run_alg(
        "satimpact:waterseries",
        {
            "INPUTS": [str(p) for p in pucallpa[:4]],
            "BAND_MAP": PUCALLPA_BANDS,
            "ZONES": zones,
            "ZONE_NAME_FIELD": "name",
            "OUTPUT": str(out),
        },
    )
    rows = rows_of(out)
    assert len(rows) == 8  # 2 zones x 4 dates
    dry = [r for r in rows if r["name"] == "dry land"]
    assert all(r["water_area_m2"] == 0.0 and r["water_share"] == 0.0 for r in dry)
    assert all(r["valid_area_m2"] > 0 and r["low_observation"] == 0 for r in dry)
    away = [r for r in rows if r["name"] == "elsewhere"]
    assert all(r["water_area_m2"] is None and r["water_share"] is None for r in away)
    assert all(r["low_observation"] == 1 and r["valid_area_m2"] == 0 for r in away)
    assert all(r["trend_m2_per_year"] is None for r in away)


def test_multi_date_file_as_band_groups(run_alg, pucallpa, tmp_path):
    """Two real dates stacked into one 8-band file give the same rows as the two files."""
    stacked = tmp_path / "pucallpa_1985_2020.tif"
    with rasterio.open(pucallpa[0]) as a, rasterio.open(pucallpa[-1]) as b:
        profile = a.profile
        profile.update(count=8, driver="GTiff")
        with rasterio.open(stacked, "w", **profile) as out:
            out.write(np.concatenate([a.read(), b.read()]))
    base = {"BAND_MAP": PUCALLPA_BANDS, "MODEL": "water_mndwi"}
    run_alg(
        "satimpact:waterseries",
        {
            **base,
            "INPUTS": [str(stacked)],
            "BANDS_PER_DATE": 4,
            "DATES": "1985,2020",
            "OUTPUT": str(tmp_path / "g.gpkg"),
        },
    )
    run_alg(
        "satimpact:waterseries",
        {**base, "INPUTS": [str(pucallpa[0]), str(pucallpa[-1])], "OUTPUT": str(tmp_path / "f.gpkg")},
    )
    grouped, files = rows_of(tmp_path / "g.gpkg"), rows_of(tmp_path / "f.gpkg")
    assert [r["date_label"] for r in grouped] == ["1985", "2020"]
    assert grouped[1]["source_file"].endswith("pucallpa_1985_2020.tif bands 5-8")
    for g, f in zip(grouped, files):
        assert g["water_area_m2"] == pytest.approx(f["water_area_m2"], rel=1e-12)
    with pytest.raises(QgsProcessingException, match="DATES"):
        run_alg(
            "satimpact:waterseries",
            {**base, "INPUTS": [str(stacked)], "BANDS_PER_DATE": 4, "OUTPUT": str(tmp_path / "x.gpkg")},
        )
    with pytest.raises(QgsProcessingException, match="not a multiple"):
        run_alg(
            "satimpact:waterseries",
            {
                **base,
                "INPUTS": [str(stacked)],
                "BANDS_PER_DATE": 3,
                "DATES": "1985,2020",
                "OUTPUT": str(tmp_path / "y.gpkg"),
            },
        )


# --- NAIP: grids shifted between years --------------------------------------------------------------------


def test_water_series_naip_misaligned_grids(run_alg, naip, tmp_path):
    out = tmp_path / "naip.gpkg"
    result = run_alg(
        "satimpact:waterseries", {"INPUTS": [str(p) for p in naip], "BAND_MAP": NAIP_BANDS, "OUTPUT": str(out)}
    )
    assert result["MODEL_USED"] == "water_ndwi"  # RGBN: no SWIR
    rows = rows_of(out)
    assert len(rows) == 10
    stamps = [re.search(r"_(\d{8})\.tif$", p.name).group(1) for p in naip]
    assert [r["date_label"] for r in rows] == [f"{s[:4]}-{s[4:6]}-{s[6:]}" for s in stamps]
    assert rows[0]["date_label"] == "2009-08-18" and rows[-1]["date_label"] == "2020-08-31"
    with rasterio.open(naip[0]) as ref:
        ref_crs, ref_transform, shape = ref.crs, ref.transform, (ref.height, ref.width)
        pixel = pixel_area_grid(ref)
        bounds = [ref.bounds]
    shifted = 0
    for scene in naip[1:]:
        with rasterio.open(scene) as ds:
            bounds.append(ds.bounds)
            shifted += ds.transform != ref_transform
    assert shifted >= 5  # the stack really is misaligned
    # the area all dates cover, and the reference pixels whose centres lie in it
    left, bottom = max(b.left for b in bounds), max(b.bottom for b in bounds)
    right, top = min(b.right for b in bounds), min(b.top for b in bounds)
    cols, rws = np.meshgrid(np.arange(shape[1]) + 0.5, np.arange(shape[0]) + 0.5)
    x, y = ref_transform.c + ref_transform.a * cols, ref_transform.f + ref_transform.e * rws
    inside = (x > left) & (x < right) & (y > bottom) & (y < top)
    for k, (scene, row) in enumerate(zip(naip, rows)):
        mask = waterdetection_mask(run_alg, scene, "water_ndwi", NAIP_BANDS, tmp_path / f"m{k}.tif")
        with rasterio.open(scene) as ds:
            warped = np.full(shape, 255, dtype=np.uint8)
            reproject(
                mask,
                warped,
                src_transform=ds.transform,
                src_crs=ds.crs,
                src_nodata=255,
                dst_transform=ref_transform,
                dst_crs=ref_crs,
                dst_nodata=255,
                resampling=Resampling.nearest,
            )
        water = float(pixel[inside & (warped == 1)].sum())
        valid = float(pixel[inside & (warped != 255)].sum())
        assert row["water_area_m2"] == pytest.approx(water, rel=1e-5), scene.name
        assert row["valid_area_m2"] == pytest.approx(valid, rel=1e-5), scene.name
        if k == 0:  # the reference date is not resampled at all
            assert water == pytest.approx(float(pixel[inside & (mask == 1)].sum()), rel=1e-12)


def test_water_series_errors(run_alg, pucallpa, tmp_path):
    with pytest.raises(QgsProcessingException, match="one date per input"):
        run_alg(
            "satimpact:waterseries",
            {"INPUTS": [str(p) for p in pucallpa[:2]], "DATES": "1985", "OUTPUT": str(tmp_path / "x.gpkg")},
        )
    with pytest.raises(QgsProcessingException, match="at least two"):
        run_alg("satimpact:waterseries", {"INPUTS": [str(pucallpa[0])], "OUTPUT": str(tmp_path / "y.gpkg")})


# --- green over time -----------------------------------------------------------------------------------------


def test_green_series_naip_matches_green_ratio(run_alg, naip, tmp_path):
    with rasterio.open(naip[0]) as ds:
        b = ds.bounds
    w, h = b.right - b.left, b.top - b.bottom
    boxes = {
        "west": (b.left + 0.1 * w, b.bottom + 0.2 * h, b.left + 0.45 * w, b.top - 0.2 * h),
        "east": (b.left + 0.55 * w, b.bottom + 0.2 * h, b.right - 0.1 * w, b.top - 0.2 * h),
    }
    zones = zone_layer("EPSG:26914", boxes)
    scenes = naip[::3]  # 2009, 2014, 2017, 2020
    out, html = tmp_path / "green.gpkg", tmp_path / "green.html"
    result = run_alg(
        "satimpact:greenseries",
        {
            "INPUTS": [str(p) for p in scenes],
            "BAND_MAP": NAIP_BANDS,
            "ZONES": zones,
            "ZONE_NAME_FIELD": "name",
            "OUTPUT": str(out),
            "OUTPUT_REPORT": str(html),
        },
    )
    assert result["DATE_COUNT"] == 4
    rows = rows_of(out)
    assert len(rows) == 8
    for k, scene in enumerate(scenes):
        alone = rows_of(
            run_alg(
                "satimpact:greenratio",
                {
                    "INPUT": str(scene),
                    "BAND_MAP": NAIP_BANDS,
                    "ZONES": zones,
                    "OUTPUT": str(tmp_path / f"alone{k}.gpkg"),
                },
            )["OUTPUT"]
        )
        label = re.search(r"_(\d{8})\.tif$", scene.name).group(1)
        for zone in alone:
            row = next(r for r in rows if r["name"] == zone["name"] and r["date_label"].replace("-", "") == label)
            assert row["green_area_m2"] == pytest.approx(zone["green_area_m2"], rel=1e-9)
            assert row["green_ratio"] == pytest.approx(zone["green_ratio"], rel=1e-9)
            assert row["valid_area_m2"] == pytest.approx(zone["valid_area_m2"], rel=1e-9)
            # the series knows the date from the file name, so NAIP's summer dates pass the season check
            assert "Acquisition date unknown" not in (row["season_warning"] or "")
    # 2009 looks leaf-off (the greenest 5 % of pixels below the card's NDVI): warned per date
    assert all("leaf-off" in r["season_warning"] for r in rows if r["date_label"] == "2009-08-18")
    for r in rows:
        assert r["trend_p_value"] is None or 0.0 <= r["trend_p_value"] <= 1.0
    assert "data:image/png;base64," in html.read_text()


def test_green_space_per_person_over_years_workflow(naip, tmp_path, satimpact_provider):
    from .test_workflows import run, workflow

    alg = workflow("Green space per person by district over years")
    with rasterio.open(naip[0]) as ds:
        b = ds.bounds
    my = (b.bottom + b.top) / 2
    layer = QgsVectorLayer("Polygon?crs=EPSG:26914&field=name:string&field=pop:double", "districts", "memory")
    feats = []
    for name, pop, (x0, y0, x1, y1) in (
        ("north", 1200.0, (b.left + 50, my, b.right - 50, b.top - 50)),
        ("south", 0.0, (b.left + 50, b.bottom + 50, b.right - 50, my)),
    ):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"))
        f.setAttributes([name, pop])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    out = tmp_path / "by_year.gpkg"
    run(
        alg,
        {
            "scenes": [str(p) for p in naip[-3:]],
            "districts": layer,
            "population": "pop",
            "per_person:districts_green_by_year": str(out),
        },
    )
    rows = rows_of(out)
    assert len(rows) == 6  # 2 districts x 3 dates
    assert sorted({r["date_label"] for r in rows}) == ["2018-07-16", "2019-09-04", "2020-08-31"]
    for r in rows:
        if r["name"] == "north":
            assert r["green_area_m2"] > 0
            assert r["green_m2_per_person"] == pytest.approx(r["green_area_m2"] / 1200.0, rel=1e-6)
        else:  # no population: no per-person figure, never a division by zero
            assert r["green_m2_per_person"] is None


def test_result_layers_are_styled(run_alg, pucallpa, tmp_path):
    from qgis.core import QgsProcessingContext, QgsProcessingOutputLayerDefinition, QgsProject, QgsRasterLayer

    out, occ, chg = tmp_path / "s.gpkg", tmp_path / "occ.tif", tmp_path / "chg.tif"
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())

    def to_project(path):  # as the algorithm dialog asks: load the output when done
        return QgsProcessingOutputLayerDefinition(str(path), QgsProject.instance())

    params = {"INPUTS": [str(p) for p in pucallpa[:3]], "BAND_MAP": PUCALLPA_BANDS, "OUTPUT": to_project(out)}
    params.update(OUTPUT_FREQUENCY=to_project(occ), OUTPUT_CHANGE=to_project(chg))
    run_alg("satimpact:waterseries", params, context=context)
    # what QGIS applies when it loads the outputs (GUI and modeler)
    details = {path: context.layerToLoadOnCompletionDetails(str(path)) for path in (out, occ, chg)}
    assert {d.name for d in details.values()} == {
        "Water share per zone and date",
        "Water occurrence",
        "Water change classes",
    }
    table = QgsVectorLayer(str(out), "t", "ogr")
    details[out].postProcessor().postProcessLayer(table, context, None)
    assert table.renderer().type() == "graduatedSymbol" and table.renderer().classAttribute() == "water_share"
    assert table.temporalProperties().isActive() and table.temporalProperties().startField() == "date"
    occurrence = QgsRasterLayer(str(occ), "o")
    details[occ].postProcessor().postProcessLayer(occurrence, context, None)
    shader = occurrence.renderer().shader().rasterShaderFunction()
    assert occurrence.renderer().type() == "singlebandpseudocolor"
    assert (shader.minimumValue(), shader.maximumValue()) == (0.0, 1.0)
    ramp = shader.colorRampItemList()
    assert ramp[-1].color.blue() > ramp[-1].color.red()  # blue ramp, dark blue for always water
    change = QgsRasterLayer(str(chg), "c")
    details[chg].postProcessor().postProcessLayer(change, context, None)
    labels = {c.value: c.label for c in change.renderer().classes()}
    assert labels == {0: "never water", 1: "permanent water", 2: "new water", 3: "lost water", 4: "seasonal water"}


def test_vv_only_series_gets_the_automatic_radar_threshold(run_alg, s1_chip, tmp_path):
    """A VV-only stack gets, on every date, the split-based automatic threshold that
    waterdetection gives a VV-only scene by default (not the model's fixed fallback): areas equal
    waterdetection's masks, and a +3 dB calibration offset on the second date changes nothing."""
    with rasterio.open(s1_chip) as ds:
        profile, vv = ds.profile.copy(), ds.read(1)
    profile.update(driver="GTiff", count=1)
    scenes = []
    for year, offset in ((2017, 0.0), (2018, 3.0)):
        path = tmp_path / f"{year}.tif"
        with rasterio.open(path, "w", **profile) as dst:
            dst.write((vv + offset)[None].astype(profile["dtype"]))
            dst.set_band_description(1, "VV")
        scenes.append(path)
    out = tmp_path / "series.gpkg"
    run_alg("satimpact:waterseries", {"INPUTS": [str(p) for p in scenes], "OUTPUT": str(out)})
    rows = sorted(rows_of(out), key=lambda r: str(r["date"]))
    assert len(rows) == 2
    for scene, row in zip(scenes, rows):
        result = run_alg("satimpact:waterdetection", {"INPUT": str(scene), "OUTPUT": str(tmp_path / f"m_{scene.name}")})
        assert "split-based" in result["THRESHOLD_SOURCE"]
        with rasterio.open(result["OUTPUT"]) as ds:
            expected = float(pixel_area_grid(ds)[ds.read(1) == 1].sum())
        assert row["water_area_m2"] == pytest.approx(expected, rel=1e-5)
    assert rows[1]["water_area_m2"] == pytest.approx(rows[0]["water_area_m2"], rel=1e-3)
