import { bestF1Threshold } from './best-f1-threshold';
import { classificationMetrics } from './classification-metrics';

describe(bestF1Threshold.name, () => {
  it('returns the middle of the gap below the score that maximises F1', () => {
    // Calling ≥ 0.7 catches 2 of 3 positives with no false alarm (F1 0.8); ≥ 0.4 adds the last positive and one
    // false alarm (F1 6/7 ≈ 0.857); ≥ 0.2 adds another false alarm (0.75). Best: 0.4, next lower score 0.2.
    const labels = [1, 1, 0, 1, 0, 0];
    const scores = [0.9, 0.7, 0.6, 0.4, 0.2, 0.1];
    const threshold = bestF1Threshold(labels, scores);
    expect(threshold).toBeCloseTo(0.3, 12);
    expect(classificationMetrics(labels, scores, threshold).f1).toBeCloseTo(6 / 7, 12);
  });

  it('prefers the higher threshold when two give the same F1', () => {
    // ≥ 0.9: tp 1 (F1 ⅔); ≥ 0.6: fp 1 (½); ≥ 0.5: fp 2 (⅖); ≥ 0.2: tp 2 fp 2 (⅔ again) → 0.9, gap down to 0.6.
    expect(bestF1Threshold([1, 0, 0, 1], [0.9, 0.6, 0.5, 0.2])).toBeCloseTo(0.75, 12);
  });

  it('returns the lowest score when every row must be called positive', () => {
    expect(bestF1Threshold([1, 1], [0.3, 0.6])).toBe(0.3);
  });

  it('needs a positive label', () => {
    expect(() => bestF1Threshold([0, 0], [0.3, 0.6])).toThrow(RangeError);
  });
});
