"""Counts the primes below N by trial division: the same function, statement for statement, as primes.js."""
import sys


def count_primes(limit):
    count = 0
    for n in range(2, limit):
        prime = True
        d = 2
        while d * d <= n:
            if n % d == 0:
                prime = False
                break
            d += 1
        if prime:
            count += 1
    return count


def main():
    try:
        limit = int(sys.argv[1])
    except (IndexError, ValueError):
        limit = -1
    if limit < 0:
        print("usage: primes.py N", file=sys.stderr)
        sys.exit(2)
    print(count_primes(limit))


if __name__ == "__main__":
    main()
