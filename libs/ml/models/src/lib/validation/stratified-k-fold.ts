import { assertFoldCount } from './assert-fold-count';
import { foldSeed, SeededRandom } from '@shopfloor/util';

/**
 * Test-index lists of k folds that keep each class's share: every class's indices are shuffled and dealt round-robin,
 * the deal continuing across classes where the previous one stopped, so each fold holds ⌊n_c/k⌋ or ⌈n_c/k⌉ rows of
 * every class c and fold sizes differ by at most one. Every index lands in exactly one fold; indices ascend per fold.
 */
export function stratifiedKFold(labels: readonly number[], k: number, seed: number): number[][] {
  assertFoldCount(k, labels.length, 'rows');
  const byClass = new Map<number, number[]>();
  labels.forEach((label, i) => {
    if (!Number.isFinite(label)) throw new RangeError(`label ${i} is not a finite number: ${label}`);
    const list = byClass.get(label);
    if (list) list.push(i);
    else byClass.set(label, [i]);
  });
  const random = new SeededRandom(foldSeed(seed));
  const folds: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  // Classes in ascending order so the result does not depend on which class appears first.
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    for (const index of random.shuffle(byClass.get(label) ?? [])) {
      folds[next].push(index);
      next = (next + 1) % k;
    }
  }
  return folds.map((fold) => fold.sort((a, b) => a - b));
}
