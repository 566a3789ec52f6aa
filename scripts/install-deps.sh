#!/usr/bin/env bash
# Installs the Debian 12 packages planmap needs to build, test and run.
# Idempotent: when everything is present it only asks dpkg and exits.
set -euo pipefail

packages=(
  # build tools
  cmake ninja-build g++ ccache pkg-config make
  # geospatial stack
  libgdal-dev gdal-bin libicu-dev libproj-dev proj-bin proj-data libgeos-dev
  libspatialite-dev libsqlite3-mod-spatialite libsqlite3-dev sqlite3
  # Qt 6 (Charts needs the OpenGL and xkbcommon headers to configure)
  qt6-base-dev qt6-svg-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools libqt6opengl6-dev libxkbcommon-dev qt6-translations-l10n
  qt6-qpa-plugins
  # tests: GoogleTest, an independent geodesic library, PDF tools, a display
  libgtest-dev libgeographiclib-dev poppler-utils xvfb xauth
  # benchmarks
  libbenchmark-dev
  # fonts with full Vietnamese coverage
  fonts-noto-core fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "planmap: installing ${#missing[@]} missing Debian packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
