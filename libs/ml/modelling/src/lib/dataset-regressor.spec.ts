import type { GbdtParams } from '@shopfloor/ml/models';
import { quickParams } from './dataset-regressor';

describe(quickParams.name, () => {
  const base: GbdtParams = { objective: 'regression', trees: 1200, learningRate: 0.05 / 3, maxDepth: 5, seed: 1 };

  it('ranks the caps with at most 200 trees whatever the stored model grows, keeping its trees × rate', () => {
    const quick = quickParams(base);
    expect(quick.trees).toBe(200);
    expect((quick.learningRate as number) * 200).toBeCloseTo(1200 * (0.05 / 3), 10);
    expect(quick).toMatchObject({ objective: 'regression', maxDepth: 5, seed: 1 });
  });

  it('gives the earlier stand-in (200 trees at 0.1) for 400 trees at 0.05', () => {
    expect(quickParams({ ...base, trees: 400, learningRate: 0.05 })).toMatchObject({ trees: 200, learningRate: 0.1 });
  });

  it('keeps a smaller learner as it is, and bounds the rate at 0.3', () => {
    expect(quickParams({ ...base, trees: 40, learningRate: 0.1 })).toMatchObject({ trees: 40, learningRate: 0.1 });
    expect(quickParams({ ...base, trees: 2000, learningRate: 0.5 }).learningRate).toBe(0.3);
  });
});
