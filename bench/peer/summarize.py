#!/usr/bin/env python3
"""Prints the side-by-side table of bench/peer/side-by-side.sh from the JSON and RSS files in OUT:
per preset, the median over rounds of each figure for the PyTorch peer and mdlm, the ratio of the
medians, and the per-round ratios (peer time / mdlm time: above 1 means mdlm is faster; for RSS
mdlm / peer: at most 1.5 is the issue's floor)."""
import json
import statistics
import sys
from pathlib import Path


def load(out, r, preset, side, job):
    base = out / f"r{r}-{preset}-{side}-{job}"
    j = base.with_suffix(".json")
    if not j.exists():
        return None, None
    data = json.loads(j.read_text())
    rss_mib = None
    rf = base.with_suffix(".rss")
    if rf.exists():
        lines = [l for l in rf.read_text().split() if l.strip().isdigit()]
        rss_mib = int(lines[-1]) / 1024 if lines else None
    return data, rss_mib


def figures(out, r, preset):
    f = {}
    pt, pt_rss = load(out, r, preset, "peer", "train")
    mt, mt_rss = load(out, r, preset, "mdlm", "train")
    ps, ps_rss = load(out, r, preset, "peer", "sample")
    ms, ms_rss = load(out, r, preset, "mdlm", "sample")
    if pt and mt:
        f["train ms/step"] = (pt["train"]["step"]["median_s"] * 1e3, mt["ms_per_step_median"])
        f["train peak RSS MiB"] = (pt_rss, mt_rss)
        if "matmul_1024" in pt:
            f["sgemm GFLOP/s (2 threads)"] = (pt["matmul_1024"]["gflops_median"], mt["sgemm_1024_gflops"])
        f["model GFLOP/s"] = (pt["train"]["gflops_median"], mt["model_gflops"])
    if ps and ms:
        f["forward ms (B=16)"] = (ps["sample"]["nfe_forward"]["median_s"] * 1e3, ms["ms_per_forward_median"])
        f["ddpm_cache T=128 B=16 s"] = (ps["sample"]["run"]["median_s"], ms["ddpm_cache_T128_seconds"])
        f["sample peak RSS MiB"] = (ps_rss, ms_rss)
    return f


def main():
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/side-by-side")
    rounds = sorted({int(p.name.split("-")[0][1:]) for p in out.glob("r*-*.json")})
    presets = sorted({p.name.split("-")[1] for p in out.glob("r*-*.json")}, key=lambda s: (s != "tiny", s))
    for preset in presets:
        per = [figures(out, r, preset) for r in rounds]
        names = [k for k in per[0]] if per else []
        print(f"\n{preset} ({len(rounds)} rounds)\n")
        print("| figure | peer | mdlm | peer/mdlm (time) or mdlm/peer (RSS), from the medians | per round |")
        print("|---|---:|---:|---:|---|")
        for name in names:
            pairs = [p[name] for p in per if name in p and None not in p[name]]
            if not pairs:
                continue
            peer = statistics.median(a for a, _ in pairs)
            mdlm = statistics.median(b for _, b in pairs)
            rss = "RSS" in name
            gflops = "GFLOP" in name
            if rss:
                ratio, rounds_ = mdlm / peer, [b / a for a, b in pairs]
            elif gflops:
                ratio, rounds_ = mdlm / peer, [b / a for a, b in pairs]
            else:
                ratio, rounds_ = peer / mdlm, [a / b for a, b in pairs]
            print(f"| {name} | {peer:.1f} | {mdlm:.1f} | {ratio:.2f} | {', '.join(f'{x:.2f}' for x in rounds_)} |")
        tr = [p for p in per if "model GFLOP/s" in p and "sgemm GFLOP/s (2 threads)" in p]
        if tr:
            frac = statistics.median(p["model GFLOP/s"][1] / p["sgemm GFLOP/s (2 threads)"][1] for p in tr)
            print(f"\nmdlm model GFLOP/s as a fraction of its same-run 2-thread sgemm: {frac:.0%}")


if __name__ == "__main__":
    main()
