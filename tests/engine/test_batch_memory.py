"""Memory of batch workers (engine/batch.py): the peak each item reports is the worker's own, and
the end-of-task trim looks at how much memory glibc holds free."""

from __future__ import annotations

import resource
import sys

import numpy as np
import pytest

distributed = pytest.importorskip("distributed", reason="dask.distributed is installed by scripts/setup.sh")

from satimpact.engine import batch  # noqa: E402

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="VmHWM and mallinfo2 are Linux/glibc's")


def test_worker_peak_is_its_own_not_the_starting_process():
    """A worker is started by fork and exec from this process; Linux carries this process's peak
    into the worker's ru_maxrss. The peak the batch records (manifest ``worker_peak_mb``) must be
    the worker's own, or the memory per worker measured by the benchmark is this process's."""
    held = np.ones(400 << 20, dtype=np.uint8)  # 400 MB, every page touched
    assert held[::4096].sum() == len(held[::4096])
    del held
    parent_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    assert parent_peak >= 400
    with batch.connect(None, 1) as client:
        (worker_peak,) = client.run(batch._peak_rss_mb).values()
        (usage,) = client.run(resource.getrusage, resource.RUSAGE_SELF).values()
    worker_ru_maxrss = usage.ru_maxrss / 1024.0
    # The worker (Python, numpy, distributed, the engine's imports) holds well under 400 MB.
    assert 20 < worker_peak < 300, (worker_peak, worker_ru_maxrss, parent_peak)
    assert worker_peak <= worker_ru_maxrss + 1


def test_free_memory_held_by_glibc_is_measured():
    """mallinfo2 (glibc 2.33+) tells the trim how much glibc holds free; freeing blocks it keeps in
    its heap raises the figure."""
    import ctypes

    libc = ctypes.CDLL("libc.so.6")
    before = batch._mallinfo_free_bytes(libc)
    assert before is not None and before >= 0
    # 64 KiB blocks stay below glibc's mmap threshold: freed, they stay in the heap as free memory.
    blocks = [bytearray(64 << 10) for _ in range(800)]
    for b in blocks[::2]:
        b[0] = 1
    del blocks
    after = batch._mallinfo_free_bytes(libc)
    assert after >= before + (16 << 20), (before, after)
    batch._release_free_memory()  # below the threshold or not, it must not fail


# Run in a fresh process each (glibc's settings are per process): page faults while an item-like
# pattern (five 8 MB arrays, then all freed) repeats, and the resident memory before and after
# the end-of-task trim of 104 MB freed.
_PATTERN = """
import json, resource, sys
import numpy as np
from satimpact.engine import batch

def rss_mb():
    with open("/proc/self/status") as fh:
        return int(next(line for line in fh if line.startswith("VmRSS:")).split()[1]) / 1024.0

if sys.argv[1] == "tuned":
    batch._keep_freed_memory_for_next_item()

def item(arrays):
    held = [np.ones(1 << 20) for _ in range(arrays)]  # 8 MB each, every page touched
    assert all(a[-1] == 1.0 for a in held)

item(5)
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(4):
    item(5)
faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
held = [np.ones(1 << 20) for _ in range(13)]
del held
kept = rss_mb()
batch._release_free_memory()
print(json.dumps([faults, kept, rss_mb()]))
"""


def test_workers_reuse_freed_memory_and_still_give_it_back():
    """A worker keeps what one item frees for the next (no page faults to touch it again; glibc's
    defaults hand 40 MB freed at the heap's top straight back), and the end of a task still hands
    more than TRIM_ABOVE_FREE_BYTES back, so memory per worker stays flat."""
    import json
    import os
    import subprocess

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    env.pop("MALLOC_TRIM_THRESHOLD_", None)
    results = {}
    for mode in ("default", "tuned"):
        run = subprocess.run(
            [sys.executable, "-c", _PATTERN, mode], env=env, capture_output=True, text=True, timeout=120
        )
        assert run.returncode == 0, run.stderr
        results[mode] = json.loads(run.stdout.strip().splitlines()[-1])
    default_faults, tuned_faults = results["default"][0], results["tuned"][0]
    # 4 rounds of 40 MB are 40,960 pages: glibc's adaptive threshold keeps some of them, but at
    # least half an 8 MB array a round is faulted in again (here 8,611 pages in all).
    assert default_faults > 4 * 1024, results
    assert tuned_faults < default_faults / 10, results
    _, kept, after_trim = results["tuned"]
    assert kept - after_trim > 80, results  # 104 MB were held free: the trim gave them back


def test_local_cluster_workers_report_every_two_seconds():
    """The batch's own LocalCluster: workers heartbeat every LOCAL_HEARTBEAT_SECONDS (Dask's
    0.5 s took the GIL from running items four times a second, with the look for missing data),
    with Dask's quieter settings in every worker; a worker that dies is still seen at once."""
    import os
    import signal
    import time

    def rhythm(dask_worker):
        import dask

        callbacks = dask_worker.periodic_callbacks
        return (
            callbacks["heartbeat"].callback_time,
            callbacks["find-missing"].callback_time,
            dask.config.get("distributed.admin.tick.interval"),
            dask.config.get("distributed.worker.profile.enabled"),
        )

    with batch.connect(None, 2) as client:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # the first heartbeats set the interval
            seen = list(client.run(rhythm).values())
            if all(s[0] == 1000 * batch.LOCAL_HEARTBEAT_SECONDS and s[1] == s[0] for s in seen):
                break
            time.sleep(0.5)
        assert seen == [(2000.0, 2000.0, "1s", False)] * 2, seen
        victim, pid = next(iter(client.run(os.getpid).items()))
        os.kill(pid, signal.SIGKILL)
        started = time.monotonic()
        while victim in client.scheduler_info()["workers"] and time.monotonic() - started < 5:
            time.sleep(0.05)
        assert victim not in client.scheduler_info()["workers"]
        assert time.monotonic() - started < 1.5  # well before a missed heartbeat could tell
