#!/usr/bin/env bash
# Measures every figure of the "Fast bestrefs" targets on this machine and prints one line per run,
# then the medians. Run from the repository root on an otherwise idle machine, after
#   mvn -q -B -DskipTests package
# Usage: bestrefs-bench/measure-targets.sh [RUNS] (default 5; the cached load takes 2*RUNS+1)
# Reads ../shared/corpus; writes only under $WORK (default a fresh temporary directory).
set -euo pipefail
runs="${1:-5}"
corpus="${CORPUS:-../shared/corpus}"
mappings="$corpus/mappings"
work="${WORK:-$(mktemp -d)}"
export CRDS_CACHE_DIR="$work/cache"
mkdir -p "$CRDS_CACHE_DIR"
headers="$work/hst_headers.jsonl"
python3 -c "import json,sys; [print(json.dumps({'id': d['id'], 'header': d['header']})) for d in map(json.loads, open(sys.argv[1]))]" \
  "$corpus/golden/context_cases_hst.jsonl" > "$headers"
ctx=(--mappath "$mappings" --context hst_9000.pmap --headers "$headers")

median() { sort -g | awk '{a[NR]=$1} END{ if (NR==0) print "-"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2 }'; }
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(d$1)"; }
report() { local name="$1" file="$2"; printf '%-44s median %-10s runs: %s\n' "$name" "$(median < "$file")" "$(sort -g "$file" | tr '\n' ' ')"; }
log() { echo "[$(date +%T)] $*" >&2; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"

log "warming the caches and class-data archives (3 runs of each subcommand)"
for _ in 1 2 3; do
  bin/crds bench "${ctx[@]}" --seconds 0.2 --warmup 0 --json > /dev/null
  bin/crds bestrefs "${ctx[@]}" --output "$work/out.jsonl" > /dev/null
done

for t in 1 2; do
  log "full context, $t thread(s): $runs runs of 4 s"
  : > "$work/threads$t"; : > "$work/p50_$t"; : > "$work/lookups$t"
  for _ in $(seq "$runs"); do
    j="$(bin/crds bench "${ctx[@]}" --threads "$t" --seconds 4 --json)"
    field "['headers_per_s']" <<< "$j" >> "$work/threads$t"
    field "['p50_us']" <<< "$j" >> "$work/p50_$t"
    field "['lookups_per_s']" <<< "$j" >> "$work/lookups$t"
  done
done

log "cached load: $((2 * runs + 1)) runs"
: > "$work/load"
for _ in $(seq $((2 * runs + 1))); do
  bin/crds bench "${ctx[@]}" --seconds 0.2 --warmup 0 --json | field "['load_ms']" >> "$work/load"
done

log "no-cache load: $runs runs under JVM defaults, $runs with the quick-start compiler"
: > "$work/nocache"; : > "$work/nocache_c1"
for _ in $(seq "$runs"); do
  bin/crds bench "${ctx[@]}" --no-cache --seconds 0.2 --warmup 0 --json | field "['load_ms']" >> "$work/nocache"
  CRDS_JAVA_OPTS="-XX:TieredStopAtLevel=1" bin/crds bench "${ctx[@]}" --no-cache --seconds 0.2 --warmup 0 --json \
    | field "['load_ms']" >> "$work/nocache_c1"
done

log "whole process bin/crds bestrefs: $runs runs"
: > "$work/process"
for _ in $(seq "$runs"); do
  /usr/bin/time -f %e -o "$work/t" bin/crds bestrefs "${ctx[@]}" --output "$work/out.jsonl" > /dev/null
  cat "$work/t" >> "$work/process"
done

log "heap"
heap="$(bin/crds bench "${ctx[@]}" --seconds 1 --warmup 1 --json | field "['heap_mb'], d['heap_after_first_pass_mb']")"

echo
report "full context, 1 thread (headers/s)" "$work/threads1"
report "  p50 (us)" "$work/p50_1"
report "  rmap lookups inside it (/s)" "$work/lookups1"
report "full context, 2 threads (headers/s)" "$work/threads2"
awk -v a="$(median < "$work/threads2")" -v b="$(median < "$work/threads1")" 'BEGIN{printf "%-44s %.2f x\n", "  2-thread / 1-thread medians", a/b}'
report "cached load, load_ms" "$work/load"
report "no-cache load, load_ms (JVM defaults)" "$work/nocache"
report "no-cache load, load_ms (C1 only)" "$work/nocache_c1"
report "whole process bestrefs (s wall)" "$work/process"
echo "heap_mb after the load, after a first pass: $heap"

if [ "${SKIP_JMH:-}" != "1" ]; then
  log "JMH rmap level (hst_acs_darkfile.rmap), 3 runs"
  for _ in 1 2 3; do
    java -jar bestrefs-bench/target/benchmarks.jar -f 1 -wi 5 -i 5 -tu us -bm avgt RmapLookupBenchmark 2>/dev/null \
      | awk '$NF == "us/op" && /RmapLookupBenchmark\.bestrefs/ {printf "rmap level: %.0f lookups/s (%s us/op)\n", 1e6/$(NF-3), $(NF-3)}'
  done
fi
