# Sourced by the OCR benchmarks. tree_peak OUT CMD...: runs CMD in a session
# of its own and writes to OUT "seconds rss_mb pss_mb": the wall-clock time
# and the peak, sampled every second, of the sum over every process of the
# session (mpp and its OCR worker processes, pdftoppm, ...) of RSS and of
# PSS (shared pages divided among the processes sharing them). One ps and
# one awk a second: sampling five times a second with a process per reading
# cost mpp a fifth of its speed on two cores.
tree_peak() {
	local out=$1
	shift
	local start pid pids now peak="0 0"
	start=$(date +%s.%N)
	setsid "$@" >/dev/null 2>&1 &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		pids=$(ps -o pid= -s "$pid" 2>/dev/null | sed 's|^ *|/proc/|; s|$|/smaps_rollup|')
		if [ -n "$pids" ]; then
			# shellcheck disable=SC2086 # one path per pid
			now=$(awk '/^Rss:/{r+=$2} /^Pss:/{p+=$2} END{print r+0, p+0}' $pids 2>/dev/null || echo 0 0)
			peak=$(awk -v a="$peak" -v b="$now" 'BEGIN{split(a,x," "); split(b,y," "); print (y[1]>x[1]?y[1]:x[1]), (y[2]>x[2]?y[2]:x[2])}')
		fi
		sleep 1
	done
	wait "$pid" || true
	awk -v a="$start" -v b="$(date +%s.%N)" -v pk="$peak" 'BEGIN{split(pk,x," "); printf "%.1f %.0f %.0f\n", b-a, x[1]/1024, x[2]/1024}' > "$out"
}
