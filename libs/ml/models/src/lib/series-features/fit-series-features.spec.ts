import { fitSeriesFeatures } from './fit-series-features';
import type { SeriesFeatureSpec } from './series-feature.types';

const rows = [
  { unit: 1, cycle: 1, a: 1, flat: 100, b: 0 },
  { unit: 1, cycle: 2, a: 2, flat: 100, b: 3 },
  { unit: 2, cycle: 1, a: 4, flat: 100, b: 1 },
];
const spec: SeriesFeatureSpec = { windows: [2, 5], stats: ['mean', 'last'], includeOrder: true, dropConstant: true };

describe(fitSeriesFeatures.name, () => {
  it('names the features order first, then per column, stat and window', () => {
    const plan = fitSeriesFeatures(rows, { group: 'unit', order: 'cycle', columns: ['a', 'b'], spec });
    expect(plan.names).toEqual(['cycle', 'a_mean_2', 'a_mean_5', 'a_last', 'b_mean_2', 'b_mean_5', 'b_last']);
  });

  it('drops columns that are constant on the training rows, only when asked', () => {
    const opts = { group: 'unit', order: 'cycle', columns: ['a', 'flat', 'b'] };
    const dropping = fitSeriesFeatures(rows, { ...opts, spec });
    expect(dropping.columns).toEqual(['a', 'b']);
    expect(dropping.droppedColumns).toEqual(['flat']);
    expect(dropping.names.some((n) => n.startsWith('flat'))).toBe(false);
    const keeping = fitSeriesFeatures(rows, { ...opts, spec: { ...spec, dropConstant: false } });
    expect(keeping.columns).toEqual(['a', 'flat', 'b']);
    expect(keeping.droppedColumns).toEqual([]);
  });

  it('rejects a bad spec, bad options and empty training data', () => {
    const opts = { group: 'unit', order: 'cycle', columns: ['a'] };
    expect(() => fitSeriesFeatures(rows, { ...opts, spec: { windows: [0], stats: ['mean'] } })).toThrow(/window 0/);
    expect(() => fitSeriesFeatures(rows, { ...opts, spec: { windows: [2.5], stats: ['mean'] } })).toThrow(RangeError);
    expect(() => fitSeriesFeatures(rows, { ...opts, spec: { windows: [2, 2], stats: ['mean'] } })).toThrow(/repeat/);
    const unknown = { windows: [2], stats: ['median'] } as unknown as SeriesFeatureSpec;
    expect(() => fitSeriesFeatures(rows, { ...opts, spec: unknown })).toThrow(/unknown stat "median"/);
    expect(() => fitSeriesFeatures(rows, { ...opts, spec: { windows: [], stats: ['std'] } })).toThrow(/at least one window/);
    expect(() => fitSeriesFeatures(rows, { ...opts, group: 'cycle', spec })).toThrow(RangeError);
    expect(() => fitSeriesFeatures([], { ...opts, spec })).toThrow(/no rows/);
    expect(() => fitSeriesFeatures(rows, { ...opts, columns: ['flat'], spec: { ...spec, includeOrder: false } })).toThrow(/every column is constant \(flat\)/);
  });

  it('checks the training rows like transform does', () => {
    const opts = { group: 'unit', order: 'cycle', columns: ['a', 'missing'], spec };
    expect(() => fitSeriesFeatures(rows, opts)).toThrow(/row 0: column "missing" is missing/);
  });
});
