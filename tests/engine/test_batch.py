"""Batch runs on Dask (engine/batch.py): real data, a LocalCluster and a real
``dask scheduler`` with two ``dask worker`` processes on 127.0.0.1; a worker killed with SIGKILL
mid-run, re-runs that skip finished items, a failing item, changed parameters, cancel, windows of
one raster merged into a mosaic, byte-identical outputs to the single-machine engine call, the
combined table, and the command line without QGIS (the Processing algorithm: tests/processing/test_batch.py)."""

from __future__ import annotations

import contextlib
import csv
import glob
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import rasterio

from conftest import PLUGIN_DIR, data_path

distributed = pytest.importorskip("distributed", reason="dask.distributed is installed by scripts/setup.sh")

from satimpact.engine import batch  # noqa: E402
from satimpact.engine.bands import resolve_bands  # noqa: E402
from satimpact.engine.errors import EngineError  # noqa: E402
from satimpact.engine.model import load_model  # noqa: E402
from satimpact.engine.raster import raster_info  # noqa: E402
from satimpact.engine.registry import available_models  # noqa: E402
from satimpact.engine.stack import stack_bigearthnet_s2  # noqa: E402
from satimpact.engine.water import DEFAULT_WATER_MODELS, choose_model, detect_water  # noqa: E402

VENV_BIN = Path(sys.executable).parent


def worker_env() -> dict:
    env = dict(os.environ)
    # No empty entry: it would put the current folder (the checkout, whose 'processing' folder
    # shadows QGIS's own) on the path.
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PLUGIN_DIR), env.get("PYTHONPATH", "")) if p)
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    return env


def single_machine_water(source: str, output: str, model_name: str | None = None) -> None:
    """What satimpact:waterdetection does on one machine: the engine call, all cores."""
    info = raster_info(source)
    shipped = available_models(None)
    if model_name:
        model = load_model(shipped[model_name])
        spec = model.card.inputs[0]
        bands = resolve_bands(spec.bands, info.count, info.descriptions, None, spec.sensor)
    else:
        candidates = [load_model(shipped[n]) for n in DEFAULT_WATER_MODELS if n in shipped]
        model, bands = choose_model(candidates, info.count, info.descriptions, None)
    detect_water(source, model, bands.indices, output)


def read_manifest(folder) -> dict:
    with open(Path(folder) / batch.MANIFEST) as fh:
        return json.load(fh)


def final_files(folder) -> list[str]:
    return sorted(p.name for p in Path(folder).iterdir())


def assert_no_partials(folder) -> None:
    names = final_files(folder)
    assert not [n for n in names if ".part" in n or n.startswith(".")], names
    assert not (Path(folder) / batch.STAGING).exists()


@pytest.fixture(scope="module")
def scenes(tmp_path_factory):
    """The Sen1Floods11 chip under several names, a BigEarthNet stack and a corrupt file."""
    chip = data_path("sen1floods11", "Spain_7370579_S2Hand.tif")
    folder = tmp_path_factory.mktemp("scenes")
    names = []
    for k in range(6):
        link = folder / f"spain_{k}.tif"
        link.symlink_to(chip)
        names.append(str(link))
    patch = data_path("bigearthnet", "S2", "S2A_MSIL2A_20170613T101031_87_48")
    names.append(stack_bigearthnet_s2(str(patch), str(folder)))
    bad = folder / "corrupt.tif"
    bad.write_bytes(b"not a GeoTIFF at all")
    return {"chip": str(chip), "spain": names[:6], "patch": names[6], "bad": str(bad), "folder": folder}


@pytest.fixture(scope="module")
def local_client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.fixture(scope="module")
def reference(scenes, tmp_path_factory):
    folder = tmp_path_factory.mktemp("reference")
    out = {}
    for key, source in (("chip", scenes["chip"]), ("patch", scenes["patch"])):
        out[key] = str(folder / f"{key}.tif")
        single_machine_water(source, out[key])
    return out


