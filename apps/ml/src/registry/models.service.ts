import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type ModelPromotion, type ModelType, type ModelView } from '@shopfloor/contracts';
import { ModelRepository, type ModelRecord } from '@shopfloor/ml/data-access';
import { decodeArtifact, TrainedModel } from '@shopfloor/ml/modelling';

/** How long a replica trusts its idea of which version is active (an activation elsewhere shows within this). */
const ACTIVE_TTL_MS = 2000;
const LOADED_MAX = 20;

export function modelView(model: ModelRecord): ModelView {
  return {
    model_id: model.modelId,
    model_type: model.modelType as ModelType,
    version: model.version,
    active: model.active,
    training_id: model.trainingId,
    dataset_id: model.datasetId,
    training_data: { from: model.dataFrom?.toISOString() ?? null, to: model.dataTo?.toISOString() ?? null, rows: model.dataRows },
    hyperparameters: model.hyperparameters,
    metrics: model.metrics,
    features: model.featureNames,
    size_bytes: model.artifactBytes,
    created_at: model.createdAt.toISOString(),
    activated_at: model.activatedAt?.toISOString() ?? null,
    promotion: (model.promotion as ModelPromotion | null) ?? null,
  };
}

/** The registry as the service uses it: versions, activation (and rollback), and loaded models kept in memory. */
@Injectable()
export class ModelsService {
  private readonly loaded = new Map<string, TrainedModel>();
  private readonly active = new Map<string, { record: ModelRecord | null; until: number }>();

  constructor(private readonly models: ModelRepository) {}

  async list(modelType: ModelType | undefined): Promise<{ items: ModelView[] }> {
    return { items: (await this.models.list(modelType ?? null)).map(modelView) };
  }

  async require(modelId: string): Promise<ModelRecord> {
    const model = await this.models.find(modelId);
    if (!model) throw new DomainError(ErrorCode.ModelNotFound, `No model with id ${modelId}`, { model_id: modelId });
    return model;
  }

  /** Makes a version the active one of its type; activating an older version rolls back. */
  async activate(modelId: string): Promise<ModelView> {
    const model = await this.models.activate(modelId);
    if (!model) throw new DomainError(ErrorCode.ModelNotFound, `No model with id ${modelId}`, { model_id: modelId });
    this.active.delete(model.modelType);
    return modelView(model);
  }

  /** The active version of a type, loaded; NO_ACTIVE_MODEL when none has been trained. */
  async activeModel(modelType: ModelType): Promise<{ record: ModelRecord; model: TrainedModel }> {
    const now = Date.now();
    let cached = this.active.get(modelType);
    if (!cached || cached.until <= now) {
      cached = { record: await this.models.findActive(modelType), until: now + ACTIVE_TTL_MS };
      this.active.set(modelType, cached);
    }
    if (!cached.record)
      throw new DomainError(ErrorCode.NoActiveModel, `No ${modelType} model is active yet: train one (POST /api/v1/ml/train) or activate a version`, {
        model_type: modelType,
      });
    return { record: cached.record, model: await this.load(cached.record.modelId) };
  }

  async load(modelId: string): Promise<TrainedModel> {
    const hit = this.loaded.get(modelId);
    if (hit) return hit;
    const bytes = await this.models.artifact(modelId);
    if (!bytes) throw new DomainError(ErrorCode.ModelNotFound, `No model with id ${modelId}`, { model_id: modelId });
    const model = TrainedModel.fromArtifact(decodeArtifact(bytes));
    if (this.loaded.size >= LOADED_MAX) this.loaded.delete(this.loaded.keys().next().value as string);
    this.loaded.set(modelId, model);
    return model;
  }
}
