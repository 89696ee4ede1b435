import { GBDT_MAX_BINS } from '@shopfloor/ml/models';
import { classifierBins, HISTOGRAM_BINS } from './dataset-classifier';

describe(classifierBins.name, () => {
  it('gives a few columns as many bins as the learner allows', () => {
    expect(classifierBins(24, 1024)).toBe(GBDT_MAX_BINS);
  });

  it('keeps a wide histogram within its budget, never below the floor', () => {
    expect(classifierBins(64, 1024)).toBe(HISTOGRAM_BINS / 64);
    expect(classifierBins(64, 1024) * 64).toBeLessThanOrEqual(HISTOGRAM_BINS);
    expect(classifierBins(2000, 1024)).toBe(1024);
  });
});
