#!/usr/bin/env bash
# OCR on scans made by other hands: the acuerdo corpus (testdata/acuerdos),
# typeset by Chromium, LibreOffice and groff, scanned three ways: by
# generar.py with ImageMagick (gris300: turned up to ±1.5°, Gaussian noise,
# blur, JPEG q50-60), as 200 dpi bilevel (bn200: threshold, CCITT G4), and
# with mpp's own degradation model applied to these producers' pages
# (propio300: bench/degradar, the «degradado» level of ocr/scan: turned up
# to ±1.5°, blur, noise, specks, JPEG q50). Each tool reads the same TIFF
# in the same run:
#   mpp ocr (one Tesseract per core, in process);
#   tesseract --psm 6, one process per core (OMP_THREAD_LIMIT=1), on the
#     TIFF's pages split by tiffsplit (splitting counted): the throughput
#     mpp is held to;
#   ocrmypdf -l spa --jobs N --deskew, text read back with pdftotext -layout
#     (plain pdftotext reorders its text layer).
# The last two columns: mpp's speed over tesseract's and over OCRmyPDF's.
# The reference is the born-digital PDF's own text (pdftotext -layout): what
# the page prints, set down by the producer, not by mpp. CER and WER depend
# on reading order (a table's cells side by side are interleaved line by
# line in the reference, row by row in mpp's text); «recuperado» does not:
# the share of the reference's characters in words read exactly.
#
#   bash bench/ocr-corpus.sh [CARPETA_DE_ESCANEOS]
#   MODELOS="propio300" bash bench/ocr-corpus.sh CARPETA   # only those rows
# Without a folder the scans are made first (some 9 minutes); the propio300
# ones are made into the folder when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
source bench/arbol.sh
source bench/maquina.sh
apt_install_missing ocrmypdf poppler-utils tesseract-ocr tesseract-ocr-spa imagemagick time python3 libtiff-tools
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scans=${1:-}
if [ -z "$scans" ]; then
	scans="$work/escaneos"
	python3 testdata/acuerdos/generar.py escanear "$scans" >/dev/null
fi
go build -o "$work/mpp" ./cmd/mpp
go build -o "$work/cer" ./bench/cer
go build -o "$work/degradar" ./bench/degradar
n=$(nproc)
k=0
for prod in chromium libreoffice groff; do
	for pdf in testdata/acuerdos/$prod/*.pdf; do
		k=$((k + 1))
		out="$scans/$prod-$(basename "$pdf" .pdf)-propio300.tif"
		[ -s "$out" ] && continue
		rm -rf "$work/pp" && mkdir -p "$work/pp"
		pdftoppm -r 300 -gray -png "$pdf" "$work/pp/p"
		"$work/degradar" -semilla "$k" -ppp 300 "$out" "$work"/pp/p-*.png
	done
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", b/a}'; } # how many times faster a is than b

maquina
echo "| productor | acuerdo | escaneo | páginas | mpp s | mpp CER % | mpp recuperado % | tesseract s | tesseract CER % | ocrmypdf s | ocrmypdf CER % | ocrmypdf recuperado % | mpp/tesseract | mpp/ocrmypdf |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"

for f in "$scans"/*.tif; do
	b=$(basename "$f" .tif)                  # chromium-INE-JGE248-2022-gris300
	prod=${b%%-*}; rest=${b#*-}; model=${rest##*-}; acuerdo=${rest%-*}
	[ -d "testdata/acuerdos/$prod" ] || continue # (mpp's own PDFs are not in the repository)
	if [ -n "${MODELOS:-}" ] && [[ " $MODELOS " != *" $model "* ]]; then continue; fi
	truth="$work/$b.verdad.txt"
	pdftotext -layout "testdata/acuerdos/$prod/$acuerdo.pdf" "$truth"
	pages=$(tiffinfo "$f" 2>/dev/null | grep -c "TIFF Directory" || true)

	start=$(date +%s.%N)
	"$work/mpp" ocr "$f" -o "$work/$b.mpp.txt" --forzar >/dev/null 2>&1
	ms=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
	read -r mc _ mr < <("$work/cer" -recuperado "$truth" "$work/$b.mpp.txt")

	start=$(date +%s.%N)
	rm -rf "$work/tp" && mkdir "$work/tp"
	tiffsplit "$f" "$work/tp/p" >/dev/null
	ls "$work"/tp/p*.tif | xargs -P "$n" -I{} env OMP_THREAD_LIMIT=1 tesseract {} {} -l spa --psm 6 --dpi "${model//[!0-9]/}" >/dev/null 2>&1
	for t in $(ls "$work"/tp/p*.tif.txt | sort); do cat "$t"; done > "$work/$b.tess.txt"
	ts=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
	read -r tc _ < <("$work/cer" "$truth" "$work/$b.tess.txt")

	start=$(date +%s.%N)
	ocrmypdf -q -l spa --jobs "$n" --deskew --image-dpi "${model//[!0-9]/}" "$f" "$work/$b.omp.pdf" >/dev/null 2>&1 || true
	os=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
	if [ -s "$work/$b.omp.pdf" ]; then
		pdftotext -layout "$work/$b.omp.pdf" "$work/$b.omp.txt"
		read -r oc _ or < <("$work/cer" -recuperado "$truth" "$work/$b.omp.txt")
	else
		oc="falló" or="–"
	fi
	echo "| $prod | ${acuerdo//-//} | $model | $pages | $ms | $mc | $mr | $ts | $tc | $os | $oc | $or | $(ratio "$ms" "$ts") | $(ratio "$ms" "$os") |"
done
