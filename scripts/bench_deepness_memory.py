"""`make bench`, Deepness comparison: peak memory of satimpact:runmodel through qgis_process
on the case the Deepness plugin was measured on (issue 13): a ~57 Mpx 3-band raster, a small
3-layer CNN (3x3 convolutions 3 -> 16 -> 16 -> 1, sigmoid) carrying Deepness metadata
(Segmentor, 512 px tiles, 15 % overlap), and the same run over a raster 16x as large.

The raster repeats the real aerial photo of the Deepness test data
(../shared/data/deepness_test/dummy_fotomap_small.tif, RGB) 6 x 9 times (7458 x 7569 px,
written as a tiled GeoTIFF); the 16x raster is a 4 x 4 VRT over that file. Peak RSS is
GNU time's maximum resident set size of the qgis_process process; "QGIS alone" is the same
binary printing the algorithm's help. Figures depend on the machine; nothing is gated.

Usage: scripts/bench_deepness_memory.py [--skip-large]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.environ.get("SATIMPACT_BENCH_OUT", os.path.join(ROOT, "bench-output"))
DATA = os.environ.get("SATIMPACT_DATA", os.path.join(os.path.dirname(ROOT), "shared", "data"))
PHOTO = os.path.join(DATA, "deepness_test", "dummy_fotomap_small.tif")
QGIS_PROCESS = os.path.join(ROOT, "scripts", "qgis_process.sh")
DEEPNESS_PEAK_MB = 820  # Deepness on the same run (issue 13), for the ratio


def base_raster() -> str:
    from osgeo import gdal

    path = os.path.join(OUT, "deepness_57mpx.tif")
    if os.path.exists(path):
        return path
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # the photo's TIFF lacks RowsPerStrip: harmless
    src = gdal.Open(PHOTO)
    w, h = src.RasterXSize, src.RasterYSize
    vrt = os.path.join(OUT, "deepness_57mpx.vrt")
    tiles = [(i, j) for j in range(9) for i in range(6)]
    options = gdal.BuildVRTOptions(bandList=[1, 2, 3])
    parts = []
    for i, j in tiles:
        part = os.path.join(OUT, f"deepness_part_{i}_{j}.vrt")
        gt = list(src.GetGeoTransform())
        gt[0] += i * w * gt[1]
        gt[3] += j * h * gt[5]
        ds = gdal.Translate(part, PHOTO, format="VRT", bandList=[1, 2, 3])
        ds.SetGeoTransform(gt)
        ds = None
        parts.append(part)
    gdal.BuildVRT(vrt, parts, options=options).FlushCache()
    gdal.Translate(path, vrt, creationOptions=["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512"]).FlushCache()
    for part in parts + [vrt]:
        os.remove(part)
    return path


def large_raster(base: str) -> str:
    from osgeo import gdal

    path = os.path.join(OUT, "deepness_16x.vrt")
    if os.path.exists(path):
        return path
    src = gdal.Open(base)
    w, h = src.RasterXSize, src.RasterYSize
    gt = src.GetGeoTransform()
    parts = []
    for j in range(4):
        for i in range(4):
            part = os.path.join(OUT, f"deepness_16x_{i}_{j}.vrt")
            ds = gdal.Translate(part, base, format="VRT")
            ds.SetGeoTransform([gt[0] + i * w * gt[1], gt[1], 0, gt[3] + j * h * gt[5], 0, gt[5]])
            ds = None
            parts.append(part)
    gdal.BuildVRT(path, parts).FlushCache()
    return path


def cnn_model() -> str:
    """Three 3x3 convolutions 3 -> 16 -> 16 -> 1 with ReLU, sigmoid; Deepness metadata only."""
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    path = os.path.join(OUT, "deepness_cnn3.onnx")
    rng = np.random.default_rng(3)
    shapes = {"w1": (16, 3, 3, 3), "w2": (16, 16, 3, 3), "w3": (1, 16, 3, 3)}
    inits = [numpy_helper.from_array(rng.normal(0, 0.3, s).astype(np.float32), n) for n, s in shapes.items()]
    inits += [numpy_helper.from_array(np.zeros(s[0], np.float32), "b" + n[1]) for n, s in shapes.items()]
    nodes = [
        helper.make_node("Conv", ["x", "w1", "b1"], ["c1"], pads=[1, 1, 1, 1]),
        helper.make_node("Relu", ["c1"], ["r1"]),
        helper.make_node("Conv", ["r1", "w2", "b2"], ["c2"], pads=[1, 1, 1, 1]),
        helper.make_node("Relu", ["c2"], ["r2"]),
        helper.make_node("Conv", ["r2", "w3", "b3"], ["c3"], pads=[1, 1, 1, 1]),
        helper.make_node("Sigmoid", ["c3"], ["y"]),
    ]
    graph = helper.make_graph(
        nodes,
        "cnn3",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 3, 512, 512])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 1, 512, 512])],
        initializer=inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    meta = {
        "model_type": "Segmentor",
        "class_names": json.dumps({"0": "object"}),
        "resolution": "10",
        "tile_size": "512",
        "tiles_overlap": "15",
        "seg_thresh": "0.5",
        "standardization_mean": json.dumps([0.5, 0.5, 0.5]),
        "standardization_std": json.dumps([0.25, 0.25, 0.25]),
    }
    for k, v in meta.items():
        model.metadata_props.add(key=k, value=v)
    onnx.save(model, path)
    return path


def peak(args: list[str]) -> tuple[float, float, str]:
    """(peak RSS MB, seconds, output) of one qgis_process call under GNU time."""
    cmd = ["/usr/bin/time", "-f", "__PEAK__ %M %e", QGIS_PROCESS, *args]
    env = dict(os.environ)
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    line = next(x for x in proc.stderr.splitlines() if x.startswith("__PEAK__"))
    _, kb, seconds = line.split()
    if proc.returncode != 0:
        raise SystemExit(f"qgis_process failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return int(kb) / 1024, float(seconds), proc.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-large", action="store_true", help="only the 57 Mpx raster")
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    if not os.path.exists(PHOTO):
        print(f"bench_deepness_memory: {PHOTO} not found; skipped")
        return 0
    base = base_raster()
    model = cnn_model()
    alone, _, _ = peak(["help", "satimpact:runmodel"])
    rows = []
    for label, raster in [("1x", base)] + ([] if args.skip_large else [("16x", large_raster(base))]):
        from osgeo import gdal

        ds = gdal.Open(raster)
        mpx = ds.RasterXSize * ds.RasterYSize / 1e6
        ds = None
        output = os.path.join(OUT, f"deepness_out_{label}.tif")
        start = time.perf_counter()
        mb, seconds, _ = peak(
            ["run", "satimpact:runmodel", "--", f"INPUT={raster}", f"MODEL={model}", f"OUTPUT={output}"]
        )
        rows.append({"raster": label, "mpx": round(mpx, 1), "peak_mb": round(mb), "seconds": round(seconds, 1)})
        print(
            f"runmodel {label} ({mpx:.1f} Mpx): peak RSS {mb:.0f} MB, {seconds:.1f} s "
            f"({time.perf_counter() - start:.1f} s wall); Deepness {DEEPNESS_PEAK_MB} MB on 1x: "
            f"ratio {mb / DEEPNESS_PEAK_MB:.2f}",
            flush=True,
        )
        os.remove(output)
    print(f"QGIS alone (qgis_process help): peak RSS {alone:.0f} MB")
    print(json.dumps({"qgis_alone_mb": round(alone), "runs": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
