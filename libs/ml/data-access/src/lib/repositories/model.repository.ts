import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ModelRecord {
  modelId: string;
  modelType: string;
  version: number;
  active: boolean;
  trainingId: string;
  datasetId: string | null;
  dataFrom: Date | null;
  dataTo: Date | null;
  dataRows: number;
  hyperparameters: Record<string, unknown>;
  metrics: Record<string, unknown>;
  featureNames: string[];
  artifactBytes: number;
  createdAt: Date;
  activatedAt: Date | null;
}

export type NewModel = Omit<ModelRecord, 'version' | 'active' | 'artifactBytes' | 'createdAt' | 'activatedAt'> & { artifact: Buffer };

interface ModelRow {
  model_id: string;
  model_type: string;
  version: number;
  active: boolean;
  training_id: string;
  dataset_id: string | null;
  data_from: Date | null;
  data_to: Date | null;
  data_rows: number;
  hyperparameters: Record<string, unknown>;
  metrics: Record<string, unknown>;
  feature_names: string[];
  artifact_bytes: number;
  created_at: Date;
  activated_at: Date | null;
}

const COLUMNS = `"model_id", "model_type", "version", "active", "training_id", "dataset_id", "data_from", "data_to", "data_rows", "hyperparameters", "metrics", "feature_names", octet_length("artifact") AS "artifact_bytes", "created_at", "activated_at"`;

const toRecord = (row: ModelRow): ModelRecord => ({
  modelId: row.model_id,
  modelType: row.model_type,
  version: row.version,
  active: row.active,
  trainingId: row.training_id,
  datasetId: row.dataset_id,
  dataFrom: row.data_from,
  dataTo: row.data_to,
  dataRows: row.data_rows,
  hyperparameters: row.hyperparameters,
  metrics: row.metrics,
  featureNames: row.feature_names,
  artifactBytes: row.artifact_bytes,
  createdAt: row.created_at,
  activatedAt: row.activated_at,
});

/** The model registry: every trained version of each model type, at most one of them active. */
@Injectable()
export class ModelRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Registers a trained model as the type's next version; it becomes active when the type has no active model yet
   * (the first model serves at once; later ones wait for an activation).
   */
  async create(model: NewModel): Promise<ModelRecord> {
    return this.dataSource.transaction(async (manager) => {
      // One registration per type at a time, so versions never collide.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('ml.models:' || $1::text))`, [model.modelType]);
      const rows = await manager.query<ModelRow[]>(
        `INSERT INTO "ml"."models" ("model_id", "model_type", "version", "active", "activated_at", "training_id", "dataset_id", "data_from", "data_to", "data_rows", "hyperparameters", "metrics", "feature_names", "artifact")
         SELECT $1::uuid, $2::varchar, COALESCE(MAX("version"), 0) + 1, NOT bool_or("active") IS TRUE, CASE WHEN bool_or("active") IS TRUE THEN NULL ELSE now() END,
                $3::uuid, $4::uuid, $5::timestamptz, $6::timestamptz, $7::integer, $8::jsonb, $9::jsonb, $10::jsonb, $11::bytea
         FROM "ml"."models" WHERE "model_type" = $2::varchar
         RETURNING ${COLUMNS}`,
        [model.modelId, model.modelType, model.trainingId, model.datasetId, model.dataFrom, model.dataTo, model.dataRows, JSON.stringify(model.hyperparameters), JSON.stringify(model.metrics), JSON.stringify(model.featureNames), model.artifact],
      );
      return toRecord(rows[0]);
    });
  }

  async find(modelId: string): Promise<ModelRecord | null> {
    const rows = await this.dataSource.query<ModelRow[]>(`SELECT ${COLUMNS} FROM "ml"."models" WHERE "model_id" = $1`, [modelId]);
    return rows.length > 0 ? toRecord(rows[0]) : null;
  }

  async list(modelType: string | null): Promise<ModelRecord[]> {
    const rows = await this.dataSource.query<ModelRow[]>(`SELECT ${COLUMNS} FROM "ml"."models" WHERE $1::varchar IS NULL OR "model_type" = $1 ORDER BY "model_type", "version" DESC`, [modelType]);
    return rows.map(toRecord);
  }

  async findActive(modelType: string): Promise<ModelRecord | null> {
    const rows = await this.dataSource.query<ModelRow[]>(`SELECT ${COLUMNS} FROM "ml"."models" WHERE "model_type" = $1 AND "active"`, [modelType]);
    return rows.length > 0 ? toRecord(rows[0]) : null;
  }

  async artifact(modelId: string): Promise<Buffer | null> {
    const rows = await this.dataSource.query<{ artifact: Buffer }[]>(`SELECT "artifact" FROM "ml"."models" WHERE "model_id" = $1`, [modelId]);
    return rows.length > 0 ? rows[0].artifact : null;
  }

  /** Makes the model its type's active version (activating an older version is the rollback); null if unknown. */
  async activate(modelId: string): Promise<ModelRecord | null> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.query<{ model_type: string }[]>(`SELECT "model_type" FROM "ml"."models" WHERE "model_id" = $1`, [modelId]);
      if (found.length === 0) return null;
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('ml.models:' || $1::text))`, [found[0].model_type]);
      await manager.query(`UPDATE "ml"."models" SET "active" = false WHERE "model_type" = $1 AND "active" AND "model_id" <> $2`, [found[0].model_type, modelId]);
      await manager.query(`UPDATE "ml"."models" SET "active" = true, "activated_at" = now() WHERE "model_id" = $1`, [modelId]);
      const rows = await manager.query<ModelRow[]>(`SELECT ${COLUMNS} FROM "ml"."models" WHERE "model_id" = $1`, [modelId]);
      return toRecord(rows[0]);
    });
  }
}
