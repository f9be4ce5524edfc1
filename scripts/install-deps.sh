#!/usr/bin/env bash
# Installs everything truce needs to build and test, from Debian 12's packages.
# Safe to run again: apt-get skips what is already installed.
#   scripts/install-deps.sh          build dependencies
#   scripts/install-deps.sh --test   also what the test suite needs
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache ca-certificates
  libsqlite3-dev nlohmann-json3-dev libcli11-dev libsodium-dev
  libicu-dev libcld2-dev libhyperscan-dev libxml2-dev libgeographiclib-dev libboost-dev
  libgoogle-perftools-dev
)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(libgtest-dev libgmock-dev libbenchmark-dev sqlite3 python3 python3-jsonschema clang-format
    clang libclang-rt-14-dev postgresql-15 postgresql-15-postgis-3 libpq-dev libsqlite3-mod-spatialite wrk)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  sudo_cmd=(sudo)
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
