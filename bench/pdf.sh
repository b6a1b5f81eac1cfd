#!/usr/bin/env bash
# PDF benchmark: mpp render manual on the H.4.05 example and on a generated
# 200-activity manual, and in the same run the peer tool: pandoc → PDF with
# xelatex on the same manual (its text and tables as Markdown). Writes its
# report to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
apt_install_missing pandoc hyperfine texlive-xetex lmodern texlive-fonts-recommended fonts-dejavu-core
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/mpp" ./cmd/mpp
MPP_BENCH_OUT="$work" go test -count=1 -run TestWriteManualBench ./render/pdf >/dev/null

echo "### Máquina"
echo
echo "- $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) núcleos, $(free -g | awk '/Mem:/{print $2}') GiB"
echo "- $(go version), pandoc $(pandoc --version | head -1 | cut -d' ' -f2), $(xelatex --version | head -1)"
echo "- $(date -u +%F)"
echo
echo "### En proceso"
echo
echo '```'
echo "$ go test -run '^\$' -bench BenchmarkManual -benchmem -count 3 -cpu 1,2 ./render/pdf"
go test -run '^$' -bench BenchmarkManual -benchmem -count 3 -cpu 1,2 ./render/pdf | grep -E '^Benchmark'
echo
echo "$ GOGC=400 go test -run '^\$' -bench BenchmarkManual -benchmem -count 3 ./render/pdf   # lo que fijan render y build"
GOGC=400 go test -run '^$' -bench BenchmarkManual -benchmem -count 3 ./render/pdf | grep -E '^Benchmark'
echo '```'
echo
echo "### De extremo a extremo, con pandoc + xelatex en la misma corrida"
echo
hyperfine --warmup 1 --runs 5 --style none --export-markdown "$work/h.md" \
	-n "mpp render manual (200 actividades)" "$work/mpp render manual $work/exp200 -o $work/m.pdf --forzar" \
	-n "pandoc -f markdown --pdf-engine=xelatex (mismo texto y tablas)" "pandoc $work/manual200.md -o $work/p.pdf --pdf-engine=xelatex" >/dev/null
cat "$work/h.md"
echo
echo "(páginas: mpp $(pdfinfo "$work/m.pdf" | awk '/Pages/{print $2}'), pandoc $(pdfinfo "$work/p.pdf" | awk '/Pages/{print $2}'))"
