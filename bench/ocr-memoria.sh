#!/usr/bin/env bash
# Memory over a long scan: the clean JGE248 scan (13 pages, 300 dpi)
# repeated to PAGINAS pages (300 by default) in one image-only PDF, read by
# mpp ocr. mpp's OCR workers are processes, so the peak that counts is the
# whole process tree's (bench/arbol.sh): the sum over every process in mpp's
# session of its RSS and of its PSS, sampled every second. /usr/bin/time -v
# alone reports only the largest single process.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
source bench/arbol.sh
apt_install_missing poppler-utils qpdf tesseract-ocr tesseract-ocr-spa time procps
pages=${PAGINAS:-300}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/mpp" ./cmd/mpp
MPP_BENCH_OUT="$work" go test -count=1 -run TestWriteOCRBench ./ocr/scan >/dev/null
one="$work/INE-JGE248-limpio.pdf"
per=$(pdfinfo "$one" | awk '/Pages/{print $2}')
reps=$(( (pages + per - 1) / per ))
qpdf --empty --pages $(for _ in $(seq "$reps"); do printf '%s 1-%d ' "$one" "$per"; done) -- "$work/big.pdf"
total=$(pdfinfo "$work/big.pdf" | awk '/Pages/{print $2}')

echo "- $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) núcleos; $(go version); $(date -u +%F)"
echo "- PDF de $total páginas (JGE248 limpio, 300 dpi, repetido $reps veces)"
tree_peak "$work/peak" /usr/bin/time -v -o "$work/time" "$work/mpp" ocr "$work/big.pdf" -o "$work/big.txt" "$@"
read -r secs rss pss < "$work/peak"
echo "- páginas en el texto: $(grep -c '^=== página' "$work/big.txt")"
echo "- $secs s, $(awk -v p="$total" -v s="$secs" 'BEGIN{printf "%.1f", 60*p/s}') páginas/min"
echo "- RSS máximo de un solo proceso (/usr/bin/time -v): $(awk '/Maximum resident/{printf "%.0f MB", $6/1024}' "$work/time")"
echo "- RSS máximo de todo el árbol de procesos (suma, muestreo cada segundo): $rss MB"
echo "- PSS máximo de todo el árbol (suma): $pss MB"
