#!/usr/bin/env bash
# Issue #11: plaid beside the other objectives on chr20 with the DiT (Plaid needs a backbone that reads
# embedding vectors; Caduceus reads tokens), one equal budget per grid. Resumable: rerun.
#   run-plaid-chr20.sh        subs, sedd, ar, plaid, plaid-sc; 500 steps   -> /tmp/grids/dna-objectives-plaid
#   run-plaid-chr20.sh long   plaid and subs; 2000 steps (does Plaid's bound keep falling?) -> /tmp/grids/dna-plaid-long
# Runs from /tmp/plaid-dist2, a frozen copy of mdlm-cli/target (classes and lib), so that rebuilding the
# checkout cannot change the jars under a running grid:
#   mkdir -p /tmp/plaid-dist2 && cp -r mdlm-cli/target/{classes,lib} /tmp/plaid-dist2/
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)   # this checkout
SHARED=${MDLM_SHARED:-$ROOT/../shared}                  # the shared data folder beside it
PLAID="plaid:parameterization.type=plaid;model.time_conditioning=true"
if [ "${1:-}" = long ]; then
  name=dna-plaid-long; steps=2000; warmup=100; every=500; log=50
  variants=(--variant "$PLAID" --variant "subs:parameterization.type=subs")
else
  name=dna-objectives-plaid; steps=500; warmup=50; every=250; log=25
  variants=(--variant "subs:parameterization.type=subs" --variant "sedd:parameterization.type=sedd"
    --variant "ar:parameterization.type=ar" --variant "$PLAID"
    --variant "plaid-sc:parameterization.type=plaid;parameterization.self_conditioning=true;model.time_conditioning=true")
fi
export OMP_NUM_THREADS=1
mkdir -p /tmp/grids && cd /tmp/grids
out=/tmp/grids/$name
if [ -f $out/grid.json ]; then R="--resume $out"; else R="--out $out"; fi
exec java -Xmx5g -Dmdlm.home=$ROOT -cp "/tmp/plaid-dist2/classes:/tmp/plaid-dist2/lib/*" org.mdlm.cli.Main ablate \
  --preset chr20 --data $SHARED/data/dna/hg19-chr20.fa.gz --threads 1 $R \
  --set train.steps=$steps --set train.warmup_steps=$warmup \
  --set train.eval_every=$every --set train.checkpoint_every=$every --set train.eval_windows=32 --set train.eval_t_samples=4 \
  --set train.log_every=$log --seeds 1 --no-baseline "${variants[@]}" \
  > $name.out 2> $name.err
