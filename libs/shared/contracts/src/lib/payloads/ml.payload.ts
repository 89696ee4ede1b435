import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsBoundedRecord } from './bounded-record';
import { Omittable } from './omittable';
import type { ModelPromotion } from './risk.payload';

export const MODEL_TYPES = ['downtime', 'maintenance_window', 'failure_risk', 'anomaly'] as const;
export type ModelType = (typeof MODEL_TYPES)[number];

export const DATASET_FORMATS = ['json', 'csv'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/** What a dataset is for: its label column, the columns to leave out, and (for time series) its group and order columns. */
export class DatasetSpec {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  label!: string;

  @Omittable()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  exclude?: string[];

  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  group?: string;

  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  order?: string;
}

/**
 * `POST /api/v1/ml/datasets` as JSON: the spec and the rows. Cells are numbers or text; `null` is a missing value
 * (not allowed in the label, group or order column); true/false are neither. A feature column of text is a
 * categorical feature, unless nearly every row has its own value or it has more than 100 distinct values (an identifier), or a value
 * is longer than 100 characters (free text): such a column is left out and named in the answer's `ignored_columns`.
 * The label and order must be numbers (the order may be ISO 8601 time); the group column may hold text.
 */
export interface DatasetUploadBody {
  name: string;
  label: string;
  exclude?: string[];
  group?: string;
  order?: string;
  rows: Record<string, number | string | null>[];
}

/**
 * `ml.datasets.create`: the uploaded body waits in the object store bucket `ML_UPLOADS_BUCKET` under `upload`
 * (a dataset is far larger than one NATS message). JSON bodies carry their spec inside; CSV bodies bring it as `spec`
 * (from the query string).
 */
export class CreateDatasetRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  upload!: string;

  @IsIn(DATASET_FORMATS)
  format!: DatasetFormat;

  @Omittable()
  @IsBoundedRecord({ maxKeys: 20, maxStringLength: 60_000, maxArrayItems: 500 })
  spec?: Record<string, unknown>;
}

export interface DatasetView {
  dataset_id: string;
  name: string;
  label: string;
  exclude: string[];
  group: string | null;
  order: string | null;
  rows: number;
  /** The stored columns: `text` is the group column or a categorical feature (its values are levels, not numbers). */
  columns: { name: string; kind: 'number' | 'text' }[];
  /**
   * In the upload's answer: text columns that are no feature and were not stored — identifiers (nearly every row its
   * own value, or more than 100 distinct values) and free text — each with the reason.
   */
  ignored_columns?: { name: string; reason: string }[];
  created_at: string;
}

/** `GET /api/v1/ml/predictions` query and `ml.predictions.list`: stored predictions, newest first. */
export class ListPredictionsQuery {
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  machine_id?: string;

  @Omittable()
  @IsIn(MODEL_TYPES)
  type?: ModelType;

  /** Predictions made at or after this time (ISO 8601 with offset). */
  @Omittable()
  @IsISO8601({ strict: true })
  from?: string;

  /** Predictions made before this time. */
  @Omittable()
  @IsISO8601({ strict: true })
  to?: string;

  /** Opaque cursor from the previous page's `next_cursor`. */
  @Omittable()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** A stored prediction with its outcome once known (the horizon has passed and the data has arrived). */
export interface PredictionRecordView {
  prediction_id: string;
  machine_id: string | null;
  prediction_type: ModelType;
  predicted_value: number;
  confidence_score: number | null;
  horizon_hours: number | null;
  model_id: string;
  model_version: number;
  prediction_timestamp: string;
  factors: PredictionFactor[];
  /** When the outcome is due (end of the horizon); null when it never will be known (readings given directly). */
  due_at: string | null;
  /** What happened: 1/0 for a stop within the horizon, hours for a remaining life; null until known. */
  actual_value: number | null;
  actual_at: string | null;
}

export interface PredictionPage {
  items: PredictionRecordView[];
  next_cursor: string | null;
}

/** `ml.datasets.delete` */
export class DatasetIdRequest {
  @IsUUID()
  dataset_id!: string;
}

/** `POST /api/v1/ml/train` body and `ml.train.start` request. */
export class TrainRequest {
  @IsIn(MODEL_TYPES)
  model_type!: ModelType;

  @Omittable()
  @IsUUID()
  dataset_id?: string;

  @Omittable()
  @IsBoundedRecord({ maxKeys: 50, maxArrayItems: 20 })
  params?: Record<string, unknown>;
}

export class TrainingIdRequest {
  @IsUUID()
  training_id!: string;
}

export const TRAINING_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;

/** `GET /api/v1/ml/train?state&model_type&limit` and `ml.train.list`: trainings newest first. */
export class ListTrainingsQuery {
  @Omittable()
  @IsIn(TRAINING_STATES)
  state?: (typeof TRAINING_STATES)[number];

