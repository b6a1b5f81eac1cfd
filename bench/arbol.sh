# Sourced by the OCR benchmarks. tree_peak OUT CMD...: runs CMD in a session
# of its own and writes to OUT "seconds rss_mb pss_mb": the wall-clock time
# and the peak, sampled every 0.2 s, of the sum over every process of the
# session (mpp and its OCR worker processes, pdftoppm, ...) of RSS and of
# PSS (shared pages divided among the processes sharing them).
tree_peak() {
	local out=$1
	shift
	local start pid rss pss peak=0 peakpss=0
	start=$(date +%s.%N)
	setsid "$@" >/dev/null 2>&1 &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		rss=0 pss=0
		for p in $(ps -o pid= -s "$pid" 2>/dev/null); do
			read -r r s < <(awk '/^Rss:/{r=$2} /^Pss:/{s=$2} END{print r+0, s+0}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0 0)
			rss=$((rss + r)) pss=$((pss + s))
		done
		((rss > peak)) && peak=$rss
		((pss > peakpss)) && peakpss=$pss
		sleep 0.2
	done
	wait "$pid" || true
	awk -v a="$start" -v b="$(date +%s.%N)" -v r="$peak" -v p="$peakpss" 'BEGIN{printf "%.1f %.0f %.0f\n", b-a, r/1024, p/1024}' > "$out"
}
