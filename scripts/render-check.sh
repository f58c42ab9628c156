#!/bin/sh
# Renders every SVG of a map folder the way a browser does and checks that
# none comes out blank. Uses headless Chromium when installed (the real
# check), else rsvg-convert (librsvg2-bin). PNGs are left beside the SVGs
# for a look.
# Usage: scripts/render-check.sh [DIR]   (default: graphs)
set -eu
dir=${1:-graphs}
[ -d "$dir" ] || { echo "render-check: $dir is not a folder" >&2; exit 2; }
chromium=""
for c in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    [ -x "$c" ] && { chromium=$c; break; }
done
if [ -z "$chromium" ] && ! command -v rsvg-convert >/dev/null 2>&1; then
    echo "render-check: install chromium or librsvg2-bin first" >&2
    exit 2
fi
status=0
for svg in "$dir"/*.svg; do
    png="${svg%.svg}.png"
    rm -f "$png"
    if [ -n "$chromium" ]; then
        "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars \
            --window-size=1600,1200 --screenshot="$png" "file://$(realpath "$svg")" \
            >/dev/null 2>&1 || true
    else
        rsvg-convert -b white "$svg" -o "$png"
    fi
    if [ ! -s "$png" ]; then
        echo "FAIL $svg: nothing rendered" >&2
        status=1
        continue
    fi
    size=$(wc -c < "$png")
    # A blank page compresses to a few kB; a drawing does not.
    if [ "$size" -lt 20000 ]; then
        echo "FAIL $svg: looks blank ($size bytes)" >&2
        status=1
    else
        echo "ok   $svg -> $png ($size bytes)"
    fi
done
exit $status
