"""string-build: build a large CSV document of N rows from f-string pieces joined
with str.join (the everyday Python way), then hash it.

Size = N (rows); result = "<length>:<md5 of the text>".
"""
import hashlib

from _protocol import run

PRODUCTS = ["apple", "banana", "cherry", "damson", "elderberry", "fig", "grape"]


def build_csv(rows):
    parts = ["id,product,quantity,price_cents,in_stock\n"]
    for i in range(rows):
        in_stock = "true" if i % 3 != 0 else "false"
        parts.append(f"{i},{PRODUCTS[i % len(PRODUCTS)]},{i * 7919 % 1000},{i * 104729 % 100000},{in_stock}\n")
    return "".join(parts)


def string_build(rows):
    csv = build_csv(rows)
    md5 = hashlib.md5(csv.encode("utf-8")).hexdigest()
    return f"{len(csv)}:{md5}"


if __name__ == "__main__":
    run("string-build", string_build, default_size=100000, min_size=0)
