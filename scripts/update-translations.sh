#!/bin/sh
# English translation of the user interface (Vietnamese is the source language).
#
#   scripts/update-translations.sh          add new tr() strings of app/ to app/i18n/planmap_en.ts
#   scripts/update-translations.sh --check  fail, listing them, if any string lacks an English translation
#
# LUPDATE may name the lupdate binary (default: Qt 6's, from qt6-l10n-tools).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
ts="$root/app/i18n/planmap_en.ts"

if [ "${1:-}" = "--check" ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    cp "$ts" "$tmp/planmap_en.ts"
    "$lupdate" -silent "$root/app/gui" "$root/app/cli" -locations none -no-obsolete -ts "$tmp/planmap_en.ts" 2>/dev/null
    missing=$(grep -c 'type="unfinished"' "$tmp/planmap_en.ts" || true)
    if [ "$missing" != "0" ]; then
        echo "app/i18n/planmap_en.ts: $missing string(s) without an English translation" >&2
        echo "(run scripts/update-translations.sh, then translate them):" >&2
        grep -B2 'type="unfinished"' "$tmp/planmap_en.ts" | grep '<source>' | sed 's/^ *<source>/  /; s/<\/source>$//' >&2
        exit 1
    fi
    echo "app/i18n/planmap_en.ts: every string is translated"
    exit 0
fi

"$lupdate" -silent "$root/app/gui" "$root/app/cli" -locations none -no-obsolete -ts "$ts"
echo "updated $ts; strings to translate: $(grep -c 'type="unfinished"' "$ts" || true)"
