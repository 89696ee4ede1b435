import { foldSeed, SeededRandom } from '@shopfloor/util';

/** Row indices of a train/hold-out split; both ascend. */
export interface HoldoutSplit {
  train: number[];
  holdout: number[];
}

/**
 * Holds out `fraction` of `count` rows at random. With `strata` (one class label per row), each class is split
 * separately so both parts keep the class ratio — needed when positives are rare (a few per cent of rows).
 */
export function holdoutSplit(count: number, fraction: number, seed: number, strata?: readonly number[]): HoldoutSplit {
  if (!Number.isInteger(count) || count < 2) throw new RangeError(`a hold-out split needs at least 2 rows, got ${count}`);
  if (!(fraction > 0 && fraction < 1)) throw new RangeError(`hold-out fraction must be in (0, 1), got ${fraction}`);
  if (strata && strata.length !== count) throw new RangeError(`${strata.length} strata for ${count} rows`);
  const byStratum = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const key = strata ? strata[i] : 0;
    const list = byStratum.get(key);
    if (list) list.push(i);
    else byStratum.set(key, [i]);
  }
  const random = new SeededRandom(foldSeed(seed));
  const train: number[] = [];
  const holdout: number[] = [];
  for (const key of [...byStratum.keys()].sort((a, b) => a - b)) {
    const indices = random.shuffle(byStratum.get(key) ?? []);
    const held = Math.round(indices.length * fraction);
    indices.forEach((index, j) => (j < held ? holdout : train).push(index));
  }
  if (train.length === 0 || holdout.length === 0) {
    throw new RangeError(`hold-out fraction ${fraction} of ${count} rows leaves one part empty`);
  }
  return { train: train.sort((a, b) => a - b), holdout: holdout.sort((a, b) => a - b) };
}
