#!/usr/bin/env bash
# Tokens per second of `mdlm tokenize --spark` (gpt2) on the webtext-standin corpus at local[1] and local[2],
# for the corpus as shipped (train.jsonl.gz: one gzip file, which Spark cannot split, so one task reads it)
# and for the same files decompressed to .jsonl (which Spark cuts into byte ranges, a task each). The runs
# alternate, ROUNDS times; each prints the train split's figure (wall time from reading to the entry's
# rename, Spark's start-up excluded). Prints one line per run and the median per configuration.
#   bench/spark/tokenize.sh [ROUNDS]   (default 3; MDLM_SHARED overrides ../shared; needs python3)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
rounds="${1:-3}"
shared="${MDLM_SHARED:-$(pwd)/../shared}"
corpus="$shared/data/text/webtext-standin"
out="$(mktemp -d "${TMPDIR:-/tmp}/mdlm-spark-tokenize-bench.XXXXXX")"
mkdir -p "$out/plain"
for s in train valid test; do gunzip -c "$corpus/$s.jsonl.gz" > "$out/plain/$s.jsonl"; done
inputs=("gz:$corpus" "plain:$out/plain")
for r in $(seq 1 "$rounds"); do
  for i in "${inputs[@]}"; do
    for n in 1 2; do
      name="${i%%:*}-local$n"
      ./mdlm tokenize --spark "local[$n]" --tokenizer gpt2 --input "${i#*:}" --out "$out/$name-$r" \
        >"$out/$name-$r.txt" 2>"$out/$name-$r.log"
      python3 - "$out/$name-$r.txt" "$name" "$r" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import re, sys
line = next(l for l in open(sys.argv[1]) if l.startswith("train:"))
tokens = int(re.search(r"([\d,]+) tokens in", line).group(1).replace(",", ""))
secs = float(re.search(r"shards?, ([\d.]+) s", line).group(1))
print(f"{sys.argv[2]:14s} round {sys.argv[3]}  {tokens / secs:12,.0f} tokens/s  {secs:6.1f} s  {tokens:,} tokens  (load {sys.argv[4]})")
PY
      rm -rf "${out:?}/$name-$r"
    done
  done
done | tee "$out/runs.txt"
echo "median per configuration:"
python3 - "$out/runs.txt" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    f = line.split()
    runs[f[0]].append((float(f[3].replace(",", "")), float(f[5])))
for name, rs in runs.items():
    print(f"{name:14s} {statistics.median(r[0] for r in rs):12,.0f} tokens/s  {statistics.median(r[1] for r in rs):6.1f} s  over {len(rs)} runs")
PY
echo "logs: $out"
