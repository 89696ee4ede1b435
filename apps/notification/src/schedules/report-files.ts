import { Injectable } from '@nestjs/common';
import {
  SUBJECTS,
  type CustomReportRequest,
  type DailyReportQuery,
  type ReportFile,
  type ReportFileFormat,
  type ReportMetric,
  type SchedulePeriod,
} from '@shopfloor/contracts';
import { RpcClient } from '@shopfloor/nats';
import type { ReportScheduleEntity } from '@shopfloor/notification/data-access';
import { NotificationEnv } from '../config/notification.env';
import { customReportWindow, dailyReportDate } from './report-period';

/** A report file for one run, and what it covers in words. */
export interface RunReport {
  file: ReportFile;
  coverage: string;
}

/** Asks analytics for a run's file over NATS (an answer larger than a message comes through the object store). */
@Injectable()
export class ReportFiles {
  constructor(
    private readonly rpc: RpcClient,
    private readonly env: NotificationEnv,
  ) {}

  async forRun(schedule: ReportScheduleEntity, scheduledFor: Date): Promise<RunReport> {
    const format = schedule.format as ReportFileFormat;
    const report = schedule.report;
    if (report.kind === 'daily') {
      const date = dailyReportDate(scheduledFor, schedule.timezone);
      const query: DailyReportQuery = { date, format };
      return {
        file: await this.rpc.request<ReportFile>(SUBJECTS.analytics.reportDaily, query, this.env.REPORT_TIMEOUT_MS),
        coverage: `the daily report of ${date}`,
      };
    }
    const period = (report.period ?? 'previous_day') as SchedulePeriod;
    const window = customReportWindow(period, scheduledFor, schedule.timezone);
    const request: CustomReportRequest = {
      metrics: (report.metrics ?? []) as ReportMetric[],
      from: window.from,
      to: window.to,
      format,
      ...(report.machine_ids ? { machine_ids: report.machine_ids } : {}),
      ...(report.group_by ? { group_by: report.group_by as CustomReportRequest['group_by'] } : {}),
      ...(report.title ? { title: report.title } : {}),
    };
    return {
      file: await this.rpc.request<ReportFile>(SUBJECTS.analytics.reportCustom, request, this.env.REPORT_TIMEOUT_MS),
      coverage: `the report from ${window.from.slice(0, 16).replace('T', ' ')} to ${window.to.slice(0, 16).replace('T', ' ')} (${schedule.timezone})`,
    };
  }
}
