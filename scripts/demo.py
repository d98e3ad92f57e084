"""`make demo`: run every SatImpact tool through qgis_process on real Sentinel-2/-1 patches.

The imagery comes from a registry package, so any fresh machine can get it: the
`bigearthnet-common` wheel on PyPI ships six real BigEarthNet Sentinel-2 L2A patches
(and their Sentinel-1 pairs). The wheel is fetched with `pip download --no-deps`, its
archives are unpacked under demo-data/, and each patch's bands are stacked into one
GeoTIFF that keeps the product name (S2A_MSIL2A_20170613T101031_...).
"""

from __future__ import annotations

import glob
import json
import os
import subprocess
import sys
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEMO_DATA = os.path.join(ROOT, "demo-data")
OUT = os.path.join(ROOT, "demo-output")
QGIS_PROCESS = os.path.join(ROOT, "scripts", "qgis_process.sh")
WHEEL_SPEC = "bigearthnet-common==2.8.0"

sys.path.insert(0, os.path.join(ROOT, ".qgis-plugins"))


def fetch_patches() -> tuple[list[str], list[str]]:
    """Download the wheel once, unpack it, stack the patches. Returns (S2 stacks, S1 stacks)."""
    from satimpact.engine.stack import stack_bigearthnet_s1, stack_bigearthnet_s2

    os.makedirs(DEMO_DATA, exist_ok=True)
    wheels = glob.glob(os.path.join(DEMO_DATA, "bigearthnet_common-*.whl"))
    if not wheels:
        print(f"demo: pip download --no-deps {WHEEL_SPEC}")
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", DEMO_DATA, WHEEL_SPEC],
            check=True,
        )
        wheels = glob.glob(os.path.join(DEMO_DATA, "bigearthnet_common-*.whl"))
    raw = os.path.join(DEMO_DATA, "raw")
    if not os.path.isdir(raw):
        with zipfile.ZipFile(wheels[0]) as wheel:
            for member in wheel.namelist():
                if member.endswith(".tar.bz2"):
                    wheel.extract(member, DEMO_DATA)
        for archive in glob.glob(os.path.join(DEMO_DATA, "bigearthnet_common", "*.tar.bz2")):
            with tarfile.open(archive) as tar:
                tar.extractall(raw)  # noqa: S202 (archive from the PyPI wheel we just fetched)
    stacks = os.path.join(DEMO_DATA, "stacks")
    os.makedirs(stacks, exist_ok=True)
    s2 = [
        stack_bigearthnet_s2(folder, stacks)
        for folder in sorted(glob.glob(os.path.join(raw, "**", "S2*_MSIL2A_*"), recursive=True))
        if os.path.isdir(folder)
    ]
    s1 = [
        stack_bigearthnet_s1(folder, stacks)
        for folder in sorted(glob.glob(os.path.join(raw, "**", "S1*_IW_GRDH_*"), recursive=True))
        if os.path.isdir(folder)
    ]
    return s2, s1


def qgis_process(alg: str, **params) -> None:
    args = [QGIS_PROCESS, "run", alg, "--"] + [f"{k}={v}" for k, v in params.items()]
    print("demo: " + " ".join(os.path.relpath(a, ROOT) if a.startswith(ROOT) else a for a in args))
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        print(done.stdout[-4000:], done.stderr[-4000:], sep="\n")
        raise SystemExit(f"demo: {alg} failed (exit {done.returncode})")


def gpkg_count(path: str, field: str) -> tuple[int, int]:
    """(features, features whose field is not NULL) of a one-layer GeoPackage."""
    import sqlite3

    with sqlite3.connect(path) as db:
        (table,) = db.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()
        return db.execute(f'SELECT count(*), count("{field}") FROM "{table}"').fetchone()