  @Omittable()
  @IsIn(MODEL_TYPES)
  model_type?: ModelType;

  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export interface TrainingView {
  training_id: string;
  model_type: ModelType;
  dataset_id: string | null;
  state: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: number;
  model_id: string | null;
  metrics: Record<string, unknown> | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export class ModelListQuery {
  @Omittable()
  @IsIn(MODEL_TYPES)
  model_type?: ModelType;
}

export class ModelIdRequest {
  @IsUUID()
  model_id!: string;
}

export interface ModelView {
  model_id: string;
  model_type: ModelType;
  version: number;
  active: boolean;
  training_id: string;
  dataset_id: string | null;
  training_data: { from: string | null; to: string | null; rows: number };
  hyperparameters: Record<string, unknown>;
  metrics: Record<string, unknown>;
  features: string[];
  size_bytes: number;
  created_at: string;
  activated_at: string | null;
  /** Why this version became active on registration, or why it waits for an admin (null for versions from before the gate). */
  promotion: ModelPromotion | null;
}

/** `POST /api/v1/ml/evaluate` body. */
export class EvaluateRequest {
  @IsUUID()
  model_id!: string;

  @IsUUID()
  dataset_id!: string;

  @Omittable()
  @IsIn(['all', 'last'])
  at?: 'all' | 'last';
}

export interface EvaluationView {
  model_id: string;
  dataset_id: string;
  at: 'all' | 'last';
  rows_scored: number;
  /**
   * A classifier: precision, recall, f1 at the model's threshold, pr_auc, roc_auc, confusion. A remaining life:
   * rmse, mae and nasa_score (PHM08) against the true remaining life in the label, as published figures are, and
   * `capped`, the same against the label capped at `label_cap` as the model learnt it (null without a cap).
   */
  metrics: Record<string, unknown>;
}

/** `POST /api/v1/ml/predict/failure-risk`: a machine (from what the ml service knows of it) or readings given directly. */
export class PredictFailureRiskRequest {
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  machine_id?: string;

  /** Input values by the names the active model was trained on: numbers, or text for a categorical input, e.g. { "Type": "L", "Torque [Nm]": 52.1 }. */
  @Omittable()
  @IsBoundedRecord({ maxKeys: 500 })
  readings?: Record<string, unknown>;
}

export interface PredictionFactor {
  feature: string;
  value: number | null;
  /** Contribution to the prediction's log-odds (SHAP value): positive raises the risk, negative lowers it. */
  contribution: number;
}

export interface PredictionResult {
  prediction_id: string;
  machine_id: string | null;
  prediction_type: ModelType;
  predicted_value: number;
  confidence_score: number;
  prediction_timestamp: string;
  model_id: string;
  model_version: number;
  /** The decision threshold of the model: predicted_value at or above it counts as "will fail". */
  threshold: number | null;
  factors: PredictionFactor[];
  /**
   * Downtime: the horizon asked for, what the model predicts — an unplanned stop longer than `stop_minutes`, of
   * `stop_types` (empty: any unplanned type) — and whether predicted_value reaches the request's confidence_threshold.
   */
  horizon_hours?: number;
  stop_minutes?: number;
  stop_types?: string[];
  exceeds_threshold?: boolean;
}

export class ScheduleJobInput {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  job_id!: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  part_number?: string | null;

  /** Seconds of machine time. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(30 * 86_400)
  duration!: number;

  @IsISO8601({ strict: true })
  due!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(50, { each: true })
  eligible_machines!: string[];
}

/** `POST /api/v1/ml/optimize-schedule` body. */
export class OptimizeScheduleRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => ScheduleJobInput)
  jobs!: ScheduleJobInput[];

  @IsISO8601({ strict: true })
  horizon_start!: string;

  /**
   * Failure hazard per hour of work on each machine (0..1). Omitted machines take their latest stored failure-risk
   * or downtime prediction, else 0.
   */
  @Omittable()
  @IsBoundedRecord({ maxKeys: 1000, maxKeyLength: 50 })
  machine_risk?: Record<string, unknown>;
}

export interface ScheduleView {
  assignments: { job_id: string; machine_id: string; start: string; end: string }[];
  /** Seconds from horizon_start to the last job's end. */
  makespan: number;
  /** Total seconds of lateness over all jobs. */
  tardiness: number;
  /** Expected seconds lost to failures while the jobs run (hours of work × hazard × cost of a failure). */
  risk_cost: number;
  objective: number;
  /** The same objective for jobs placed by earliest due date on the first free eligible machine, for comparison. */
  baseline_objective: number;
  machine_risk: Record<string, number>;
}

/** `POST /api/v1/ml/predict/downtime` body. */
export class PredictDowntimeRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  machine_id!: string;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(168)
  horizon_hours!: number;

  /** A probability at or above it counts as predicted downtime (`exceeds_threshold`); default 0.8. */
  @Omittable()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  confidence_threshold?: number;
}

export interface ModelAccuracyView {
  model_id: string;
  model_type: ModelType;
  version: number;
  predictions: number;
  /** Predictions whose outcome is known (the horizon has passed and the data has arrived). */
  with_actual: number;
  pending: number;
  /** Classifiers: mean squared error of the probability (lower is better), and counts at the model's threshold. */
  brier_score: number | null;
  metrics: Record<string, unknown> | null;
}

/** `POST /api/v1/ml/predict/anomalies` body: a machine's hours in [from, to) (at most 31 days). */
export class PredictAnomaliesRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  machine_id!: string;

  @IsISO8601({ strict: true })
  from!: string;

  @IsISO8601({ strict: true })
  to!: string;
}

/** One hour whose readings look unlike the normal the model learned; published on `ml.prediction.anomaly`. */
export interface AnomalyEvent {
  anomaly_id: string;
  machine_id: string;
  /** End of the hour judged (its readings are those of the hour before). */
  at: string;
  score: number;
  threshold: number;
  model_id: string;
  model_version: number;
  factors: PredictionFactor[];
}

export interface AnomaliesView {
  machine_id: string;
  period: { from: string; to: string };
  model_id: string;
  model_version: number;
  threshold: number;
  /** Hours with readings that were scored. */
  hours_scored: number;
  anomalies: AnomalyEvent[];
}

/** `POST /api/v1/ml/predict/maintenance-window` body. */
export class PredictMaintenanceRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  machine_id!: string;
}

/** A remaining-life prediction (hours to the next breakdown) and when to maintain before it. */
export interface MaintenanceWindowResult extends PredictionResult {
  /** predicted_value is in hours, at most `remaining_life_cap_hours`. */
  remaining_life_cap_hours: number;
  predicted_failure_at: string;
  recommended_window: { start: string; end: string; expected_load: number };
}
