import fc from 'fast-check';
import type { ModelRecord } from '@shopfloor/ml/data-access';
import { challengerWins, logLoss, rootMeanSquaredError } from '@shopfloor/ml/modelling';
import { thresholdSide } from '../predictions/prediction-publisher';
import { labelParams } from './model-scheduler';
import { promotionOf } from './training-runner';

const incumbent = (over: Partial<ModelRecord> = {}): ModelRecord => ({
  modelId: 'm1',
  modelType: 'downtime',
  version: 3,
  active: true,
  trainingId: 't1',
  datasetId: null,
  dataFrom: new Date(0),
  dataTo: new Date(1000),
  dataRows: 10,
  hyperparameters: {},
  metrics: {},
  featureNames: [],
  artifactBytes: 1,
  createdAt: new Date(0),
  activatedAt: new Date(0),
  promotion: null,
  ...over,
});

describe('promotion gate', () => {
  it('promotes the first version of a type, and one that beat the active version by more than noise', () => {
    expect(promotionOf(null, undefined)).toEqual({
      promotion: { decision: 'promoted', reason: 'the first active version of its type', comparison: null },
      replaces: null,
    });
    const better = promotionOf(incumbent(), { metric: 'log_loss', challenger: 0.2, incumbent: 0.25, rows: 500, method: 'stored' });
    expect(better.replaces).toBe('m1');
    expect(better.promotion).toMatchObject({
      decision: 'promoted',
      comparison: { challenger: 0.2, incumbent: 0.25, incumbent_model_id: 'm1', incumbent_version: 3 },
    });
    expect(String(better.promotion['reason'])).toContain('log_loss 0.2 against 0.25 of version 3 on 500 held-out rows');
  });

  it('holds a version that is no better, within noise, or that could not be compared', () => {
    expect(promotionOf(incumbent(), { metric: 'rmse', challenger: 10, incumbent: 10.02, rows: 300, method: 'stored' })).toMatchObject({
      replaces: null,
      promotion: { decision: 'held' },
    });
    expect(promotionOf(incumbent(), { metric: 'rmse', challenger: 12, incumbent: 10, rows: 300, method: 'refit' }).promotion.decision).toBe('held');
    const why = promotionOf(incumbent(), 'too little new held-out history');
    expect(why).toEqual({ promotion: { decision: 'held', reason: 'waits for an admin: too little new held-out history', comparison: null }, replaces: null });
    expect(promotionOf(incumbent({ datasetId: 'd1' }), undefined).promotion).toMatchObject({
      decision: 'held',
      reason: expect.stringContaining('learnt from a dataset, this one from the shop floor'),
    });
  });

  it('never lets a non-finite score win, and lets a finite one beat a non-finite incumbent', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), (challenger, inc) => {
        const wins = challengerWins({ metric: 'rmse', challenger, incumbent: inc, rows: 100, method: 'stored' });
        if (!Number.isFinite(challenger)) expect(wins).toBe(false);
        else if (!Number.isFinite(inc)) expect(wins).toBe(true);
        else expect(wins).toBe(challenger < inc * 0.995);
      }),
    );
  });

  it('measures log loss with clipped probabilities and RMSE', () => {
    expect(logLoss([1, 0], [1, 0])).toBeCloseTo(1e-6, 6);
    expect(Number.isFinite(logLoss([1, 0], [0, 1]))).toBe(true);
    expect(logLoss([1], [0.5])).toBeCloseTo(Math.LN2, 12);
    expect(rootMeanSquaredError([1, 2, 3], [1, 2, 5])).toBeCloseTo(Math.sqrt(4 / 3), 12);
    expect(() => rootMeanSquaredError([], [])).toThrow(RangeError);
  });
});

describe(thresholdSide.name, () => {
  it('says raised on the way up, cleared on the way down, nothing while on one side or without a threshold', () => {
    expect(thresholdSide(0.9, null, 0.5)).toEqual({ above_threshold: true, transition: 'raised' });
    expect(thresholdSide(0.1, null, 0.5)).toEqual({ above_threshold: false, transition: null });
    expect(thresholdSide(0.6, 0.4, 0.5)).toEqual({ above_threshold: true, transition: 'raised' });
    expect(thresholdSide(0.6, 0.7, 0.5)).toEqual({ above_threshold: true, transition: null });
    expect(thresholdSide(0.4, 0.7, 0.5)).toEqual({ above_threshold: false, transition: 'cleared' });
    expect(thresholdSide(0.5, 0.49, 0.5)).toEqual({ above_threshold: true, transition: 'raised' });
    expect(thresholdSide(300, 200, null)).toEqual({ above_threshold: null, transition: null });
  });
});

describe(labelParams.name, () => {
  it("keeps a downtime model's stop length and types for its retraining, nothing else", () => {
    const record = incumbent({ hyperparameters: { threshold_minutes: 45, stop_types: ['BREAKDOWN'], trees: 100 } });
    expect(labelParams(record)).toEqual({ threshold_minutes: 45, stop_types: ['BREAKDOWN'] });
    expect(labelParams({ ...record, hyperparameters: { threshold_minutes: 30, stop_types: [] } })).toEqual({ threshold_minutes: 30 });
    expect(labelParams({ ...record, modelType: 'failure_risk' })).toEqual({});
    expect(labelParams({ ...record, hyperparameters: { threshold_minutes: 'x', stop_types: [1] } })).toEqual({});
  });
});