def main() -> int:
    s2, s1 = fetch_patches()
    if not s2:
        raise SystemExit("demo: no Sentinel-2 patches found in the bigearthnet-common wheel")
    os.makedirs(OUT, exist_ok=True)
    summer = next((p for p in s2 if "201706" in os.path.basename(p)), s2[0])
    stem = os.path.splitext(os.path.basename(summer))[0]

    # Run model: NDVI over a June patch (Sentinel-2 L2A, bands matched by name).
    qgis_process("satimpact:runmodel", INPUT=summer, MODEL="index_ndvi", OUTPUT=os.path.join(OUT, f"{stem}_ndvi.tif"))

    # DEMO STEPS: each indicator tool adds its qgis_process run here.

    # Water detection: the June patch (model chosen from its bands), then the patch whose CORINE
    # labels include water bodies, from Sentinel-2 (with polygons) and from its Sentinel-1 pair.
    qgis_process("satimpact:waterdetection", INPUT=summer, OUTPUT=os.path.join(OUT, f"{stem}_water.tif"))
    lake = next((p for p in s2 if "_69_24" in p), None)
    if lake:
        lake_stem = os.path.splitext(os.path.basename(lake))[0]
        qgis_process(
            "satimpact:waterdetection",
            INPUT=lake,
            OUTPUT=os.path.join(OUT, f"{lake_stem}_water.tif"),
            OUTPUT_INDEX=os.path.join(OUT, f"{lake_stem}_water_index.tif"),
            OUTPUT_POLYGONS=os.path.join(OUT, f"{lake_stem}_water_bodies.gpkg"),
            MIN_AREA=1000,
        )
        lake_s1 = next((p for p in s1 if "_69_24" in p), None)
        if lake_s1:
            s1_stem = os.path.splitext(os.path.basename(lake_s1))[0]
            qgis_process(
                "satimpact:waterdetection",
                INPUT=lake_s1,
                AUTO_THRESHOLD="true",
                OUTPUT=os.path.join(OUT, f"{s1_stem}_water.tif"),
            )
        # Floating debris: FDI and candidate patches on that Sentinel-2B patch's water (S2B wavelengths).
        qgis_process(
            "satimpact:debrisdetection",
            INPUT=lake,
            OUTPUT=os.path.join(OUT, f"{lake_stem}_fdi.tif"),
            OUTPUT_CANDIDATES=os.path.join(OUT, f"{lake_stem}_debris_candidates.gpkg"),
        )

    # Poverty grid: the shipped North Korea development score on the June L2A patch (reflectance,
    # converted to 8-bit true colour, as the log says). The patch (1.2 km) is smaller than one
    # model chip (1.87 km), so the cells are 600 m and chips need only 30 % valid pixels; farmland in
    # central Europe (UTM 33N) is far outside the training region: this shows the mechanics only.
    qgis_process(
        "satimpact:povertygrid",
        INPUT=summer,
        CELL_SIZE=600,
        MIN_VALID=0.3,
        OUTPUT=os.path.join(OUT, f"{stem}_development.gpkg"),
        OUTPUT_RASTER=os.path.join(OUT, f"{stem}_development.tif"),
    )

    # Flood change: the wheel holds no two dates of one place (the two 35VPK Sentinel-1 patches,
    # September and February, lie about 20 km apart and do not overlap), so the demo compares the
    # water-bodies patch seen by Sentinel-2B (optical, 24 Sep 2017) with its Sentinel-1 pair
    # (radar, 25 Sep 2017): each date's water model is chosen from its bands, the radar scene is
    # aligned onto the optical grid, and the classes show where the two sensors disagree.
    flood_before = next((p for p in s2 if "_69_24" in p), None)
    flood_after = next((p for p in s1 if "_69_24" in p), None)
    if flood_before and flood_after:
        qgis_process(
            "satimpact:floodchange",
            BEFORE=flood_before,
            AFTER=flood_after,
            CELL_SIZE=300,
            DAMAGE_THRESHOLD=0.1,
            OUTPUT=os.path.join(OUT, "flood_change_69_24_s2b_to_s1.tif"),
            OUTPUT_GRID=os.path.join(OUT, "flood_change_69_24_cells.gpkg"),
        )

    # Flood impact on poverty (the shipped workflow): its development scores need imagery larger
    # than one model chip (1.87 km), which the 1.2 km BigEarthNet patches are not (their cells come
    # out NULL). Where ../shared/data holds the 5 km Sen1Floods11 chip (Spain, Sentinel-2 and its
    # Sentinel-1 pair), the workflow runs on it with 1 km cells; as above, the two dates are two
    # sensors on one day, so "new flood" marks where radar sees water that optics does not.
    chips = os.path.join(os.path.dirname(ROOT), "shared", "data", "sen1floods11")
    s2_chip = os.path.join(chips, "Spain_7370579_S2Hand.tif")
    s1_chip = os.path.join(chips, "Spain_7370579_S1Hand.tif")
    if os.path.exists(s2_chip) and os.path.exists(s1_chip):
        scored = os.path.join(OUT, "flood_poverty_spain_cells.gpkg")
        qgis_process(
            "satimpact:Flood impact on poverty",
            before=s2_chip,
            after=s1_chip,
            imagery=s2_chip,
            cell_size=1000,
            **{
                "flood:flood_change": os.path.join(OUT, "flood_poverty_spain_change.tif"),
                "flood:flood_cells": "TEMPORARY_OUTPUT",
                "poverty:cells_scored": scored,
                "poor_and_flooded:poor_and_flooded": os.path.join(OUT, "flood_poverty_spain_priority.gpkg"),
            },
        )
        cells, with_score = gpkg_count(scored, "score")
        print(f"demo:  {with_score} of {cells} cells have a development score")
    else:
        print(f"demo: skipped the flood-poverty workflow ({s2_chip} not found)")

    # Green ratio: each patch on a 600 m grid (patches are 1.2 km wide). June patches come out
    # above 80 % green without warning; December and February get the season warning.
    for patch in s2:
        name = os.path.splitext(os.path.basename(patch))[0]
        args = [QGIS_PROCESS, "run", "satimpact:greenratio", "--json", "--", f"INPUT={patch}", "CELL_SIZE=600"]
        args.append(f"OUTPUT={os.path.join(OUT, name + '_green.gpkg')}")
        if patch == summer:
            args.append(f"OUTPUT_MASK={os.path.join(OUT, name + '_vegetation.tif')}")
        print(f"demo: qgis_process run satimpact:greenratio -- INPUT={os.path.relpath(patch, ROOT)} CELL_SIZE=600 ...")
        done = subprocess.run(args, capture_output=True, text=True)
        if done.returncode != 0:
            print(done.stdout[-4000:], done.stderr[-4000:], sep="\n")
            raise SystemExit(f"demo: satimpact:greenratio failed (exit {done.returncode})")
        results = json.loads(done.stdout[done.stdout.index("{") :])["results"]
        print(
            f"demo:  green ratio {results['GREEN_RATIO']:.3f}; season: {results['SEASON_WARNING'] or 'leaf-on summer'}"
        )

    print("\ndemo: wrote")
    for path in sorted(glob.glob(os.path.join(OUT, "*"))):
        if not path.endswith(".aux.xml"):
            print(f"  {os.path.relpath(path, ROOT)}  ({os.path.getsize(path) / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
