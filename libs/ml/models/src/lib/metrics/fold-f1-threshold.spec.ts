import { bestF1Threshold } from './best-f1-threshold';
import { foldF1Threshold } from './fold-f1-threshold';

describe(foldF1Threshold.name, () => {
  const labels = [1, 0, 1, 0, 1, 0, 1, 0];
  const scores = [0.9, 0.1, 0.6, 0.5, 0.8, 0.3, 0.7, 0.2];

  it('averages the folds’ best-F1 thresholds in log-odds', () => {
    const folds = [
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ];
    const logit = (p: number): number => Math.log(p / (1 - p));
    const a = bestF1Threshold([1, 0, 1, 0], [0.9, 0.1, 0.6, 0.5]);
    const b = bestF1Threshold([1, 0, 1, 0], [0.8, 0.3, 0.7, 0.2]);
    expect(a).toBeCloseTo(0.55, 12);
    expect(b).toBeCloseTo(0.5, 12);
    expect(foldF1Threshold(labels, scores, folds)).toBeCloseTo(1 / (1 + Math.exp(-(logit(a) + logit(b)) / 2)), 12);
  });

  it('leaves out folds without a positive row, and needs one with', () => {
    expect(
      foldF1Threshold(labels, scores, [
        [0, 1, 2, 3],
        [1, 3, 5],
      ]),
    ).toBeCloseTo(0.55, 12);
    expect(() => foldF1Threshold(labels, scores, [[1, 3, 5]])).toThrow(RangeError);
  });
});
