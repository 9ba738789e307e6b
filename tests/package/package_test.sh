#!/usr/bin/env bash
# Builds the Debian package from the existing build tree (cpack; nothing is recompiled when the build is up
# to date), checks its contents, control data, desktop entry and MIME type, unpacks it into a temporary root
# and runs the installed programs from there. Run by ctest (label "package"):
#   package_test.sh BUILD_DIR VERSION
set -euo pipefail
build=$1
version=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log" >&2; fail "cpack"; }
deb=$tmp/out/lagebild_${version}_amd64.deb
[ -f "$deb" ] || fail "no $deb (cpack wrote: $(ls "$tmp/out"))"
echo "package: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"

# [contents]
dpkg-deb -c "$deb" | awk '{print $6}' >"$tmp/contents"
for path in ./usr/bin/lagebild ./usr/bin/lagebild-gui ./usr/share/lagebild/styles/default.json \
    ./usr/share/lagebild/help/de/manual.md ./usr/share/lagebild/help/en/manual.md \
    ./usr/share/applications/de.lagebild.Lagebild.desktop ./usr/share/mime/packages/lagebild.xml \
    ./usr/share/icons/hicolor/scalable/apps/lagebild.svg ./usr/share/icons/hicolor/48x48/apps/lagebild.png \
    ./usr/share/icons/hicolor/256x256/apps/lagebild.png ./usr/share/doc/lagebild/third_party_notes.md; do
    grep -qxF "$path" "$tmp/contents" || fail "$path is not in the package"
done
# Nothing from the test suite, the benchmarks or the static libraries.
if grep -E '_tests$|bench|\.a$|/include/' "$tmp/contents"; then fail "build-only files in the package"; fi

# [control] Depends from dpkg-shlibdeps plus what the programs open at run time.
dpkg-deb -I "$deb" >"$tmp/control"
grep -q '^ Package: lagebild$' "$tmp/control" || fail "package name"
grep -q "^ Version: ${version}\$" "$tmp/control" || fail "version"
grep -q '^ Architecture: amd64$' "$tmp/control" || fail "architecture"
depends=$(sed -n 's/^ Depends: //p' "$tmp/control")
echo "Depends: $depends"
for dep in libgdal libproj libgeos-c libspatialite libsqlite3 libglfw3 libepoxy libcairo2 libfreetype \
    fonts-dejavu-core libegl-mesa0 libgl1-mesa-dri; do
    [[ ",$depends" == *[\ ,]$dep* ]] || fail "Depends lacks $dep"
done

# [unpacked] dpkg -x into a temporary root: what /usr would hold.
root=$tmp/root
dpkg -x "$deb" "$root"
desktop-file-validate "$root/usr/share/applications/de.lagebild.Lagebild.desktop" || fail "desktop entry"
grep -q '^Name\[de\]=' "$root/usr/share/applications/de.lagebild.Lagebild.desktop" || fail "no German name"
grep -q '^Comment\[de\]=' "$root/usr/share/applications/de.lagebild.Lagebild.desktop" || fail "no German comment"
if command -v update-mime-database >/dev/null; then
    # The MIME database a desktop builds from the package: *.lagebild and the SQLite header with "LBLD".
    XDG_DATA_DIRS=$root/usr/share update-mime-database "$root/usr/share/mime" 2>"$tmp/mime.log" || { cat "$tmp/mime.log" >&2; fail "MIME type"; }
    [ ! -s "$tmp/mime.log" ] || { cat "$tmp/mime.log" >&2; fail "MIME type warnings"; }
    grep -q '^application/x-lagebild-project:\*\.lagebild$' "$root/usr/share/mime/globs" || fail "no *.lagebild glob"
    grep -q 'application/x-lagebild-project' "$root/usr/share/mime/magic" || fail "no magic for projects"
fi
for program in lagebild lagebild-gui; do
    if readelf -d "$root/usr/bin/$program" | grep -E 'R(UN)?PATH'; then fail "$program keeps an RPATH"; fi
done

# [run] The installed programs from the temporary root.
out=$("$root/usr/bin/lagebild" --version)
[ "$out" = "lagebild $version" ] || fail "--version printed '$out'"
"$root/usr/bin/lagebild-gui" --help >/dev/null || fail "lagebild-gui --help"
# The installed style is the one used (share/lagebild next to bin/), not the source tree's.
"$root/usr/bin/lagebild" init "$tmp/p.lagebild" >/dev/null
"$root/usr/bin/lagebild" render "$tmp/p.lagebild" --out "$tmp/p.png" --size 64x64 2>"$tmp/render.err" ||
    { cat "$tmp/render.err" >&2; fail "render with the installed style"; }
if command -v gio >/dev/null && [ -f "$root/usr/share/mime/mime.cache" ]; then
    # What a file manager (GLib) makes of files: a project by name, a project by content, another database.
    cp "$tmp/p.lagebild" "$tmp/p.sqlite"
    sqlite3 "$tmp/other.sqlite" 'CREATE TABLE t (x)'
    type_of() { XDG_DATA_DIRS=$root/usr/share:/usr/share gio info -a standard::content-type "$1" | sed -n 's/.*content-type: //p'; }
    [ "$(type_of "$tmp/p.lagebild")" = application/x-lagebild-project ] || fail "p.lagebild is $(type_of "$tmp/p.lagebild")"
    [ "$(type_of "$tmp/p.sqlite")" = application/x-lagebild-project ] || fail "p.sqlite is $(type_of "$tmp/p.sqlite")"
    [ "$(type_of "$tmp/other.sqlite")" != application/x-lagebild-project ] || fail "any SQLite file is a project"
fi
echo '{ broken' >"$root/usr/share/lagebild/styles/default.json"
set +e
"$root/usr/bin/lagebild" render "$tmp/p.lagebild" --out "$tmp/q.png" --size 64x64 2>"$tmp/render.err"
rc=$?
set -e
[ "$rc" = 2 ] || fail "render with a broken installed style exited $rc"
grep -qF "$root/usr/share/lagebild/styles/default.json" "$tmp/render.err" ||
    { cat "$tmp/render.err" >&2; fail "the installed style was not read"; }
# `lagebild gui` starts the lagebild-gui beside it (here without a display, so that one fails on its own).
set +e
env -u DISPLAY -u WAYLAND_DISPLAY "$root/usr/bin/lagebild" gui "$tmp/p.lagebild" >/dev/null 2>"$tmp/gui.err"
set -e
if grep -q 'was not found' "$tmp/gui.err"; then cat "$tmp/gui.err" >&2; fail "lagebild gui did not find lagebild-gui"; fi
grep -q '^lagebild-gui' "$tmp/gui.err" || { cat "$tmp/gui.err" >&2; fail "lagebild gui did not start lagebild-gui"; }
echo "package test passed"
