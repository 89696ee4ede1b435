import { foldSeed, SeededRandom } from '@shopfloor/util';
import { GradientBoostedTrees } from './gradient-boosted-trees';
import { GBDT_MAX_BINS } from './resolve-gbdt-params';

/** Rows of 4 features in [−1, 1): label 1 when x0 + x1·x2 > 0.2; x3 is noise. */
function binaryData(count: number, seed: number): { rows: number[][]; labels: number[] } {
  const random = new SeededRandom(foldSeed(seed));
  const rows = Array.from({ length: count }, () => Array.from({ length: 4 }, () => random.next() * 2 - 1));
  return { rows, labels: rows.map((r) => (r[0] + r[1] * r[2] > 0.2 ? 1 : 0)) };
}

const train = binaryData(600, 1);
const test = binaryData(200, 2);
const small = { objective: 'binary', trees: 40, learningRate: 0.3, maxDepth: 4, minSamplesLeaf: 5 } as const;
const model = GradientBoostedTrees.fit(train.rows, train.labels, small, { featureNames: ['a', 'b', 'c', 'noise'] });

const accuracy = (m: GradientBoostedTrees, data: { rows: number[][]; labels: number[] }): number =>
  data.rows.filter((row, i) => (m.predict(row) >= 0.5 ? 1 : 0) === data.labels[i]).length / data.rows.length;

