#!/usr/bin/env bash
# Ingest benchmark: mpp's parser in-process (go test -bench) and, in the same
# run, mpp ingest against the peer tool (pandoc reading the same text into its
# AST) end to end with hyperfine. Writes its report to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
apt_install_missing pandoc hyperfine
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/mpp" ./cmd/mpp
MPP_BENCH_OUT="$work" go test -count=1 -run TestWriteBenchInputs ./manuals/acuerdotext >/dev/null
cp testdata/seeds/INE-JGE248-2022-gestion-portal-institucional.txt "$work/acuerdo-JGE248.txt"

echo "### Máquina"
echo
echo "- $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) núcleos, $(free -g | awk '/Mem:/{print $2}') GiB"
echo "- $(go version), pandoc $(pandoc --version | head -1 | cut -d' ' -f2), hyperfine $(hyperfine --version | cut -d' ' -f2)"
echo "- $(date -u +%F)"
echo
echo "### Analizador en proceso"
echo
echo '```'
echo "$ go test -run '^\$' -bench BenchmarkIngest -benchmem -count 3 ./manuals/acuerdotext"
go test -run '^$' -bench BenchmarkIngest -benchmem -count 3 ./manuals/acuerdotext | grep -E '^Benchmark'
echo '```'
echo
echo "### De extremo a extremo, con pandoc en la misma corrida"
echo
for f in acuerdo-JGE248 acuerdo-1000KB; do
	hyperfine --warmup 2 --runs 10 --style none --export-markdown "$work/$f.md" \
		-n "mpp ingest ($f)" "$work/mpp ingest $work/$f.txt -o $work/exp-$f --forzar" \
		-n "pandoc -f markdown -t json ($f)" "pandoc -f markdown -t json $work/$f.txt -o $work/$f.json" >/dev/null
	cat "$work/$f.md"
	echo
done
