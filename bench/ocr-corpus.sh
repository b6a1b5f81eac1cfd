#!/usr/bin/env bash
# OCR on scans made by other hands: the acuerdo corpus (testdata/acuerdos),
# typeset by Chromium, LibreOffice and groff, scanned by generar.py with
# ImageMagick (300 dpi gray: turned up to ±1.5°, Gaussian noise, blur, JPEG
# q50-60) and as 200 dpi bilevel (threshold, CCITT G4). Each tool reads the
# same TIFF in the same run:
#   mpp ocr (one Tesseract per core, in process);
#   ocrmypdf -l spa --jobs N --deskew, text read back with pdftotext -layout
#     (plain pdftotext reorders its text layer).
# The reference is the born-digital PDF's own text (pdftotext -layout): what
# the page prints, set down by the producer, not by mpp. CER and WER depend
# on reading order (a table's cells side by side are interleaved line by
# line in the reference, row by row in mpp's text); «recuperado» does not:
# the share of the reference's characters in words read exactly.
#
#   bash bench/ocr-corpus.sh [CARPETA_DE_ESCANEOS]
# Without a folder the 18 scans are made first (some 9 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
source bench/arbol.sh
source bench/maquina.sh
apt_install_missing ocrmypdf poppler-utils tesseract-ocr tesseract-ocr-spa imagemagick time python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scans=${1:-}
if [ -z "$scans" ]; then
	scans="$work/escaneos"
	python3 testdata/acuerdos/generar.py escanear "$scans" >/dev/null
fi
go build -o "$work/mpp" ./cmd/mpp
go build -o "$work/cer" ./bench/cer
n=$(nproc)

maquina
echo "| productor | acuerdo | escaneo | páginas | mpp s | mpp CER % | mpp recuperado % | ocrmypdf s | ocrmypdf CER % | ocrmypdf recuperado % |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"

for f in "$scans"/*.tif; do
	b=$(basename "$f" .tif)                  # chromium-INE-JGE248-2022-gris300
	prod=${b%%-*}; rest=${b#*-}; model=${rest##*-}; acuerdo=${rest%-*}
	truth="$work/$b.verdad.txt"
	pdftotext -layout "testdata/acuerdos/$prod/$acuerdo.pdf" "$truth"
	pages=$(tiffinfo "$f" 2>/dev/null | grep -c "TIFF Directory" || true)

	start=$(date +%s.%N)
	"$work/mpp" ocr "$f" -o "$work/$b.mpp.txt" --forzar >/dev/null 2>&1
	ms=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
	read -r mc _ mr < <("$work/cer" -recuperado "$truth" "$work/$b.mpp.txt")

	start=$(date +%s.%N)
	ocrmypdf -q -l spa --jobs "$n" --deskew --image-dpi "${model//[!0-9]/}" "$f" "$work/$b.omp.pdf" >/dev/null 2>&1 || true
	os=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
	if [ -s "$work/$b.omp.pdf" ]; then
		pdftotext -layout "$work/$b.omp.pdf" "$work/$b.omp.txt"
		read -r oc _ or < <("$work/cer" -recuperado "$truth" "$work/$b.omp.txt")
	else
		oc="falló" or="–"
	fi
	echo "| $prod | ${acuerdo//-//} | $model | $pages | $ms | $mc | $mr | $os | $oc | $or |"
done
