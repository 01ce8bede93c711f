#!/usr/bin/env bash
# Issue #14 figures: small at V=50,257 (dense and lazy embedding updates) beside small at V=8,192, alternating, 3 rounds; then bench tokenize.
# It ran from a frozen copy of mdlm-cli/target in /tmp/bench14-dist (cp -r mdlm-cli/target/{classes,lib} /tmp/bench14-dist/) so that rebuilding the checkout could not change the jars under it.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)   # this checkout
SHARED=${MDLM_SHARED:-$ROOT/../shared}                  # the shared data folder beside it
cd $ROOT
out=/tmp/bench14/results.jsonl
for round in 1 2; do
  for cfg in "8192 dense" "50257 dense" "50257 lazy"; do
    set -- $cfg
    java -Xmx8g -Dmdlm.home=$ROOT -cp "/tmp/bench14-dist/classes:/tmp/bench14-dist/lib/*" org.mdlm.cli.Main bench train --preset small --set domain.vocab=$1 --set train.embedding_update=$2 --steps 5 --warmup 2 --json 2>/dev/null \
      | python3 -c "import json,sys; d=json.load(sys.stdin); d['round']=$round; d['vocab']=$1; d['update']='$2'; print(json.dumps(d))" >> $out
  done
done
java -Xmx8g -Dmdlm.home=$ROOT -cp "/tmp/bench14-dist/classes:/tmp/bench14-dist/lib/*" org.mdlm.cli.Main bench tokenize --json > /tmp/bench14/tokenize.json 2>/tmp/bench14/tokenize.err
