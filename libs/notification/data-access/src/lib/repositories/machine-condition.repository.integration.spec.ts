import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import { NOTIFICATION_ENTITIES, NOTIFICATION_MIGRATIONS } from '../../index';
import { MachineConditionRepository } from './machine-condition.repository';

const t = (minute: number): Date => new Date(Date.UTC(2026, 5, 1, 8, minute));

describe(MachineConditionRepository.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let conditions: MachineConditionRepository;

  beforeAll(async () => {
    db = await createTestDatabase('sf_notification_conditions');
    const settings = {
      url: db.serviceUrl('notification'),
      schema: 'notification',
      ssl: 'disable' as const,
      poolSize: 4,
      applicationName: 'test',
      entities: NOTIFICATION_ENTITIES,
      migrations: NOTIFICATION_MIGRATIONS,
      migrationsRun: false,
    };
    await runMigrations(settings);
    dataSource = await new DataSource(serviceDataSourceOptions(settings)).initialize();
    conditions = new MachineConditionRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const raise = (machineId: string, since: Date, details: Record<string, unknown> = { state: 'DOWN' }) =>
    conditions.raise({ machineId, kind: 'breakdown', since, observedAt: since, details, now: since });
  const clear = (machineId: string, at: Date) => conditions.clear({ machineId, kind: 'breakdown', at, now: at });
  const stateOf = async (machineId: string) => {
    const [row] = await conditions.forMachine(machineId);
    return { since: row.since.toISOString(), cleared: row.clearedAt?.toISOString() ?? null };
  };

  it('keeps an episode from its raise to its clearing, and says when nothing was new', async () => {
    expect(await raise('M-1', t(0))).toBe(true);
    expect(await raise('M-1', t(0))).toBe(false);
    expect(await raise('M-1', t(0), { state: 'DOWN', reason_code: 'TOOL' })).toBe(true);
    expect(await clear('M-1', t(10))).toBe(true);
    expect(await clear('M-1', t(10))).toBe(false);
    expect(await stateOf('M-1')).toEqual({ since: t(0).toISOString(), cleared: t(10).toISOString() });
  });

  it('leaves an ended episode ended when its raise comes again, and begins a later one', async () => {
    await raise('M-2', t(0));
    await clear('M-2', t(10));
    expect(await raise('M-2', t(0))).toBe(false);
    expect(await stateOf('M-2')).toEqual({ since: t(0).toISOString(), cleared: t(10).toISOString() });
    expect(await raise('M-2', t(20))).toBe(true);
    expect(await stateOf('M-2')).toEqual({ since: t(20).toISOString(), cleared: null });
    // A late raise of an older episode, and a late clearing of it, change nothing.
    expect(await raise('M-2', t(5))).toBe(false);
    expect(await clear('M-2', t(15))).toBe(false);
    expect(await stateOf('M-2')).toEqual({ since: t(20).toISOString(), cleared: null });
  });

  it('ends the same way when the clearing arrives before its raise', async () => {
    expect(await clear('M-3', t(10))).toBe(true);
    expect(await raise('M-3', t(0))).toBe(false);
    expect((await stateOf('M-3')).cleared).toBe(t(10).toISOString());
    expect(await raise('M-3', t(12))).toBe(true);
    expect(await stateOf('M-3')).toEqual({ since: t(12).toISOString(), cleared: null });
  });

  it('keeps only the newest reading of a kind', async () => {
    const record = (since: Date, value: number) =>
      conditions.recordLatest({ machineId: 'M-4', kind: 'prediction.failure_risk', since, details: { predicted_value: value }, now: since });
    expect(await record(t(10), 0.8)).toBe(true);
    expect(await record(t(5), 0.1)).toBe(false);
    expect(await record(t(20), 0.3)).toBe(true);
    expect((await conditions.forMachine('M-4'))[0].details).toEqual({ predicted_value: 0.3 });
  });
});
