"""`make bench`, batch section: the Dask batch layer (engine/batch.py) on real inputs.

One run prints:
1. 24 real inputs (the six BigEarthNet Sentinel-2 patches stacked as the demo stacks them, and
   the Sen1Floods11 chip under 18 more names) through water detection, green ratio and poverty
   grid, three ways: a plain serial loop of the engine calls in one fresh process per round (spawned as
   a Dask worker is); ``run_batch`` on a
   LocalCluster with 1 worker; and with 2 workers. All three run with one onnxruntime thread and
   one OpenMP/BLAS thread per process, and all are warmed the same way before timing (the serial
   loop on two inputs, one of each kind, after emptying its model caches; each fresh cluster on
   two such inputs per worker). The batch run is timed as a user runs it (manifest, staging, digests, moves) without
   the mosaic VRT, which the serial loop does not make. Throughput (items/s), the batch layer's
   overhead against the serial loop, 2 workers / 1 worker, and whether each target of the issue
   holds (2 workers >= 1.7x one worker on 2 cores, overhead <= 5 %), judged on the median over
   the rounds of each round's own ratio (its ways run back to back); the best-of ratios beside.
   Also, for comparison only, the serial loop with the malloc settings the batch gives its
   workers (``batch._keep_freed_memory_for_next_item``).
2. One large raster cut into windows: peak memory per worker for a raster and one 16x larger,
   and the merged mosaic compared with the single-machine engine call (must be equal).
3. Measured per-item costs (water, green ratio, poverty grid) and the capacity table of
   docs/batch.md computed from them.

Figures are wall-clock times on whatever else the machine is doing (run it on a quiet machine);
nothing is gated: the script exits 0 whether the targets hold or not, and says which.
Usage: scripts/bench_batch.py [--repeat 5] [--tools waterdetection,greenratio,povertygrid] [--skip-split]
"""

from __future__ import annotations

import os

# The serial loop runs with the thread settings a Dask worker gets (Dask's nanny sets these before
# it starts a worker; they must be set before numpy loads): one OpenMP/BLAS thread, and one
# onnxruntime thread (SATIMPACT_THREADS below), so the comparison is one core against one core.
for _name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[_name] = "1"

import argparse  # noqa: E402
import glob  # noqa: E402
import math  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(os.environ.get("SATIMPACT_BENCH_OUT", os.path.join(ROOT, "bench-output")), "batch")
DATA = os.environ.get("SATIMPACT_DATA", os.path.join(os.path.dirname(ROOT), "shared", "data"))
CHIP = os.path.join(DATA, "sen1floods11", "Spain_7370579_S2Hand.tif")
PLUGINS = os.path.join(ROOT, ".qgis-plugins")
sys.path.insert(0, PLUGINS)
sys.path.insert(0, os.path.join(ROOT, "tests"))
os.environ.setdefault("PROJ_DATA", "/usr/share/proj")
# Workers import the engine by this path, as on a cluster.
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (PLUGINS, os.environ.get("PYTHONPATH", "")) if p)

# Country-scale work for the capacity table (public figures, rounded).
SOUTH_KOREA_S2_TILES = 24  # MGRS 100 km tiles over South Korea's land (about 100,000 km2)
S2_TILE_MPX = 10980 * 10980 / 1e6  # one tile at 10 m
SUMMER_ACQUISITIONS = 18  # June-August at Sentinel-2's 5-day revisit
NORTH_KOREA_KM2 = 120_540  # so about 120,540 cells of 1 km
YEARS = 4


def inputs(folder: str) -> list[str]:
    from satimpact.engine.stack import stack_bigearthnet_s2

    os.makedirs(folder, exist_ok=True)
    stacks = [stack_bigearthnet_s2(p, folder) for p in sorted(glob.glob(os.path.join(DATA, "bigearthnet", "S2", "*")))]
    links = []
    for k in range(24 - len(stacks)):
        link = os.path.join(folder, f"Spain_7370579_copy{k:02d}.tif")
        if not os.path.exists(link):
            os.symlink(CHIP, link)
        links.append(link)
    return stacks + links


def warm_inputs(paths: list[str], workers: int) -> list[str]:
    """Two inputs per process to warm: one of each kind (a BigEarthNet stack and the Sen1Floods11
    chip, whose first item costs a fresh process 10-30 ms more than the next ones)."""
    out = []
    for k in range(workers):
        out += [paths[k], paths[-1 - k]]
    return out


