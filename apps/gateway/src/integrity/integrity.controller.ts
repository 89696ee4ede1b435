import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SUBJECTS, type IntegrityReport, type SourceCountsView } from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';
import { withSourceComparison } from './integrity-comparison';

/** The report scans the whole read model, so it may take longer than an ordinary request; still bounded. */
const INTEGRITY_TIMEOUT_MS = 30_000;

@ApiTags('data sync')
@Controller('api/v1/data')
export class IntegrityController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('integrity')
  @ApiOperation({
    summary:
      'Integrity report of the synced data: orphans, overlapping jobs, event gaps, counts (lists capped at counts.list_limit), and the read model held against the CIMCO source per entity (source_comparison)',
  })
  async get(): Promise<IntegrityReport> {
    // Both at once; the source comparison is an addition: if ingestion cannot count the source, the report still comes.
    const [report, source] = await Promise.all([
      this.rpc.request<IntegrityReport>(SUBJECTS.analytics.integrityGet, {}, INTEGRITY_TIMEOUT_MS),
      this.rpc.request<SourceCountsView>(SUBJECTS.ingestion.sourceCounts, {}, INTEGRITY_TIMEOUT_MS).then(
        (value): PromiseSettledResult<SourceCountsView> => ({ status: 'fulfilled', value }),
        (reason: unknown): PromiseSettledResult<SourceCountsView> => ({ status: 'rejected', reason }),
      ),
    ]);
    return withSourceComparison(report, source);
  }
}
