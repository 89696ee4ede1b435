import fc from 'fast-check';
import { DomainError } from '@shopfloor/contracts';
import type { DatasetTable } from './dataset-table';
import { trainOnDataset } from './dataset-trainer';
import { TrainedModel } from './trained-model';

/** Seeded uniform [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Failures when a × b is high, except on kind z: a product and a category the trainer has to find. */
function failureTable(rows: number, seed: number): DatasetTable {
  const next = random(seed);
  const a = new Float64Array(rows);
  const b = new Float64Array(rows);
  const kind: (string | null)[] = [];
  const label = new Float64Array(rows);
  for (let r = 0; r < rows; r += 1) {
    a[r] = 1 + next() * 9;
    b[r] = 1 + next() * 9;
    kind.push(['x', 'y', 'z'][Math.floor(next() * 3)]);
    label[r] = a[r] * b[r] > 45 && kind[r] !== 'z' ? 1 : next() < 0.02 ? 1 : 0;
  }
  return { rowCount: rows, inputs: ['a', 'b'], inputValues: [a, b], label, groups: null, orders: null, categorical: [{ name: 'kind', values: kind }] };
}

/** Units run to failure: a sensor drifts up over the last 40 cycles of a life of 60–140 cycles. */
function lifeTable(units: number, seed: number): DatasetTable {
  const next = random(seed);
  const groups: string[] = [];
  const orders: number[] = [];
  const sensor: number[] = [];
  const rul: number[] = [];
  for (let u = 0; u < units; u += 1) {
    const life = 60 + Math.floor(next() * 80);
    for (let cycle = 1; cycle <= life; cycle += 1) {
      groups.push(`u${u}`);
      orders.push(cycle);
      sensor.push(Math.max(0, 40 - (life - cycle)) * 0.5 + next());
      rul.push(life - cycle);
    }
  }
  return {
    rowCount: groups.length,
    inputs: ['sensor'],
    inputValues: [Float64Array.from(sensor)],
    label: Float64Array.from(rul),
    groups,
    orders: Float64Array.from(orders),
  };
}

const QUICK = { trees: 40, max_bins: 64, min_samples_leaf: 5 };

