"""fasta (Benchmarks Game): generate DNA sequences -- a repeated ALU sequence and two
random sequences drawn with the Benchmarks Game LCG from weighted alphabets.

The output is built in memory (never printed). Size = n (the Benchmarks Game argument:
2n + 3n + 5n nucleotides); result = "<output length>:<md5 of the output>".
"""
import hashlib
from bisect import bisect_right

from _protocol import run

LINE_WIDTH = 60

ALU = (
    "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGG"
    "GAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA"
    "CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAAT"
    "ACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA"
    "GCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGG"
    "AGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCC"
    "AGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA"
)

IUB = [
    ("a", 0.27), ("c", 0.12), ("g", 0.12), ("t", 0.27),
    ("B", 0.02), ("D", 0.02), ("H", 0.02), ("K", 0.02), ("M", 0.02), ("N", 0.02),
    ("R", 0.02), ("S", 0.02), ("V", 0.02), ("W", 0.02), ("Y", 0.02),
]

HOMO_SAPIENS = [
    ("a", 0.3029549426680), ("c", 0.1979883004921), ("g", 0.1975473066391), ("t", 0.3015094502008),
]

IM = 139968
IA = 3877
IC = 29573


class Random:
    def __init__(self):
        self.last = 42

    def next(self):
        self.last = (self.last * IA + IC) % IM
        return self.last / IM


def repeat_fasta(lines, header, sequence, n):
    lines.append(header)
    wrapped = sequence + sequence[:LINE_WIDTH]
    pos = 0
    while n > 0:
        width = min(n, LINE_WIDTH)
        lines.append(wrapped[pos : pos + width])
        pos = (pos + width) % len(sequence)
        n -= width


def random_fasta(lines, header, table, n, random):
    lines.append(header)
    symbols = [symbol for symbol, _ in table]
    cumulative = []
    total = 0.0
    for _, probability in table:
        total += probability
        cumulative.append(total)
    last = len(symbols) - 1
    next_random = random.next
    while n > 0:
        width = min(n, LINE_WIDTH)
        # bisect_right: the first k with r < cumulative[k]
        lines.append("".join([symbols[min(bisect_right(cumulative, next_random()), last)] for _ in range(width)]))
        n -= width


def fasta_text(n):
    """The complete fasta output for n, exactly as the Benchmarks Game program prints it."""
    random = Random()
    lines = []
    repeat_fasta(lines, ">ONE Homo sapiens alu", ALU, n * 2)
    random_fasta(lines, ">TWO IUB ambiguity codes", IUB, n * 3, random)
    random_fasta(lines, ">THREE Homo sapiens frequency", HOMO_SAPIENS, n * 5, random)
    return "\n".join(lines) + "\n"


def fasta(n):
    text = fasta_text(n)
    md5 = hashlib.md5(text.encode("ascii")).hexdigest()
    return f"{len(text)}:{md5}"


if __name__ == "__main__":
    run("fasta", fasta, default_size=1000, min_size=0)
