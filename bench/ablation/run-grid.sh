#!/usr/bin/env bash
# Usage: run.sh NAME [ablate options...]  — runs one grid from the frozen build in /tmp/grid-dist.
# It runs from /tmp/grid-dist, a frozen copy of mdlm-cli/target (classes and lib), so that rebuilding the
# checkout cannot change the jars under a running grid:  mkdir -p /tmp/grid-dist && cp -r mdlm-cli/target/{classes,lib} /tmp/grid-dist/
# The two grids of 2026-12-03 (run side by side, one core each):
#   run-grid.sh objectives --no-baseline --variant "subs:parameterization.type=subs" --variant "sedd:parameterization.type=sedd;model.time_conditioning=true" --variant "d3pm:parameterization.type=d3pm" --variant "ar:parameterization.type=ar"
#   run-grid.sh subs-ablation --variant "carry-over off:parameterization.carry_over=false" --variant "zero masking off:parameterization.zero_masking=false" --variant "discrete T=1000:parameterization.time_steps=1000" --variant "time conditioning on:model.time_conditioning=true;sampler.type=ddpm"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)   # this checkout
SHARED=${MDLM_SHARED:-$ROOT/../shared}                  # the shared data folder beside it
name=$1; shift
export OMP_NUM_THREADS=1
cd /tmp/grids
exec java -Xmx4g -Dmdlm.home=$ROOT -cp "/tmp/grid-dist/classes:/tmp/grid-dist/lib/*" org.mdlm.cli.Main ablate \
  --preset text8-standin --data $SHARED/data/text/text8-standin --threads 1 \
  --set train.steps=1000 --set train.eval_every=250 --set train.checkpoint_every=250 \
  --seeds 3 --out /tmp/grids/$name "$@" > /tmp/grids/$name.out 2> /tmp/grids/$name.err
