import { stratifiedKFold } from './stratified-k-fold';

const labels = Array.from({ length: 103 }, (_, i) => (i % 10 === 0 ? 1 : 0)); // 11 positives, 92 negatives

describe(stratifiedKFold.name, () => {
  it('puts every index in exactly one fold', () => {
    const folds = stratifiedKFold(labels, 5, 7);
    expect(folds).toHaveLength(5);
    expect(folds.flat().sort((a, b) => a - b)).toEqual(labels.map((_, i) => i));
  });

  it('keeps the class ratio and the fold sizes within one row', () => {
    const folds = stratifiedKFold(labels, 5, 7);
    const positives = folds.map((fold) => fold.filter((i) => labels[i] === 1).length);
    expect(Math.max(...positives) - Math.min(...positives)).toBeLessThanOrEqual(1);
    expect(positives.reduce((a, b) => a + b)).toBe(11);
    const sizes = folds.map((fold) => fold.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(stratifiedKFold(labels, 4, 3)).toEqual(stratifiedKFold(labels, 4, 3));
    expect(stratifiedKFold(labels, 4, 3)).not.toEqual(stratifiedKFold(labels, 4, 4));
  });

  it('rejects k below 2 or above the row count', () => {
    expect(() => stratifiedKFold(labels, 1, 1)).toThrow(RangeError);
    expect(() => stratifiedKFold([0, 1], 3, 1)).toThrow(RangeError);
    expect(() => stratifiedKFold([0, NaN, 1], 2, 1)).toThrow(RangeError);
  });
});
