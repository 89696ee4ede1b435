import { averagePathLength } from './average-path-length';
import { IsolationTreeSet } from './isolation-tree-set';

/**
 * One tree over ψ = 4 rows and one feature: the root splits at 0.5 into a leaf of 1 row (left) and a node splitting
 * at 2 into leaves of 1 and 2 rows.
 */
const tree = {
  treeNodes: Int32Array.from([5]),
  feature: Int16Array.from([0, -1, 0, -1, -1]),
  value: Float64Array.from([0.5, 1, 2, 1, 2]),
};
const set = IsolationTreeSet.from(tree, 1, 4);

describe(IsolationTreeSet.name, () => {
  it('measures the path as depth plus c(rows in the leaf)', () => {
    expect(set.meanPathLength(Float64Array.from([0]))).toBe(1);
    expect(set.meanPathLength(Float64Array.from([1]))).toBe(2);
    expect(set.meanPathLength(Float64Array.from([3]))).toBe(2 + averagePathLength(2));
  });

  it('scores a column-major batch as row by row', () => {
    const columns = Float64Array.from([0, 1, 3, 0.5, 2]);
    expect(Array.from(set.meanPathLengths(columns, 5))).toEqual(Array.from(columns, (x) => set.meanPathLength(Float64Array.from([x]))));
  });

  it('takes the training rows mean path as the reference and attributes the difference', () => {
    // Paths of the 4 rows: 1, 2, 3, 3 (the two-row leaf at depth 2 adds c(2) = 1).
    expect(set.meanTrainingPath).toBe(9 / 4);
    const shortening = new Float64Array(1);
    const path = set.attribute(Float64Array.from([0]), shortening);
    expect(path).toBe(1);
    expect(shortening[0]).toBe(9 / 4 - 1);
  });

  it.each([
    ['a leaf of no rows', { ...tree, value: Float64Array.from([0.5, 0, 2, 1, 2]) }],
    ['a tree that ends early', { ...tree, treeNodes: Int32Array.from([1, 4]) }],
    ['a tree missing its last nodes', { ...tree, treeNodes: Int32Array.from([4]), feature: tree.feature.slice(0, 4), value: tree.value.slice(0, 4) }],
    ['leaves that do not hold ψ rows', { ...tree, value: Float64Array.from([0.5, 1, 2, 1, 1]) }],
    ['a split that is not finite', { ...tree, value: Float64Array.from([NaN, 1, 2, 1, 2]) }],
    ['no tree at all', { treeNodes: new Int32Array(0), feature: new Int16Array(0), value: new Float64Array(0) }],
  ])('rejects %s', (_, bad) => {
    expect(() => IsolationTreeSet.from(bad, 1, 4)).toThrow(RangeError);
  });
});
