import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import { ANALYTICS_ENTITIES, ANALYTICS_MIGRATIONS } from '../../index';
import { MachineRepository, type MachineUpsert } from './machine.repository';

function machine(overrides: Partial<MachineUpsert> = {}): MachineUpsert {
  return {
    machineId: 'M-001',
    name: 'Mazak VCN-530C',
    type: 'MILL',
    location: 'Hall 1',
    installationDate: new Date('2018-03-01T00:00:00Z'),
    specifications: { axes: 3 },
    sourceUpdatedAt: new Date('2026-01-01T10:00:00Z'),
    ...overrides,
  };
}

describe(MachineRepository.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let repo: MachineRepository;

  beforeAll(async () => {
    db = await createTestDatabase('sf_machines');
    const settings = { url: db.serviceUrl('analytics'), schema: 'analytics', ssl: 'disable' as const, poolSize: 2, applicationName: 'test', entities: ANALYTICS_ENTITIES, migrations: ANALYTICS_MIGRATIONS, migrationsRun: false };
    await runMigrations(settings);
    dataSource = await new DataSource(serviceDataSourceOptions(settings)).initialize();
    repo = new MachineRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE analytics.machines');
  });

  it('inserts a new machine and reads it back', async () => {
    expect(await repo.upsertIfNewer(machine())).toBe(true);
    const stored = await repo.findActive('M-001');
    expect(stored).toMatchObject({ machineId: 'M-001', name: 'Mazak VCN-530C', type: 'MILL', location: 'Hall 1', specifications: { axes: 3 } });
    expect(stored?.sourceUpdatedAt.toISOString()).toBe('2026-01-01T10:00:00.000Z');
  });

  it('applies a newer source version and ignores an older one', async () => {
    await repo.upsertIfNewer(machine());
    expect(await repo.upsertIfNewer(machine({ name: 'renamed', sourceUpdatedAt: new Date('2026-01-02T00:00:00Z') }))).toBe(true);
    expect(await repo.upsertIfNewer(machine({ name: 'stale', sourceUpdatedAt: new Date('2026-01-01T12:00:00Z') }))).toBe(false);
    expect((await repo.findActive('M-001'))?.name).toBe('renamed');
  });

  it('treats a redelivery of the same version as harmless', async () => {
    await repo.upsertIfNewer(machine());
    await repo.upsertIfNewer(machine());
    const { items, total } = await repo.list({ limit: 10 });
    expect(total).toBe(1);
    expect(items).toHaveLength(1);
  });

  it('hides a deleted machine and does not let an older record bring it back', async () => {
    await repo.upsertIfNewer(machine());
    expect(await repo.markDeleted('M-001', new Date('2026-01-05T00:00:00Z'))).toBe(true);
    expect(await repo.findActive('M-001')).toBeNull();
    expect(await repo.upsertIfNewer(machine({ sourceUpdatedAt: new Date('2026-01-03T00:00:00Z') }))).toBe(false);
    expect(await repo.findActive('M-001')).toBeNull();
    expect(await repo.upsertIfNewer(machine({ sourceUpdatedAt: new Date('2026-01-06T00:00:00Z') }))).toBe(true);
    expect(await repo.findActive('M-001')).not.toBeNull();
  });

  it('filters by type and location and orders by machine id', async () => {
    await repo.upsertIfNewer(machine({ machineId: 'M-003', type: 'LATHE' }));
    await repo.upsertIfNewer(machine({ machineId: 'M-002' }));
    await repo.upsertIfNewer(machine({ machineId: 'M-001', location: 'Hall 2' }));
    expect((await repo.list({ limit: 10, type: 'MILL' })).items.map((m) => m.machineId)).toEqual(['M-001', 'M-002']);
    expect((await repo.list({ limit: 10, location: 'Hall 1' })).items.map((m) => m.machineId)).toEqual(['M-002', 'M-003']);
    expect((await repo.list({ limit: 1 })).total).toBe(3);
  });
});
