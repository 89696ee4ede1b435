import { assertBinaryScores, scoreSteps } from './score-steps';

/**
 * The decision threshold that maximises F1 on these labels and scores — choose it on training (or out-of-fold)
 * predictions only, never on the data the model is judged on. Every threshold between the best distinct score and
 * the next lower one gives the same F1 here; the middle of that gap is returned, so new scores a hair below the
 * lowest caught positive are still caught. Ties in F1 go to the higher threshold (fewer alarms).
 */
export function bestF1Threshold(labels: readonly number[], scores: readonly number[]): number {
  assertBinaryScores(labels, scores);
  const positives = labels.reduce((sum, label) => sum + label, 0);
  if (positives === 0) throw new RangeError('F1 needs at least one positive label');
  const steps = scoreSteps(labels, scores);
  let best = 0;
  let bestF1 = -1;
  steps.forEach(({ tp, fp }, j) => {
    const f1 = (2 * tp) / (tp + fp + positives);
    if (f1 > bestF1) {
      bestF1 = f1;
      best = j;
    }
  });
  const next = steps[best + 1];
  return next === undefined ? steps[best].score : (steps[best].score + next.score) / 2;
}
