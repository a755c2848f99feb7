#!/usr/bin/env bash
# Renders a handful of pages of the demo compilation (МОГО «Инта», ГИА-9 2019, as `bench reports` generates it)
# into docs/screenshots/reports/: DOCX → PDF by LibreOffice headless, PDF pages → PNG by pdftoppm (poppler-utils).
# Usage: scripts/report-screenshots.sh [--no-build]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/docs/screenshots/reports"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in soffice pdftoppm pdftotext pdfinfo; do
  command -v "$tool" >/dev/null || { echo "Не найден $tool: установите libreoffice-writer-nogui и poppler-utils." >&2; exit 1; }
done
if [[ "${1:-}" != "--no-build" ]]; then
  dotnet build "$root/bench/GiaDesk.Bench" -c Release -nologo -clp:ErrorsOnly
fi
dotnet "$root/bench/GiaDesk.Bench/bin/Release/net10.0/GiaDesk.Bench.dll" reports --runs 0 --out "$work" >/dev/null
pdf="$work/compilation.pdf"
[[ -s "$pdf" ]] || { echo "PDF не создан" >&2; exit 1; }

pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
# The first page where a text occurs (pdftotext per page).
page_with() {
  for ((p = 1; p <= pages; p++)); do
    text=$(pdftotext -f "$p" -l "$p" "$pdf" - | tr '\n' ' ' | tr -s ' ')
    if [[ "$text" == *"$1"* ]]; then echo "$p"; return; fi
  done
}
declare -A wanted=(
  [01-title]=1
  [02-contents]=2
  [03-participants]=$(page_with "Участники ГИА по общеобразовательным организациям")
  [04-bar-chart]=$(page_with "Рисунок 1 ")
  [05-dynamics]=$(page_with "Динамика показателей")
  [06-average-by-school]=$(page_with "Средний результат по предметам в разрезе ОО")
  [07-heat-map]=$(page_with "ОО × предмет")
  [08-objectivity]=$(page_with "Сигналы возможной необъективности")
)
mkdir -p "$out"
rm -f "$out"/*.png
for name in "${!wanted[@]}"; do
  page=${wanted[$name]}
  [[ -n "$page" ]] || { echo "Страница для $name не найдена" >&2; continue; }
  pdftoppm -f "$page" -l "$page" -r 70 -png -singlefile "$pdf" "$out/$name"
done
ls -1 "$out"
