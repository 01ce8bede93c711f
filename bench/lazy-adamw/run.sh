#!/usr/bin/env bash
# Dense vs lazy AdamW for the embedding table on webtext-standin (issue #14). Resumable: rerun to continue.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)   # this checkout
SHARED=${MDLM_SHARED:-$ROOT/../shared}                  # the shared data folder beside it
mode=$1
export OMP_NUM_THREADS=1
cd /tmp/lazy
if [ -d $mode ]; then R="--resume $mode"; else R="--out $mode"; fi
exec java -Xmx6g -Dmdlm.home=$ROOT -cp "/tmp/grid-dist/classes:/tmp/grid-dist/lib/*" org.mdlm.cli.Main train \
  --preset webtext-standin --data $SHARED/data/text/webtext-standin --threads 1 $R \
  --set train.steps=500 --set train.eval_every=100 --set train.checkpoint_every=100 --set train.eval_windows=32 \
  --set train.embedding_update=$mode > $mode.out 2> $mode.err
