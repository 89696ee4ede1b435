import { FeatureBinner } from './feature-binner';

describe(FeatureBinner.name, () => {
  it('puts an edge between each pair of neighbouring values when there are few distinct values', () => {
    const rows = [[1], [3], [3], [NaN], [2]];
    const binner = FeatureBinner.fit(rows, [0, 1, 2, 3, 4], 1, 8);
    expect(Array.from(binner.edges[0])).toEqual([1.5, 2.5]);
    expect(Array.from(binner.bin(rows, [0, 1, 2, 3, 4]))).toEqual([0, 2, 2, 3, 1]);
  });

  it('makes at most maxBins bins of about equal counts and never splits tied values', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i < 300 ? 0 : i));
    const rows = values.map((v) => [v]);
    const all = values.map((_, i) => i);
    const binner = FeatureBinner.fit(rows, all, 1, 10);
    expect(binner.binCount(0)).toBeLessThanOrEqual(10);
    const counts = new Array<number>(binner.binCount(0) + 1).fill(0);
    binner.bin(rows, all).forEach((code) => counts[code]++);
    expect(counts[0]).toBe(300); // the 300 zeros share one bin
    expect(Math.max(...counts.slice(1))).toBeLessThanOrEqual(110);
  });

  it('codes a value into bin b exactly when it is ≤ edge b and above edge b − 1', () => {
    const rows = Array.from({ length: 200 }, (_, i) => [Math.sin(i) * 100]);
    const binner = FeatureBinner.fit(
      rows,
      rows.map((_, i) => i),
      1,
      16,
    );
    const edges = binner.edges[0];
    for (const v of [-1000, -50, 0, 0.001, 42, 99.9, 1000, ...edges]) {
      const b = binner.code(0, v);
      if (b < edges.length) expect(v).toBeLessThanOrEqual(edges[b]);
      if (b > 0) expect(v).toBeGreaterThan(edges[b - 1]);
    }
    expect(binner.code(0, NaN)).toBe(binner.binCount(0));
  });

  it('gives a feature that is always missing a single value bin', () => {
    const binner = FeatureBinner.fit([[NaN], [NaN]], [0, 1], 1, 8);
    expect(binner.binCount(0)).toBe(1);
  });
});
