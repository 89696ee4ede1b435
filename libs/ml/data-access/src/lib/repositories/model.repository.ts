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
  /** Why the version became active on registration or waits for an admin (null for versions registered before the gate). */
  promotion: Record<string, unknown> | null;
}

export type NewModel = Omit<ModelRecord, 'version' | 'active' | 'artifactBytes' | 'createdAt' | 'activatedAt' | 'promotion'> & {
  artifact: Buffer;
  /** The promotion gate's decision (`decision`: 'promoted' or 'held', `reason`, `comparison`). */
  promotion: Record<string, unknown> & { decision: 'promoted' | 'held' };
  /** With a 'promoted' decision: the active version it beat (null: the type had none); it replaces it only if that is still active. */
  replaces: string | null;
};

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
  promotion: Record<string, unknown> | null;
}

const COLUMNS = `"model_id", "model_type", "version", "active", "training_id", "dataset_id", "data_from", "data_to", "data_rows", "hyperparameters", "metrics", "feature_names", octet_length("artifact") AS "artifact_bytes", "created_at", "activated_at", "promotion"`;

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
  promotion: row.promotion,
});

/** The model registry: every trained version of each model type, at most one of them active. */
@Injectable()
export class ModelRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Registers a trained model as the type's next version. It becomes active when the type has no active version yet
   * (the first model serves at once), or when it won the promotion gate against the version that is still active;
   * otherwise it waits for an activation. The promotion record says which, and why.
   */
  async create(model: NewModel): Promise<ModelRecord> {
    return this.dataSource.transaction(async (manager) => {
      // One registration per type at a time, so versions never collide.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('ml.models:' || $1::text))`, [model.modelType]);
      const active = await manager.query<{ model_id: string }[]>(`SELECT "model_id" FROM "ml"."models" WHERE "model_type" = $1 AND "active"`, [
        model.modelType,
      ]);
      const activeId = active.length > 0 ? active[0].model_id : null;
      let promotion: Record<string, unknown> = model.promotion;
      let makeActive: boolean;
      if (activeId === null) {
        makeActive = true;
        if (promotion['decision'] !== 'promoted') promotion = { ...promotion, decision: 'promoted', reason: 'the first active version of its type' };
      } else if (promotion['decision'] === 'promoted') {
        makeActive = model.replaces === activeId;
        if (!makeActive)
          promotion = { ...promotion, decision: 'held', reason: 'another version was activated while this one trained: compare them and activate by hand' };
      } else {
        makeActive = false;
      }
      if (makeActive && activeId !== null) await manager.query(`UPDATE "ml"."models" SET "active" = false WHERE "model_id" = $1`, [activeId]);
      const rows = await manager.query<ModelRow[]>(
        `INSERT INTO "ml"."models" ("model_id", "model_type", "version", "active", "activated_at", "training_id", "dataset_id", "data_from", "data_to", "data_rows", "hyperparameters", "metrics", "feature_names", "artifact", "promotion")
         SELECT $1::uuid, $2::varchar, COALESCE(MAX("version"), 0) + 1, $12::boolean, CASE WHEN $12::boolean THEN now() END,
                $3::uuid, $4::uuid, $5::timestamptz, $6::timestamptz, $7::integer, $8::jsonb, $9::jsonb, $10::jsonb, $11::bytea, $13::jsonb
         FROM "ml"."models" WHERE "model_type" = $2::varchar
         RETURNING ${COLUMNS}`,
        [
          model.modelId,
          model.modelType,
          model.trainingId,
          model.datasetId,
          model.dataFrom,
          model.dataTo,
          model.dataRows,
          JSON.stringify(model.hyperparameters),
          JSON.stringify(model.metrics),
          JSON.stringify(model.featureNames),
          model.artifact,
          makeActive,
          JSON.stringify(promotion),
        ],
      );
      return toRecord(rows[0]);
    });
  }

  async find(modelId: string): Promise<ModelRecord | null> {
    const rows = await this.dataSource.query<ModelRow[]>(`SELECT ${COLUMNS} FROM "ml"."models" WHERE "model_id" = $1`, [modelId]);
    return rows.length > 0 ? toRecord(rows[0]) : null;
  }

  async list(modelType: string | null): Promise<ModelRecord[]> {
    const rows = await this.dataSource.query<ModelRow[]>(
      `SELECT ${COLUMNS} FROM "ml"."models" WHERE $1::varchar IS NULL OR "model_type" = $1 ORDER BY "model_type", "version" DESC`,
      [modelType],
    );
    return rows.map(toRecord);
  }

  async findActive(modelType: string): Promise<ModelRecord | null> {
    const rows = await this.dataSource.query<ModelRow[]>(`SELECT ${COLUMNS} FROM "ml"."models" WHERE "model_type" = $1 AND "active"`, [modelType]);
    return rows.length > 0 ? toRecord(rows[0]) : null;
  }

  /** The active version of every type that has one, by type. */
  async activeIds(): Promise<Map<string, string>> {
    const rows = await this.dataSource.query<{ model_type: string; model_id: string }[]>(
      `SELECT "model_type", "model_id" FROM "ml"."models" WHERE "active" ORDER BY "model_type"`,
    );
    return new Map(rows.map((r) => [r.model_type, r.model_id]));
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
      await manager.query(`UPDATE "ml"."models" SET "active" = false WHERE "model_type" = $1 AND "active" AND "model_id" <> $2`, [
        found[0].model_type,
        modelId,
      ]);
      await manager.query(`UPDATE "ml"."models" SET "active" = true, "activated_at" = now() WHERE "model_id" = $1`, [modelId]);
      const rows = await manager.query<ModelRow[]>(`SELECT ${COLUMNS} FROM "ml"."models" WHERE "model_id" = $1`, [modelId]);
      return toRecord(rows[0]);
    });
  }
}
