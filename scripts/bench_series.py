"""Time of satimpact:waterseries over the 10-date NAIP stack against what it replaces.

(a) one ``satimpact:waterseries`` run through ``processing.run`` over the 10 dates (masks,
    alignment, zonal areas, occurrence and change rasters, no report);
(b) ten ``satimpact:waterdetection`` runs through ``processing.run`` (one per date), plus
    counting: each mask read back, warped onto the first date's grid (nearest neighbour) and
    its water and valid areas summed, as an analyst's script would;

and (a)/(b), which must not exceed 1. Each side is timed ``--repeat`` times (alternating) and
the best time is kept. Prints; gates nothing. Timings on a shared machine are noisy.

Usage: scripts/bench_series.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.environ.get("SATIMPACT_DATA", os.path.join(os.path.dirname(ROOT), "shared", "data"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
BANDS = "red=1,green=2,blue=3,nir=4"


def _run(alg: str, params: dict) -> dict:
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run(alg, params, feedback=QgsProcessingFeedback(), context=context)


def series_once(scenes: list[str], folder: str) -> float:
    start = time.perf_counter()
    _run(
        "satimpact:waterseries",
        {
            "INPUTS": scenes,
            "MODEL": "water_ndwi",
            "BAND_MAP": BANDS,
            "OUTPUT": os.path.join(folder, "series.gpkg"),
            "OUTPUT_FREQUENCY": os.path.join(folder, "occurrence.tif"),
            "OUTPUT_CHANGE": os.path.join(folder, "change.tif"),
        },
    )
    return time.perf_counter() - start


def singles_once(scenes: list[str], folder: str) -> tuple[float, list[float]]:
    import numpy as np
    import rasterio
    from rasterio.enums import Resampling
    from rasterio.warp import reproject

    from satimpact.engine.geo import pixel_areas_for

    start = time.perf_counter()
    with rasterio.open(scenes[0]) as ref:
        crs, transform, shape = ref.crs, ref.transform, (ref.height, ref.width)
    areas, _ = pixel_areas_for(crs, transform, shape[1], shape[0])
    pixel = areas.window(0, 0, *shape)
    water_m2 = []
    for k, scene in enumerate(scenes):
        out = os.path.join(folder, f"single_{k}.tif")
        _run("satimpact:waterdetection", {"INPUT": scene, "MODEL": "water_ndwi", "BAND_MAP": BANDS, "OUTPUT": out})
        with rasterio.open(out) as ds:
            warped = np.full(shape, 255, dtype=np.uint8)
            reproject(
                ds.read(1),
                warped,
                src_transform=ds.transform,
                src_crs=ds.crs,
                src_nodata=255,
                dst_transform=transform,
                dst_crs=crs,
                dst_nodata=255,
                resampling=Resampling.nearest,
            )
        water_m2.append(float(pixel[warped == 1].sum()))
    return time.perf_counter() - start, water_m2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    scenes = sorted(glob.glob(os.path.join(DATA, "timeseries", "naip_nd_lakes", "*.tif")))
    if len(scenes) != 10:
        print(f"bench_series: the NAIP stack is not at {DATA}/timeseries/naip_nd_lakes (found {len(scenes)} files)")
        return 1
    from bench import start_qgis

    app, plugin = start_qgis()
    series_s, singles_s = [], []
    with tempfile.TemporaryDirectory() as folder:
        series_once(scenes, folder)  # warm-up: imports, model load, GDAL caches
        for _ in range(args.repeat):
            series_s.append(series_once(scenes, folder))
            seconds, water = singles_once(scenes, folder)
            singles_s.append(seconds)
    best_series, best_singles = min(series_s), min(singles_s)
    ratio = best_series / best_singles
    print(f"waterseries, 10 NAIP dates (934 x 724 px, 5 m): {best_series:.2f} s (best of {args.repeat})")
    print(f"10 x waterdetection + warp + counting:          {best_singles:.2f} s (best of {args.repeat})")
    print(f"series / singles = {ratio:.2f} (target <= 1): {'ok' if ratio <= 1.0 else 'NOT MET'}")
    print(f"water area per date (km2, singles): {', '.join(f'{w / 1e6:.3f}' for w in water)}")
    plugin.unload()
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
