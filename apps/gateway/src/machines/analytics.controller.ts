import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { OeeQuery, SUBJECTS, type OeeMetricsView } from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';

@ApiTags('analytics')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('api/v1/analytics')
export class AnalyticsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('oee')
  @ApiOperation({
    summary:
      'OEE of one machine (or all, aggregated by summing time models and counts) over [from, to), optionally as a series of hour/shift/day/week buckets in the calendar zone',
  })
  async oee(@Query() query: OeeQuery): Promise<OeeMetricsView> {
    return this.rpc.request<OeeMetricsView>(SUBJECTS.analytics.oeeGet, query);
  }
}
