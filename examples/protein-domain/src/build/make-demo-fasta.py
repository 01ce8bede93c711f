#!/usr/bin/env python3
"""Writes demo.fasta: synthetic protein-like sequences for the example plugin's preset.

The sequences are generated, not taken from any database: a seeded first-order Markov chain (Zipf-like residue frequencies) over
the 20 amino acids with a few recurring motifs, so that a small model has structure to learn.
Run from this folder: python3 src/build/make-demo-fasta.py
"""
import random

AA = "ACDEFGHIKLMNPQRSTVWY"
MOTIFS = ["GKSGKT", "HEXXH".replace("X", "A"), "CXXC".replace("X", "G"), "LXXLL".replace("X", "E"), "DGSGNGT"]
rng = random.Random(20241128)
base = [1.0 / (k + 1) for k in range(len(AA))]  # Zipf-like residue frequencies
trans = {a: [base[k] * rng.random() ** 3 for k in range(len(AA))] for a in AA}
out = []
for i in range(400):
    n = rng.randint(80, 240)
    seq = [rng.choice(AA)]
    while len(seq) < n:
        if rng.random() < 0.04:
            seq.extend(rng.choice(MOTIFS))
        else:
            seq.append(rng.choices(AA, weights=trans[seq[-1]])[0])
    s = "".join(seq[:n])
    out.append(f">demo_{i:03d} synthetic\n" + "\n".join(s[j:j + 60] for j in range(0, len(s), 60)))
with open("src/main/resources/org/example/protein/demo.fasta", "w") as f:
    f.write("\n".join(out) + "\n")
