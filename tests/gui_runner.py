"""Starts real QGIS under Xvfb with an isolated profile and tests/gui/driver.py."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_qgis_gui(
    steps: list[dict],
    workdir: Path,
    block_modules: tuple[str, ...] = (),
    timeout: int = 240,
    profiles: Path | None = None,
    venv: bool = True,
    extra_env: dict | None = None,
) -> dict:
    """``profiles``: reuse a profiles folder (a QGIS restart); ``venv=False``: QGIS sees only the
    system's Python packages (no onnxruntime on Debian); ``extra_env``: e.g. HOME, PIP_*."""
    workdir.mkdir(parents=True, exist_ok=True)
    profiles = profiles or Path(tempfile.mkdtemp(prefix="satimpact-profile-", dir=workdir))
    ini = profiles / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    # enable the plugin, no first-run wizard, no news, English
    ini.write_text(
        "[PythonPlugins]\nsatimpact=true\n\n[core]\nfirstRunVersionFlag=32216\n\n"
        "[qgis]\ncheckVersion=false\nshowTips322=false\n\n[locale]\noverrideFlag=true\nuserLocale=en_US\n"
    )
    result = workdir / "gui_result.json"
    result.unlink(missing_ok=True)
    job = workdir / "gui_job.json"
    job.write_text(json.dumps({"steps": steps, "result": str(result)}))
    site = next((ROOT / ".venv" / "lib").glob("python3*/site-packages"))
    pythonpath = [str(site)] if venv else []
    if block_modules:
        # "hide" a package from QGIS's Python: a sitecustomize that refuses to import it
        hide = workdir / "hide"
        hide.mkdir(exist_ok=True)
        (hide / "sitecustomize.py").write_text(
            "import sys\nclass _Block:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            f"        if name.split('.')[0] in {list(block_modules)!r}:\n"
            "            raise ImportError(f'{name} hidden by the test')\n"
            "        return None\n"
            "sys.meta_path.insert(0, _Block())\n"
        )
        pythonpath.insert(0, str(hide))
    env = {k: v for k, v in os.environ.items() if k not in ("QGIS_CUSTOM_CONFIG_PATH", "QT_QPA_PLATFORM")}
    env.update(
        SATIMPACT_GUI_JOB=str(job),
        QGIS_PLUGINPATH=str(ROOT / ".qgis-plugins"),
        PYTHONPATH=os.pathsep.join(pythonpath),
        XDG_RUNTIME_DIR=env.get("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}"),
    )
    if not venv:
        for name in ("VIRTUAL_ENV", "PYTHONHOME"):
            env.pop(name, None)
        env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p)
    env.update(extra_env or {})
    cmd = [
        "xvfb-run",
        "-a",
        "-s",
        "-screen 0 1440x900x24",
        "qgis",
        "--nologo",
        "--noversioncheck",
        "--profiles-path",
        str(profiles),
        "--code",
        str(ROOT / "tests" / "gui" / "driver.py"),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    if not result.exists():
        raise AssertionError(
            f"QGIS did not write its result (exit {done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        )
    return json.loads(result.read_text())
