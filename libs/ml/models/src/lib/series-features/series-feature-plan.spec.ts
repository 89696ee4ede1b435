import { fitSeriesFeatures } from './fit-series-features';
import { SeriesFeaturePlan } from './series-feature-plan';
import type { SeriesFeatureMatrix } from './series-feature.types';

type Row = { unit: string; cycle: number; v: number; w: number };

// Two engines given out of order: A at cycles 1–4 with v = 1, 2, 4, 8; B at cycles 10 and 12 with v = 5, 9.
const rows: Row[] = [
  { unit: 'B', cycle: 12, v: 9, w: 0 },
  { unit: 'A', cycle: 3, v: 4, w: 1 },
  { unit: 'A', cycle: 1, v: 1, w: 1 },
  { unit: 'B', cycle: 10, v: 5, w: 0 },
  { unit: 'A', cycle: 4, v: 8, w: 2 },
  { unit: 'A', cycle: 2, v: 2, w: 3 },
];
const all = ['mean', 'std', 'slope', 'min', 'max', 'last', 'ewm'] as const;
const fit = (training: Row[] = rows): SeriesFeaturePlan =>
  fitSeriesFeatures(training, {
    group: 'unit',
    order: 'cycle',
    columns: ['v', 'w'],
    spec: { windows: [3], stats: [...all], includeOrder: true },
  });

/** Feature values of one output row by name. */
function featuresOf(out: SeriesFeatureMatrix, row: number): Record<string, number> {
  return Object.fromEntries(out.names.map((n, f) => [n, out.matrix[row][f]]));
}

function expectFeatures(actual: Record<string, number>, expected: Record<string, number>): void {
  for (const [name, value] of Object.entries(expected)) expect([name, actual[name]]).toEqual([name, expect.closeTo(value, 10)]);
}

/** Output rows keyed by "group@order", to compare runs whose rows came in different orders. */
function byKey(out: SeriesFeatureMatrix): Map<string, number[]> {
  return new Map(out.matrix.map((r, i) => [`${out.groups[i]}@${out.orders[i]}`, Array.from(r)]));
}

describe(SeriesFeaturePlan.name, () => {
  it('computes each row from its own and earlier rows of its group, output in input order', () => {
    const out = fit().transform(rows);
    expect(out.groups).toEqual(['B', 'A', 'A', 'B', 'A', 'A']);
    expect(out.orders).toEqual([12, 3, 1, 10, 4, 2]);
    expect(out.matrix).toHaveLength(rows.length);
    expectFeatures(featuresOf(out, 4), {
      cycle: 4,
      v_mean_3: 14 / 3,
      v_std_3: Math.sqrt(56) / 3,
      v_slope_3: 3,
      v_min_3: 2,
      v_max_3: 8,
      v_last: 8,
      v_ewm_3: (8 + 4 / 2 + 2 / 4 + 1 / 8) / (1 + 1 / 2 + 1 / 4 + 1 / 8),
    });
    // B's cycles are two apart: the slope is per unit of order.
    expectFeatures(featuresOf(out, 0), { cycle: 12, v_mean_3: 7, v_std_3: 2, v_slope_3: 2, v_min_3: 5, v_ewm_3: 23 / 3 });
    // A first row: statistics of one value, defined, no NaN.
    expectFeatures(featuresOf(out, 2), { v_mean_3: 1, v_std_3: 0, v_slope_3: 0, v_min_3: 1, v_max_3: 1, v_ewm_3: 1 });
    expect(out.matrix.every((r) => r.every((v) => Number.isFinite(v)))).toBe(true);
  });

  it('never looks ahead: changing a later row leaves every earlier row unchanged', () => {
    const plan = fit();
    const before = byKey(plan.transform(rows));
    const changed = rows.map((r) => (r.unit === 'A' && r.cycle === 3 ? { ...r, v: 1000, w: -50 } : r));
    const after = byKey(plan.transform([...changed, { unit: 'A', cycle: 5, v: -7, w: 9 }]));
    for (const key of ['A@1', 'A@2', 'B@10', 'B@12']) expect(after.get(key)).toEqual(before.get(key));
    expect(after.get('A@3')).not.toEqual(before.get('A@3'));
  });

  it('gives the same features whatever order the rows come in', () => {
    const plan = fit();
    const shuffled = [rows[4], rows[2], rows[0], rows[5], rows[3], rows[1]];
    expect(byKey(plan.transform(shuffled))).toEqual(byKey(plan.transform(rows)));
  });

  it('serves the last row of each group from the history so far', () => {
    const plan = fit();
    const full = byKey(plan.transform(rows));
    const last = plan.transformLast(rows);
    expect(last.groups).toEqual(['B', 'A']);
    expect(last.orders).toEqual([12, 4]);
    expect(Array.from(last.matrix[0])).toEqual(full.get('B@12'));
    expect(Array.from(last.matrix[1])).toEqual(full.get('A@4'));
  });

  it('does not need dropped columns at transform time', () => {
    const training = rows.map((r) => ({ ...r, flat: 3 }));
    const plan = fitSeriesFeatures(training, {
      group: 'unit',
      order: 'cycle',
      columns: ['v', 'flat'],
      spec: { windows: [2], stats: ['mean'], dropConstant: true },
    });
    expect(plan.droppedColumns).toEqual(['flat']);
    expect(plan.transform(rows).names).toEqual(['v_mean_2']);
  });

  it('survives a JSON round trip and gives the same features after it', () => {
    const plan = fit();
    const copy = SeriesFeaturePlan.fromJSON(JSON.parse(JSON.stringify(plan)));
    expect(copy.toJSON()).toEqual(plan.toJSON());
    expect(copy.transform(rows)).toEqual(plan.transform(rows));
  });

  it('rejects JSON that is not a plan it can apply', () => {
    const json = fit().toJSON();
    expect(() => SeriesFeaturePlan.fromJSON(null)).toThrow(RangeError);
    expect(() => SeriesFeaturePlan.fromJSON({ ...json, version: 2 })).toThrow(/unsupported version 2/);
    expect(() => SeriesFeaturePlan.fromJSON({ ...json, names: json.names.slice(1) })).toThrow(/names/);
    expect(() => SeriesFeaturePlan.fromJSON({ ...json, columns: [1] })).toThrow(/columns/);
  });

  it('throws a RangeError for a missing column, a non-numeric order or a repeated (group, order)', () => {
    const plan = fit();
    expect(() => plan.transform([{ unit: 'A', cycle: 1, v: 1 }])).toThrow(/row 0: column "w" is missing/);
    expect(() => plan.transform([{ unit: 'A', cycle: 'one', v: 1, w: 1 }])).toThrow(/order column "cycle" must be a finite number/);
    expect(() => plan.transform([...rows, { unit: 'B', cycle: 10, v: 0, w: 0 }])).toThrow(/group "B" has two rows at cycle = 10/);
  });

  it('returns an empty matrix for no rows', () => {
    const out = fit().transform([]);
    expect(out.matrix).toEqual([]);
    expect(out.names).toHaveLength(15);
  });
});