describe(trainOnDataset.name, () => {
  const table = failureTable(1500, 1);
  const outcome = trainOnDataset('failure_risk', table, QUICK, () => undefined);

  it('learns a categorical input, chooses derived features, weight and threshold by cross-validation, and reports them', () => {
    expect(outcome.metrics).toMatchObject({ categorical_inputs: { kind: 3 }, cross_validation: { folds: 4, criterion: 'pr_auc' } });
    expect((outcome.metrics['f1'] as number) > 0.7).toBe(true);
    expect(outcome.featureNames).toEqual(expect.arrayContaining(['kind = x', 'kind = y', 'kind = z']));
    expect(outcome.metrics['derived_features']).toEqual(expect.arrayContaining(['a × b']));
    expect(outcome.hyperparameters).toMatchObject({ holdout: { method: 'stratified', seed: 1 } });
  });

  it('predicts from text for a categorical input, treats an unseen level as missing, and refuses text for a numeric input', () => {
    const model = TrainedModel.fromArtifact(outcome.artifact);
    expect(model.inputs).toEqual(['a', 'b', 'kind']);
    const high = model.explainInputs({ a: 9, b: 9, kind: 'x' }, 3).value;
    const shielded = model.explainInputs({ a: 9, b: 9, kind: 'z' }, 3).value;
    expect(high).toBeGreaterThan(shielded);
    expect(Number.isFinite(model.explainInputs({ a: 9, b: 9, kind: 'never seen 🔧' }, 3).value)).toBe(true);
    expect(() => model.explainInputs({ a: 'nine', kind: 'x' }, 3)).toThrow(DomainError);
  });

  it('checks readings: text only for a categorical input, every key an input, never a crash on hostile values', () => {
    const model = TrainedModel.fromArtifact(outcome.artifact);
    expect(model.readingsFrom({ a: 9, kind: 'x' })).toEqual({ a: 9, kind: 'x' });
    const fieldsOf = (readings: Record<string, unknown>): string[] => {
      try {
        model.readingsFrom(readings);
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        return ((error as DomainError).fieldErrors ?? []).map((f) => f.field);
      }
    };
    expect(fieldsOf({ a: 'nine', kind: 'x' })).toEqual(['readings.a']);
    expect(fieldsOf({ kind: true, zz: 1 })).toEqual(['readings.kind', 'readings.zz']);
    expect(fieldsOf({ kind: 'x'.repeat(101) })).toEqual(['readings.kind']);
    expect(fieldsOf({})).toEqual(['readings']);
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('a', 'b', 'kind', 'other', '__proto__'),
          fc.oneof(fc.string({ unit: 'grapheme' }), fc.double(), fc.boolean(), fc.constant(null)),
        ),
        (readings) => {
          let values: Record<string, number | string> | null = null;
          try {
            values = model.readingsFrom(readings);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
          }
          if (values) expect(Number.isFinite(model.explainInputs(values, 3).value)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stores a model that learnt every row, with the settings chosen on the training part, and reports the probe’s metrics', () => {
    expect(outcome.metrics).toMatchObject({ evaluated_on: 'holdout', holdout_rows: 300, training_rows: 1200, stored_model_rows: 1500 });
    expect(outcome.hyperparameters).toMatchObject({ learnt_from: 'all rows' });
  });

  it('compares with an incumbent: refit on the challenger’s training part when it learnt the held-out rows, its stored model when it cannot have, none when it cannot read the data', () => {
    const incumbent = { artifact: outcome.artifact, sameData: true, hyperparameters: outcome.hyperparameters };
    const same = trainOnDataset('failure_risk', table, QUICK, () => undefined, incumbent);
    // The same settings refit on the same training part: the probe itself.
    expect(same.comparison).toMatchObject({ metric: 'log_loss', method: 'refit', rows: 300 });
    expect(same.comparison?.incumbent).toBeCloseTo(same.comparison?.challenger as number, 10);
    // A model from before the stored model learnt every row held out the same rows: scored as stored.
    const { learnt_from: _learnt, ...older } = outcome.hyperparameters;
    expect(trainOnDataset('failure_risk', table, QUICK, () => undefined, { ...incumbent, hyperparameters: older }).comparison).toMatchObject({
      method: 'stored',
      rows: 300,
    });
    const reseeded = trainOnDataset('failure_risk', table, { ...QUICK, seed: 7 }, () => undefined, incumbent);
    expect(reseeded.comparison).toMatchObject({ metric: 'log_loss', method: 'refit', rows: 300 });
    const other = trainOnDataset('failure_risk', failureTable(1500, 2), { ...QUICK, crosses: false }, () => undefined, { ...incumbent, sameData: false });
    expect(other.comparison).toMatchObject({ method: 'stored' });
    const blind = { ...table, categorical: [] };
    expect(trainOnDataset('failure_risk', blind, { ...QUICK, crosses: false }, () => undefined, incumbent).comparison).toBeUndefined();
  });

  it('chooses a remaining-life cap by cross-validation by group, and scores against the uncapped label', () => {
    const life = lifeTable(40, 3);
    const fit = trainOnDataset('maintenance_window', life, QUICK, () => undefined);
    const choice = fit.metrics['label_cap_choice'] as { chosen_by: string; horizon: number; tried: { cap: number | null }[] };
    expect(choice.chosen_by).toBe('cross-validation by group');
    expect(choice.tried.map((t) => t.cap)).toContain(null);
    expect(choice.tried).toHaveLength(5);
    expect(fit.metrics['label_cap']).toBe(fit.artifact.kind === 'series' ? fit.artifact.cap : undefined);
    expect(fit.metrics).toHaveProperty('rmse');
    expect(fit.metrics).toHaveProperty('capped');
    const given = trainOnDataset('maintenance_window', life, { ...QUICK, cap: 50 }, () => undefined, {
      artifact: fit.artifact,
      sameData: true,
      hyperparameters: fit.hyperparameters,
    });
    expect(given.metrics).toMatchObject({ label_cap: 50, label_cap_choice: { chosen_by: 'params.cap' } });
    expect(given.comparison).toMatchObject({ metric: 'rmse', method: 'refit' });
    expect(given.metrics['stored_model_rows']).toBe(life.rowCount);
    expect(() => trainOnDataset('maintenance_window', life, { ...QUICK, cap: -1 }, () => undefined)).toThrow(DomainError);
  });
});
