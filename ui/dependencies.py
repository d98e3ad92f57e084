"""Installing onnxruntime/onnx for QGIS when its Python lacks them.

Where: a virtual environment owned by the plugin inside the QGIS profile
(``<profile>/python/satimpact-deps``), made with ``--system-site-packages`` so that pip sees
QGIS's own packages (numpy above all) and installs only what is missing, with every
dependency of the dependencies (protobuf, typing_extensions, ml_dtypes, flatbuffers...).
Nothing is written outside that folder: Debian/Ubuntu's "externally managed" system Python
stays untouched (pip does not apply that rule inside a virtual environment), and pip never
uninstalls a system package from a virtual environment. The plugin puts the folder's
site-packages first on ``sys.path`` when it starts (:func:`activate`).

pip runs with a constraint that keeps numpy at the version QGIS already uses: a numpy 2.x
pulled in by a dependency would break QGIS's compiled modules (GDAL, rasterio).

The standard pip environment variables apply (``PIP_INDEX_URL``, ``PIP_FIND_LINKS``,
``PIP_NO_INDEX``, proxies), so an offline wheel folder or a company mirror work unchanged.
"""

from __future__ import annotations

import glob
import os
import subprocess
import sys

DEPS_FOLDER = "satimpact-deps"
# pip names of the modules the engine imports; lower bounds are the oldest versions tested.
REQUIREMENTS = {"onnxruntime": "onnxruntime>=1.16", "onnx": "onnx>=1.15"}


def deps_dir(profile_dir: str) -> str:
    """The plugin's own folder for Python packages inside a QGIS profile folder."""
    return os.path.join(profile_dir, "python", DEPS_FOLDER)


def env_python(env_dir: str) -> str:
    if os.name == "nt":
        return os.path.join(env_dir, "Scripts", "python.exe")
    return os.path.join(env_dir, "bin", "python")


def site_packages(env_dir: str) -> str | None:
    """The folder's site-packages, if it was made by the Python running now (same X.Y)."""
    config = os.path.join(env_dir, "pyvenv.cfg")
    if not os.path.exists(config):
        return None
    version = None
    with open(config, encoding="utf-8") as fh:
        for line in fh:
            key, _, value = line.partition("=")
            if key.strip() in ("version", "version_info"):
                version = value.strip()
    wanted = f"{sys.version_info[0]}.{sys.version_info[1]}"
    if version is not None and not (version == wanted or version.startswith(wanted + ".")):
        return None  # made by another Python (QGIS upgraded): its compiled modules would not load
    candidates = [os.path.join(env_dir, "Lib", "site-packages")] if os.name == "nt" else []
    candidates += glob.glob(os.path.join(env_dir, "lib", f"python{wanted}", "site-packages"))
    return next((c for c in candidates if os.path.isdir(c)), None)


def activate(env_dir: str) -> str | None:
    """Put the plugin's packages first on sys.path (called at plugin start); returns the path."""
    path = site_packages(env_dir)
    if path is None:
        return None
    if path not in sys.path:
        sys.path.insert(0, path)
        import importlib

        importlib.invalidate_caches()
    return path


def python_candidates() -> list[str]:
    """Where the interpreter that runs QGIS lives. Inside QGIS ``sys.executable`` is often the
    QGIS binary itself (Windows, macOS, some Linux builds); the interpreter is then beside it
    or in ``sys.exec_prefix``, as qpip and other plugin installers look for it."""
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    exe = sys.executable or ""
    here = os.path.dirname(exe)
    names = ["python.exe", "python3.exe"] if os.name == "nt" else [f"python{version}", "python3", "python"]
    folders = [sys.exec_prefix, os.path.join(sys.exec_prefix, "bin"), here, os.path.join(here, "bin")]
    found = []
    if os.path.basename(exe).lower().startswith("python"):
        found.append(exe)
    base = getattr(sys, "_base_executable", None)
    if base and os.path.basename(base).lower().startswith("python"):
        found.append(base)
    found += [os.path.join(folder, name) for folder in folders for name in names]
    unique = []
    for path in found:
        if path and path not in unique and os.path.isfile(path):
            unique.append(path)
    return unique


def _identity() -> str:
    return f"{sys.version}|{sys.base_exec_prefix}"


def same_python(candidate: str) -> bool:
    """True when ``candidate`` is the very interpreter build that runs QGIS (same version string
    and installation prefix): a pyenv/conda ``python3`` of the same X.Y earlier on PATH is not."""
    code = "import sys; print(sys.version + '|' + sys.base_exec_prefix)"
    try:
        done = subprocess.run([candidate, "-c", code], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0 and done.stdout.strip() == _identity()


def find_python() -> str | None:
    return next((c for c in python_candidates() if same_python(c)), None)


def numpy_constraint(env_dir: str) -> str:
    """A pip constraints file that keeps numpy at QGIS's version (written into the folder)."""
    import numpy

    os.makedirs(env_dir, exist_ok=True)
    path = os.path.join(env_dir, "constraints.txt")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(f"numpy=={numpy.__version__}\n")
    return path


def create_command(python: str, env_dir: str) -> list[str]:
    # --without-pip: Debian ships ensurepip separately; the system's pip is visible through
    # --system-site-packages and installs into the environment that runs it.
    return [python, "-m", "venv", "--system-site-packages", "--without-pip", env_dir]


def pip_command(env_dir: str, modules: list[str]) -> list[str]:
    packages = [REQUIREMENTS.get(m, m) for m in modules]
    return [
        env_python(env_dir),
        "-m",
        "pip",
        "install",
        "--disable-pip-version-check",
        "--progress-bar",
        "off",
        "--constraint",
        numpy_constraint(env_dir),
        *packages,
    ]


def verify_command(env_dir: str, modules: list[str]) -> list[str]:
    """Imports the modules in a fresh interpreter that sees what QGIS will see after a restart."""
    code = (
        "import importlib, sys\n"
        f"for name in {list(modules)!r}:\n"
        "    module = importlib.import_module(name)\n"
        "    print(name, getattr(module, '__version__', '?'), module.__file__)\n"
    )
    return [env_python(env_dir), "-c", code]


def explain_failure(log: str) -> str | None:
    """A sentence for the failures users meet most, from pip's output."""
    if "No module named pip" in log:
        return (
            "QGIS's Python has no pip. On Debian/Ubuntu: sudo apt install python3-pip; "
            "on Windows (OSGeo4W) install the python3-pip package with the OSGeo4W installer."
        )
    if "No matching distribution" in log or "Could not find a version" in log:
        return "pip found no wheel of these packages for this Python (check the network or the wheel folder)."
    if "Failed to establish a new connection" in log or "Temporary failure in name resolution" in log:
        return "pip could not reach the package index (no network, or a proxy is needed: set PIP_PROXY)."
    return None
