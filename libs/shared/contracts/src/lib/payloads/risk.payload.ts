import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { PredictionFactor } from './ml.payload';

/** `GET /api/v1/machines/{id}/risk` and `ml.machines.risk`. */
export class MachineRiskRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  machine_id!: string;
}

/** Horizons the scheduled scoring asks the downtime model for: the next 24 hours and the next 7 days. */
export const SCORED_DOWNTIME_HORIZONS_HOURS = [24, 168] as const;
/** The horizon of a machine's failure risk on the shop floor: P(a breakdown within the next 7 days). */
export const FAILURE_RISK_HORIZON_HOURS = 168;

/** The latest prediction of one kind for a machine, scheduled or asked for. */
export interface RiskEntry {
  prediction_id: string;
  /** Probability (downtime, failure_risk), hours to the next breakdown (maintenance_window), or an anomaly score. */
  predicted_value: number;
  /** The model's decision threshold (a probability or an anomaly score), null where a model has none. */
  threshold: number | null;
  /** Whether the value is at or over the threshold; null without a threshold. */
  above_threshold: boolean | null;
  horizon_hours: number | null;
  predicted_at: string;
  model_id: string;
  model_version: number;
  /** The inputs that moved this prediction most, largest first. */
  factors: PredictionFactor[];
}

export interface MaintenanceRiskEntry extends RiskEntry {
  /** When the machine is predicted to break down, and the calmest 4 hours to maintain it before then. */
  predicted_failure_at: string | null;
  recommended_window: { start: string; end: string } | null;
}

export interface AnomalyRiskEntry extends RiskEntry {
  /** End of the hour that looked unlike normal (its readings are those of the hour before), as AnomalyEvent.at. */
  at: string;
}

/**
 * A machine's current risk: the latest of each kind of prediction, with the model version and top factors; a kind is
 * null while no active model of it has scored the machine yet.
 */
export interface MachineRiskView {
  machine_id: string;
  /** P(an unplanned stop of the downtime model's length starts within 24 hours). */
  downtime_24h: RiskEntry | null;
  /** The same within 7 days. */
  downtime_7d: RiskEntry | null;
  /** P(a breakdown within the entry's horizon). */
  failure_risk: RiskEntry | null;
  maintenance_window: MaintenanceRiskEntry | null;
  /** The most recent anomalous hour within the last 24 hours, or null. */
  latest_anomaly: AnomalyRiskEntry | null;
  /** The newest of the entries' prediction times, or null when there is none. */
  scored_at: string | null;
}

/**
 * The promotion gate's decision on a newly trained version: active at once only when it beat the active version on
 * the same held-out rows (or its type had none); otherwise it waits for an admin to activate it.
 */
export interface ModelPromotion {
  decision: 'promoted' | 'held';
  reason: string;
  /** Both versions scored on the same held-out rows (lower is better), when a fair comparison could be made. */
  comparison: {
    metric: 'log_loss' | 'rmse';
    challenger: number;
    incumbent: number;
    rows: number;
    /** The incumbent's stored model as is (it never learnt these rows), or its settings refit on the challenger's training part. */
    method: 'stored' | 'refit';
    incumbent_model_id: string;
    incumbent_version: number;
  } | null;
}
