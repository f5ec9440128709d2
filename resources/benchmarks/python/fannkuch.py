"""fannkuch-redux (Benchmarks Game): for every permutation of 1..n, count the prefix
reversals ("pancake flips") until the first element is 1.

Size = n; result = "checksum:maxflips" (for n = 7: "228:16").
"""
from _protocol import run


def fannkuch(n):
    perm1 = list(range(n))  # the current permutation, in generation order
    count = [0] * n
    max_flips = 0
    checksum = 0
    perm_index = 0
    r = n

    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1

        perm = perm1[:]
        flips = 0
        first = perm[0]
        while first:
            perm[: first + 1] = perm[first::-1]  # reverse perm[0..first]
            flips += 1
            first = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += -flips if perm_index % 2 else flips

        # next permutation: rotate the first r + 1 elements left until a counter is left
        while True:
            if r == n:
                return f"{checksum}:{max_flips}"
            perm1.insert(r, perm1.pop(0))
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_index += 1


if __name__ == "__main__":
    run("fannkuch", fannkuch, default_size=7, min_size=1, max_size=12)
