import { IsolationForest } from './isolation-forest';
import type { IsolationForestJson } from './isolation-forest.types';
import { spreadSeed, SeededRandom } from '@shopfloor/util';

/** Rows of independent standard normals (Box–Muller), reproducible from the seed. */
function normalRows(count: number, features: number, seed = 7): number[][] {
  const random = new SeededRandom(spreadSeed(seed));
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  return Array.from({ length: count }, () => Array.from({ length: features }, normal));
}

/** Spindle load (%) and spindle power (kW ≈ 0.2 × load, σ 0.3 kW): a tightly correlated sensor pair. */
function loadAndPower(count: number): number[][] {
  const random = new SeededRandom(spreadSeed(11));
  const noise = normalRows(count, 1, 12);
  return noise.map(([e]) => {
    const load = 20 + 60 * random.next();
    return [load, 0.2 * load + 0.3 * e];
  });
}

const names = ['spindleLoad', 'vibration', 'coolantTemp'];
const rows = normalRows(1000, 3);
const model = IsolationForest.fit(rows, { featureNames: names, trees: 100 });
const scores = rows.map((row) => model.score(row));
/** Share of training rows scoring below `score`. */
const rankOf = (score: number): number => scores.filter((s) => s < score).length / scores.length;

describe(IsolationForest.name, () => {
  it.each([
    ['spindleLoad', [8, 0.3, -0.2]],
    ['vibration', [0.3, -9, 0.1]],
    ['coolantTemp', [-0.4, 0.2, 12]],
  ])('scores a row far out on %s above most training rows and names that feature first', (feature, row) => {
    expect(rankOf(model.score(row))).toBeGreaterThan(0.9);
    expect(model.score(row)).toBeGreaterThan(model.score([0.3, 0.2, -0.1]));
    const [first, second] = model.explain(row, 2);
    expect(first.feature).toBe(feature);
    expect(first.contribution).toBeGreaterThan(0);
    expect(first.contribution).toBeGreaterThan(3 * Math.abs(second.contribution));
    expect(Math.abs(first.zScore)).toBeGreaterThan(5);
  });

  it('scores every value beyond the training range alike, as splits only fall inside it', () => {
    // Why a reading 20σ out is no more anomalous than one 8σ out, and why in many dimensions a single-feature
    // excursion can stay under the threshold: the score saturates at the most extreme training value.
    expect(model.score([20, 0.3, -0.2])).toBe(model.score([8, 0.3, -0.2]));
  });

  it('lets an excursion on one feature among ten stay under the threshold (a limitation of isolation forest)', () => {
    const wide = normalRows(1000, 10, 21);
    const fitted = IsolationForest.fit(wide, { trees: 100 });
    const excursion = [9, ...wide[0].slice(1)];
    expect(fitted.isAnomaly(excursion)).toBe(false);
    expect(fitted.explain(excursion, 1)[0].feature).toBe('f0');
  });

  it.each([0.01, 0.05, 0.1])('flags about %p of the training rows', (contamination) => {
    const fitted = IsolationForest.fit(rows, { contamination, trees: 100 });
    const flagged = rows.filter((row) => fitted.isAnomaly(row)).length / rows.length;
    expect(flagged).toBeCloseTo(contamination, 2);
  });

  it('explains with contributions that add up to the score minus the baseline score', () => {
    for (const row of [rows[0], rows[1], [8, 0.3, -0.2], [0, 0, 0]]) {
      const total = model.explain(row, names.length).reduce((sum, c) => sum + c.contribution, 0);
      expect(total).toBeCloseTo(model.score(row) - model.baselineScore, 12);
    }
    expect(model.baselineScore).toBeGreaterThan(0.4);
    expect(model.baselineScore).toBeLessThan(0.55);
  });

  it('explains with the value as given, its robust z-score, and at most `top` features', () => {
    const [first] = model.explain([8, 0.3, -0.2], 1);
    expect(first).toEqual({ feature: 'spindleLoad', value: 8, zScore: expect.closeTo(8, 0) as number, contribution: expect.any(Number) as number });
    expect(model.explain([8, 0.3, -0.2])).toHaveLength(3);
    expect(model.explain([8, 0.3, -0.2], 0)).toEqual([]);
  });

  it('treats a missing value as the training median', () => {
    const median = model.toJSON().center[1];
    expect(model.score([8, NaN, -0.2])).toBe(model.score([8, median, -0.2]));
    expect(model.explain([0.1, NaN, 0.2], 3).find((c) => c.feature === 'vibration')).toMatchObject({ value: NaN, zScore: 0 });
  });

  it('learns missing values in training rows as the median too', () => {
    const gappy = rows.map((row, i) => (i % 10 === 0 ? [row[0], NaN, row[2]] : row));
    const fitted = IsolationForest.fit(gappy, { trees: 50 });
    expect(fitted.score([8, NaN, 0])).toBeGreaterThan(fitted.score([0, NaN, 0]));
  });

  it('gives the same score whatever the units of a feature', () => {
    const inMilli = rows.map(([a, b, c]) => [a * 1000 + 50, b, c]);
    const fitted = IsolationForest.fit(inMilli, { featureNames: names, trees: 100 });
    for (const [a, b, c] of [rows[3], [8, 0.3, -0.2]]) {
      expect(fitted.score([a * 1000 + 50, b, c])).toBeCloseTo(model.score([a, b, c]), 10);
    }
  });

  it('is deterministic for a seed and changes with it', () => {
    const again = IsolationForest.fit(rows, { featureNames: names, trees: 100 });
    expect(again.toJSON()).toEqual(model.toJSON());
    const other = IsolationForest.fit(rows, { featureNames: names, trees: 100, seed: 2 });
    expect(other.toJSON().value).not.toBe(model.toJSON().value);
  });

  it('scores and explains identically after a round trip through JSON', () => {
    const loaded = IsolationForest.fromJSON(JSON.parse(JSON.stringify(model)));
    expect(rows.every((row) => loaded.score(row) === model.score(row))).toBe(true);
    expect(loaded.threshold).toBe(model.threshold);
    expect(loaded.explain([8, 0.3, -0.2], 3)).toEqual(model.explain([8, 0.3, -0.2], 3));
    expect(loaded.featureNames).toEqual(names);
    expect(loaded.toJSON()).toEqual(model.toJSON());
  });

  it('caps the sample size at the number of rows and copes with a constant feature', () => {
    const few = rows.slice(0, 40).map(([a, b]) => [a, b, 5]);
    const fitted = IsolationForest.fit(few, { trees: 20 });
    expect(fitted.sampleSize).toBe(40);
    expect(fitted.trees).toBe(20);
    expect(fitted.score([0, 0, 5])).toBeGreaterThan(0);
    expect(fitted.score([0, 0, 5])).toBeLessThan(1);
  });

  describe('a broken correlation (spindle power too low for the load)', () => {
    // Every value lies inside its usual range, only the pair is wrong: 70 % load should draw 14 kW, not 10.
    const pairs = loadAndPower(1000);
    const mismatch = [70, 10];

    it('goes unflagged by axis-aligned splits over the raw pair (a limitation of isolation forest)', () => {
      const fitted = IsolationForest.fit(pairs, { featureNames: ['load', 'power'] });
      expect(fitted.isAnomaly(mismatch)).toBe(false);
    });

    it('is caught once the relationship is a feature of its own (power per load)', () => {
      const withRatio = (pair: number[]): number[] => [pair[0], pair[1], pair[1] / pair[0]];
      const fitted = IsolationForest.fit(pairs.map(withRatio), { featureNames: ['load', 'power', 'powerPerLoad'] });
      expect(fitted.isAnomaly(withRatio(mismatch))).toBe(true);
      expect(fitted.explain(withRatio(mismatch), 1)[0].feature).toBe('powerPerLoad');
      expect(fitted.isAnomaly(withRatio([70, 14]))).toBe(false);
    });
  });

  describe('invalid input', () => {
    it.each([
      ['no rows', [], {}],
      ['one row', [[1, 2]], {}],
      ['rows of different lengths', [[1, 2], [3]], {}],
      ['rows without features', [[], []], {}],
      [
        'an infinite value',
        [
          [1, Infinity],
          [2, 3],
        ],
        {},
      ],
      [
        'a non-numeric value',
        [
          [1, '2'],
          [2, 3],
        ],
        {},
      ],
      [
        'a feature missing everywhere',
        [
          [1, NaN],
          [2, NaN],
        ],
        {},
      ],
      ['zero trees', rows, { trees: 0 }],
      ['a sample size of 1', rows, { sampleSize: 1 }],
      ['a fractional seed', rows, { seed: 0.5 }],
      ['contamination above 0.5', rows, { contamination: 0.6 }],
      ['contamination NaN', rows, { contamination: NaN }],
      ['too few feature names', rows, { featureNames: ['a'] }],
      ['duplicate feature names', rows, { featureNames: ['a', 'a', 'b'] }],
    ])('rejects %s at fit with a RangeError', (_, bad, params) => {
      expect(() => IsolationForest.fit(bad as number[][], params)).toThrow(RangeError);
    });

    it.each([
      ['a row of the wrong length', [1, 2]],
      ['an infinite value', [1, 2, -Infinity]],
      ['a missing row', undefined],
    ])('rejects %s at scoring with a RangeError', (_, row) => {
      expect(() => model.score(row as number[])).toThrow(RangeError);
      expect(() => model.explain(row as number[])).toThrow(RangeError);
    });

    it('rejects a negative or fractional `top`', () => {
      expect(() => model.explain(rows[0], -1)).toThrow(RangeError);
      expect(() => model.explain(rows[0], 1.5)).toThrow(RangeError);
    });

    const json = model.toJSON();
    const half = json.feature.slice(0, Math.floor(json.feature.length / 8) * 4);
    it.each<[string, unknown]>([
      ['null', null],
      ['another format', { ...json, format: 'gbdt' }],
      ['another version', { ...json, version: 2 }],
      ['mismatched scale', { ...json, scale: [1, 1] }],
      ['a zero scale', { ...json, scale: [1, 0, 1] }],
      ['a threshold above 1', { ...json, threshold: 1.5 }],
      ['a fractional node count', { ...json, treeNodes: [json.treeNodes[0] + 0.5, ...json.treeNodes.slice(1)] }],
      ['node counts that do not match the nodes', { ...json, treeNodes: [json.treeNodes[0] + json.treeNodes[1], ...json.treeNodes.slice(2)] }],
      ['truncated nodes', { ...json, feature: half }],
      ['text that is not base64', { ...json, value: `${json.value.slice(0, -4)}!!!!` }],
      ['a different sample size', { ...json, sampleSize: 128 }],
      ['a split on an unknown feature', { ...json, featureNames: ['a', 'b'], center: [0, 0], scale: [1, 1] }],
    ])('rejects a model with %s at load with a RangeError', (_, bad) => {
      expect(() => IsolationForest.fromJSON(bad as IsolationForestJson)).toThrow(RangeError);
    });
  });
});
