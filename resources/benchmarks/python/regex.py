"""regex (after the Benchmarks Game's regex-redux): on the output of the fasta program,
strip the headers and line breaks, count the matches of nine DNA 8-mer variant
patterns, then apply five alternation substitutions in turn.

The input text is generated once, untimed (fasta.py). Size = the fasta n;
result = "<nine counts, comma-separated>:<input length>:<cleaned length>:<final length>".
"""
import re

from _protocol import run
from fasta import fasta_text

VARIANTS = [
    "agggtaaa|tttaccct",
    "[cgt]gggtaaa|tttaccc[acg]",
    "a[act]ggtaaa|tttacc[agt]t",
    "ag[act]gtaaa|tttac[agt]ct",
    "agg[act]taaa|ttta[agt]cct",
    "aggg[acg]aaa|ttt[cgt]ccct",
    "agggt[cgt]aa|tt[acg]accct",
    "agggta[cgt]a|t[acg]taccct",
    "agggtaa[cgt]|[acg]ttaccct",
]

SUBSTITUTIONS = [
    ("tHa[Nt]", "<4>"),
    ("aND|caN|Ha[DS]|WaS", "<3>"),
    ("a[NSt]|BY", "<2>"),
    ("<[^>]*>", "|"),
    (r"\|[^|][^|]*\|", "-"),
]


def regex(text):
    sequence = re.sub(">.*\n|\n", "", text)
    counts = [len(re.findall(pattern, sequence)) for pattern in VARIANTS]
    replaced = sequence
    for pattern, replacement in SUBSTITUTIONS:
        replaced = re.sub(pattern, replacement, replaced)
    return f"{','.join(map(str, counts))}:{len(text)}:{len(sequence)}:{len(replaced)}"


if __name__ == "__main__":
    run("regex", regex, default_size=1000, setup=fasta_text, min_size=0)
