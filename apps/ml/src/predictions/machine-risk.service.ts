import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  FAILURE_RISK_HORIZON_HOURS,
  SCORED_DOWNTIME_HORIZONS_HOURS,
  type AnomalyRiskEntry,
  type MachineRiskView,
  type MaintenanceRiskEntry,
  type PredictionFactor,
  type RiskEntry,
} from '@shopfloor/contracts';
import { PredictionRepository, ShopfloorCopyRepository, type LatestPredictionRow } from '@shopfloor/ml/data-access';
import { ModelsService } from '../registry/models.service';
import { thresholdSide } from './prediction-publisher';

const DAY_MS = 86_400_000;
/** A prediction older than this no longer describes the machine now. */
const CURRENT_MS = 30 * DAY_MS;
/** An anomalous hour is shown for a day. */
const ANOMALY_MS = DAY_MS;

/** A machine's current risk: the latest prediction of each kind, with its model version, threshold and factors. */
@Injectable()
export class MachineRiskService {
  constructor(
    private readonly predictions: PredictionRepository,
    private readonly copy: ShopfloorCopyRepository,
    private readonly models: ModelsService,
  ) {}

  async risk(machineId: string, now = Date.now()): Promise<MachineRiskView> {
    if (!(await this.copy.machineExists(machineId)))
      throw new DomainError(ErrorCode.MachineNotFound, `Machine ${machineId} is not known`, { machine_id: machineId });
    const rows = await this.predictions.latestForMachine(machineId, new Date(now - CURRENT_MS));
    const newest = (type: string, horizon?: number): LatestPredictionRow | null =>
      rows
        .filter((r) => r.model_type === type && (horizon === undefined || r.horizon_hours === horizon))
        .reduce<LatestPredictionRow | null>((a, b) => (a === null || b.predicted_at > a.predicted_at ? b : a), null);
    const [short, long] = SCORED_DOWNTIME_HORIZONS_HOURS;
    const downtime24 = await this.entry(newest('downtime', short));
    const downtime7d = await this.entry(newest('downtime', long));
    // A shop-floor failure risk has its 7-day horizon; one from readings has none.
    const failureRow = newest('failure_risk', FAILURE_RISK_HORIZON_HOURS) ?? newest('failure_risk');
    const failure = await this.entry(failureRow);
    const maintenanceRow = newest('maintenance_window');
    const maintenance = await this.entry(maintenanceRow);
    const anomalyRow = newest('anomaly');
    const anomalyHour = anomalyRow ? Date.parse(String(anomalyRow.input['at'])) : Number.NaN;
    const anomaly = anomalyRow && Number.isFinite(anomalyHour) && anomalyHour >= now - ANOMALY_MS ? await this.entry(anomalyRow) : null;
    const entries = [downtime24, downtime7d, failure, maintenance, anomaly].filter((e): e is RiskEntry => e !== null);
    return {
      machine_id: machineId,
      downtime_24h: downtime24,
      downtime_7d: downtime7d,
      failure_risk: failure,
      maintenance_window: maintenance && maintenanceRow ? ({ ...maintenance, ...maintenanceDetails(maintenanceRow) } satisfies MaintenanceRiskEntry) : null,
      latest_anomaly: anomaly ? ({ ...anomaly, at: new Date(anomalyHour).toISOString() } satisfies AnomalyRiskEntry) : null,
      scored_at:
        entries.length > 0
          ? (entries
              .map((e) => e.predicted_at)
              .sort()
              .at(-1) ?? null)
          : null,
    };
  }

  private async entry(row: LatestPredictionRow | null): Promise<RiskEntry | null> {
    if (row === null) return null;
    const threshold = await this.thresholdOf(row.model_id);
    return {
      prediction_id: row.prediction_id,
      predicted_value: row.predicted_value,
      threshold,
      above_threshold: thresholdSide(row.predicted_value, null, threshold).above_threshold ?? null,
      horizon_hours: row.horizon_hours,
      predicted_at: row.predicted_at.toISOString(),
      model_id: row.model_id,
      model_version: row.model_version,
      factors: row.factors as PredictionFactor[],
    };
  }

  /** The model's decision threshold (null when it has none, or when the version has been removed). */
  private async thresholdOf(modelId: string): Promise<number | null> {
    try {
      return (await this.models.load(modelId)).threshold;
    } catch (error) {
      if (error instanceof DomainError) return null;
      throw error;
    }
  }
}

function maintenanceDetails(row: LatestPredictionRow): Pick<MaintenanceRiskEntry, 'predicted_failure_at' | 'recommended_window'> {
  const window = row.input['recommended_window'] as { start?: unknown; end?: unknown } | undefined;
  return {
    predicted_failure_at: row.due_at?.toISOString() ?? null,
    recommended_window: window && typeof window.start === 'string' && typeof window.end === 'string' ? { start: window.start, end: window.end } : null,
  };
}