describe(GradientBoostedTrees.name, () => {
  it('learns a non-linear binary rule and predicts probabilities for unseen rows', () => {
    expect(accuracy(model, test)).toBeGreaterThan(0.9);
    const p = model.predictMany(test.rows);
    expect(p).toHaveLength(200);
    expect(Math.min(...p)).toBeGreaterThan(0);
    expect(Math.max(...p)).toBeLessThan(1);
    expect(p[7]).toBeCloseTo(1 / (1 + Math.exp(-model.margin(test.rows[7]))), 12);
    expect(model).toMatchObject({ objective: 'binary', featureCount: 4, featureNames: ['a', 'b', 'c', 'noise'] });
  });

  it('fits a regression target', () => {
    const random = new SeededRandom(foldSeed(3));
    const rows = Array.from({ length: 400 }, () => [random.next() * 10, random.next()]);
    const y = rows.map(([x]) => 3 * x + (x > 5 ? 10 : 0));
    const m = GradientBoostedTrees.fit(rows, y, { objective: 'regression', trees: 50, learningRate: 0.5, minSamplesLeaf: 5 });
    const rmse = Math.sqrt(rows.reduce((s, row, i) => s + (m.predict(row) - y[i]) ** 2, 0) / rows.length);
    expect(rmse).toBeLessThan(0.5);
    expect(m.predict([7, 0.5])).toBeCloseTo(31, 0);
  });

  it('resolves a sharp limit in a sparse tail with a bin per distinct value', () => {
    // 3,000 distinct values, failures above 990 only: 1 % of the rows, the last bins of a quantile binning.
    const random = new SeededRandom(foldSeed(4));
    const rows = Array.from({ length: 3000 }, () => [random.next() * 1000]);
    const labels = rows.map(([x]) => (x > 990 ? 1 : 0));
    const settings = { objective: 'binary', trees: 60, learningRate: 0.3, maxDepth: 2, minSamplesLeaf: 1 } as const;
    const exact = GradientBoostedTrees.fit(rows, labels, { ...settings, maxBins: GBDT_MAX_BINS });
    const coarse = GradientBoostedTrees.fit(rows, labels, { ...settings, maxBins: 32 });
    const near = [[987], [989], [991], [993]];
    expect(near.map((row) => (exact.predict(row) >= 0.5 ? 1 : 0))).toEqual([0, 0, 1, 1]);
    expect(near.map((row) => (coarse.predict(row) >= 0.5 ? 1 : 0))).not.toEqual([0, 0, 1, 1]);
  });

  it('is deterministic for a seed, also with row and feature sampling', () => {
    const params = { ...small, trees: 10, subsample: 0.7, colsample: 0.5, seed: 9 };
    const a = GradientBoostedTrees.fit(train.rows, train.labels, params);
    const b = GradientBoostedTrees.fit(train.rows, train.labels, params);
    const c = GradientBoostedTrees.fit(train.rows, train.labels, { ...params, seed: 10 });
    expect(b.predictMany(test.rows)).toEqual(a.predictMany(test.rows));
    expect(c.predictMany(test.rows)).not.toEqual(a.predictMany(test.rows));
  });

  it('learns which side missing values go, per split', () => {
    // A machine without the sensor (NaN) behaves like one with a high reading.
    const random = new SeededRandom(foldSeed(4));
    const rows = Array.from({ length: 400 }, () => [random.next() < 0.3 ? NaN : random.next(), random.next()]);
    const labels = rows.map(([x]) => (Number.isNaN(x) || x > 0.7 ? 1 : 0));
    const m = GradientBoostedTrees.fit(rows, labels, { ...small, trees: 15 });
    expect(m.predict([NaN, 0.5])).toBeGreaterThan(0.9);
    expect(m.predict([0.2, 0.5])).toBeLessThan(0.1);
    expect(m.predict([0.9, 0.5])).toBeGreaterThan(0.9);
  });

  it('weighs positives up with positiveWeight', () => {
    const weighted = GradientBoostedTrees.fit(train.rows, train.labels, { ...small, trees: 10, positiveWeight: 5 });
    const plain = GradientBoostedTrees.fit(train.rows, train.labels, { ...small, trees: 10 });
    const mean = (m: GradientBoostedTrees): number => m.predictMany(test.rows).reduce((s, p) => s + p, 0);
    expect(mean(weighted)).toBeGreaterThan(mean(plain));
  });

  it('stops early on a held-out part when more trees stop helping, reporting progress up to 1', () => {
    const noise = new SeededRandom(foldSeed(5));
    const labels = train.rows.map(() => (noise.next() < 0.3 ? 1 : 0)); // nothing to learn
    const progress: number[] = [];
    const m = GradientBoostedTrees.fit(
      train.rows,
      labels,
      { ...small, trees: 300, validationFraction: 0.25, earlyStoppingRounds: 10 },
      { onProgress: (f) => progress.push(f) },
    );
    expect(m.treeCount).toBeLessThan(100);
    expect(progress.length).toBeLessThan(300);
    expect(progress[progress.length - 1]).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('learns on top of known offsets (base margins), which it must be given again to predict', () => {
    // The label's log-odds are 3·x0 + 2·(x1 > 0): x0's part is given as an offset, the trees have to find x1's.
    const random = new SeededRandom(foldSeed(5));
    const rows = Array.from({ length: 4000 }, () => [random.next() * 2 - 1, random.next() * 2 - 1]);
    const logit = (r: number[]) => 3 * r[0] + (r[1] > 0 ? 2 : 0) - 1;
    const labels = rows.map((r) => (random.next() < 1 / (1 + Math.exp(-logit(r))) ? 1 : 0));
    const offsets = rows.map((r) => 3 * r[0]);
    const stumps = { objective: 'binary', trees: 60, learningRate: 0.2, maxDepth: 1, minSamplesLeaf: 50, colsample: 1 } as const;
    const withOffsets = GradientBoostedTrees.fit(rows, labels, stumps, { offsets });
    const without = GradientBoostedTrees.fit(rows, labels, stumps);
    // The trees' part depends on x1 (≈ 2 apart) and little on x0, which the offset already carries (5.4 apart).
    const part = (r: number[]) => withOffsets.margin(r);
    expect(part([0.5, 0.5]) - part([0.5, -0.5])).toBeCloseTo(2, 0);
    expect(Math.abs(part([0.9, 0.5]) - part([-0.9, 0.5]))).toBeLessThan(1);
    expect(without.margin([0.9, 0.5]) - without.margin([-0.9, 0.5])).toBeGreaterThan(4);
    expect(withOffsets.predict([0.5, 0.5], 1.5)).toBeCloseTo(1 / (1 + Math.exp(-part([0.5, 0.5]) - 1.5)), 12);
    expect(() => GradientBoostedTrees.fit(rows, labels, small, { offsets: offsets.slice(1) })).toThrow(RangeError);
    expect(() => GradientBoostedTrees.fit(rows, labels, small, { offsets: offsets.map(() => NaN) })).toThrow(RangeError);
  });

  it('explains a margin exactly as base plus per-feature TreeSHAP contributions', () => {
    for (const row of test.rows.slice(0, 20)) {
      const { base, values } = model.contributions(row);
      expect(base + values.reduce((a, b) => a + b, 0)).toBeCloseTo(model.margin(row), 9);
    }
  });

  it('gives the noise feature next to nothing and the deciding features most', () => {
    const meanAbs = new Float64Array(4);
    for (const row of test.rows.slice(0, 100)) model.contributions(row).values.forEach((v, f) => (meanAbs[f] += Math.abs(v)));
    expect(meanAbs[3]).toBeLessThan(0.1 * meanAbs[0]);
    expect(meanAbs[0]).toBeGreaterThan(meanAbs[1]);
    const constant = GradientBoostedTrees.fit(
      train.rows.map((r) => [r[0], r[1], r[2], 1]),
      train.labels,
      { ...small, trees: 10 },
    );
    expect(constant.contributions([0.3, 0.1, -0.4, 1]).values[3]).toBe(0);
  });

  it('round-trips through JSON and predicts and explains identically', () => {
    const restored = GradientBoostedTrees.fromJSON(JSON.parse(JSON.stringify(model)));
    expect(restored.predictMany(test.rows)).toEqual(model.predictMany(test.rows));
    expect(restored.contributions(test.rows[0])).toEqual(model.contributions(test.rows[0]));
    expect(restored.featureNames).toEqual(model.featureNames);
    expect(restored.params).toEqual(model.params);
    const withNaN = [NaN, 0.1, 0.2, 0.3];
    expect(restored.predict(withNaN)).toBe(model.predict(withNaN));
  });

  it('rejects a malformed artifact with a RangeError', () => {
    const good = model.toJSON();
    const tree = good.trees[0];
    const bad: unknown[] = [
      null,
      { ...good, format: 'xgboost' },
      { ...good, objective: 'poisson' },
      { ...good, featureNames: [1, 2] },
      { ...good, trees: [] },
      { ...good, trees: [{ ...tree, left: tree.left.map((c) => (c === -1 ? -1 : 0)) }] },
      { ...good, trees: [{ ...tree, feature: tree.feature.map((f) => (f === -1 ? -1 : 9)) }] },
      { ...good, trees: [{ ...tree, cover: tree.cover.slice(1) }] },
      { ...good, trees: [{ ...tree, value: tree.value.map(() => 'x') }] },
      { ...good, params: { ...good.params, maxDepth: 99 } },
    ];
    for (const artifact of bad) expect(() => GradientBoostedTrees.fromJSON(artifact)).toThrow(RangeError);
  });

  it('rejects bad data with a RangeError that says what is wrong', () => {
    const fit = (rows: number[][], labels: number[]) => () => GradientBoostedTrees.fit(rows, labels, small);
    expect(fit([], [])).toThrow(/no rows/);
    expect(fit([[1, 2], [3]], [0, 1])).toThrow(/row 1 has 1 features/);
    expect(fit([[1], [2]], [0, 2])).toThrow(/must be 0 or 1/);
    expect(fit([[1], [2]], [0, NaN])).toThrow(/not a finite number/);
    expect(fit([[1], [Infinity]], [0, 1])).toThrow(/finite number, or NaN/);
    expect(fit([[1], [2]], [0])).toThrow(RangeError);
    expect(() => GradientBoostedTrees.fit(train.rows, train.labels, small, { featureNames: ['a'] })).toThrow(RangeError);
    expect(() => model.predict([1, 2])).toThrow(RangeError);
  });

  it('rejects bad parameters with a RangeError', () => {
    const bad = [
      { trees: 0 },
      { learningRate: 0 },
      { maxDepth: 17 },
      { minSamplesLeaf: 0.5 },
      { l2: -1 },
      { subsample: 1.5 },
      { colsample: 0 },
      { maxBins: GBDT_MAX_BINS + 1 },
      { positiveWeight: 0 },
      { validationFraction: 1 },
      { earlyStoppingRounds: 0 },
      { seed: 0.5 },
    ];
    for (const params of bad) {
      expect(() => GradientBoostedTrees.fit(train.rows, train.labels, { ...small, ...params })).toThrow(RangeError);
    }
    expect(() => GradientBoostedTrees.fit([[1]], [1], { objective: 'regression', positiveWeight: 2 })).toThrow(RangeError);
  });
});
