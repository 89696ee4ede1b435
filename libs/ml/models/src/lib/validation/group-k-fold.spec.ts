import { groupKFold } from './group-k-fold';

// Machines with 10, 8, 6, 5, 4, 3, 2 and 2 rows.
const groups = [
  ...Array<string>(10).fill('m1'),
  ...Array<string>(8).fill('m2'),
  ...Array<string>(6).fill('m3'),
  ...Array<string>(5).fill('m4'),
  ...Array<string>(4).fill('m5'),
  ...Array<string>(3).fill('m6'),
  ...Array<string>(2).fill('m7'),
  ...Array<string>(2).fill('m8'),
];

describe(groupKFold.name, () => {
  it('never splits a group across folds and uses every index once', () => {
    const folds = groupKFold(groups, 3, 1);
    expect(folds.flat().sort((a, b) => a - b)).toEqual(groups.map((_, i) => i));
    for (const fold of folds) {
      for (const i of fold) expect(folds.filter((other) => other.some((j) => groups[j] === groups[i]))).toHaveLength(1);
    }
  });

  it('balances the folds by row count', () => {
    const sizes = groupKFold(groups, 3, 1).map((fold) => fold.length);
    expect(sizes.reduce((a, b) => a + b)).toBe(40);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(2);
  });

  it('accepts numeric groups and rejects fewer groups than folds', () => {
    expect(groupKFold([1, 1, 2, 2], 2, 1).map((fold) => fold.length)).toEqual([2, 2]);
    expect(() => groupKFold(['a', 'a', 'b'], 3, 1)).toThrow(RangeError);
  });
});
