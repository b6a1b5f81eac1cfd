#!/usr/bin/env bash
# OCR benchmark: the two seed acuerdos drawn at 300 dpi (Liberation Sans),
# clean, degraded (1.5°, specks, blur, noise, JPEG q50) and heavily degraded
# (-2.5°, four times the specks, more blur and noise, JPEG q30), as
# image-only PDFs; each tool reads the same PDFs in the same run:
#   mpp ocr (one Tesseract per core, in process);
#   tesseract, one process per core with OMP_THREAD_LIMIT=1, on the pages
#     rasterised by pdftoppm (rasterising counted), psm 6 and psm 3;
#   ocrmypdf -l spa --jobs N (with --deskew on degraded scans), text read
#     back with pdftotext -layout.
# Pages per minute (wall clock) and CER/WER against the text drawn.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
source bench/arbol.sh
source bench/maquina.sh
apt_install_missing ocrmypdf poppler-utils tesseract-ocr tesseract-ocr-spa time
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/mpp" ./cmd/mpp
go build -o "$work/cer" ./bench/cer
MPP_BENCH_OUT="$work" go test -count=1 -run TestWriteOCRBench ./ocr/scan >/dev/null
n=$(nproc)

maquina
echo "| escaneo | herramienta | páginas | segundos | páginas/min | CER % | WER % | RSS máx. MB (mpp: suma del árbol) |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"

row() { # level tool pages seconds truth read rss
	local ppm
	ppm=$(awk -v p="$3" -v s="$4" 'BEGIN{printf "%.1f", 60*p/s}')
	read -r cer wer < <("$work/cer" "$5" "$6")
	echo "| $1 | $2 | $3 | $4 | $ppm | $cer | $wer | $7 |"
}
timed() { # out-file command...: runs it, prints "seconds rss_mb"
	local out=$1
	shift
	/usr/bin/time -f "%e %M" -o "$out" "$@" >/dev/null 2>&1 || true
	awk '{printf "%s %.0f\n", $1, $2/1024}' "$out"
}

for level in limpio degradado muydegradado; do
	truth="$work/$level.verdad.txt"
	cat "$work"/INE-JGE52-$level.txt <(echo) "$work"/INE-JGE248-$level.txt > "$truth"
	pages=0
	for s in JGE52 JGE248; do pages=$((pages + $(pdfinfo "$work/INE-$s-$level.pdf" | awk '/Pages/{print $2}'))); done

	# mpp: its OCR workers are processes, so its memory is the tree's
	: > "$work/mpp.txt"
	secs=0 rss=0
	for s in JGE52 JGE248; do
		tree_peak "$work/t" "$work/mpp" ocr "$work/INE-$s-$level.pdf" -o "$work/mpp-$s.txt" --forzar
		read -r t m _ < "$work/t"
		secs=$(awk -v a="$secs" -v b="$t" 'BEGIN{print a+b}'); rss=$(( m > rss ? m : rss ))
		cat "$work/mpp-$s.txt" >> "$work/mpp.txt"
	done
	row "$level" "mpp ocr (-j $n)" "$pages" "$secs" "$truth" "$work/mpp.txt" "$rss"

	# tesseract, one process per core, psm 6 and 3
	for psm in 6 3; do
		start=$(date +%s.%N)
		: > "$work/tess.txt"
		for s in JGE52 JGE248; do
			rm -rf "$work/pg" && mkdir "$work/pg"
			pdftoppm -gray -r 300 "$work/INE-$s-$level.pdf" "$work/pg/p"
			ls "$work"/pg/p-*.pgm | xargs -P "$n" -I{} env OMP_THREAD_LIMIT=1 tesseract {} {} -l spa --psm "$psm" --dpi 300 >/dev/null 2>&1
			for f in $(ls "$work"/pg/p-*.pgm.txt | sort -V); do cat "$f" >> "$work/tess.txt"; done
		done
		secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
		row "$level" "tesseract por núcleo, psm $psm" "$pages" "$secs" "$truth" "$work/tess.txt" "–"
	done

	# ocrmypdf
	extra=()
	[ "$level" != limpio ] && extra=(--deskew)
	: > "$work/omp.txt"
	secs=0 rss=0
	for s in JGE52 JGE248; do
		read -r t m < <(timed "$work/t" ocrmypdf -l spa --jobs "$n" "${extra[@]}" --force-ocr "$work/INE-$s-$level.pdf" "$work/o-$s.pdf")
		secs=$(awk -v a="$secs" -v b="$t" 'BEGIN{print a+b}'); rss=$(( m > rss ? m : rss ))
		pdftotext -layout "$work/o-$s.pdf" - >> "$work/omp.txt"
	done
	row "$level" "ocrmypdf --jobs $n ${extra[*]} + pdftotext -layout" "$pages" "$secs" "$truth" "$work/omp.txt" "$rss"
done
