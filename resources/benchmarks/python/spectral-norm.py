"""spectral-norm (Benchmarks Game): the spectral norm of the infinite matrix
A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1), truncated to n x n, by ten rounds of
the power method on A^T A. Size = n; result = the norm, 9 decimals.

Sums are accumulated left to right in explicit loops, as in the JavaScript program:
the built-in sum() of floats is compensated in Python 3.12+ and would round differently.
"""
from math import sqrt

from _protocol import run


def a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def multiply_av(n, v):
    av = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += a(i, j) * v[j]
        av.append(total)
    return av


def multiply_atv(n, v):
    atv = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += a(j, i) * v[j]
        atv.append(total)
    return atv


def multiply_atav(n, v):
    return multiply_atv(n, multiply_av(n, v))


def spectral_norm(n):
    u = [1.0] * n
    for _ in range(10):
        v = multiply_atav(n, u)
        u = multiply_atav(n, v)
    vbv = vv = 0.0
    for ui, vi in zip(u, v):
        vbv += ui * vi
        vv += vi * vi
    return f"{sqrt(vbv / vv):.9f}"


if __name__ == "__main__":
    run("spectral-norm", spectral_norm, default_size=100, min_size=1)
