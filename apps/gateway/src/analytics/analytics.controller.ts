import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentShiftQuery,
  DowntimePatternsQuery,
  EfficiencyQuery,
  OeeQuery,
  SUBJECTS,
  type CurrentShiftView,
  type DowntimePatternsView,
  type EfficiencyView,
  type LiveStatusList,
  type OeeMetricsView,
} from '@shopfloor/contracts';
import type { Response } from 'express';
import { sendJson } from '../http/send-json';
import { AnalyticsAnswersCache, pastPeriodScope } from './analytics-answers.cache';

@ApiTags('analytics')
@Controller('api/v1/analytics')
export class AnalyticsController {
  constructor(private readonly answers: AnalyticsAnswersCache) {}

  @Get('oee')
  @ApiOperation({
    summary:
      'OEE of one machine (or all, aggregated by summing time models and counts) over [from, to), optionally as a series of hour/shift/day/week buckets in the calendar zone',
  })
  async oee(@Query() query: OeeQuery, @Res() res: Response): Promise<void> {
    sendJson(res, await this.answers.requestJson<OeeMetricsView>(SUBJECTS.analytics.oeeGet, query, pastPeriodScope(query.machine_id, query.from, query.to)));
  }

  @Get('downtime-patterns')
  @ApiOperation({
    summary:
      'Lost time by reason (Pareto with shares), by hour of the week in the calendar zone, MTBF, MTTR and the machines losing most, for one machine or all',
  })
  async downtimePatterns(@Query() query: DowntimePatternsQuery, @Res() res: Response): Promise<void> {
    const scope = pastPeriodScope(query.machine_id, query.from, query.to);
    sendJson(res, await this.answers.requestJson<DowntimePatternsView>(SUBJECTS.analytics.downtimePatternsGet, query, scope));
  }

  @Get('efficiency')
  @ApiOperation({ summary: 'OEE, losses and ISO 22400-2 KPIs per machine of a selection (machine_ids, machine_type, location) and their totals' })
  async efficiency(@Query() query: EfficiencyQuery, @Res() res: Response): Promise<void> {
    // A selection by type or location depends on every machine's attributes: scoped to all machines.
    sendJson(res, await this.answers.requestJson<EfficiencyView>(SUBJECTS.analytics.efficiencyGet, query, pastPeriodScope(null, query.from, query.to)));
  }

  @Get('current-shift')
  @ApiOperation({
    summary:
      "Each machine's OEE of its current shift so far (its own calendar's shift in progress, else the one that ended last within a day; the UTC day so far for a machine planned 24/7), for a live board",
  })
  async currentShift(@Query() query: CurrentShiftQuery, @Res() res: Response): Promise<void> {
    sendJson(res, await this.answers.requestJson<CurrentShiftView>(SUBJECTS.analytics.currentShiftGet, query, null));
  }

  @Get('live')
  @ApiOperation({
    summary: "Every machine's current state, since when, current job, part count and the age of its last event; UNAVAILABLE when its data stopped arriving",
  })
  async live(@Res() res: Response): Promise<void> {
    sendJson(res, await this.answers.requestJson<LiveStatusList>(SUBJECTS.analytics.liveList, {}, null));
  }
}