def serial_loop(tool: str, paths: list[str], out: str, warm: list[str], tuned: bool = False) -> tuple[float, float]:
    """The plain loop a user would write: for each input, the engine calls the tool's Processing
    algorithm makes (model choice, band matching, the engine function, its outputs), straight
    into the output folder: no Dask, no staging, no manifest, no digests. One onnxruntime thread
    and GDAL's block cache capped as on a worker. Warmed as a worker is (caches emptied, then the
    ``warm`` inputs run untimed: imports, model sessions). ``tuned``: with the workers' malloc
    settings, for comparison only (a plain loop has glibc's defaults). (wall seconds, CPU seconds)"""
    from satimpact.engine import batch
    from satimpact.engine.model import clear_caches

    os.environ["SATIMPACT_THREADS"] = "1"
    batch._cap_gdal_cache()
    if tuned:
        batch._keep_freed_memory_for_next_item()
    clear_caches()
    runner = batch._RUNNERS[tool]

    def loop(inputs, folder):
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        for item in batch.items_from_files(inputs):
            names = batch.output_names(tool, {}, item)
            runner(item, {}, item.inputs[0], {r: os.path.join(folder, n) for r, n in names.items()}, batch.Feedback())

    loop(warm, out + "_warm")
    start, cpu = time.perf_counter(), time.process_time()
    loop(paths, out)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    os.environ.pop("SATIMPACT_THREADS", None)
    return seconds, cpu


def serial_loop_fresh(
    tool: str, paths: list[str], out: str, warm: list[str], tuned: bool = False
) -> tuple[float, float]:
    """``serial_loop`` in a fresh process, started as Dask's nanny starts a worker (spawn), so the
    loop and the batch's workers both run in a process that did nothing before its warm-up: a
    long-lived process (this script, after minutes of other tools) runs the same calls 2-3 % faster
    on its warm heap, which would count against the batch."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(serial_loop, tool, paths, out, warm, tuned).result()


def batch_run(tool: str, paths: list[str], out: str, workers: int) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds of workers + client + scheduler, seconds to start the cluster).
    The cluster is fresh each time and warmed as the serial loop is (each worker runs two items
    untimed: imports and model sessions are the cluster's start-up cost, paid once per worker).
    The timed run is ``run_batch`` as a user calls it (manifest, staging, digests, moves), less the
    mosaic VRT, which the serial loop does not make either."""
    from satimpact.engine import batch

    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(out + "_warm", ignore_errors=True)
    t0 = time.perf_counter()
    with batch.connect(None, workers) as client:  # the LocalCluster run_batch starts by default
        startup = time.perf_counter() - t0
        threads = sorted(client.nthreads().values())
        assert threads == [1] * workers, f"expected {workers} single-threaded workers, got {threads}"
        batch.run_batch(
            tool, batch.items_from_files(warm_inputs(paths, workers)), "", out + "_warm", client=client, mosaic=False
        )
        # The batch above hands its items to whichever worker is free, so one worker may have run
        # only stacks: each worker now runs one input of each kind, as the serial loop did.
        warm = batch.items_from_files(warm_inputs(paths, 1))
        jobs = [(item, batch.output_names(tool, {}, item)) for item in warm]
        staging = os.path.join(out + "_warm", "per-worker")
        futures = [
            client.submit(batch.run_chunk, tool, jobs, {}, staging, workers=[w], pure=False, allow_other_workers=False)
            for w in client.nthreads()
        ]
        assert all(r["status"] == "done" for f in futures for r in f.result())
        cpu = _cluster_cpu(client)
        start = time.perf_counter()
        report = batch.run_batch(tool, batch.items_from_files(paths), "", out, client=client, mosaic=False)
        seconds = time.perf_counter() - start
        cpu = _cluster_cpu(client) - cpu
    assert report.done == len(paths), report.failures
    return seconds, cpu, startup


def _process_cpu() -> float:
    import psutil

    times = psutil.Process().cpu_times()
    return times.user + times.system


def _cluster_cpu(client) -> float:
    """CPU seconds used so far by the workers and by this process (client and scheduler)."""
    return sum(client.run(_process_cpu).values()) + _process_cpu()


