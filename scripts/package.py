"""`make package`: dist/satimpact-<version>.zip for the official QGIS plugin repository.

One top folder named after the plugin package (satimpact/), LICENSE inside, metadata with
the required fields, compiled translations, shipped models; no tests, caches or VCS files.
"""

from __future__ import annotations

import configparser
import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INCLUDE = [
    "metadata.txt",
    "__init__.py",
    "plugin.py",
    "LICENSE",
    "README.md",
    "icons",
    "engine",
    "processing",
    "models",
    "ui",
    "i18n",
    "workflows",
]
SKIP_DIRS = {"__pycache__", ".git", ".pytest_cache", ".ruff_cache"}
SKIP_SUFFIXES = (".pyc", ".pyo", ".part", ".ts", ".aux.xml")
MAX_BYTES = 25 * 1024 * 1024
REQUIRED = ["name", "qgisMinimumVersion", "description", "about", "version", "author", "email", "repository"]


def version() -> str:
    meta = configparser.ConfigParser()
    meta.read(os.path.join(ROOT, "metadata.txt"))
    missing = [k for k in REQUIRED if not meta["general"].get(k)]
    if missing:
        raise SystemExit(f"metadata.txt lacks required field(s): {', '.join(missing)}")
    return meta["general"]["version"]


def files():
    for entry in INCLUDE:
        path = os.path.join(ROOT, entry)
        if os.path.isfile(path):
            yield entry
        elif os.path.isdir(path):
            for folder, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(names):
                    if name.endswith(SKIP_SUFFIXES) or name.startswith("."):
                        continue
                    yield os.path.relpath(os.path.join(folder, name), ROOT)


def build(out_dir: str) -> str:
    os.makedirs(out_dir, exist_ok=True)
    target = os.path.join(out_dir, f"satimpact-{version()}.zip")
    tmp = target + ".part"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for rel in files():
            archive.write(os.path.join(ROOT, rel), f"satimpact/{rel}")
    size = os.path.getsize(tmp)
    if size > MAX_BYTES:
        os.remove(tmp)
        raise SystemExit(f"the package is {size / 1e6:.1f} MB, over the repository's 25 MB limit")
    os.replace(tmp, target)
    return target


if __name__ == "__main__":
    path = build(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "dist"))
    print(f"built {os.path.relpath(path, ROOT)} ({os.path.getsize(path) / 1e6:.2f} MB)")
