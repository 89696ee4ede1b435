import { IntervalCoverage } from './interval-coverage';

describe(IntervalCoverage.name, () => {
  it('counts overlapping intervals once', () => {
    const union = IntervalCoverage.union([
      { start: 3, end: 8 },
      { start: 0, end: 5 },
      { start: 10, end: 12 },
    ]);
    expect(union.covered(0, 100)).toBe(10);
    expect(union.size).toBe(2);
  });

  it('clips to the asked range, including an interval running over either end', () => {
    const union = IntervalCoverage.union([
      { start: 0, end: 8 },
      { start: 10, end: 12 },
    ]);
    expect(union.covered(4, 11)).toBe(5);
    expect(union.covered(11, 11)).toBe(0);
    expect(union.covered(12, 4)).toBe(0);
  });

  it('gives a point covered by several levels to the first of them', () => {
    const [high, low] = IntervalCoverage.byPriority([
      [{ start: 0, end: 10 }],
      [
        { start: 5, end: 20 },
        { start: 25, end: 30 },
      ],
    ]);
    expect(high.covered(0, 100)).toBe(10);
    expect(low.covered(0, 100)).toBe(15);
    expect(low.covered(0, 15)).toBe(5);
  });

  it('ignores empty intervals', () => {
    expect(IntervalCoverage.union([{ start: 5, end: 5 }]).size).toBe(0);
  });
});
