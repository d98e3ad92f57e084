#!/usr/bin/env bash
# qgis_process with SatImpact on the plugin path and the venv's packages visible.
# Debian's /usr/bin/qgis_process wrapper passes --noversioncheck, which the 3.22 binary
# rejects, so the binary is called directly.
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SITE="$(ls -d "$ROOT"/.venv/lib/python3*/site-packages 2>/dev/null | head -n1)"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export QGIS_PLUGINPATH="$ROOT/.qgis-plugins${QGIS_PLUGINPATH:+:$QGIS_PLUGINPATH}"
export PYTHONPATH="$SITE${PYTHONPATH:+:$PYTHONPATH}"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
exec /usr/bin/qgis_process.bin "$@"
