#!/usr/bin/env bash
# Runs the PyTorch peer (../shared/bench/peer_mdlm.py) and mdlm's benches alternately on this
# machine, ROUNDS rounds, for the tiny and small presets, training and sampling, each in its own
# process so that every peak RSS belongs to one job. Writes one JSON per run into OUT (outside the
# repository), then prints the table (summarize.py).
#   bash bench/peer/side-by-side.sh [ROUNDS] [OUT] [PRESETS] [FIRST_ROUND]
#   (defaults: 3, /tmp/side-by-side, "tiny small", 1). SAMPLE_PRESETS (default: PRESETS) limits the
#   sampling jobs: small's ddpm_cache takes ~2 minutes per run on each side.
# Needs: a built tree (mvn -B -q package -DskipTests), and Debian's python3-torch + libopenblas0-openmp.
# Both sides on 2 threads: the peer with --threads 2; mdlm with --threads 2 (products, Java kernels,
# workers) and libnd4j's own small ops at OMP_NUM_THREADS=1 (the launcher's default).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rounds="${1:-3}"
out="${2:-/tmp/side-by-side}"
presets="${3:-tiny small}"
first="${4:-1}"
sample_presets="${SAMPLE_PRESETS:-$presets}"
peer="$here/../shared/bench/peer_mdlm.py"
[ -f "$peer" ] || { echo "no PyTorch peer at $peer (../shared beside the checkout)" >&2; exit 2; }
mkdir -p "$out"
cp_="$here/mdlm-cli/target/classes:$here/mdlm-cli/target/lib/*"
# The launcher's memory settings (./mdlm: serial collector with a small young generation, fixed mmap threshold).
java_opts=(--add-modules jdk.incubator.vector ${MDLM_JAVA_OPTS:--Xms64m -Xmx6g -XX:+UseSerialGC -Xmn16m})
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-8388608}"
peer_args() {
  case "$1" in
    tiny) echo "--vocab 28 --seq-len 128 --batch 16 --hidden 128 --heads 4 --blocks 2 --threads 2" ;;
    small) echo "--vocab 8192 --seq-len 128 --batch 32 --hidden 256 --heads 4 --blocks 4 --threads 2" ;;
  esac
}
# Warm-up steps, the same on both sides: enough for the JVM's JIT to finish compiling the kernels
# (tiny: ~20 ms/step slower for the first ~50 steps; small: ~10% for the first ~8), which a training
# run of thousands of steps pays once.
train_steps() { [ "$1" = tiny ] && echo "--steps 30 --warmup 60" || echo "--steps 10 --warmup 12"; }
# mdlm's untimed forward passes before the timed ones (the JIT again: a tiny pass takes ~35 ms for
# the first ~100 calls, then ~19 ms); a sampling run makes 129 calls.
sample_warmup() { [ "$1" = tiny ] && echo "--warmup 150" || echo "--warmup 20"; }
# mdlm's training configuration per preset: tiny trains data-parallel on both cores (two gradient
# workers of 8 sequences, each on one thread), small with one worker whose large products and kernels
# use both cores (measured the faster and leaner choice for each; bench/RESULTS.md).
mdlm_train_args() { [ "$1" = tiny ] && echo "--set train.workers=2" || echo ""; }
rss() { /usr/bin/time -f "%M" -o "$1" "${@:2}"; }
for r in $(seq "$first" "$rounds"); do
  for p in $presets; do
    echo "round $r, $p: peer train" >&2
    # shellcheck disable=SC2046
    rss "$out/r$r-$p-peer-train.rss" /usr/bin/python3 "$peer" $(peer_args "$p") $(train_steps "$p") \
      --mode train --matmul --json "$out/r$r-$p-peer-train.json" >/dev/null
    echo "round $r, $p: mdlm train" >&2
    # shellcheck disable=SC2046
    OMP_NUM_THREADS=1 rss "$out/r$r-$p-mdlm-train.rss" java "${java_opts[@]}" -cp "$cp_" org.mdlm.cli.Main \
      bench train --preset "$p" $(train_steps "$p") $(mdlm_train_args "$p") --threads 2 --json >"$out/r$r-$p-mdlm-train.json"
    case " $sample_presets " in *" $p "*) ;; *) continue ;; esac
    echo "round $r, $p: peer sample" >&2
    # shellcheck disable=SC2046
    # Sampling at B=16 on both sides (the issue's forward pass and ddpm_cache run): the peer's
    # --batch (32 for small's training) also sets its forward pass and sampling batch.
    rss "$out/r$r-$p-peer-sample.rss" /usr/bin/python3 "$peer" $(peer_args "$p") --batch 16 --sample-batch 16 --mode sample \
      --sample-steps 128 --sample-repeats 3 --nfe-reps 20 --json "$out/r$r-$p-peer-sample.json" >/dev/null
    echo "round $r, $p: mdlm sample" >&2
    OMP_NUM_THREADS=1 rss "$out/r$r-$p-mdlm-sample.rss" java "${java_opts[@]}" -cp "$cp_" org.mdlm.cli.Main \
      bench sample --preset "$p" --samplers ddpm_cache --steps-list 128 --sample-batch 16 --batch 16 $(sample_warmup "$p") \
      --repeats 3 --runs 20 --threads 2 --json >"$out/r$r-$p-mdlm-sample.json"
  done
done
/usr/bin/python3 "$here/bench/peer/summarize.py" "$out"
