#!/usr/bin/env bash
# Regenerates the LibreOffice-saved import fixtures in tests/fixtures/import/ from their source,
# cbic-messy.fods (a flat OpenDocument spreadsheet, readable as text). Needs LibreOffice Calc
# (Debian: apt-get install libreoffice-calc-nogui); CI has none and uses the committed files.
# Each file is described in tests/fixtures/import/SOURCES.md.
set -euo pipefail

cd "$(dirname "$0")/../tests/fixtures/import"
SRC=cbic-messy.fods
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
CSV='Text - txt - csv (StarCalc)'

# convert FILTER OUTPUT: one soffice run into a scratch directory, then the fixture's name.
convert() {
  local filter=$1 out=$2 ext=${1%%:*}
  rm -rf "$TMP/out"
  soffice --headless --convert-to "$filter" --outdir "$TMP/out" "$SRC" >/dev/null 2>&1
  mv "$TMP/out/cbic-messy.$ext" "$out"
  echo "wrote $out"
}

# CSV filter options: field separator, text delimiter, character set (76 UTF-8, 65535 UTF-16LE
# "Unicode", 1 Windows-1252), first line — as code points, so 44 is "," 59 ";" 9 tab, 34 '"'.
convert "csv:$CSV:44,34,76,1" cbic-messy-utf8.csv
convert "csv:$CSV:59,34,76,1" cbic-messy-semicolon.csv
convert "txt:$CSV:9,34,65535,1" cbic-messy-utf16le-tab.txt
convert "csv:$CSV:44,34,1,1" cbic-messy-windows1252.csv
convert "xlsx:Calc MS Excel 2007 XML" cbic-messy.xlsx
convert "ods:calc8" cbic-messy.ods

# LibreOffice 7.4 has no "include BOM" option; Excel's "CSV UTF-8" is the same bytes behind a BOM.
printf '\xef\xbb\xbf' | cat - cbic-messy-utf8.csv > cbic-messy-utf8-bom.csv
echo "wrote cbic-messy-utf8-bom.csv"
# Some Windows tools write UTF-16 without its byte-order mark.
tail -c +3 cbic-messy-utf16le-tab.txt > cbic-messy-utf16le-tab-nobom.txt
echo "wrote cbic-messy-utf16le-tab-nobom.txt"
