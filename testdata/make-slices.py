#!/usr/bin/env python3
"""Cuts the project's test-data slices out of the shared data folder and checks where they came from.

Usage: testdata/make-slices.py [DATA_DIR]   (DATA_DIR defaults to ../shared/data beside the project)

Writes, under testdata/:
  text/text8-slice/{train,valid,test}.txt.gz  character ranges of text8-standin's splits
  text/webtext-sample.jsonl.gz                records of webtext-standin's valid split, verbatim
  dna/hg19-chr20-head.fa.gz                   the first BGZF blocks of hg19-chr20.fa.gz, verbatim

Only public-domain documents are cut: State of the Union addresses (works of the US federal
government) and chapters of Moby-Dick (1851). The text8-standin file does not say which document a
character belongs to, so every range below is checked to be exactly the text8 normalisation
(lower case, digits spelled out, any other run of characters -> one space) of the named
webtext-standin documents: a range that held anything else would stop the script. The chromosome
slice is the reference genome (public), cut at BGZF block boundaries and closed with the standard
empty end-of-file block, so it is itself a valid bgzip file.

gzip files are written with mtime 0: re-running the script reproduces them byte for byte.
"""
import gzip
import hashlib
import json
import os
import re
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "data"))
DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

# split -> list of (first document id, last document id) ranges of text8-standin, in file order.
TEXT8_RANGES = {
    "train": [("1790_george_washington_n", "1800_john_adams_f"), ("chapter_1", "chapter_2")],
    "valid": [("1808_thomas_jefferson_dr", "1808_thomas_jefferson_dr"), ("chapter_15", "chapter_135")],
    "test": [("1809_james_madison_dr", "1809_james_madison_dr"), ("chapter_16", "chapter_116")],
}
# webtext-standin valid records copied verbatim: the same documents as text8-slice/valid.txt.gz.
JSONL_IDS = ["1808_thomas_jefferson_dr", "chapter_15", "chapter_35", "chapter_55", "chapter_75", "chapter_95",
             "chapter_115", "chapter_135"]
PUBLIC_DOMAIN = {"sotu", "mobydick"}
CHR20_BLOCKS = 5
BGZF_EOF = bytes.fromhex("1f8b08040000000000ff0600424302001b0003000000000000000000")


def text8(text):
    """The normalisation that made text8-standin (checked against it below, range by range)."""
    text = re.sub(r"[0-9]", lambda m: " " + DIGITS[int(m.group())] + " ", text.lower())
    return re.sub(r"[^a-z]+", " ", text).strip()


def webtext(split):
    """(raw line, record) of a webtext-standin split, in file order."""
    with gzip.open(os.path.join(DATA, "text", "webtext-standin", split + ".jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield line, json.loads(line)


def write_gzip(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(data)


def report(path, what):
    data = open(path, "rb").read()
    print("%-40s %8d bytes  %s  sha256 %s" % (os.path.relpath(path, HERE), len(data), what,
                                               hashlib.sha256(data).hexdigest()))


def text8_slices():
    for split, ranges in TEXT8_RANGES.items():
        with gzip.open(os.path.join(DATA, "text", "text8-standin", split + ".txt.gz"), "rt", encoding="ascii") as f:
            full = f.read()
        docs = [r for _, r in webtext(split)]
        pieces, described = [], []
        for first, last in ranges:
            ids = [r["id"] for r in docs]
            chosen = docs[ids.index(first):ids.index(last) + 1]
            chosen = [r for r in chosen if r["source"] in PUBLIC_DOMAIN]
            expected = " ".join(text8(r["text"]) for r in chosen)
            start = full.find(expected)
            if start < 0 or full.find(expected, start + 1) >= 0:
                sys.exit("%s: the documents %s..%s are not one contiguous range of text8-standin" % (split, first, last))
            pieces.append(full[start:start + len(expected)])
            described.append("[%d, %d) = %s" % (start, start + len(expected), ", ".join(r["id"] for r in chosen)))
        out = os.path.join(HERE, "text", "text8-slice", split + ".txt.gz")
        write_gzip(out, " ".join(pieces).encode("ascii"))
        report(out, "%d characters: text8-standin/%s.txt.gz %s" % (len(" ".join(pieces)), split, "; ".join(described)))


def jsonl_sample():
    lines = {r["id"]: line for line, r in webtext("valid") if r["id"] in JSONL_IDS}
    assert all(lines[i] and json.loads(lines[i])["source"] in PUBLIC_DOMAIN for i in JSONL_IDS)
    out = os.path.join(HERE, "text", "webtext-sample.jsonl.gz")
    write_gzip(out, "".join(lines[i] for i in JSONL_IDS).encode("utf-8"))
    report(out, "%d records of webtext-standin/valid.jsonl.gz: %s" % (len(JSONL_IDS), ", ".join(JSONL_IDS)))


def chr20_head():
    src = open(os.path.join(DATA, "dna", "hg19-chr20.fa.gz"), "rb").read()
    off, uncompressed = 0, 0
    for _ in range(CHR20_BLOCKS):
        assert src[off:off + 4] == b"\x1f\x8b\x08\x04", "not a BGZF block at %d" % off
        xlen = struct.unpack("<H", src[off + 10:off + 12])[0]
        extra, i, bsize = src[off + 12:off + 12 + xlen], 0, None
        while i < xlen:
            slen = struct.unpack("<H", extra[i + 2:i + 4])[0]
            if extra[i:i + 2] == b"BC":
                bsize = struct.unpack("<H", extra[i + 4:i + 6])[0] + 1
            i += 4 + slen
        uncompressed += struct.unpack("<I", src[off + bsize - 4:off + bsize])[0]
        off += bsize
    out = os.path.join(HERE, "dna", "hg19-chr20-head.fa.gz")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "wb") as f:
        f.write(src[:off] + BGZF_EOF)
    report(out, "the first %d BGZF blocks (%d bytes of FASTA) of dna/hg19-chr20.fa.gz + the EOF block"
           % (CHR20_BLOCKS, uncompressed))


if __name__ == "__main__":
    if not os.path.isdir(DATA):
        sys.exit("data folder not found: " + DATA)
    text8_slices()
    jsonl_sample()
    chr20_head()