def test_parameters_parse_json_and_key_value():
    assert batch.parse_parameters('{"model": "water_ndwi", "THRESHOLD": 0.1}') == {
        "MODEL": "water_ndwi",
        "THRESHOLD": 0.1,
    }
    parsed = batch.parse_parameters("MODEL=water_ndwi,BAND_MAP=green=3,nir=8;THRESHOLD=0.2")
    assert parsed == {"MODEL": "water_ndwi", "BAND_MAP": "green=3,nir=8", "THRESHOLD": "0.2"}
    with pytest.raises(EngineError, match="not taken by waterdetection"):
        batch.check_parameters("waterdetection", {"CELL_SIZE": "10"})
    with pytest.raises(EngineError, match="holds inputs of the batch"):
        batch.run_batch("water", batch.items_from_files([__file__]), "", os.path.dirname(__file__))
    with pytest.raises(EngineError, match="unknown tool"):
        batch.canonical_tool("nosuchtool")
    assert batch.parameters_hash("waterdetection", {"A": 1}) != batch.parameters_hash("waterdetection", {"A": 2})


@pytest.mark.slow
def test_chunk_sizes_follow_the_measured_time_per_item():
    """Small items go several to a Dask task (about CHUNK_SECONDS of work); the first tasks, long
    items and the end of the batch get one item each, so the workers finish together."""
    assert batch._chunk_size(24, 1, None) == 1  # nothing timed yet
    assert batch._chunk_size(20, 2, 0.04) == 5  # an even share: 20 left / (2 per thread x 2 threads)
    assert batch._chunk_size(2000, 2, 0.04) == int(batch.CHUNK_SECONDS / 0.04)  # CHUNK_SECONDS of work
    assert batch._chunk_size(100_000, 64, 0.0001) == batch.MAX_CHUNK_ITEMS
    assert batch._chunk_size(500, 2, 3.0) == 1  # long items: one per task
    assert batch._chunk_size(3, 2, 0.01) == 1  # the last items: one per task
    assert batch._chunk_size(22, 1, 0.07) == 22  # one worker thread: nothing to balance at the end
    sizes, left = [], 24
    while left:
        sizes.append(min(left, batch._chunk_size(left, 2, 0.04)))
        left -= sizes[-1]
    assert sizes == sorted(sizes, reverse=True) and sizes[-1] == 1 and sum(sizes) == 24


def test_largest_items_are_handed_out_first(scenes, tmp_path):
    """The queue starts with the items of most work (the inputs' file sizes, a window's pixels), so
    the small ones come last and even out the workers' finish; equal sizes keep their order, and
    the manifest keeps the inputs' order."""
    inputs = [scenes["patch"], *scenes["spain"][:2], scenes["bad"]]
    items = batch.items_from_files(inputs)
    manifest = batch.Manifest(str(tmp_path))
    todo, _, entries = batch._plan("water", items, {}, "h", manifest, str(tmp_path))
    sizes = [os.path.getsize(p) for p in inputs]
    assert sizes[1] == sizes[2] > sizes[0] > sizes[3]  # the Sen1Floods11 chips are the larger files
    order = [job[0].label for job in sorted(todo, key=batch._expected_work, reverse=True)]
    assert order == [items[1].label, items[2].label, items[0].label, items[3].label]
    assert [e["label"] for e in entries] == [i.label for i in items]
    windows = batch.items_from_split(scenes["spain"][0], 200, 8)
    todo, _, _ = batch._plan("water", windows, {}, "h", manifest, str(tmp_path))
    first = sorted(todo, key=batch._expected_work, reverse=True)[0][0].window.read
    assert first[2] * first[3] == max(w.window.read[2] * w.window.read[3] for w in windows)


