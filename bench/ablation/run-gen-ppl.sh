#!/usr/bin/env bash
# Generative perplexity of samples (issue #10): models from the #9 objective grid, evaluator = its ar seed 0.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)   # this checkout
SHARED=${MDLM_SHARED:-$ROOT/../shared}                  # the shared data folder beside it
G=/tmp/grids/objectives; EVAL=$G/ar/seed-0; cd $ROOT
out=/tmp/genppl/results.jsonl
one() { # model sampler T
  local tag="$1 $2 T=$3"
  grep -q "\"tag\":\"$tag\"" $out 2>/dev/null && return
  ./mdlm eval --run $G/$1/seed-0 --gen-ppl --evaluator $EVAL --num 32 --length 128 \
     --set sampler.type=$2 --set sampler.steps=$3 --json 2>/tmp/genppl/last.err \
   | python3 -c "import json,sys; d=json.load(sys.stdin); d['tag']='$tag'; print(json.dumps(d))" >> $out
}
for T in 16 128 1000; do
  one subs ddpm_cache $T; one subs analytic $T; one sedd analytic $T
done
