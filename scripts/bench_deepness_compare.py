"""`make bench`, Deepness side by side: seconds of satimpact:runmodel and of the Deepness plugin's
own map processors on the same model and raster, measured in one run, and their ratio.

Deepness is not a dependency: this runs only where DEEPNESS_SRC points at a copy of its source
(a folder holding src/deepness or deepness) and OpenCV (cv2, which Deepness needs) is importable,
e.g. ``pip install --target /tmp/deepness_deps opencv-python-headless`` and
``PYTHONPATH=/tmp/deepness_deps``. Otherwise it prints why and exits 0.

The raster is the Deepness test photo (../shared/data/deepness_test/dummy_fotomap_small.tif,
RGBA) repeated N x N (default 3 x 3, 3729 x 2523 px) on an exactly square 2 cm grid, written as
a tiled GeoTIFF, so that Deepness reads the pixels as they are (it resamples non-square pixels).
Cases, all with 512 px tiles and 15 % overlap on both sides:
- ``cnn``: a 3-layer CNN (3x3 convolutions 3 -> 16 -> 16 -> 1, sigmoid, Deepness metadata,
  standardization), the model of bench_deepness_memory.py; segmentation (Deepness also makes its
  polygon layers, unsimplified, so runmodel writes OUTPUT_VECTOR too, with VECTOR_SIMPLIFY=0);
- ``x8``: Deepness' segmentation dummy (each channel to the 8th power, 3 classes), the same;
- ``regression``: Deepness' regression dummy (dummy_regression_model_batched.onnx).
Each case runs ``--repeats`` times (default 3), runmodel and Deepness taking turns; the time is
inside each process (QGIS start-up and model file discovery excluded; model loading included),
runmodel through processing.run, Deepness as scripts/deepness_headless.py runs it (batch size 1,
its dock's default; onnxruntime with its default threads, as runmodel). The ratio is Deepness'
median over runmodel's median. The machine may be shared: absolute times are noisy, the ratios
measured in one run less so.

Usage: scripts/bench_deepness_compare.py [--repeat-raster 3] [--repeats 3] [--cases cnn,x8,regression]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.environ.get("SATIMPACT_BENCH_OUT", os.path.join(ROOT, "bench-output"))
DATA = os.environ.get("SATIMPACT_DATA", os.path.join(os.path.dirname(ROOT), "shared", "data"))
DEEPNESS_DATA = os.path.join(DATA, "deepness_test")
PHOTO = os.path.join(DEEPNESS_DATA, "dummy_fotomap_small.tif")
HEADLESS = os.path.join(ROOT, "scripts", "deepness_headless.py")

sys.path.insert(0, os.path.join(ROOT, "scripts"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def why_not() -> str | None:
    """Why Deepness cannot run here, or None."""
    src = os.environ.get("DEEPNESS_SRC", "")
    if not src:
        return "DEEPNESS_SRC is not set (a copy of PUTvision/qgis-plugin-deepness's source is needed)"
    if not any(os.path.isdir(os.path.join(src, sub, "deepness", "processing")) for sub in ("src", ".")):
        return f"DEEPNESS_SRC={src} holds no deepness/processing (nor src/deepness/processing)"
    try:
        import cv2  # noqa: F401
    except ImportError:
        return "OpenCV (cv2), which Deepness needs, is not importable (put opencv-python-headless on PYTHONPATH)"
    if not os.path.exists(PHOTO):
        return f"{PHOTO} not found"
    return None


def square_raster(reps: int) -> str:
    """The photo repeated reps x reps, RGBA, on an exactly square 2 cm grid, tiled GeoTIFF."""
    from osgeo import gdal

    path = os.path.join(OUT, f"deepness_compare_{reps}x{reps}.tif")
    if os.path.exists(path):
        return path
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # the photo's TIFF lacks RowsPerStrip: harmless
    src = gdal.Open(PHOTO)
    w, h = src.RasterXSize, src.RasterYSize
    x0, _, _, y0, _, _ = src.GetGeoTransform()
    parts = []
    for j in range(reps):
        for i in range(reps):
            part = os.path.join(OUT, f"deepness_compare_part_{i}_{j}.vrt")
            ds = gdal.Translate(part, PHOTO, format="VRT")
            ds.SetGeoTransform([x0 + i * w * 0.02, 0.02, 0.0, y0 - j * h * 0.02, 0.0, -0.02])
            ds = None
            parts.append(part)
    vrt = os.path.join(OUT, "deepness_compare.vrt")
    gdal.BuildVRT(vrt, parts).FlushCache()
    gdal.Translate(path, vrt, creationOptions=["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512"]).FlushCache()
    for part in parts + [vrt]:
        os.remove(part)
    gdal.PopErrorHandler()
    return path


# Deepness draws its polygons unsimplified (OpenCV contours): runmodel the same, VECTOR_SIMPLIFY=0
POLYGONS = {"OUTPUT_VECTOR": "vector", "VECTOR_SIMPLIFY": 0}


def cases(selected: list[str]) -> list[dict]:
    from bench_deepness_memory import cnn_model

    seg = os.path.join(DEEPNESS_DATA, "dummy_model", "dummy_segmentation_models", "dummy_model.onnx")
    reg = os.path.join(DEEPNESS_DATA, "dummy_model", "dummy_regression_models", "dummy_regression_model_batched.onnx")
    table = {
        "cnn": {"kind": "segmentation", "model": cnn_model(), "ours": POLYGONS},
        "x8": {"kind": "segmentation", "model": seg, "ours": dict(POLYGONS, MODEL_TYPE="segmentation")},
        "regression": {"kind": "regression", "model": reg, "ours": {}, "theirs": ["--output-scaling", "1.1"]},
    }
    return [dict(table[name], name=name) for name in selected]


def start_qgis():
    from bench import start_qgis as start

    return start()


def run_ours(case: dict, raster: str, round_no: int) -> float:
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    import processing

    stem = os.path.join(OUT, f"cmp_{case['name']}_{round_no}")
    params = {"INPUT": raster, "MODEL": case["model"], "OUTPUT": stem + ".tif"}
    for key, value in case["ours"].items():
        params[key] = stem + ".gpkg" if value == "vector" else value
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    start = time.perf_counter()
    processing.run("satimpact:runmodel", params, feedback=QgsProcessingFeedback(), context=context)
    seconds = time.perf_counter() - start
    for path in {params["OUTPUT"], params.get("OUTPUT_VECTOR")} - {None}:
        if os.path.exists(path):
            os.remove(path)
    return seconds


def run_theirs(case: dict, raster: str) -> float:
    out = os.path.join(OUT, f"cmp_{case['name']}_deepness.npy")
    done = subprocess.run(
        [sys.executable, HEADLESS, case["kind"], case["model"], raster, out, *case.get("theirs", [])],
        capture_output=True,
        text=True,
        cwd=OUT,  # Deepness' regression processor writes a scratch file to the working folder
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    last = (done.stdout.strip().splitlines() or ["{}"])[-1]
    if done.returncode != 0:
        raise SystemExit(f"Deepness failed ({done.returncode}): {last}\n{done.stderr[-2000:]}")
    os.remove(out)
    return json.loads(last)["seconds"][0]


def deepness_commit() -> str:
    """The commit recorded next to the Deepness copy (DEEPNESS_SRC/COMMIT), if any."""
    path = os.path.join(os.environ.get("DEEPNESS_SRC", ""), "COMMIT")
    if not os.path.exists(path):
        return "unknown (no COMMIT file in DEEPNESS_SRC)"
    with open(path) as f:
        return f.read().strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat-raster", type=int, default=3, help="the photo repeated N x N (default 3)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per tool and case (default 3)")
    parser.add_argument("--cases", default="cnn,x8,regression")
    args = parser.parse_args()
    reason = why_not()
    if reason:
        print(f"bench_deepness_compare: skipped: {reason}")
        return 0
    os.makedirs(OUT, exist_ok=True)
    raster = square_raster(args.repeat_raster)
    from osgeo import gdal

    ds = gdal.Open(raster)
    size = (ds.RasterXSize, ds.RasterYSize)
    ds = None
    qgis = start_qgis()  # noqa: F841  (kept: the plugin's provider lives as long as the plugin)
    print(
        f"Deepness side by side, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.node()}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; raster {size[0]} x {size[1]} px "
        f"({size[0] * size[1] / 1e6:.1f} Mpx); Deepness commit {deepness_commit()}",
        flush=True,
    )
    rows = []
    for case in cases(args.cases.split(",")):
        ours, theirs = [], []
        for r in range(args.repeats):
            ours.append(run_ours(case, raster, r))
            theirs.append(run_theirs(case, raster))
        row = {
            "case": case["name"],
            "runmodel_s": round(statistics.median(ours), 2),
            "deepness_s": round(statistics.median(theirs), 2),
            "ratio": round(statistics.median(theirs) / statistics.median(ours), 2),
            "runmodel_all": [round(t, 2) for t in ours],
            "deepness_all": [round(t, 2) for t in theirs],
        }
        rows.append(row)
        print(
            f"{case['name']:>10}: runmodel {row['runmodel_s']:.2f} s, Deepness {row['deepness_s']:.2f} s "
            f"(medians of {args.repeats}), Deepness / runmodel = {row['ratio']:.2f}",
            flush=True,
        )
    print(json.dumps({"raster_px": size, "load_average": os.getloadavg()[0], "rows": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
