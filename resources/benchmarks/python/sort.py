"""sort: sort N pseudo-random integers in [0, 2^53) -- exact as JavaScript numbers and
as Python ints -- with the runtime's built-in sort and no key or comparator (sorted(),
Timsort in C); the Node program sorts a Float64Array the same way. The numbers are drawn
once, untimed, from a Park-Miller LCG; each iteration sorts a fresh copy.

Size = N; result = "<N>:<min>:<median>:<max>:<sum of 16 evenly spaced values mod 1e9+7>".
"""
from _protocol import run

MODULUS = 1000000007


def random_numbers(count):
    state = 20240601
    numbers = []
    for _ in range(count):
        state = state * 48271 % 2147483647
        high = state % 4194304  # 22 bits
        state = state * 48271 % 2147483647
        numbers.append(high * 2147483648 + state)  # high * 2^31 + 31 bits < 2^53
    return numbers


def sort_numbers(numbers):
    ordered = sorted(numbers)
    n = len(ordered)
    probe = 0
    for k in range(16):
        probe = (probe + ordered[k * (n - 1) // 15] % MODULUS) % MODULUS
    return f"{n}:{ordered[0]}:{ordered[n // 2]}:{ordered[-1]}:{probe}"


if __name__ == "__main__":
    run("sort", sort_numbers, default_size=100000, setup=random_numbers, min_size=1)
