import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ListMachinesRequest,
  MachineHistoryQuery,
  MachineReadingsQuery,
  MachineStatesQuery,
  SUBJECTS,
  type DowntimeView,
  type HistoryPage,
  type JobView,
  type ListMachinesReply,
  type MachineView,
  type ReadingsView,
  type StateTimelineView,
} from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';
import type { Response } from 'express';
import { sendJson } from '../http/send-json';
import { AnalyticsAnswersCache } from './analytics-answers.cache';

@ApiTags('shop floor')
@Controller('api/v1/machines')
export class MachinesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly answers: AnalyticsAnswersCache,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Machines of the shop floor, as last synced from the source' })
  async list(@Query() query: ListMachinesRequest, @Res() res: Response): Promise<void> {
    sendJson(res, await this.answers.requestJson<ListMachinesReply>(SUBJECTS.analytics.machinesList, query, null));
  }

  @Get(':machine_id')
  @ApiOperation({ summary: 'One machine; 404 MACHINE_NOT_FOUND if unknown' })
  async get(@Param('machine_id') machineId: string): Promise<MachineView> {
    return this.rpc.request<MachineView>(SUBJECTS.analytics.machineGet, { machine_id: machineId });
  }

  @Get(':machine_id/jobs')
  @ApiOperation({ summary: 'Jobs of one machine overlapping [from, to), by start time (limit default 1000); 404 MACHINE_NOT_FOUND if unknown' })
  async jobs(@Param('machine_id') machineId: string, @Query() query: MachineHistoryQuery): Promise<HistoryPage<JobView>> {
    return this.rpc.request<HistoryPage<JobView>>(SUBJECTS.analytics.machineJobs, { ...query, machine_id: machineId });
  }

  @Get(':machine_id/downtime')
  @ApiOperation({ summary: 'Downtime records of one machine overlapping [from, to), by start time (limit default 1000); 404 MACHINE_NOT_FOUND if unknown' })
  async downtime(@Param('machine_id') machineId: string, @Query() query: MachineHistoryQuery): Promise<HistoryPage<DowntimeView>> {
    return this.rpc.request<HistoryPage<DowntimeView>>(SUBJECTS.analytics.machineDowntime, { ...query, machine_id: machineId });
  }

  @Get(':machine_id/states')
  @ApiOperation({
    summary:
      'Recorded states of one machine in [from, to) (at most 31 days): one stretch per change of state, reason or job, the state in effect at from included; 404 MACHINE_NOT_FOUND if unknown',
  })
  async states(@Param('machine_id') machineId: string, @Query() query: MachineStatesQuery): Promise<StateTimelineView> {
    return this.rpc.request<StateTimelineView>(SUBJECTS.analytics.machineStates, { ...query, machine_id: machineId });
  }

  @Get(':machine_id/readings')
  @ApiOperation({
    summary:
      'Sensor readings of one machine in [from, to) (at most 31 days), per metric in equal time buckets (mean, min, max, count); 404 MACHINE_NOT_FOUND if unknown',
  })
  async readings(@Param('machine_id') machineId: string, @Query() query: MachineReadingsQuery): Promise<ReadingsView> {
    return this.rpc.request<ReadingsView>(SUBJECTS.analytics.machineReadings, { ...query, machine_id: machineId });
  }
}
