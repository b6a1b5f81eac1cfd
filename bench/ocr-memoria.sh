#!/usr/bin/env bash
# Memory over a long scan: the clean JGE248 scan (13 pages, 300 dpi)
# repeated to PAGINAS pages (300 by default) in one image-only PDF, read by
# mpp ocr. mpp's OCR workers are processes, so the peak that counts is the
# whole process tree's: the sum over every process in mpp's session, sampled
# every 0.2 s, of its RSS and of its PSS (shared pages divided among the
# processes that share them, so the libraries are counted once).
# /usr/bin/time -v alone would report only the largest single process.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
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
setsid /usr/bin/time -v -o "$work/time" "$work/mpp" ocr "$work/big.pdf" -o "$work/big.txt" "$@" >/dev/null 2>"$work/err" &
pid=$!
sleep 0.5
sid=$(ps -o sid= -p "$pid" | tr -d ' ')
peak=0 procs=0 peakpss=0
while kill -0 "$pid" 2>/dev/null; do
	read -r sum n < <(ps -o rss= -s "$sid" | awk '{s+=$1; n++} END{print s+0, n+0}')
	if [ "$sum" -gt "$peak" ]; then peak=$sum procs=$n; fi
	pss=0
	for p in $(ps -o pid= -s "$sid"); do
		k=$(awk '/^Pss:/{print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || true)
		pss=$((pss + ${k:-0}))
	done
	if [ "$pss" -gt "$peakpss" ]; then peakpss=$pss; fi
	sleep 0.2
done
wait "$pid" || true
echo "- páginas en el texto: $(grep -c '^=== página' "$work/big.txt")"
echo "- $(grep 'Elapsed' "$work/time" | xargs)"
echo "- RSS máximo de un solo proceso (/usr/bin/time -v): $(awk '/Maximum resident/{printf "%.0f MB", $6/1024}' "$work/time")"
echo "- RSS máximo de todo el árbol de procesos (suma, muestreo cada 0.2 s): $(( peak / 1024 )) MB, con $procs procesos"
echo "- PSS máximo de todo el árbol (suma): $(( peakpss / 1024 )) MB"
tail -1 "$work/err"
