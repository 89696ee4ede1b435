import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  type ListPredictionsQuery,
  type ModelType,
  type PredictionFactor,
  type PredictionPage,
  type PredictionRecordView,
} from '@shopfloor/contracts';
import { PredictionRepository, type PredictionHistoryRow } from '@shopfloor/ml/data-access';

const DEFAULT_LIMIT = 100;

/** Where a page ended, as the client carries it: base64url of `[time, id]`. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const time = typeof at === 'string' ? new Date(at) : null;
    if (time && !Number.isNaN(time.getTime()) && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { at: time, id };
  } catch {
    // answered below
  }
  throw new DomainError(ErrorCode.ValidationFailed, 'cursor is not one this API gave out', null, [
    { field: 'cursor', message: 'must be a next_cursor from a previous page', invalid_value: cursor },
  ]);
}

/** Past predictions, newest first, each with its outcome once known. */
@Injectable()
export class PredictionHistory {
  constructor(private readonly predictions: PredictionRepository) {}

  async list(query: ListPredictionsQuery): Promise<PredictionPage> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.predictions.history({
      machineId: query.machine_id,
      modelType: query.type,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toView), next_cursor: rows.length > limit && last ? encodeCursor(new Date(last.predicted_at), last.prediction_id) : null };
  }
}

function toView(row: PredictionHistoryRow): PredictionRecordView {
  return {
    prediction_id: row.prediction_id,
    machine_id: row.machine_id,
    prediction_type: row.model_type as ModelType,
    predicted_value: row.predicted_value,
    confidence_score: row.confidence_score,
    horizon_hours: row.horizon_hours,
    model_id: row.model_id,
    model_version: row.model_version,
    prediction_timestamp: new Date(row.predicted_at).toISOString(),
    factors: row.factors as PredictionFactor[],
    due_at: row.due_at ? new Date(row.due_at).toISOString() : null,
    actual_value: row.actual_value,
    actual_at: row.actual_at ? new Date(row.actual_at).toISOString() : null,
  };
}
