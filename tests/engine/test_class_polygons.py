"""Class polygons (engine/deepness.py class_polygons) on a class map made from the real Deepness
test photo: the map is polygonised in strips of rows when it is large, and pieces cut at a seam are
joined again, so polygonising in many strips must give exactly what one strip gives."""

import numpy as np
import pytest

from satimpact.engine.deepness import class_polygons

from conftest import data_path

NAMES = [["background", "green", "bright"]]


@pytest.fixture(scope="module")
def speckled_classes(tmp_path_factory):
    """A speckled 3-class map from the photo (green-dominant pixels, bright pixels): many
    polygons, many with holes, on the photo's own grid."""
    import rasterio

    with rasterio.open(data_path("deepness_test", "dummy_fotomap_small.tif")) as src:
        r, g, b = (src.read(i, window=((0, 600), (0, 700))).astype(np.int32) for i in (1, 2, 3))
        profile = dict(src.profile)
        transform = src.transform
    classes = np.zeros(r.shape, dtype=np.uint8)
    classes[g > np.maximum(r, b) + 5] = 1
    classes[(r + g + b) > 600] = 2
    profile.update(count=1, dtype="uint8", nodata=255, height=r.shape[0], width=r.shape[1], transform=transform)
    for key in ("photometric", "alpha", "blockxsize", "blockysize", "tiled", "compress", "interleave"):
        profile.pop(key, None)
    path = tmp_path_factory.mktemp("classes") / "classes.tif"
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(classes, 1)
    return str(path), classes, abs(transform.a * transform.e)


def test_strips_give_what_one_strip_gives(speckled_classes):
    """Seams every 97 rows: the same polygons (areas, holes), all valid, areas equal to the pixel
    counts, background left out."""
    path, classes, pixel = speckled_classes
    whole = class_polygons(path, NAMES, simplify_px=0)
    strips = class_polygons(path, NAMES, simplify_px=0, strip=97)
    assert len(whole) > 100 and any(poly.interiors for *_, poly in whole)
    for polys in (whole, strips):
        assert all(poly.is_valid and poly.geom_type == "Polygon" for *_, poly in polys)
        assert {value for _, value, _, _ in polys} == {1, 2}
        for value in (1, 2):
            area = sum(poly.area for _, v, _, poly in polys if v == value)
            assert area == pytest.approx(np.count_nonzero(classes == value) * pixel, rel=1e-9)

    def shape_of(polys):
        return sorted((v, round(p.area / pixel), len(p.interiors)) for _, v, _, p in polys)

    assert shape_of(strips) == shape_of(whole)


def test_simplified_polygons_stay_valid_and_keep_their_holes(speckled_classes):
    """A 1 px simplification: every polygon valid, none lost, holes kept."""
    path, _, pixel = speckled_classes
    plain = class_polygons(path, NAMES, simplify_px=0)
    simple = class_polygons(path, NAMES, simplify_px=1.0)
    assert len(simple) == len(plain)
    assert all(poly.is_valid and not poly.is_empty for *_, poly in simple)
    assert sum(len(p.interiors) for *_, p in simple) == sum(len(p.interiors) for *_, p in plain)
    assert sum(len(p.exterior.coords) for *_, p in simple) < sum(len(p.exterior.coords) for *_, p in plain)
