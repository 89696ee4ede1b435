import { classificationMetrics } from './classification-metrics';

describe(classificationMetrics.name, () => {
  it('counts the confusion at the threshold, a score equal to it being a positive call', () => {
    // Calls at 0.5: 0.9 ✓(tp), 0.5 ✓(tp), 0.7 ✗(fp), 0.2 ✓(tn), 0.1 ✗(fn), 0.6 ✓(tp).
    const m = classificationMetrics([1, 1, 0, 0, 1, 1], [0.9, 0.5, 0.7, 0.2, 0.1, 0.6]);
    expect(m.confusion).toEqual({ tp: 3, fp: 1, tn: 1, fn: 1 });
    expect(m.precision).toBeCloseTo(3 / 4, 12);
    expect(m.recall).toBeCloseTo(3 / 4, 12);
    expect(m.f1).toBeCloseTo(3 / 4, 12);
    expect(m.threshold).toBe(0.5);
  });

  it("matches scikit-learn's average precision and ROC AUC on its documented example", () => {
    // sklearn docs: average_precision_score → 0.8333…, roc_auc_score → 0.75.
    const m = classificationMetrics([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    expect(m.pr_auc).toBeCloseTo(0.8333333333, 9);
    expect(m.roc_auc).toBeCloseTo(0.75, 12);
  });

  it('treats tied scores as one step, counting a tied positive–negative pair as half in ROC AUC', () => {
    // Steps: 0.9 → tp 1 fp 0; 0.5 → tp 2 fp 1. AP = ½·1 + ½·⅔; AUC = (1 + 1 + 1 + ½) / 4.
    const m = classificationMetrics([0, 1, 1, 0], [0.5, 0.5, 0.9, 0.1]);
    expect(m.pr_auc).toBeCloseTo(0.5 + 1 / 3, 12);
    expect(m.roc_auc).toBeCloseTo(0.875, 12);
  });

  it('gives null where a denominator is 0', () => {
    const m = classificationMetrics([0, 0, 0], [0.1, 0.2, 0.3], 0.5);
    expect(m).toMatchObject({ precision: null, recall: null, f1: null, pr_auc: null, roc_auc: null });
    expect(classificationMetrics([1, 1], [0.2, 0.9]).roc_auc).toBeNull();
  });

  it('rejects mismatched lengths, labels other than 0/1 and non-finite scores', () => {
    expect(() => classificationMetrics([1, 0], [0.5])).toThrow(RangeError);
    expect(() => classificationMetrics([2, 0], [0.5, 0.5])).toThrow(RangeError);
    expect(() => classificationMetrics([1, 0], [NaN, 0.5])).toThrow(RangeError);
  });
});