def test_batch_resume_failure_and_changed_parameters(scenes, reference, local_client, tmp_path):
    out = tmp_path / "out"
    inputs = scenes["spain"][:2] + [scenes["patch"], scenes["bad"]]
    items = batch.items_from_files(inputs)
    table = tmp_path / "table.gpkg"
    report = batch.run_batch("water", items, "", str(out), table=str(table), client=local_client)
    assert (report.done, report.failed, report.pending, report.skipped) == (3, 1, 0, 0)

    manifest = read_manifest(out)
    by_label = {e["label"]: e for e in manifest["items"]}
    # The failing item carries the same message the single tool gives for that file.
    with pytest.raises(EngineError) as single:
        single_machine_water(scenes["bad"], str(tmp_path / "bad.tif"))
    assert by_label["corrupt"]["status"] == "failed"
    assert by_label["corrupt"]["error"] == str(single.value)
    for label in ("spain_0", "spain_1", "S2A_MSIL2A_20170613T101031_87_48"):
        entry = by_label[label]
        assert entry["status"] == "done" and entry["worker"] and entry["seconds"] > 0
        assert entry["parameters_hash"] == manifest["parameters_hash"]
    # Byte for byte what the single-machine engine call writes.
    for label, ref in (("spain_0", "chip"), ("spain_1", "chip"), ("S2A_MSIL2A_20170613T101031_87_48", "patch")):
        path = out / by_label[label]["outputs"][0]["path"]
        assert path.read_bytes() == Path(reference[ref]).read_bytes(), label
    assert_no_partials(out)

    # The combined table: one row per input with its figures and date; the VRT over the outputs.
    import geopandas as gpd

    rows = gpd.read_file(table, layer=batch.TABLE_LAYER)
    assert len(rows) == 3 and rows.crs.to_epsg() == 4326
    with rasterio.open(reference["chip"]) as ds:
        water = int((ds.read(1) == 1).sum())
    assert sorted(rows["water_pixels"])[1:] == [water, water]
    assert rows.set_index("label").loc["S2A_MSIL2A_20170613T101031_87_48", "date"] == "2017-06-13"
    vrts = [m for m in report.mosaics if m.endswith(".vrt")]
    assert vrts and all(Path(m).name.startswith(f"waterdetection-{manifest['parameters_hash']}.mosaic") for m in vrts)
    with rasterio.open(vrts[0]) as mosaic:
        assert mosaic.count == 1 and mosaic.dtypes[0] == "uint8"

    # Re-run: done items with intact outputs are skipped, the failed one is tried again.
    mtimes = {p.name: p.stat().st_mtime_ns for p in out.glob("*.tif")}
    again = batch.run_batch("water", items, "", str(out), client=local_client)
    assert (again.skipped, again.done, again.failed) == (3, 3, 1)
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.tif")} == mtimes

    # A damaged output is not intact: only that item runs again.
    damaged = out / by_label["spain_1"]["outputs"][0]["path"]
    damaged.write_bytes(damaged.read_bytes()[:-10])
    third = batch.run_batch("water", items, "", str(out), client=local_client)
    assert (third.skipped, third.done) == (2, 3)
    assert damaged.read_bytes() == Path(reference["chip"]).read_bytes()

    # A changed parameter gives new outputs next to the old ones, never a reused file.
    changed = batch.run_batch("water", items[:1], "MODEL=water_ndwi", str(out), client=local_client)
    assert (changed.done, changed.skipped) == (1, 0)
    manifest = read_manifest(out)
    spain0 = [e for e in manifest["items"] if e["label"] == "spain_0"]
    assert len(spain0) == 2 and len({e["outputs"][0]["path"] for e in spain0}) == 2
    ndwi = out / next(e for e in spain0 if e["parameters_hash"] == changed_hash("water_ndwi"))["outputs"][0]["path"]
    single_machine_water(scenes["chip"], str(tmp_path / "ndwi.tif"), "water_ndwi")
    assert ndwi.read_bytes() == (tmp_path / "ndwi.tif").read_bytes()
    assert ndwi.read_bytes() != Path(reference["chip"]).read_bytes()


def changed_hash(model: str) -> str:
    return batch.parameters_hash("waterdetection", {"MODEL": model})


