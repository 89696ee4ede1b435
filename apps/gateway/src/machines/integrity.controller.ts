import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { SUBJECTS, type IntegrityReport } from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';

/** The report scans the whole read model, so it may take longer than an ordinary request; still bounded. */
const INTEGRITY_TIMEOUT_MS = 30_000;

@ApiTags('data sync')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('api/v1/data')
export class IntegrityController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('integrity')
  @ApiOperation({ summary: 'Integrity report of the synced data: orphans, overlapping jobs, event gaps, counts (lists capped at counts.list_limit)' })
  async get(): Promise<IntegrityReport> {
    return this.rpc.request<IntegrityReport>(SUBJECTS.analytics.integrityGet, {}, INTEGRITY_TIMEOUT_MS);
  }
}
