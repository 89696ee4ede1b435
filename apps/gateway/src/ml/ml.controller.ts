import { randomUUID } from 'node:crypto';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DomainError,
  ErrorCode,
  EvaluateRequest,
  ListPredictionsQuery,
  ListTrainingsQuery,
  ModelListQuery,
  OptimizeScheduleRequest,
  PredictAnomaliesRequest,
  PredictMaintenanceRequest,
  PredictDowntimeRequest,
  PredictFailureRiskRequest,
  SUBJECTS,
  TrainRequest,
  type AnomaliesView,
  type MaintenanceWindowResult,
  type DatasetFormat,
  type DatasetView,
  type EvaluationView,
  type ModelAccuracyView,
  type ModelView,
  type PredictionPage,
  type PredictionResult,
  type ScheduleView,
  type TrainingView,
} from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';
import type { Request } from 'express';
import { RequireRole } from '../auth/auth.decorators';
import { ParseIdPipe } from '../http/parse-id.pipe';
import { UploadBucketService } from './upload-bucket.service';

/** Storing a large dataset (parse, validate, write 10^6 cells) takes seconds, not the default RPC budget. */
const DATASET_TIMEOUT_MS = 120_000;
/** Scoring a model on a whole dataset (window features of every row first) takes seconds too. */
const EVALUATE_TIMEOUT_MS = 60_000;
/** The schedule search stops after a second; the rest is the thread's start and the reply. */
const SCHEDULE_TIMEOUT_MS = 15_000;

