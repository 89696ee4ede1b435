import { holdoutSplit } from './holdout-split';

describe(holdoutSplit.name, () => {
  it('holds out the fraction of each class when stratified', () => {
    const labels = Array.from({ length: 200 }, (_, i) => (i < 20 ? 1 : 0));
    const { train, holdout } = holdoutSplit(200, 0.25, 3, labels);
    expect(holdout).toHaveLength(50);
    expect(holdout.filter((i) => labels[i] === 1)).toHaveLength(5);
    expect([...train, ...holdout].sort((a, b) => a - b)).toEqual(labels.map((_, i) => i));
  });

  it('splits at random without strata, the same way for the same seed', () => {
    const a = holdoutSplit(10, 0.3, 9);
    expect(a.holdout).toHaveLength(3);
    expect(holdoutSplit(10, 0.3, 9)).toEqual(a);
  });

  it('rejects a fraction outside (0, 1) or one that empties a part', () => {
    expect(() => holdoutSplit(10, 0, 1)).toThrow(RangeError);
    expect(() => holdoutSplit(10, 1, 1)).toThrow(RangeError);
    expect(() => holdoutSplit(2, 0.1, 1)).toThrow(RangeError);
  });
});
