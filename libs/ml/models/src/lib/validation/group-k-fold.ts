import { assertFoldCount } from './assert-fold-count';
import { foldSeed, SeededRandom } from '@shopfloor/util';

/**
 * Test-index lists of k folds that never split a group (e.g. a machine or an engine) across folds, so a model is
 * always tested on groups it has not seen. Groups go largest first to the fold with the fewest rows so far (as
 * scikit-learn's GroupKFold), which balances the folds by row count; the seed breaks ties between equal-sized groups.
 */
export function groupKFold(groups: readonly (string | number)[], k: number, seed: number): number[][] {
  const members = new Map<string | number, number[]>();
  groups.forEach((group, i) => {
    if (typeof group === 'number' && !Number.isFinite(group)) throw new RangeError(`group ${i} is not finite: ${group}`);
    const list = members.get(group);
    if (list) list.push(i);
    else members.set(group, [i]);
  });
  assertFoldCount(k, members.size, 'groups');
  const random = new SeededRandom(foldSeed(seed));
  // A shuffle before the stable sort: equal-sized groups come in seeded order, not in order of appearance.
  const ordered = random.shuffle([...members.values()]).sort((a, b) => b.length - a.length);
  const folds: number[][] = Array.from({ length: k }, () => []);
  for (const indices of ordered) {
    let smallest = 0;
    for (let f = 1; f < k; f++) if (folds[f].length < folds[smallest].length) smallest = f;
    for (const index of indices) folds[smallest].push(index);
  }
  return folds.map((fold) => fold.sort((a, b) => a - b));
}