@ApiTags('ml')
@Controller('api/v1/ml')
export class MlController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly uploads: UploadBucketService,
  ) {}

  /** @requestBody DatasetUploadBody application/json text/csv */
  @Post('datasets')
  @HttpCode(201)
  @RequireRole('admin')
  @ApiOperation({
    summary:
      'Upload a dataset for training and evaluation: JSON { name, label, exclude?, group?, order?, rows } or text/csv with name, label, exclude (comma list), group, order as query parameters',
  })
  async createDataset(@Req() req: Request, @Query() query: Record<string, unknown>): Promise<DatasetView> {
    const format = formatOf(req.header('content-type'));
    const body: unknown = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new DomainError(ErrorCode.ValidationFailed, 'The dataset body is empty', null, [
        { field: 'body', message: 'must not be empty', invalid_value: null },
      ]);
    }
    const bucket = await this.uploads.open().catch(() => {
      throw new DomainError(ErrorCode.ServiceUnavailable, 'The upload store is not reachable', { service: 'nats' });
    });
    const upload = randomUUID();
    await bucket.putBlob({ name: upload }, body);
    try {
      return await this.rpc.request<DatasetView>(
        SUBJECTS.ml.datasetCreate,
        { upload, format, ...(format === 'csv' ? { spec: query } : {}) },
        DATASET_TIMEOUT_MS,
      );
    } catch (error) {
      // The ml service deletes what it took; this covers an upload it never saw.
      await bucket.delete(upload).catch(() => undefined);
      throw error;
    }
  }

  @Get('datasets')
  @ApiOperation({ summary: 'The uploaded datasets, newest first' })
  async listDatasets(): Promise<{ items: DatasetView[] }> {
    return this.rpc.request<{ items: DatasetView[] }>(SUBJECTS.ml.datasetList, {});
  }

  @Delete('datasets/:dataset_id')
  @HttpCode(204)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Delete an uploaded dataset (models trained on it stay); 409 while a training on it is queued or running' })
  async deleteDataset(@Param('dataset_id', new ParseIdPipe(ErrorCode.DatasetNotFound, 'No dataset with that id')) datasetId: string): Promise<void> {
    await this.rpc.request<{ deleted: true }>(SUBJECTS.ml.datasetDelete, { dataset_id: datasetId });
  }

  @Post('train')
  @HttpCode(202)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Queue a training (it runs in the background on one ml replica); poll GET /api/v1/ml/train/{training_id}' })
  async train(@Body() body: TrainRequest): Promise<{ training_id: string; state: 'queued' }> {
    return this.rpc.request<{ training_id: string; state: 'queued' }>(SUBJECTS.ml.trainStart, body);
  }

  @Get('train')
  @ApiOperation({
    summary: 'Recent trainings newest first (20 unless limit), by state and model type: those queued by an admin and those the service started by itself',
  })
  async trainings(@Query() query: ListTrainingsQuery): Promise<{ items: TrainingView[] }> {
    return this.rpc.request<{ items: TrainingView[] }>(SUBJECTS.ml.trainList, query);
  }

  @Get('train/:training_id')
  @ApiOperation({ summary: 'State and progress of a training; model_id and metrics once it has succeeded' })
  async training(@Param('training_id', new ParseIdPipe(ErrorCode.TrainingNotFound, 'No training with that id')) trainingId: string): Promise<TrainingView> {
    return this.rpc.request<TrainingView>(SUBJECTS.ml.trainGet, { training_id: trainingId });
  }

  @Get('models')
  @ApiOperation({ summary: 'Every trained model version (newest first per type), with its training data, hyperparameters, metrics and whether it is active' })
  async models(@Query() query: ModelListQuery): Promise<{ items: ModelView[] }> {
    return this.rpc.request<{ items: ModelView[] }>(SUBJECTS.ml.modelsList, query);
  }

  @Post('models/:model_id/activate')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Make this version the one predictions use (activating an older version rolls back)' })
  async activate(@Param('model_id', new ParseIdPipe(ErrorCode.ModelNotFound, 'No model with that id')) modelId: string): Promise<ModelView> {
    return this.rpc.request<ModelView>(SUBJECTS.ml.modelActivate, { model_id: modelId });
  }

  @Post('evaluate')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({
    summary:
      "Score a model on a dataset: precision, recall, F1, PR-AUC, ROC-AUC, confusion (classifiers) or RMSE, MAE, PHM08 score (remaining life); at 'last' scores each group's last row",
  })
  async evaluate(@Body() body: EvaluateRequest): Promise<EvaluationView> {
    return this.rpc.request<EvaluationView>(SUBJECTS.ml.evaluate, body, EVALUATE_TIMEOUT_MS);
  }

  @Post('predict/failure-risk')
  @HttpCode(200)
  @RequireRole('operator')
  @ApiOperation({
    summary:
      'Probability of a machine failure from readings (by the names the active failure_risk model was trained on), with the factors behind it (SHAP contributions); stored with its model version',
  })
  async predictFailureRisk(@Body() body: PredictFailureRiskRequest): Promise<PredictionResult> {
    return this.rpc.request<PredictionResult>(SUBJECTS.ml.predictFailureRisk, body);
  }

  @Post('optimize-schedule')
  @HttpCode(200)
  @RequireRole('operator')
  @ApiOperation({
    summary:
      'Assign jobs to eligible machines from horizon_start, minimising tardiness, makespan and the expected cost of failures (machine_risk, else the latest downtime predictions); never worse than earliest-due-date, which it reports for comparison',
  })
  async optimizeSchedule(@Body() body: OptimizeScheduleRequest): Promise<ScheduleView> {
    return this.rpc.request<ScheduleView>(SUBJECTS.ml.optimizeSchedule, body, SCHEDULE_TIMEOUT_MS);
  }

  @Post('predict/downtime')
  @HttpCode(200)
  @RequireRole('operator')
  @ApiOperation({
    summary:
      "Probability that an unplanned stop of the model's length (stop_minutes, 30 unless trained with params.threshold_minutes) starts on the machine within horizon_hours (1–168), from its history so far, with the factors behind it; stored, and scored once the horizon has passed",
  })
  async predictDowntime(@Body() body: PredictDowntimeRequest): Promise<PredictionResult> {
    return this.rpc.request<PredictionResult>(SUBJECTS.ml.predictDowntime, body);
  }

  @Get('predictions')
  @ApiOperation({ summary: 'Stored predictions, newest first, by machine, type and time, each with its model version and its outcome once known' })
  async predictions(@Query() query: ListPredictionsQuery): Promise<PredictionPage> {
    return this.rpc.request<PredictionPage>(SUBJECTS.ml.predictionsList, query);
  }

  @Get('models/:model_id/accuracy')
  @ApiOperation({
    summary: "Live accuracy of a model version: how its stored predictions turned out (Brier score, precision, recall, F1 at the model's threshold)",
  })
  async accuracy(@Param('model_id', new ParseIdPipe(ErrorCode.ModelNotFound, 'No model with that id')) modelId: string): Promise<ModelAccuracyView> {
    return this.rpc.request<ModelAccuracyView>(SUBJECTS.ml.modelAccuracy, { model_id: modelId });
  }

  @Post('predict/anomalies')
  @HttpCode(200)
  @RequireRole('operator')
  @ApiOperation({
    summary:
      "A machine's hours in [from, to) (≤ 31 days) whose sensor readings look unlike normal, with score, threshold and the readings most responsible; each is published for alerting",
  })
  async predictAnomalies(@Body() body: PredictAnomaliesRequest): Promise<AnomaliesView> {
    return this.rpc.request<AnomaliesView>(SUBJECTS.ml.predictAnomalies, body, EVALUATE_TIMEOUT_MS);
  }

  @Post('predict/maintenance-window')
  @HttpCode(200)
  @RequireRole('operator')
  @ApiOperation({
    summary:
      "Hours to the machine's next breakdown (remaining useful life, up to 30 days) and the calmest 4-hour window to maintain it before then, with the factors behind the prediction",
  })
  async predictMaintenance(@Body() body: PredictMaintenanceRequest): Promise<MaintenanceWindowResult> {
    return this.rpc.request<MaintenanceWindowResult>(SUBJECTS.ml.predictMaintenance, body);
  }
}

function formatOf(contentType: string | undefined): DatasetFormat {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type)) return 'json';
  if (type === 'text/csv' || type === 'text/plain') return 'csv';
  throw new DomainError(ErrorCode.UnsupportedMediaType, 'Send the dataset as application/json or text/csv', { content_type: contentType ?? null });
}
