# shellcheck shell=bash
# Sourced by the OCR benchmarks: maquina prints the «Máquina» section of a
# BENCHMARKS.md entry (processor, cores, memory, the tools' versions, date).
maquina() {
	echo "### Máquina"
	echo
	echo "- $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) núcleos, $(free -g | awk '/Mem:/{print $2}') GiB"
	echo "- $(go version), $(tesseract --version 2>&1 | head -1), ocrmypdf $(ocrmypdf --version 2>/dev/null)"
	echo "- $(date -u +%F)"
	echo
}
