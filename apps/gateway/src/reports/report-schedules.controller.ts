import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, ReportScheduleBody, ScheduleRunsQuery, SUBJECTS, type ReportRunView, type ReportScheduleView } from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';
import { RequireRole } from '../auth/auth.decorators';
import { ParseIdPipe } from '../http/parse-id.pipe';

const scheduleId = new ParseIdPipe(ErrorCode.ScheduleNotFound, 'No report schedule with that id');

@ApiTags('reports')
@Controller('api/v1/reports/schedules')
export class ReportSchedulesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'Report schedules with their next run' })
  async list(): Promise<{ items: ReportScheduleView[] }> {
    return this.rpc.request<{ items: ReportScheduleView[] }>(SUBJECTS.notification.schedulesList, {});
  }

  @Post()
  @HttpCode(201)
  @RequireRole('admin')
  @ApiOperation({ summary: 'E-mail a report on a cron schedule in an IANA time zone (wall-clock times, right across clock changes): the daily report or a custom one over a period, as csv, xlsx, pdf or json' })
  async create(@Body() body: ReportScheduleBody): Promise<ReportScheduleView> {
    return this.rpc.request<ReportScheduleView>(SUBJECTS.notification.scheduleCreate, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRole('admin')
  @ApiOperation({ summary: 'Delete a report schedule; its past runs are deleted with it' })
  async delete(@Param('id', scheduleId) id: string): Promise<void> {
    await this.rpc.request<{ deleted: true }>(SUBJECTS.notification.scheduleDelete, { id });
  }

  @Get(':id/runs')
  @ApiOperation({ summary: "A schedule's runs, newest first: when each was due, its outcome, the file and the e-mail that carried it" })
  async runs(@Param('id', scheduleId) id: string, @Query() query: ScheduleRunsQuery): Promise<{ items: ReportRunView[] }> {
    return this.rpc.request<{ items: ReportRunView[] }>(SUBJECTS.notification.scheduleRuns, { ...query, id });
  }
}
