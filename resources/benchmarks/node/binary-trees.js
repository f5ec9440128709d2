'use strict';
// binary-trees (Benchmarks Game): allocate and walk many perfect binary trees -- a
// test of allocation and garbage collection.
// Size = maximum depth n; result = the sum of every check value the Benchmarks Game
// program prints (stretch tree, each depth's total, long-lived tree).
const { run } = require('./_protocol');

class TreeNode {
  constructor(left, right) {
    this.left = left;
    this.right = right;
  }
}

function bottomUpTree(depth) {
  return depth > 0
    ? new TreeNode(bottomUpTree(depth - 1), bottomUpTree(depth - 1))
    : new TreeNode(null, null);
}

function itemCheck(node) {
  if (node.left === null) return 1;
  return 1 + itemCheck(node.left) + itemCheck(node.right);
}

function binaryTrees(n) {
  const minDepth = 4;
  const maxDepth = Math.max(minDepth + 2, n);
  let total = itemCheck(bottomUpTree(maxDepth + 1)); // stretch tree

  const longLivedTree = bottomUpTree(maxDepth);
  for (let depth = minDepth; depth <= maxDepth; depth += 2) {
    const iterations = 1 << (maxDepth - depth + minDepth);
    let check = 0;
    for (let i = 0; i < iterations; i++) check += itemCheck(bottomUpTree(depth));
    total += check;
  }
  total += itemCheck(longLivedTree);
  return String(total);
}

run({ name: 'binary-trees', defaultSize: 10, minSize: 0, maxSize: 24, kernel: binaryTrees });
