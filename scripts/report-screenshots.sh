#!/usr/bin/env bash
# Renders pages of the demo compilation (МОГО «Инта», ГИА-9 2019 with 2018 for the dynamics, as `bench reports`
# generates it) into docs/screenshots/reports/: DOCX → PDF by LibreOffice headless, PDF pages → PNG by pdftoppm
# (poppler-utils) at 60 dpi: the first 8 pages, the first page with a chart (besides those) and the first landscape page.
# Usage: scripts/report-screenshots.sh [--no-build]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/docs/screenshots/reports"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dpi=60
first_pages=8

for tool in soffice pdftoppm pdftotext pdfinfo; do
  command -v "$tool" >/dev/null || { echo "Не найден $tool: установите libreoffice-writer-nogui и poppler-utils." >&2; exit 1; }
done
if [[ "${1:-}" != "--no-build" ]]; then
  dotnet build "$root/bench/GiaDesk.Bench" -c Release -nologo -clp:ErrorsOnly
fi
dotnet "$root/bench/GiaDesk.Bench/bin/Release/net10.0/GiaDesk.Bench.dll" reports --runs 0 --phases no --out "$work" >/dev/null
pdf="$work/compilation.pdf"
[[ -s "$pdf" ]] || { echo "PDF не создан" >&2; exit 1; }

pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
# The first page after the first pages where a text occurs (pdftotext per page).
page_with() {
  for ((p = first_pages + 1; p <= pages; p++)); do
    text=$(pdftotext -f "$p" -l "$p" "$pdf" - | tr '\n' ' ' | tr -s ' ')
    if [[ "$text" == *"$1"* ]]; then echo "$p"; return; fi
  done
}
# The first landscape page after the first pages (width > height in pdfinfo's «Page N size: W x H pts»).
landscape=$(pdfinfo -f 1 -l "$pages" "$pdf" | awk -v n="$first_pages" '/^Page +[0-9]+ size:/ { if ($2 + 0 > n && $4 + 0 > $6 + 0) { print $2; exit } }')
chart=$(page_with "Рисунок ")

mkdir -p "$out"
rm -f "$out"/*.png
shot() { pdftoppm -f "$1" -l "$1" -r "$dpi" -png -singlefile "$pdf" "$out/$2"; }
for ((p = 1; p <= first_pages && p <= pages; p++)); do
  shot "$p" "$(printf 'page-%02d' "$p")"
done
[[ -n "$chart" ]] && shot "$chart" "$(printf 'page-%02d-chart' "$chart")"
[[ -n "$landscape" ]] && shot "$landscape" "$(printf 'page-%02d-landscape' "$landscape")"
echo "$pages страниц; сохранены:"
ls -1 "$out"
