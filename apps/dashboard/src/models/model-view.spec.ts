import { activation, byType, evaluatedOn, keyMetrics, trainingText, type Model, type Training } from './model-view';

const dec = (v: number, d: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: d }).format(v);

const model = (over: Partial<Model>): Model => ({
  model_id: 'm',
  model_type: 'downtime',
  version: 1,
  active: false,
  activated_at: null,
  created_at: '2026-01-01T00:00:00Z',
  dataset_id: null,
  features: [],
  hyperparameters: {},
  metrics: {},
  promotion: null,
  size_bytes: 1,
  training_data: { from: null, to: null, rows: 10 },
  training_id: 't',
  ...over,
});

describe(keyMetrics.name, () => {
  it('shows F1 and PR-AUC first for a classifier', () => {
    expect(keyMetrics('failure_risk', { roc_auc: 0.9, f1: 0.8123, pr_auc: 0.7, examples: 400 }, 2)).toEqual([
      { label: 'F1', value: dec(0.8123, 3) },
      { label: 'PR-AUC', value: dec(0.7, 3) },
    ]);
  });

  it('shows RMSE and MAE for a regression', () => {
    expect(keyMetrics('maintenance_window', { mae: 12.345, rmse: 20.5, unit: 'hours' })).toEqual([
      { label: 'RMSE', value: dec(20.5, 2) },
      { label: 'MAE', value: dec(12.345, 2) },
    ]);
  });

  it('falls back to whatever numbers the metrics hold', () => {
    expect(keyMetrics('downtime', { evaluated_on: 'none (fewer than 3 machines)', examples: 12, machines: 2 })).toEqual([
      { label: 'examples', value: dec(12, 3) },
      { label: 'machines', value: dec(2, 3) },
    ]);
    expect(keyMetrics('downtime', null)).toEqual([]);
  });
});

describe(evaluatedOn.name, () => {
  it('reads where the measures come from', () => {
    expect(evaluatedOn({ evaluated_on: 'held-out machines' })).toBe('held-out machines');
    expect(evaluatedOn({})).toBeNull();
  });
});

describe(byType.name, () => {
  it('groups the versions by type, newest first', () => {
    const groups = byType([model({ version: 1 }), model({ version: 3 }), model({ model_type: 'anomaly', version: 2 })]);
    expect(groups.downtime.map((m) => m.version)).toEqual([3, 1]);
    expect(groups.anomaly.map((m) => m.version)).toEqual([2]);
    expect(groups.failure_risk).toEqual([]);
  });
});

describe(activation.name, () => {
  const v1 = model({ model_id: 'a', version: 1 });
  const v2 = model({ model_id: 'b', version: 2, active: true });
  const v3 = model({ model_id: 'c', version: 3 });

  it('calls activating an older version than the active one a rollback', () => {
    const a = activation(v1, [v1, v2, v3]);
    expect(a.kind).toBe('rollback');
    expect(a.question).toContain('Roll back Downtime to version 1');
  });

  it('calls activating a newer version a switch, and the active one needs nothing', () => {
    expect(activation(v3, [v1, v2, v3])).toMatchObject({ kind: 'switch', question: expect.stringContaining('in place of version 2') });
    expect(activation(v2, [v1, v2, v3]).kind).toBe('active');
  });
});

describe(trainingText.name, () => {
  const t = (over: Partial<Training>): Training => ({
    training_id: 't',
    model_type: 'downtime',
    state: 'queued',
    progress: 0,
    created_at: '',
    started_at: null,
    finished_at: null,
    dataset_id: null,
    error: null,
    metrics: null,
    model_id: null,
    ...over,
  });

  it('says how far a running training is', () => {
    expect(trainingText(t({ state: 'running', progress: 0.42 }))).toBe(
      `Training: ${new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(0.42)} done.`,
    );
  });

  it('gives the reason of a failure once', () => {
    expect(trainingText(t({ state: 'failed', error: 'too few breakdowns.' }))).toBe('Failed: too few breakdowns.');
  });
});
