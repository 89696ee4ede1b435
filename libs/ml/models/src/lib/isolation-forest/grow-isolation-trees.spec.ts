import { growIsolationTrees } from './grow-isolation-trees';
import { spreadSeed, SeededRandom } from '@shopfloor/util';

/** 300 rows × 2 features, column-major; feature 1 is constant. */
const rows = 300;
const columns = Float64Array.from({ length: rows * 2 }, (_, i) => (i < rows ? (Math.sin(i * 12.9898) * 43758.5453) % 1 : 4));

/** Walks one preorder tree: its leaves as [depth, size]. */
function leaves(feature: Int16Array, start: number): { leaves: [number, number][]; end: number } {
  const found: [number, number][] = [];
  const walk = (node: number, depth: number): number => {
    if (feature[node] < 0) {
      found.push([depth, node]);
      return node + 1;
    }
    return walk(walk(node + 1, depth + 1), depth + 1);
  };
  return { leaves: found, end: walk(start, 0) };
}

describe(growIsolationTrees.name, () => {
  const grown = growIsolationTrees(columns, rows, 2, { trees: 5, sampleSize: 64, random: new SeededRandom(spreadSeed(1)) });

  it('grows trees of ψ rows each, no deeper than ceil(log2 ψ)', () => {
    let start = 0;
    grown.treeNodes.forEach((count) => {
      const tree = leaves(grown.feature, start);
      expect(tree.end - start).toBe(count);
      expect(tree.leaves.reduce((sum, [, node]) => sum + grown.value[node], 0)).toBe(64);
      expect(Math.max(...tree.leaves.map(([depth]) => depth))).toBeLessThanOrEqual(6);
      start += count;
    });
    expect(start).toBe(grown.feature.length);
  });

  it('never splits on a constant feature', () => {
    expect(Array.from(grown.feature).filter((f) => f === 1)).toEqual([]);
  });

  it('grows the same trees from the same seed', () => {
    const again = growIsolationTrees(columns, rows, 2, { trees: 5, sampleSize: 64, random: new SeededRandom(spreadSeed(1)) });
    expect(again).toEqual(grown);
  });
});
