import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type FieldError, type ReportRunView, type ReportScheduleBody, type ReportScheduleView } from '@shopfloor/contracts';
import { DeliveryRepository, ReportRunRepository, ReportScheduleRepository, type StoredScheduledReport } from '@shopfloor/notification/data-access';
import { Clock } from '../clock';
import { CronSchedule, CronScheduleError } from './cron-schedule';
import { toRunView, toScheduleView } from './schedule-views';

const DEFAULT_RUNS = 50;
/** Parts of the report definition that only a custom report takes (the daily report is the shop's fixed report). */
const CUSTOM_ONLY = ['metrics', 'machine_ids', 'period', 'group_by'] as const;

@Injectable()
export class SchedulesService {
  constructor(
    private readonly schedules: ReportScheduleRepository,
    private readonly runs: ReportRunRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<ReportScheduleView[]> {
    return (await this.schedules.list()).map(toScheduleView);
  }

  /** Validates the cron and zone (field_errors name each) and stores the schedule with its first run time. */
  async create(body: ReportScheduleBody): Promise<ReportScheduleView> {
    const problems: FieldError[] = [];
    let cron: CronSchedule | null = null;
    try {
      cron = CronSchedule.parse(body.cron, body.timezone);
    } catch (error) {
      if (!(error instanceof CronScheduleError)) throw error;
      problems.push({ field: error.field, message: `${error.field} ${error.message}`, invalid_value: error.field === 'cron' ? body.cron : body.timezone });
    }
    if (body.report.kind === 'daily') {
      for (const field of CUSTOM_ONLY) {
        if (body.report[field] !== undefined)
          problems.push({ field: `report.${field}`, message: `report.${field} applies only to custom reports`, invalid_value: body.report[field] });
      }
    }
    if (problems.length > 0 || !cron)
      throw new DomainError(ErrorCode.ValidationFailed, `Invalid payload: ${problems.map((p) => p.field).join(', ')}`, null, problems);

    const now = this.clock.now();
    const enabled = body.enabled ?? true;
    const report: StoredScheduledReport = {
      kind: body.report.kind,
      metrics: body.report.metrics ?? null,
      machine_ids: body.report.machine_ids ?? null,
      period: body.report.kind === 'custom' ? (body.report.period ?? 'previous_day') : null,
      group_by: body.report.group_by ?? null,
      title: body.report.title ?? null,
    };
    const created = await this.schedules.create({
      id: randomUUID(),
      name: body.name,
      cron: body.cron.trim().split(/\s+/).join(' '),
      timezone: body.timezone,
      report,
      format: body.format,
      recipients: body.recipients,
      enabled,
      nextRunAt: enabled ? cron.nextAfter(now) : null,
      createdAt: now,
      updatedAt: now,
    });
    return toScheduleView(created);
  }

  async delete(id: string): Promise<{ deleted: true }> {
    if (!(await this.schedules.delete(id))) throw notFound(id);
    return { deleted: true };
  }

  /** The schedule's runs, latest cron time first, each with how its e-mail went. */
  async runsOf(id: string, limit = DEFAULT_RUNS): Promise<{ items: ReportRunView[] }> {
    if (!(await this.schedules.find(id))) throw notFound(id);
    const runs = await this.runs.listForSchedule(id, limit);
    const deliveries = await this.deliveries.summaries(runs.flatMap((run) => (run.deliveryId ? [run.deliveryId] : [])));
    return { items: runs.map((run) => toRunView(run, run.deliveryId ? deliveries.get(run.deliveryId) : undefined)) };
  }
}

function notFound(id: string): DomainError {
  return new DomainError(ErrorCode.ScheduleNotFound, `No report schedule ${id}`, { id });
}
