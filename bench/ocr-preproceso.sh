#!/usr/bin/env bash
# Each pre-processing step of mpp ocr measured on and off, on the same
# scanned PDFs as bench/ocr.sh (both seeds, 300 dpi, clean, degraded and
# heavily degraded; 25 pages per level) and on the degraded level drawn at
# 200 dpi: CER/WER against the text drawn, and pages per minute.
#   todo           despeckle + deskew (the default)
#   --sin-limpieza no despeckling
#   --sin-enderezar no deskewing
#   --binarizar    plus Otsu binarisation before Tesseract
#   --psm 3        the default page segmentation instead of one block
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
apt_install_missing poppler-utils tesseract-ocr tesseract-ocr-spa
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/mpp" ./cmd/mpp
go build -o "$work/cer" ./bench/cer
MPP_BENCH_OUT="$work" MPP_BENCH_200=1 go test -count=1 -run TestWriteOCRBench ./ocr/scan >/dev/null

echo "- $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) núcleos; $(go version); $(tesseract --version 2>&1 | head -1); $(date -u +%F)"
echo
echo "| escaneo | configuración | páginas | segundos | páginas/min | CER % | WER % |"
echo "|---|---|---:|---:|---:|---:|---:|"
for level in limpio degradado muydegradado degradado200; do
	truth="$work/$level.verdad.txt"
	cat "$work"/INE-JGE52-$level.txt <(echo) "$work"/INE-JGE248-$level.txt > "$truth"
	pages=0
	for s in JGE52 JGE248; do pages=$((pages + $(pdfinfo "$work/INE-$s-$level.pdf" | awk '/Pages/{print $2}'))); done
	for conf in "todo" "--sin-limpieza" "--sin-enderezar" "--binarizar" "--psm 3"; do
		args=()
		[ "$conf" != todo ] && read -r -a args <<< "$conf"
		: > "$work/got.txt"
		start=$(date +%s.%N)
		for s in JGE52 JGE248; do
			"$work/mpp" ocr "$work/INE-$s-$level.pdf" -o "$work/o.txt" --forzar "${args[@]}" >/dev/null 2>&1
			cat "$work/o.txt" >> "$work/got.txt"
		done
		secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
		read -r cer wer < <("$work/cer" "$truth" "$work/got.txt")
		echo "| $level | $conf | $pages | $secs | $(awk -v p="$pages" -v s="$secs" 'BEGIN{printf "%.1f", 60*p/s}') | $cer | $wer |"
	done
done
