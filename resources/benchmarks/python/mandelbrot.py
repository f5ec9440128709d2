"""mandelbrot (Benchmarks Game): plot the Mandelbrot set [-1.5-i, 0.5+i] on an n x n
bitmap (50 iterations, escape at |z| > 2) as a packed PBM image, built in memory.

Size = n; result = "<points in the set>:<md5 of the PBM image>".
"""
import hashlib

from _protocol import run

MAX_ITERATIONS = 50
LIMIT_SQUARED = 4.0


def mandelbrot(n):
    image = bytearray(f"P4\n{n} {n}\n".encode("ascii"))
    in_set = 0

    for y in range(n):
        ci = 2.0 * y / n - 1.0
        bits = 0
        for x in range(n):
            cr = 2.0 * x / n - 1.5
            zr = zi = tr = ti = 0.0
            for _ in range(MAX_ITERATIONS):
                if tr + ti > LIMIT_SQUARED:
                    break
                zi = 2.0 * zr * zi + ci
                zr = tr - ti + cr
                tr = zr * zr
                ti = zi * zi
            bits <<= 1
            if tr + ti <= LIMIT_SQUARED:
                bits |= 1
                in_set += 1
            if x % 8 == 7:
                image.append(bits)
                bits = 0
        if n % 8:
            image.append(bits << (8 - n % 8))  # pad the last byte of the row

    return f"{in_set}:{hashlib.md5(image).hexdigest()}"


if __name__ == "__main__":
    run("mandelbrot", mandelbrot, default_size=200, min_size=1)
