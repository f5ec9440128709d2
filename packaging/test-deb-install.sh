#!/usr/bin/env bash
# Builds the .deb with CPack, unpacks it into a temporary root with dpkg -x (no root install needed) and
# runs the installed showdown from there with the source tree hidden: --version, benchmarks --json and a
# short real run. Also checks the package's metadata and the files a desktop expects, and that a desktop
# using the unpacked root (XDG_DATA_DIRS) types a .showdown file as Showdown's and opens it with the desktop
# entry's Exec line (xdg-mime needs `mimetype` from libfile-mimeinfo-perl, as Debian's xdg-utils recommends).
#
#   bash packaging/test-deb-install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail

build=${1:?usage: test-deb-install.sh BUILD_DIR SOURCE_DIR}
source_dir=${2:?usage: test-deb-install.sh BUILD_DIR SOURCE_DIR}
build=$(cd -- "$build" && pwd -P)
source_dir=$(cd -- "$source_dir" && pwd -P)
work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT
failures=0
passes=0
check() {  # check DESCRIPTION COMMAND...: one line per check, and the script fails if any did
  local what=$1; shift
  if "$@"; then echo "ok: $what"; passes=$((passes + 1)); else echo "FAILED: $what"; failures=$((failures + 1)); fi
}

(cd "$build" && cpack -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; echo "FAILED: cpack"; exit 1; }
deb=$(ls "$work"/pkg/*.deb)
echo "package: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
root="$work/root"
dpkg -x "$deb" "$root"
# Every Qt library the binary links (libQt6Charts.so.6 -> libqt6charts6) must be a dependency, plus the
# SQLite driver plugin and the interpreters, which no linker can see.
qt_packages=$(objdump -p "$root/usr/bin/showdown" | sed -n 's/^ *NEEDED *libQt6\([A-Za-z]*\)\.so\.6$/libqt6\L\1\E6/p')
check "the binary links Qt" test -n "$qt_packages"
for dependency in nodejs python3 libqt6sql6-sqlite $qt_packages; do
  check "Depends names $dependency" grep -qE "(^|, )$dependency( |,|$)" <<<"$depends"
done
for file in usr/bin/showdown usr/lib/showdown/showdown-exec usr/share/showdown/benchmarks/manifest.json \
            usr/share/applications/showdown.desktop usr/share/metainfo/io.github.showdown.Showdown.metainfo.xml \
            usr/share/icons/hicolor/scalable/apps/showdown.svg usr/share/man/man1/showdown.1.gz \
            usr/share/mime/packages/showdown.xml; do
  check "installs /$file" test -s "$root/$file"
done
if [[ -d "$source_dir/resources/data" ]]; then
  check "installs /usr/share/showdown/data" test -d "$root/usr/share/showdown/data"
fi
check "the man page is gzip" gzip -t "$root/usr/share/man/man1/showdown.1.gz"
if command -v appstreamcli >/dev/null; then
  check "metainfo is valid (appstreamcli)" appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.showdown.Showdown.metainfo.xml"
fi
if command -v desktop-file-validate >/dev/null; then
  check "desktop entry is valid" desktop-file-validate "$root/usr/share/applications/showdown.desktop"
fi

# Run the installed binary from / with a fresh HOME and no build or source paths in the environment. Where
# this user may make a mount namespace, the source tree's resources are hidden too, so the binary can only
# succeed by finding its installed files.
home="$work/home"
mkdir -p "$home"
# in_installed_env [VAR=VALUE...] COMMAND ARGS...: from /, with only HOME, a PATH that finds the installed
# showdown first, and the offscreen platform.
in_installed_env() {
  local script='cd / && exec env -i HOME="$1" PATH="$2/usr/bin:/usr/bin:/bin" QT_QPA_PLATFORM=offscreen "${@:3}"'
  if [[ ${SHOWDOWN_TEST_HIDE:-1} == 1 ]] && unshare --mount true 2>/dev/null; then
    unshare --mount bash -c "mount -t tmpfs none '$source_dir/resources' && $script" _ "$home" "$root" "$@"
  else
    bash -c "$script" _ "$home" "$root" "$@"
  fi
}
run_installed() { in_installed_env "$root/usr/bin/showdown" "$@"; }
if unshare --mount true 2>/dev/null; then echo "source tree hidden in a mount namespace"; else echo "note: cannot hide the source tree (no mount namespace)"; fi

version=$(run_installed --version)
check "showdown --version prints the version ($version)" grep -qE '^showdown [0-9]+\.[0-9]+\.[0-9]+$' <<<"$version"
run_installed benchmarks --json >"$work/benchmarks.json"
check "benchmarks --json lists the benchmarks" /usr/bin/python3 -c '
import json, sys
data = json.load(open(sys.argv[1]))
names = [b["name"] for b in data["benchmarks"]]
assert len(names) >= 5 and "nbody" in names, names
' "$work/benchmarks.json"
run_installed run --suite quick --only startup,fib --db "$home/results.sqlite" --json >"$work/run.json"
check "the installed binary runs benchmarks ($(cat "$work/run.json"))" /usr/bin/python3 -c '
import json, sys
data = json.load(open(sys.argv[1]))
assert data["status"] == "complete" and data["processes"] > 0 and data["invalid"] == 0, data
' "$work/run.json"

# ---- .showdown files open like documents
run_installed export 1 --db "$home/results.sqlite" --showdown "$home/x.showdown" >/dev/null
check "the installed binary saves a .showdown file" test -s "$home/x.showdown"
if [[ -f /var/lib/dpkg/triggers/File ]]; then
  # Informational on this machine: the path the package installs into is one a trigger rebuilds caches for.
  check "dpkg triggers watch /usr/share/mime/packages" grep -q '^/usr/share/mime/packages ' /var/lib/dpkg/triggers/File
  check "dpkg triggers watch /usr/share/applications" grep -q '^/usr/share/applications ' /var/lib/dpkg/triggers/File
fi
update-mime-database "$root/usr/share/mime"
update-desktop-database "$root/usr/share/applications"
mkdir -p "$work/xdg-config"
xdg_env=(env -i HOME="$home" PATH=/usr/bin:/bin XDG_DATA_DIRS="$root/usr/share" XDG_DATA_HOME="$home/.local/share"
         XDG_CONFIG_HOME="$home/.config" XDG_CONFIG_DIRS="$work/xdg-config")
filetype=$("${xdg_env[@]}" xdg-mime query filetype "$home/x.showdown" || true)
check "xdg-mime types x.showdown as application/x-showdown (got: $filetype)" test "$filetype" = application/x-showdown
if command -v gio >/dev/null; then
  filetype=$("${xdg_env[@]}" XDG_CURRENT_DESKTOP=GNOME xdg-mime query filetype "$home/x.showdown" || true)
  check "GIO (a GNOME desktop) types x.showdown as application/x-showdown (got: $filetype)" test "$filetype" = application/x-showdown
fi
handler=$("${xdg_env[@]}" xdg-mime query default application/x-showdown || true)
check "xdg-mime names showdown.desktop for application/x-showdown (got: $handler)" test "$handler" = showdown.desktop

# Open it as a file manager would: the desktop entry's Exec line, %f replaced by the file. The test hook makes
# the window say what it opened once the file's sets are shown, and quit.
exec_line=$(sed -n 's/^Exec=//p' "$root/usr/share/applications/showdown.desktop")
check "the Exec line takes a file (%f): $exec_line" grep -q '%f' <<<"$exec_line"
read -ra exec_words <<<"$exec_line"
command_words=()
for word in "${exec_words[@]}"; do
  case $word in
    %f) command_words+=("$home/x.showdown") ;;
    %?) ;;
    *) command_words+=("$word") ;;
  esac
done
before=$(sha256sum <"$home/x.showdown"; stat -c %Y "$home/x.showdown")
opened=$(in_installed_env timeout 120 env SHOWDOWN_TEST_QUIT_WHEN_OPEN=1 "${command_words[@]}" 2>"$work/open.err" || true)
check "the desktop entry opens x.showdown in the window (got: $opened $(tail -c 300 "$work/open.err"))" \
  test "$opened" = "opened $home/x.showdown (read-only)"
check "opening left x.showdown byte for byte and time for time as it was" test "$before" = "$(sha256sum <"$home/x.showdown"; stat -c %Y "$home/x.showdown")"

echo "$passes passed, $failures failed"
exit $((failures == 0 ? 0 : 1))
