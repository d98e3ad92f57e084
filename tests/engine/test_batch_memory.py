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
