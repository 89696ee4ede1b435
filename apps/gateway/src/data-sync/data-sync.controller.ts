import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ListDeadLettersRequest,
  ListQuarantineRequest,
  ReplayDeadLettersRequest,
  StartSyncRequest,
  SUBJECTS,
  type DeadLetterPage,
  type MappingProblem,
  type QuarantinePage,
  type ReplayDeadLettersReply,
  type StartSyncReply,
  type SyncStatusView,
} from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';
import { RequireRole } from '../auth/auth.decorators';

@ApiTags('data sync')
@Controller('api/v1/data')
export class DataSyncController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('sync')
  @HttpCode(202)
  @RequireRole('operator')
  @ApiOperation({ summary: 'Start a sync of the CIMCO source (incremental by default); 409 with the running sync_id if one runs' })
  async start(@Body() body: StartSyncRequest): Promise<StartSyncReply> {
    return this.rpc.request<StartSyncReply>(SUBJECTS.ingestion.syncStart, { mode: body.mode ?? 'incremental' });
  }

  @Get('sync-status')
  @ApiOperation({ summary: 'State of the sync, the last run with its counts, and the source connection' })
  async status(): Promise<SyncStatusView> {
    return this.rpc.request<SyncStatusView>(SUBJECTS.ingestion.syncStatus, {});
  }

  @Get('mapping')
  @ApiOperation({ summary: 'Check the source mapping against the source database now; lists every problem by name' })
  async mapping(): Promise<{ problems: MappingProblem[] }> {
    return this.rpc.request<{ problems: MappingProblem[] }>(SUBJECTS.ingestion.mappingCheck, {});
  }

  @Get('quarantine')
  @ApiOperation({ summary: 'Source rows that failed validation, with their reasons and the raw row' })
  async quarantine(@Query() query: ListQuarantineRequest): Promise<QuarantinePage> {
    return this.rpc.request<QuarantinePage>(SUBJECTS.ingestion.quarantineList, query);
  }

  @Get('dead-letters')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Messages a consumer gave up on (DEAD_LETTERS), oldest first, with the reason; filter by durable consumer' })
  async deadLetters(@Query() query: ListDeadLettersRequest): Promise<DeadLetterPage> {
    return this.rpc.request<DeadLetterPage>(SUBJECTS.ingestion.deadLettersList, query);
  }

  @Post('dead-letters/replay')
  @HttpCode(200)
  @RequireRole('admin')
  @ApiOperation({
    summary:
      'Publish dead letters to their original subject again and remove them: give exactly one of ids, consumer or all: true (by consumer or all, up to 1000 per call; call again until replayed is 0)',
  })
  async replayDeadLetters(@Body() body: ReplayDeadLettersRequest): Promise<ReplayDeadLettersReply> {
    return this.rpc.request<ReplayDeadLettersReply>(SUBJECTS.ingestion.deadLettersReplay, body);
  }
}
