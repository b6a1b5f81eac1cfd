#!/usr/bin/env bash
# mpp ocr against plain Tesseract only (no OCRmyPDF), on the scans of one
# degradation model: a quicker second sample of ocr-corpus.sh's
# throughput columns. For each scan, the same tiffsplit + one tesseract
# --psm 6 per core (OMP_THREAD_LIMIT=1) as ocr-corpus.sh, then mpp ocr;
# each line gives both wall times in seconds, and the last the sums and
# their ratio (tesseract over mpp: above 1, mpp is faster). Which of the
# two goes first alternates from one scan to the next, and with an odd
# number of scans each scan has both orders over two passes: measured so
# on propio300 (2026-12-04), the scans read with tesseract first gave
# 0.954 and those with mpp first 0.944; with tesseract always first this
# script had given 0.959 where ocr-corpus.sh (mpp always first, after
# OCRmyPDF) gave 0.937.
#
#   bash bench/ocr-vs-tesseract.sh CARPETA_DE_ESCANEOS propio300 [PASADAS]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
apt_install_missing tesseract-ocr tesseract-ocr-spa libtiff-tools
scans=$1 model=$2 passes=${3:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/mpp" ./cmd/mpp
n=$(nproc)
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.2f", b-a}'; }
run_tesseract() {
	local s
	s=$(now)
	rm -rf "$work/tp" && mkdir "$work/tp"
	tiffsplit "$1" "$work/tp/p" >/dev/null
	ls "$work"/tp/p*.tif | xargs -P "$n" -I{} env OMP_THREAD_LIMIT=1 tesseract {} {} -l spa --psm 6 --dpi "${model//[!0-9]/}" >/dev/null 2>&1
	t=$(since "$s")
}
run_mpp() {
	local s
	s=$(now)
	"$work/mpp" ocr "$1" -o "$work/out.txt" --forzar >/dev/null 2>&1
	m=$(since "$s")
}
ts=0 ms=0 k=0
for _ in $(seq "$passes"); do
	for f in "$scans"/*-"$model".tif; do
		b=$(basename "$f" .tif)
		[[ $b == mpp-* ]] && continue # mpp's own drawings are not held-out scans
		k=$((k + 1))
		if ((k % 2)); then
			run_tesseract "$f" && run_mpp "$f" && first=tesseract
		else
			run_mpp "$f" && run_tesseract "$f" && first=mpp
		fi
		echo "$b tesseract=$t mpp=$m primero=$first"
		ts=$(awk -v a="$ts" -v b="$t" 'BEGIN{print a+b}') ms=$(awk -v a="$ms" -v b="$m" 'BEGIN{print a+b}')
	done
done
awk -v t="$ts" -v m="$ms" 'BEGIN{printf "suma: tesseract %.1f s, mpp %.1f s, mpp/tesseract %.3f\n", t, m, t/m}'
