import { randomUUID } from 'node:crypto';
import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import { NOTIFICATION_ENTITIES, NOTIFICATION_MIGRATIONS } from '../../index';
import { DeliveryRepository, type NewDelivery } from './delivery.repository';

describe(DeliveryRepository.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let deliveries: DeliveryRepository;
  const t0 = new Date('2026-03-29T01:00:00.000Z');
  const at = (seconds: number): Date => new Date(t0.getTime() + seconds * 1000);

  const webhook = (createdAt = t0): NewDelivery => {
    const id = randomUUID();
    return {
      id,
      channel: 'webhook',
      recipients: null,
      url: 'http://127.0.0.1:9/hook',
      format: 'json',
      subject: null,
      body: '{}',
      htmlBody: null,
      attachment: null,
      attachmentName: null,
      attachmentType: null,
      alertId: null,
      alertEvent: null,
      scheduleId: null,
      reportRunId: null,
      messageId: id,
      nextAttemptAt: createdAt,
      createdAt,
    };
  };

  beforeAll(async () => {
    db = await createTestDatabase('sf_notification_outbox');
    const settings = {
      url: db.serviceUrl('notification'),
      schema: 'notification',
      ssl: 'disable' as const,
      poolSize: 6,
      applicationName: 'test',
      entities: NOTIFICATION_ENTITIES,
      migrations: NOTIFICATION_MIGRATIONS,
      migrationsRun: false,
    };
    await runMigrations(settings);
    dataSource = await new DataSource(serviceDataSourceOptions(settings)).initialize();
    deliveries = new DeliveryRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  beforeEach(async () => {
    await dataSource.query(`DELETE FROM "notification"."deliveries"`);
  });

  it('hands each due delivery to one of several concurrent claims', async () => {
    const stored = Array.from({ length: 30 }, () => webhook());
    await deliveries.insert(stored);
    const claims = await Promise.all(Array.from({ length: 5 }, (_, i) => deliveries.claimDue(`w${i}`, randomUUID(), at(1), 60_000, 10, 5)));
    const ids = claims.flat().map((d) => d.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect(claims.flat().every((d) => d.state === 'sending' && d.attempts === 1)).toBe(true);
  });

  it('claims nothing that is not due yet, and a lapsed claim again under a new token', async () => {
    const later = { ...webhook(), nextAttemptAt: at(600) };
    const now = webhook();
    await deliveries.insert([later, now]);
    const first = randomUUID();
    expect((await deliveries.claimDue('a', first, at(1), 60_000, 10, 5)).map((d) => d.id)).toEqual([now.id]);
    // While the lease holds nobody else gets it.
    expect(await deliveries.claimDue('b', randomUUID(), at(30), 60_000, 10, 5)).toEqual([]);
    const second = randomUUID();
    const retaken = await deliveries.claimDue('b', second, at(62), 60_000, 10, 5);
    expect(retaken.map((d) => [d.id, d.attempts, d.leaseOwner])).toEqual([[now.id, 2, 'b']]);
    // The first worker comes back too late: its mark is refused; the holder's counts, once.
    expect(await deliveries.markSent(now.id, first, at(63))).toBe(false);
    expect(await deliveries.markSent(now.id, second, at(63))).toBe(true);
    expect(await deliveries.markSent(now.id, second, at(64))).toBe(false);
    expect(await deliveries.find(now.id)).toMatchObject({ state: 'sent', sentAt: at(63), leaseToken: null });
  });

  it('retries a failed attempt from its time, fails for good without one, and gives up on an abandoned last attempt', async () => {
    const [a, b] = [webhook(), webhook()];
    await deliveries.insert([a, b]);
    const token = randomUUID();
    await deliveries.claimDue('w', token, at(1), 60_000, 10, 2);
    expect(await deliveries.markAttemptFailed(a.id, token, at(2), 'HTTP 500', at(100))).toBe(true);
    expect(await deliveries.markAttemptFailed(b.id, token, at(2), 'HTTP 500', null)).toBe(true);
    expect(await deliveries.find(b.id)).toMatchObject({ state: 'failed', lastError: 'HTTP 500', attempts: 1 });
    expect(await deliveries.claimDue('w', randomUUID(), at(99), 60_000, 10, 2)).toEqual([]);
    const second = await deliveries.claimDue('w', randomUUID(), at(100), 60_000, 10, 2);
    expect(second.map((d) => [d.id, d.attempts])).toEqual([[a.id, 2]]);
    // The worker dies on the last attempt: once the lease lapses there is no attempt left to claim.
    expect(await deliveries.claimDue('x', randomUUID(), at(200), 60_000, 10, 2)).toEqual([]);
    expect(await deliveries.failAbandoned(at(200), 2)).toBe(1);
    expect(await deliveries.find(a.id)).toMatchObject({ state: 'failed', attempts: 2, lastError: expect.stringContaining('stopped before it finished') });
  });

  it('pages newest first by state, pending including deliveries being sent', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => webhook(at(i)));
    await deliveries.insert(rows);
    const token = randomUUID();
    const claimed = await deliveries.claimDue('w', token, at(0), 60_000, 1, 5);
    await deliveries.markSent(claimed[0].id, token, at(10));
    const pending = await deliveries.page({ state: 'pending', limit: 10 });
    expect(pending.map((d) => d.id)).toEqual(
      rows
        .slice(1)
        .reverse()
        .map((d) => d.id),
    );
    const firstPage = await deliveries.page({ limit: 2 });
    expect(firstPage.map((d) => d.id)).toEqual([rows[4].id, rows[3].id, rows[2].id]);
    const next = await deliveries.page({ limit: 2, before: { createdAt: firstPage[1].createdAt, id: firstPage[1].id } });
    expect(next.map((d) => d.id)).toEqual([rows[2].id, rows[1].id, rows[0].id]);
    expect(await deliveries.countByState()).toEqual({ pending: 4, sending: 0, sent: 1, failed: 0 });
  });
});
