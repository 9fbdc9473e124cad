#!/usr/bin/env bash
# Prepare a development environment; safe to run again (a second run takes about a second).
#
#   scripts/bootstrap.sh           .venv: AgentDesk with Qt, the server drivers and the dev tools
#   scripts/bootstrap.sh --core    .venv-core: AgentDesk without Qt, the server drivers, pytest
#   scripts/bootstrap.sh --force   reinstall the Python packages even if pyproject.toml is unchanged
#
# PYTHON=/path/to/python3 chooses the interpreter used to create a new environment.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

mode=full
force=0
for arg in "$@"; do
    case "$arg" in
        --core) mode=core ;;
        --force) force=1 ;;
        -h | --help)
            sed -n '2,8s/^# \{0,1\}//p' "$0"
            exit 0
            ;;
        *)
            echo "bootstrap: unknown argument: $arg (try --help)" >&2
            exit 2
            ;;
    esac
done

say() { printf 'bootstrap: %s\n' "$*"; }

# Runtime libraries of PySide6 6.11's xcb and wayland platform plugins, and a CJK font.
# "a|b" means either package will do (Debian 13 and Ubuntu 24.04 renamed some with a t64 suffix).
system_packages="libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
    libfreetype6 libdbus-1-3 libglib2.0-0t64|libglib2.0-0 libx11-xcb1 libxcb-cursor0
    libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
    libxcb-render-util0 libxcb-image0 libxcb-xkb1 libxrender1 libxi6 libsm6 libice6
    libwayland-client0 libwayland-cursor0 libwayland-egl1 fonts-noto-cjk"

apt_candidate() {
    # Prints the first alternative of "a|b" that apt can install.
    local alternative version
    for alternative in $(printf '%s' "$1" | tr '|' ' '); do
        version=$(apt-cache policy "$alternative" 2>/dev/null | awk '$1 == "Candidate:" { print $2 }')
        if [ -n "$version" ] && [ "$version" != "(none)" ]; then
            printf '%s\n' "$alternative"
            return 0
        fi
    done
    return 1
}

ensure_system_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        if [ "$(uname -s)" = Linux ]; then
            say "not a Debian-like system: make sure Qt's xcb libraries and a CJK font are installed"
        fi
        return 0
    fi
    local names installed spec alternative missing="" found
    names=$(printf '%s' "$system_packages" | tr -s ' |\n' '\n')
    # shellcheck disable=SC2086 # word splitting wanted: one argument per package name
    installed=" $(dpkg-query -W -f='${Package} ${Status}\n' $names 2>/dev/null |
        awk '$NF == "installed" { printf "%s ", $1 }')"
    for spec in $system_packages; do
        found=0
        for alternative in $(printf '%s' "$spec" | tr '|' ' '); do
            case "$installed" in *" $alternative "*) found=1 ;; esac
        done
        [ "$found" = 1 ] || missing="$missing $spec"
    done
    if [ -z "$missing" ]; then
        say "system packages: ok"
        return 0
    fi
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        local hint=""
        for spec in $missing; do
            alternative=$(apt_candidate "$spec") || alternative=${spec%%|*}
            hint="$hint $alternative"
        done
        say "missing system packages:$missing"
        say "install them with: sudo apt-get install$hint"
        return 0
    fi
    say "installing system packages:$missing"
    if ! DEBIAN_FRONTEND=noninteractive apt-get update -qq; then
        say "warning: apt-get update failed; trying the package lists already present"
    fi
    local install=""
    for spec in $missing; do
        if alternative=$(apt_candidate "$spec"); then
            install="$install $alternative"
        else
            say "warning: no installable package for $spec; skipped"
        fi
    done
    [ -n "$install" ] || return 0
    # shellcheck disable=SC2086 # one argument per package name
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $install \
        >/dev/null; then
        say "warning: apt-get install failed; the GUI may not start (offscreen tests still can)"
    fi
}

python_ok() {
    "$@" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1
}

find_python() {
    local candidate
    for candidate in ${PYTHON:-} python3 python3.14 python3.13 python3.12 python3.11 python; do
        command -v "$candidate" >/dev/null 2>&1 || continue
        if python_ok "$candidate"; then
            printf '%s\n' "$candidate"
            return 0
        fi
    done
    return 1
}

ensure_venv() {
    local venv=$1 python
    if [ -x "$venv/bin/python" ] &&
        "$venv/bin/python" -c 'import sys, pip; sys.exit(sys.version_info < (3, 11))' \
            >/dev/null 2>&1; then
        return 0
    fi
    if [ -e "$venv" ]; then
        say "$venv does not work; recreating it"
        rm -rf "$venv"
    fi
    if ! python=$(find_python); then
        say "error: no Python 3.11 or newer found (set PYTHON=/path/to/python3)" >&2
        exit 1
    fi
    say "creating $venv with $python ($("$python" -c 'import platform; print(platform.python_version())'))"
    if ! "$python" -m venv "$venv"; then
        rm -rf "$venv"
        say "error: '$python -m venv' failed; on Debian/Ubuntu install python3-venv" >&2
        exit 1
    fi
}

fingerprint() {
    # Hash of everything the installed packages depend on, so an unchanged project is skipped.
    local files="pyproject.toml"
    [ "$mode" = core ] && files="$files scripts/core_requirements.py"
    # shellcheck disable=SC2086 # one argument per file
    {
        printf 'mode=%s\n' "$mode"
        if command -v sha256sum >/dev/null 2>&1; then
            sha256sum $files
        elif command -v shasum >/dev/null 2>&1; then
            shasum -a 256 $files
        else
            cksum $files
        fi
    } | awk '{ print $1 }'
}

install_packages() {
    local venv=$1 stamp="$1/.agentdesk-bootstrap" wanted
    local pip="$venv/bin/python -m pip --disable-pip-version-check"
    wanted=$(fingerprint)
    if [ "$force" = 0 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
        say "$venv: packages up to date"
        return 0
    fi
    rm -f "$stamp"
    $pip install -q --upgrade pip
    if [ "$mode" = core ]; then
        say "$venv: installing AgentDesk without Qt"
        "$venv/bin/python" scripts/core_requirements.py --with-test-tools >"$venv/core-requirements.txt"
        $pip install -q -r "$venv/core-requirements.txt"
        $pip install -q --no-deps -e .
    else
        say "$venv: installing AgentDesk with the dev tools"
        $pip install -q -e ".[dev]"
    fi
    printf '%s\n' "$wanted" >"$stamp"
}

if [ "$mode" = core ]; then
    venv=.venv-core
else
    venv=.venv
    ensure_system_packages
fi
ensure_venv "$venv"
install_packages "$venv"
if [ "$mode" = full ]; then
    "$venv/bin/python" scripts/build_resources.py
fi
say "$venv ready ($("$venv/bin/python" -c 'import platform; print("Python", platform.python_version())'))"
