import { randomUUID } from 'node:crypto';
import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import { NOTIFICATION_ENTITIES, NOTIFICATION_MIGRATIONS } from '../../index';
import { AlertCheckRepository } from './alert-check.repository';
import { AlertRuleRepository } from './alert-rule.repository';
import { AlertRepository, type NewAlert } from './alert.repository';

const t = (minute: number): Date => new Date(Date.UTC(2026, 5, 1, 8, minute));

describe(`${AlertRepository.name} and ${AlertCheckRepository.name}`, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let alerts: AlertRepository;
  let checks: AlertCheckRepository;
  let ruleId: string;

  beforeAll(async () => {
    db = await createTestDatabase('sf_notification_alert_rows');
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
    alerts = new AlertRepository(dataSource);
    checks = new AlertCheckRepository(dataSource);
    ruleId = (await new AlertRuleRepository(dataSource).list())[0].id;
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const alert = (machineId: string): NewAlert => ({
    id: randomUUID(),
    ruleId,
    machineId,
    condition: 'machine_down_longer_than',
    severity: 'critical',
    message: 'down',
    details: {},
    openedAt: t(0),
    conditionSeenAt: t(0),
    noticeAt: t(0),
  });

  it('keeps at most one alert of a rule and machine that is not resolved, whoever inserts at once', async () => {
    const inserted = await Promise.all(Array.from({ length: 5 }, () => alerts.transaction((m) => alerts.insert(m, alert('M-1')))));
    expect(inserted.filter((x) => x !== null)).toHaveLength(1);
    const open = inserted.find((x) => x !== null);
    await alerts.transaction((m) => alerts.resolve(m, open?.id ?? '', t(5), null));
    expect(await alerts.transaction((m) => alerts.insert(m, alert('M-1')))).not.toBeNull();
  });

  it('lets exactly one of several callers take a check’s period', async () => {
    const now = t(30);
    const claims = await Promise.all(Array.from({ length: 6 }, () => checks.claim('sweep', now, 15)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await checks.claim('sweep', new Date(now.getTime() + 14_000), 15)).toBe(false);
    expect(await checks.claim('sweep', new Date(now.getTime() + 15_000), 15)).toBe(true);
    // A period set far ahead by a wrong clock is taken back.
    expect(await checks.claim('sweep', new Date(now.getTime() - 3_600_000), 15)).toBe(true);
  });
});
