"""parallel-cpu: a fixed amount of CPU-bound work -- 12 chunks of Park-Miller LCG steps,
each summing (state mod 1000) over its steps -- spread over a pool of N workers.

Variants: "threads" (multiprocessing.pool.ThreadPool: N threads of this process, so the
GIL lets one run Python code at a time) and "processes" (multiprocessing.Pool with the
"fork" start method: N forked processes, each with its own interpreter and GIL). The pool
is started in setup and kept warm across iterations (start-up is not timed); an iteration
maps the chunks over it one at a time (chunksize 1, so a free worker takes the next one)
and sums the results, so the work is the same at every worker count and 1-worker time /
N-worker time is the speed-up.

Size = total LCG steps (split as evenly as possible over the 12 chunks);
result = the sum over all chunks, the same for every worker count and variant.
"""
import multiprocessing
from multiprocessing.pool import ThreadPool

from _protocol import run

VARIANTS = ("threads", "processes")
CHUNKS = 12  # divisible by 1, 2, 3, 4 and 6 workers


def lcg_chunk(chunk):
    seed, steps = chunk
    state = seed
    acc = 0
    for _ in range(steps):
        state = state * 48271 % 2147483647
        acc += state % 1000
    return acc


def setup(size, opts):
    workers = opts["workers"] or 1
    if opts["variant"] == "threads":
        pool = ThreadPool(workers)
    else:
        # fork, stated rather than left to the platform default (spawn on macOS, and
        # Python 3.14 moves Linux to forkserver): the children start as copies of this one.
        pool = multiprocessing.get_context("fork").Pool(workers)
    chunks = [(1 + c * 7919, size // CHUNKS + (1 if c < size % CHUNKS else 0)) for c in range(CHUNKS)]
    return pool, chunks


def parallel_cpu(data, opts):
    pool, chunks = data
    return str(sum(pool.map(lcg_chunk, chunks, chunksize=1)))


def teardown(data):
    pool, _ = data
    pool.close()
    pool.join()


if __name__ == "__main__":
    run("parallel-cpu", parallel_cpu, default_size=1200000, setup=setup, min_size=0,
        variants=VARIANTS, takes_options=True, teardown=teardown)
