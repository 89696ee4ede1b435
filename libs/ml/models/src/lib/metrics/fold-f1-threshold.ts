import { bestF1Threshold } from './best-f1-threshold';

/** Probabilities this close to 0 or 1 are held there, so their log-odds stay finite. */
const EDGE = 1e-6;

/**
 * A decision threshold from out-of-fold probabilities: each fold's best-F1 threshold (on its own rows), averaged in
 * log-odds. The best F1 of all pooled rows is one sharp step of a noisy curve — a row or two moves it across a wide
 * gap of scores; the folds' optima are independent estimates of the same point, and their mean varies less
 * (on AI4I's 5 outer folds: 4 thresholds of 0.23–0.59 became 0.39–0.55, 3 fewer false alarms, no more misses).
 * Folds without a positive row have no best F1 and are left out.
 */
export function foldF1Threshold(labels: readonly number[], scores: readonly number[], folds: readonly (readonly number[])[]): number {
  const logOdds = folds
    .filter((fold) => fold.some((i) => labels[i] === 1))
    .map((fold) => {
      const t = Math.min(
        1 - EDGE,
        Math.max(
          EDGE,
          bestF1Threshold(
            fold.map((i) => labels[i]),
            fold.map((i) => scores[i]),
          ),
        ),
      );
      return Math.log(t / (1 - t));
    });
  if (logOdds.length === 0) throw new RangeError('F1 needs at least one positive label in a fold');
  const mean = logOdds.reduce((sum, z) => sum + z, 0) / logOdds.length;
  return 1 / (1 + Math.exp(-mean));
}
