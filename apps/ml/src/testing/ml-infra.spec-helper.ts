import { randomUUID } from 'node:crypto';
import { STREAMS, type ModelType, type PredictionEvent } from '@shopfloor/contracts';
import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { ML_ENTITIES, ML_MIGRATIONS, ModelRepository } from '@shopfloor/ml/data-access';
import { encodeArtifact, type ModelArtifact } from '@shopfloor/ml/modelling';
import type { JetStreamService } from '@shopfloor/nats';
import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import { DeliverPolicy, JSONCodec } from 'nats';
import { DataSource } from 'typeorm';

// For the integration specs of the ml app, which run against the real Postgres and NATS of this machine.

const codec = JSONCodec<PredictionEvent>();

/** A database of its own with the ml schema migrated, and a connection to it. */
export async function openMlDatabase(prefix: string, poolSize = 2): Promise<{ db: TestDatabase; dataSource: DataSource }> {
  const db = await createTestDatabase(prefix);
  const settings = {
    url: db.serviceUrl('ml'),
    schema: 'ml',
    ssl: 'disable' as const,
    poolSize,
    applicationName: 'test',
    entities: ML_ENTITIES,
    migrations: ML_MIGRATIONS,
    migrationsRun: false,
  };
  await runMigrations(settings);
  return { db, dataSource: await new DataSource(serviceDataSourceOptions(settings)).initialize() };
}

/** Registers a trained model as the first, so active, version of its type. */
export async function registerModel(
  dataSource: DataSource,
  modelType: ModelType,
  outcome: { artifact: ModelArtifact; metrics: Record<string, unknown>; hyperparameters: Record<string, unknown>; featureNames: string[] },
  span: { from: number; to: number } | null = null,
): Promise<void> {
  await new ModelRepository(dataSource).create({
    modelId: randomUUID(),
    modelType,
    trainingId: randomUUID(),
    datasetId: null,
    dataFrom: span ? new Date(span.from) : null,
    dataTo: span ? new Date(span.to) : null,
    dataRows: 0,
    hyperparameters: outcome.hyperparameters,
    metrics: outcome.metrics,
    featureNames: outcome.featureNames,
    artifact: encodeArtifact(outcome.artifact),
    promotion: { decision: 'promoted', reason: 'test', comparison: null },
    replaces: null,
  });
}

/** The events kept on a subject of ML_PREDICTIONS since `since` that `keep` accepts, with the message id each was stored under. */
export async function predictionEvents(
  jetStream: JetStreamService,
  subject: string,
  since: Date,
  keep: (event: PredictionEvent) => boolean,
): Promise<{ id: string | undefined; event: PredictionEvent }[]> {
  const reader = await jetStream.client.consumers.get(STREAMS.mlPredictions.name, {
    filterSubjects: subject,
    deliver_policy: DeliverPolicy.StartTime,
    opt_start_time: since.toISOString(),
  });
  const found: { id: string | undefined; event: PredictionEvent }[] = [];
  try {
    for (let done = false; !done;) {
      const batch = await reader.fetch({ max_messages: 500, expires: 1000 });
      let seen = 0;
      for await (const msg of batch) {
        seen += 1;
        const event = codec.decode(msg.data);
        if (keep(event)) found.push({ id: msg.headers?.get('Nats-Msg-Id'), event });
        if (msg.info.pending === 0) {
          done = true;
          break;
        }
      }
      if (seen === 0) done = true;
    }
  } finally {
    await reader.delete().catch(() => false);
  }
  return found;
}
