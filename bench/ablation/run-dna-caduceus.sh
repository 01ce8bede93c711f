#!/usr/bin/env bash
# Issue #15: the paper's DNA comparison in kind — subs, sedd and ar with the caduceus backbone on chr20, one equal budget.
# Resumable: rerun the same command (ablate --resume).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)   # this checkout
SHARED=${MDLM_SHARED:-$ROOT/../shared}                  # the shared data folder beside it
export OMP_NUM_THREADS=1
cd /tmp/grids
out=/tmp/grids/dna-objectives
if [ -f $out/grid.json ]; then R="--resume $out"; else R="--out $out"; fi
exec java -Xmx6g -Dmdlm.home=$ROOT -Dorg.bytedeco.javacpp.maxPhysicalBytes=15G -cp "/tmp/dna-dist/classes:/tmp/dna-dist/lib/*" org.mdlm.cli.Main ablate \
  --preset chr20 --data $SHARED/data/dna/hg19-chr20.fa.gz --threads 2 $R \
  --set model.type=caduceus --set train.batch_size=4 --set train.steps=300 --set train.warmup_steps=50 \
  --set train.eval_every=150 --set train.checkpoint_every=150 --set train.eval_windows=32 --set train.eval_t_samples=2 \
  --set train.log_every=10 --seeds 1 --no-baseline \
  --variant "subs:parameterization.type=subs" \
  --variant "sedd:parameterization.type=sedd" \
  --variant "ar:parameterization.type=ar;model.bidirectional=false;model.rc_equivariant=false" \
  > /tmp/grids/dna-objectives.out 2> /tmp/grids/dna-objectives.err