@pytest.mark.slow
def test_grid_tools_table_and_flood_pairs(scenes, local_client, tmp_path):
    """Green ratio per 500 m cell of two BigEarthNet patches (dates from their metadata) and flood
    change over a CSV of before,after pairs: one table row per cell per input."""
    import geopandas as gpd

    folder = tmp_path / "stacks"
    folder.mkdir()
    patches = sorted(glob.glob(str(data_path("bigearthnet", "S2") / "*")))[:2]
    stacks = [stack_bigearthnet_s2(p, str(folder)) for p in patches]
    out = tmp_path / "green"
    table = tmp_path / "green.gpkg"
    report = batch.run_batch(
        "green", batch.items_from_spec(str(folder / "*.tif"), "greenratio"), "CELL_SIZE=500", str(out),
        table=str(table), client=local_client,
    )  # fmt: skip
    assert (report.done, report.failed) == (2, 0)
    rows = gpd.read_file(table, layer=batch.TABLE_LAYER)
    per_input = rows.groupby("label").size()
    cells = [len(gpd.read_file(out / e["outputs"][0]["path"])) for e in read_manifest(out)["items"]]
    assert sorted(per_input.tolist()) == sorted(cells) and min(cells) >= 4
    dates = dict(zip(rows["label"], rows["date"]))
    for stack in stacks:
        stem = Path(stack).stem
        assert dates[stem] == f"{stem[11:15]}-{stem[15:17]}-{stem[17:19]}"
    assert rows["green_ratio"].between(0, 1).all()

    pairs = tmp_path / "pairs.csv"
    with open(pairs, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["before", "after"])
        writer.writerow([scenes["spain"][0], scenes["spain"][1]])
    flood = batch.run_batch(
        "floodchange", batch.items_from_spec(str(pairs), "floodchange"), "", str(tmp_path / "flood"),
        table=str(tmp_path / "flood.gpkg"), client=local_client,
    )  # fmt: skip
    assert (flood.done, flood.failed) == (1, 0), flood.failures
    cells = gpd.read_file(tmp_path / "flood.gpkg", layer=batch.TABLE_LAYER)
    assert len(cells) > 4 and cells["label"].eq("spain_0__spain_1").all()
    # The same scene before and after: no new flood anywhere.
    assert cells["flooded_share"].fillna(0).max() == 0


@pytest.mark.slow
def test_split_raster_mosaic_equals_single_run(scenes, reference, local_client, tmp_path):
    items = batch.items_from_split(scenes["chip"], 200, batch.split_overlap("waterdetection", {}))
    assert len(items) == 9
    report = batch.run_batch("water", items, "", str(tmp_path / "tiles"), client=local_client)
    assert report.done == 9
    merged = [m for m in report.mosaics if m.endswith(".mosaic.tif")]
    assert len(merged) == 1
    with rasterio.open(merged[0]) as got, rasterio.open(reference["chip"]) as want:
        assert got.shape == want.shape and got.transform.almost_equals(want.transform) and got.crs == want.crs
        assert np.array_equal(got.read(), want.read())
        assert got.nodata == want.nodata
        assert got.tags(ns="IMAGE_STRUCTURE").get("LAYOUT") == "COG"


def chip_links(chip: str, folder: Path, n: int) -> list[str]:
    """The real chip under ``n`` names (links: nothing copied)."""
    links = []
    for k in range(n):
        link = folder / f"scene_{k:02d}.tif"
        link.symlink_to(chip)
        links.append(str(link))
    return links


