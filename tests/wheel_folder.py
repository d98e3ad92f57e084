"""A local wheel folder for the installer test, built offline from what this venv installed.

Each installed distribution (files listed in its RECORD) is zipped back into a wheel with a
fresh RECORD; its tags come from its own WHEEL file. pip installs these like the originals,
so the test needs no network and no pip cache."""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata as metadata
import re
import zipfile
from pathlib import Path


def _wheel_tag(dist) -> str:
    tags = [
        line.split(":", 1)[1].strip()
        for line in (dist.read_text("WHEEL") or "").splitlines()
        if line.startswith("Tag:")
    ]
    pythons, abis, platforms = (sorted({t.split("-")[i] for t in tags}) for i in range(3))
    return "-".join(".".join(part) for part in (pythons, abis, platforms))


def pack_installed(name: str, dest: Path) -> Path:
    dist = metadata.distribution(name)
    root = Path(dist.locate_file(""))
    normalised = re.sub(r"[-_.]+", "_", dist.metadata["Name"])
    target = dest / f"{normalised}-{dist.version}-{_wheel_tag(dist)}.whl"
    record_name = next(str(f) for f in dist.files if str(f).endswith(".dist-info/RECORD"))
    records = []
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as wheel:
        for file in dist.files:
            rel = str(file)
            if rel.startswith("..") or "__pycache__" in rel or rel.endswith(".pyc") or rel == record_name:
                continue
            if rel.split("/")[-1] in ("INSTALLER", "REQUESTED", "direct_url.json") and ".dist-info/" in rel:
                continue
            data = (root / rel).read_bytes()
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            records.append(f"{rel},sha256={digest},{len(data)}")
            wheel.writestr(rel, data)
        records.append(f"{record_name},,")
        wheel.writestr(record_name, "\n".join(records) + "\n")
    return target


def requirement_names(name: str) -> list[str]:
    names = []
    for requirement in metadata.requires(name) or []:
        if "extra ==" in requirement:
            continue
        names.append(re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0])
    return names


def wheel_folder(top: list[str], dest: Path, site_packages: Path) -> list[Path]:
    """Wheels for ``top`` and every dependency installed in ``site_packages`` (the venv);
    dependencies that come from the system (numpy on Debian) are left to the system."""
    dest.mkdir(parents=True, exist_ok=True)
    seen, todo, wheels = set(), list(top), []
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        seen.add(key)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        if Path(dist.locate_file("")).resolve() != site_packages.resolve():
            continue
        wheels.append(pack_installed(name, dest))
        todo.extend(requirement_names(name))
    return wheels
