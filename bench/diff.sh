#!/usr/bin/env bash
# Diff benchmark: mpp diff on a generated 200-activity manual against a
# variant with 20 edits, in process (go test -bench) and end to end, and in
# the same run the peer tools on the same two files: git's word diff and
# diff -u (line-based, with no notion of procedures or activities).
# Writes its report to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
apt_install_missing hyperfine git diffutils
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/mpp" ./cmd/mpp
MPP_BENCH_OUT="$work" go test -count=1 -run TestWriteDiffBench ./manuals/diff >/dev/null

echo "### Máquina"
echo
echo "- $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) núcleos, $(free -g | awk '/Mem:/{print $2}') GiB"
echo "- $(go version), $(git --version), $(diff --version | head -1)"
echo "- $(date -u +%F)"
echo
echo "### En proceso: 200 actividades contra una variante con 20 cambios"
echo
echo '```'
echo "$ go test -run '^\$' -bench BenchmarkManuals -benchmem -count 3 -cpu 1,2 ./manuals/diff"
go test -run '^$' -bench BenchmarkManuals -benchmem -count 3 -cpu 1,2 ./manuals/diff | grep -E '^Benchmark'
echo '```'
echo
echo "### De extremo a extremo (leer los dos YAML y comparar), con las herramientas de texto en la misma corrida"
echo
hyperfine -N --warmup 3 --runs 30 --style none -i --export-markdown "$work/h.md" \
	-n "mpp version (arranque del binario)" "$work/mpp version" \
	-n "mpp diff --formato json" "$work/mpp diff $work/v1 $work/v2 --formato json" \
	-n "git diff --no-index --word-diff" "git diff --no-index --word-diff $work/v1/manual.yaml $work/v2/manual.yaml" \
	-n "diff -u" "diff -u $work/v1/manual.yaml $work/v2/manual.yaml" >/dev/null 2>&1
cat "$work/h.md"
echo
echo "(cambios que reporta mpp: $("$work/mpp" diff "$work/v1" "$work/v2" --formato json | grep -c '"tipo"' || true);" \
	"bloques de diff -u: $(diff -u "$work/v1/manual.yaml" "$work/v2/manual.yaml" | grep -c '^@@' || true))"
