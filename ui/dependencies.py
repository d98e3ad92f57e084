"""Installing onnxruntime/onnx into the user's Python when QGIS lacks them.

pip runs with a constraint that keeps numpy at the version QGIS already uses: a newer
numpy (2.x) would break QGIS's own compiled modules (rasterio, GDAL bindings).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile


def python_executable() -> str:
    # Inside QGIS sys.executable is the QGIS binary on some platforms; find the interpreter.
    candidates = [getattr(sys, "_base_executable", None), sys.executable, shutil.which("python3")]
    for candidate in candidates:
        if candidate and os.path.basename(candidate).startswith("python") and os.path.exists(candidate):
            return candidate
    return shutil.which("python3") or "python3"


def install_command(packages: list[str]) -> list[str]:
    import numpy

    constraints = os.path.join(tempfile.gettempdir(), "satimpact-numpy-constraint.txt")
    with open(constraints, "w") as fh:
        fh.write(f"numpy=={numpy.__version__}\n")
    return [python_executable(), "-m", "pip", "install", "--user", "-c", constraints, *packages]


def run_install(command: list[str]) -> tuple[bool, str]:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, str(exc)
    return done.returncode == 0, done.stdout + done.stderr
