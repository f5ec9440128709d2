"""fib: the naive doubly recursive Fibonacci function -- a test of function calls.

Size = n; result = fib(n).
"""
from _protocol import run


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


if __name__ == "__main__":
    run("fib", lambda n: str(fib(n)), default_size=25, min_size=0, max_size=50)
