#!/usr/bin/env bash
# Steps per second of the tiny preset trained on Spark in local mode with 1 and 2 workers, and in one
# process with 1 and 2 worker threads for comparison. The four runs alternate, ROUNDS times; each run
# trains 40 steps and reports the median of its 10-step windows after the first (which holds the graph
# and gradient-function build). Prints one line per run and the median per configuration.
#   bench/spark/steps.sh [ROUNDS]      (default 3; needs python3)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
rounds="${1:-3}"
out="$(mktemp -d "${TMPDIR:-/tmp}/mdlm-spark-bench.XXXXXX")"
common=(--preset tiny --set train.steps=40 --set train.log_every=10 --set train.eval_every=0
        --set train.eval_windows=1 --set train.eval_t_samples=1 --set train.checkpoint_every=0)
configs=("spark-local1-w1:--spark local[1] --workers 1" "spark-local2-w2:--spark local[2] --workers 2"
         "threads-w1:--workers 1" "threads-w2:--workers 2")
for r in $(seq 1 "$rounds"); do
  for c in "${configs[@]}"; do
    name="${c%%:*}"
    # shellcheck disable=SC2206
    opts=(${c#*:})
    ./mdlm train "${common[@]}" "${opts[@]}" --out "$out/$name-$r" >/dev/null 2>"$out/$name-$r.log"
    python3 - "$out/$name-$r/metrics.jsonl" "$name" "$r" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import json, statistics, sys
ms = [json.loads(l)["ms_per_step"] for l in open(sys.argv[1]) if '"ms_per_step"' in l]
m = statistics.median(ms[1:])
print(f"{sys.argv[2]:16s} round {sys.argv[3]}  {m:7.1f} ms/step  {1000 / m:5.2f} steps/s  (windows {', '.join(f'{x:.0f}' for x in ms[1:])}; load {sys.argv[4]})")
PY
  done
done | tee "$out/runs.txt"
echo "median per configuration:"
python3 - "$out/runs.txt" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    f = line.split()
    runs[f[0]].append(float(f[3]))
for name, ms in runs.items():
    m = statistics.median(ms)
    print(f"{name:16s} {m:7.1f} ms/step  {1000 / m:5.2f} steps/s  over {len(ms)} runs")
PY
echo "run folders: $out"
