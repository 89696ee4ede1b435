import { validateEnv } from '@shopfloor/config';
import {
  DomainError,
  ErrorCode,
  SUBJECTS,
  type CustomReportRequest,
  type DailyReportQuery,
  type ReportFile,
  type ReportScheduleBody,
} from '@shopfloor/contracts';
import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { NatsConnectionHolder, RpcClient } from '@shopfloor/nats';
import {
  DeliveryRepository,
  NOTIFICATION_ENTITIES,
  NOTIFICATION_MIGRATIONS,
  ReportRunRepository,
  ReportScheduleRepository,
} from '@shopfloor/notification/data-access';
import { createTestDatabase, TEST_INFRA, waitFor, type TestDatabase } from '@shopfloor/testing';
import { connect, JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { DataSource } from 'typeorm';
import { NotificationEnv } from '../config/notification.env';
import { DeliveryOutbox } from '../delivery/delivery-outbox';
import { DeliveryWorker } from '../delivery/delivery-worker';
import { EmailSender } from '../delivery/email-sender';
import { TestClock } from '../delivery/test-clock.spec-helper';
import { startSmtpCatcher } from '../delivery/test-receivers.spec-helper';
import { WebhookSender } from '../delivery/webhook-sender';
import { ReportFiles } from './report-files';
import { ReportScheduler } from './report-scheduler';
import { SchedulesHandler } from './schedules.handler';
import { SchedulesService } from './schedules.service';

const codec = JSONCodec<unknown>();
const QUARTER_HOUR = 15 * 60_000;

interface AnalyticsCall {
  subject: string;
  payload: DailyReportQuery | CustomReportRequest;
}

/** A CSV report as analytics renders one: RFC 4180 with a BOM. */
function csvReport(name: string): ReportFile {
  return {
    file_name: `${name}.csv`,
    content_type: 'text/csv; charset=utf-8',
    body_base64: Buffer.from(`\ufeffmachine_id,overall_oee\r\nM-001,0.812\r\n${name}\r\n`, 'utf8').toString('base64'),
  };
}

/**
 * Analytics' report subjects under a prefix of this test's own: a real analytics service on the shared NATS (another
 * test's, or a running stack's) must not answer the requests the test's stand-in is there to answer.
 */
const PRIVATE_PREFIX = `report-scheduler-spec-${process.pid}`;
class PrivateRpcClient extends RpcClient {
  override request<TReply>(subject: string, payload: unknown, timeoutMs?: number): Promise<TReply> {
    return super.request<TReply>(`${PRIVATE_PREFIX}.${subject}`, payload, timeoutMs);
  }
}

describe(ReportScheduler.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let nc: NatsConnection;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let env: NotificationEnv;
  let clock: TestClock;
  let handler: SchedulesHandler;
  let worker: DeliveryWorker;
  let email: EmailSender;
  let rpc: RpcClient;
  let outbox: DeliveryOutbox;
  const analytics: AnalyticsCall[] = [];
  /** Error codes analytics answers the next requests with, in turn (then files). */
  const analyticsErrors: string[] = [];
  const subscriptions: Subscription[] = [];

  function scheduler(): ReportScheduler {
    return new ReportScheduler(new ReportScheduleRepository(dataSource), new ReportRunRepository(dataSource), new ReportFiles(rpc, env), outbox, clock, env);
  }

  function serve(subject: string, name: (payload: DailyReportQuery | CustomReportRequest) => string): void {
    subscriptions.push(
      nc.subscribe(`${PRIVATE_PREFIX}.${subject}`, {
        callback: (_error, msg) => {
          const payload = codec.decode(msg.data) as DailyReportQuery | CustomReportRequest;
          analytics.push({ subject, payload });
          const code = analyticsErrors.shift();
          msg.respond(
            codec.encode(
              code ? { ok: false, error: { code, message: `analytics says ${code}`, details: null } } : { ok: true, data: csvReport(name(payload)) },
            ),
          );
        },
      }),
    );
  }

  async function createSchedule(body: Partial<ReportScheduleBody>): Promise<string> {
    const view = await handler.create({
      name: 'Shift report',
      cron: '5 6 * * *',
      timezone: 'Europe/Berlin',
      report: { kind: 'daily' },
      format: 'csv',
      recipients: ['supervisor@shop.example.com'],
      ...body,
    });
    return view.id;
  }

  /** Moves the clock in quarter hours to `until`, ticking each given scheduler and sending the outbox at every step. */
  async function runUntil(until: string, schedulers: ReportScheduler[]): Promise<void> {
    while (clock.now() < new Date(until)) {
      clock.advance(QUARTER_HOUR);
      await Promise.all(schedulers.map((s) => s.tick()));
      while ((await worker.runOnce()) > 0);
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase('sf_notification_schedules');
    const settings = {
      url: db.serviceUrl('notification'),
      schema: 'notification',
      ssl: 'disable' as const,
      poolSize: 8,
      applicationName: 'test',
      entities: NOTIFICATION_ENTITIES,
      migrations: NOTIFICATION_MIGRATIONS,
      migrationsRun: false,
    };
    await runMigrations(settings);
    dataSource = await new DataSource(serviceDataSourceOptions(settings)).initialize();
    smtp = await startSmtpCatcher();
    env = validateEnv(NotificationEnv, {
      DATABASE_URL: db.serviceUrl('notification'),
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: 'reports@shop.example.com',
      DASHBOARD_URL: 'https://shop.example.com',
      REPORT_TIMEOUT_MS: '3000',
    });
    nc = await connect({ servers: TEST_INFRA.natsUrl, name: 'report-scheduler-spec' });
    rpc = new PrivateRpcClient(new NatsConnectionHolder(nc), { url: TEST_INFRA.natsUrl, name: 'report-scheduler-spec', rpcTimeoutMs: 3000 });
    serve(SUBJECTS.analytics.reportDaily, (payload) => `daily-report-${(payload as DailyReportQuery).date}`);
    serve(SUBJECTS.analytics.reportCustom, (payload) => `custom-${(payload as CustomReportRequest).from.slice(0, 10)}`);
    await nc.flush();
  });

  beforeEach(async () => {
    clock = new TestClock(new Date('2026-03-27T12:00:00.000Z'));
    const deliveries = new DeliveryRepository(dataSource);
    email = new EmailSender(env);
    worker = new DeliveryWorker(deliveries, email, new WebhookSender(env), clock, env);
    outbox = new DeliveryOutbox(deliveries, worker, clock, env);
    handler = new SchedulesHandler(new SchedulesService(new ReportScheduleRepository(dataSource), new ReportRunRepository(dataSource), deliveries, clock));
    analytics.length = 0;
    analyticsErrors.length = 0;
    smtp.mails.length = 0;
    await dataSource.query(`DELETE FROM "notification"."report_schedules"`);
    await dataSource.query(`DELETE FROM "notification"."deliveries"`);
  });

  afterEach(() => email.onModuleDestroy());

  afterAll(async () => {
    for (const subscription of subscriptions) subscription.unsubscribe();
    await nc.close();
    await smtp.close();
    await dataSource.destroy();
    await db.drop();
  });

  it('refuses a bad cron, an unknown zone and custom-only fields on a daily report with field_errors', async () => {
    const refusal = async (body: Partial<ReportScheduleBody>): Promise<DomainError> => {
      const error = await createSchedule(body).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(ErrorCode.ValidationFailed);
      return error as DomainError;
    };
    expect((await refusal({ cron: '5 6 * *' })).fieldErrors).toEqual([
      { field: 'cron', message: expect.stringContaining('five fields'), invalid_value: '5 6 * *' },
    ]);
    expect((await refusal({ cron: '5 25 * * *' })).fieldErrors).toEqual([
      { field: 'cron', message: expect.stringContaining('hour'), invalid_value: '5 25 * * *' },
    ]);
    expect((await refusal({ timezone: 'Europe/Atlantis' })).fieldErrors).toEqual([
      { field: 'timezone', message: expect.stringContaining('IANA'), invalid_value: 'Europe/Atlantis' },
    ]);
    expect((await refusal({ report: { kind: 'daily', metrics: ['overall_oee'] } })).fieldErrors).toEqual([
      expect.objectContaining({ field: 'report.metrics' }),
    ]);
    expect(new Set((await refusal({ report: { kind: 'custom' } })).fieldErrors?.map((e) => e.field))).toEqual(new Set(['report.metrics']));
    expect(new Set((await refusal({ recipients: [] })).fieldErrors?.map((e) => e.field))).toEqual(new Set(['recipients']));
    expect((await handler.list()).items).toEqual([]);
  });

  it('e-mails the daily report at 06:05 wall time on both sides of the spring clock change, for the day before', async () => {
    const id = await createSchedule({});
    const gap = await createSchedule({ name: 'In the gap', cron: '30 2 * * *' });
    expect((await handler.list()).items.find((s) => s.id === id)?.next_run_at).toBe('2026-03-28T06:05:00.000+01:00');

    await runUntil('2026-03-30T12:00:00.000Z', [scheduler()]);

    const runs = (await handler.runs({ id })).items;
    expect(runs.map((r) => [r.scheduled_for, r.state, r.file_name])).toEqual([
      ['2026-03-30T04:05:00.000Z', 'sent', 'daily-report-2026-03-29.csv'],
      ['2026-03-29T04:05:00.000Z', 'sent', 'daily-report-2026-03-28.csv'],
      ['2026-03-28T05:05:00.000Z', 'sent', 'daily-report-2026-03-27.csv'],
    ]);
    expect(runs.every((r) => r.delivery_id && r.error === null && r.finished_at)).toBe(true);
    // 02:30 does not exist on 29 March: that day's run is at 03:00 CEST, once.
    expect((await handler.runs({ id: gap })).items.map((r) => r.scheduled_for)).toEqual([
      '2026-03-30T00:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-28T01:30:00.000Z',
    ]);
    expect((await handler.list()).items.find((s) => s.id === id)?.next_run_at).toBe('2026-03-31T06:05:00.000+02:00');

    const mails = smtp.mails.filter((m) => m.headers.get('subject')?.startsWith('Shift report'));
    expect(mails.map((m) => m.headers.get('subject'))).toEqual([
      'Shift report: the daily report of 2026-03-27',
      'Shift report: the daily report of 2026-03-28',
      'Shift report: the daily report of 2026-03-29',
    ]);
    expect(mails[1].recipients).toEqual(['supervisor@shop.example.com']);
    expect(mails[1].attachments).toEqual([
      { fileName: 'daily-report-2026-03-28.csv', contentType: 'text/csv', content: Buffer.from(csvReport('daily-report-2026-03-28').body_base64, 'base64') },
    ]);
    expect(mails[1].parts.get('text/plain')).toContain('for 2026-03-29 06:05 CEST');
  });

  it('runs a time in the repeated autumn hour once, and 06:05 at 06:05 after the change', async () => {
    clock.set('2026-10-24T12:00:00.000Z');
    const morning = await createSchedule({});
    const repeated = await createSchedule({ name: 'Repeated hour', cron: '30 2 * * *' });

    await runUntil('2026-10-26T12:00:00.000Z', [scheduler()]);

    expect((await handler.runs({ id: morning })).items.map((r) => r.scheduled_for)).toEqual(['2026-10-26T05:05:00.000Z', '2026-10-25T05:05:00.000Z']);
    expect((await handler.runs({ id: repeated })).items.map((r) => r.scheduled_for)).toEqual(['2026-10-26T01:30:00.000Z', '2026-10-25T00:30:00.000Z']);
    expect(analytics.filter((c) => c.subject === SUBJECTS.analytics.reportDaily).map((c) => (c.payload as DailyReportQuery).date)).toEqual([
      '2026-10-24',
      '2026-10-24',
      '2026-10-25',
      '2026-10-25',
    ]);
  });

  it('runs a due time once across two schedulers ticking together', async () => {
    const id = await createSchedule({});
    const [a, b] = [scheduler(), scheduler()];
    clock.set('2026-03-28T05:05:00.000Z');

    const handled = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    while ((await worker.runOnce()) > 0);

    expect(handled.flat()).toHaveLength(1);
    expect(analytics).toHaveLength(1);
    await waitFor('the report e-mail', () => smtp.mails.length === 1);
    expect((await handler.runs({ id })).items).toEqual([expect.objectContaining({ scheduled_for: '2026-03-28T05:05:00.000Z', state: 'sent' })]);
    clock.advance(60_000);
    expect([...(await a.tick()), ...(await b.tick())]).toEqual([]);
  });

  it('asks for a custom report over its period and tries again while analytics is unavailable, not when it refuses', async () => {
    const id = await createSchedule({
      name: 'Weekly OEE',
      cron: '0 7 * * 1',
      report: { kind: 'custom', metrics: ['overall_oee', 'scrap'], period: 'previous_week', group_by: 'day', machine_ids: ['M-001'] },
      format: 'xlsx',
    });
    const refused = await createSchedule({ name: 'Refused', cron: '0 8 * * 1' });
    analyticsErrors.push(ErrorCode.ServiceUnavailable);
    const s = scheduler();

    clock.set('2026-03-30T05:00:00.000Z'); // Monday 07:00 CEST
    await s.tick();
    expect((await handler.runs({ id })).items).toEqual([expect.objectContaining({ state: 'running', error: expect.stringContaining('SERVICE_UNAVAILABLE') })]);
    clock.advance(30_000);
    expect(await s.tick()).toEqual([]);
    clock.advance(60_000);
    await s.tick();
    while ((await worker.runOnce()) > 0);

    expect(analytics.map((c) => c.payload)).toEqual([
      {
        metrics: ['overall_oee', 'scrap'],
        from: '2026-03-23T00:00:00+01:00',
        to: '2026-03-30T00:00:00+02:00',
        format: 'xlsx',
        machine_ids: ['M-001'],
        group_by: 'day',
      },
      {
        metrics: ['overall_oee', 'scrap'],
        from: '2026-03-23T00:00:00+01:00',
        to: '2026-03-30T00:00:00+02:00',
        format: 'xlsx',
        machine_ids: ['M-001'],
        group_by: 'day',
      },
    ]);
    expect((await handler.runs({ id })).items).toEqual([expect.objectContaining({ state: 'sent', file_name: 'custom-2026-03-23.csv', error: null })]);

    analyticsErrors.push(ErrorCode.ValidationFailed);
    clock.set('2026-03-30T06:00:00.000Z');
    await s.tick();
    expect((await handler.runs({ id: refused })).items).toEqual([
      expect.objectContaining({ state: 'failed', error: expect.stringContaining('VALIDATION_FAILED'), delivery_id: null }),
    ]);
  });

  it('deletes a schedule with its runs, and answers SCHEDULE_NOT_FOUND for it afterwards', async () => {
    const id = await createSchedule({});
    expect(await handler.delete({ id })).toEqual({ deleted: true });
    for (const call of [handler.delete({ id }), handler.runs({ id })]) {
      const error = await call.catch((e: unknown) => e);
      expect((error as DomainError).code).toBe(ErrorCode.ScheduleNotFound);
    }
    expect((await handler.list()).items).toEqual([]);
  });
});
