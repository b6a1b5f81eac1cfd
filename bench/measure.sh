# shellcheck shell=bash
# Sourced by the benchmark scripts. measure LABEL COMMAND...: runs the
# command once under /usr/bin/time -v and prints a Markdown table row with
# its wall-clock time and peak RSS in MB. Needs $work (a scratch folder).
measure() {
	local label=$1; shift
	/usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt"
	local wall rss
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$work/time.txt")
	rss=$(awk -F': ' '/Maximum resident set size/{printf "%.0f", $2/1024}' "$work/time.txt")
	echo "| $label | $wall | $rss |"
}
