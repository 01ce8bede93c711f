#!/usr/bin/env bash
# Issue #15: the paper's DNA comparison in kind on chr20 with the DiT (the caduceus grid of the same
# budget did not fit the session: ~13-15 s a step on the shared machine). Resumable: rerun.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)   # this checkout
SHARED=${MDLM_SHARED:-$ROOT/../shared}                  # the shared data folder beside it
export OMP_NUM_THREADS=1
cd /tmp/grids
out=/tmp/grids/dna-objectives-dit
if [ -f $out/grid.json ]; then R="--resume $out"; else R="--out $out"; fi
exec java -Xmx6g -Dmdlm.home=$ROOT -cp "/tmp/dna-dist/classes:/tmp/dna-dist/lib/*" org.mdlm.cli.Main ablate \
  --preset chr20 --data $SHARED/data/dna/hg19-chr20.fa.gz --threads 1 $R \
  --set train.steps=300 --set train.warmup_steps=50 \
  --set train.eval_every=150 --set train.checkpoint_every=150 --set train.eval_windows=32 --set train.eval_t_samples=4 \
  --set train.log_every=10 --seeds 1 --no-baseline \
  --variant "subs:parameterization.type=subs" \
  --variant "sedd:parameterization.type=sedd" \
  --variant "ar:parameterization.type=ar" \
  > /tmp/grids/dna-objectives-dit.out 2> /tmp/grids/dna-objectives-dit.err