@pytest.mark.slow
def test_cancel_keeps_finished_outputs_and_manifest(scenes, local_client, tmp_path):
    cancel = threading.Event()

    class StopAfterFirst(batch.Feedback):
        def progress(self, percent):
            if percent > 0:
                cancel.set()

    items = batch.items_from_files(chip_links(scenes["chip"], tmp_path, 30))
    out = tmp_path / "cancelled"
    report = batch.run_batch(
        "water", items, "", str(out), feedback=StopAfterFirst(), cancel=cancel, client=local_client
    )
    assert report.cancelled and report.done >= 1 and report.pending >= 1
    manifest = read_manifest(out)
    on_disk = {p.name for p in out.glob("*.tif")}
    done = {e["outputs"][0]["path"] for e in manifest["items"] if e["status"] == "done"}
    assert on_disk == done
    for entry in manifest["items"]:
        if entry["status"] == "done":
            path = out / entry["outputs"][0]["path"]
            assert path.stat().st_size == entry["outputs"][0]["size"]
    assert_no_partials(out)
    resumed = batch.run_batch("water", items, "", str(out), client=local_client)
    assert resumed.done == len(items) and resumed.skipped == report.done


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def dask_cluster_processes(workers: int = 2):
    """A real `dask scheduler` and `dask worker` processes on 127.0.0.1, as on a cluster."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    dask = str(VENV_BIN / "dask")
    env = worker_env()
    procs = [
        subprocess.Popen(
            [dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    try:
        for k in range(workers):
            procs.append(
                subprocess.Popen(
                    [dask, "worker", address, "--nworkers", "1", "--nthreads", "1", "--host", "127.0.0.1",
                     "--no-dashboard", "--name", f"w{k}"],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )  # fmt: skip
        from distributed import Client

        deadline = time.monotonic() + 60
        while True:
            try:
                client = Client(address, timeout="5s")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        client.wait_for_workers(workers, timeout=60)
        yield address, client
        client.close()
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=10)
            if proc.poll() is None:
                proc.kill()


@pytest.mark.slow
def test_worker_killed_mid_run_on_real_scheduler(scenes, reference, tmp_path):
    """Two `dask worker` processes; one is killed with SIGKILL while it runs an item. The batch
    completes, every output is byte-identical to the single-machine run, nothing partial is left."""
    # Enough items that the batch is surely still running when the kill comes, on any machine.
    items = batch.items_from_files(chip_links(scenes["chip"], tmp_path, 40))
    out = tmp_path / "killed"
    with dask_cluster_processes(2) as (address, client):
        pids = client.run(os.getpid)
        outcome = {}

        finished = []

        class Count(batch.Feedback):
            def progress(self, percent):
                finished.append(percent)

        def run():
            outcome["report"] = batch.run_batch("water", items, "", str(out), scheduler=address, feedback=Count())

        thread = threading.Thread(target=run)
        thread.start()
        killed, finished_before_kill = None, None
        deadline = time.monotonic() + 60
        while killed is None and time.monotonic() < deadline:
            busy = [w for w, tasks in client.processing().items() if any("satimpact-" in t for t in tasks)]
            done_share = max(finished, default=0.0)
            if busy and 0 < done_share < 50:  # mid-run: some items done, this worker busy with another
                killed = pids[busy[0]]
                finished_before_kill = "report" in outcome
                os.kill(killed, signal.SIGKILL)
                break
            time.sleep(0.02)
        thread.join(timeout=180)
    assert killed is not None, "no worker was seen running an item"
    assert finished_before_kill is False, "the batch ended before the kill"
    report = outcome["report"]
    assert (report.done, report.failed, report.pending) == (len(items), 0, 0)
    manifest = read_manifest(out)
    assert all(e["status"] == "done" for e in manifest["items"])
    for entry in manifest["items"]:
        path = out / entry["outputs"][0]["path"]
        assert path.read_bytes() == Path(reference["chip"]).read_bytes()
        assert entry["outputs"][0]["sha256"] == batch._sha256(str(path))
    assert_no_partials(out)


@pytest.mark.slow
def test_command_line_needs_no_qgis(scenes, reference, tmp_path):
    out = tmp_path / "cli"
    code = (
        "import sys, runpy; sys.modules['qgis'] = None; sys.argv = ['batch'] + sys.argv[1:]; "
        "runpy.run_module('satimpact.engine.batch', run_name='__main__')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "--tool", "water", "--inputs", *scenes["spain"][:2], "--workers", "2",
         "--output-folder", str(out), "--param", "MIN_AREA=0"],
        capture_output=True, text=True, timeout=180, env=worker_env(),
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "progress 100 %" in done.stdout and "Dask dashboard: http://127.0.0.1:" in done.stdout
    manifest = read_manifest(out)
    assert [e["status"] for e in manifest["items"]] == ["done", "done"]
    assert (out / "batch.gpkg").exists()
    for entry in manifest["items"]:
        assert (out / entry["outputs"][0]["path"]).read_bytes() == Path(reference["chip"]).read_bytes()
