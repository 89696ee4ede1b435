import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DomainError, ErrorCode } from '@shopfloor/contracts';
import {
  ReportRunRepository,
  ReportScheduleRepository,
  type DueSlot,
  type ReportRunEntity,
  type ReportScheduleEntity,
} from '@shopfloor/notification/data-access';
import { PeriodicTask } from '@shopfloor/util';
import { Clock } from '../clock';
import { NotificationEnv } from '../config/notification.env';
import { DeliveryOutbox } from '../delivery/delivery-outbox';
import { leaseHolderName } from '../lease-holder';
import { CronSchedule } from './cron-schedule';
import { renderReportEmail } from './report-email';
import { ReportFiles } from './report-files';

/** Runs one tick takes on; more wait for the next tick. */
const BATCH = 20;
/** How long a replica holds a run it is making; above REPORT_TIMEOUT_MS, so only a dead replica's run is taken over. */
const RUN_LEASE_MARGIN_MS = 60_000;
/** Attempts per run while analytics is unavailable, a minute apart and more, before the run is shown failed. */
const RUN_ATTEMPTS = 3;
const RUN_RETRY_MS = 60_000;

/**
 * Report schedules, once across replicas: each tick turns due cron times into runs (a unique run per schedule and
 * time, created under a row lock every other replica skips), asks analytics for each run's file and puts the e-mail
 * with the file attached into the outbox, in the same transaction that closes the run. A run whose replica died is
 * taken over when its lease runs out; one that analytics could not serve is tried again a little later.
 */
@Injectable()
export class ReportScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReportScheduler.name);
  readonly runner = leaseHolderName();
  private task?: PeriodicTask;
  private stopping = false;

  constructor(
    private readonly schedules: ReportScheduleRepository,
    private readonly runs: ReportRunRepository,
    private readonly files: ReportFiles,
    private readonly outbox: DeliveryOutbox,
    private readonly clock: Clock,
    private readonly env: NotificationEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.task = new PeriodicTask(
      async () => {
        await this.tick();
      },
      {
        intervalMs: this.env.REPORT_SCHEDULE_TICK_SECONDS * 1000,
        onError: (error) => this.logger.warn({ message: 'Could not run the report schedules', reason: error.message }),
      },
    );
    this.task.start();
  }

  /** The tick in flight stops after the run in hand (`stopping`); the runs it did not take wait for another replica. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.task?.stop();
  }

  /** Creates and runs what is due now, and takes up runs waiting for a retry or left by a dead replica. Returns the run ids handled. */
  async tick(): Promise<string[]> {
    const now = this.clock.now();
    const lease = this.env.REPORT_TIMEOUT_MS + RUN_LEASE_MARGIN_MS;
    const created = await this.schedules.createDueRuns(now, this.runner, lease, BATCH, (schedule) => this.slotOf(schedule, now), randomUUID);
    const handled: string[] = [];
    for (const slot of created) {
      if (this.stopping) break;
      const run = await this.runs.find(slot.runId);
      if (run) handled.push(await this.execute(run));
    }
    for (const run of this.stopping ? [] : await this.runs.claimOpen(now, this.runner, lease, BATCH)) {
      if (this.stopping) break;
      handled.push(await this.execute(run));
    }
    return handled;
  }

  private slotOf(schedule: ReportScheduleEntity, now: Date): DueSlot {
    const due = schedule.nextRunAt as Date;
    try {
      return CronSchedule.parse(schedule.cron, schedule.timezone).slot(due, now);
    } catch (error) {
      // Validated when created; a zone the time-zone data no longer knows runs this once and then stops, said loudly.
      this.logger.error({
        message: 'A report schedule can no longer be read; it stops after this run',
        schedule_id: schedule.id,
        reason: (error as Error).message,
      });
      return { scheduledFor: due, next: null };
    }
  }

  private async execute(run: ReportRunEntity): Promise<string> {
    const schedule = await this.schedules.find(run.scheduleId);
    if (!schedule) return run.id; // deleted meanwhile; its runs went with it
    try {
      const { file, coverage } = await this.files.forRun(schedule, run.scheduledFor);
      const content = Buffer.from(file.body_base64, 'base64');
      const email = renderReportEmail({ schedule, scheduledFor: run.scheduledFor, coverage, fileName: file.file_name, dashboardUrl: this.env.DASHBOARD_URL });
      const finished = await this.runs.finishWithDelivery(run.id, this.runner, this.clock.now(), file.file_name, async (manager) => {
        const [deliveryId] = await this.outbox.enqueue(
          [
            {
              id: this.outbox.newId(),
              channel: 'email',
              recipients: schedule.recipients,
              ...email,
              attachment: { fileName: file.file_name, contentType: file.content_type, content },
              scheduleId: schedule.id,
              reportRunId: run.id,
            },
          ],
          { manager },
        );
        return deliveryId;
      });
      if (finished)
        this.logger.log({
          message: 'Scheduled report queued for e-mail',
          schedule_id: schedule.id,
          run_id: run.id,
          scheduled_for: run.scheduledFor.toISOString(),
          file_name: file.file_name,
          bytes: content.length,
        });
    } catch (error) {
      await this.failed(run, error);
    }
    return run.id;
  }

  private async failed(run: ReportRunEntity, error: unknown): Promise<void> {
    const reason = error instanceof DomainError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
    // A refusal (the report's own request is wrong) stays a refusal; an outage or a local error may pass.
    const retry = !(error instanceof DomainError && error.code !== ErrorCode.ServiceUnavailable) && run.attempts < RUN_ATTEMPTS;
    const line = { schedule_id: run.scheduleId, run_id: run.id, attempt: run.attempts, reason };
    if (retry) {
      await this.runs.retryLater(run.id, this.runner, reason, new Date(this.clock.now().getTime() + RUN_RETRY_MS * run.attempts));
      this.logger.warn({ message: 'Scheduled report failed; trying again', ...line });
    } else {
      await this.runs.fail(run.id, this.runner, this.clock.now(), reason);
      this.logger.error({ message: 'Scheduled report failed', ...line });
    }
  }
}
