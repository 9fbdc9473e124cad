#!/usr/bin/env bash
# Build dist/AgentDesk-VERSION-ARCH.AppImage: the PyInstaller folder inside an AppDir, packed by
# appimagetool. Downloads nothing: PyInstaller must be installed in .venv and appimagetool be on
# PATH. Without appimagetool the finished AppDir is left in build/AgentDesk.AppDir.
#
#   APPIMAGE_RUNTIME=/path/to/runtime-x86_64  passed to appimagetool as --runtime-file, so that
#                                             it does not fetch the runtime itself
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
python=.venv/bin/python
appdir=build/AgentDesk.AppDir

say() { printf 'appimage: %s\n' "$*"; }

bash scripts/bootstrap.sh
if ! "$python" -c 'import PyInstaller' >/dev/null 2>&1; then
    say "PyInstaller is not installed in .venv: run '$python -m pip install pyinstaller'" >&2
    exit 1
fi

say "building the PyInstaller folder"
"$python" -m PyInstaller --noconfirm --log-level WARN \
    --distpath build/pyinstaller --workpath build/pyinstaller-work installer/agentdesk.spec

version=$("$python" -c 'import agentdesk; print(agentdesk.__version__)')
arch=$(uname -m)

say "assembling $appdir"
rm -rf "$appdir"
mkdir -p "$appdir/usr/lib" "$appdir/usr/bin" "$appdir/usr/share/applications" \
    "$appdir/usr/share/icons/hicolor/scalable/apps"
cp -a build/pyinstaller/agentdesk "$appdir/usr/lib/agentdesk"
ln -s ../lib/agentdesk/agentdesk "$appdir/usr/bin/agentdesk"
cp resources/agentdesk.desktop "$appdir/usr/share/applications/agentdesk.desktop"
cp resources/icons/agentdesk.svg "$appdir/usr/share/icons/hicolor/scalable/apps/agentdesk.svg"
# appimagetool wants the desktop entry and its icon at the top of the AppDir.
ln -s usr/share/applications/agentdesk.desktop "$appdir/agentdesk.desktop"
ln -s usr/share/icons/hicolor/scalable/apps/agentdesk.svg "$appdir/agentdesk.svg"
ln -s agentdesk.svg "$appdir/.DirIcon"
cat >"$appdir/AppRun" <<'APPRUN'
#!/bin/sh
# Entry point of the AgentDesk AppImage.
here=$(dirname "$(readlink -f "$0")")
exec "$here/usr/lib/agentdesk/agentdesk" "$@"
APPRUN
chmod 0755 "$appdir/AppRun"

if ! command -v appimagetool >/dev/null 2>&1; then
    say "the AppDir is ready and runs as is: $appdir/AppRun"
    say "appimagetool is not on PATH, so no .AppImage was packed. It is not in Debian's archive"
    say "or on PyPI: take appimagetool-$arch.AppImage (and runtime-$arch, for APPIMAGE_RUNTIME)"
    say "from the AppImage project's releases on a machine with that access, copy them here,"
    say "make appimagetool executable, put it on PATH and run this script again."
    exit 0
fi

mkdir -p dist
output="dist/AgentDesk-$version-$arch.AppImage"
runtime_args=()
if [ -n "${APPIMAGE_RUNTIME:-}" ]; then
    runtime_args=(--runtime-file "$APPIMAGE_RUNTIME")
fi
say "packing $output"
ARCH=$arch appimagetool --no-appstream ${runtime_args[@]+"${runtime_args[@]}"} "$appdir" "$output"
say "done: $output"
