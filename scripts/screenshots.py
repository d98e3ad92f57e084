"""Screenshots for the README: real QGIS under Xvfb runs each tool on real data from
../shared/data and saves the toolbox, a dialog and the styled results to docs/img/.

    .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import numpy as np
import rasterio

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
IMG = ROOT / "docs" / "img"
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / ".qgis-plugins"))


def dried_before(s2: Path, label: Path, out: Path) -> Path:
    """The chip with its labelled water in the western half set to median land reflectance:
    a stand-in 'before' scene (the data holds one date only)."""
    with rasterio.open(s2) as src, rasterio.open(label) as lab:
        data, profile, names = src.read(), src.profile, src.descriptions
        water = lab.read(1) == 1
    west = np.zeros_like(water)
    west[:, : water.shape[1] // 2] = True
    land = ~water & (data[0] != 0)
    for band in range(data.shape[0]):
        data[band][water & west] = np.median(data[band][land])
    with rasterio.open(out, "w", **profile) as dst:
        dst.write(data)
        for k, d in enumerate(names, 1):
            dst.set_band_description(k, d)
    return out


def nk_mosaic(out: Path, side: int = 6) -> Path:
    """Real North Korea chips (left: urban clusters 0-4, right: rural 19-21 and uninhabited 22)
    mosaicked at zoom-14 Web Mercator tile geometry."""
    from rasterio.transform import from_origin

    from satimpact.engine import poverty as pov

    chips = pov.list_cluster_chips(str(DATA / "nk_pog" / "clusters"))
    urban = [f for c in ("0", "1", "2", "3", "4") for f in chips[c]]
    low = [f for c in ("19", "20", "21", "22") for f in chips[c]]
    mosaic = np.zeros((3, side * 256, side * 256), np.uint8)
    for r in range(side):
        for c in range(side):
            pool = urban if c < side // 2 else low
            f = pool[(r * side + c) * 7 % len(pool)]
            mosaic[:, r * 256 : (r + 1) * 256, c * 256 : (c + 1) * 256] = pov.read_chip(f, 256).astype(np.uint8)
    res = 40075016.68557849 / (256 * 2**14)
    x0, y1 = 125.75 * 111319.49, 4700000.0  # near Pyongyang
    with rasterio.open(
        out, "w", driver="GTiff", width=side * 256, height=side * 256, count=3, dtype="uint8",
        crs="EPSG:3857", transform=from_origin(x0, y1, res, res), tiled=True, compress="deflate",
    ) as ds:  # fmt: skip
        ds.write(mosaic)
        for k, name in enumerate(("red", "green", "blue"), start=1):
            ds.set_band_description(k, name)
    return out


def main() -> int:
    from gui_runner import run_qgis_gui

    IMG.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="satimpact-shots-"))
    s2 = DATA / "sen1floods11" / "Spain_7370579_S2Hand.tif"
    label = DATA / "sen1floods11" / "Spain_7370579_LabelHand.tif"
    before = dried_before(s2, label, work / "before_dried.tif")
    nk = nk_mosaic(work / "nk_mosaic.tif")
    out = work / "out"
    out.mkdir()

    def shot(name):
        return str(IMG / name)

    s2_rgb = {"kind": "load", "path": str(s2), "name": "Sentinel-2 L1C, Spain (Sen1Floods11)", "rgb": [4, 3, 2]}
    steps = [
        s2_rgb,
        {"kind": "toolbox", "shot": shot("toolbox.png")},
        {"kind": "dialog", "alg": "satimpact:waterdetection", "params": {"INPUT": str(s2)}, "shot": shot("dialog.png")},
        {"kind": "run", "alg": "satimpact:waterdetection", "shot": shot("result_water.png"), "legend": True,
         "params": {"INPUT": str(s2), "OUTPUT": str(out / "water.tif"), "OUTPUT_POLYGONS": str(out / "water.gpkg"),
                    "MIN_AREA": 2000}},
        {"kind": "clear"},
        s2_rgb,
        {"kind": "run", "alg": "satimpact:debrisdetection", "shot": shot("result_debris.png"), "legend": True,
         "params": {"INPUT": str(s2), "OUTPUT": str(out / "fdi.tif"), "OUTPUT_CANDIDATES": str(out / "debris.gpkg")}},
        {"kind": "clear"},
        s2_rgb,
        {"kind": "run", "alg": "satimpact:floodchange", "shot": shot("result_flood.png"), "legend": True,
         "params": {"BEFORE": str(before), "AFTER": str(s2), "CELL_SIZE": 1000, "OUTPUT": str(out / "change.tif"),
                    "OUTPUT_GRID": str(out / "flood_cells.gpkg")}},
        {"kind": "clear"},
        s2_rgb,
        {"kind": "run", "alg": "satimpact:greenratio", "shot": shot("result_green.png"), "legend": True,
         "params": {"INPUT": str(s2), "CELL_SIZE": 500, "OUTPUT": str(out / "green.gpkg")}},
        {"kind": "clear"},
        {"kind": "load", "path": str(nk), "name": "Sentinel-2 RGB tiles, North Korea"},
        {"kind": "run", "alg": "satimpact:povertygrid", "shot": shot("result_poverty.png"), "legend": True,
         "params": {"INPUT": str(nk), "CELL_SIZE": 1000, "OUTPUT": str(out / "poverty.gpkg")}},
        {"kind": "manager", "shot": shot("model_manager.png")},
    ]  # fmt: skip
    result = run_qgis_gui(steps, work, timeout=600)
    if result["errors"]:
        print("\n".join(result["errors"]))
        return 1
    for run in result.get("runs", []):
        print(run["alg"], [layer["name"] for layer in run["layers"]])
    for world_file in IMG.glob("*.pgw"):  # QGIS writes world files next to map images
        world_file.unlink()
    print(f"screenshots in {os.path.relpath(IMG, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
