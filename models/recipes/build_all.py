"""Rebuild every shipped model: `make models`. Each recipe module has build(out_dir) -> [paths].

`--poverty-report` (`make poverty-report`): the poverty score's comparison of methods instead,
which records the method `make models` rebuilds (models/recipes/poverty_report.py)."""

from __future__ import annotations

import importlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PLUGINS = os.path.join(ROOT, ".qgis-plugins")
RECIPES = ["index_models", "water_models", "green_models", "flood_models", "poverty_models"]


def main() -> int:
    if not os.path.exists(os.path.join(PLUGINS, "satimpact")):
        os.makedirs(PLUGINS, exist_ok=True)
        os.symlink(ROOT, os.path.join(PLUGINS, "satimpact"))
    sys.path.insert(0, PLUGINS)
    if "--poverty-report" in sys.argv[1:]:
        importlib.import_module("satimpact.models.recipes.poverty_report").build_report()
        return 0
    out_dir = os.path.join(ROOT, "models")
    for name in RECIPES:
        module = importlib.import_module(f"satimpact.models.recipes.{name}")
        for path in module.build(out_dir):
            print(f"built {os.path.relpath(path, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
