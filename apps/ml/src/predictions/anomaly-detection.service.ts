import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, SUBJECTS, type AnomaliesView, type AnomalyEvent, type PredictAnomaliesRequest } from '@shopfloor/contracts';
import type { MachineHistory } from '@shopfloor/ml/features';
import { PredictionRepository } from '@shopfloor/ml/data-access';
import { JetStreamService } from '@shopfloor/nats';
import { ModelsService } from '../registry/models.service';
import { MachineHistoryService } from './machine-history.service';

const MAX_ANOMALY_SPAN_MS = 31 * 86_400_000;
/** Factors given with each anomalous hour. */
const ANOMALY_FACTORS = 3;

/**
 * The machine's hours in [from, to) whose readings look unlike normal, each with the features most responsible.
 * Each is stored and published on `ml.prediction.anomaly` (its id is the same for the same hour and model, so asking
 * again never raises it twice).
 */
@Injectable()
export class AnomalyDetectionService {
  constructor(
    private readonly models: ModelsService,
    private readonly histories: MachineHistoryService,
    private readonly predictions: PredictionRepository,
    private readonly jetStream: JetStreamService,
  ) {}

  async detect(request: PredictAnomaliesRequest, preloaded?: MachineHistory): Promise<AnomaliesView> {
    const from = Date.parse(request.from);
    const to = Date.parse(request.to);
    if (!(to > from) || to - from > MAX_ANOMALY_SPAN_MS) {
      throw new DomainError(ErrorCode.ValidationFailed, 'to must be after from, at most 31 days later', null, [
        { field: 'to', message: 'must be after from and within 31 days of it', invalid_value: request.to },
      ]);
    }
    if (!preloaded) await this.histories.requireMachine(request.machine_id);
    const { record, model } = await this.models.activeModel('anomaly');
    const history = preloaded ?? (await this.histories.between(request.machine_id, from - 3_600_000, to));
    const { scored, found } = model.anomalies(history, from, to, ANOMALY_FACTORS);
    const threshold = model.threshold ?? 0;
    const events: AnomalyEvent[] = found.map((a) => ({
      anomaly_id: `${record.modelId}:${request.machine_id}:${a.at}`,
      machine_id: request.machine_id,
      at: new Date(a.at).toISOString(),
      score: a.score,
      threshold,
      model_id: record.modelId,
      model_version: record.version,
      factors: a.factors,
    }));
    for (const event of events) {
      await this.predictions.insert({
        predictionId: randomUUID(),
        modelId: record.modelId,
        modelType: 'anomaly',
        machineId: request.machine_id,
        predictedValue: event.score,
        confidenceScore: null,
        horizonHours: null,
        input: { at: event.at, anomaly_id: event.anomaly_id },
        factors: event.factors,
        predictedAt: new Date(),
        dueAt: null,
      });
      await this.jetStream.publish(SUBJECTS.mlEvents.anomaly, event, event.anomaly_id);
    }
    return {
      machine_id: request.machine_id,
      period: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
      model_id: record.modelId,
      model_version: record.version,
      threshold,
      hours_scored: scored,
      anomalies: events,
    };
  }
}
