import type { ReportGroup, ReportMetric, ReportFileFormat, ReportRunView, ReportScheduleView, SchedulePeriod } from '@shopfloor/contracts';
import type { DeliverySummary, ReportRunEntity, ReportScheduleEntity } from '@shopfloor/notification/data-access';
import { DateTime } from 'luxon';

export function toScheduleView(schedule: ReportScheduleEntity): ReportScheduleView {
  const report = schedule.report;
  return {
    id: schedule.id,
    name: schedule.name,
    cron: schedule.cron,
    timezone: schedule.timezone,
    report: {
      kind: report.kind,
      metrics: report.metrics as ReportMetric[] | null,
      machine_ids: report.machine_ids,
      period: report.period as SchedulePeriod | null,
      group_by: report.group_by as ReportGroup | null,
      title: report.title,
    },
    format: schedule.format as ReportFileFormat,
    recipients: schedule.recipients,
    enabled: schedule.enabled,
    next_run_at: schedule.nextRunAt ? DateTime.fromJSDate(schedule.nextRunAt, { zone: schedule.timezone }).toISO() : null,
    created_at: schedule.createdAt.toISOString(),
  };
}

/**
 * A run as people read it: `sent` only once its e-mail has gone out; while the e-mail waits in the outbox the run is
 * still `running`, and an e-mail the outbox gave up on makes the run `failed` with the outbox's reason.
 */
export function toRunView(run: ReportRunEntity, delivery: DeliverySummary | undefined): ReportRunView {
  const base = {
    id: run.id,
    schedule_id: run.scheduleId,
    scheduled_for: run.scheduledFor.toISOString(),
    started_at: run.startedAt.toISOString(),
    delivery_id: run.deliveryId,
    file_name: run.fileName,
  };
  if (run.state !== 'queued') return { ...base, state: run.state, finished_at: run.finishedAt?.toISOString() ?? null, error: run.error };
  switch (delivery?.state) {
    case 'sent':
      return { ...base, state: 'sent', finished_at: delivery.sentAt?.toISOString() ?? null, error: null };
    case 'failed':
      return {
        ...base,
        state: 'failed',
        finished_at: delivery.updatedAt.toISOString(),
        error: `the e-mail could not be sent: ${delivery.lastError ?? 'unknown reason'}`,
      };
    case 'pending':
    case 'sending':
    case undefined:
      return { ...base, state: 'running', finished_at: null, error: delivery?.lastError ?? null };
  }
}
