"""matmul: multiply two n x n matrices of small integers (0..9) held as doubles.

Variants: "numpy" (float64 arrays, A @ B, which calls the BLAS numpy was built against)
and "pure" (lists of lists of floats; each entry is sum(map(mul, row, column)) over the
columns of B, the fastest plain-Python idiom). The inputs are drawn once, untimed, from
the shared Park-Miller LCG (A first, then B, row by row), as the Node program draws them.
Every product and partial sum is an integer below 2^53, so the result is exact whatever
the order of summation (BLAS blocks and reorders it) and is the same for every variant.

Size = n; result = "<sum of C>:<sum of C[i][j] * (1 + (i * n + j) % 8)>".
"""
from operator import mul

from _lcg import Lcg
from _protocol import require_library, run

VARIANTS = ("numpy", "pure")


def draw_matrices(n):
    rng = Lcg(42)
    a = [float(rng.below(10)) for _ in range(n * n)]
    b = [float(rng.below(10)) for _ in range(n * n)]
    return a, b



def setup(n, opts):
    a, b = draw_matrices(n)
    if opts["variant"] == "numpy":
        np = require_library("numpy", "python3-numpy")
        weights = (np.arange(n * n) % 8 + 1).astype(np.float64).reshape(n, n)
        return (np, np.array(a).reshape(n, n), np.array(b).reshape(n, n), weights)
    rows_a = [a[i * n:(i + 1) * n] for i in range(n)]
    rows_b = [b[i * n:(i + 1) * n] for i in range(n)]
    return (n, rows_a, rows_b)


def multiply_numpy(data):
    np, a, b, weights = data
    c = a @ b
    return f"{int(c.sum())}:{int((c * weights).sum())}"


def multiply_pure(data):
    n, a, b = data
    columns = list(zip(*b))
    c = [[sum(map(mul, row, column)) for column in columns] for row in a]
    total = 0.0
    weighted = 0.0
    for i, row in enumerate(c):
        base = i * n
        for j, value in enumerate(row):
            total += value
            weighted += value * (1 + (base + j) % 8)
    return f"{int(total)}:{int(weighted)}"


def multiply(data, opts):
    if opts["variant"] == "numpy":
        return multiply_numpy(data)
    return multiply_pure(data)


if __name__ == "__main__":
    run("matmul", multiply, default_size=128, setup=setup, min_size=1, max_size=4096,
        variants=VARIANTS, takes_options=True)
