#!/usr/bin/env bash
# Showdown bootstrap: install what is missing, build, then run the app or the tests.
#
#   bash packaging/bootstrap.sh run [ARGS...]   # starts build/bin/showdown with ARGS
#   bash packaging/bootstrap.sh test [ARGS...]  # runs ctest (ARGS go to ctest)
#
# Idempotent: when every package is installed and the build is up to date it only
# runs an incremental build (a few seconds) before doing what was asked.
set -euo pipefail

say() { printf 'bootstrap: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

usage() {
  cat >&2 <<'EOF'
usage: bash packaging/bootstrap.sh run [ARGS...]    install what is missing, build, start the app
       bash packaging/bootstrap.sh test [ARGS...]   install what is missing, build, run every test
EOF
}

if [[ $# -lt 1 ]]; then usage; exit 2; fi
mode=$1; shift
case "$mode" in
  run|test) ;;
  -h|--help|help) usage; exit 0 ;;
  *) say "unknown command '$mode'"; usage; exit 2 ;;
esac

# Repo root = parent of the folder holding this script, whatever the cwd.
script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd -- "$script_dir/.." && pwd -P)
cd "$root"

# ---------------------------------------------------------------- Debian packages
packages=(
  cmake g++ make
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev libqt6sql6-sqlite libqt6sql6-psql libgl-dev
  libboost-dev libboost-math-dev zlib1g-dev
  python3 python3-numpy libopenblas0-pthread
  python3-uvloop python3-aiohttp python3-fastapi python3-uvicorn python3-h11 python3-httptools
  python3-flask python3-waitress gunicorn python3-websockets
  postgresql-15 openssl
  hyperfine xvfb xauth fonts-dejavu-core poppler-utils procps ca-certificates chromium
  dpkg-dev file appstream desktop-file-utils shared-mime-info xdg-utils libfile-mimeinfo-perl
)
# Only for the tests: a second Python implementation, so runtime kinds are tested on a real PyPy (the app's own
# run never needs it).
if [[ "$mode" == test ]]; then
  packages+=(pypy3)
fi
node_dir="$root/resources/benchmarks/node"
node_lock="$node_dir/package-lock.json"

# Node.js: only when no node is on PATH (a nodesource nodejs already brings npm,
# and Debian's npm package would conflict with it).
if ! command -v node >/dev/null 2>&1; then
  packages+=(nodejs)
  if [[ -f "$node_lock" ]] && ! command -v npm >/dev/null 2>&1; then
    packages+=(npm)
  fi
elif [[ -f "$node_lock" ]] && ! command -v npm >/dev/null 2>&1; then
  # A node exists but no npm. If that node is Debian's, Debian's npm fits it.
  if [[ "$(dpkg-query -W -f='${Version}' nodejs 2>/dev/null || true)" != *nodesource* ]]; then
    packages+=(npm)
  else
    die "node is installed but npm is missing; install npm for $(command -v node) and rerun"
  fi
fi

is_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

command -v dpkg-query >/dev/null 2>&1 || die "dpkg-query not found: this script needs a Debian-based system (Debian 12 or later)"

missing=()
for p in "${packages[@]}"; do
  is_installed "$p" || missing+=("$p")
done

if (( ${#missing[@]} > 0 )); then
  if [[ $(id -u) -eq 0 ]]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    say "error: these Debian packages are missing and you are not root (no sudo found):"
    say "  ${missing[*]}"
    say "install them as root with:"
    say "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
    exit 1
  fi
  say "installing ${missing[*]}"
  "${as_root[@]}" apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
fi

# ---------------------------------------------------------------- Node packages
if [[ -f "$node_lock" ]]; then
  if [[ ! -f "$node_dir/node_modules/.package-lock.json" \
        || "$node_dir/node_modules/.package-lock.json" -ot "$node_lock" ]]; then
    say "installing Node packages (npm ci in resources/benchmarks/node)"
    (cd "$node_dir" && npm ci --no-audit --no-fund)
  fi
fi

# ---------------------------------------------------------------- build
if [[ ! -f build/CMakeCache.txt ]]; then
  say "configuring (cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo)"
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
say "building (cmake --build build -j$(nproc))"
cmake --build build -j"$(nproc)"

# ---------------------------------------------------------------- run / test
case "$mode" in
  run)
    say "starting build/bin/showdown${*:+ $*}"
    exec build/bin/showdown "$@"
    ;;
  test)
    # The runtime matrix is tested on real runtimes: Bun from the npm registry, into Showdown's own data folder
    # (never system-wide; `showdown runtimes remove bun-VERSION` takes it away), unless one is already found.
    if ! build/bin/showdown runtimes --json | python3 -c 'import json, sys; sys.exit(0 if any(r["kind"] == "bun" and r["available"] for r in json.load(sys.stdin)["runtimes"]) else 1)'; then
      say "installing Bun for the runtime-matrix tests (showdown runtimes install bun)"
      build/bin/showdown runtimes install bun || die "could not install Bun from the npm registry; the runtime-matrix tests need it"
    fi
    # Missing matrix runtimes fail the matrix test here instead of skipping it.
    export SHOWDOWN_TEST_MATRIX_REQUIRED=1
    say "running tests (ctest --test-dir build --output-on-failure${*:+ $*})"
    # exec: ctest's exit status is ours and its summary is the last thing printed.
    exec ctest --test-dir build --output-on-failure "$@"
    ;;
esac
