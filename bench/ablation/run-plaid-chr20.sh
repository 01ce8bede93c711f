#!/usr/bin/env bash
# Issue #11: plaid beside subs, sedd and ar on chr20 with the DiT (Plaid needs a backbone that reads
# embedding vectors; Caduceus reads tokens), one equal budget. Resumable: rerun.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)   # this checkout
SHARED=${MDLM_SHARED:-$ROOT/../shared}                  # the shared data folder beside it
# Runs from /tmp/plaid-dist2, a frozen copy of mdlm-cli/target (classes and lib):
#   mkdir -p /tmp/plaid-dist2 && cp -r mdlm-cli/target/{classes,lib} /tmp/plaid-dist2/
export OMP_NUM_THREADS=1
mkdir -p /tmp/grids && cd /tmp/grids
out=/tmp/grids/dna-objectives-plaid
if [ -f $out/grid.json ]; then R="--resume $out"; else R="--out $out"; fi
exec java -Xmx5g -Dmdlm.home=$ROOT -cp "/tmp/plaid-dist2/classes:/tmp/plaid-dist2/lib/*" org.mdlm.cli.Main ablate \
  --preset chr20 --data $SHARED/data/dna/hg19-chr20.fa.gz --threads 1 $R \
  --set train.steps=500 --set train.warmup_steps=50 \
  --set train.eval_every=250 --set train.checkpoint_every=250 --set train.eval_windows=32 --set train.eval_t_samples=4 \
  --set train.log_every=25 --seeds 1 --no-baseline \
  --variant "subs:parameterization.type=subs" \
  --variant "sedd:parameterization.type=sedd" \
  --variant "ar:parameterization.type=ar" \
  --variant "plaid:parameterization.type=plaid;model.time_conditioning=true" \
  --variant "plaid-sc:parameterization.type=plaid;parameterization.self_conditioning=true;model.time_conditioning=true" \
  > dna-objectives-plaid.out 2> dna-objectives-plaid.err
