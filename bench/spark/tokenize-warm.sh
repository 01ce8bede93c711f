#!/usr/bin/env bash
# The steady tokens/s of `mdlm tokenize --spark` (gpt2, webtext-standin's train split) at local[1] and
# local[2], with Spark's start-up and first-job costs left out: per configuration one JVM tokenizes the
# corpus 1 + ROUNDS times and the first pass is discarded (bench/spark/TokenizeWarm.java). Both the corpus
# as shipped (train.jsonl.gz: one gzip file, one task) and decompressed (.jsonl: cut into byte ranges,
# a task each) are timed. Builds mdlm-spark through the launcher first.
#   bench/spark/tokenize-warm.sh [ROUNDS]   (default 3; MDLM_SHARED overrides ../shared)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
rounds="${1:-3}"
shared="${MDLM_SHARED:-$(pwd)/../shared}"
corpus="$shared/data/text/webtext-standin"
plain="$(mktemp -d "${TMPDIR:-/tmp}/mdlm-tokenize-warm.XXXXXX")"
for s in train valid test; do gunzip -c "$corpus/$s.jsonl.gz" > "$plain/$s.jsonl"; done
./mdlm tokenize --spark 'local[1]' --help >/dev/null   # builds mdlm-spark when needed
target=mdlm-spark/target
for input in "$corpus" "$plain"; do
  for n in 1 2; do
    label=$([ "$input" = "$corpus" ] && echo "as shipped (.jsonl.gz)" || echo "decompressed (.jsonl)")
    echo "== $label, local[$n]"
    # shellcheck disable=SC2046
    SPARK_LOCAL_IP=127.0.0.1 OMP_NUM_THREADS=1 java -Xmx4g $(cat "$target/classes/org/mdlm/spark/java-options") \
      -Dlog4j2.configurationFile="$target/classes/org/mdlm/spark/log4j2-quiet.properties" \
      -cp "$target/classes:$target/lib/*:$target/spark-lib/*" bench/spark/TokenizeWarm.java "$input" "local[$n]" "$rounds" \
      2>/dev/null
  done
done
rm -rf "$plain"
