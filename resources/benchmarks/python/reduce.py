"""reduce: three reductions over two vectors of N small integers (0..15) held as doubles:
the sum of x, the dot product x . y and the sum of squares x . x.

Variants: "numpy" (float64 arrays: x.sum(), x @ y, x @ x; one pass per call) and "pure"
(lists of floats: sum(x) and sum(map(mul, ...)), the fastest plain-Python idiom). The
vectors are drawn once, untimed, from the shared Park-Miller LCG, as the Node program
draws them: each draw v gives x[i] = v mod 16 and y[i] = (v div 16) mod 16. Every partial
sum is an integer below 2^53, so the results are exact whatever the order of summation
(numpy sums pairwise) and are the same for every variant.

Size = N; result = "<sum x>:<x . y>:<x . x>".
"""
from array import array
from operator import mul

from _lcg import Lcg
from _protocol import require_library, run

VARIANTS = ("numpy", "pure")



def setup(count, opts):
    np = require_library("numpy", "python3-numpy") if opts["variant"] == "numpy" else None
    rng = Lcg(2024)
    # A packed array rather than a list, so the draws do not dominate the numpy variant's peak RSS.
    draws = array("q", (rng.next() for _ in range(count)))
    if np is not None:
        d = np.frombuffer(draws, dtype=np.int64)
        return ((d % 16).astype(np.float64), (d // 16 % 16).astype(np.float64))
    return ([float(v % 16) for v in draws], [float(v // 16 % 16) for v in draws])


def reduce_numpy(data):
    x, y = data
    return f"{int(x.sum())}:{int(x @ y)}:{int(x @ x)}"


def reduce_pure(data):
    x, y = data
    return f"{int(sum(x))}:{int(sum(map(mul, x, y)))}:{int(sum(map(mul, x, x)))}"


def reduce(data, opts):
    if opts["variant"] == "numpy":
        return reduce_numpy(data)
    return reduce_pure(data)


if __name__ == "__main__":
    run("reduce", reduce, default_size=1000000, setup=setup, min_size=1, max_size=100000000,
        variants=VARIANTS, takes_options=True)
