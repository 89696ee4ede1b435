import { createHmac } from 'node:crypto';
import { validateEnv } from '@shopfloor/config';
import { DomainError, ErrorCode, type ChannelView, type DeliveryView } from '@shopfloor/contracts';
import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { DeliveryRepository, NOTIFICATION_ENTITIES, NOTIFICATION_MIGRATIONS } from '@shopfloor/notification/data-access';
import { createTestDatabase, waitFor, type TestDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import { NotificationEnv } from '../config/notification.env';
import { breakdownAlert } from './alert-fixtures.spec-helper';
import type { AlertNotice } from './alert-notifier';
import type { AlertWebhookBody } from './alert-webhook';
import { DeliveriesHandler } from './deliveries.handler';
import { DeliveryOutbox } from './delivery-outbox';
import { DeliveryWorker } from './delivery-worker';
import { EmailSender } from './email-sender';
import { OutboxAlertNotifier } from './outbox-alert-notifier';
import { TestClock } from './test-clock.spec-helper';
import { startHttpReceiver, startSmtpCatcher } from './test-receivers.spec-helper';
import { verifyWebhookSignature } from './webhook-signature';
import { WebhookSender } from './webhook-sender';

const SECRET = 'test-signing-secret-of-32-characters!';
const LEASE_SECONDS = 60;

describe(DeliveryWorker.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  let http: Awaited<ReturnType<typeof startHttpReceiver>>;
  let envVariables: Record<string, string>;
  let env: NotificationEnv;
  let clock: TestClock;
  let repository: DeliveryRepository;
  const stops: (() => Promise<void> | void)[] = [];

  /** One replica's outbox parts, on the shared database and clock. */
  function replica(repo: DeliveryRepository = repository): { worker: DeliveryWorker; outbox: DeliveryOutbox; notifier: OutboxAlertNotifier } {
    const email = new EmailSender(env);
    stops.push(() => email.onModuleDestroy());
    const worker = new DeliveryWorker(repo, email, new WebhookSender(env), clock, env);
    const outbox = new DeliveryOutbox(repository, worker, clock, env);
    return { worker, outbox, notifier: new OutboxAlertNotifier(outbox, clock, env) };
  }

  const notice = (channels: ChannelView[], overrides: Partial<AlertNotice> = {}): AlertNotice => ({
    alert: breakdownAlert(),
    event: 'opened',
    ruleName: 'Breakdown',
    channels,
    notBefore: null,
    ...overrides,
  });

  /** Runs the worker's rounds until one claims nothing. */
  async function drain(worker: DeliveryWorker): Promise<void> {
    while ((await worker.runOnce()) > 0);
  }

  beforeAll(async () => {
    db = await createTestDatabase('sf_notification_delivery');
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
    repository = new DeliveryRepository(dataSource);
    smtp = await startSmtpCatcher();
    http = await startHttpReceiver();
    envVariables = {
      DATABASE_URL: db.serviceUrl('notification'),
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: 'alerts@shop.example.com',
      DASHBOARD_URL: 'https://shop.example.com',
      SHOP_TIMEZONE: 'Europe/Berlin',
      WEBHOOK_SIGNING_SECRET: SECRET,
      WEBHOOK_TIMEOUT_MS: '1000',
      DELIVERY_MAX_ATTEMPTS: '3',
      DELIVERY_RETRY_BASE_SECONDS: '10',
      DELIVERY_RETRY_MAX_SECONDS: '60',
      DELIVERY_LEASE_SECONDS: String(LEASE_SECONDS),
    };
    env = validateEnv(NotificationEnv, envVariables);
  });

  afterAll(async () => {
    for (const stop of stops) await stop();
    await smtp.close();
    await http.close();
    await dataSource.destroy();
    await db.drop();
  });

  beforeEach(async () => {
    clock = new TestClock(new Date('2026-03-29T01:10:00.000Z'));
    smtp.mails.length = 0;
    http.calls.length = 0;
    http.answers.length = 0;
    http.delayMs.value = 0;
    await dataSource.query(`DELETE FROM "notification"."deliveries"`);
  });

  it('e-mails an alert with HTML and text bodies, times in the shop’s zone, under its own Message-ID', async () => {
    const { worker, notifier } = replica();
    const [id] = await notifier.enqueue(notice([{ type: 'email', to: ['lead@shop.example.com', 'night@shop.example.com'] }]));

    expect(await worker.runOnce()).toBe(1);

    const mail = await waitFor('the e-mail', () => smtp.mails[0]);
    const stored = await repository.find(id);
    expect(stored).toMatchObject({ state: 'sent', attempts: 1, sentAt: clock.now(), lastError: null });
    expect(mail.recipients).toEqual(['lead@shop.example.com', 'night@shop.example.com']);
    expect(mail.headers.get('subject')).toBe('[critical] M-001 down for 12 min');
    expect(mail.headers.get('message-id')).toBe(`<${stored?.messageId}>`);
    expect(stored?.messageId).toBe(`${id}@shop.example.com`);
    expect(mail.headers.get('x-delivery-id')).toBe(stored?.messageId);
    expect(mail.headers.get('from')).toBe('alerts@shop.example.com');
    const text = mail.parts.get('text/plain') ?? '';
    const html = mail.parts.get('text/html') ?? '';
    for (const body of [text, html]) {
      expect(body).toContain('M-001');
      expect(body).toContain('machine down (rule “Breakdown”)');
      expect(body).toContain('SPINDLE');
      expect(body).toContain('2026-03-29 01:58 CET');
      expect(body).toContain('2026-03-29 03:10 CEST');
      expect(body).toContain('https://shop.example.com/alerts/6f1c2b1e-3d4a-4c5b-9e8f-0a1b2c3d4e5f');
    }
    expect(html).toMatch(/^<!DOCTYPE html>/);
  });

  it('posts a JSON webhook whose signature the receiver can verify, and Slack and Teams shapes', async () => {
    const { worker, notifier } = replica();
    const ids = await notifier.enqueue(
      notice([
        { type: 'webhook', url: `${http.url}/json`, format: 'json' },
        { type: 'webhook', url: `${http.url}/slack`, format: 'slack' },
        { type: 'webhook', url: `${http.url}/teams`, format: 'teams' },
        { type: 'websocket' },
      ]),
    );
    expect(ids).toHaveLength(3);

    await drain(worker);

    expect(http.calls.map((c) => c.url).sort()).toEqual(['/json', '/slack', '/teams']);
    const now = Math.floor(clock.now().getTime() / 1000);
    for (const call of http.calls) {
      const signature = String(call.headers['x-signature']);
      const timestamp = String(call.headers['x-signature-timestamp']);
      expect(call.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(timestamp).toBe(String(now));
      // What any receiver computes: HMAC-SHA256 of "<timestamp>.<raw body>" with the shared secret.
      expect(signature).toBe(`sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${call.body}`).digest('hex')}`);
      expect(verifyWebhookSignature(SECRET, { signature, timestamp }, call.body, now)).toBe(true);
      expect(verifyWebhookSignature(SECRET, { signature, timestamp }, call.body.replace('M-001', 'M-002'), now)).toBe(false);
      // A replay ten minutes later is refused by a receiver that checks the timestamp.
      expect(verifyWebhookSignature(SECRET, { signature, timestamp }, call.body, now + 600)).toBe(false);
    }
    const json = http.calls.find((c) => c.url === '/json');
    const body = JSON.parse(json?.body ?? '') as AlertWebhookBody;
    expect(json?.headers['x-delivery-id']).toBe(body.delivery_id);
    expect(ids).toContain(body.delivery_id);
    expect(body).toMatchObject({ event: 'alert.opened', rule: 'Breakdown', alert: breakdownAlert(), summary: '[critical] M-001 down for 12 min' });
    expect(JSON.parse(http.calls.find((c) => c.url === '/slack')?.body ?? '')).toMatchObject({
      text: '[critical] M-001 down for 12 min',
      blocks: expect.any(Array),
    });
    expect(JSON.parse(http.calls.find((c) => c.url === '/teams')?.body ?? '')).toMatchObject({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }],
    });
  });

  it('retries after the receiver fails twice, with growing backoff, then marks the delivery sent once', async () => {
    const { worker, notifier } = replica();
    http.answers.push(500, 503);
    const [id] = await notifier.enqueue(notice([{ type: 'webhook', url: `${http.url}/flaky` }]));

    await worker.runOnce();
    const first = await repository.find(id);
    expect(first).toMatchObject({ state: 'pending', attempts: 1, lastError: 'HTTP 500: refused with 500' });
    const firstWait = (first?.nextAttemptAt?.getTime() ?? 0) - clock.now().getTime();
    expect(firstWait).toBeGreaterThanOrEqual(5_000);
    expect(firstWait).toBeLessThanOrEqual(10_000);
    // Not due yet: nothing is sent before the backoff has passed.
    expect(await worker.runOnce()).toBe(0);

    clock.set(first?.nextAttemptAt as Date);
    await worker.runOnce();
    const second = await repository.find(id);
    expect(second).toMatchObject({ state: 'pending', attempts: 2, lastError: 'HTTP 503: refused with 503' });
    const secondWait = (second?.nextAttemptAt?.getTime() ?? 0) - clock.now().getTime();
    expect(secondWait).toBeGreaterThanOrEqual(10_000);
    expect(secondWait).toBeLessThanOrEqual(20_000);

    clock.set(second?.nextAttemptAt as Date);
    await worker.runOnce();
    expect(await repository.find(id)).toMatchObject({ state: 'sent', attempts: 3, lastError: null, sentAt: clock.now() });
    expect(http.calls).toHaveLength(3);
    expect(new Set(http.calls.map((c) => c.headers['x-delivery-id']))).toEqual(new Set([id]));
    expect(new Set(http.calls.map((c) => c.body)).size).toBe(1);
    clock.advance(3_600_000);
    expect(await worker.runOnce()).toBe(0);
  });

  it('gives up after DELIVERY_MAX_ATTEMPTS, a timeout counting as a failure, and lists the delivery failed', async () => {
    const { worker, notifier } = replica();
    http.answers.push(500, 0, 404);
    const [id] = await notifier.enqueue(notice([{ type: 'webhook', url: `${http.url}/gone?token=secret-token` }]));

    for (let i = 0; i < 3; i += 1) {
      await worker.runOnce();
      if (i === 1) expect((await repository.find(id))?.lastError).toBe('no answer within 1000 ms');
      clock.advance(120_000);
    }
    expect(await worker.runOnce()).toBe(0);

    const page = await new DeliveriesHandler(repository).list({ state: 'failed' });
    expect(page.items).toEqual([
      expect.objectContaining<Partial<DeliveryView>>({
        id,
        channel: 'webhook',
        state: 'failed',
        attempts: 3,
        last_error: 'HTTP 404: refused with 404',
        next_attempt_at: null,
        target: `${http.url}/gone`,
        sent_at: null,
      }),
    ]);
    expect(http.calls).toHaveLength(3);
  });

  it('sends again under the same message id when a replica dies between sending and marking', async () => {
    // The first replica's database goes away right after the send: it can no longer mark what it sent.
    const dying = new Proxy(repository, {
      get: (target, property: keyof DeliveryRepository) =>
        property === 'markSent' ? () => Promise.reject(new Error('terminated')) : (target[property] as (...args: unknown[]) => unknown).bind(target),
    });
    const first = replica(dying);
    const second = replica();
    const ids = await first.notifier.enqueue(
      notice([
        { type: 'email', to: ['lead@shop.example.com'] },
        { type: 'webhook', url: `${http.url}/hook` },
      ]),
    );

    await first.worker.runOnce();
    await waitFor('the first e-mail', () => smtp.mails.length === 1);
    expect(http.calls).toHaveLength(1);
    // Its claim holds until the lease runs out: meanwhile the other replica leaves the deliveries alone.
    clock.advance((LEASE_SECONDS - 1) * 1000);
    expect(await second.worker.runOnce()).toBe(0);

    clock.advance(2000);
    expect(await second.worker.runOnce()).toBe(2);

    await waitFor('the second e-mail', () => smtp.mails.length === 2);
    expect(smtp.mails[1].headers.get('message-id')).toBe(smtp.mails[0].headers.get('message-id'));
    expect(http.calls).toHaveLength(2);
    expect(http.calls[1].headers['x-delivery-id']).toBe(http.calls[0].headers['x-delivery-id']);
    expect(http.calls[1].body).toBe(http.calls[0].body);
    for (const id of ids) expect(await repository.find(id)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('never lets two replicas send one delivery twice while its lease holds', async () => {
    const a = replica();
    const b = replica();
    http.delayMs.value = 30;
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1)
      ids.push(
        ...(await a.notifier.enqueue(
          notice([
            { type: 'webhook', url: `${http.url}/n${i}` },
            { type: 'email', to: [`r${i}@shop.example.com`] },
          ]),
        )),
      );

    await Promise.all([drain(a.worker), drain(b.worker), drain(a.worker), drain(b.worker)]);

    await waitFor('every e-mail', () => smtp.mails.length >= 12);
    const delivered = [...http.calls.map((c) => String(c.headers['x-delivery-id'])), ...smtp.mails.map((m) => String(m.headers.get('x-delivery-id')))];
    expect(delivered).toHaveLength(24);
    expect(new Set(delivered).size).toBe(24);
    const states = await dataSource.query<{ state: string; attempts: number }[]>(`SELECT "state", "attempts" FROM "notification"."deliveries"`);
    expect(states.every((row) => row.state === 'sent' && row.attempts === 1)).toBe(true);
  });

  it('stores with the caller’s transaction or not at all, and holds deliveries back until quiet hours end', async () => {
    const { worker, notifier } = replica();
    await dataSource
      .transaction(async (manager) => {
        await notifier.enqueue(notice([{ type: 'email', to: ['lead@shop.example.com'] }]), manager);
        throw new Error('the alert could not be stored');
      })
      .catch(() => undefined);
    expect(await repository.page({ limit: 10 })).toEqual([]);

    const quietUntil = new Date('2026-03-29T04:00:00.000Z');
    const ids = await dataSource.transaction((manager) =>
      notifier.enqueue(notice([{ type: 'email', to: ['lead@shop.example.com'] }], { notBefore: quietUntil }), manager),
    );
    expect(ids).toHaveLength(1);
    expect(await worker.runOnce()).toBe(0);
    clock.set(quietUntil);
    expect(await worker.runOnce()).toBe(1);
    await waitFor('the e-mail after the quiet hours', () => smtp.mails.length === 1);
  });

  it('sends what a transaction stored as soon as it commits, without waiting for the next poll', async () => {
    const slowPoll = validateEnv(NotificationEnv, { ...envVariables, DELIVERY_POLL_MS: '60000' });
    const email = new EmailSender(slowPoll);
    const worker = new DeliveryWorker(repository, email, new WebhookSender(slowPoll), clock, slowPoll);
    const notifier = new OutboxAlertNotifier(new DeliveryOutbox(repository, worker, clock, slowPoll), clock, slowPoll);
    worker.onApplicationBootstrap();
    try {
      await waitFor('the worker to listen', async () => {
        const [row] = await dataSource.query<{ n: string }[]>(
          `SELECT count(*) AS "n" FROM pg_stat_activity WHERE "datname" = current_database() AND "query" = 'LISTEN notification_outbox'`,
        );
        return Number(row.n) > 0;
      });
      await dataSource.transaction(async (manager) => {
        await notifier.enqueue(notice([{ type: 'email', to: ['lead@shop.example.com'] }]), manager);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(smtp.mails).toHaveLength(0);
      });
      await waitFor('the e-mail after the commit', () => smtp.mails.length === 1, 3000, 20);
    } finally {
      await worker.onModuleDestroy();
      email.onModuleDestroy();
    }
  });

  it('lists deliveries newest first in pages, by state, showing recipients and webhook URLs without secrets', async () => {
    const { notifier } = replica();
    const handler = new DeliveriesHandler(repository);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push(...(await notifier.enqueue(notice([{ type: 'webhook', url: `http://user:pw@127.0.0.1:9/hook/${i}?token=t${i}#frag` }]))));
      clock.advance(1000);
    }
    ids.push(...(await notifier.enqueue(notice([{ type: 'email', to: ['a@shop.example.com', 'b@shop.example.com'] }]))));

    const first = await handler.list({ limit: 4 });
    expect(first.items.map((d) => d.id)).toEqual(ids.slice(2).reverse());
    expect(first.items[0]).toMatchObject({
      channel: 'email',
      target: 'a@shop.example.com, b@shop.example.com',
      state: 'pending',
      attempts: 0,
      alert_id: breakdownAlert().id,
      schedule_id: null,
    });
    expect(first.items[1].target).toBe('http://127.0.0.1:9/hook/4');
    const second = await handler.list({ limit: 4, cursor: first.next_cursor ?? undefined });
    expect(second.items.map((d) => d.id)).toEqual(ids.slice(0, 2).reverse());
    expect(second.next_cursor).toBeNull();
    expect((await handler.list({ state: 'sent' })).items).toEqual([]);
    expect((await handler.list({ state: 'pending' })).items).toHaveLength(6);

    const refused = await handler.list({ cursor: 'bm90LWEtY3Vyc29y' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe(ErrorCode.ValidationFailed);
    const invalid = await handler.list({ state: 'sending' }).catch((error: unknown) => error);
    expect((invalid as DomainError).code).toBe(ErrorCode.ValidationFailed);
  });
});
