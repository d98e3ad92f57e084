"""`make bench`: memory and speed of the SatImpact runner on the real Sen1Floods11 chip, enlarged.

One run prints:
1. Peak resident memory of a model run (the pixelwise NDVI model, engine only, a fresh
   subprocess per size) over two rasters whose pixel counts differ by a factor of 16,
   and their difference (must stay under 20%).
2. For a small CNN (three 3x3 convolutions, 16 channels, blended overlap) and for the
   shipped NDVI model, over the same scene enlarged to >= 100 Mpx: (a) pixels/s of
   ``satimpact:runmodel`` end to end through ``processing.run``, (b) pixels/s of a bare
   onnxruntime loop over the same tiles (same shape, batch and thread count) already in
   memory, and (a)/(b); for NDVI also (c) the time of ``gdal_calc.py`` computing the same
   index on the same raster with the same output options.

The enlarged rasters are VRTs over a 2048 x 2048 px, 4-band (blue, green, red, nir) uint16
GeoTIFF made of mirrored copies of the real chip (Bonafilia et al. 2020, CC BY 4.0), so
nothing big is written to disk but the outputs. Benchmarks gate nothing: they print.

Usage: scripts/bench.py [--small 10240] [--large 40960] [--perf 10240] [--skip-large]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.environ.get("SATIMPACT_BENCH_OUT", os.path.join(ROOT, "bench-output"))
DATA = os.environ.get("SATIMPACT_DATA", os.path.join(os.path.dirname(ROOT), "shared", "data"))
CHIP = os.path.join(DATA, "sen1floods11", "Spain_7370579_S2Hand.tif")
BASE = 2048  # side of the mirrored mosaic the VRTs repeat
REPEATS_CNN = 3
REPEATS_INDEX = 3

sys.path.insert(0, os.path.join(ROOT, ".qgis-plugins"))
sys.path.insert(0, os.path.join(ROOT, "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PROJ_DATA", "/usr/share/proj")


def ensure_plugin_link() -> None:
    link = os.path.join(ROOT, ".qgis-plugins", "satimpact")
    if not os.path.exists(link):
        os.makedirs(os.path.dirname(link), exist_ok=True)
        os.symlink(ROOT, link)


def base_mosaic() -> str:
    from scale_models import write_bgrn_mosaic

    path = os.path.join(OUT, f"bgrn_{BASE}.tif")
    if not os.path.exists(path):
        write_bgrn_mosaic(CHIP, path, reps=BASE // 512)
    return path


def enlarged_vrt(size: int) -> str:
    """A size x size VRT that repeats the base mosaic (size must be a multiple of BASE)."""
    import rasterio

    if size % BASE:
        raise SystemExit(f"bench: raster sizes must be multiples of {BASE} px, got {size}")
    src = base_mosaic()
    path = os.path.join(OUT, f"bgrn_{size}.vrt")
    with rasterio.open(src) as ds:
        wkt = ds.crs.to_wkt()
        gt = ds.transform.to_gdal()
        names = list(ds.descriptions)
    n = size // BASE
    bands = []
    for b, name in enumerate(names, start=1):
        sources = []
        for j in range(n):
            for i in range(n):
                sources.append(
                    f'<SimpleSource><SourceFilename relativeToVRT="1">{os.path.basename(src)}</SourceFilename>'
                    f"<SourceBand>{b}</SourceBand>"
                    f'<SourceProperties RasterXSize="{BASE}" RasterYSize="{BASE}" DataType="UInt16" '
                    'BlockXSize="256" BlockYSize="256"/>'
                    f'<SrcRect xOff="0" yOff="0" xSize="{BASE}" ySize="{BASE}"/>'
                    f'<DstRect xOff="{i * BASE}" yOff="{j * BASE}" xSize="{BASE}" ySize="{BASE}"/></SimpleSource>'
                )
        bands.append(
            f'<VRTRasterBand dataType="UInt16" band="{b}" blockXSize="512" blockYSize="512">'
            f"<Description>{name}</Description>{''.join(sources)}</VRTRasterBand>"
        )
    from xml.sax.saxutils import escape

    xml = (
        f'<VRTDataset rasterXSize="{size}" rasterYSize="{size}"><SRS>{escape(wkt)}</SRS>'
        f"<GeoTransform>{', '.join(repr(v) for v in gt)}</GeoTransform>{''.join(bands)}</VRTDataset>"
    )
    with open(path, "w") as f:
        f.write(xml)
    return path


# --- 1. peak memory ------------------------------------------------------------------------


def child_rss(raster: str, output: str) -> None:
    """Run the NDVI model over ``raster`` with the engine alone; print peak RSS as JSON."""
    ensure_plugin_link()
    from satimpact.engine.bands import resolve_bands
    from satimpact.engine.model import load_model
    from satimpact.engine.raster import raster_info
    from satimpact.engine.runner import RasterInput, run_model

    model = load_model(os.path.join(ROOT, "models", "index_ndvi.onnx"))
    info = raster_info(raster)
    bands = resolve_bands(model.card.inputs[0].bands, info.count, info.descriptions, None, None)
    start = time.perf_counter()
    report = run_model(model, {"image": RasterInput(raster, bands.indices)}, output)
    seconds = time.perf_counter() - start
    with open("/proc/self/status") as f:
        hwm = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
    print(
        json.dumps(
            {
                "pixels": report.pixels,
                "seconds": seconds,
                # VmHWM is this process's own peak; ru_maxrss can carry the forking parent's peak.
                "peak_mb": hwm / 1024,
                "ru_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "tiles": report.tiles,
            }
        )
    )


def measure_rss(size: int) -> dict:
    raster = enlarged_vrt(size)
    output = os.path.join(OUT, f"rss_{size}.tif")
    proc = subprocess.run(
        [sys.executable, __file__, "--child-rss", raster, output], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(f"bench: the {size} px run failed:\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["size"] = size
    result["output_gb"] = os.path.getsize(output) / 1e9
    os.remove(output)
    print(
        f"  {size} x {size} px ({result['pixels'] / 1e6:.0f} Mpx, {result['tiles']} tiles): "
        f"peak RSS {result['peak_mb']:.0f} MB, {result['seconds']:.1f} s, output {result['output_gb']:.2f} GB",
        flush=True,
    )
    return result


# --- 2. speed ------------------------------------------------------------------------------


def start_qgis():
    ensure_plugin_link()
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    plugins = "/usr/share/qgis/python/plugins"
    if plugins not in sys.path:
        sys.path.append(plugins)
    from processing.core.Processing import Processing

    Processing.initialize()
    import satimpact

    plugin = satimpact.classFactory(None)
    plugin.initProcessing()
    return app, plugin


def run_processing(model_path: str, raster: str, output: str) -> float:
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    start = time.perf_counter()
    processing.run(
        "satimpact:runmodel",
        {"INPUT": raster, "MODEL": model_path, "OUTPUT": output},
        feedback=QgsProcessingFeedback(),
        context=context,
    )
    return time.perf_counter() - start


def bare_loop(model_path: str, raster: str, lanes: int, samples: int = 8) -> tuple[float, int, int]:
    """onnxruntime alone over the runner's tiles: same tile grid, batch size and session
    options; ``samples`` real batches are read into memory first and cycled through (the
    graph's cost does not depend on the values). ``lanes`` threads each run whole batches
    on a session with threads // lanes threads (lanes=1: one session using every thread)."""
    import threading

    import numpy as np
    import rasterio
    from rasterio.windows import Window

    from satimpact.engine.bands import resolve_bands
    from satimpact.engine.model import default_threads, get_session, load_model
    from satimpact.engine.raster import axis_starts
    from satimpact.engine.runner import RunOptions, prepare_input

    model = load_model(model_path)
    card = model.card
    spec = card.inputs[0]
    options = RunOptions()
    tile, overlap = card.tiling.tile_size, card.tiling.overlap
    with rasterio.open(raster) as ds:
        bands = resolve_bands(spec.bands, ds.count, list(ds.descriptions), None, None).indices
        th, tw = min(tile, ds.height), min(tile, ds.width)
        ys, xs = axis_starts(ds.height, th, overlap), axis_starts(ds.width, tw, overlap)
        tiles = [(y, x) for y in ys for x in xs]
        batch = max(1, min(options.max_batch, options.batch_pixels // (th * tw)))
        in_memory = []
        for k in range(samples):
            group = tiles[k * batch : (k + 1) * batch] or tiles[:batch]
            arrays = [
                prepare_input(ds.read(bands, window=Window(x, y, tw, th), out_dtype="float32"), spec) for y, x in group
            ]
            in_memory.append(np.stack(arrays))
    session = get_session(model, max(1, default_threads() // lanes))
    names = [o.name for o in card.outputs]
    n_batches = -(-len(tiles) // batch)
    session.run(names, {spec.name: in_memory[0]})  # warm-up, as the runner's first batch is

    def run_batches(first: int):
        for b in range(first, n_batches, lanes):
            feed = in_memory[b % len(in_memory)]
            if b == n_batches - 1 and len(tiles) % batch:
                feed = feed[: len(tiles) % batch]
            session.run(names, {spec.name: feed})

    workers = [threading.Thread(target=run_batches, args=(k,)) for k in range(lanes)]
    start = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.perf_counter() - start, len(tiles), batch


def engine_zstd(model_path: str, raster: str, output: str) -> float:
    """The engine alone writing a ZSTD-compressed GeoTIFF: what compressing a float output costs."""
    from satimpact.engine.bands import resolve_bands
    from satimpact.engine.model import load_model
    from satimpact.engine.raster import raster_info
    from satimpact.engine.runner import RasterInput, RunOptions, run_model

    model = load_model(model_path)
    info = raster_info(raster)
    bands = resolve_bands(model.card.inputs[0].bands, info.count, info.descriptions, None, None)
    start = time.perf_counter()
    run_model(model, {"image": RasterInput(raster, bands.indices)}, output, options=RunOptions(compress="zstd"))
    return time.perf_counter() - start


def gdal_calc(raster: str, output: str) -> float:
    """The same NDVI with GDAL's raster calculator, same output options as SatImpact."""
    calc = shutil.which("gdal_calc.py")
    if calc is None:
        raise SystemExit("bench: gdal_calc.py not found (Debian package gdal-bin)")
    nir = "B.astype(numpy.float32)"
    expr = f"numpy.where(({nir} + A) == 0, 0, ({nir} - A) / ({nir} + A))"
    cmd = [
        calc,
        "--quiet",
        "-A", raster, "--A_band=3",
        "-B", raster, "--B_band=4",
        f"--calc={expr}",
        "--type=Float32",
        "--NoDataValue=-9999",
        "--co=TILED=YES", "--co=BLOCKXSIZE=256", "--co=BLOCKYSIZE=256",
        "--co=SPARSE_OK=TRUE", "--co=BIGTIFF=IF_SAFER",
        f"--outfile={output}",
        "--overwrite",
    ]  # fmt: skip
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


@contextlib.contextmanager
def cpu_seconds(children: bool = False):
    """User + system CPU seconds spent inside the block (this process's threads, or its children)."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    before = resource.getrusage(who)
    used = [0.0]
    yield used
    after = resource.getrusage(who)
    used[0] = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def measure_speed(size: int) -> list[dict]:
    import onnx
    from scale_models import conv16_model

    from satimpact.engine.model import default_threads
    from satimpact.engine.runner import default_lanes

    raster = enlarged_vrt(size)
    pixels = size * size
    conv_path = os.path.join(OUT, "bench_conv16.onnx")
    onnx.save(conv16_model(tile=512, overlap=32, merge="blend"), conv_path)
    ndvi_path = os.path.join(ROOT, "models", "index_ndvi.onnx")
    rows = []
    # Best of N, (a) and (b) alternated: the machine is shared, and the least disturbed run
    # is the closest to what the code can do.
    for label, model_path, repeats in (
        ("CNN 3x conv3x3, 16 ch, tile 512, overlap 32, blend", conv_path, REPEATS_CNN),
        ("NDVI (index_ndvi), tile 512, no overlap", ndvi_path, REPEATS_INDEX),
    ):
        output = os.path.join(OUT, f"speed_{os.path.basename(model_path)}.tif")
        t_alg = cpu_alg = float("inf")
        # The ceiling is the faster of the two ways to keep the cores busy with onnxruntime
        # alone: whole batches side by side as the runner does, or one batch on every thread.
        lane_counts = sorted({1, default_lanes(default_threads())})
        t_lanes = {n: float("inf") for n in lane_counts}
        cpu_lanes = {n: float("inf") for n in lane_counts}
        for _ in range(repeats):
            with cpu_seconds() as used:
                t_alg = min(t_alg, run_processing(model_path, raster, output))
            cpu_alg = min(cpu_alg, used[0])
            os.remove(output)
            for n in lane_counts:
                with cpu_seconds() as used:
                    seconds, tiles, batch = bare_loop(model_path, raster, n)
                cpu_lanes[n] = min(cpu_lanes[n], used[0])
                t_lanes[n] = min(t_lanes[n], seconds)
        best = min(lane_counts, key=lambda n: t_lanes[n])
        t_bare, cpu_bare = t_lanes[best], cpu_lanes[best]
        bare_note = ", ".join(f"{n} lane(s) {t_lanes[n]:.2f} s" for n in lane_counts)
        t_zstd = engine_zstd(model_path, raster, output)
        os.remove(output)
        row = {
            "model": label,
            "pixels": pixels,
            "tiles": tiles,
            "batch": batch,
            "runmodel_s": t_alg,
            "bare_s": t_bare,
            "runmodel_mpx_s": pixels / t_alg / 1e6,
            "bare_mpx_s": pixels / t_bare / 1e6,
            "ratio": t_bare / t_alg,
            "bare_lanes": best,
            "bare_note": bare_note,
            "repeats": repeats,
            "zstd_s": t_zstd,
            "zstd_ratio": t_bare / t_zstd,
            # CPU seconds (all threads): steadier than wall time when others share the cores.
            "runmodel_cpu_s": cpu_alg,
            "bare_cpu_s": cpu_bare,
        }
        if model_path == ndvi_path:
            calc_out = os.path.join(OUT, "speed_gdal_calc.tif")
            times, cpus = [], []
            for _ in range(repeats):
                with cpu_seconds(children=True) as used:
                    times.append(gdal_calc(raster, calc_out))
                cpus.append(used[0])
                os.remove(calc_out)  # each run writes a new file, as each runmodel run does
            row["gdal_calc_s"], row["gdal_calc_cpu_s"] = min(times), min(cpus)
        print(
            f"  {label}: runmodel {row['runmodel_s']:.2f} s = {row['runmodel_mpx_s']:.2f} Mpx/s; "
            f"bare onnxruntime {row['bare_s']:.2f} s = {row['bare_mpx_s']:.2f} Mpx/s ({bare_note}); "
            f"ratio {row['ratio']:.2f}"
            + f"; engine writing ZSTD {t_zstd:.1f} s, ratio {row['zstd_ratio']:.2f}"
            + (f"; gdal_calc.py {row['gdal_calc_s']:.1f} s" if "gdal_calc_s" in row else "")
            + f"; CPU s: runmodel {cpu_alg:.1f}, bare {cpu_bare:.1f}"
            + (f", gdal_calc.py {row['gdal_calc_cpu_s']:.1f}" if "gdal_calc_s" in row else ""),
            flush=True,
        )
        rows.append(row)
    return rows


def machine() -> str:
    cpu = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    distro = "unknown OS"
    if os.path.exists("/etc/os-release"):
        with open("/etc/os-release") as f:
            info = dict(line.rstrip().split("=", 1) for line in f if "=" in line)
        distro = info.get("PRETTY_NAME", distro).strip('"')
    import onnxruntime

    return f"{os.cpu_count()} cores ({cpu}), {distro}, onnxruntime {onnxruntime.__version__}"


def table(rss: list[dict], speed: list[dict]) -> str:
    lines = [f"Measured with `make bench` on {machine()}.", ""]
    if speed:
        lines += [
            f"Scene: the Sen1Floods11 S2 chip mirrored to {speed[0]['pixels'] / 1e6:.0f} Mpx (4-band uint16 VRT).",
            "",
            f"Best of {REPEATS_CNN} (CNN) or {REPEATS_INDEX} (NDVI, gdal_calc.py) runs each, (a) and (b) alternated.",
            "",
            "(a) writes the default float32 GeoTIFF (tiled, uncompressed, nodata blocks left out); (a') is the "
            "engine alone writing it ZSTD-compressed (level 1, floating-point predictor), "
            "to show what compressing costs.",
            "",
            "| model | satimpact:runmodel (a) | bare onnxruntime loop (b) | (a)/(b) | (a') ZSTD, (a')/(b) "
            "| gdal_calc.py, same output options | CPU s: (a), (b), gdal_calc.py |",
            "|---|---|---|---|---|---|---|",
        ]
        for r in speed:
            calc = f"{r['gdal_calc_s']:.1f} s" if "gdal_calc_s" in r else "-"
            lines.append(
                f"| {r['model']} | {r['runmodel_mpx_s']:.2f} Mpx/s ({r['runmodel_s']:.1f} s) | "
                f"{r['bare_mpx_s']:.2f} Mpx/s ({r['bare_s']:.1f} s) | {r['ratio']:.2f} | "
                f"{r['zstd_s']:.1f} s, {r['zstd_ratio']:.2f} | {calc} | "
                f"{r['runmodel_cpu_s']:.1f}, {r['bare_cpu_s']:.1f}, "
                + (f"{r['gdal_calc_cpu_s']:.1f} |" if "gdal_calc_cpu_s" in r else "- |")
            )
        lines.append("")
    if len(rss) == 2:
        a, b = rss
        lines += [
            "| raster (NDVI, engine only) | pixels | peak RSS |",
            "|---|---|---|",
            f"| {a['size']} x {a['size']} | {a['pixels'] / 1e6:.0f} Mpx | {a['peak_mb']:.0f} MB |",
            f"| {b['size']} x {b['size']} | {b['pixels'] / 1e6:.0f} Mpx | {b['peak_mb']:.0f} MB |",
            "",
            f"Peak memory difference for {b['pixels'] / a['pixels']:.0f}x the pixels: "
            f"{100 * abs(b['peak_mb'] - a['peak_mb']) / a['peak_mb']:.1f}%.",
        ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=10240, help="side of the smaller memory-test raster")
    parser.add_argument("--large", type=int, default=40960, help="side of the larger one (4x the side: 16x the pixels)")
    parser.add_argument("--perf", type=int, default=10240, help="side of the speed-test raster (>= 10240: 100 Mpx)")
    parser.add_argument("--skip-large", action="store_true", help="memory test at the small size only")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--child-rss", nargs=2, metavar=("RASTER", "OUTPUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_rss:
        child_rss(*args.child_rss)
        return 0
    if not os.path.exists(CHIP):
        raise SystemExit(f"bench: real data not found: {CHIP} (clone next to ../shared/data)")
    os.makedirs(OUT, exist_ok=True)
    ensure_plugin_link()
    print(f"bench: {machine()}", flush=True)
    rss = []
    print("1. peak memory (VmHWM), NDVI model, engine in a fresh process per size", flush=True)
    rss.append(measure_rss(args.small))
    speed = []
    if not args.skip_speed:
        print(f"2. speed over {args.perf} x {args.perf} px", flush=True)
        app, plugin = start_qgis()
        speed = measure_speed(args.perf)
    if not args.skip_large:
        # The biggest run goes last and only once.
        print("1b. the larger raster", flush=True)
        rss.append(measure_rss(args.large))
    report = table(rss, speed)
    print()
    print(report)
    with open(os.path.join(OUT, "bench.md"), "w") as f:
        f.write(report + "\n")
    failed = []
    if len(rss) == 2:
        growth = abs(rss[1]["peak_mb"] - rss[0]["peak_mb"]) / rss[0]["peak_mb"]
        print(f"peak memory: {100 * growth:.1f}% apart (target < 20%): {'ok' if growth < 0.2 else 'NOT MET'}")
        if growth >= 0.2:
            failed.append("memory")
    for r in speed:
        if "gdal_calc_s" in r:
            ok = r["runmodel_s"] <= r["gdal_calc_s"]
            verdict = "ok" if ok else "NOT MET"
            print(f"index model vs gdal_calc.py: {r['runmodel_s']:.1f} s vs {r['gdal_calc_s']:.1f} s: {verdict}")
        else:
            ok = r["ratio"] >= 0.85
            print(f"CNN (a)/(b) = {r['ratio']:.2f} (target >= 0.85): {'ok' if ok else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