def split_memory(sizes: tuple[int, ...], window: int) -> list[dict]:
    import numpy as np
    import rasterio
    from scale_models import write_bgrn_mosaic

    from satimpact.engine import batch
    from satimpact.engine.bands import resolve_bands
    from satimpact.engine.model import load_model
    from satimpact.engine.raster import raster_info
    from satimpact.engine.registry import available_models
    from satimpact.engine.water import detect_water

    rows = []
    for size in sizes:
        src = os.path.join(OUT, f"bgrn_{size}.tif")
        if not os.path.exists(src):
            write_bgrn_mosaic(CHIP, src, reps=size // 512)
        params = {"MODEL": "water_ndwi"}
        items = batch.items_from_split(src, window, batch.split_overlap("waterdetection", params))
        out = os.path.join(OUT, f"split_{size}")
        shutil.rmtree(out, ignore_errors=True)
        with batch.connect(None, 2) as client:
            start = time.perf_counter()
            report = batch.run_batch("waterdetection", items, params, out, client=client)
            seconds = time.perf_counter() - start
        manifest = batch.Manifest(out)
        peak = max(e.get("worker_peak_mb") or 0 for e in manifest.entries.values())
        # The single-machine run of the same tool on the whole raster.
        single = os.path.join(OUT, f"single_{size}.tif")
        model = load_model(available_models(None)["water_ndwi"])
        info = raster_info(src)
        spec = model.card.inputs[0]
        bands = resolve_bands(spec.bands, info.count, info.descriptions, None, spec.sensor)
        t0 = time.perf_counter()
        detect_water(src, model, bands.indices, single)
        single_s = time.perf_counter() - t0
        merged = next(m for m in report.mosaics if m.endswith(".mosaic.tif"))
        with rasterio.open(merged) as a, rasterio.open(single) as b:
            equal = bool(np.array_equal(a.read(), b.read())) and a.transform.almost_equals(b.transform)
        rows.append(
            {
                "size": size,
                "mpx": size * size / 1e6,
                "windows": len(items),
                "peak_mb": peak,
                "seconds": seconds,
                "single_s": single_s,
                "equal": equal,
            }
        )
    return rows


def unit_costs(folder: str) -> dict:
    """Seconds per Mpx (water, green ratio) and per 1 km cell (poverty grid), one thread, in process."""
    from satimpact.engine import batch

    os.environ["SATIMPACT_THREADS"] = "1"
    costs = {}
    chip = os.path.join(folder, "Spain_7370579_copy00.tif")
    import rasterio

    with rasterio.open(chip) as ds:
        mpx = ds.width * ds.height / 1e6
    for tool, params in (("waterdetection", {}), ("greenratio", {}), ("povertygrid", {"CELL_SIZE": 1000})):
        out = os.path.join(OUT, f"unit_{tool}")
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        batch.run_serial(tool, batch.items_from_files([chip]), params, out)  # warm: model load
        runs = []
        for _ in range(3):
            shutil.rmtree(out)
            os.makedirs(out)
            result = batch.run_serial(tool, batch.items_from_files([chip]), params, out)[0]
            assert result["status"] == "done", result
            runs.append(result["seconds"])
        seconds = sorted(runs)[1]
        costs[tool] = {"seconds": seconds, "mpx": mpx, "summary": result["summary"]}
    os.environ.pop("SATIMPACT_THREADS", None)
    return costs


def capacity(costs: dict, efficiency: float) -> list[tuple[str, float, int, int]]:
    """(work, core-hours, workers for < 1 hour at full scaling, and at the measured scaling)."""
    green_s_per_mpx = costs["greenratio"]["seconds"] / costs["greenratio"]["mpx"]
    water_s_per_mpx = costs["waterdetection"]["seconds"] / costs["waterdetection"]["mpx"]
    cells = costs["povertygrid"]["summary"]["cells"]
    poverty_s_per_cell = costs["povertygrid"]["seconds"] / max(1, cells)
    scenes = SOUTH_KOREA_S2_TILES * SUMMER_ACQUISITIONS
    rows = [
        (
            f"Green ratio, all Sentinel-2 tiles of South Korea for one summer ({scenes} tile-scenes, "
            f"{scenes * S2_TILE_MPX / 1e3:.1f} Gpx)",
            scenes * S2_TILE_MPX * green_s_per_mpx / 3600,
        ),
        (
            f"Water, the same {scenes} tile-scenes",
            scenes * S2_TILE_MPX * water_s_per_mpx / 3600,
        ),
        (
            f"Development score, every 1 km cell of North Korea for {YEARS} years ({NORTH_KOREA_KM2 * YEARS:,} cells)",
            NORTH_KOREA_KM2 * YEARS * poverty_s_per_cell / 3600,
        ),
    ]
    return [(work, hours, max(1, math.ceil(hours)), max(1, math.ceil(hours / efficiency))) for work, hours in rows]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-split", action="store_true")
    parser.add_argument("--repeat", type=int, default=5, help="interleaved rounds (targets: median of their ratios)")
    parser.add_argument(
        "--serial-same-process",
        action="store_true",
        help="run the serial loop in this long-lived process (as before) instead of a fresh one per round",
    )
    parser.add_argument("--tools", default="waterdetection,greenratio,povertygrid", help="tools to time")
    parser.add_argument("--split-sizes", default="1024,4096", help="raster sides in px (16x pixels by default)")
    args = parser.parse_args()
    if not os.path.exists(CHIP):
        print(f"bench_batch: real data not found: {CHIP}")
        return 1
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("bench_batch: dask.distributed is not installed (scripts/setup.sh installs it)")
        return 1
    os.makedirs(OUT, exist_ok=True)
    paths = inputs(os.path.join(OUT, "inputs"))
    n = len(paths)
    efficiency = 1.0
    verdicts = []
    for tool in [t for t in args.tools.split(",") if t]:  # --tools "" for the split part alone
        print(f"== Batch layer: {n} real inputs, {tool}, {os.cpu_count()} cores")
        # Interleaved rounds, best of each: the machine's other load changes from minute to minute.
        runs = {"serial": [], "tuned": [], "one": [], "two": []}
        for _ in range(args.repeat):
            loop = serial_loop if args.serial_same_process else serial_loop_fresh
            runs["serial"].append(loop(tool, paths, os.path.join(OUT, f"serial_{tool}"), warm_inputs(paths, 1)))
            if not args.serial_same_process:  # glibc's settings are per process: only a fresh one
                runs["tuned"].append(
                    loop(tool, paths, os.path.join(OUT, f"tuned_{tool}"), warm_inputs(paths, 1), tuned=True)
                )
            runs["one"].append(batch_run(tool, paths, os.path.join(OUT, f"one_{tool}"), 1))
            runs["two"].append(batch_run(tool, paths, os.path.join(OUT, f"two_{tool}"), 2))
        serial, serial_cpu = min(runs["serial"])
        tuned, tuned_cpu = min(runs["tuned"]) if runs["tuned"] else (None, None)
        one, one_cpu, start1 = min(runs["one"])
        two, two_cpu, start2 = min(runs["two"])
        # Each round runs the ways back to back, so its ratios are the least affected by the
        # machine's speed drifting between rounds (on this VM, by 10-20 % from minute to minute);
        # the targets are judged on their median over the rounds, the best-of ratios shown beside.
        paired_overhead = statistics.median(o[0] / s[0] - 1 for s, o in zip(runs["serial"], runs["one"]))
        paired_scaling = statistics.median(o[0] / t[0] for o, t in zip(runs["one"], runs["two"]))
        overhead = (one - serial) / serial
        scaling = one / two
        print("| run | wall s | items/s | wall per item (ms) | CPU s (all processes) | cluster start (s) |")
        print("|---|---|---|---|---|---|")
        ways = [("serial loop, 1 process", serial, serial_cpu, None)]
        if tuned is not None:
            ways.append(("serial loop with the workers' malloc settings (for comparison)", tuned, tuned_cpu, None))
        ways += [("LocalCluster, 1 worker", one, one_cpu, start1), ("LocalCluster, 2 workers", two, two_cpu, start2)]
        for name, wall, cpu_s, start_s in ways:
            started = "-" if start_s is None else f"{start_s:.1f}"
            print(f"| {name} | {wall:.2f} | {n / wall:.2f} | {1000 * wall / n:.0f} | {cpu_s:.2f} | {started} |")
        print(
            f"batch layer overhead (1 worker vs serial loop): wall {100 * overhead:+.1f} % "
            f"({1000 * (one - serial) / n:+.0f} ms per item), CPU {100 * (one_cpu - serial_cpu) / serial_cpu:+.1f} % "
            f"({1000 * (one_cpu - serial_cpu) / n:+.0f} ms per item); target <= 5 %"
        )
        if tuned is not None:
            paired_tuned = statistics.median(o[0] / t[0] - 1 for t, o in zip(runs["tuned"], runs["one"]))
            print(
                f"against the serial loop with the workers' malloc settings: wall {100 * paired_tuned:+.1f} % "
                f"per round (median), {100 * (one - tuned) / tuned:+.1f} % best of each "
                f"(the batch's own cost, its malloc settings aside; not a target)"
            )
        # CPU time depends far less than wall time on what else the machine runs: the median
        # over the rounds shows what the batch layer costs even on a busy machine.
        cpu_median = {way: sorted(r[1] for r in rs)[len(rs) // 2] for way, rs in runs.items() if rs}
        print(
            f"CPU per item, median of {args.repeat} rounds (all processes): serial loop "
            f"{1000 * cpu_median['serial'] / n:.1f} ms, 1 worker {1000 * cpu_median['one'] / n:.1f} ms "
            f"({100 * (cpu_median['one'] / cpu_median['serial'] - 1):+.1f} %), 2 workers "
            f"{1000 * cpu_median['two'] / n:.1f} ms ({100 * (cpu_median['two'] / cpu_median['serial'] - 1):+.1f} %)"
        )
        print(
            f"2 workers / 1 worker throughput: {scaling:.2f}x best of each (target >= 1.7x on 2 cores); "
            f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        )
        labels = {"serial": "serial loop", "tuned": "tuned loop", "one": "1 worker", "two": "2 workers"}
        for way, label in labels.items():
            if runs[way]:
                print(f"  wall s per round, {label}: " + " ".join(f"{r[0]:.2f}" for r in runs[way]))
        print(
            f"per round (same round's runs): overhead median {100 * paired_overhead:+.1f} %, "
            f"2 vs 1 median {paired_scaling:.2f}x\n"
        )
        verdicts.append((tool, n / serial, n / one, n / two, scaling, overhead, paired_scaling, paired_overhead))
        efficiency = min(efficiency, min(1.0, paired_scaling / 2))

    if verdicts:
        print(
            f"== Targets: median over {args.repeat} rounds of each round's own ratio (best of each way "
            "in brackets); items/s best of each way"
        )
        print("| tool | serial loop items/s | 1 worker | 2 workers | 2 vs 1 (>= 1.7x) | overhead vs serial (<= 5 %) |")
        print("|---|---|---|---|---|---|")
        for tool, s_rate, one_rate, two_rate, scaling, overhead, p_scaling, p_overhead in verdicts:
            print(
                f"| {tool} | {s_rate:.2f} | {one_rate:.2f} | {two_rate:.2f} | {p_scaling:.2f}x ({scaling:.2f}x) "
                f"{'holds' if p_scaling >= 1.7 else 'DOES NOT HOLD'} | {100 * p_overhead:+.1f} % "
                f"({100 * overhead:+.1f} %) {'holds' if p_overhead <= 0.05 else 'DOES NOT HOLD'} |"
            )
        held = sum(1 for v in verdicts if v[6] >= 1.7) + sum(1 for v in verdicts if v[7] <= 0.05)
        print(f"{held} of {2 * len(verdicts)} targets hold (load average now {os.getloadavg()[0]:.1f})\n")

    if not args.skip_split:
        sizes = tuple(int(s) for s in args.split_sizes.split(","))
        print("\n== One large raster in 512 px windows (water_ndwi), 2 workers")
        print(
            "| raster | Mpx | windows | peak RSS per worker (MB) | batch s | single-machine s | mosaic == single run |"
        )
        print("|---|---|---|---|---|---|---|")
        rows = split_memory(sizes, 512)
        for r in rows:
            print(
                f"| {r['size']} px | {r['mpx']:.1f} | {r['windows']} | {r['peak_mb']:.0f} | {r['seconds']:.1f} | "
                f"{r['single_s']:.1f} | {r['equal']} |"
            )
        if len(rows) >= 2:
            growth = rows[-1]["peak_mb"] / rows[0]["peak_mb"] - 1
            print(f"peak memory per worker, {rows[-1]['mpx'] / rows[0]['mpx']:.0f}x pixels: {100 * growth:+.1f} %")

    print("\n== Per-item cost (one thread, in process, median of 3) and capacity")
    costs = unit_costs(os.path.join(OUT, "inputs"))
    for tool, c in costs.items():
        extra = f", {c['summary']['cells']} cells" if "cells" in c["summary"] else ""
        print(
            f"{tool}: {c['seconds']:.2f} s for the {c['mpx']:.3f} Mpx chip ({c['seconds'] / c['mpx']:.2f} s/Mpx{extra})"
        )
    print(f"\nCapacity (1 core = 1 single-threaded worker; parallel efficiency {efficiency:.2f} as measured above)")
    print(f"| work | core-hours | workers for < 1 hour (full scaling) | (at efficiency {efficiency:.2f}) |")
    print("|---|---|---|---|")
    for work, hours, ideal, measured in capacity(costs, efficiency):
        print(f"| {work} | {hours:.1f} | {ideal} | {measured} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
