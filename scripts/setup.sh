#!/usr/bin/env bash
# Installs what SatImpact needs on Debian 12, idempotently:
#  - QGIS 3.22 LTR and the Python GIS stack from Debian (matplotlib and scipy draw and test the
#    series reports and radar thresholds; QGIS pulls them in today, named here so it stays so),
#  - a venv (.venv) on /usr/bin/python3 with --system-site-packages for onnxruntime, onnx,
#    pytest and pytest-qgis, with numpy pinned to Debian's version (a numpy 2.x wheel breaks
#    Debian's compiled rasterio: "numpy.dtype size changed"),
#  - a plugin folder (.qgis-plugins/satimpact -> this checkout) enabled for qgis_process.
# A stamp file makes a second run take well under a second.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"
STAMP="$VENV/.satimpact-setup"
REQS="$ROOT/requirements.txt"

APT_PACKAGES=(qgis python3-qgis qgis-providers python3-rasterio python3-geopandas python3-venv
  python3-pip gdal-bin python3-gdal proj-data xvfb xauth make python3-matplotlib python3-scipy)

need_apt=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$p")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${need_apt[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

hash_now="$(cat "$REQS" "$0" | sha256sum | cut -c1-16)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$hash_now" ] && [ -x "$VENV/bin/python" ]; then
  :
else
  if [ ! -x "$VENV/bin/python" ]; then
    echo "setup: creating $VENV (system site packages, for QGIS and rasterio from Debian)"
    /usr/bin/python3 -m venv --system-site-packages "$VENV"
  fi
  SYS_NUMPY="$(/usr/bin/python3 -c 'import numpy; print(numpy.__version__)')"
  echo "numpy==$SYS_NUMPY" > "$VENV/constraints.txt"
  echo "setup: pip install -r requirements.txt (numpy pinned to $SYS_NUMPY)"
  "$VENV/bin/pip" install -q --disable-pip-version-check -c "$VENV/constraints.txt" -r "$REQS"
  echo "$hash_now" > "$STAMP"
fi

# Debian's pyproj looks for PROJ data under sys.prefix/share/proj; in a venv sys.prefix is
# the venv, so it finds none ("Valid PROJ data directory not found"). Point it at Debian's.
if [ ! -e "$VENV/share/proj" ]; then
  mkdir -p "$VENV/share"
  ln -sfn /usr/share/proj "$VENV/share/proj"
fi

# The plugin is loaded as the package 'satimpact' through this folder, never from the
# repo's parent (the repo's 'processing' folder would shadow QGIS's own).
mkdir -p "$ROOT/.qgis-plugins"
ln -sfn "$ROOT" "$ROOT/.qgis-plugins/satimpact"

# qgis_process only runs enabled plugins; enabling writes the user's QGIS profile once.
PROFILE_INI="${HOME}/.local/share/QGIS/QGIS3/profiles/default/QGIS/QGIS3.ini"
if ! grep -qs "^satimpact=true" "$PROFILE_INI"; then
  "$ROOT/scripts/qgis_process.sh" plugins enable satimpact >/dev/null 2>&1 || true
  grep -qs "^satimpact=true" "$PROFILE_INI" || { echo "setup: could not enable the plugin for qgis_process" >&2; exit 1; }
fi
