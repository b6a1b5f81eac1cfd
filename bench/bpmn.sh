#!/usr/bin/env bash
# BPMN export benchmark: «mpp exportar bpmn» on the 176 generated expedientes
# (the Institute's count of processes), end to end (reading and validating
# the YAML included), time and peak RSS; in the same run, the peer
# (bpmn-moddle, the model of bpmn.io and Camunda Modeler) reading the same
# files and writing them back; and the in-process Go benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
[ -x /usr/bin/time ] || apt_install_missing time
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/mpp" ./cmd/mpp

source bench/measure.sh

echo "### Máquina"
echo
echo "- $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) núcleos, $(free -g | awk '/Mem:/{print $2}') GiB"
echo "- $(go version), node $(node --version), bpmn-moddle $(node -p "require('./interop/bpmn/node_modules/bpmn-moddle/package.json').version")"
echo "- $(date -u +%F)"
echo
echo "### De extremo a extremo (una corrida cada uno, en orden)"
echo
echo "| orden | tiempo (m:ss) | RSS máx. (MB) |"
echo "|---|---:|---:|"
mkdir -p "$work/exp"
MPP_BENCH_OUT="$work/exp" MPP_BENCH_N=176 go test -count=1 -run TestWriteBenchData ./render/xlsx >/dev/null
acts=$(grep -rh '^ *- numero:' "$work/exp" | wc -l)
measure "mpp exportar bpmn (176 expedientes, $acts actividades), un archivo por procedimiento" "$work/mpp" exportar bpmn "$work/exp" -o "$work/bpmn"
measure "mpp exportar bpmn --un-archivo (176 archivos)" "$work/mpp" exportar bpmn "$work/exp" -o "$work/bpmn1" --un-archivo
n=$(ls "$work/bpmn" | wc -l)
measure "bpmn-moddle: leer y volver a escribir los mismos $n archivos" node interop/bpmn/reserialize.mjs "$work/bpmn"
echo
echo "### Escritor en proceso"
echo
echo '```'
echo '$ go test -run '"'"'^$'"'"' -bench BenchmarkExportCatalog -benchmem -count 2 ./render/bpmn'
go test -run '^$' -bench BenchmarkExportCatalog -benchmem -count 2 ./render/bpmn | grep '^Benchmark'
echo '```'
