import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, type CreateDatasetRequest, type DatasetView } from '@shopfloor/contracts';
import { DatasetRepository, type DatasetRecord } from '@shopfloor/ml/data-access';
import { NatsConnectionHolder, openUploadBucket } from '@shopfloor/nats';
import type { ObjectStore } from 'nats';
import { parseCsvDataset, parseJsonDataset } from './dataset-parser';

export function datasetView(record: DatasetRecord): DatasetView {
  return {
    dataset_id: record.datasetId,
    name: record.name,
    label: record.label,
    exclude: record.excluded,
    group: record.groupColumn,
    order: record.orderColumn,
    rows: record.rowCount,
    columns: record.columns,
    created_at: record.createdAt.toISOString(),
  };
}

/** Datasets uploaded for training and evaluation: read from the upload bucket, validated, stored column by column. */
@Injectable()
export class DatasetsService {
  private readonly logger = new Logger(DatasetsService.name);
  private bucket?: Promise<ObjectStore>;

  constructor(
    private readonly datasets: DatasetRepository,
    private readonly nats: NatsConnectionHolder,
  ) {}

  async create(request: CreateDatasetRequest): Promise<DatasetView> {
    this.bucket ??= openUploadBucket(this.nats.connection);
    const bucket = await this.bucket;
    const body = await bucket.getBlob(request.upload);
    if (!body)
      throw new DomainError(ErrorCode.ValidationFailed, 'The uploaded body was not found (it expires after an hour); upload it again', {
        upload: request.upload,
      });
    try {
      const started = performance.now();
      const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
      const parsed = request.format === 'json' ? parseJsonDataset(buffer) : await parseCsvDataset(buffer, request.spec ?? {});
      const record = await this.datasets.create(
        {
          datasetId: randomUUID(),
          name: parsed.spec.name,
          label: parsed.spec.label,
          excluded: parsed.spec.exclude ?? [],
          groupColumn: parsed.spec.group ?? null,
          orderColumn: parsed.spec.order ?? null,
          rowCount: parsed.rowCount,
        },
        parsed.columns,
      );
      this.logger.log({
        message: 'Dataset stored',
        dataset_id: record.datasetId,
        rows: record.rowCount,
        columns: record.columns.length,
        ignored_columns: parsed.ignored.map((c) => c.name),
        bytes: body.byteLength,
        duration_ms: Math.round(performance.now() - started),
      });
      return { ...datasetView(record), ignored_columns: parsed.ignored };
    } finally {
      await bucket
        .delete(request.upload)
        .catch((error: Error) => this.logger.warn({ message: 'Could not delete an upload; it expires within the hour', reason: error.message }));
    }
  }

  async list(): Promise<{ items: DatasetView[] }> {
    return { items: (await this.datasets.list(200)).map(datasetView) };
  }

  async delete(datasetId: string): Promise<{ deleted: true }> {
    const outcome = await this.datasets.delete(datasetId);
    if (outcome === 'missing') throw new DomainError(ErrorCode.DatasetNotFound, `No dataset with id ${datasetId}`, { dataset_id: datasetId });
    if (outcome === 'in_use')
      throw new DomainError(ErrorCode.Conflict, 'A training on this dataset is queued or running; delete it once the training has finished', {
        dataset_id: datasetId,
      });
    this.logger.log({ message: 'Dataset deleted', dataset_id: datasetId });
    return { deleted: true };
  }

  async require(datasetId: string): Promise<DatasetRecord> {
    const record = await this.datasets.find(datasetId);
    if (!record) throw new DomainError(ErrorCode.DatasetNotFound, `No dataset with id ${datasetId}`, { dataset_id: datasetId });
    return record;
  }
}
