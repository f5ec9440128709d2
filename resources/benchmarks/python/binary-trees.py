"""binary-trees (Benchmarks Game): allocate and walk many perfect binary trees -- a
test of allocation and garbage collection.

Size = maximum depth n; result = the sum of every check value the Benchmarks Game
program prints (stretch tree, each depth's total, long-lived tree).
"""
from _protocol import run


def bottom_up_tree(depth):
    # A node is a (left, right) tuple; a leaf is (None, None).
    if depth > 0:
        depth -= 1
        return (bottom_up_tree(depth), bottom_up_tree(depth))
    return (None, None)


def item_check(node):
    left, right = node
    if left is None:
        return 1
    return 1 + item_check(left) + item_check(right)


def binary_trees(n):
    min_depth = 4
    max_depth = max(min_depth + 2, n)
    total = item_check(bottom_up_tree(max_depth + 1))  # stretch tree

    long_lived_tree = bottom_up_tree(max_depth)
    for depth in range(min_depth, max_depth + 1, 2):
        iterations = 1 << (max_depth - depth + min_depth)
        check = 0
        for _ in range(iterations):
            check += item_check(bottom_up_tree(depth))
        total += check
    total += item_check(long_lived_tree)
    return str(total)


if __name__ == "__main__":
    run("binary-trees", binary_trees, default_size=10, min_size=0, max_size=24)
