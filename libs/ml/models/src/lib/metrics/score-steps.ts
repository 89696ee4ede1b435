/** Checks the inputs shared by the classification metrics: same length, labels 0/1, finite scores. */
export function assertBinaryScores(labels: readonly number[], scores: readonly number[]): void {
  if (labels.length !== scores.length) throw new RangeError(`${labels.length} labels but ${scores.length} scores`);
  if (labels.length === 0) throw new RangeError('no labels to score');
  labels.forEach((label, i) => {
    if (label !== 0 && label !== 1) throw new RangeError(`label ${i} must be 0 or 1, got ${label}`);
    if (!Number.isFinite(scores[i])) throw new RangeError(`score ${i} is not finite: ${scores[i]}`);
  });
}

/** One group of equal scores, in descending score order, with the positives and negatives at or above it. */
export interface ScoreStep {
  score: number;
  /** True / false positives when every score ≥ `score` counts as positive. */
  tp: number;
  fp: number;
}

/** The cumulative counts at every distinct score, highest first (ties form one step, as scikit-learn's curves). */
export function scoreSteps(labels: readonly number[], scores: readonly number[]): ScoreStep[] {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const steps: ScoreStep[] = [];
  let tp = 0;
  let fp = 0;
  order.forEach((index, j) => {
    if (labels[index] === 1) tp++;
    else fp++;
    const next = order[j + 1];
    if (next === undefined || scores[next] !== scores[index]) steps.push({ score: scores[index], tp, fp });
  });
  return steps;
}
