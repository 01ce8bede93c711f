#!/usr/bin/env bash
# Interleaved step-cost comparison: Caduceus (default, 0.54 M parameters) vs a DiT of similar size
# (hidden 128, 4 heads, 2 blocks, cond 64: 533,766 parameters), same data, batch and length.
# Usage (after mvn -B -o -q package -DskipTests): B=2 L=256 ROUNDS=3 bench/caduceus-step-cost.sh
# DATA: a FASTA file (default ../shared/data/dna/hg19-chr20.fa.gz beside the project); OUT: where
# each run's JSON and peak RSS go (default /tmp/cadbench).
cd "$(dirname "${BASH_SOURCE[0]}")/.."
CP="mdlm-cli/target/classes:mdlm-cli/target/lib/*"
DNA="--set domain.type=dna --set domain.data=${DATA:-../shared/data/dna/hg19-chr20.fa.gz}"
B=${B:-2}; L=${L:-256}; ROUNDS=${ROUNDS:-3}; MODELS=${MODELS:-"caduceus dit"}; STEPS=${STEPS:-5}
out=${OUT:-/tmp/cadbench}/b${B}l${L}
mkdir -p $out
for r in $(seq 1 $ROUNDS); do
  echo "== round $r $(date +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg)"
  for m in $MODELS; do
    if [ $m = caduceus ]; then M="--set model.type=caduceus"; else M="--set model.hidden=128 --set model.heads=4 --set model.blocks=2 --set model.cond_dim=64"; fi
    OMP_NUM_THREADS=1 /usr/bin/time -f "rss_kb %M" -o $out/$m-$r.rss java -Xmx2g -cp "$CP" org.mdlm.cli.Main bench train --preset tiny $DNA \
      $M --set train.batch_size=$B --set train.seq_len=$L --steps $STEPS --warmup 2 --json > $out/$m-$r.json 2> $out/$m-$r.err
    echo "$m: $(grep -o "\"ms_per_step_median\"[^,]*" $out/$m-$r.json) $(grep -o "\"sgemm_1024_gflops\"[^,]*" $out/$m-$r.json) $(cat $out/$m-$r.rss)"
  done
done
