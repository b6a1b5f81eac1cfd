#!/usr/bin/env bash
# Catalog benchmark: mpp catalogo on 176 (the Institute's count) and 1,000
# generated expedientes, time and peak RSS, and in the same run the peer tool
# (exceljs's streaming writer, Node) writing the same cells. Also the
# in-process Go benchmark. Writes its report to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
command -v node >/dev/null && command -v npm >/dev/null || apt_install_missing nodejs npm
[ -x /usr/bin/time ] || apt_install_missing time
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/mpp" ./cmd/mpp
(cd "$work" && npm install --silent --no-audit --no-fund exceljs@4.4.0 >/dev/null 2>&1)
cp bench/exceljs-catalog.js "$work/"

source bench/measure.sh

echo "### Máquina"
echo
echo "- $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) núcleos, $(free -g | awk '/Mem:/{print $2}') GiB"
echo "- $(go version), node $(node --version), exceljs 4.4.0"
echo "- $(date -u +%F)"
echo
echo "### De extremo a extremo (una corrida cada uno, en orden)"
echo
echo "| orden | tiempo (m:ss) | RSS máx. (MB) |"
echo "|---|---:|---:|"
for n in 176 1000; do
	mkdir -p "$work/exp-$n"
	MPP_BENCH_OUT="$work/exp-$n" MPP_BENCH_N=$n go test -count=1 -run TestWriteBenchData ./render/xlsx >/dev/null
	acts=$(grep -rh '^ *- numero:' "$work/exp-$n" | wc -l)
	measure "mpp catalogo ($n expedientes, $acts actividades)" "$work/mpp" catalogo "$work/exp-$n" -o "$work/cat-$n.xlsx"
	MPP_DUMP_XLSX="$work/cat-$n.xlsx" MPP_DUMP_JSON="$work/cat-$n.json" go test -count=1 -run TestDumpWorkbook ./render/xlsx >/dev/null
	measure "exceljs, mismas celdas ($n expedientes)" node "$work/exceljs-catalog.js" "$work/cat-$n.json" "$work/peer-$n.xlsx"
	echo "| (tamaños: mpp $(du -k "$work/cat-$n.xlsx" | cut -f1) KB, exceljs $(du -k "$work/peer-$n.xlsx" | cut -f1) KB) | | |"
done
echo
echo "### Escritor en proceso"
echo
echo '```'
echo "$ go test -run '^\$' -bench BenchmarkCatalog -benchmem -count 2 ./render/xlsx"
go test -run '^$' -bench BenchmarkCatalog -benchmem -count 2 ./render/xlsx | grep -E '^Benchmark'
echo '```'
