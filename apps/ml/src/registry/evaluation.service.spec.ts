import type { DatasetColumn, DatasetRecord, DatasetRepository } from '@shopfloor/ml/data-access';
import { TrainedModel, type ModelArtifact } from '@shopfloor/ml/modelling';
import { EvaluationService } from './evaluation.service';
import type { ModelsService } from './models.service';

/** A remaining-life model that always predicts its cap of 100: a stump trained on a constant label. */
const capped: ModelArtifact = {
  format: 1,
  kind: 'tabular',
  objective: 'regression',
  layout: { inputs: ['x'], crosses: [] },
  threshold: null,
  cap: 100,
  gbdt: {
    format: 'gbdt',
    version: 1,
    objective: 'regression',
    featureNames: ['x'],
    baseScore: 100,
    params: {
      objective: 'regression',
      trees: 1,
      learningRate: 0.1,
      maxDepth: 1,
      minSamplesLeaf: 1,
      l2: 1,
      subsample: 1,
      colsample: 1,
      maxBins: 2,
      positiveWeight: 1,
      seed: 1,
      validationFraction: 0,
      earlyStoppingRounds: 20,
    },
    trees: [{ feature: [-1], threshold: [0], missingLeft: [0], left: [-1], value: [0], cover: [2] }],
  },
};

describe(EvaluationService.name, () => {
  const dataset: DatasetRecord = {
    datasetId: 'd1',
    name: 'engines',
    label: 'rul',
    excluded: [],
    groupColumn: null,
    orderColumn: null,
    rowCount: 2,
    columns: [],
    createdAt: new Date(),
  };
  const columns: DatasetColumn[] = [
    { name: 'x', kind: 'number', values: Float64Array.from([1, 2]) },
    { name: 'rul', kind: 'number', values: Float64Array.from([60, 200]) },
  ];
  const models = { require: async () => ({ modelId: 'm1' }), load: async () => TrainedModel.fromArtifact(capped) } as unknown as ModelsService;
  const datasets = { find: async () => dataset, columns: async () => columns } as unknown as DatasetRepository;

  it('scores a remaining life against the true (uncapped) value, and against the capped label beside it', async () => {
    const view = await new EvaluationService(models, datasets).evaluate({ model_id: 'm1', dataset_id: 'd1' });
    // Errors 40 and −100 against the truth; 40 and 0 against the truth capped at 100.
    expect(view.metrics['rmse']).toBeCloseTo(Math.sqrt((40 ** 2 + 100 ** 2) / 2));
    expect(view.metrics['capped']).toMatchObject({ rmse: expect.closeTo(Math.sqrt(40 ** 2 / 2), 6), mae: 20 });
    expect(view.metrics['label_cap']).toBe(100);
  });
});
