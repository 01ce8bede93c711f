#!/usr/bin/env bash
# Issue #11: does Plaid's bound on chr20 keep falling with a longer budget? subs and plaid, DiT, 2000 steps.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)   # this checkout
SHARED=${MDLM_SHARED:-$ROOT/../shared}                  # the shared data folder beside it
# Runs from /tmp/plaid-dist2, a frozen copy of mdlm-cli/target (see run-plaid-chr20.sh).
export OMP_NUM_THREADS=1
mkdir -p /tmp/grids && cd /tmp/grids
out=/tmp/grids/dna-plaid-long
if [ -f $out/grid.json ]; then R="--resume $out"; else R="--out $out"; fi
exec java -Xmx5g -Dmdlm.home=$ROOT -cp "/tmp/plaid-dist2/classes:/tmp/plaid-dist2/lib/*" org.mdlm.cli.Main ablate \
  --preset chr20 --data $SHARED/data/dna/hg19-chr20.fa.gz --threads 1 $R \
  --set train.steps=2000 --set train.warmup_steps=100 \
  --set train.eval_every=500 --set train.checkpoint_every=500 --set train.eval_windows=32 --set train.eval_t_samples=4 \
  --set train.log_every=50 --seeds 1 --no-baseline \
  --variant "plaid:parameterization.type=plaid;model.time_conditioning=true" \
  --variant "subs:parameterization.type=subs" \
  > dna-plaid-long.out 2> dna-plaid-long.err
