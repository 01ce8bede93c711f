#!/usr/bin/env bash
# Dense vs lazy AdamW for the embedding table on webtext-standin (issue #14). Resumable: rerun to continue.
mode=$1
export OMP_NUM_THREADS=1
cd /tmp/lazy
if [ -f $mode/checkpoints/ckpt-000500.zip ] || ls $mode/ckpt* >/dev/null 2>&1; then R="--resume $mode"; else R="--out $mode"; fi
[ -d $mode ] && R="--resume $mode"
exec java -Xmx6g -Dmdlm.home=/work/main -cp "/tmp/grid-dist/classes:/tmp/grid-dist/lib/*" org.mdlm.cli.Main train \
  --preset webtext-standin --data /work/shared/data/text/webtext-standin --threads 1 $R \
  --set train.steps=500 --set train.eval_every=100 --set train.checkpoint_every=100 --set train.eval_windows=32 \
  --set train.embedding_update=$mode > $mode.out 2> $mode.err
