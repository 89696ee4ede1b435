import { randomUUID } from 'node:crypto';
import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { AlertRepository, AlertRuleRepository, NOTIFICATION_ENTITIES, NOTIFICATION_MIGRATIONS, type NewAlert } from '@shopfloor/notification/data-access';
import { MetricsRegistry } from '@shopfloor/observability';
import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import { AlertMetrics } from './alert.metrics';

const at = new Date(Date.UTC(2026, 5, 1, 8));

describe(AlertMetrics.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('sf_notification_alert_metrics');
    const settings = {
      url: db.serviceUrl('notification'),
      schema: 'notification',
      ssl: 'disable' as const,
      poolSize: 2,
      applicationName: 'test',
      entities: NOTIFICATION_ENTITIES,
      migrations: NOTIFICATION_MIGRATIONS,
      migrationsRun: false,
    };
    await runMigrations(settings);
    dataSource = await new DataSource(serviceDataSourceOptions(settings)).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('counts the alerts not resolved by severity and state, with 0 for the rest', async () => {
    const alerts = new AlertRepository(dataSource);
    const ruleId = (await new AlertRuleRepository(dataSource).list())[0].id;
    const alert = (machineId: string, severity: string): NewAlert => ({
      id: randomUUID(),
      ruleId,
      machineId,
      condition: 'machine_down_longer_than',
      severity,
      message: 'down',
      details: {},
      openedAt: at,
      conditionSeenAt: at,
      noticeAt: at,
    });
    const [a, b, c, d] = await Promise.all(
      [alert('M-1', 'critical'), alert('M-2', 'critical'), alert('M-3', 'warning'), alert('M-4', 'warning')].map((x) =>
        alerts.transaction((m) => alerts.insert(m, x)),
      ),
    );
    await alerts.transaction((m) => alerts.acknowledge(m, c?.id ?? '', at, 'someone'));
    await alerts.transaction((m) => alerts.resolve(m, d?.id ?? '', at, null));
    expect([a, b]).not.toContain(null);

    const metrics = new MetricsRegistry();
    new AlertMetrics(metrics, alerts);
    const text = await metrics.render();
    expect(text).toMatch(/^shopfloor_alerts_open\{severity="critical",state="open"\} 2$/m);
    expect(text).toMatch(/^shopfloor_alerts_open\{severity="warning",state="acknowledged"\} 1$/m);
    expect(text).toMatch(/^shopfloor_alerts_open\{severity="warning",state="open"\} 0$/m);
    expect(text).toMatch(/^shopfloor_alerts_open\{severity="info",state="open"\} 0$/m);
  });
});
