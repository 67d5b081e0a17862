#!/usr/bin/env bash
# Put SoS Desktop in this user's application menu (freedesktop.org menus: GNOME, KDE, Xfce, ...).
#
#   packaging/linux/install-desktop-entry.sh [PATH/TO/sos-desktop]
#   packaging/linux/install-desktop-entry.sh --uninstall
#
# Copies packaging/linux/sos-desktop.desktop into ~/.local/share/applications and the icon (SVG and PNG sizes)
# into ~/.local/share/icons/hicolor. Menus start programs without your shell's PATH additions, so the entry's
# Exec is set to the full path of the program: the one given, else the `sos-desktop` found on PATH (a pip or
# pipx install, or the PyInstaller bundle's build/dist/sos-desktop/sos-desktop). Nothing needs root.
# The bundle carries a copy of this script and the entry in sos-desktop/_internal/linux/; run from there, it
# installs that bundle's program.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -d "$here/../sos_desktop/resources/icons" ]; then
    icons="$here/../sos_desktop/resources/icons"   # inside a bundle's _internal folder
    bundled="$here/../../sos-desktop"
else
    icons="$here/../../sos_desktop/resources/icons" # in a clone of the repository
    bundled=
fi
data="${XDG_DATA_HOME:-$HOME/.local/share}"
apps="$data/applications"
hicolor="$data/icons/hicolor"
sizes="16 32 48 64 128 256"

refresh() {
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t -f "$hicolor" || true
}

if [ "${1:-}" = --uninstall ]; then
    rm -f "$apps/sos-desktop.desktop" "$hicolor/scalable/apps/sos-desktop.svg"
    for size in $sizes; do rm -f "$hicolor/${size}x${size}/apps/sos-desktop.png"; done
    refresh
    echo "Removed SoS Desktop from the application menu."
    exit 0
fi

if [ -n "${1:-}" ]; then
    program=$1
elif [ -n "$bundled" ] && [ -x "$bundled" ]; then
    program=$bundled
else
    program=$(command -v sos-desktop || true)
fi
if [ -z "$program" ] || [ ! -x "$program" ]; then
    echo "Cannot find the sos-desktop program; give its path, e.g. $0 \"\$HOME/sos/.venv/bin/sos-desktop\"." >&2
    exit 1
fi
program=$(cd "$(dirname "$program")" && pwd)/$(basename "$program")
case "$program" in
*[[:space:]\"\'\\\`\$]*)
    echo "The path $program holds spaces or quotes; move SoS Desktop to a plainer path and try again." >&2
    exit 1
    ;;
esac

mkdir -p "$apps" "$hicolor/scalable/apps"
sed -e "s|^Exec=.*|Exec=$program|" -e "s|^TryExec=.*|TryExec=$program|" \
    "$here/sos-desktop.desktop" >"$apps/sos-desktop.desktop"
install -m 644 "$icons/sos-desktop.svg" "$hicolor/scalable/apps/sos-desktop.svg"
for size in $sizes; do
    mkdir -p "$hicolor/${size}x${size}/apps"
    install -m 644 "$icons/sos-desktop-$size.png" "$hicolor/${size}x${size}/apps/sos-desktop.png"
done
refresh
echo "SoS Desktop is in the application menu (Office); it starts $program."
