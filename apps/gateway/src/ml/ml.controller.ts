import { randomUUID } from 'node:crypto';
import { Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode, SUBJECTS, type DatasetFormat, type DatasetView } from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';
import type { Request } from 'express';
import { RequireRole } from '../auth/auth.decorators';
import { UploadBucketService } from './upload-bucket.service';

/** Storing a large dataset (parse, validate, write 10^6 cells) takes seconds, not the default RPC budget. */
const DATASET_TIMEOUT_MS = 120_000;

@ApiTags('ml')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('api/v1/ml')
export class MlController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly uploads: UploadBucketService,
  ) {}

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
      throw new DomainError(ErrorCode.ValidationFailed, 'The dataset body is empty', null, [{ field: 'body', message: 'must not be empty', invalid_value: null }]);
    }
    const bucket = await this.uploads.open().catch(() => {
      throw new DomainError(ErrorCode.ServiceUnavailable, 'The upload store is not reachable', { service: 'nats' });
    });
    const upload = randomUUID();
    await bucket.putBlob({ name: upload }, body);
    try {
      return await this.rpc.request<DatasetView>(SUBJECTS.ml.datasetCreate, { upload, format, ...(format === 'csv' ? { spec: query } : {}) }, DATASET_TIMEOUT_MS);
    } catch (error) {
      // The ml service deletes what it took; this covers an upload it never saw.
      await bucket.delete(upload).catch(() => undefined);
      throw error;
    }
  }

  @Get('datasets')
  @RequireRole('admin')
  @ApiOperation({ summary: 'The uploaded datasets, newest first' })
  async listDatasets(): Promise<{ items: DatasetView[] }> {
    return this.rpc.request<{ items: DatasetView[] }>(SUBJECTS.ml.datasetList, {});
  }
}

function formatOf(contentType: string | undefined): DatasetFormat {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type)) return 'json';
  if (type === 'text/csv' || type === 'text/plain') return 'csv';
  throw new DomainError(ErrorCode.UnsupportedMediaType, 'Send the dataset as application/json or text/csv', { content_type: contentType ?? null });
}
